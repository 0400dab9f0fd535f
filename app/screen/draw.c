/* SPDX-License-Identifier: MIT */
/* Drawing primitives shared by every screen: fonts and the text cache, palettes, colours,
 * discs, rings. Screens build on these; nothing here knows which screen is drawn. */
#include "draw.h"
#include "diag.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct palette day = {
	.bg_ambient = {14, 17, 22, 255},
	.bg_breathe = {12, 22, 30, 255},
	.bg_prompt = {22, 18, 26, 255},
	.text = {242, 237, 228, 255},
	.text_dim = {150, 158, 168, 255},
	.inhale = {102, 190, 186, 255},
	.topup = {150, 222, 214, 255},
	.hold = {150, 160, 210, 255},
	.exhale = {226, 170, 118, 255},
	.trouble = {200, 90, 80, 255},
	.warm = {236, 160, 130, 255},
};

/* Night: dim, warm, no blue at all, for a dark bedroom and eyes about to sleep. */
static const struct palette night = {
	.bg_ambient = {0, 0, 0, 255},
	.bg_breathe = {0, 0, 0, 255},
	.bg_prompt = {0, 0, 0, 255},
	.text = {150, 74, 26, 255},
	.text_dim = {96, 46, 14, 255},
	.inhale = {150, 66, 14, 255},
	.topup = {176, 86, 20, 255},
	.hold = {120, 70, 20, 255},
	.exhale = {120, 36, 10, 255},
	.trouble = {110, 30, 0, 255},
	.warm = {170, 62, 20, 255},
};
TTF_Font *font_at(struct render *r, int px)
{
	int victim = 0;

	for (int i = 0; i < FONT_SLOTS; i++) {
		if (r->fonts[i].font && r->fonts[i].px == px)
			return r->fonts[i].font;
		if (!r->fonts[i].font)
			victim = i;
	}
	if (r->fonts[victim].font)
		TTF_CloseFont(r->fonts[victim].font);
	r->fonts[victim].font = TTF_OpenFont(r->font_path, px);
	r->fonts[victim].px = px;
	if (r->fonts[victim].font)
		TTF_SetFontWrappedAlign(r->fonts[victim].font, TTF_WRAPPED_ALIGN_CENTER);
	return r->fonts[victim].font;
}

static bool same_color(SDL_Color a, SDL_Color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

struct text_slot *text_at(struct render *r, const char *text, int px, int wrap, SDL_Color color)
{
	struct text_slot *slot = &r->texts[0];
	TTF_Font *font;
	SDL_Surface *surf;
	char plain[TEXT_KEY_MAX];

	/* Test mode: every word on screen came through tr() or is the household's own. */
	if (i18n_checking()) {
		if (!i18n_check_drawn(text, plain, sizeof(plain)))
			diag_warn("on screen but not marked for translation: \"%s\"", plain);
		text = plain;
	}
	if (!text[0] || strlen(text) >= TEXT_KEY_MAX)
		return NULL;
	for (int i = 0; i < TEXT_SLOTS; i++) {
		struct text_slot *s = &r->texts[i];

		if (s->tex && s->px == px && s->wrap == wrap && same_color(s->color, color) &&
		    strcmp(s->key, text) == 0) {
			s->used = r->frame;
			return s;
		}
		/* The slot to reuse: a free one, else the one unused for longest. */
		if (slot->tex && (!s->tex || s->used < slot->used))
			slot = s;
	}
	font = font_at(r, px);
	if (!font)
		return NULL;
	surf = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, color, (Uint32)wrap)
			: TTF_RenderUTF8_Blended(font, text, color);
	if (!surf)
		return NULL;
	if (slot->tex)
		SDL_DestroyTexture(slot->tex);
	slot->tex = SDL_CreateTextureFromSurface(r->sdl, surf);
	slot->w = surf->w;
	slot->h = surf->h;
	SDL_FreeSurface(surf);
	if (!slot->tex) {
		slot->key[0] = '\0';
		return NULL;
	}
	snprintf(slot->key, sizeof(slot->key), "%s", text);
	slot->px = px;
	slot->wrap = wrap;
	slot->color = color;
	slot->used = r->frame;
	return slot;
}

int draw_text(struct render *r, const char *text, int px, SDL_Color color, int cx, int cy)
{
	return draw_text_wrapped(r, text, px, 0, color, cx, cy);
}

int draw_text_wrapped(struct render *r, const char *text, int px, int wrap, SDL_Color color, int cx,
		      int cy)
{
	struct text_slot *t = text_at(r, text, px, wrap, color);
	SDL_Rect dst;

	if (!t)
		return 0;
	dst = (SDL_Rect){cx - t->w / 2, cy - t->h / 2, t->w, t->h};
	SDL_RenderCopy(r->sdl, t->tex, NULL, &dst);
	return t->h;
}

void clear(struct render *r, SDL_Color c)
{
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, 255);
	SDL_RenderClear(r->sdl);
}

static Uint8 mix8(Uint8 a, Uint8 b, double t)
{
	return (Uint8)lround(a + (b - a) * t);
}

SDL_Color dim(SDL_Color c, double brightness)
{
	return (SDL_Color){mix8(0, c.r, brightness), mix8(0, c.g, brightness),
			   mix8(0, c.b, brightness), c.a};
}

SDL_Color mix(SDL_Color a, SDL_Color b, double t)
{
	return (SDL_Color){mix8(a.r, b.r, t), mix8(a.g, b.g, t), mix8(a.b, b.b, t),
			   mix8(a.a, b.a, t)};
}

/* Smooth 0..1 between edge0 and edge1. */
static double smooth(double edge0, double edge1, double x)
{
	double t = (x - edge0) / (edge1 - edge0);

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return t * t * (3 - 2 * t);
}

/* A white disc with a soft edge and a glow around it, as an alpha profile: drawn once, then
 * tinted and scaled each frame, which costs a software renderer a fraction of drawing the
 * same by triangles. */
/* How far each style's glow reaches, in disc radii. */
static double glow_extent(enum glow_style style)
{
	return style == GLOW_WIDE ? 1.55 : 1.30;
}

static SDL_Texture *make_glow(struct render *r, enum glow_style style)
{
	const double extent = glow_extent(style);
	const double strength = style == GLOW_WIDE ? 0.16 : 0.22;
	const double edge = 0.035; /* the disc's own soft edge, in disc radii */
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, GLOW_SIZE, GLOW_SIZE, 32,
							   SDL_PIXELFORMAT_ARGB8888);
	SDL_Texture *tex;

	if (!surf)
		return NULL;
	for (int y = 0; y < GLOW_SIZE; y++) {
		Uint32 *row = (Uint32 *)((Uint8 *)surf->pixels + y * surf->pitch);

		for (int x = 0; x < GLOW_SIZE; x++) {
			double dx = (x + 0.5) / GLOW_SIZE * 2 - 1,
			       dy = (y + 0.5) / GLOW_SIZE * 2 - 1;
			double d = sqrt(dx * dx + dy * dy) * extent; /* in disc radii */
			double disc = 1.0 - smooth(1.0 - edge, 1.0 + edge, d);
			double glow = strength * (1.0 - smooth(1.0, extent, d));
			double a = disc + (1.0 - disc) * glow;

			row[x] = (Uint32)lround(a * 255) << 24 | 0xffffffu;
		}
	}
	tex = SDL_CreateTextureFromSurface(r->sdl, surf);
	SDL_FreeSurface(surf);
	if (tex)
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
	return tex;
}

void draw_glowing_disc(struct render *r, float cx, float cy, float radius, enum glow_style style,
		       SDL_Color color)
{
	float half = radius * (float)glow_extent(style);
	SDL_FRect dst = {cx - half, cy - half, 2 * half, 2 * half};

	if (!r->glow[style])
		r->glow[style] = make_glow(r, style);
	if (!r->glow[style])
		return;
	SDL_SetTextureColorMod(r->glow[style], color.r, color.g, color.b);
	SDL_SetTextureAlphaMod(r->glow[style], color.a);
	SDL_RenderCopyF(r->sdl, r->glow[style], NULL, &dst);
}

/* A triangle fan, then a ring fading to transparent. */
void draw_disc(struct render *r, float cx, float cy, float radius, float feather, SDL_Color color)
{
	SDL_Vertex v[2 + DISC_SEGMENTS * 2];
	int idx[DISC_SEGMENTS * 9];
	SDL_Color clear_edge = color;
	int n = 0;

	clear_edge.a = 0;
	v[0] = (SDL_Vertex){{cx, cy}, color, {0, 0}};
	for (int i = 0; i < DISC_SEGMENTS; i++) {
		double a = 2.0 * M_PI * i / DISC_SEGMENTS;
		float dx = (float)cos(a), dy = (float)sin(a);

		v[1 + i] = (SDL_Vertex){{cx + dx * radius, cy + dy * radius}, color, {0, 0}};
		v[1 + DISC_SEGMENTS + i] =
			(SDL_Vertex){{cx + dx * (radius + feather), cy + dy * (radius + feather)},
				     clear_edge,
				     {0, 0}};
	}
	for (int i = 0; i < DISC_SEGMENTS; i++) {
		int a = 1 + i, b = 1 + (i + 1) % DISC_SEGMENTS;
		int oa = a + DISC_SEGMENTS, ob = b + DISC_SEGMENTS;

		idx[n++] = 0, idx[n++] = a, idx[n++] = b;
		idx[n++] = a, idx[n++] = oa, idx[n++] = ob;
		idx[n++] = a, idx[n++] = ob, idx[n++] = b;
	}
	SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
	SDL_RenderGeometry(r->sdl, NULL, v, 1 + 2 * DISC_SEGMENTS, idx, n);
}

void draw_ring(struct render *r, float cx, float cy, float inner, float outer, double fraction,
	       SDL_Color color)
{
	SDL_Vertex v[2 * (DISC_SEGMENTS + 1)];
	int idx[DISC_SEGMENTS * 6];
	int segments = (int)ceil(DISC_SEGMENTS * (fraction > 1.0 ? 1.0 : fraction));
	int n = 0;

	if (segments <= 0)
		return;
	for (int i = 0; i <= segments; i++) {
		double turn = fraction * i / segments;
		double a = 2.0 * M_PI * turn - M_PI / 2;
		float dx = (float)cos(a), dy = (float)sin(a);

		v[2 * i] = (SDL_Vertex){{cx + dx * inner, cy + dy * inner}, color, {0, 0}};
		v[2 * i + 1] = (SDL_Vertex){{cx + dx * outer, cy + dy * outer}, color, {0, 0}};
	}
	for (int i = 0; i < segments; i++) {
		int a = 2 * i;

		idx[n++] = a, idx[n++] = a + 1, idx[n++] = a + 2;
		idx[n++] = a + 1, idx[n++] = a + 3, idx[n++] = a + 2;
	}
	SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
	SDL_RenderGeometry(r->sdl, NULL, v, 2 * (segments + 1), idx, n);
}

int min_side(const struct render *r)
{
	return r->w < r->h ? r->w : r->h;
}

void draw_use_palette(struct render *r, bool at_night)
{
	r->pal = at_night ? &night : &day;
}
