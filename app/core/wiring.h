/* SPDX-License-Identifier: MIT */
/* How buttons are wired to GPIO lines: plain data the settings fill in and the GPIO module
 * reads. The device's buttons (device.h) know nothing of it. */
#ifndef CALM_WIRING_H
#define CALM_WIRING_H

#include <stdbool.h>

#include "device.h"

#define GPIO_NAME_MAX 63

/* A button's GPIO line, for the GPIO backend; the core's device_button knows nothing of it. */
enum gpio_bias {
	GPIO_BIAS_PULL_UP = 0, /* the usual wiring: pin to button to ground */
	GPIO_BIAS_PULL_DOWN,   /* pin to button to 3.3 V */
	GPIO_BIAS_NONE,        /* an external resistor does it */
};

struct button_gpio {
	char line[GPIO_NAME_MAX + 1]; /* the line's name ("GPIO17"); empty: by offset, or no line */
	char chip[GPIO_NAME_MAX + 1]; /* "gpiochip0" or a /dev path; empty: any chip (by name) */
	int offset;                   /* the line's number on chip; -1: by name */
	bool active_low;              /* pressed reads low (wired to ground) */
	enum gpio_bias bias;
	int debounce_ms; /* kernel debounce where the API has it; -1: [buttons] debounce_ms */
};

enum gpio_use {
	GPIO_USE_AUTO = 0, /* try; without GPIO say so once and use the keyboard */
	GPIO_USE_YES,      /* expected: a failure is an error (the keyboard still works) */
	GPIO_USE_NO,       /* keyboard only */
};

/* Every button's line, by button, with the names the messages use. */
struct gpio_wiring {
	int n_buttons;
	char names[DEVICE_MAX_BUTTONS][BUTTON_NAME_MAX + 1];
	struct button_gpio line[DEVICE_MAX_BUTTONS];
	int debounce_ms; /* [buttons] debounce_ms, for lines without one of their own */
};

#endif
