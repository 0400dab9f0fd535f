/* SPDX-License-Identifier: MIT */
/* The breathing light: an LED (or a small vibration motor) on a PWM channel of the kernel's
 * PWM class (/sys/class/pwm; on a Pi, dtoverlay=pwm puts channel 0 of pwmchip0 on GPIO18). */
#ifndef CALM_PWMLIGHT_H
#define CALM_PWMLIGHT_H

#include <stddef.h>

/* 25 kHz: no flicker for the eye, and above hearing for a motor's whine. */
#define PWMLIGHT_PERIOD_NS 40000

struct pwmlight;

/* Takes channel `channel` of pwmchip`chip` under root (normally "/sys/class/pwm"): exports it
 * if it is not yet, sets the period, the duty to 0, and enables it. NULL with msg saying what
 * is missing or busy. */
struct pwmlight *pwmlight_open(const char *root, int chip, int channel, char *msg,
			       size_t msg_len);

/* Sets the level, 0..1 of full (0: off). Writes only when the duty cycle changes. Returns 0,
 * or -1 with msg set. */
int pwmlight_set(struct pwmlight *light, double level, char *msg, size_t msg_len);

/* The channel's folder, for messages. */
const char *pwmlight_path(const struct pwmlight *light);

/* Turns the light off, disables the channel and closes. Accepts NULL. */
void pwmlight_close(struct pwmlight *light);

/* For the window: opens the configured channel (chip < 0: none is configured, nothing is
 * said), saying in one line what was found or what is wrong. NULL when there is no light.
 * The environment's CALM_PWM_ROOT, if set, stands in for root (a fake tree, for tests). */
struct pwmlight *pwmlight_start(const char *root, int chip, int channel);

/* For the window: follows the view's level; a failed write is said once, and the light is
 * given up. */
void pwmlight_follow(struct pwmlight **light, double level);

#endif
