/* SPDX-License-Identifier: MIT */
/* The screen the app runs on: a window on a desktop, the whole panel on a console (SDL's KMSDRM
 * driver), with its renderer. */
#ifndef CALM_DISPLAY_H
#define CALM_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "render.h"
#include "setup.h"

struct display_setup {
	int width, height; /* the window's size on a desktop */
	bool fullscreen;   /* the whole screen at its own size (the console) */
	struct render_setup render;
};

struct display;

/* Opens the video subsystem, a window and its renderer. On the console it first gives the DRM
 * device a moment to appear at boot. Returns NULL with msg saying what to check. */
struct display *display_open(const struct display_setup *setup, char *msg, size_t len);
void display_close(struct display *d);

/* The SDL video driver in use: "kmsdrm" on a console, "x11" or "wayland" on a desktop. */
const char *display_driver(const struct display *d);

/* "the 'kmsdrm' video driver with the 'opengles2' renderer, 800x480", for the journal. */
void display_describe(const struct display *d, char *buf, size_t len);

/* On the console, switches the screen off through DPMS (off: the view's screen_off) or back
 * on; true when it has just come back on and wants a frame. On a desktop nothing happens. */
bool display_power(struct display *d, bool off);

/* Draws a whole frame of scene and shows it (nothing while the screen is switched off). */
void display_show(struct display *d, const struct render_scene *scene);

/* The renderer, for its settings (a reload) and its frame rate. */
struct render *display_render(struct display *d);

#endif
