/* SPDX-License-Identifier: MIT */
/* The drawing primitives every screen uses (draw.c): the text cache, the palette, discs and
 * rings. Below the screens: nothing here calls a screen. */
#ifndef CALM_DRAW_H
#define CALM_DRAW_H

#include <SDL.h>
#include <SDL_ttf.h>

#include "render.h"

#define FONT_SLOTS       8
#define TEXT_SLOTS       24
#define TEXT_KEY_MAX     512
#define DISC_SEGMENTS    96
#define BREATHE_FPS      30
#define PROMPT_MIN_PX    18  /* the smallest prompt type, in pixels */
#define GLOW_SIZE        512 /* the glowing disc's texture, in pixels */
#define AMBIENT_GLOW_FPS 2   /* the slow, soft glow moves about 2 px a frame at this rate */

enum glow_style {
	GLOW_CLOSE = 0, /* a tight glow: breathing in, holding */
	GLOW_WIDE,      /* a wide, faint glow: breathing out */
	GLOW_STYLES,
};

struct font_slot {
	int px;
	TTF_Font *font;
};

struct text_slot {
	char key[TEXT_KEY_MAX]; /* the text; empty when the slot is free */
	int px;
	int wrap; /* wrap width in pixels, 0 for one line */
	SDL_Color color;
	SDL_Texture *tex;
	int w, h;
	unsigned used; /* frame counter at last use, for eviction */
};

/* Calm and dark, warm text, no harsh white; each phase of a breath its own colour. */
struct palette {
	SDL_Color bg_ambient, bg_breathe, bg_prompt;
	SDL_Color text, text_dim;
	SDL_Color inhale, topup, hold, exhale;
	SDL_Color trouble;
	SDL_Color warm; /* an appreciation left for someone */
};

struct render {
	SDL_Renderer *sdl;
	const struct palette *pal;
	char font_path[512];
	struct font_slot fonts[FONT_SLOTS];
	struct text_slot texts[TEXT_SLOTS];
	unsigned frame;
	int w, h;                       /* output size of the frame being drawn */
	SDL_Texture *glow[GLOW_STYLES]; /* made on first use */
	bool ambient_glow;              /* the clock breathes a faint glow */
	bool ambient_drift;             /* everything on the clock shifts a little now and then */
	int rotation;                   /* degrees the picture is turned on the screen */
	SDL_Texture *rotated;           /* the upright frame, when turned; made on first use */
	int rotated_w, rotated_h;
	/* The type size found to fit the last prompt, so it is searched for once per prompt. */
	char fit_text[TEXT_KEY_MAX];
	int fit_wrap, fit_max_h, fit_px;
};

/* Draws with renderer as setup says; the font file is opened once per size used. Returns NULL
 * with msg set on failure. */
struct render *render_new(SDL_Renderer *renderer, const struct render_setup *setup, char *msg,
			  size_t msg_len);

/* The texture of a text at a size (wrapped to wrap pixels when wrap > 0), from the cache when
 * it was drawn before. NULL when it cannot be rendered. */
struct text_slot *text_at(struct render *r, const char *text, int px, int wrap, SDL_Color color);

/* Draws text centred on (cx, cy), wrapped when wrap > 0; returns its height (0: nothing). */
int draw_text(struct render *r, const char *text, int px, SDL_Color color, int cx, int cy);
int draw_text_wrapped(struct render *r, const char *text, int px, int wrap, SDL_Color color, int cx,
		      int cy);

void clear(struct render *r, SDL_Color c);
SDL_Color mix(SDL_Color a, SDL_Color b, double t);
SDL_Color dim(SDL_Color c, double brightness);

/* A filled disc with a soft edge fading out over `feather` pixels. */
void draw_disc(struct render *r, float cx, float cy, float radius, float feather, SDL_Color color);

/* A disc of this radius with a soft edge and a glow around it, tinted with color. */
void draw_glowing_disc(struct render *r, float cx, float cy, float radius, enum glow_style style,
		       SDL_Color color);

/* A ring between two radii, drawn clockwise from the top for `fraction` of a turn. */
void draw_ring(struct render *r, float cx, float cy, float inner, float outer, double fraction,
	       SDL_Color color);

int min_side(const struct render *r);

/* The font at a size, opened on first use; NULL when the file cannot be opened. */
TTF_Font *font_at(struct render *r, int px);

/* The night palette (dim, warm, no blue) or the day one, for the frame being drawn. */
void draw_use_palette(struct render *r, bool at_night);

#endif
