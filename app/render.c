/* Screen drawing: layout is relative to the output size, from 480x320 up to 1280x800. */
#include "render.h"

#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define FONT_SLOTS    8
#define TEXT_SLOTS    24
#define TEXT_KEY_MAX  512
#define DISC_SEGMENTS 96
#define BREATHE_FPS   30
#define PROMPT_MIN_PX 18 /* the smallest prompt type, in pixels */

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

struct render {
	SDL_Renderer *sdl;
	char font_path[512];
	struct font_slot fonts[FONT_SLOTS];
	struct text_slot texts[TEXT_SLOTS];
	unsigned frame;
	int w, h; /* output size of the frame being drawn */
	/* The type size found to fit the last prompt, so it is searched for once per prompt. */
	char fit_text[TEXT_KEY_MAX];
	int fit_wrap, fit_max_h, fit_px;
};

/* The palette: calm and dark, warm text, no harsh white. */
static const SDL_Color bg_ambient = {14, 17, 22, 255};
static const SDL_Color bg_breathe = {12, 22, 30, 255};
static const SDL_Color bg_prompt = {22, 18, 26, 255};
static const SDL_Color text_main = {242, 237, 228, 255};
static const SDL_Color text_dim = {150, 158, 168, 255};
static const SDL_Color inhale_color = {102, 190, 186, 255};
static const SDL_Color exhale_color = {226, 170, 118, 255};
static const SDL_Color hold_color = {150, 160, 210, 255};
static const SDL_Color trouble_color = {200, 90, 80, 255};

struct render *render_new(SDL_Renderer *renderer, const char *font_path, char *msg, size_t msg_len)
{
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
	snprintf(r->font_path, sizeof(r->font_path), "%s", font_path);
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
	free(r);
}

static TTF_Font *font_at(struct render *r, int px)
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

/* The texture of a text at a size (wrapped to wrap pixels when wrap > 0), from the cache when
 * it was drawn before. NULL when it cannot be rendered. */
static struct text_slot *text_at(struct render *r, const char *text, int px, int wrap,
				 SDL_Color color)
{
	struct text_slot *slot = &r->texts[0];
	TTF_Font *font;
	SDL_Surface *surf;

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

/* Draws text centred on (cx, cy); returns its height (0 when nothing was drawn). */
static int draw_text(struct render *r, const char *text, int px, SDL_Color color, int cx, int cy)
{
	struct text_slot *t = text_at(r, text, px, 0, color);
	SDL_Rect dst;

	if (!t)
		return 0;
	dst = (SDL_Rect){cx - t->w / 2, cy - t->h / 2, t->w, t->h};
	SDL_RenderCopy(r->sdl, t->tex, NULL, &dst);
	return t->h;
}

static void clear(struct render *r, SDL_Color c)
{
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, 255);
	SDL_RenderClear(r->sdl);
}

static Uint8 mix8(Uint8 a, Uint8 b, double t)
{
	return (Uint8)lround(a + (b - a) * t);
}

static SDL_Color mix(SDL_Color a, SDL_Color b, double t)
{
	return (SDL_Color){mix8(a.r, b.r, t), mix8(a.g, b.g, t), mix8(a.b, b.b, t),
			   mix8(a.a, b.a, t)};
}

/* A filled disc with a soft edge: a triangle fan, then a ring fading to transparent. */
static void draw_disc(struct render *r, float cx, float cy, float radius, float feather,
		      SDL_Color color)
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

static int min_side(const struct render *r)
{
	return r->w < r->h ? r->w : r->h;
}

static void draw_ambient(struct render *r, const struct render_scene *s)
{
	char clock[16], date[64];
	int m = min_side(r);
	int clock_px = m * 30 / 100;
	int date_px = m * 7 / 100;

	clear(r, bg_ambient);
	if (s->clock_24h)
		strftime(clock, sizeof(clock), "%H:%M", s->local);
	else
		snprintf(clock, sizeof(clock), "%d:%02d %s",
			 s->local->tm_hour % 12 ? s->local->tm_hour % 12 : 12, s->local->tm_min,
			 s->local->tm_hour < 12 ? "am" : "pm");
	strftime(date, sizeof(date), "%A %e %B", s->local);
	draw_text(r, clock, clock_px, text_main, r->w / 2, r->h / 2 - date_px / 2);
	draw_text(r, date, date_px, text_dim, r->w / 2, r->h / 2 + clock_px / 2 + date_px / 2);
}

static SDL_Color phase_color(enum breath_phase_kind kind)
{
	switch (kind) {
	case PHASE_INHALE:
	case PHASE_TOPUP:
		return inhale_color;
	case PHASE_EXHALE:
		return exhale_color;
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		break;
	}
	return hold_color;
}

/* The colour of the phase before this one, so a phase's colour fades in instead of jumping. */
static SDL_Color previous_phase_color(const struct device_view *v)
{
	const struct breath_pattern *p = v->pattern;

	for (int i = 0; i < p->n_phases; i++)
		if (p->phases[i].kind == v->breath.phase)
			return phase_color(p->phases[(i + p->n_phases - 1) % p->n_phases].kind);
	return phase_color(v->breath.phase);
}

static void draw_breathe(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	int m = min_side(r);
	float rmin = (float)m * 0.10f, rmax = (float)m * 0.33f;
	float radius = rmin + (rmax - rmin) * (float)v->breath.size;
	float cx = (float)r->w / 2, cy = (float)r->h * 0.44f;
	double fade = (double)v->breath.phase_elapsed_ms / 900.0;
	SDL_Color color =
		mix(previous_phase_color(v), phase_color(v->breath.phase), fade < 1.0 ? fade : 1.0);
	SDL_Color glow = color;
	int64_t left_s = (v->session_ms - v->session_elapsed_ms + 999) / 1000;
	char left[16];
	int label_px = m * 8 / 100;

	clear(r, bg_breathe);
	glow.a = 40;
	draw_disc(r, cx, cy, radius * 1.18f, (float)m * 0.06f, glow);
	draw_disc(r, cx, cy, radius, (float)m * 0.012f, color);
	draw_text(r, breath_phase_words(v->breath.phase), label_px, text_main, r->w / 2,
		  (int)(cy + rmax * 1.18f + (float)m * 0.05f) + label_px / 2);
	if (left_s < 0)
		left_s = 0;
	snprintf(left, sizeof(left), "%d:%02d", (int)(left_s / 60), (int)(left_s % 60));
	draw_text(r, left, m * 5 / 100, text_dim, r->w - m * 10 / 100, m * 6 / 100);
}

/* The largest type size at which text, wrapped to wrap pixels, fits in max_h: smaller screens
 * get smaller type, never below a size still legible across a room. Measured once per text. */
static int prompt_px(struct render *r, const char *text, int wrap, int max_h)
{
	int m = min_side(r);
	int px;

	if (r->fit_px && r->fit_wrap == wrap && r->fit_max_h == max_h &&
	    strcmp(r->fit_text, text) == 0)
		return r->fit_px;
	for (px = m * 11 / 100; px > PROMPT_MIN_PX; px -= 2) {
		TTF_Font *font = font_at(r, px);
		SDL_Surface *surf =
			font ? TTF_RenderUTF8_Blended_Wrapped(font, text, text_main, (Uint32)wrap)
			     : NULL;
		bool fits = surf && surf->h <= max_h && surf->w <= wrap;

		SDL_FreeSurface(surf);
		if (fits)
			break;
	}
	snprintf(r->fit_text, sizeof(r->fit_text), "%s", text);
	r->fit_wrap = wrap;
	r->fit_max_h = max_h;
	r->fit_px = px;
	return px;
}

static void draw_prompt(struct render *r, const struct render_scene *s)
{
	const char *text = s->view->prompt ? s->view->prompt->text
					   : "No prompts are loaded. Check the prompt folder "
					     "in the settings.";
	int margin = min_side(r) * 8 / 100;
	int wrap = r->w - 2 * margin;
	int px = prompt_px(r, text, wrap, r->h - 2 * margin);
	struct text_slot *t = text_at(r, text, px, wrap, text_main);
	SDL_Rect dst;

	clear(r, bg_prompt);
	if (!t)
		return;
	dst = (SDL_Rect){(r->w - t->w) / 2, (r->h - t->h) / 2, t->w, t->h};
	SDL_RenderCopy(r->sdl, t->tex, NULL, &dst);
}

void render_frame(struct render *r, const struct render_scene *s)
{
	r->frame++;
	SDL_GetRendererOutputSize(r->sdl, &r->w, &r->h);
	switch (s->view->screen) {
	case SCREEN_BREATHE:
		draw_breathe(r, s);
		break;
	case SCREEN_PROMPT:
		draw_prompt(r, s);
		break;
	case SCREEN_AMBIENT:
	case SCREEN_COUNT:
		draw_ambient(r, s);
		break;
	}
	if (s->log_trouble) {
		int d = min_side(r) / 60 + 2;
		SDL_Rect dot = {d, r->h - 2 * d, d, d};

		SDL_SetRenderDrawColor(r->sdl, trouble_color.r, trouble_color.g, trouble_color.b,
				       255);
		SDL_RenderFillRect(r->sdl, &dot);
	}
}

int render_frame_interval_ms(const struct device_view *view)
{
	return view->screen == SCREEN_BREATHE ? 1000 / BREATHE_FPS : 0;
}
