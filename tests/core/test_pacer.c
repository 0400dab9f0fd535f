/* SPDX-License-Identifier: MIT */
/* Unit tests of the breathing pacer at exact times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* cmocka 1.1's assert_float_equal compares floats; these are doubles, checked as doubles. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))
#include <math.h>

#include "pacer.h"

static const struct breath_pattern resonance = {
	.name = "resonance",
	.label = "Resonance",
	.phases = {{PHASE_INHALE, 5500}, {PHASE_EXHALE, 5500}},
	.n_phases = 2,
};

static const struct breath_pattern sigh = {
	.name = "sigh",
	.label = "Cyclic sighing",
	.phases = {{PHASE_INHALE, 2000}, {PHASE_TOPUP, 1000}, {PHASE_EXHALE, 6000}},
	.n_phases = 3,
};

static const struct breath_pattern box = {
	.name = "box",
	.label = "Box",
	.phases = {{PHASE_INHALE, 4000},
		   {PHASE_HOLD_IN, 4000},
		   {PHASE_EXHALE, 4000},
		   {PHASE_HOLD_OUT, 4000}},
	.n_phases = 4,
};

static void resonance_phases_at_exact_times(void **state)
{
	struct breath_state s;
	(void)state;

	assert_int_equal(breath_cycle_ms(&resonance), 11000);
	s = breath_phase_at(&resonance, 0, 0);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_near(s.size, 0.0, 1e-9);
	s = breath_phase_at(&resonance, 0, 2750);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_near(s.size, 0.5, 1e-9);
	s = breath_phase_at(&resonance, 0, 5499);
	assert_int_equal(s.phase, PHASE_INHALE);
	s = breath_phase_at(&resonance, 0, 5500);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_int_equal(s.phase_elapsed_ms, 0);
	assert_near(s.size, 1.0, 1e-9);
	s = breath_phase_at(&resonance, 0, 11000);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_int_equal(s.cycle, 1);
}

static void twenty_minutes_stay_on_schedule(void **state)
{
	/* 20 min = 1,200,000 ms; 1,200,000 / 11,000 = 109 cycles and 1,000 ms. */
	struct breath_state s = breath_phase_at(&resonance, 0, 1200000);
	(void)state;

	assert_int_equal(s.cycle, 109);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_int_equal(s.phase_elapsed_ms, 1000);
	/* A phase edge deep into the session lands on the exact millisecond. */
	s = breath_phase_at(&resonance, 0, 109 * 11000 + 5500 - 1);
	assert_int_equal(s.phase, PHASE_INHALE);
	s = breath_phase_at(&resonance, 0, 109 * 11000 + 5500);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_int_equal(s.phase_ms - breath_phase_at(&resonance, 0, 1200000).phase_elapsed_ms,
			 4500);
}

static void size_is_continuous_across_phase_edges(void **state)
{
	const struct breath_pattern *patterns[] = {&resonance, &sigh, &box};
	(void)state;

	for (size_t p = 0; p < 3; p++) {
		double prev = breath_phase_at(patterns[p], 0, 0).size;

		for (int64_t t = 1; t <= 3 * breath_cycle_ms(patterns[p]); t++) {
			double size = breath_phase_at(patterns[p], 0, t).size;
			double step = size > prev ? size - prev : prev - size;

			assert_true(step < 0.002);
			assert_true(size >= 0.0 && size <= 1.0);
			prev = size;
		}
	}
}

static void topup_starts_short_of_full(void **state)
{
	struct breath_state s;
	(void)state;

	s = breath_phase_at(&sigh, 0, 2000);
	assert_int_equal(s.phase, PHASE_TOPUP);
	assert_near(s.size, 0.8, 1e-9);
	s = breath_phase_at(&sigh, 0, 3000);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_near(s.size, 1.0, 1e-9);
}

static void holds_keep_their_size(void **state)
{
	(void)state;
	assert_int_equal(breath_phase_at(&box, 0, 4000).phase, PHASE_HOLD_IN);
	assert_near(breath_phase_at(&box, 0, 6000).size, 1.0, 1e-9);
	assert_int_equal(breath_phase_at(&box, 0, 12000).phase, PHASE_HOLD_OUT);
	assert_near(breath_phase_at(&box, 0, 14000).size, 0.0, 1e-9);
}

/* Sleep: from 11 to 6 breaths a minute over 8 minutes, exhale 1.5 times the inhale. */
static struct breath_pattern sleep_ramp(void)
{
	struct breath_pattern p = {
		.name = "sleep",
		.phases = {{PHASE_INHALE, 4000}, {PHASE_EXHALE, 6000}},
		.n_phases = 2,
		.start_cycle_ms = 5455, /* 60000 / 11, rounded */
		.ramp_ms = 480000,
	};
	return p;
}

static void ramp_starts_fast_and_ends_slow(void **state)
{
	struct breath_pattern p = sleep_ramp();
	struct breath_state s;
	(void)state;

	s = breath_phase_at(&p, p.ramp_ms, 0);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_near(s.cycle_ms, 5455.0, 1e-9);
	/* The first inhale is 40% of a 5455 ms breath, give or take the slowing. */
	assert_int_equal(breath_phase_at(&p, p.ramp_ms, 2150).phase, PHASE_INHALE);
	assert_int_equal(breath_phase_at(&p, p.ramp_ms, 2250).phase, PHASE_EXHALE);
	s = breath_phase_at(&p, p.ramp_ms, 480000);
	assert_near(s.cycle_ms, 10000.0, 1e-6);
	s = breath_phase_at(&p, p.ramp_ms, 1200000);
	assert_near(s.cycle_ms, 10000.0, 1e-6);
}

static void ramp_breath_edges_land_where_the_schedule_says(void **state)
{
	/* The schedule: breath n starts at L0 (e^(a n) - 1) / a during the ramp, then every L1.
	 * Check every breath edge of a 20-minute session to the millisecond, far tighter than
	 * the 10 ms the pacer promises. */
	struct breath_pattern p = sleep_ramp();
	double L0 = 5455.0, L1 = 10000.0, T = 480000.0, a = (L1 - L0) / T;
	double n_ramp = log(L1 / L0) / a;
	(void)state;

	for (int64_t n = 1;; n++) {
		double expect = (double)n <= n_ramp ? L0 * (exp(a * (double)n) - 1.0) / a
						    : T + ((double)n - n_ramp) * L1;
		int64_t edge = (int64_t)ceil(expect);

		if (expect > 1200000.0)
			break;
		assert_near(breath_cycle_start_ms(&p, p.ramp_ms, n), expect, 1e-6);
		assert_int_equal(breath_phase_at(&p, p.ramp_ms, edge).cycle, n);
		assert_int_equal(breath_phase_at(&p, p.ramp_ms, edge).phase, PHASE_INHALE);
		assert_int_equal(breath_phase_at(&p, p.ramp_ms, edge - 1).cycle, n - 1);
		assert_int_equal(breath_phase_at(&p, p.ramp_ms, edge - 1).phase, PHASE_EXHALE);
	}
}

static void ramp_keeps_the_exhale_longer(void **state)
{
	struct breath_pattern p = sleep_ramp();
	(void)state;

	/* Mid-ramp the breath is longer than at the start, and the exhale still 60% of it. */
	for (int64_t t = 0; t < 600000; t += 1000) {
		struct breath_state s = breath_phase_at(&p, p.ramp_ms, t);

		if (s.phase == PHASE_EXHALE)
			assert_near((double)s.phase_ms, 0.6 * s.cycle_ms, 1.0);
		else
			assert_near((double)s.phase_ms, 0.4 * s.cycle_ms, 1.0);
	}
}

static void ramp_size_is_continuous(void **state)
{
	struct breath_pattern p = sleep_ramp();
	double prev = 0.0;
	(void)state;

	for (int64_t t = 0; t <= 600000; t++) {
		double size = breath_phase_at(&p, p.ramp_ms, t).size;
		double step = size > prev ? size - prev : prev - size;

		assert_true(step < 0.002);
		prev = size;
	}
}

static void rate_scales_the_phases(void **state)
{
	struct breath_pattern p = resonance;
	(void)state;

	breath_set_rate(&p, 6.0);
	assert_int_equal(breath_cycle_ms(&p), 10000);
	assert_int_equal(p.phases[0].ms, 5000);
	assert_int_equal(p.phases[1].ms, 5000);
}

static void words(void **state)
{
	(void)state;
	assert_string_equal(breath_phase_words(PHASE_INHALE), "Breathe in");
	assert_string_equal(breath_phase_words(PHASE_EXHALE), "Breathe out");
	assert_string_equal(breath_phase_words(PHASE_HOLD_IN), "Hold");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resonance_phases_at_exact_times),
		cmocka_unit_test(twenty_minutes_stay_on_schedule),
		cmocka_unit_test(size_is_continuous_across_phase_edges),
		cmocka_unit_test(topup_starts_short_of_full),
		cmocka_unit_test(holds_keep_their_size),
		cmocka_unit_test(ramp_starts_fast_and_ends_slow),
		cmocka_unit_test(ramp_breath_edges_land_where_the_schedule_says),
		cmocka_unit_test(ramp_keeps_the_exhale_longer),
		cmocka_unit_test(ramp_size_is_continuous),
		cmocka_unit_test(rate_scales_the_phases),
		cmocka_unit_test(words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
