/* Unit tests of the device state machine, in exact virtual time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "device.h"

static const char deck_text[] = "p-one | safety | self | any | One.\n"
				"p-two | trust | self | any | Two.\n";

struct fixture {
	struct deck *deck;
	struct device *dev;
};

static struct device_config config(void)
{
	struct device_config c = {
		.timing = {.debounce_ms = 30, .long_ms = 700, .double_ms = 350},
		.n_buttons = 1,
		.pattern = {.name = "resonance",
			    .label = "Resonance",
			    .phases = {{PHASE_INHALE, 5500}, {PHASE_EXHALE, 5500}},
			    .n_phases = 2},
		.session_ms = 60000,
		.prompt_ms = 20000,
	};

	strcpy(c.buttons[0].name, "main");
	c.buttons[0].on[GESTURE_SHORT] = ACTION_BREATHE;
	c.buttons[0].on[GESTURE_LONG] = ACTION_PROMPT;
	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE;
	return c;
}

static int setup(void **state)
{
	static struct fixture f;
	struct device_config c = config();

	f.deck = deck_new();
	deck_parse(f.deck, "t", deck_text, sizeof(deck_text) - 1, NULL, NULL);
	f.dev = device_new(&c, f.deck, 1);
	*state = &f;
	return f.dev ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	device_free(f->dev);
	deck_free(f->deck);
	return 0;
}

static struct device_output press(struct device *dev, int64_t down, int64_t up)
{
	struct device_output out = {0};

	device_edge(dev, 0, true, down, &out);
	device_tick(dev, up - 1, &out);
	device_edge(dev, 0, false, up, &out);
	return out;
}

static void short_press_starts_breathing_at_once(void **state)
{
	struct fixture *f = *state;
	struct device_output out = press(f->dev, 1000, 1150);
	struct device_view v;

	/* Doubles do nothing by default, so a short press needs no wait. */
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 1150);
	assert_int_equal(out.reports[0].button, 0);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_int_equal(out.reports[0].action, ACTION_BREATHE);
	assert_int_equal(out.reports[0].screen_before, SCREEN_AMBIENT);
	assert_int_equal(out.reports[0].screen_after, SCREEN_BREATHE);
	assert_true(out.reports[0].session_started);
	assert_string_equal(out.reports[0].pattern, "resonance");
	assert_int_equal(out.reports[0].session_planned_ms, 60000);
	v = device_view(f->dev, 1150 + 2750);
	assert_int_equal(v.screen, SCREEN_BREATHE);
	assert_int_equal(v.breath.phase, PHASE_INHALE);
	assert_float_equal(v.breath.size, 0.5, 1e-9);
	assert_int_equal(v.session_elapsed_ms, 2750);
}

static void session_completes_and_returns_to_ambient(void **state)
{
	struct fixture *f = *state;
	struct device_output out = press(f->dev, 0, 100);

	assert_int_equal(device_deadline(f->dev), 60100);
	memset(&out, 0, sizeof(out));
	device_tick(f->dev, 60099, &out);
	assert_int_equal(out.n, 0);
	device_tick(f->dev, 90000, &out); /* a late tick still ends it at its due time */
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 60100);
	assert_int_equal(out.reports[0].button, -1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	assert_string_equal(out.reports[0].reason, "session complete");
	assert_true(out.reports[0].session_stopped);
	assert_int_equal(out.reports[0].session_how, SESSION_COMPLETED);
	assert_int_equal(out.reports[0].session_ms, 60000);
	assert_int_equal(device_view(f->dev, 90000).screen, SCREEN_AMBIENT);
	assert_int_equal(device_deadline(f->dev), -1);
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
	memset(&out, 0, sizeof(out));
	device_tick(f->dev, 23700, &out);
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

static void open_screen_directly(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_open(f->dev, SCREEN_BREATHE, 500, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].button, -1);
	assert_string_equal(out.reports[0].reason, "start");
	assert_true(out.reports[0].session_started);
	assert_int_equal(device_view(f->dev, 500).screen, SCREEN_BREATHE);
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

static void names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < SCREEN_COUNT; s++)
		assert_int_equal(screen_from_name(screen_name((enum screen)s)), s);
	assert_int_equal(action_from_name("breathe"), ACTION_BREATHE);
	assert_int_equal(action_from_name("none"), ACTION_NONE);
	assert_int_equal(action_from_name("ambient"), -1);
	assert_int_equal(action_from_name("dance"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(short_press_starts_breathing_at_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(session_completes_and_returns_to_ambient, setup,
						teardown),
		cmocka_unit_test_setup_teardown(short_press_while_breathing_ends_the_session, setup,
						teardown),
		cmocka_unit_test_setup_teardown(long_press_shows_prompts_then_idles_back, setup,
						teardown),
		cmocka_unit_test_setup_teardown(long_press_during_a_session_ends_it_early, setup,
						teardown),
		cmocka_unit_test_setup_teardown(open_screen_directly, setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_button_is_ignored, setup, teardown),
		cmocka_unit_test(double_press_when_configured),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
