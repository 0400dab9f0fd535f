/* SPDX-License-Identifier: MIT */
/* When a key really went down or up: the kernel's time for SDL's key events.
 *
 * SDL 2 stamps an event when it reads it, so a loop busy drawing a frame (a slow renderer, an
 * emulated machine) gets every key that came meanwhile at one instant: a tap's press and
 * release 0 ms apart, and the release of a hold with the next tap's press, which the debounce
 * then takes for contact bounce and the tap is lost. Where the loop sleeps in poll() on the
 * input devices (idlewait.h), it reads its own copy of each key event anyway, with the time the
 * kernel gave it: kept here, each SDL key event takes its twin's time. */
#ifndef CALM_KEYSTAMPS_H
#define CALM_KEYSTAMPS_H

#include <stdbool.h>
#include <stdint.h>

#define KEYSTAMPS_MAX 64

/* The kernel's key events not yet matched with SDL's, oldest first. */
struct keystamps {
	struct keystamp {
		int code; /* the kernel's key code (linux/input-event-codes.h) */
		bool down;
		int64_t t_ms; /* CLOCK_MONOTONIC */
	} e[KEYSTAMPS_MAX];
	int n;
};

/* A kernel twin older than this before SDL read its event is taken for one SDL never saw. */
#define KEYSTAMPS_OLDEST_MS 10000
/* SDL's time comes in whole ms of another count than the kernel's: a twin this much after the
 * time SDL read it is still its twin (a later press of the same key is not that quick). */
#define KEYSTAMPS_SLACK_MS 20

void keystamps_init(struct keystamps *k);

/* One press (down) or release seen by the kernel at t_ms. When full, the oldest is let go. */
void keystamps_add(struct keystamps *k, int code, bool down, int64_t t_ms);

/* The time of SDL's event for the key code, read by SDL at read_ms: its twin is the oldest
 * press or release (as down says) of that key by read_ms (KEYSTAMPS_SLACK_MS) and not older than
 * KEYSTAMPS_OLDEST_MS. The twin and everything of that key before it are taken off. Without
 * a twin, read_ms: SDL's own time, as before; never later than read_ms. */
int64_t keystamps_take(struct keystamps *k, int code, bool down, int64_t read_ms);

/* The kernel's key code for SDL's scancode, or -1 for a key not in the table (its events keep
 * SDL's time). */
int keystamps_linux_code(int sdl_scancode);

#endif
