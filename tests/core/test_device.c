/* SPDX-License-Identifier: MIT */
/* Unit tests of the device state machine, in exact virtual time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

/* cmocka 1.1's assert_float_equal compares floats; these are doubles, checked as doubles. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#include "device.h"

static const char deck_text[] = "p-one | safety | self | any | One.\n"
				"p-two | trust | self | any | Two.\n";

struct fixture {
	struct deck *deck;
	struct device *dev;
};

static struct breath_pattern make_pattern(const char *name, int in_ms, int out_ms, int minutes)
{
	struct breath_pattern p;

	pattern_init(&p, name);
	p.phases[0] = (struct breath_phase){PHASE_INHALE, in_ms};
	p.phases[1] = (struct breath_phase){PHASE_EXHALE, out_ms};
	p.n_phases = 2;
	p.minutes = minutes;
	return p;
}

/* One button; a one-minute resonance default, a "together" pattern; no check-in, no settling
 * and taps that end a session, unless a test turns them on. */
static struct device_config config(void)
{
	struct device_config c;
	struct breath_pattern res = make_pattern("resonance", 5500, 5500, 1);
	struct breath_pattern together = make_pattern("together", 5500, 5500, 5);
	struct breath_pattern four78;

	device_config_defaults(&c);
	pattern_init(&four78, "478");
	four78.phases[0] = (struct breath_phase){PHASE_INHALE, 4000};
	four78.phases[1] = (struct breath_phase){PHASE_HOLD_IN, 7000};
	four78.phases[2] = (struct breath_phase){PHASE_EXHALE, 8000};
	four78.n_phases = 3;
	four78.cycles = 4;
	together.start_cycle_ms = 6000;
	together.ramp_ms = 180000;
	pattern_put(&c.patterns, &res);
	pattern_put(&c.patterns, &together);
	pattern_put(&c.patterns, &four78);
	c.default_pattern = 0;
	c.together_pattern = 1;
	c.checkin = false;
	c.settle_ms = 0;
	c.press_pauses = false;
	c.prompt_ms = 20000;
	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE; /* taps known at once */
	return c;
}

static int setup_with(void **state, const struct device_config *c)
{
	static struct fixture f;

	f.deck = deck_new();
	deck_parse(f.deck, "t", deck_text, sizeof(deck_text) - 1, NULL, NULL);
	f.dev = device_new(c, f.deck, 1);
	*state = &f;
	return f.dev ? 0 : -1;
}

static int setup(void **state)
{
	struct device_config c = config();

	return setup_with(state, &c);
}

/* The full flow: check-in before and after, five seconds to settle, taps pause. */
static int setup_full(void **state)
{
	struct device_config c = config();

	c.checkin = true;
	c.settle_ms = 5000;
	c.press_pauses = true;
	return setup_with(state, &c);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	device_free(f->dev);
	deck_free(f->deck);
	return 0;
}

/* A press from down to up; the output holds what it did (and anything due before). */
static struct device_output press(struct device *dev, int64_t down, int64_t up)
{
	struct device_output out = {0};

	device_edge(dev, 0, true, down, &out);
	device_tick(dev, up - 1, &out);
	device_edge(dev, 0, false, up, &out);
	return out;
}

static struct device_output tick(struct device *dev, int64_t now)
{
	struct device_output out = {0};

	device_tick(dev, now, &out);
	return out;
}

static void short_press_starts_breathing_at_once(void **state)
{
	struct fixture *f = *state;
	struct device_output out = press(f->dev, 1000, 1150);
	struct device_view v;

	/* Doubles do nothing by default, so a short press needs no wait; no settling here. */
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 1150);
	assert_int_equal(out.reports[0].button, 0);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_int_equal(out.reports[0].action, ACTION_BREATHE);
	assert_int_equal(out.reports[0].screen_before, SCREEN_AMBIENT);
	assert_int_equal(out.reports[0].screen_after, SCREEN_SETTLE);
	assert_true(out.reports[0].session_started);
	assert_string_equal(out.reports[0].pattern, "resonance");
	assert_int_equal(out.reports[0].session_planned_ms, 60000);
	out = tick(f->dev, 1150);
	assert_true(out.changed);
	assert_int_equal(out.n, 0);
	v = device_view(f->dev, 1150 + 2750);
	assert_int_equal(v.screen, SCREEN_BREATHE);
	assert_int_equal(v.breath.phase, PHASE_INHALE);
	assert_near(v.breath.size, 0.5, 1e-9);
	assert_int_equal(v.session_elapsed_ms, 2750);
}

static void session_completes_and_returns_to_ambient(void **state)
{
	struct fixture *f = *state;
	struct device_output out = press(f->dev, 0, 100);

	tick(f->dev, 100);
	assert_int_equal(device_deadline(f->dev), 60100);
	out = tick(f->dev, 60099);
	assert_int_equal(out.n, 0);
	out = tick(f->dev, 60100);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 60100);
	assert_int_equal(out.reports[0].button, -1);
	assert_int_equal(out.reports[0].action, ACTION_DONE);
	assert_string_equal(out.reports[0].reason, "session complete");
	assert_true(out.reports[0].session_stopped);
	assert_int_equal(out.reports[0].session_how, SESSION_COMPLETED);
	assert_int_equal(out.reports[0].session_ms, 60000);
	assert_int_equal(out.reports[0].screen_after, SCREEN_DONE);
	/* The end screen offers a prompt for a while, then the clock comes back. */
	out = tick(f->dev, 60100 + 30000);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_string_equal(out.reports[0].reason, "idle");
	assert_false(out.reports[0].session_stopped);
	assert_int_equal(device_view(f->dev, 95000).screen, SCREEN_AMBIENT);
	assert_int_equal(device_deadline(f->dev), -1);
}

static void a_late_tick_ends_the_session_on_time(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	out = tick(f->dev, 200000); /* the loop was asleep through the whole session */
	assert_int_equal(out.n, 2);
	assert_int_equal(out.reports[0].t_ms, 60100);
	assert_int_equal(out.reports[0].session_ms, 60000);
	assert_int_equal(out.reports[1].t_ms, 90100);
}

static void done_screen_offers_a_prompt(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	tick(f->dev, 60100);
	out = press(f->dev, 61000, 61100);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	assert_non_null(out.reports[0].prompt);
	assert_int_equal(out.reports[0].screen_after, SCREEN_PROMPT);
}

static void short_press_while_breathing_ends_the_session(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	out = press(f->dev, 10000, 10200);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_END);
	assert_int_equal(out.reports[0].screen_after, SCREEN_AMBIENT);
	assert_true(out.reports[0].session_stopped);
	assert_int_equal(out.reports[0].session_how, SESSION_ENDED_EARLY);
	assert_int_equal(out.reports[0].session_ms, 10100);
}

static void long_press_shows_prompts_then_idles_back(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};
	const struct prompt *first;

	device_edge(f->dev, 0, true, 0, &out);
	device_tick(f->dev, 700, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 700);
	assert_int_equal(out.reports[0].gesture, GESTURE_LONG);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	first = out.reports[0].prompt;
	assert_non_null(first);
	assert_ptr_equal(device_view(f->dev, 800).prompt, first);
	memset(&out, 0, sizeof(out));
	device_edge(f->dev, 0, false, 2000, &out);
	assert_int_equal(out.n, 0);
	/* Another long press shows the other prompt. */
	device_edge(f->dev, 0, true, 3000, &out);
	device_tick(f->dev, 3700, &out);
	assert_int_equal(out.n, 1);
	assert_ptr_not_equal(out.reports[0].prompt, first);
	device_edge(f->dev, 0, false, 3800, &out);
	assert_int_equal(device_deadline(f->dev), 23700);
	out = tick(f->dev, 23700);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_string_equal(out.reports[0].reason, "idle");
	assert_false(out.reports[0].session_stopped);
}

static void long_press_during_a_session_ends_it_early(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	press(f->dev, 0, 100);
	device_edge(f->dev, 0, true, 5000, &out);
	device_tick(f->dev, 6000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	assert_true(out.reports[0].session_stopped);
	assert_int_equal(out.reports[0].session_how, SESSION_ENDED_EARLY);
	assert_int_equal(out.reports[0].session_ms, 5600);
}

static void full_flow_checkin_settle_breathe_checkin_done(void **state)
{
	struct fixture *f = *state;
	struct device_output out = press(f->dev, 0, 100);
	struct device_view v;

	assert_int_equal(out.reports[0].screen_after, SCREEN_CHECKIN);
	assert_true(out.reports[0].session_started);
	/* Hold: the second answer. */
	out = press(f->dev, 1000, 1800);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 1700);
	assert_int_equal(out.reports[0].action, ACTION_CHECKIN);
	assert_string_equal(out.reports[0].answer, "unsettled");
	assert_false(out.reports[0].answer_after);
	assert_int_equal(out.reports[0].screen_after, SCREEN_SETTLE);
	v = device_view(f->dev, 3700);
	assert_int_equal(v.screen, SCREEN_SETTLE);
	assert_int_equal(v.screen_left_ms, 3000);
	/* Settled at 6700; the minute of breathing ends at 66700. */
	tick(f->dev, 6700);
	assert_int_equal(device_view(f->dev, 6700).screen, SCREEN_BREATHE);
	out = tick(f->dev, 66700);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].session_how, SESSION_COMPLETED);
	assert_int_equal(out.reports[0].session_ms, 60000);
	assert_int_equal(out.reports[0].screen_after, SCREEN_CHECKIN);
	v = device_view(f->dev, 66700);
	assert_true(v.checkin_after);
	/* A tap: the first answer, after. */
	out = press(f->dev, 70000, 70100);
	assert_int_equal(out.reports[0].action, ACTION_CHECKIN);
	assert_string_equal(out.reports[0].answer, "calm");
	assert_true(out.reports[0].answer_after);
	assert_int_equal(out.reports[0].screen_after, SCREEN_DONE);
}

static void unanswered_checkin_moves_on(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	out = tick(f->dev, 20100);
	assert_int_equal(out.n, 0);
	assert_true(out.changed);
	assert_int_equal(device_view(f->dev, 20100).screen, SCREEN_SETTLE);
}

static void taps_while_settling_cycle_the_length(void **state)
{
	struct fixture *f = *state;
	struct device_output out;
	static const int64_t expect[] = {3, 5, 8, 20, 1, 3};

	press(f->dev, 0, 100);
	press(f->dev, 200, 300); /* answers the check-in */
	for (int i = 0; i < 6; i++) {
		int64_t t = 1000 + i * 1000;

		out = press(f->dev, t, t + 100);
		assert_int_equal(out.n, 1);
		assert_int_equal(out.reports[0].action, ACTION_LENGTH);
		assert_int_equal(out.reports[0].session_planned_ms, expect[i] * 60000);
	}
	/* Each tap gives another five seconds to settle. */
	assert_int_equal(device_deadline(f->dev), 6100 + 5000);
	tick(f->dev, 11100);
	assert_int_equal(device_view(f->dev, 11100).session_ms, 3 * 60000);
	assert_int_equal(device_view(f->dev, 11100).screen, SCREEN_BREATHE);
}

static void tap_pauses_and_resumes_without_losing_the_place(void **state)
{
	struct fixture *f = *state;
	struct device_output out;
	struct device_view v;

	press(f->dev, 0, 100);
	press(f->dev, 200, 300);
	tick(f->dev, 5300); /* settled: breathing from 5300 */
	out = press(f->dev, 8050, 8100);
	assert_int_equal(out.reports[0].action, ACTION_PAUSE);
	assert_int_equal(out.reports[0].screen_after, SCREEN_PAUSED);
	v = device_view(f->dev, 50000);
	assert_int_equal(v.screen, SCREEN_PAUSED);
	assert_int_equal(v.session_elapsed_ms, 2800);
	out = press(f->dev, 60000, 60100);
	assert_int_equal(out.reports[0].action, ACTION_RESUME);
	v = device_view(f->dev, 60100);
	assert_int_equal(v.session_elapsed_ms, 2800);
	/* The breath goes on from where it stopped: 2.8 s into the first inhale. */
	assert_int_equal(v.breath.phase, PHASE_INHALE);
	assert_int_equal(v.breath.phase_elapsed_ms, 2800);
	/* The session still lasts its minute of breathing: it ends 57.2 s later. */
	assert_int_equal(device_deadline(f->dev), 60100 + 57200);
}

static void a_long_pause_interrupts_the_session(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	press(f->dev, 200, 300);
	tick(f->dev, 5300);
	press(f->dev, 15250, 15300);
	out = tick(f->dev, 15300 + 120000);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_true(out.reports[0].session_stopped);
	assert_int_equal(out.reports[0].session_how, SESSION_INTERRUPTED);
	assert_int_equal(out.reports[0].session_ms, 10000);
}

static void hold_while_paused_ends(void **state)
{
	struct fixture *f = *state;
	struct device_output out;

	press(f->dev, 0, 100);
	press(f->dev, 200, 300);
	tick(f->dev, 5300);
	press(f->dev, 6250, 6300);
	out = press(f->dev, 7000, 8000);
	assert_int_equal(out.reports[0].action, ACTION_END);
	assert_int_equal(out.reports[0].session_how, SESSION_ENDED_EARLY);
	assert_int_equal(out.reports[0].session_ms, 1000);
}

static void together_and_cycles(void **state)
{
	struct device_config c = config();
	struct device *dev;
	struct device_output out;
	(void)state;

	c.buttons[0].on[GESTURE_SHORT] = ACTION_TOGETHER;
	c.buttons[0].on[GESTURE_LONG] = ACTION_BREATHE;
	c.buttons[0].pattern[GESTURE_LONG] = 1 + 2; /* 478 */
	dev = device_new(&c, NULL, 1);
	out = press(dev, 0, 100);
	assert_string_equal(out.reports[0].pattern, "together");
	assert_int_equal(out.reports[0].session_planned_ms, 5 * 60000);
	/* A ramp over the session's first three minutes. */
	assert_int_equal(device_view(dev, 100).pattern->ramp_ms, 180000);
	out = press(dev, 1000, 2000);
	assert_string_equal(out.reports[0].pattern, "478");
	/* Four breaths of 19 s. */
	assert_int_equal(out.reports[0].session_planned_ms, 4 * 19000);
	assert_int_equal(device_view(dev, 2000).session_breaths, 4);
	device_free(dev);
}

static void open_screen_directly(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_open(f->dev, SCREEN_BREATHE, -1, 500, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].button, -1);
	assert_string_equal(out.reports[0].reason, "start");
	assert_true(out.reports[0].session_started);
	assert_int_equal(out.reports[0].screen_after, SCREEN_BREATHE);
	assert_int_equal(device_view(f->dev, 500).screen, SCREEN_BREATHE);
	assert_int_equal(device_view(f->dev, 3250).session_elapsed_ms, 2750);
}

static void unknown_button_is_ignored(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_edge(f->dev, 2, true, 0, &out);
	device_edge(f->dev, -1, true, 0, &out);
	assert_int_equal(out.n, 0);
	assert_int_equal(device_deadline(f->dev), -1);
}

static void double_press_when_configured(void **state)
{
	struct device_config c = config();
	struct deck *deck = deck_new();
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_PROMPT;
	dev = device_new(&c, deck, 1);
	device_edge(dev, 0, true, 0, &out);
	device_edge(dev, 0, false, 100, &out);
	assert_int_equal(out.n, 0); /* waits: this could become a double */
	device_edge(dev, 0, true, 250, &out);
	device_edge(dev, 0, false, 350, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].gesture, GESTURE_DOUBLE);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	assert_null(out.reports[0].prompt); /* an empty deck shows no prompt, and does not crash */
	device_free(dev);
	deck_free(deck);
}

/* A reload replaces the device only at rest: on the clock, with nothing held and no tap waiting
 * for its double-press window. */
static void at_rest_only_on_the_clock_with_no_press_under_way(void **state)
{
	struct device_config c = config();
	struct deck *deck = deck_new();
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_APPRECIATION;
	dev = device_new(&c, deck, 1);
	assert_true(device_at_rest(dev));
	device_edge(dev, 0, true, 0, &out);
	assert_false(device_at_rest(dev)); /* held */
	device_edge(dev, 0, false, 100, &out);
	assert_false(device_at_rest(dev)); /* a tap, or the first of two */
	device_edge(dev, 0, true, 250, &out);
	device_edge(dev, 0, false, 350, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_APPRECIATION);
	assert_true(device_at_rest(dev)); /* told, and still on the clock */
	out.n = 0;
	device_edge(dev, 0, true, 5000, &out);
	device_edge(dev, 0, false, 5100, &out);
	device_tick(dev, 6000, &out);
	assert_int_equal(out.n, 1);
	assert_int_not_equal(out.reports[0].screen_after, SCREEN_AMBIENT);
	assert_false(device_at_rest(dev)); /* off the clock */
	device_free(dev);
	deck_free(deck);
}

/* The device's prompts: only those for the household, the round carried over from before a
 * restart, and the local time of day handed to the picker. */
static const char *long_press_prompt(struct device *dev, int64_t t)
{
	struct device_output out = {0};

	device_edge(dev, 0, true, t, &out);
	device_tick(dev, t + 700, &out);
	device_edge(dev, 0, false, t + 800, &out);
	assert_int_equal(out.n, 1);
	assert_non_null(out.reports[0].prompt);
	return out.reports[0].prompt->id;
}

static void prompts_follow_the_household_and_the_history(void **state)
{
	static const char text[] = "self-any | safety | self | any | A.\n"
				   "self-morning | trust | self | morning | B.\n"
				   "kids-any | safety | kids | any | C.\n"
				   "self-repair | repair | self | any | D.\n";
	const char *const history[] = {"self-any", "kids-any"};
	struct device_config c = config();
	struct deck *deck = deck_new();
	struct device *dev;
	(void)state;

	deck_parse(deck, "t", text, sizeof(text) - 1, NULL, NULL);
	c.prompt_audiences = AUDIENCE_SELF;
	c.prompt_pathways = 1u << PATHWAY_SAFETY | 1u << PATHWAY_TRUST;
	dev = device_new(&c, deck, 4);
	device_set_local_time(dev, 0, 7 * 3600000, 20000);
	device_set_clock_state(dev, CLOCK_RTC);
	/* self-any was shown before the restart; kids-any is not in play */
	device_restore_prompts(dev, history, 2);
	assert_string_equal(long_press_prompt(dev, 0), "self-morning");
	/* a new round, which does not open with the one that closed the last */
	assert_string_equal(long_press_prompt(dev, 5000), "self-any");
	assert_string_equal(long_press_prompt(dev, 10000), "self-morning");
	device_free(dev);
	deck_free(deck);
}

static void two_buttons_at_once_each_count(void **state)
{
	/* Two people press two buttons at the same moment: each press is its own gesture. */
	struct device_config c = config();
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	c.n_buttons = 2;
	strcpy(c.buttons[1].name, "two");
	c.buttons[1].on[GESTURE_SHORT] = ACTION_PROMPT;
	c.buttons[1].on[GESTURE_LONG] = ACTION_NONE;
	c.buttons[1].on[GESTURE_DOUBLE] = ACTION_NONE;
	dev = device_new(&c, NULL, 1);
	device_edge(dev, 0, true, 1000, &out);
	device_edge(dev, 1, true, 1000, &out);
	device_edge(dev, 1, false, 1100, &out);
	device_edge(dev, 0, false, 1900, &out); /* main was held: a long press */
	assert_int_equal(out.n, 2);
	assert_int_equal(out.reports[0].button, 1);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	assert_int_equal(out.reports[1].button, 0);
	assert_int_equal(out.reports[1].gesture, GESTURE_LONG);
	assert_int_equal(out.reports[1].t_ms, 1700); /* at 0.7 s, not at the release */
	device_free(dev);
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < SCREEN_COUNT; s++)
		assert_int_equal(screen_from_name(screen_name((enum screen)s)), s);
	assert_int_equal(action_from_name("breathe"), ACTION_BREATHE);
	assert_int_equal(action_from_name("together"), ACTION_TOGETHER);
	assert_int_equal(action_from_name("none"), ACTION_NONE);
	assert_int_equal(action_from_name("ambient"), -1);
	assert_int_equal(action_from_name("pause"), -1);
	assert_int_equal(action_from_name("dance"), -1);
}

/* The check-in's answers and how each is given come from the device, which also judges the
 * presses: one button answers by gesture (a third answer only where it waits for a double
 * press), more buttons answer one each. */
static void checkin_view_says_how_to_answer(void **state)
{
	struct device_config c = config();
	struct device_output out = {0};
	struct deck *deck = deck_new();
	struct device *dev;
	struct device_view v;
	(void)state;

	c.checkin = true;
	snprintf(c.answers[2], sizeof(c.answers[2]), "tired");
	c.n_answers = 3;
	dev = device_new(&c, deck, 1);
	device_open(dev, SCREEN_CHECKIN, -1, 0, &out);
	v = device_view(dev, 0);
	assert_int_equal(v.n_answers, 2); /* no double press on this button */
	assert_false(v.answers_by_button);
	assert_string_equal(v.answers[0].text, "calm");
	assert_int_equal(v.answers[0].gesture, GESTURE_SHORT);
	assert_int_equal(v.answers[1].gesture, GESTURE_LONG);
	device_free(dev);

	c.n_buttons = 3;
	c.buttons[1] = c.buttons[0];
	c.buttons[2] = c.buttons[0];
	dev = device_new(&c, deck, 1);
	device_open(dev, SCREEN_CHECKIN, -1, 0, &out);
	v = device_view(dev, 0);
	assert_int_equal(v.n_answers, 3);
	assert_true(v.answers_by_button);
	assert_int_equal(v.answers[2].button, 2);
	assert_string_equal(v.answers[2].text, "tired");
	/* The third button gives the third answer, as the view says. */
	memset(&out, 0, sizeof(out));
	device_edge(dev, 2, true, 1000, &out);
	device_edge(dev, 2, false, 1100, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_CHECKIN);
	assert_string_equal(out.reports[0].answer, "tired");
	device_free(dev);
	deck_free(deck);
}

#define WITH(test, set) cmocka_unit_test_setup_teardown(test, set, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		WITH(short_press_starts_breathing_at_once, setup),
		WITH(session_completes_and_returns_to_ambient, setup),
		WITH(a_late_tick_ends_the_session_on_time, setup),
		WITH(done_screen_offers_a_prompt, setup),
		WITH(short_press_while_breathing_ends_the_session, setup),
		WITH(long_press_shows_prompts_then_idles_back, setup),
		cmocka_unit_test(prompts_follow_the_household_and_the_history),
		WITH(long_press_during_a_session_ends_it_early, setup),
		WITH(full_flow_checkin_settle_breathe_checkin_done, setup_full),
		WITH(unanswered_checkin_moves_on, setup_full),
		WITH(taps_while_settling_cycle_the_length, setup_full),
		WITH(tap_pauses_and_resumes_without_losing_the_place, setup_full),
		WITH(a_long_pause_interrupts_the_session, setup_full),
		WITH(hold_while_paused_ends, setup_full),
		WITH(open_screen_directly, setup),
		WITH(unknown_button_is_ignored, setup),
		cmocka_unit_test(together_and_cycles),
		cmocka_unit_test(double_press_when_configured),
		cmocka_unit_test(at_rest_only_on_the_clock_with_no_press_under_way),
		cmocka_unit_test(two_buttons_at_once_each_count),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(checkin_view_says_how_to_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
