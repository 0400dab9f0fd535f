/* SPDX-License-Identifier: MIT */
/* Unit tests of breathing pattern definitions: keys, whole-pattern checks, the set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pattern.h"

static char msg[256];

static int set(struct breath_pattern *p, const char *key, const char *value)
{
	msg[0] = '\0';
	return pattern_set_key(p, key, value, msg, sizeof(msg));
}

static void phases_parse_with_holds_in_place(void **state)
{
	struct breath_pattern p;
	char text[128];
	(void)state;

	pattern_init(&p, "box");
	assert_int_equal(set(&p, "phases", "inhale 4, hold 4, exhale 4, hold 4"), 0);
	assert_int_equal(p.n_phases, 4);
	assert_int_equal(p.phases[1].kind, PHASE_HOLD_IN);
	assert_int_equal(p.phases[3].kind, PHASE_HOLD_OUT);
	assert_int_equal(p.phases[2].ms, 4000);
	assert_int_equal(pattern_finish(&p, msg, sizeof(msg)), 0);
	pattern_phases_text(&p, text, sizeof(text));
	assert_string_equal(text, "inhale 4, hold 4, exhale 4, hold 4");
}

static void topup_and_fractions(void **state)
{
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "sigh");
	assert_int_equal(set(&p, "phases", "inhale 2,topup 1 , exhale 6.25"), 0);
	assert_int_equal(p.phases[1].kind, PHASE_TOPUP);
	assert_int_equal(p.phases[2].ms, 6250);
}

static void bad_values_say_what_is_wrong(void **state)
{
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "x");
	assert_int_equal(set(&p, "phases", "inhale -4, exhale 6"), -1);
	assert_string_equal(msg, "inhale -4: a phase lasts 0.5 to 30 seconds");
	assert_int_equal(set(&p, "phases", "inhale 400, exhale 6"), -1);
	assert_string_equal(msg, "inhale 400: a phase lasts 0.5 to 30 seconds");
	assert_int_equal(set(&p, "phases", "inhale 4, sniff 1, exhale 6"), -1);
	assert_string_equal(msg, "unknown phase 'sniff': use inhale, topup, hold or exhale");
	assert_int_equal(set(&p, "phases", "topup 1, exhale 6"), -1);
	assert_string_equal(msg, "a topup comes right after an inhale");
	assert_int_equal(set(&p, "phases", "inhale four"), -1);
	assert_int_equal(set(&p, "phases", ""), -1);
	assert_int_equal(set(&p, "phases",
			     "inhale 1, exhale 1, inhale 1, exhale 1, inhale 1, "
			     "exhale 1, inhale 1"),
			 -1);
	assert_string_equal(msg, "at most 6 phases");
	assert_int_equal(set(&p, "minutes", "2.5"), -1);
	assert_int_equal(set(&p, "rate", "0"), -1);
	assert_int_equal(set(&p, "ramp_minutes", "forever"), -1);
	assert_int_equal(set(&p, "fade", "maybe"), -1);
	assert_int_equal(set(&p, "colour", "blue"), -1);
	assert_non_null(strstr(msg, "unknown key"));
	/* Nothing bad got in. */
	assert_int_equal(p.n_phases, 0);
}

static void whole_pattern_checks(void **state)
{
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "empty");
	assert_int_equal(pattern_finish(&p, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "pattern 'empty' has no phases");
	assert_int_equal(set(&p, "phases", "inhale 4, hold 4"), 0);
	assert_int_equal(pattern_finish(&p, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "pattern 'empty' needs an inhale and an exhale");
}

static void rate_is_applied_within_its_range(void **state)
{
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "resonance");
	set(&p, "rate", "6"); /* before the phases: order does not matter */
	set(&p, "phases", "inhale 5.5, exhale 5.5");
	set(&p, "rate_min", "4.5");
	set(&p, "rate_max", "7");
	assert_int_equal(pattern_finish(&p, msg, sizeof(msg)), 0);
	assert_int_equal(breath_cycle_ms(&p), 10000);
	set(&p, "rate", "8");
	assert_int_equal(pattern_finish(&p, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "pattern 'resonance': rate 8 is outside 4.5 to 7");
}

static void ramp_keys(void **state)
{
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "sleep");
	assert_int_equal(p.ramp_ms, -1);
	set(&p, "start_rate", "11");
	assert_int_equal(p.start_cycle_ms, 5455);
	set(&p, "ramp_minutes", "3");
	assert_int_equal(p.ramp_ms, 180000);
	set(&p, "ramp_minutes", "session");
	assert_int_equal(p.ramp_ms, -1);
}

static void set_adds_and_replaces(void **state)
{
	struct pattern_set s = {0};
	struct breath_pattern p;
	(void)state;

	pattern_init(&p, "a");
	assert_int_equal(pattern_put(&s, &p), 0);
	pattern_init(&p, "b");
	assert_int_equal(pattern_put(&s, &p), 0);
	p.minutes = 8;
	assert_int_equal(pattern_put(&s, &p), 0);
	assert_int_equal(s.count, 2);
	assert_int_equal(pattern_find(&s, "b")->minutes, 8);
	assert_int_equal(pattern_index(&s, "a"), 0);
	assert_null(pattern_find(&s, "c"));
	for (int i = 0; i < PATTERN_SET_MAX - 2; i++) {
		snprintf(p.name, sizeof(p.name), "p%d", i);
		assert_int_equal(pattern_put(&s, &p), 0);
	}
	snprintf(p.name, sizeof(p.name), "one-too-many");
	assert_int_equal(pattern_put(&s, &p), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phases_parse_with_holds_in_place),
		cmocka_unit_test(topup_and_fractions),
		cmocka_unit_test(bad_values_say_what_is_wrong),
		cmocka_unit_test(whole_pattern_checks),
		cmocka_unit_test(rate_is_applied_within_its_range),
		cmocka_unit_test(ramp_keys),
		cmocka_unit_test(set_adds_and_replaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
