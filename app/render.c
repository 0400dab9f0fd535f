/* Screen drawing: layout is relative to the output size, from 480x320 up to 1280x800. */
#include "render.h"
#include "render_priv.h"

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
	r->pal = &day;
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
	for (int i = 0; i < GLOW_STYLES; i++)
		if (r->glow[i])
			SDL_DestroyTexture(r->glow[i]);
	if (r->rotated)
		SDL_DestroyTexture(r->rotated);
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

struct text_slot *text_at(struct render *r, const char *text, int px, int wrap, SDL_Color color)
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

/* The box a prompt wraps in on a w x h screen: the screen less a margin all round. */
static void prompt_box(int w, int h, int *wrap, int *max_h)
{
	int margin = (w < h ? w : h) * 8 / 100;

	*wrap = w - 2 * margin;
	*max_h = h - 2 * margin;
}

/* The largest type size at which text, wrapped in the prompt box, fits: smaller screens get
 * smaller type, never below a size still legible across a room. Measured once per text and
 * screen; the linter (--check-prompts) asks the same question for the smallest screen. */
int render_prompt_px(struct render *r, const char *text, int w, int h)
{
	int wrap, max_h, px;

	prompt_box(w, h, &wrap, &max_h);
	/* The text cache keys on the whole text: a longer one could not be drawn at all. */
	if (strlen(text) >= TEXT_KEY_MAX || wrap <= 0)
		return 0;
	if (r->fit_px && r->fit_wrap == wrap && r->fit_max_h == max_h &&
	    strcmp(r->fit_text, text) == 0)
		return r->fit_px > 0 ? r->fit_px : 0;
	/* Down in steps of 2, the last step landing on the smallest size itself. */
	for (px = (w < h ? w : h) * 11 / 100;; px -= 2) {
		TTF_Font *font;
		SDL_Surface *surf;
		bool fits;

		if (px < PROMPT_MIN_PX)
			px = PROMPT_MIN_PX;
		font = font_at(r, px);
		surf = font ? TTF_RenderUTF8_Blended_Wrapped(font, text, r->pal->text, (Uint32)wrap)
			    : NULL;
		fits = surf && surf->h <= max_h && surf->w <= wrap;
		SDL_FreeSurface(surf);
		if (fits)
			break;
		if (px == PROMPT_MIN_PX) {
			px = -1; /* does not fit: remembered too */
			break;
		}
	}
	snprintf(r->fit_text, sizeof(r->fit_text), "%s", text);
	r->fit_wrap = wrap;
	r->fit_max_h = max_h;
	r->fit_px = px;
	return r->fit_px > 0 ? r->fit_px : 0;
}

static void draw_prompt(struct render *r, const struct render_scene *s)
{
	const char *text = s->view->prompt ? s->view->prompt->text
					   : "No prompts are loaded. Check the prompt folder "
					     "in the settings.";
	int wrap, max_h;
	int px = render_prompt_px(r, text, r->w, r->h);
	struct text_slot *t;
	SDL_Rect dst;

	prompt_box(r->w, r->h, &wrap, &max_h);
	/* Too long to fit (the linter reports it): the smallest type, centred, is the best left. */
	t = text_at(r, text, px ? px : PROMPT_MIN_PX, wrap, r->pal->text);
	clear(r, r->pal->bg_prompt);
	if (!t)
		return;
	dst = (SDL_Rect){(r->w - t->w) / 2, (r->h - t->h) / 2, t->w, t->h};
	SDL_RenderCopy(r->sdl, t->tex, NULL, &dst);
}

static void draw_screen(struct render *r, const struct render_scene *s);

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
	r->pal = s->view->night ? &night : &day;
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
