/* Unit tests of the breathing pacer at exact times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

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
	s = breath_phase_at(&resonance, 0);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_float_equal(s.size, 0.0, 1e-9);
	s = breath_phase_at(&resonance, 2750);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_float_equal(s.size, 0.5, 1e-9);
	s = breath_phase_at(&resonance, 5499);
	assert_int_equal(s.phase, PHASE_INHALE);
	s = breath_phase_at(&resonance, 5500);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_int_equal(s.phase_elapsed_ms, 0);
	assert_float_equal(s.size, 1.0, 1e-9);
	s = breath_phase_at(&resonance, 11000);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_int_equal(s.cycle, 1);
}

static void twenty_minutes_stay_on_schedule(void **state)
{
	/* 20 min = 1,200,000 ms; 1,200,000 / 11,000 = 109 cycles and 1,000 ms. */
	struct breath_state s = breath_phase_at(&resonance, 1200000);
	(void)state;

	assert_int_equal(s.cycle, 109);
	assert_int_equal(s.phase, PHASE_INHALE);
	assert_int_equal(s.phase_elapsed_ms, 1000);
	/* A phase edge deep into the session lands on the exact millisecond. */
	s = breath_phase_at(&resonance, 109 * 11000 + 5500 - 1);
	assert_int_equal(s.phase, PHASE_INHALE);
	s = breath_phase_at(&resonance, 109 * 11000 + 5500);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_int_equal(breath_ms_to_next_phase(&resonance, 1200000), 4500);
}

static void size_is_continuous_across_phase_edges(void **state)
{
	const struct breath_pattern *patterns[] = {&resonance, &sigh, &box};
	(void)state;

	for (size_t p = 0; p < 3; p++) {
		double prev = breath_phase_at(patterns[p], 0).size;

		for (int64_t t = 1; t <= 3 * breath_cycle_ms(patterns[p]); t++) {
			double size = breath_phase_at(patterns[p], t).size;
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

	s = breath_phase_at(&sigh, 2000);
	assert_int_equal(s.phase, PHASE_TOPUP);
	assert_float_equal(s.size, 0.8, 1e-9);
	s = breath_phase_at(&sigh, 3000);
	assert_int_equal(s.phase, PHASE_EXHALE);
	assert_float_equal(s.size, 1.0, 1e-9);
}

static void holds_keep_their_size(void **state)
{
	(void)state;
	assert_int_equal(breath_phase_at(&box, 4000).phase, PHASE_HOLD_IN);
	assert_float_equal(breath_phase_at(&box, 6000).size, 1.0, 1e-9);
	assert_int_equal(breath_phase_at(&box, 12000).phase, PHASE_HOLD_OUT);
	assert_float_equal(breath_phase_at(&box, 14000).size, 0.0, 1e-9);
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
		cmocka_unit_test(words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
