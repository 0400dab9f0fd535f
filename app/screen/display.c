/* SPDX-License-Identifier: MIT */
/* The window and renderer on the real screen, and the wait for the console's DRM device. */
#include "display.h"
#include "dpms.h"
#include "draw.h"

#include <SDL.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

struct display {
	SDL_Window *window;
	SDL_Renderer *sdl;
	struct render *render;
	struct dpms *dpms; /* the console's screen switched off, where it can be */
};

/* The service starts after its DRM card's device unit (the package's udev rule tags cards for
 * systemd): its DeviceAllow=char-drm is resolved when it starts, so a start before the driver
 * had loaded could never open the card, however long it waited. What is left for this wait is a
 * start by hand while udev is still giving the card to the video group. */
static void wait_for_drm(void)
{
	const char *driver = getenv("SDL_VIDEODRIVER");

	if (!driver || strcmp(driver, "kmsdrm") != 0)
		return;
	/* udev's first pass over the devices can take a while on a slow machine. */
	for (int tries = 0; tries < 150; tries++) {
		glob_t found;
		bool usable = false;

		if (glob("/dev/dri/card*", 0, NULL, &found) == 0)
			for (size_t i = 0; i < found.gl_pathc && !usable; i++)
				usable = access(found.gl_pathv[i], R_OK | W_OK) == 0;
		globfree(&found);
		if (usable) {
			if (tries > 0)
				diag_info("the screen's device is ready after %d ms", tries * 200);
			return;
		}
		if (tries == 0)
			diag_info("waiting for the screen's device (/dev/dri/card*) to be there and "
				  "ours");
		SDL_Delay(200);
	}
}

struct display *display_open(const struct display_setup *setup, char *msg, size_t len)
{
	struct display *d = calloc(1, sizeof(*d));
	Uint32 flags = SDL_WINDOW_SHOWN;

	if (!d) {
		snprintf(msg, len, "out of memory");
		return NULL;
	}
	wait_for_drm();
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		snprintf(msg, len,
			 "cannot open a display (SDL video driver '%s'): %s. On a desktop, run it "
			 "inside the graphical session; on a console, check that /dev/dri/card* "
			 "exists and that this user is in the video and render groups.",
			 getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "auto",
			 SDL_GetError());
		free(d);
		return NULL;
	}
	if (setup->fullscreen)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	d->window = SDL_CreateWindow("calm-prompt", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				     setup->width, setup->height, flags);
	if (!d->window) {
		snprintf(msg, len, "cannot open a window on the '%s' video driver: %s",
			 SDL_GetCurrentVideoDriver(), SDL_GetError());
		goto err_close;
	}
	/* On the console, SDL's first choice (desktop OpenGL) may draw nothing where only GLES is
	 * there (seen in a VM); a Pi's GPU speaks GLES2. SDL falls back if it cannot. */
	if (strcmp(SDL_GetCurrentVideoDriver(), "kmsdrm") == 0)
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
	d->sdl = SDL_CreateRenderer(d->window, -1, 0);
	if (!d->sdl) {
		snprintf(msg, len, "cannot draw on the window: %s", SDL_GetError());
		goto err_close;
	}
	d->render = render_new(d->sdl, &setup->render, msg, len);
	if (!d->render)
		goto err_close;
	if (setup->fullscreen)
		SDL_ShowCursor(SDL_DISABLE);
	d->dpms = dpms_open(d->window);
	return d;

err_close:
	display_close(d);
	return NULL;
}

void display_close(struct display *d)
{
	if (!d)
		return;
	dpms_close(d->dpms);
	render_free(d->render);
	if (d->sdl)
		SDL_DestroyRenderer(d->sdl);
	if (d->window)
		SDL_DestroyWindow(d->window);
	SDL_QuitSubSystem(SDL_INIT_VIDEO);
	free(d);
}

const char *display_driver(const struct display *d)
{
	(void)d;
	return SDL_GetCurrentVideoDriver();
}

void display_describe(const struct display *d, char *buf, size_t len)
{
	SDL_RendererInfo info = {0};
	int w = 0, h = 0;

	SDL_GetRendererInfo(d->sdl, &info);
	SDL_GetRendererOutputSize(d->sdl, &w, &h);
	snprintf(buf, len, "the '%s' video driver with the '%s' renderer, %dx%d",
		 SDL_GetCurrentVideoDriver(), info.name ? info.name : "?", w, h);
}

bool display_power(struct display *d, bool off)
{
	return dpms_follow(d->dpms, off);
}

void display_show(struct display *d, const struct render_scene *scene)
{
	/* Switched off: a page flip to a dark connector fails or waits. */
	if (dpms_is_off(d->dpms))
		return;
	render_frame(d->render, scene);
	SDL_RenderPresent(d->sdl);
}

struct render *display_render(struct display *d)
{
	return d->render;
}
