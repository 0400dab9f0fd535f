/* SPDX-License-Identifier: MIT */
/* One frame drawn by SDL's software renderer into an image and saved as PNG (--screenshot,
 * the golden tests). */
#ifndef CALM_SNAPSHOT_H
#define CALM_SNAPSHOT_H

#include <stddef.h>

#include "render.h"
#include "setup.h"

/* Draws scene at w x h and writes it to png_path. Returns 0, or -1 with msg set. */
int screen_snapshot(const struct render_setup *setup, int w, int h,
		    const struct render_scene *scene, const char *png_path, char *msg, size_t len);

#endif
