/* SPDX-License-Identifier: MIT */
/* Breathing pacer: phase and size as a pure function of the time since the breathing began.
 *
 * Without a ramp a breath has a fixed length L and the phase is (t mod L): integer arithmetic,
 * exact. With a ramp the breath length grows linearly from L0 to L1 over the ramp time T,
 * L(t) = L0 + a t with a = (L1 - L0) / T, and the number of breaths taken by time t is the
 * integral of 1/L: n(t) = ln(L(t) / L0) / a during the ramp, then n(T) + (t - T) / L1. The
 * phases keep their proportions as the breath lengthens. */
#include "pacer.h"
#include "i18n_mark.h"

#include <math.h>

/* Where a top-up inhale starts: lungs nearly full after the main inhale. */
#define TOPUP_BASE 0.8

int64_t breath_cycle_ms(const struct breath_pattern *pattern)
{
	int64_t total = 0;

	for (int i = 0; i < pattern->n_phases; i++)
		total += pattern->phases[i].ms;
	return total;
}

/* Smooth start and end, so the size never jumps at a phase edge. */
static double ease_in_out(double x)
{
	return (1.0 - cos(M_PI * x)) / 2.0;
}

/* Lung fill at the end of phase i, given the fill at its start. An inhale followed by a
 * top-up stops short of full. */
static double fill_after(const struct breath_pattern *pattern, int i, double start)
{
	switch (pattern->phases[i].kind) {
	case PHASE_INHALE:
		if (i + 1 < pattern->n_phases && pattern->phases[i + 1].kind == PHASE_TOPUP)
			return TOPUP_BASE;
		return 1.0;
	case PHASE_TOPUP:
		return 1.0;
	case PHASE_EXHALE:
		return 0.0;
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		break;
	}
	return start;
}

static bool has_ramp(const struct breath_pattern *p, int64_t ramp_ms)
{
	return p->start_cycle_ms > 0 && ramp_ms > 0 && p->start_cycle_ms != breath_cycle_ms(p);
}

/* Breaths taken by time t (a real number), and the breath length at t. */
static double breaths_by(const struct breath_pattern *p, int64_t ramp_ms, double t, double *len)
{
	double l1 = (double)breath_cycle_ms(p);
	double l0 = (double)p->start_cycle_ms;
	double T = (double)ramp_ms;
	double a = (l1 - l0) / T;

	if (t < T) {
		*len = l0 + a * t;
		return log(*len / l0) / a;
	}
	*len = l1;
	return log(l1 / l0) / a + (t - T) / l1;
}

/* Fills the phase and size from a position within a breath, in ms of a breath of length len
 * (in_cycle < len), scaled from the pattern's own breath length. */
static void place(const struct breath_pattern *p, double in_cycle, double scale,
		  struct breath_state *st)
{
	double fill = 0.0;

	for (int i = 0; i < p->n_phases; i++) {
		double ms = p->phases[i].ms * scale;
		double end = fill_after(p, i, fill);

		if (in_cycle < ms || i == p->n_phases - 1) {
			double x = in_cycle / ms;

			if (x > 1.0)
				x = 1.0;
			st->phase = p->phases[i].kind;
			st->index = i;
			st->phase_elapsed_ms = (int64_t)in_cycle;
			st->phase_ms = (int64_t)(ms + 0.5);
			st->progress = x;
			st->size = fill + (end - fill) * ease_in_out(x);
			return;
		}
		in_cycle -= ms;
		fill = end;
	}
}

/* The one pacer function, for a time in ms that may have a fraction (the sound's samples). */
static struct breath_state phase_at(const struct breath_pattern *p, int64_t ramp_ms, double t_ms)
{
	struct breath_state st = {0};
	int64_t cycle_ms = breath_cycle_ms(p);

	if (cycle_ms <= 0 || p->n_phases <= 0)
		return st;
	if (t_ms < 0)
		t_ms = 0;
	if (!has_ramp(p, ramp_ms)) {
		/* Integer arithmetic on the whole ms, and doubles that hold those integers
		 * exactly: exact at any time. */
		int64_t whole_ms = (int64_t)t_ms;

		st.cycle = whole_ms / cycle_ms;
		st.cycle_ms = (double)cycle_ms;
		place(p, (double)(whole_ms % cycle_ms) + (t_ms - (double)whole_ms), 1.0, &st);
		return st;
	}
	{
		double len;
		double n = breaths_by(p, ramp_ms, t_ms, &len);
		double whole = floor(n);
		double scale = len / (double)cycle_ms;

		st.cycle = (int64_t)whole;
		st.cycle_ms = len;
		place(p, (n - whole) * len, scale, &st);
	}
	return st;
}

struct breath_state breath_phase_at(const struct breath_pattern *p, int64_t ramp_ms, int64_t t_ms)
{
	return phase_at(p, ramp_ms, (double)t_ms);
}

struct breath_state breath_phase_at_fine(const struct breath_pattern *p, int64_t ramp_ms,
					 double t_ms)
{
	return phase_at(p, ramp_ms, t_ms);
}

double breath_cycle_start_ms(const struct breath_pattern *p, int64_t ramp_ms, int64_t cycle)
{
	double l1 = (double)breath_cycle_ms(p);
	double l0, a, T, n_ramp;

	if (!has_ramp(p, ramp_ms))
		return (double)cycle * l1;
	l0 = (double)p->start_cycle_ms;
	T = (double)ramp_ms;
	a = (l1 - l0) / T;
	n_ramp = log(l1 / l0) / a;
	if ((double)cycle <= n_ramp)
		return l0 * (exp(a * (double)cycle) - 1.0) / a;
	return T + ((double)cycle - n_ramp) * l1;
}

void breath_set_rate(struct breath_pattern *p, double breaths_per_minute)
{
	double target = 60000.0 / breaths_per_minute;
	double scale = target / (double)breath_cycle_ms(p);

	for (int i = 0; i < p->n_phases; i++)
		p->phases[i].ms = (int)lround(p->phases[i].ms * scale);
}

const char *breath_phase_name(enum breath_phase_kind kind)
{
	switch (kind) {
	case PHASE_INHALE:
		return "inhale";
	case PHASE_TOPUP:
		return "topup";
	case PHASE_HOLD_IN:
		return "hold";
	case PHASE_EXHALE:
		return "exhale";
	case PHASE_HOLD_OUT:
		return "hold-out";
	}
	return "?";
}

const char *breath_phase_words(enum breath_phase_kind kind)
{
	switch (kind) {
	case PHASE_INHALE:
		return N_("Breathe in");
	case PHASE_TOPUP:
		return N_("A little more");
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		return N_("Hold");
	case PHASE_EXHALE:
		return N_("Breathe out");
	}
	return "";
}
