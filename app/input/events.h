/* SPDX-License-Identifier: MIT */
/* What the event loop hears: button edges (keys, GPIO) at the moment they happened, a request
 * to quit, a window that needs drawing again. Waiting for them sleeps until one comes or a
 * deadline passes, never polling. */
#ifndef CALM_EVENTS_H
#define CALM_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "device.h"
#include "keys.h"
#include "wiring.h"

enum input_kind {
	INPUT_QUIT = 1, /* Esc, or the window closed */
	INPUT_EDGE,     /* a button went down or up */
	INPUT_REDRAW,   /* the window was shown, resized or uncovered */
};

struct input_event {
	enum input_kind kind;
	int button;   /* INPUT_EDGE: which configured button */
	bool down;    /* INPUT_EDGE: pressed (else released) */
	int64_t t_ms; /* INPUT_EDGE: when it happened, CLOCK_MONOTONIC ms (the kernel's or the
		       * event's own time, never when the loop got to it) */
	char source[PRESS_SOURCE_MAX + 1]; /* INPUT_EDGE: "gpio", the key's name or "touch" */
};

struct input;

/* Input for a display on video_driver. Where that driver cannot sleep by itself (KMSDRM, the
 * dummy driver) waiting happens in poll() on the input devices instead. NULL when out of memory
 * or pipes. */
struct input *input_open(const char *video_driver);

/* Watches the buttons' GPIO lines, if any: never fails the app, says what to check. */
void input_start_gpio(struct input *in, const struct gpio_wiring *wiring, enum gpio_use use);

/* Which key is which button (by default Space, Return, Keypad Enter and 1 the first, 2 and 3
 * the others). */
void input_set_keys(struct input *in, const struct keymap *keys);

/* Touches and clicks as presses (on), on a picture turned by rotation, in 1 to 3 zones. Off
 * until this is called. */
void input_set_touch(struct input *in, bool on, int rotation, int zones);

/* Whether SDL sees a touch screen (for the journal: a mouse works all the same). */
bool input_touch_screen_found(void);

void input_close(struct input *in);

/* Waits up to timeout_ms (-1: no limit) for the next event. False when none came. */
bool input_wait(struct input *in, int timeout_ms, struct input_event *ev);

/* The next event already queued, without waiting. False when there is none. */
bool input_next(struct input *in, struct input_event *ev);

/* Also ends a wait when fd becomes readable (its owner reads it); only where waiting happens in
 * poll(), elsewhere the loop's own deadlines bound the wait. */
void input_watch(struct input *in, int fd);

/* Ends a wait early; safe from a signal handler. */
void input_wake(struct input *in);

/* Whether waiting happens in poll() (for the journal). */
bool input_sleeps_in_poll(const struct input *in);

#endif
