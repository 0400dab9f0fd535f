/* SPDX-License-Identifier: MIT */
/* A fake GPIO backend for the tests: chips and lines in memory, edges through pipes. */
#ifndef CALM_FAKE_GPIO_H
#define CALM_FAKE_GPIO_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "gpio_backend.h"

#define FAKE_CHIPS    4
#define FAKE_LINES    8
#define FAKE_REQUESTS 4
#define FAKE_EDGES    32

struct fake_line {
	const char *name;
	const char *consumer; /* who holds it, for a busy line */
	int request_errno;    /* requesting it fails with this; 0: it works */
};

struct fake_chip {
	const char *path;
	int open_errno; /* opening fails with this; 0: it opens */
	struct fake_line lines[FAKE_LINES];
	unsigned n_lines;
};

struct fake_request {
	int chip; /* index into chips; -1 when the slot is free */
	struct gpio_line_settings settings;
	int pipe[2]; /* [1] written by fake_gpio_edge(), [0] the request's descriptor */
};

struct fake_gpio {
	struct gpio_backend be;
	struct fake_chip chips[FAKE_CHIPS];
	int n_chips;
	int list_errno; /* listing the chips fails with this; 0: it works */
	int chips_open; /* open now: 0 once everything is closed */
	bool listed;    /* list_chips was called */
	struct fake_request requests[FAKE_REQUESTS];
	int n_requests;   /* slots used, released ones included */
	int requests_out; /* not yet released */
	int reads;        /* read_events calls, to see that nothing spins */
	pthread_mutex_t lock;
};

/* An empty fake with no chips; add them to chips[] and n_chips. */
void fake_gpio_init(struct fake_gpio *f, bool kernel_debounce);
void fake_gpio_destroy(struct fake_gpio *f);

/* The request held now for a chip's line (the newest, when it was asked for again), or NULL. */
struct fake_request *fake_gpio_request(struct fake_gpio *f, int chip, unsigned offset);

/* From now on, requesting the line fails with err (0: it works again). */
void fake_gpio_set_request_errno(struct fake_gpio *f, int chip, unsigned offset, int err);

/* Queues one edge on a requested line, as the kernel would. */
void fake_gpio_edge(struct fake_request *r, bool rising, uint64_t ts_ns);

/* The line's chip went away: its descriptor hangs up. */
void fake_gpio_hang_up(struct fake_request *r);

/* The current CLOCK_MONOTONIC in ns, for timestamps the GPIO module accepts. */
uint64_t fake_gpio_now_ns(void);

#endif
