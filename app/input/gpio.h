/* SPDX-License-Identifier: MIT */
/* GPIO buttons through libgpiod (v1 or v2, chosen at build time): edges with kernel timestamps.
 *
 * Each configured button's line is requested for both edges, with its bias (and a kernel
 * debounce where the API has one). A reader thread waits for edges and hands each one, with
 * the kernel's CLOCK_MONOTONIC timestamp in milliseconds, to a callback. Gestures are made
 * from those timestamps by the core, so a slow main loop never stretches a press. */
#ifndef CALM_GPIO_H
#define CALM_GPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wiring.h"

/* Why buttons could not be watched, each with its own remedy. */
enum gpio_status {
	GPIO_OK = 0,
	GPIO_NO_CHIP,       /* no /dev/gpiochip* at all: not a Pi, or no GPIO driver */
	GPIO_NO_LINE,       /* no such line name, chip or offset */
	GPIO_BUSY,          /* another program (or another button) holds the line */
	GPIO_NO_PERMISSION, /* the chip cannot be opened: the user is not in the gpio group */
	GPIO_FAILED,        /* anything else: out of memory, a kernel error */
};

/* Called on the reader thread for every edge, in the order they happened. t_ms is
 * CLOCK_MONOTONIC in milliseconds, taken by the kernel when the edge happened. */
typedef void (*gpio_edge_fn)(void *user, int button, bool down, int64_t t_ms);

struct gpio;

/* Watches the lines of the wired buttons that have one. Returns the handle when at least one line
 * is watched. Every button that could not be watched is described in msg (empty when all is
 * well) and *status says what went wrong first (GPIO_OK when nothing did). Returns NULL when no
 * line is watched: with GPIO_OK when no button has a line. */
struct gpio *gpio_open(const struct gpio_wiring *w, gpio_edge_fn on_edge, void *user,
		       enum gpio_status *status, char *msg, size_t len);

/* Stops the reader thread (no callback runs after this returns) and frees the lines. */
void gpio_close(struct gpio *g);

/* What is watched, for the log: "main on GPIO17 (gpiochip0 line 17)". */
void gpio_describe(const struct gpio *g, char *buf, size_t len);

/* A short name for a status, for tests and logs. */
const char *gpio_status_name(enum gpio_status status);

/* The libgpiod version the app runs with, e.g. "1.6.3". */
const char *gpio_library_version(void);

/* The libgpiod API the app was built for: 1 or 2. */
int gpio_api(void);

#endif
