/* SPDX-License-Identifier: MIT */
/* Text measured by the renderer itself on a 1x1 software image: what fits here fits on screen. */
#include "measure.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"

struct text_measure {
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *render;
	TTF_Font *font; /* for glyph questions, at any size */
};

struct text_measure *measure_open(const char *font_path, char *msg, size_t len)
{
	struct render_setup setup = {.font = font_path};
	struct text_measure *m = calloc(1, sizeof(*m));

	if (!m) {
		snprintf(msg, len, "out of memory");
		return NULL;
	}
	m->surface = SDL_CreateRGBSurfaceWithFormat(0, 1, 1, 32, SDL_PIXELFORMAT_RGB888);
	m->sdl = m->surface ? SDL_CreateSoftwareRenderer(m->surface) : NULL;
	if (!m->sdl) {
		snprintf(msg, len, "cannot set up measuring text: %s", SDL_GetError());
		goto err_close;
	}
	m->render = render_new(m->sdl, &setup, msg, len);
	if (!m->render)
		goto err_close;
	m->font = TTF_OpenFont(font_path, 12);
	if (!m->font) {
		snprintf(msg, len, "cannot open the font '%s': %s", font_path, TTF_GetError());
		goto err_close;
	}
	return m;

err_close:
	measure_close(m);
	return NULL;
}

void measure_close(struct text_measure *m)
{
	if (!m)
		return;
	if (m->font)
		TTF_CloseFont(m->font);
	render_free(m->render);
	if (m->sdl)
		SDL_DestroyRenderer(m->sdl);
	if (m->surface)
		SDL_FreeSurface(m->surface);
	free(m);
}

int measure_prompt_px(struct text_measure *m, const char *text, int w, int h)
{
	return render_prompt_px(m->render, text, w, h);
}

bool measure_has_glyph(struct text_measure *m, uint32_t code_point)
{
	return TTF_GlyphIsProvided32(m->font, code_point) != 0;
}
