/* SPDX-License-Identifier: MIT */
/* Touch coordinates to buttons: rotation back to the upright picture, zones, one touch at a
 * time. */
#include "touchmap.h"

void touch_upright(int rotation, double x, double y, double *ux, double *uy)
{
	/* The inverse of the turn the picture gets (SDL_RenderCopyEx turns clockwise): at 90 the
	 * upright picture's top edge lies along the panel's right edge. */
	switch (rotation) {
	case 90:
		*ux = y;
		*uy = 1.0 - x;
		break;
	case 180:
		*ux = 1.0 - x;
		*uy = 1.0 - y;
		break;
	case 270:
		*ux = 1.0 - y;
		*uy = x;
		break;
	default:
		*ux = x;
		*uy = y;
		break;
	}
}

int touch_zone(const struct touch_layout *layout, double x, double y)
{
	bool sideways = layout->rotation == 90 || layout->rotation == 270;
	int upright_w = sideways ? layout->panel_h : layout->panel_w;
	int upright_h = sideways ? layout->panel_w : layout->panel_h;
	double ux, uy, along;
	int zone;

	if (layout->zones <= 1)
		return 0;
	touch_upright(layout->rotation, x, y, &ux, &uy);
	/* Side by side on a landscape picture, one above the other on a portrait one. */
	along = upright_w >= upright_h ? ux : uy;
	zone = (int)(along * layout->zones);
	if (zone < 0)
		zone = 0; /* the very edge, or a little past it on a loosely calibrated panel */
	if (zone >= layout->zones)
		zone = layout->zones - 1;
	return zone;
}

void touch_state_init(struct touch_state *s)
{
	s->down = false;
	s->finger = 0;
	s->button = -1;
}

int touch_press(struct touch_state *s, const struct touch_layout *layout, int64_t finger, double x,
		double y)
{
	if (s->down)
		return -1;
	s->down = true;
	s->finger = finger;
	s->button = touch_zone(layout, x, y);
	return s->button;
}

int touch_release(struct touch_state *s, int64_t finger)
{
	if (!s->down || s->finger != finger)
		return -1;
	s->down = false;
	return s->button;
}
