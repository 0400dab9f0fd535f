/* SPDX-License-Identifier: MIT */
/* The connection prompt screen, and the fit of a prompt's text that the linter shares. */
#include "render.h"
#include "screens.h"

#include <stdio.h>
#include <string.h>

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

void draw_prompt(struct render *r, const struct render_scene *s)
{
	const char *text =
		s->view->prompt
			? i18n_data(s->view->prompt->text)
			: tr("No prompts are loaded. Check the prompt folder in the settings.");
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
