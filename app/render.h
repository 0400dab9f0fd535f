/* Draws the device's screens with SDL2 and SDL2_ttf; text is rendered once and cached. */
#ifndef CALM_RENDER_H
#define CALM_RENDER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "device.h"

struct render_scene {
	const struct device_view *view;
	const struct device_config *device; /* buttons and check-in answers, for the hints */
	const struct tm *local;             /* the wall-clock time to show */
	bool clock_24h;
	bool log_trouble; /* the log could not be written: a small discreet mark */
};

struct render;

/* The font file is opened once per size used. Returns NULL with msg set on failure. */
struct render *render_new(SDL_Renderer *renderer, const char *font_path, char *msg, size_t msg_len);
void render_free(struct render *r);

/* Draws a whole frame at the renderer's output size (not presented). */
void render_frame(struct render *r, const struct render_scene *scene);

/* Milliseconds between frames while the view animates, or 0 when the view is still. */
int render_frame_interval_ms(const struct device_view *view);

#endif
