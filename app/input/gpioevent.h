/* SPDX-License-Identifier: MIT */
/* GPIO edges as SDL user events: pushed by the GPIO reader thread, read by the main loop.
 *
 * SDL_PushEvent() is thread-safe, but a main loop asleep in poll() (idlewait, on KMSDRM and
 * the dummy driver) does not see the queue: every push also wakes it. */
#ifndef CALM_GPIOEVENT_H
#define CALM_GPIOEVENT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "idlewait.h"

struct gpioevent_link {
	Uint32 type;             /* the registered SDL event type; 0 before gpioevent_init() */
	struct idlewait *waiter; /* woken after each push; NULL where SDL sleeps by itself */
};

/* Registers the event type. False when SDL has no user event types left. */
bool gpioevent_init(struct gpioevent_link *link, struct idlewait *waiter);

/* A gpio_edge_fn (user: the link): queues the edge and wakes the main loop. Any thread. */
void gpioevent_push(void *link, int button, bool down, int64_t t_ms);

/* Whether ev is an edge queued through link; if so, fills button, down and t_ms. */
bool gpioevent_read(const struct gpioevent_link *link, const SDL_Event *ev, int *button, bool *down,
		    int64_t *t_ms);

#endif
