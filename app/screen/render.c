/* SPDX-License-Identifier: MIT */
/* The frame: which screen is drawn for the device's view, turned for the screen's rotation,
 * and how often frames are needed. */
#include "render.h"
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>

static void draw_screen(struct render *r, const struct render_scene *s);

struct render *render_new(SDL_Renderer *renderer, const struct render_setup *setup, char *msg,
			  size_t msg_len)
{
	const char *font_path = setup->font;
	struct render *r;
	TTF_Font *probe;

	if (!TTF_WasInit() && TTF_Init() != 0) {
		snprintf(msg, msg_len, "cannot start SDL_ttf: %s", TTF_GetError());
		return NULL;
	}
	probe = TTF_OpenFont(font_path, 12);
	if (!probe) {
		snprintf(msg, msg_len,
			 "cannot open the font '%s': %s (install fonts-dejavu-core, or set "
			 "[display] "
			 "font)",
			 font_path, TTF_GetError());
		return NULL;
	}
	TTF_CloseFont(probe);
	r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(msg, msg_len, "out of memory");
		return NULL;
	}
	r->sdl = renderer;
	draw_use_palette(r, false);
	snprintf(r->font_path, sizeof(r->font_path), "%s", font_path);
	r->ambient_glow = setup->glow;
	r->ambient_drift = setup->drift;
	r->rotation = setup->rotation;
	return r;
}

void render_free(struct render *r)
{
	if (!r)
		return;
	for (int i = 0; i < TEXT_SLOTS; i++)
		if (r->texts[i].tex)
			SDL_DestroyTexture(r->texts[i].tex);
	for (int i = 0; i < FONT_SLOTS; i++)
		if (r->fonts[i].font)
			TTF_CloseFont(r->fonts[i].font);
	for (int i = 0; i < GLOW_STYLES; i++)
		if (r->glow[i])
			SDL_DestroyTexture(r->glow[i]);
	if (r->rotated)
		SDL_DestroyTexture(r->rotated);
	free(r);
}


void render_set_rotation(struct render *r, int degrees)
{
	r->rotation = degrees;
}

/* With a rotation, frames are drawn upright into a texture of the turned size, then copied
 * turned onto the screen. Returns false (and draws straight) when that is not possible. */
static bool begin_rotated(struct render *r, int out_w, int out_h)
{
	bool sideways = r->rotation == 90 || r->rotation == 270;
	int w = sideways ? out_h : out_w, h = sideways ? out_w : out_h;

	if (r->rotated && (r->rotated_w != w || r->rotated_h != h)) {
		SDL_DestroyTexture(r->rotated);
		r->rotated = NULL;
	}
	if (!r->rotated) {
		r->rotated = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888,
					       SDL_TEXTUREACCESS_TARGET, w, h);
		r->rotated_w = w;
		r->rotated_h = h;
	}
	if (!r->rotated || SDL_SetRenderTarget(r->sdl, r->rotated) != 0)
		return false;
	r->w = w;
	r->h = h;
	return true;
}

static void end_rotated(struct render *r, int out_w, int out_h)
{
	SDL_Rect dst = {(out_w - r->w) / 2, (out_h - r->h) / 2, r->w, r->h};

	SDL_SetRenderTarget(r->sdl, NULL);
	SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, 255);
	SDL_RenderClear(r->sdl);
	SDL_RenderCopyEx(r->sdl, r->rotated, NULL, &dst, r->rotation, NULL, SDL_FLIP_NONE);
}

void render_frame(struct render *r, const struct render_scene *s)
{
	int out_w, out_h;
	bool rotated;

	r->frame++;
	SDL_GetRendererOutputSize(r->sdl, &out_w, &out_h);
	rotated = r->rotation != 0 && begin_rotated(r, out_w, out_h);
	if (!rotated) {
		r->w = out_w;
		r->h = out_h;
	}
	draw_screen(r, s);
	if (rotated)
		end_rotated(r, out_w, out_h);
}

static void draw_screen(struct render *r, const struct render_scene *s)
{
	draw_use_palette(r, s->view->night);
	if (s->view->screen_off) {
		/* A dark bedroom: black, and nothing more is drawn until a press. */
		clear(r, (SDL_Color){0, 0, 0, 255});
		return;
	}
	switch (s->view->screen) {
	case SCREEN_BREATHE:
	case SCREEN_PAUSED:
		draw_breathe(r, s);
		break;
	case SCREEN_CHECKIN:
		draw_checkin(r, s);
		break;
	case SCREEN_SETTLE:
		draw_settle(r, s);
		break;
	case SCREEN_DONE:
		draw_done(r, s);
		break;
	case SCREEN_PROMPT:
		draw_prompt(r, s);
		break;
	case SCREEN_NOTE:
		draw_note(r, s);
		break;
	case SCREEN_HISTORY:
		draw_history(r, s);
		break;
	case SCREEN_AMBIENT:
	case SCREEN_COUNT:
		draw_ambient(r, s);
		break;
	}
	draw_member_chip(r, s);
	if (s->log_trouble) {
		int d = min_side(r) / 60 + 2;
		SDL_Rect dot = {d, r->h - 2 * d, d, d};

		SDL_SetRenderDrawColor(r->sdl, r->pal->trouble.r, r->pal->trouble.g,
				       r->pal->trouble.b, 255);
		SDL_RenderFillRect(r->sdl, &dot);
	}
}

void render_set_ambient(struct render *r, bool glow, bool drift)
{
	r->ambient_glow = glow;
	r->ambient_drift = drift;
}

int render_frame_interval_ms(const struct render *r, const struct device_view *view)
{
	if (view->screen_off)
		return 0;
	if (view->screen == SCREEN_BREATHE || view->screen == SCREEN_SETTLE)
		return 1000 / BREATHE_FPS;
	if (view->screen == SCREEN_AMBIENT && r->ambient_glow)
		return 1000 / AMBIENT_GLOW_FPS;
	return 0;
}
