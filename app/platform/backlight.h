/* SPDX-License-Identifier: MIT */
/* Screen brightness through the kernel's backlight class (/sys/class/backlight), where there is
 * one and we may write it (the official DSI screens). Elsewhere night dims by colour alone. */
#ifndef CALM_BACKLIGHT_H
#define CALM_BACKLIGHT_H

#include <stddef.h>

struct backlight;

/* Opens the first writable device under root (normally "/sys/class/backlight"). NULL when
 * there is none (msg empty) or none can be written (msg says which and why). */
struct backlight *backlight_open(const char *root, char *msg, size_t msg_len);

/* Sets the brightness in percent of the device's maximum (0: off). Writes only when it
 * changes. Returns 0, or -1 with msg set. */
int backlight_set(struct backlight *b, int percent, char *msg, size_t msg_len);

/* The device's folder, for messages. */
const char *backlight_path(const struct backlight *b);

/* Puts the brightness back as it was found, and closes. Accepts NULL. */
void backlight_close(struct backlight *b);

#endif
