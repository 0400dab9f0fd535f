/* SPDX-License-Identifier: MIT */
/* Finger and mouse button events to button edges; where on the screen, and which touch
 * counts, is decided by the pure touchmap. */
#include "touch.h"

/* The mouse's id among fingers: SDL's finger ids are small numbers from 0 up. */
#define MOUSE_FINGER (-1000)

void touch_input_init(struct touch_input *t, bool on, int rotation, int zones)
{
	t->on = on;
	t->layout = (struct touch_layout){
		.panel_w = 1, .panel_h = 1, .rotation = rotation, .zones = zones};
	touch_state_init(&t->state);
	/* A touch must not come back as a click, nor a click as a touch: one press, once. The
	 * first hint is SDL's default on a desktop already; the check on each event stays. */
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
}

void touch_input_resize(struct touch_input *t, int width, int height)
{
	t->layout.panel_w = width > 0 ? width : 1;
	t->layout.panel_h = height > 0 ? height : 1;
}

/* The size of the window an event happened in, when SDL knows the window. */
static void follow_window(struct touch_input *t, Uint32 window_id)
{
	SDL_Window *window = window_id ? SDL_GetWindowFromID(window_id) : NULL;
	int w = 0, h = 0;

	if (!window)
		return;
	SDL_GetWindowSize(window, &w, &h);
	touch_input_resize(t, w, h);
}

bool touch_input_edge(struct touch_input *t, const SDL_Event *ev, int *button, bool *down)
{
	int b = -1;

	if (!t->on)
		return false;
	switch (ev->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERUP:
		/* Made by SDL from a mouse (SDL_HINT_MOUSE_TOUCH_EVENTS): the click counts. */
		if (ev->tfinger.touchId == SDL_MOUSE_TOUCHID)
			return false;
		follow_window(t, ev->tfinger.windowID);
		*down = ev->type == SDL_FINGERDOWN;
		b = *down ? touch_press(&t->state, &t->layout, (int64_t)ev->tfinger.fingerId,
					ev->tfinger.x, ev->tfinger.y)
			  : touch_release(&t->state, (int64_t)ev->tfinger.fingerId);
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		/* Made by SDL from a touch (SDL_HINT_TOUCH_MOUSE_EVENTS): the touch counts. */
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			return false;
		follow_window(t, ev->button.windowID);
		*down = ev->type == SDL_MOUSEBUTTONDOWN;
		b = *down ? touch_press(&t->state, &t->layout, MOUSE_FINGER,
					(ev->button.x + 0.5) / t->layout.panel_w,
					(ev->button.y + 0.5) / t->layout.panel_h)
			  : touch_release(&t->state, MOUSE_FINGER);
		break;
	default:
		return false;
	}
	if (b < 0)
		return false;
	*button = b;
	return true;
}
