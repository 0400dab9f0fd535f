/* SPDX-License-Identifier: MIT */
/* Setting the clock by hand: the time and the date, the field being set bright and underlined,
 * the rest dim, and one line on what the buttons do; then how it went. Large and plain, so it
 * can be read at arm's length in a dark room. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "screens.h"

#define PARTS_MAX 5

/* One line of text in parts, centred as a whole on (cx, cy); the parts in the bright mask
 * (1 << index) are drawn in the main colour and underlined, the others dim. */
static void draw_parts(struct render *r, const char *const *parts, int n, unsigned bright,
		       bool underline, int px, int cx, int cy)
{
	struct text_slot *slots[PARTS_MAX];
	int widths[PARTS_MAX], total = 0, x;

	for (int i = 0; i < n; i++) {
		slots[i] = NULL;
		widths[i] = 0;
		/* measured with the main colour: the width does not depend on it */
		if (text_at(r, parts[i], px, 0, r->pal->text))
			widths[i] = text_at(r, parts[i], px, 0, r->pal->text)->w;
		total += widths[i];
	}
	x = cx - total / 2;
	for (int i = 0; i < n; i++) {
		bool lit = bright & 1u << i;
		SDL_Color color = lit ? r->pal->text : r->pal->text_dim;

		slots[i] = text_at(r, parts[i], px, 0, color);
		if (slots[i]) {
			SDL_RenderCopy(r->sdl, slots[i]->tex, NULL,
				       &(SDL_Rect){x, cy - slots[i]->h / 2, slots[i]->w,
						   slots[i]->h});
			if (underline && lit && parts[i][0] != ' ') {
				int thick = px / 14 + 2;
				SDL_Rect bar = {x + px / 20, cy + slots[i]->h * 42 / 100,
						slots[i]->w - px / 10, thick};

				SDL_SetRenderDrawColor(r->sdl, r->pal->warm.r, r->pal->warm.g,
						       r->pal->warm.b, 255);
				SDL_RenderFillRect(r->sdl, &bar);
			}
		}
		x += widths[i];
	}
}

/* What the buttons do here, in one short line. */
static const char *hint(const struct render_scene *s, bool last)
{
	int buttons = s->device ? s->device->n_buttons : 1;

	if (buttons >= 3)
		return last ? tr("Tap 1 or 3: later  ·  2: earlier  ·  Hold: done")
			    : tr("Tap 1 or 3: later  ·  2: earlier  ·  Hold: next");
	if (buttons == 2)
		return last ? tr("Tap 1: later  ·  2: earlier  ·  Hold: done")
			    : tr("Tap 1: later  ·  2: earlier  ·  Hold: next");
	return last ? tr("Tap: later  ·  Double tap: earlier  ·  Hold: done")
		    : tr("Tap: later  ·  Double tap: earlier  ·  Hold: next");
}

static void draw_outcome(struct render *r, const struct device_view *v, int title_px,
			 int small_px)
{
	const char *title = tr("The clock could not be set."), *why = "";

	switch (v->clockset_outcome) {
	case CLOCK_OUTCOME_SET:
		title = tr("The clock is set.");
		break;
	case CLOCK_OUTCOME_REFUSED:
		why = tr("This device is not allowed to change the time. Nothing was changed.");
		break;
	case CLOCK_OUTCOME_AUTOMATIC:
		title = tr("This clock sets itself from the network.");
		why = tr("To set it by hand, turn network time off first. Nothing was changed.");
		break;
	case CLOCK_OUTCOME_UNAVAILABLE:
	case CLOCK_OUTCOMES:
		why = tr("There is no time service here to ask. Nothing was changed.");
		break;
	}
	draw_text_wrapped(r, title, title_px, r->w * 86 / 100, r->pal->text, r->w / 2,
			  r->h * 62 / 100);
	draw_text_wrapped(r, why, small_px, r->w * 84 / 100, r->pal->text_dim, r->w / 2,
			  r->h * 82 / 100);
}

void draw_clockset(struct render *r, const struct render_scene *s)
{
	static const char *const titles[CLOCKSET_FIELDS] = {
		N_("Set the hour"), N_("Set the minutes"), N_("Set the year"),
		N_("Set the month"), N_("Set the day"),
	};
	const struct device_view *v = s->view;
	const struct civil_time *t = &v->clockset.value;
	int m = min_side(r);
	int time_px = m * 24 / 100, date_px = m * 85 / 1000, title_px = m * 75 / 1000;
	int small_px = m * 52 / 1000;
	char hour[16], minute[8], ampm[32], day[8], month[64], year[8];
	enum clockset_field f = v->clockset.field;
	bool editing = !v->clockset_waiting && !v->clockset_said;

	clear(r, r->pal->bg_ambient);
	if (s->clock_24h) {
		snprintf(hour, sizeof(hour), "%02d", t->hour);
		ampm[0] = '\0';
	} else {
		snprintf(hour, sizeof(hour), "%d", t->hour % 12 ? t->hour % 12 : 12);
		snprintf(ampm, sizeof(ampm), " %s",
			 t->hour < 12 ? trc("time", "am") : trc("time", "pm"));
	}
	snprintf(minute, sizeof(minute), "%02d", t->minute);
	snprintf(day, sizeof(day), "%d", t->day);
	snprintf(month, sizeof(month), "%s", trc("month", clock_month_name(t->month)));
	snprintf(year, sizeof(year), "%d", t->year);
	{
		const char *time_parts[] = {hour, ":", minute, ampm};
		/* TRANSLATORS: the order of the date's parts while the clock is set by hand: the
		   words "day", "month" and "year" left in English, in your language's order. */
		const char *order = trc("date order", "day month year");
		bool month_first = strncmp(order, "month", 5) == 0;
		bool year_first = strncmp(order, "year", 4) == 0;
		const char *date_parts[] = {year_first ? year : month_first ? month : day, " ",
					    year_first ? month : month_first ? day : month, " ",
					    year_first ? day : year};
		/* where the day, month and year are among the parts */
		int at_day = year_first ? 4 : month_first ? 2 : 0;
		int at_month = year_first || !month_first ? 2 : 0;
		int at_year = year_first ? 0 : 4;
		/* the hour's am or pm goes with it; once set, the whole time is bright */
		unsigned time_bright = !editing	       ? 0xfu
				       : f == CLOCKSET_HOUR   ? 1u << 0 | 1u << 3
				       : f == CLOCKSET_MINUTE ? 1u << 2
							      : 0;
		unsigned date_bright = !editing		? 0
				       : f == CLOCKSET_DAY   ? 1u << at_day
				       : f == CLOCKSET_MONTH ? 1u << at_month
				       : f == CLOCKSET_YEAR  ? 1u << at_year
							     : 0;

		draw_parts(r, time_parts, ampm[0] ? 4 : 3, time_bright, editing, time_px, r->w / 2,
			   r->h * 33 / 100);
		if (editing || v->clockset_waiting)
			draw_parts(r, date_parts, 5, date_bright, editing, date_px, r->w / 2,
				   r->h * 58 / 100);
	}
	if (v->clockset_said) {
		draw_outcome(r, v, title_px, small_px);
		return;
	}
	if (v->clockset_waiting) {
		draw_text(r, tr("Setting the clock…"), small_px, r->pal->text_dim, r->w / 2,
			  r->h * 82 / 100);
		return;
	}
	draw_text(r, tr(titles[f < CLOCKSET_FIELDS ? f : 0]), title_px, r->pal->text, r->w / 2,
		  r->h * 10 / 100);
	draw_text_wrapped(r, hint(s, f == CLOCKSET_DAY), small_px, r->w * 92 / 100,
			  r->pal->text_dim, r->w / 2, r->h * 84 / 100);
}
