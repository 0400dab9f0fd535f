/* SPDX-License-Identifier: MIT */
/* Keys as buttons: each button's keys by SDL's names, its own from the settings or the
 * defaults (the first button Space, Return, Keypad Enter and 1; the second 2; the third 3). */
#ifndef CALM_KEYS_H
#define CALM_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"

#define KEYMAP_MAX_KEYS 8

struct keymap {
	char names[DEVICE_MAX_BUTTONS][KEYMAP_MAX_KEYS][PRESS_SOURCE_MAX + 1];
	int n[DEVICE_MAX_BUTTONS];
	bool own[DEVICE_MAX_BUTTONS]; /* given in the settings: found before any default key */
};

void keymap_defaults(struct keymap *m);

/* Gives a button its own keys instead of its defaults. Returns 0, or -1 with msg naming the
 * first name SDL does not know (nothing changes then). */
int keymap_set(struct keymap *m, int button, const char (*names)[PRESS_SOURCE_MAX + 1], int n,
	       char *msg, size_t msg_len);

/* Which button a key (SDL's keycode and scancode) is, or -1; *name gets the key's name as the
 * press's source. */
int keymap_button(const struct keymap *m, int32_t keycode, int scancode, const char **name);

#endif
