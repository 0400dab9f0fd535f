/* SPDX-License-Identifier: MIT */
/* Starting and stopping the drawing libraries (SDL, SDL_ttf) once per run, and how the picture
 * is set up: the font, the rotation, the clock's glow and drift. */
#ifndef CALM_SCREEN_SETUP_H
#define CALM_SCREEN_SETUP_H

#include <stdbool.h>
#include <stddef.h>

struct render_setup {
	const char *font; /* a TrueType/OpenType file */
	int rotation;     /* 0, 90, 180 or 270 degrees, done by the app */
	bool glow;        /* the clock breathes a faint glow */
	bool drift;       /* everything on the clock shifts a little now and then */
};

/* SDL (no subsystem yet) and SDL_ttf. Returns false with msg set when they cannot start. */
bool screen_start(char *msg, size_t len);
void screen_stop(void);

/* "SDL 2.26.5, SDL_ttf 2.20.1, SDL_image 2.6.3", for --version. */
void screen_versions(char *buf, size_t len);

#endif
