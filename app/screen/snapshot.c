/* SPDX-License-Identifier: MIT */
/* A frame into a PNG file, headless: the same drawing as on a screen, by SDL's software
 * renderer, so golden images do not depend on a GPU. */
#include "snapshot.h"
#include "draw.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>

int screen_snapshot(const struct render_setup *setup, int w, int h,
		    const struct render_scene *scene, const char *png_path, char *msg, size_t len)
{
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *render;
	int ret = -1;

	surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	if (!surface) {
		snprintf(msg, len, "cannot make a %dx%d image: %s", w, h, SDL_GetError());
		return -1;
	}
	sdl = SDL_CreateSoftwareRenderer(surface);
	if (!sdl) {
		snprintf(msg, len, "cannot draw into an image: %s", SDL_GetError());
		goto free_surface;
	}
	render = render_new(sdl, setup, msg, len);
	if (!render)
		goto destroy_renderer;
	render_frame(render, scene);
	SDL_RenderPresent(sdl);
	if (IMG_SavePNG(surface, png_path) != 0)
		snprintf(msg, len, "cannot write %s: %s", png_path, IMG_GetError());
	else
		ret = 0;
	render_free(render);
destroy_renderer:
	SDL_DestroyRenderer(sdl);
free_surface:
	SDL_FreeSurface(surface);
	return ret;
}
