/* SPDX-License-Identifier: MIT */
/* Gesture recognition from debounced button edges; pure, time comes in as an argument. */
#include "gesture.h"
#include "deadline.h"

#include <stddef.h>

void gesture_init(struct gesture_tracker *g, const struct gesture_timing *timing)
{
	g->timing = *timing;
	g->down = false;
	g->raw_down = false;
	g->long_fired = false;
	g->second_press = false;
	g->last_edge_ms = INT64_MIN;
	g->down_ms = 0;
	g->short_due_ms = -1;
	g->settle_due_ms = -1;
}

/* A change of the debounced state at t_ms. */
static enum gesture accept_edge(struct gesture_tracker *g, bool down, int64_t t_ms)
{
	g->last_edge_ms = t_ms;
	g->down = down;
	if (down) {
		g->down_ms = t_ms;
		g->long_fired = false;
		g->second_press = g->short_due_ms >= 0;
		g->short_due_ms = -1;
		return GESTURE_NONE;
	}
	if (g->long_fired)
		return GESTURE_NONE;
	if (g->timing.limit_ms > 0 && t_ms - g->down_ms >= g->timing.limit_ms) {
		/* Resting, not pressing: nothing, and no double with the next touch either. */
		g->second_press = false;
		return GESTURE_NONE;
	}
	if (t_ms - g->down_ms >= g->timing.long_ms) {
		/* Held long enough, though no tick came while it was held. */
		g->long_fired = true;
		g->second_press = false;
		return GESTURE_LONG;
	}
	if (g->second_press) {
		g->second_press = false;
		return GESTURE_DOUBLE;
	}
	if (g->timing.double_ms <= 0)
		return GESTURE_SHORT;
	g->short_due_ms = t_ms + g->timing.double_ms;
	return GESTURE_NONE;
}

enum gesture gesture_edge(struct gesture_tracker *g, bool down, int64_t t_ms)
{
	enum gesture done = GESTURE_NONE;

	/* Whatever fell due before this edge happened first. */
	while (done == GESTURE_NONE && gesture_deadline(g) >= 0 && gesture_deadline(g) <= t_ms)
		done = gesture_tick(g, t_ms);
	g->raw_down = down;
	if (g->last_edge_ms != INT64_MIN && t_ms - g->last_edge_ms < g->timing.debounce_ms) {
		/* Contact bounce: the level it settles at counts, once the debounce time is over.
		 */
		g->settle_due_ms = down != g->down ? g->last_edge_ms + g->timing.debounce_ms : -1;
		return done;
	}
	g->settle_due_ms = -1;
	if (down == g->down)
		return done;
	/* What fell due before (a short whose double window closed, a long hold) leaves this
	 * edge nothing to report, so one return value is enough. */
	if (done != GESTURE_NONE) {
		accept_edge(g, down, t_ms);
		return done;
	}
	return accept_edge(g, down, t_ms);
}

enum gesture gesture_tick(struct gesture_tracker *g, int64_t now_ms)
{
	int64_t due = gesture_deadline(g);

	if (due < 0 || due > now_ms)
		return GESTURE_NONE;
	/* One thing at a time, the earliest first, at its own due time. */
	if (due == g->settle_due_ms) {
		g->settle_due_ms = -1;
		return g->raw_down != g->down ? accept_edge(g, g->raw_down, due) : GESTURE_NONE;
	}
	if (due == g->short_due_ms) {
		g->short_due_ms = -1;
		return GESTURE_SHORT;
	}
	g->long_fired = true;
	g->second_press = false;
	return GESTURE_LONG;
}

int64_t gesture_deadline(const struct gesture_tracker *g)
{
	int64_t due = deadline_earlier(g->settle_due_ms, g->short_due_ms);

	/* With a limit, whether a hold was a press is known only at its release. */
	if (g->down && !g->long_fired && g->timing.limit_ms <= 0)
		due = deadline_earlier(due, g->down_ms + g->timing.long_ms);
	return due;
}

bool gesture_idle(const struct gesture_tracker *g)
{
	return !g->down && !g->raw_down && g->short_due_ms < 0 && g->settle_due_ms < 0;
}

const char *gesture_name(enum gesture gesture)
{
	switch (gesture) {
	case GESTURE_SHORT:
		return "short";
	case GESTURE_LONG:
		return "long";
	case GESTURE_DOUBLE:
		return "double";
	case GESTURE_NONE:
		break;
	}
	return "none";
}
