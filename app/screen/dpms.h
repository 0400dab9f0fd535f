/* SPDX-License-Identifier: MIT */
/* A screen that is really off: DPMS through DRM, on the connector SDL's KMSDRM driver shows
 * the window on. Only on the console; on a desktop the window stays as it is. */
#ifndef CALM_DPMS_H
#define CALM_DPMS_H

#include <SDL.h>
#include <stdbool.h>

struct dpms;

/* The window's display, when SDL draws it with KMSDRM and its connector has a DPMS property.
 * NULL otherwise (a desktop: nothing is said; a console without it: one line says why). */
struct dpms *dpms_open(SDL_Window *window);

/* Switches the display off (the view's screen_off) or back on. Returns true when it has just
 * come back on (the frame must be drawn again). A failure is said once; the display is then
 * left on, as on a desktop. NULL: nothing happens. */
bool dpms_follow(struct dpms *dpms, bool off);

/* The display is off: draw nothing (a page flip to a switched-off screen fails or waits). */
bool dpms_is_off(const struct dpms *dpms);

/* Switches the display back on and closes. Accepts NULL. */
void dpms_close(struct dpms *dpms);

#endif
