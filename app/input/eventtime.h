/* SPDX-License-Identifier: MIT */
/* When an SDL event happened, on the monotonic clock the core runs on. */
#ifndef CALM_EVENTTIME_H
#define CALM_EVENTTIME_H

#include <SDL.h>
#include <stdint.h>

/* SDL stamps each event with SDL_GetTicks() (ms since SDL started, 32 bits) when it takes the
 * event from the system. Its age on that clock, taken from now_ms (monotonic, read just
 * before), is the event's time on ours: no offset between the two clocks is kept, so neither
 * their different starts, nor a slow drift between them, nor the wrap after 49 days matter. */
int64_t eventtime_ms(Uint32 sdl_timestamp, Uint32 sdl_now, int64_t now_ms);

#endif
