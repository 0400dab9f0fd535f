/* SPDX-License-Identifier: MIT */
/* Unit tests of the clock: how far it is trusted, what an unknown clock changes, and setting it
 * by hand field by field, with one button and with three. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "device.h"

#define HOUR (3600 * 1000LL)
#define MIN  (60 * 1000LL)
#define DAY  (24 * HOUR)

static const char deck_text[] = "p-one | safety | self | any | shared | One.\n"
				"p-bed | trust | self | bedtime | Two.\n"
				"p-morning | repair | self | morning | Three.\n"
				"p-four | safety | self | any | Four.\n";

static struct deck *deck;

static int make_deck(void **state)
{
	(void)state;
	deck = deck_new();
	return deck_parse(deck, "t", deck_text, sizeof(deck_text) - 1, NULL, NULL) == 4 ? 0 : -1;
}

static int free_deck(void **state)
{
	(void)state;
	deck_free(deck);
	return 0;
}

/* One button (tap breathes, hold a prompt, double an appreciation) or three (the second and
 * third tap nothing); night 22:00 to 07:00 with the screen off; one pattern. */
static struct device *clock_device(int buttons)
{
	struct device_config c;
	struct breath_pattern p;

	device_config_defaults(&c);
	pattern_init(&p, "resonance");
	p.phases[0] = (struct breath_phase){PHASE_INHALE, 5500};
	p.phases[1] = (struct breath_phase){PHASE_EXHALE, 5500};
	p.n_phases = 2;
	pattern_put(&c.patterns, &p);
	c.checkin = false;
	c.night_screen_off = true;
	c.n_buttons = buttons;
	for (int i = 1; i < buttons; i++) {
		snprintf(c.buttons[i].name, sizeof(c.buttons[i].name), "b%d", i);
		c.buttons[i].on[GESTURE_LONG] = ACTION_PROMPT;
	}
	return device_new(&c, deck, 1);
}

/* A tap on a button, known once its double-press window closes (when doubles do something). */
static struct device_output tap(struct device *dev, int button, int64_t t)
{
	struct device_output out = {0};

	device_edge(dev, button, true, t, &out);
	device_edge(dev, button, false, t + 100, &out);
	device_tick(dev, t + 500, &out);
	return out;
}

static struct device_output hold(struct device *dev, int button, int64_t t)
{
	struct device_output out = {0};

	device_edge(dev, button, true, t, &out);
	device_tick(dev, t + 700, &out);
	device_edge(dev, button, false, t + 800, &out);
	return out;
}

static struct device_output double_tap(struct device *dev, int button, int64_t t)
{
	struct device_output out = {0};

	device_edge(dev, button, true, t, &out);
	device_edge(dev, button, false, t + 100, &out);
	device_edge(dev, button, true, t + 200, &out);
	device_edge(dev, button, false, t + 300, &out);
	return out;
}

static void state_from_facts(void **state)
{
	static const struct {
		struct clock_facts facts;
		enum clock_state want;
	} cases[] = {
		{{false, false, false, false}, CLOCK_UNKNOWN},
		{{true, false, false, false}, CLOCK_SYNCED},
		{{true, true, true, true}, CLOCK_SYNCED},
		{{false, true, false, false}, CLOCK_RTC},
		{{false, true, true, false}, CLOCK_SET},
		{{false, false, true, false}, CLOCK_SET},
		{{false, false, false, true}, CLOCK_SET},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(clock_state_decide(&cases[i].facts), cases[i].want);
	for (int s = 0; s < CLOCK_STATES; s++)
		assert_int_equal(clock_state_from_name(clock_state_name((enum clock_state)s)), s);
	assert_int_equal(clock_state_from_name("maybe"), -1);
}

static void calendar_arithmetic(void **state)
{
	static const struct {
		int y, m, d;
		int64_t days;
	} cases[] = {
		{1970, 1, 1, 0},      {1969, 12, 31, -1},    {2000, 3, 1, 11017},
		{2024, 2, 29, 19782}, {2026, 11, 24, 20781}, {2099, 12, 31, 47481},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int y, m, d;

		assert_int_equal(clock_days_from_civil(cases[i].y, cases[i].m, cases[i].d),
				 cases[i].days);
		clock_civil_from_days(cases[i].days, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
	}
	/* Every day from 1960 to 2110 goes there and back. */
	for (int64_t days = -3653; days < 51000; days++) {
		int y, m, d;

		clock_civil_from_days(days, &y, &m, &d);
		assert_true(d >= 1 && d <= clock_days_in_month(y, m));
		assert_int_equal(clock_days_from_civil(y, m, d), days);
	}
	assert_int_equal(clock_days_in_month(2100, 2), 28);
	assert_int_equal(clock_days_in_month(2000, 2), 29);
	assert_int_equal(clock_days_in_month(2026, 4), 30);
	{
		struct civil_time t = clock_civil(20781 * DAY + 21 * HOUR + 34 * MIN + 59999);

		assert_int_equal(t.year, 2026);
		assert_int_equal(t.month, 11);
		assert_int_equal(t.day, 24);
		assert_int_equal(t.hour, 21);
		assert_int_equal(t.minute, 34);
		assert_int_equal(clock_local_ms(&t), 20781 * DAY + 21 * HOUR + 34 * MIN);
	}
}

static void fields_step_round_within_their_range(void **state)
{
	struct clockset c;
	(void)state;

	clockset_begin(&c, 19782 * DAY + 23 * HOUR + 0 * MIN); /* 2024-02-29 23:00 */
	assert_int_equal(c.field, CLOCKSET_HOUR);
	assert_int_equal(c.value.year, CLOCK_FIRST_YEAR); /* before the first settable year */
	assert_int_equal(c.value.month, 2);
	assert_int_equal(c.value.day, 29);
	clockset_step(&c, 1);
	assert_int_equal(c.value.hour, 0); /* round, the date untouched */
	assert_int_equal(c.value.day, 29);
	clockset_step(&c, -1);
	assert_int_equal(c.value.hour, 23);
	assert_true(clockset_next_field(&c));
	clockset_step(&c, -1);
	assert_int_equal(c.value.minute, 59);
	assert_true(clockset_next_field(&c));
	assert_int_equal(c.field, CLOCKSET_YEAR);
	/* 2025 is no leap year: the 29th of February becomes the 28th. */
	assert_int_equal(c.value.day, 29);
	clockset_step(&c, 0);
	assert_int_equal(c.value.day, 28);
	clockset_step(&c, -1);
	assert_int_equal(c.value.year, CLOCK_LAST_YEAR);
	clockset_step(&c, 1);
	assert_int_equal(c.value.year, CLOCK_FIRST_YEAR);
	assert_true(clockset_next_field(&c));
	clockset_step(&c, 11);
	assert_int_equal(c.value.month, 1);
	assert_true(clockset_next_field(&c));
	assert_int_equal(c.field, CLOCKSET_DAY);
	clockset_step(&c, -28);
	assert_int_equal(c.value.day, 31); /* January: 28 back from the 28th, round */
	clockset_step(&c, 1);
	assert_int_equal(c.value.day, 1);
	assert_false(clockset_next_field(&c)); /* the day was the last */
	assert_int_equal(c.field, CLOCKSET_DAY);
	/* Nothing to start from: noon on the first settable day. */
	clockset_begin(&c, -1);
	assert_int_equal(c.value.year, CLOCK_FIRST_YEAR);
	assert_int_equal(c.value.hour, 12);
}

static void unknown_clock_has_no_night_and_no_daily_prompt(void **state)
{
	struct device *dev = clock_device(1);
	struct device_view v;
	(void)state;

	device_set_local_time(dev, 0, 23 * HOUR, 20781);
	assert_int_equal(device_clock_state(dev), CLOCK_UNKNOWN); /* a new device */
	v = device_view(dev, 1000);
	assert_int_equal(v.clock, CLOCK_UNKNOWN);
	assert_false(v.night);
	assert_false(v.screen_off);
	assert_int_equal(v.brightness, 100);
	assert_null(v.daily);
	/* The time runs on all the same (the glow and the drift use it). */
	assert_int_equal(v.local_ms, 20781 * DAY + 23 * HOUR + 1000);
	/* A first press is an ordinary press, not one that only wakes a dark screen. */
	assert_int_equal(tap(dev, 0, 2000).reports[0].action, ACTION_BREATHE);
	/* Once it is known, the night schedule is back. */
	assert_true(device_set_clock_state(dev, CLOCK_RTC));
	assert_false(device_set_clock_state(dev, CLOCK_RTC));
	tap(dev, 0, 3000);
	hold(dev, 0, 4000); /* a prompt, then back to the clock in a minute */
	{
		struct device_output out = {0};

		device_tick(dev, 4700 + 60000, &out);
	}
	v = device_view(dev, 5 * MIN);
	assert_int_equal(v.screen, SCREEN_AMBIENT);
	assert_true(v.night);
	assert_true(v.screen_off);
	assert_non_null(v.daily);
	device_free(dev);
}

/* The prompts a device shows in a row, by long presses from t. */
static void prompts_in_a_row(struct device *dev, int64_t t, const char *ids[], int n)
{
	for (int i = 0; i < n; i++) {
		struct device_output out = hold(dev, 0, t + i * 2000);

		assert_int_equal(out.reports[0].action, ACTION_PROMPT);
		ids[i] = out.reports[0].prompt->id;
	}
}

static void unknown_clock_weights_prompts_as_any_time(void **state)
{
	const char *unknown[8], *untold[8], *bedtime[8];
	struct device *a = clock_device(1), *b = clock_device(1), *c = clock_device(1);
	int differ = 0;
	(void)state;

	/* Told it is bedtime but not sure of it: the same as never told the time at all. */
	device_set_local_time(a, 0, 21 * HOUR + 30 * MIN, 20781);
	prompts_in_a_row(a, 1000, unknown, 8);
	prompts_in_a_row(b, 1000, untold, 8);
	for (int i = 0; i < 8; i++)
		assert_string_equal(unknown[i], untold[i]);
	/* Sure of it, the same seed picks for bedtime. */
	device_set_local_time(c, 0, 21 * HOUR + 30 * MIN, 20781);
	device_set_clock_state(c, CLOCK_SYNCED);
	prompts_in_a_row(c, 1000, bedtime, 8);
	for (int i = 0; i < 8; i++)
		differ += strcmp(bedtime[i], untold[i]) != 0;
	assert_true(differ > 0);
	device_free(a);
	device_free(b);
	device_free(c);
}

static void a_very_long_hold_opens_the_clock_setting(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	struct device_view v;
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_edge(dev, 0, true, 1000, &out);
	assert_int_equal(device_deadline(dev), 1700);
	device_tick(dev, 1700, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT); /* a hold does what it does */
	assert_int_equal(device_deadline(dev), 4000);
	device_tick(dev, 3999, &out);
	assert_int_equal(out.n, 1);
	device_tick(dev, 4000, &out);
	assert_int_equal(out.n, 2);
	assert_int_equal(out.reports[1].button, 0);
	assert_int_equal(out.reports[1].gesture, GESTURE_LONG);
	assert_int_equal(out.reports[1].action, ACTION_SETTIME);
	assert_int_equal(out.reports[1].screen_before, SCREEN_PROMPT);
	assert_int_equal(out.reports[1].screen_after, SCREEN_CLOCKSET);
	/* Letting go does nothing more. */
	device_edge(dev, 0, false, 6000, &out);
	assert_int_equal(out.n, 2);
	v = device_view(dev, 6000);
	assert_int_equal(v.screen, SCREEN_CLOCKSET);
	assert_int_equal(v.clockset.field, CLOCKSET_HOUR);
	assert_int_equal(v.clockset.value.hour, 21);
	assert_int_equal(v.clockset.value.minute, 34);
	assert_int_equal(v.clockset.value.year, 2026);
	assert_int_equal(v.clockset.value.month, 11);
	assert_int_equal(v.clockset.value.day, 24);
	assert_false(v.clockset_waiting);
	assert_false(v.clockset_said);
	device_free(dev);
}

/* Sets 07:05 on 2027-01-31, starting from 21:34 on 2026-11-24, with one button. Returns the
 * time of the last confirm. */
static int64_t set_with_one_button(struct device *dev, int64_t t)
{
	struct device_output out;

	/* hours: 21 -> 22 -> 23 -> 0 ... 7: ten taps, and one too many taken back by a double */
	for (int i = 0; i < 11; i++, t += 1000) {
		out = tap(dev, 0, t);
		assert_int_equal(out.n, 1);
		assert_int_equal(out.reports[0].action, ACTION_CLOCK_STEP);
	}
	assert_int_equal(device_view(dev, t).clockset.value.hour, 8);
	out = double_tap(dev, 0, t);
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_STEP);
	t += 1000;
	assert_int_equal(device_view(dev, t).clockset.value.hour, 7);
	out = hold(dev, 0, t);
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_NEXT);
	t += 1000;
	/* minutes: 34 back to 5 is 29 doubles */
	for (int i = 0; i < 29; i++, t += 1000)
		double_tap(dev, 0, t);
	assert_int_equal(device_view(dev, t).clockset.value.minute, 5);
	hold(dev, 0, t);
	t += 1000;
	tap(dev, 0, t); /* 2027 */
	t += 1000;
	hold(dev, 0, t);
	t += 1000;
	tap(dev, 0, t);
	t += 1000;
	tap(dev, 0, t); /* November -> January */
	t += 1000;
	hold(dev, 0, t);
	t += 1000;
	for (int i = 0; i < 7; i++, t += 1000)
		tap(dev, 0, t); /* 24 -> 31 */
	assert_int_equal(device_view(dev, t).clockset.field, CLOCKSET_DAY);
	/* Nothing was asked of the shell until now. */
	assert_false(device_view(dev, t).clockset_waiting);
	out = hold(dev, 0, t);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_CONFIRM);
	assert_int_equal(out.reports[0].clock_to.year, 2027);
	assert_int_equal(out.reports[0].clock_to.month, 1);
	assert_int_equal(out.reports[0].clock_to.day, 31);
	assert_int_equal(out.reports[0].clock_to.hour, 7);
	assert_int_equal(out.reports[0].clock_to.minute, 5);
	assert_true(device_view(dev, t + 800).clockset_waiting);
	return t + 700;
}

static void one_button_sets_every_field_then_confirms(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	struct clock_result done = {CLOCK_OUTCOME_SET, 1000000000, 1800000000};
	struct device_view v;
	int64_t t;
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_open(dev, SCREEN_CLOCKSET, -1, 0, &out);
	assert_int_equal(out.reports[0].action, ACTION_SETTIME);
	t = set_with_one_button(dev, 1000);
	/* While the shell sets it, presses do nothing. */
	out = tap(dev, 0, t + 1000);
	assert_int_equal(out.reports[0].action, ACTION_NONE);
	out = (struct device_output){0};
	device_clock_result(dev, &done, t + 2000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].button, -1);
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_SET);
	assert_string_equal(out.reports[0].reason, "set");
	assert_true(out.reports[0].clock_changed);
	assert_int_equal(out.reports[0].clock.from_utc_s, 1000000000);
	assert_int_equal(out.reports[0].clock.to_utc_s, 1800000000);
	assert_int_equal(device_clock_state(dev), CLOCK_SET);
	v = device_view(dev, t + 2000);
	assert_true(v.clockset_said);
	assert_int_equal(v.clockset_outcome, CLOCK_OUTCOME_SET);
	/* It says so a while, then the clock. */
	assert_int_equal(device_deadline(dev), t + 2000 + 8000);
	out = (struct device_output){0};
	device_tick(dev, t + 10000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_int_equal(device_view(dev, t + 10000).screen, SCREEN_AMBIENT);
	device_free(dev);
}

static void three_buttons_step_up_and_down(void **state)
{
	struct device *dev = clock_device(3);
	struct device_output out = {0};
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_open(dev, SCREEN_CLOCKSET, -1, 0, &out);
	tap(dev, 1, 1000); /* the second button steps back */
	tap(dev, 1, 2000);
	assert_int_equal(device_view(dev, 3000).clockset.value.hour, 19);
	tap(dev, 2, 3000); /* the third, on */
	tap(dev, 0, 4000); /* and the first */
	assert_int_equal(device_view(dev, 5000).clockset.value.hour, 21);
	out = hold(dev, 2, 5000); /* a hold on any of them goes on */
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_NEXT);
	assert_int_equal(device_view(dev, 6000).clockset.field, CLOCKSET_MINUTE);
	tap(dev, 1, 6000);
	assert_int_equal(device_view(dev, 7000).clockset.value.minute, 33);
	device_free(dev);
}

static void a_settime_button_opens_it(void **state)
{
	struct device_config c;
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	device_config_defaults(&c);
	c.n_buttons = 2;
	snprintf(c.buttons[1].name, sizeof(c.buttons[1].name), "side");
	c.buttons[1].on[GESTURE_LONG] = ACTION_SETTIME;
	dev = device_new(&c, deck, 1);
	out = hold(dev, 1, 1000);
	assert_int_equal(out.reports[0].action, ACTION_SETTIME);
	assert_int_equal(out.reports[0].screen_after, SCREEN_CLOCKSET);
	assert_int_equal(action_from_name("settime"), ACTION_SETTIME);
	assert_int_equal(action_from_name("clockconfirm"), -1); /* not for a button */
	device_free(dev);
}

static void left_alone_it_cancels_and_nothing_changes(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_open(dev, SCREEN_CLOCKSET, -1, 0, &out);
	tap(dev, 0, 1000);
	hold(dev, 0, 20000); /* on to the minutes at 20.7 s */
	/* Thirty seconds from the last press, not from the opening. */
	assert_int_equal(device_deadline(dev), 20700 + 30000);
	out = (struct device_output){0};
	device_tick(dev, 50699, &out);
	assert_int_equal(out.n, 0);
	device_tick(dev, 50700, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_string_equal(out.reports[0].reason, "idle");
	assert_int_equal(out.reports[0].screen_before, SCREEN_CLOCKSET);
	assert_false(out.reports[0].clock_changed);
	assert_int_equal(device_view(dev, 50700).screen, SCREEN_AMBIENT);
	assert_int_equal(device_clock_state(dev), CLOCK_UNKNOWN);
	/* Opened again, it starts from the clock's time, not from what was left. */
	device_open(dev, SCREEN_CLOCKSET, -1, 60000, &out);
	assert_int_equal(device_view(dev, 60000).clockset.value.hour, 21);
	assert_int_equal(device_view(dev, 60000).clockset.field, CLOCKSET_HOUR);
	device_free(dev);
}

static void a_refusal_is_said_and_the_state_stays(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	struct clock_result refused = {CLOCK_OUTCOME_REFUSED, 1000000000, 1800000000};
	int64_t t;
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_open(dev, SCREEN_CLOCKSET, -1, 0, &out);
	t = set_with_one_button(dev, 1000);
	out = (struct device_output){0};
	device_clock_result(dev, &refused, t + 500, &out);
	assert_string_equal(out.reports[0].reason, "refused");
	assert_true(out.reports[0].clock_changed); /* the log hears of it all the same */
	assert_int_equal(device_clock_state(dev), CLOCK_UNKNOWN);
	assert_true(device_view(dev, t + 500).clockset_said);
	assert_int_equal(device_view(dev, t + 500).clockset_outcome, CLOCK_OUTCOME_REFUSED);
	/* A press goes back to the clock. */
	out = tap(dev, 0, t + 2000);
	assert_int_equal(out.reports[0].action, ACTION_END);
	assert_int_equal(out.reports[0].screen_after, SCREEN_AMBIENT);
	/* The hold that began on the set screen is over; a new very long one opens it again. */
	out = (struct device_output){0};
	device_edge(dev, 0, true, t + 5000, &out);
	device_tick(dev, t + 8000, &out);
	assert_int_equal(out.reports[out.n - 1].action, ACTION_SETTIME);
	device_free(dev);
}

static void a_hold_begun_on_the_set_screen_never_reopens_it(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	struct clock_result done = {CLOCK_OUTCOME_SET, 0, 0};
	int64_t t;
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 34 * MIN, 20781);
	device_open(dev, SCREEN_CLOCKSET, -1, 0, &out);
	t = set_with_one_button(dev, 1000);
	device_clock_result(dev, &done, t + 100, &out);
	/* Held: at 0.7 s it leaves; held on to 5 s, it stays on the clock. */
	out = (struct device_output){0};
	device_edge(dev, 0, true, t + 1000, &out);
	device_tick(dev, t + 6000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_END);
	assert_int_equal(device_view(dev, t + 6000).screen, SCREEN_AMBIENT);
	assert_int_equal(device_deadline(dev), -1);
	device_free(dev);
}

static void a_result_after_leaving_is_only_logged(void **state)
{
	struct device *dev = clock_device(1);
	struct device_output out = {0};
	struct clock_result done = {CLOCK_OUTCOME_SET, 5, 6};
	(void)state;

	device_clock_result(dev, &done, 1000, &out);
	assert_int_equal(out.n, 1);
	assert_true(out.reports[0].clock_changed);
	assert_int_equal(out.reports[0].screen_after, SCREEN_AMBIENT);
	assert_int_equal(device_view(dev, 1000).screen, SCREEN_AMBIENT);
	device_free(dev);
}

/* A row stamped before its boot's clock was right is dated back from the anchor by the
 * monotonic time between, rounded down to whole seconds; the rest stand as stamped. */
static void rows_before_the_anchor_are_dated_from_it(void **state)
{
	const struct clock_anchor set = {.wall_utc_s = 1767225600, .mono_ms = 120000};
	const struct clock_anchor far = {.wall_utc_s = INT64_MIN + 5, .mono_ms = INT64_MAX};
	bool corrected;
	(void)state;

	/* 119 s before: exactly */
	assert_int_equal(clock_true_utc(86401, 1000, false, &set, &corrected), 1767225481);
	assert_true(corrected);
	/* 58.5 s before: whole seconds, rounded down */
	assert_int_equal(clock_true_utc(86460, 61500, false, &set, &corrected), 1767225541);
	assert_true(corrected);
	/* 1 ms before still counts as the second before */
	assert_int_equal(clock_true_utc(86519, 119999, false, &set, &corrected), 1767225599);
	/* at or after the anchor: as stamped */
	assert_int_equal(clock_true_utc(86519, 120000, false, &set, &corrected), 86519);
	assert_false(corrected);
	assert_int_equal(clock_true_utc(1767225610, 130000, false, &set, &corrected), 1767225610);
	assert_false(corrected);
	/* a synchronised row, and a boot with no anchor: as stamped */
	assert_int_equal(clock_true_utc(1767225000, 1000, true, &set, &corrected), 1767225000);
	assert_false(corrected);
	assert_int_equal(clock_true_utc(500, 2000, false, NULL, &corrected), 500);
	assert_false(corrected);
	/* numbers that would overflow date nothing */
	assert_int_equal(clock_true_utc(7, INT64_MIN, false, &far, &corrected), 7);
	assert_false(corrected);
	assert_int_equal(clock_true_utc(7, 0, false, &far, &corrected), 7);
	assert_false(corrected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_from_facts),
		cmocka_unit_test(calendar_arithmetic),
		cmocka_unit_test(fields_step_round_within_their_range),
		cmocka_unit_test(unknown_clock_has_no_night_and_no_daily_prompt),
		cmocka_unit_test(unknown_clock_weights_prompts_as_any_time),
		cmocka_unit_test(a_very_long_hold_opens_the_clock_setting),
		cmocka_unit_test(one_button_sets_every_field_then_confirms),
		cmocka_unit_test(three_buttons_step_up_and_down),
		cmocka_unit_test(a_settime_button_opens_it),
		cmocka_unit_test(left_alone_it_cancels_and_nothing_changes),
		cmocka_unit_test(a_refusal_is_said_and_the_state_stays),
		cmocka_unit_test(a_hold_begun_on_the_set_screen_never_reopens_it),
		cmocka_unit_test(a_result_after_leaving_is_only_logged),
		cmocka_unit_test(rows_before_the_anchor_are_dated_from_it),
	};
	return cmocka_run_group_tests(tests, make_deck, free_deck);
}
