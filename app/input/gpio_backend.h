/* SPDX-License-Identifier: MIT */
/* The seam below the GPIO module: the few libgpiod calls it needs, as a table of functions.
 *
 * gpio_gpiod.c fills it with libgpiod v1 or v2; the tests fill it with a fake, so line lookup,
 * edge translation and error messages are tested on machines with no GPIO chip. Chips and
 * requests are opaque pointers that only the backend looks into. */
#ifndef CALM_GPIO_BACKEND_H
#define CALM_GPIO_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gpio.h"

#define GPIO_CHIPS_MAX 16
#define GPIO_PATH_MAX  (GPIO_NAME_MAX + 8)

/* One edge as the kernel reported it on a line requested active-high. */
struct gpio_raw_event {
	bool rising;    /* the line went from low to high */
	uint64_t ts_ns; /* the kernel's timestamp (CLOCK_MONOTONIC) */
};

/* How a line is asked for: input, both edges, events on CLOCK_MONOTONIC. */
struct gpio_line_settings {
	unsigned offset;
	enum gpio_bias bias;
	int debounce_us;      /* 0: none; ignored where the API has no kernel debounce */
	const char *consumer; /* shown by gpioinfo as the line's user */
};

struct gpio_backend {
	void *ctx;            /* passed to every call */
	bool kernel_debounce; /* the API can debounce in the kernel (libgpiod v2) */
	/* Paths of the GPIO chip devices ("/dev/gpiochip0"), in number order, at most max; the
	 * count, or -1 with errno set. */
	int (*list_chips)(void *ctx, char (*paths)[GPIO_PATH_MAX], int max);
	/* NULL with errno set (ENOENT, EACCES, ...). */
	void *(*chip_open)(void *ctx, const char *path);
	void (*chip_close)(void *ctx, void *chip);
	/* How many lines the chip has. */
	unsigned (*chip_lines)(void *ctx, void *chip);
	/* The offset of the line with this name, or -1 when the chip has none. */
	int (*line_by_name)(void *ctx, void *chip, const char *name);
	/* Who holds a line, into buf; "" when nobody or unknown. */
	void (*line_consumer)(void *ctx, void *chip, unsigned offset, char *buf, size_t len);
	/* Requests a line for edge events; NULL with errno set (EBUSY, EACCES, ...). */
	void *(*request)(void *ctx, void *chip, const struct gpio_line_settings *settings);
	void (*release)(void *ctx, void *request);
	/* A descriptor that polls readable when edges are waiting. */
	int (*request_fd)(void *ctx, void *request);
	/* Reads up to max waiting edges without blocking past the first; the count, or -1 with
	 * errno set. */
	int (*read_events)(void *ctx, void *request, struct gpio_raw_event *events, int max);
};

/* The libgpiod backend this build has. */
const struct gpio_backend *gpio_backend_default(void);

/* gpio_open() over a given backend. */
struct gpio *gpio_open_with(const struct gpio_backend *backend, const struct gpio_wiring *w,
			    gpio_edge_fn on_edge, void *user, enum gpio_status *status, char *msg,
			    size_t len);

/* Whether an edge on a line requested active-high is a press. */
bool gpio_edge_is_press(bool rising, bool active_low);

/* An event's kernel timestamp as monotonic milliseconds. A timestamp far from now_ms (a
 * kernel that stamps with the wall clock) cannot be compared with our clock: now_ms is used. */
int64_t gpio_event_ms(uint64_t ts_ns, int64_t now_ms);

/* Reads up to max of the kernel's GPIO uAPI v1 event records (struct gpioevent_data) from fd:
 * how libgpiod v1 lines deliver edges. The count, or -1 with errno set. */
int gpio_read_v1_records(int fd, struct gpio_raw_event *events, int max);

/* What an errno from opening a chip or requesting a line means for the user. */
enum gpio_status gpio_status_from_errno(int err);

#endif
