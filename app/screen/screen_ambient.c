/* SPDX-License-Identifier: MIT */
/* The clock screen: time, date, the prompt of the day, a warm sign someone left, a faint
 * breathing glow; and the note a press reveals. Everything drifts a few pixels every few
 * minutes so nothing stays burnt into the screen. */
#include <math.h>
#include <stdio.h>

#include "screens.h"

#define DRIFT_MINUTES 3    /* a new position this often */
#define GLOW_PERIOD_S 11.0 /* one slow breath of the glow, as at resonance */

/* A few pixels left or right, up or down, changing every few minutes: a function of the
 * local time alone, so every frame of those minutes agrees. */
static void drift_offset(const struct render *r, int64_t local_ms, int *dx, int *dy)
{
	int reach = min_side(r) * 2 / 100 + 1;
	uint64_t x;

	*dx = *dy = 0;
	if (!r->ambient_drift || local_ms < 0)
		return;
	x = (uint64_t)(local_ms / (DRIFT_MINUTES * 60000)) * 0x9e3779b97f4a7c15ull;
	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 32;
	*dx = (int)(x % (uint64_t)(2 * reach + 1)) - reach;
	*dy = (int)((x >> 16) % (uint64_t)(2 * reach + 1)) - reach;
}

/* How to set the clock here: a button given the settime action, else the long hold of the
 * first button. */
static const char *set_hint(const struct render_scene *s, char *buf, size_t len)
{
	const struct device_config *c = s->device;

	for (int b = 0; c && b < c->n_buttons; b++)
		for (int g = GESTURE_SHORT; g <= GESTURE_DOUBLE; g++)
			if (c->buttons[b].on[g] == ACTION_SETTIME) {
				const char *how = g == GESTURE_LONG ? tr("Hold button %d to set it.")
						  : g == GESTURE_DOUBLE
							  ? tr("Double-tap button %d to set it.")
							  : tr("Tap button %d to set it.");

				snprintf(buf, len, how, b + 1);
				return buf;
			}
	if (c && c->clockset_hold_ms > 0) {
		int seconds = (int)((c->clockset_hold_ms + 999) / 1000);

		snprintf(buf, len,
			 c->n_buttons > 1
				 ? trn("Hold the first button for %d second to set it.",
				       "Hold the first button for %d seconds to set it.",
				       (unsigned long)seconds)
				 : trn("Hold the button for %d second to set it.",
				       "Hold the button for %d seconds to set it.",
				       (unsigned long)seconds),
			 seconds);
		return buf;
	}
	return tr("It sets itself once there is a network.");
}

void draw_ambient(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	char clock[32], date[128], hint[160], sign[128];
	int m = min_side(r);
	int clock_px = m * 28 / 100, date_px = m * 65 / 1000, small_px = m * 48 / 1000;
	int dx, dy, cx, cy;

	drift_offset(r, v->local_ms, &dx, &dy);
	cx = r->w / 2 + dx;
	cy = r->h * 40 / 100 + dy;
	clear(r, r->pal->bg_ambient);
	if (r->ambient_glow && v->local_ms >= 0) {
		/* Barely there: a soft disc behind the clock, swelling and settling. */
		double t = (double)(v->local_ms % 600000) / 1000.0;
		double breath = 0.5 - 0.5 * cos(2.0 * M_PI * t / GLOW_PERIOD_S);
		SDL_Color glow = r->pal->inhale;

		glow.a = (Uint8)(v->night ? 10 + 8 * breath : 12 + 10 * breath);
		draw_glowing_disc(r, (float)cx, (float)cy,
				  (float)m * (0.26f + 0.03f * (float)breath), GLOW_WIDE, glow);
	}
	snprintf(sign, sizeof(sign), "\u2665  %s", tr("Someone here is thinking of you"));
	if (v->clock == CLOCK_UNKNOWN) {
		/* No confident wrong time: say so, and how to put it right. */
		draw_text(r, "\u2013\u2013:\u2013\u2013", clock_px * 3 / 4, r->pal->text_dim, cx, cy);
		draw_text(r, tr("The time is not set"), date_px, r->pal->text, cx,
			  cy + clock_px * 62 / 100 + date_px / 2);
		draw_text_wrapped(r, set_hint(s, hint, sizeof(hint)), small_px, r->w * 86 / 100,
				  r->pal->text_dim, cx, r->h * 84 / 100 + dy);
		if (v->appreciation_waiting)
			draw_text(r, sign, small_px, r->pal->warm, cx, r->h * 10 / 100 + dy);
		return;
	}
	if (s->clock_24h)
		strftime(clock, sizeof(clock), "%H:%M", s->local);
	else
		snprintf(clock, sizeof(clock), "%d:%02d %s",
			 s->local->tm_hour % 12 ? s->local->tm_hour % 12 : 12, s->local->tm_min,
			 s->local->tm_hour < 12 ? trc("time", "am") : trc("time", "pm"));
	/* TRANSLATORS: the date under the clock: %1$s the day's name, %2$d the day of the month,
	   %3$s the month's name; reorder them with their numbers, as in "%1$s, %2$d de %3$s". */
	snprintf(date, sizeof(date), trc("date", "%1$s %2$d %3$s"),
		 trc("weekday", clock_weekday_name(s->local->tm_wday)), s->local->tm_mday,
		 trc("month", clock_month_name(s->local->tm_mon + 1)));
	draw_text(r, clock, clock_px, r->pal->text, cx, cy);
	draw_text(r, date, date_px, r->pal->text_dim, cx, cy + clock_px * 62 / 100 + date_px / 2);
	if (v->appreciation_waiting)
		draw_text(r, sign, small_px, r->pal->warm, cx, r->h * 10 / 100 + dy);
	if (v->daily)
		draw_text_wrapped(r, i18n_data(v->daily->text), small_px, r->w * 82 / 100, r->pal->text_dim,
				  cx, r->h * 82 / 100 + dy);
}

void draw_note(struct render *r, const struct render_scene *s)
{
	int m = min_side(r);
	(void)s;

	clear(r, r->pal->bg_ambient);
	draw_text(r, "\u2665", m * 16 / 100, r->pal->warm, r->w / 2, r->h * 28 / 100);
	draw_text_wrapped(r, tr("Someone here is thinking of you."), m * 8 / 100, r->w * 88 / 100,
			  r->pal->text, r->w / 2, r->h * 52 / 100);
	draw_text_wrapped(r, tr("Left for whoever came by next: you."),
			  m * 5 / 100, r->w * 80 / 100, r->pal->text_dim, r->w / 2,
			  r->h * 72 / 100);
}
