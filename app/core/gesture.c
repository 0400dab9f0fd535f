/* Gesture recognition from debounced button edges; pure, time comes in as an argument. */
#include "gesture.h"

#include <stddef.h>

void gesture_init(struct gesture_tracker *g, const struct gesture_timing *timing)
{
	g->timing = *timing;
	g->down = false;
	g->long_fired = false;
	g->second_press = false;
	g->last_edge_ms = INT64_MIN;
	g->down_ms = 0;
	g->short_due_ms = -1;
}

static bool is_bounce(const struct gesture_tracker *g, int64_t t_ms)
{
	return g->last_edge_ms != INT64_MIN && t_ms - g->last_edge_ms < g->timing.debounce_ms;
}

enum gesture gesture_edge(struct gesture_tracker *g, bool down, int64_t t_ms)
{
	enum gesture done = GESTURE_NONE;

	if (down == g->down || is_bounce(g, t_ms))
		return GESTURE_NONE;
	/* A pending short whose window closed before this edge is reported first. */
	done = gesture_tick(g, t_ms);
	g->last_edge_ms = t_ms;
	g->down = down;
	if (down) {
		g->down_ms = t_ms;
		g->long_fired = false;
		g->second_press = g->short_due_ms >= 0;
		g->short_due_ms = -1;
		return done;
	}
	if (g->long_fired || done != GESTURE_NONE)
		return done;
	if (g->second_press) {
		g->second_press = false;
		return GESTURE_DOUBLE;
	}
	if (g->timing.double_ms <= 0)
		return GESTURE_SHORT;
	g->short_due_ms = t_ms + g->timing.double_ms;
	return GESTURE_NONE;
}

enum gesture gesture_tick(struct gesture_tracker *g, int64_t now_ms)
{
	if (g->short_due_ms >= 0 && now_ms >= g->short_due_ms) {
		g->short_due_ms = -1;
		return GESTURE_SHORT;
	}
	if (g->down && !g->long_fired && now_ms - g->down_ms >= g->timing.long_ms) {
		g->long_fired = true;
		g->second_press = false;
		return GESTURE_LONG;
	}
	return GESTURE_NONE;
}

int64_t gesture_deadline(const struct gesture_tracker *g)
{
	if (g->short_due_ms >= 0)
		return g->short_due_ms;
	if (g->down && !g->long_fired)
		return g->down_ms + g->timing.long_ms;
	return -1;
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
