/* SPDX-License-Identifier: MIT */
/* Draws the device's screens with SDL2 and SDL2_ttf; text is rendered once and cached. */
#ifndef CALM_RENDER_H
#define CALM_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "device.h"
#include "history.h"
#include "setup.h"

struct render_scene {
	const struct device_view *view;
	const struct device_config *device; /* buttons and check-in answers, for the hints */
	const struct history_week *week;    /* SCREEN_HISTORY: NULL when it cannot be read */
	const struct tm *local;             /* the wall-clock time to show */
	bool clock_24h;
	bool log_trouble; /* the log could not be written: a small discreet mark */
};

struct render;

/* render_new() is in draw.h: only the screen layer makes renderers (display, snapshot). */
void render_free(struct render *r);

/* Draws a whole frame at the renderer's output size (not presented). */
void render_frame(struct render *r, const struct render_scene *scene);

/* Turns every frame by 0, 90, 180 or 270 degrees (clockwise) on the screen: the app does it,
 * since SDL's KMSDRM driver does not see the console's rotation. */
void render_set_rotation(struct render *r, int degrees);

/* The clock screen's options: a faint breathing glow, and a slow drift against burn-in. */
void render_set_ambient(struct render *r, bool glow, bool drift);

/* The type size a prompt's text is drawn at on a w x h screen: the largest that fits it, wrapped
 * at word boundaries, inside the margins; 0 when it does not fit even at the smallest legible
 * size (or is too long to draw). */
int render_prompt_px(struct render *r, const char *text, int w, int h);

/* Milliseconds between frames while the view animates, or 0 when the view is still. */
int render_frame_interval_ms(const struct render *r, const struct device_view *view);

#endif
