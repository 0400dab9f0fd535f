/* SPDX-License-Identifier: MIT */
/* The week at a glance, drawn rather than written: a bar a day for the minutes breathed, a
 * warm dot for each prompt shown, and, on one member's own week, a line for how calm they felt
 * after their sessions. And the small chip that says who is here. */
#include <stdio.h>
#include <time.h>

#include "screens.h"

#define MAX_DOTS 5 /* prompts drawn as dots per day; more is still five */

static void fill(struct render *r, SDL_Color c, int x, int y, int w, int h)
{
	SDL_Rect rect = {x, y, w, h};

	SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(r->sdl, &rect);
}

static SDL_Color member_color(const struct device_config *c, int member)
{
	uint32_t rgb = c->member_colors[member];

	return (SDL_Color){(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
}

/* Small keys along the bottom: what the colours mean (the calm line's only on one member's own
 * week, where it is drawn). */
static void draw_legend(struct render *r, int px, bool calm_line)
{
	const struct {
		SDL_Color color;
		const char *words;
	} keys[] = {
		{r->pal->inhale, trc("history legend", "breathing")},
		{r->pal->warm, trc("history legend", "prompts")},
		{r->pal->hold, trc("history legend", "calm after")},
	};
	int n = calm_line ? 3 : 2;
	int y = r->h * 93 / 100, dot = px * 2 / 3;

	for (int i = 0; i < n; i++) {
		int cx = r->w * (2 * i + 1) / (2 * n);
		struct text_slot *t = text_at(r, keys[i].words, px, 0, r->pal->text_dim);

		if (!t)
			continue;
		fill(r, keys[i].color, cx - (t->w + dot * 2) / 2, y - dot / 2, dot, dot);
		SDL_RenderCopy(
			r->sdl, t->tex, NULL,
			&(SDL_Rect){cx - (t->w + dot * 2) / 2 + dot * 2, y - t->h / 2, t->w, t->h});
	}
}

void draw_history(struct render *r, const struct render_scene *s)
{
	const struct history_week *week = s->week;
	int m = min_side(r);
	int title_px = m * 7 / 100, small_px = m * 45 / 1000;
	int left = r->w * 8 / 100, right = r->w * 92 / 100;
	int col = (right - left) / HISTORY_DAYS;
	int base = r->h * 78 / 100;    /* the bars stand on this line */
	int bar_top = r->h * 36 / 100; /* the tallest bar reaches this */
	int calm_top = r->h * 16 / 100, calm_bottom = r->h * 30 / 100; /* the calm line's strip */
	int64_t most = 10 * 60000; /* the scale: at least ten minutes */
	int prev_x = -1, prev_y = 0;
	char title[128];

	clear(r, r->pal->bg_ambient);
	if (s->week && s->week->member)
		snprintf(title, sizeof(title), tr("This week: %s"), i18n_data(s->week->member));
	else
		snprintf(title, sizeof(title), "%s", tr("This week"));
	draw_text(r, title, title_px, r->pal->text, r->w / 2, r->h * 8 / 100);
	if (!week) {
		draw_text(r, tr("The log cannot be read just now."), small_px, r->pal->text_dim,
			  r->w / 2, r->h / 2);
		return;
	}
	for (int i = 0; i < HISTORY_DAYS; i++)
		if (week->days[i].breathed_ms > most)
			most = week->days[i].breathed_ms;
	fill(r, dim(r->pal->text_dim, 0.5), left, base, right - left, 2);
	for (int i = 0; i < HISTORY_DAYS; i++) {
		const struct history_day *d = &week->days[i];
		int cx = left + col * i + col / 2;
		int bw = col * 45 / 100;
		int bh = (int)((base - bar_top) * d->breathed_ms / most);
		int dot = m / 40 + 2;
		/* 1970-01-01 was a Thursday: day numbers name the weekday. */
		const char *letter = trc("weekday short",
					 clock_weekday_short((int)(((d->day % 7) + 7 + 4) % 7)));
		SDL_Color label = i == HISTORY_DAYS - 1 ? r->pal->text : r->pal->text_dim;

		if (d->breathed_ms > 0 && bh < 3)
			bh = 3; /* a short session still shows */
		fill(r, r->pal->inhale, cx - bw / 2, base - bh, bw, bh);
		for (int k = 0; k < d->prompts && k < MAX_DOTS; k++)
			fill(r, r->pal->warm, cx - dot / 2, base - bh - (k + 1) * (dot + dot / 2),
			     dot, dot);
		draw_text(r, letter, small_px, label, cx, base + small_px);
		if (week->member && d->answered) {
			int y = calm_bottom - (int)((calm_bottom - calm_top) * d->calm_after);

			if (prev_x >= 0) {
				SDL_SetRenderDrawColor(r->sdl, r->pal->hold.r, r->pal->hold.g,
						       r->pal->hold.b, 255);
				SDL_RenderDrawLine(r->sdl, prev_x, prev_y, cx, y);
				SDL_RenderDrawLine(r->sdl, prev_x, prev_y + 1, cx, y + 1);
			}
			fill(r, r->pal->hold, cx - dot / 2, y - dot / 2, dot, dot);
			prev_x = cx;
			prev_y = y;
		}
	}
	/* Everyone's week shows no check-in answers (the store does not even read them): how
	 * someone felt is for them to see, on their own week, where there are members to choose. */
	if (!week->member && s->device->n_members > 0)
		draw_text(r, tr("How each of you felt shows on your own week."),
			  small_px * 85 / 100, r->pal->text_dim, r->w / 2,
			  (calm_top + calm_bottom) / 2);
	draw_legend(r, small_px * 85 / 100, week->member != NULL);
}

void draw_member_chip(struct render *r, const struct render_scene *s)
{
	const struct device_config *c = s->device;
	int member = s->view->member;
	int m = min_side(r);
	int px = m * 42 / 1000, dot = px * 2 / 3;
	struct text_slot *t;

	if (member < 0 || member >= c->n_members)
		return;
	t = text_at(r, i18n_data(c->members[member]), px, 0, r->pal->text_dim);
	fill(r, s->view->night ? r->pal->warm : member_color(c, member), m / 30, m / 30 + px / 4,
	     dot, dot);
	if (t) {
		SDL_Rect dst = {m / 30 + dot + dot / 2, m / 30, t->w, t->h};

		SDL_RenderCopy(r->sdl, t->tex, NULL, &dst);
	}
}
