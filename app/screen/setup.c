/* SPDX-License-Identifier: MIT */
/* SDL and SDL_ttf for the whole run: started once, stopped once (never with atexit). */
#include "setup.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>

bool screen_start(char *msg, size_t len)
{
	/* SIGTERM, SIGINT and SIGHUP are the app's own (one self-pipe wakes its loop). */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (SDL_Init(0) != 0 || TTF_Init() != 0) {
		snprintf(msg, len, "cannot start SDL: %s", SDL_GetError());
		return false;
	}
	return true;
}

void screen_stop(void)
{
	TTF_Quit();
	SDL_Quit();
}

void screen_versions(char *buf, size_t len)
{
	SDL_version sdl;
	const SDL_version *ttf = TTF_Linked_Version();
	const SDL_version *img = IMG_Linked_Version();

	int ft[3] = {0, 0, 0};

	SDL_GetVersion(&sdl);
	/* FreeType draws the text (the goldens pin it); its version is known once SDL_ttf has
	 * started it. */
	if (TTF_Init() == 0) {
		TTF_GetFreeTypeVersion(&ft[0], &ft[1], &ft[2]);
		TTF_Quit();
	}
	snprintf(buf, len,
		 "SDL %d.%d.%d, SDL_ttf %d.%d.%d, FreeType %d.%d.%d, SDL_image %d.%d.%d",
		 sdl.major, sdl.minor, sdl.patch, ttf->major, ttf->minor, ttf->patch, ft[0], ft[1],
		 ft[2], img->major, img->minor, img->patch);
}
