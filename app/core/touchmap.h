/* SPDX-License-Identifier: MIT */
/* Where a touch lands: from the panel's own frame to the upright picture the user sees (the
 * app turns its picture for [display] rotation), which button that part of the screen is, and
 * which touches count (one at a time). Pure: coordinates come in as arguments. */
#ifndef CALM_TOUCHMAP_H
#define CALM_TOUCHMAP_H

#include <stdbool.h>
#include <stdint.h>

#define TOUCH_MAX_ZONES 3

struct touch_layout {
	int panel_w, panel_h; /* the panel (the window) in pixels, as it is mounted */
	int rotation;         /* degrees the picture is turned clockwise on it: 0, 90, 180, 270 */
	int zones;            /* 1: the whole screen is the first button; 2 or 3: buttons 1 to 3
				 side by side across the upright picture's longer side */
};

/* A point in the panel's frame, both coordinates from 0 to 1 (SDL's finger events; a mouse's
 * pixels divided by the window's size), in the upright picture's frame, also 0 to 1. */
void touch_upright(int rotation, double x, double y, double *ux, double *uy);

/* Which button (0 to zones - 1) a touch at (x, y) in the panel's frame (0 to 1) stands for. */
int touch_zone(const struct touch_layout *layout, double x, double y);

/* Which touches count. One at a time: a second finger (or the mouse) while one is down does
 * nothing, and a touch lifts the button it went down on, wherever it lifts. */
struct touch_state {
	bool down;      /* a touch counts now */
	int64_t finger; /* its id (any number the caller uses to tell touches apart) */
	int button;     /* the button it went down on */
};

void touch_state_init(struct touch_state *s);

/* A touch went down at (x, y) (panel frame, 0 to 1). Returns the button it presses, or -1 when
 * it does not count. */
int touch_press(struct touch_state *s, const struct touch_layout *layout, int64_t finger, double x,
		double y);

/* A touch lifted. Returns the button it releases, or -1 when it was not the one counting. */
int touch_release(struct touch_state *s, int64_t finger);

#endif
