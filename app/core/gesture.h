/* SPDX-License-Identifier: MIT */
/* Turns one button's down/up edges (with their timestamps) into short, long and double presses. */
#ifndef CALM_GESTURE_H
#define CALM_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

enum gesture {
	GESTURE_NONE = 0,
	GESTURE_SHORT,
	GESTURE_LONG,
	GESTURE_DOUBLE,
};

struct gesture_timing {
	int debounce_ms; /* edges closer than this to the last accepted edge are contact bounce */
	int long_ms;     /* held this long: a long press, reported while still held */
	int double_ms;   /* a second press must start within this after the first release; 0: no
			    doubles */
	int limit_ms;    /* held this long, it was no press at all (a palm resting on the glass),
			    so a long press counts at the release, not while held; 0: no limit */
};

/* One button's recogniser. A plain value: the core embeds one per button. */
struct gesture_tracker {
	struct gesture_timing timing;
	bool down;             /* debounced contact state */
	bool raw_down;         /* the contact as the last edge left it, bounce and all */
	bool long_fired;       /* the current hold already produced a long press */
	bool second_press;     /* the current hold is the second press of a possible double */
	int64_t last_edge_ms;  /* time of the last accepted edge; INT64_MIN before any */
	int64_t down_ms;       /* when the current hold started */
	int64_t short_due_ms;  /* a pending short press is reported at this time; -1 when none */
	int64_t settle_due_ms; /* the contact changed during the debounce time: its level counts
				  when that time is over; -1 when nothing is waiting */
};

void gesture_init(struct gesture_tracker *g, const struct gesture_timing *timing);

/* Feeds one edge at t_ms (monotonic). Returns the gesture it completes, if any. */
enum gesture gesture_edge(struct gesture_tracker *g, bool down, int64_t t_ms);

/* Reports a gesture that completes by the passage of time (a long hold, a short press whose
 * double-press window ran out) at or before now_ms. */
enum gesture gesture_tick(struct gesture_tracker *g, int64_t now_ms);

/* The next time gesture_tick() has something to report, or -1 when nothing is pending. */
int64_t gesture_deadline(const struct gesture_tracker *g);

/* Whether nothing is under way: no contact down (or settling) and no press waiting to be told
 * (a tap's double-press window still open). */
bool gesture_idle(const struct gesture_tracker *g);

const char *gesture_name(enum gesture gesture);

#endif
