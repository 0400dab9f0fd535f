/* SPDX-License-Identifier: MIT */
/* The glass as buttons: SDL's finger events (a touch screen) and mouse button events (a mouse,
 * or a panel that reports as an absolute pointer) become button edges, each touch once. */
#ifndef CALM_TOUCH_H
#define CALM_TOUCH_H

#include <SDL.h>
#include <stdbool.h>

#include "touchmap.h"

struct touch_input {
	bool on;
	struct touch_layout layout; /* panel_w and panel_h: the window's size */
	struct touch_state state;
};

/* on: touches and clicks are presses. Sets the SDL hints that keep SDL from making mouse
 * events of touches and touches of mouse events where it can (call before SDL's video). */
void touch_input_init(struct touch_input *t, bool on, int rotation, int zones);

/* The window's size in pixels (mouse positions are in it). Each event's own window, when SDL
 * knows it, sets it again. */
void touch_input_resize(struct touch_input *t, int width, int height);

/* Whether ev is a touch or a click that presses or releases a button; if so, fills button
 * and down. The mouse events SDL makes from touches are not: the touch itself counts. */
bool touch_input_edge(struct touch_input *t, const SDL_Event *ev, int *button, bool *down);

#endif
