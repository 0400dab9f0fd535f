/* SPDX-License-Identifier: MIT */
/* GPIO edges through SDL's event queue. An edge travels as a user event: code holds the button
 * and whether it went down, data1 and data2 the two halves of its 64-bit time (a pointer may
 * have only 32 bits, as on armhf). */
#include "gpioevent.h"

#include <string.h>

bool gpioevent_init(struct gpioevent_link *link, struct idlewait *waiter)
{
	Uint32 type = SDL_RegisterEvents(1);

	link->waiter = waiter;
	link->type = type == (Uint32)-1 ? 0 : type;
	return link->type != 0;
}

void gpioevent_push(void *user, int button, bool down, int64_t t_ms)
{
	struct gpioevent_link *link = user;
	uint64_t t = (uint64_t)t_ms;
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.user.type = link->type;
	ev.user.code = button * 2 + (down ? 1 : 0);
	ev.user.data1 = (void *)(uintptr_t)(uint32_t)(t & 0xffffffffu);
	ev.user.data2 = (void *)(uintptr_t)(uint32_t)(t >> 32);
	/* A full queue (65535 events waiting) drops the edge: nothing better to do. */
	if (SDL_PushEvent(&ev) > 0 && link->waiter)
		idlewait_wake(link->waiter);
}

bool gpioevent_read(const struct gpioevent_link *link, const SDL_Event *ev, int *button, bool *down,
		    int64_t *t_ms)
{
	if (link->type == 0 || ev->type != link->type)
		return false;
	*button = ev->user.code / 2;
	*down = ev->user.code % 2 != 0;
	*t_ms = (int64_t)((uint64_t)(uintptr_t)ev->user.data1 | (uint64_t)(uintptr_t)ev->user.data2
									<< 32);
	return true;
}
