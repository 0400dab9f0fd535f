/* Breathing pacer: phase and size as a pure function of the time since the session began. */
#include "pacer.h"

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

/* Lung fill at the end of each phase, given the fill at its start. A top-up that follows an
 * inhale means the inhale itself stops short of full. */
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

struct breath_state breath_phase_at(const struct breath_pattern *pattern, int64_t t_ms)
{
	struct breath_state st = {0};
	int64_t cycle_ms = breath_cycle_ms(pattern);
	int64_t in_cycle;
	double fill = 0.0;

	if (cycle_ms <= 0 || pattern->n_phases <= 0)
		return st;
	if (t_ms < 0)
		t_ms = 0;
	st.cycle = t_ms / cycle_ms;
	in_cycle = t_ms % cycle_ms;
	/* A cycle that ends on a hold-in (unusual) starts its next inhale from full. */
	for (int i = 0; i < pattern->n_phases; i++) {
		const struct breath_phase *ph = &pattern->phases[i];
		double end = fill_after(pattern, i, fill);

		if (in_cycle < ph->ms) {
			double x = (double)in_cycle / (double)ph->ms;

			st.phase = ph->kind;
			st.phase_elapsed_ms = in_cycle;
			st.phase_ms = ph->ms;
			st.size = fill + (end - fill) * ease_in_out(x);
			return st;
		}
		in_cycle -= ph->ms;
		fill = end;
	}
	return st; /* not reached: in_cycle < cycle_ms */
}

int64_t breath_ms_to_next_phase(const struct breath_pattern *pattern, int64_t t_ms)
{
	struct breath_state st = breath_phase_at(pattern, t_ms);

	return st.phase_ms - st.phase_elapsed_ms;
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
		return "Breathe in";
	case PHASE_TOPUP:
		return "A little more";
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		return "Hold";
	case PHASE_EXHALE:
		return "Breathe out";
	}
	return "";
}
