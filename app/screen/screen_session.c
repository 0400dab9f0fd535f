/* SPDX-License-Identifier: MIT */
/* The session screens: check-in, settling in, the breathing guide, pause, the calm end.
 *
 * The guide is made to be followed with half-closed eyes: each phase has its own colour,
 * size change and motion. In: a teal disc grows, its glow close. Top-up: a lighter teal and a
 * ripple. Hold: the disc waits, circled by a ring that runs down. Out: an amber disc shrinks,
 * softer, its glow spread wide. Colours fade into each other instead of switching. */
#include <math.h>
#include <stdio.h>

#include "screens.h"

static SDL_Color phase_color(const struct palette *pal, enum breath_phase_kind kind)
{
	switch (kind) {
	case PHASE_INHALE:
		return pal->inhale;
	case PHASE_TOPUP:
		return pal->topup;
	case PHASE_EXHALE:
		return pal->exhale;
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		break;
	}
	return pal->hold;
}

/* The phase's colour, fading in from the previous phase's over its first 0.9 s. */
static SDL_Color breath_color(const struct palette *pal, const struct device_view *v)
{
	const struct breath_pattern *p = v->pattern;
	int prev = (v->breath.index + p->n_phases - 1) % p->n_phases;
	double t = (double)v->breath.phase_elapsed_ms / 900.0;

	if (v->breath.cycle == 0 && v->breath.index == 0)
		t = 1.0; /* the very first breath has nothing to fade from */

	return mix(phase_color(pal, p->phases[prev].kind), phase_color(pal, v->breath.phase),
		   t < 1.0 ? t : 1.0);
}

static void format_minutes(int64_t ms, char *out, size_t len)
{
	int64_t s = (ms + 999) / 1000;

	if (s < 0)
		s = 0;
	snprintf(out, len, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

/* A gesture as a user would say it. */
static const char *gesture_words(enum gesture g)
{
	switch (g) {
	case GESTURE_LONG:
		return trc("gesture", "hold");
	case GESTURE_DOUBLE:
		return trc("gesture", "double tap");
	default:
		return trc("gesture", "tap");
	}
}

/* The disc, its glow, and for holds and top-ups their ring. */
static void draw_guide(struct render *r, const struct device_view *v, float cx, float cy,
		       float radius, double brightness)
{
	const struct breath_state *b = &v->breath;
	int m = min_side(r);
	SDL_Color color = dim(breath_color(r->pal, v), brightness);
	bool out = b->phase == PHASE_EXHALE || b->phase == PHASE_HOLD_OUT;
	double x = b->phase_ms > 0 ? (double)b->phase_elapsed_ms / (double)b->phase_ms : 0;

	/* Out-breaths are softer: a wider, fainter glow, a slightly see-through disc. */
	color.a = out ? 215 : 255;
	draw_glowing_disc(r, cx, cy, radius, out ? GLOW_WIDE : GLOW_CLOSE, color);
	if (b->phase == PHASE_HOLD_IN || b->phase == PHASE_HOLD_OUT) {
		/* The ring that waits: it runs down as the hold goes by. */
		SDL_Color ring = dim(r->pal->hold, brightness);
		float gap = (float)m * 0.035f, width = (float)m * 0.012f;

		ring.a = 70;
		draw_ring(r, cx, cy, radius + gap, radius + gap + width, 1.0, ring);
		ring.a = 230;
		draw_ring(r, cx, cy, radius + gap, radius + gap + width, 1.0 - x, ring);
	} else if (b->phase == PHASE_TOPUP) {
		/* A ripple spreading out: the extra sip of air. */
		SDL_Color ripple = dim(r->pal->topup, brightness);
		float spread = radius + (float)m * 0.10f * (float)x;

		ripple.a = (Uint8)(200 * (1.0 - x));
		draw_ring(r, cx, cy, spread, spread + (float)m * 0.01f, 1.0, ripple);
	}
}

/* A thin line along the bottom: how much of the session is behind. */
static void draw_progress(struct render *r, const struct device_view *v, double brightness)
{
	int thick = min_side(r) / 120 + 2;
	double done = v->session_ms > 0 ? (double)v->session_elapsed_ms / (double)v->session_ms : 0;
	SDL_Color c = dim(r->pal->text_dim, brightness);
	SDL_Rect track = {0, r->h - thick, r->w, thick};
	SDL_Rect bar = {0, r->h - thick, (int)(r->w * (done > 1 ? 1 : done)), thick};

	SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, 28);
	SDL_RenderFillRect(r->sdl, &track);
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, 110);
	SDL_RenderFillRect(r->sdl, &bar);
}

void draw_breathe(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	bool paused = v->screen == SCREEN_PAUSED;
	double brightness = v->fade * (paused ? 0.45 : 1.0);
	int m = min_side(r);
	float rmin = (float)m * 0.10f, rmax = (float)m * 0.29f;
	float cx = (float)r->w / 2, cy = (float)r->h * 0.42f;
	int label_px = m * 8 / 100, small_px = m * 5 / 100;
	int label_y = (int)(cy + rmax * 1.15f) + m * 4 / 100 + label_px / 2;
	SDL_Color text = dim(r->pal->text, v->fade);
	SDL_Color quiet = dim(r->pal->text_dim, v->fade);
	char left[16], count[8];

	clear(r, r->pal->bg_breathe);
	draw_guide(r, v, cx, cy, rmin + (rmax - rmin) * (float)v->breath.size, brightness);
	if (paused) {
		draw_text(r, tr("Paused"), label_px, text, r->w / 2, label_y);
		char hint[128];

		/* TRANSLATORS: %1$s and %2$s are gestures: "tap", "hold" or "double tap". */
		snprintf(hint, sizeof(hint), tr("%1$s to go on  ·  %2$s to stop"),
			 gesture_words(v->resume_gesture), gesture_words(v->stop_gesture));
		draw_text(r, hint, small_px, quiet, r->w / 2, label_y + label_px);
	} else {
		draw_text(r, tr(breath_phase_words(v->breath.phase)), label_px, text, r->w / 2,
			  label_y);
		snprintf(count, sizeof(count), "%d",
			 (int)((v->breath.phase_ms - v->breath.phase_elapsed_ms + 999) / 1000));
		draw_text(r, count, small_px, quiet, r->w / 2, label_y + label_px);
	}
	format_minutes(v->session_ms - v->session_elapsed_ms, left, sizeof(left));
	draw_text(r, left, small_px, quiet, r->w - m * 10 / 100, m * 6 / 100);
	draw_progress(r, v, v->fade);
}

void draw_checkin(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	int m = min_side(r);
	int q_px = m * 9 / 100, a_px = m * 8 / 100, hint_px = m * 45 / 1000;
	int n = v->n_answers;

	clear(r, r->pal->bg_breathe);
	draw_text(r,
		  s->view->checkin_after ? tr("And how do you feel now?") : tr("How do you feel?"),
		  q_px, r->pal->text, r->w / 2, r->h * 30 / 100);
	for (int i = 0; i < n; i++) {
		int x = r->w * (2 * i + 1) / (2 * n);
		char hint[64];
		char word[4 * CHECKIN_ANSWER_MAX + 2];

		/* Answers are written lower case in the config; shown with a capital. The default
		 * ones are in the catalogue; a household's own are shown as they wrote them. */
		snprintf(word, sizeof(word), "%s", trc("checkin answer", v->answers[i].text));
		if (word[0] >= 'a' && word[0] <= 'z')
			word[0] = (char)(word[0] - 'a' + 'A');
		/* What a user presses for it: a button of its own, else a gesture. */
		if (v->answers_by_button)
			snprintf(hint, sizeof(hint), tr("button %d"), v->answers[i].button + 1);
		else
			snprintf(hint, sizeof(hint), "%s", gesture_words(v->answers[i].gesture));
		draw_text(r, word, a_px, r->pal->inhale, x, r->h * 58 / 100);
		draw_text(r, hint, hint_px, r->pal->text_dim, x, r->h * 58 / 100 + a_px);
	}
}

void draw_settle(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	const struct breath_pattern *p = v->pattern;
	int m = min_side(r);
	int title_px = m * 8 / 100, body_px = m * 55 / 1000, small_px = m * 45 / 1000;
	/* A resting disc that swells very slightly, as if someone is about to breathe. */
	double swell = 0.5 - 0.5 * cos(2.0 * M_PI * (double)v->screen_elapsed_ms / 4000.0);
	SDL_Color rest = r->pal->inhale;
	char line[192];
	int64_t minutes = (v->session_ms + 30000) / 60000;

	clear(r, r->pal->bg_breathe);
	rest.a = 170;
	draw_disc(r, (float)r->w / 2, (float)r->h * 0.55f,
		  (float)m * (0.09f + 0.01f * (float)swell), (float)m * 0.03f, rest);
	draw_text(r, trc("pattern", p->label), title_px, r->pal->text, r->w / 2, r->h * 17 / 100);
	if (p->invite[0])
		draw_text_wrapped(r, trc("pattern", p->invite), body_px, r->w * 80 / 100,
				  r->pal->text_dim, r->w / 2, r->h * 33 / 100);
	else
		draw_text(r, tr("Get comfortable. Let your shoulders drop."), body_px,
			  r->pal->text_dim, r->w / 2, r->h * 33 / 100);
	if (v->session_breaths > 0)
		snprintf(line, sizeof(line),
			 trn("%d breath  ·  tap for another length",
			     "%d breaths  ·  tap for another length",
			     (unsigned long)v->session_breaths),
			 v->session_breaths);
	else
		snprintf(line, sizeof(line), tr("%d min  ·  tap for another length"), (int)minutes);
	draw_text(r, line, small_px, r->pal->text_dim, r->w / 2, r->h * 78 / 100);
	snprintf(line, sizeof(line), tr("starting in %d"), (int)((v->screen_left_ms + 999) / 1000));
	draw_text(r, line, small_px, r->pal->text_dim, r->w / 2, r->h * 78 / 100 + small_px * 2);
}

void draw_done(struct render *r, const struct render_scene *s)
{
	const struct device_view *v = s->view;
	int m = min_side(r);
	int title_px = m * 10 / 100, body_px = m * 55 / 1000;
	int64_t minutes = (v->session_ms + 30000) / 60000;
	char line[192];

	clear(r, r->pal->bg_breathe);
	draw_text(r, tr("Rest a moment."), title_px, r->pal->text, r->w / 2, r->h * 32 / 100);
	if (minutes >= 1)
		snprintf(line, sizeof(line),
			 trn("%d minute of slow breathing.", "%d minutes of slow breathing.",
			     (unsigned long)minutes),
			 (int)minutes);
	else
		snprintf(line, sizeof(line), "%s", tr("A few slow breaths."));
	draw_text_wrapped(r, line, body_px, r->w * 85 / 100, r->pal->text_dim, r->w / 2,
			  r->h * 50 / 100);
	if (s->device->offer_prompt)
		draw_text(r, tr("tap for a way to connect"), body_px, r->pal->inhale, r->w / 2,
			  r->h * 75 / 100);
}
