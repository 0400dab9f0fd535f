/* SPDX-License-Identifier: MIT */
/* Unit tests of touches: panel coordinates back to the upright picture at every rotation,
 * zones, one touch at a time, and touch presses through the device (taps, holds, a resting
 * palm, the dark, the source each report carries). */
#include <setjmp.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "device.h"
#include "touchmap.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

/* A point near the upright picture's top-left corner, seen on the panel at each rotation. */
static void upright_at_every_rotation(void **state)
{
	static const struct {
		int rotation;
		double x, y;   /* on the panel */
		double ux, uy; /* in the upright picture */
	} cases[] = {
		{0, 0.1, 0.2, 0.1, 0.2},
		/* Turned 90 clockwise: the picture's top runs down the panel's right edge. */
		{90, 0.8, 0.1, 0.1, 0.2},
		{180, 0.9, 0.8, 0.1, 0.2},
		/* Turned 270: the top runs up the panel's left edge. */
		{270, 0.2, 0.9, 0.1, 0.2},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double ux, uy;

		touch_upright(cases[i].rotation, cases[i].x, cases[i].y, &ux, &uy);
		assert_near(ux, cases[i].ux);
		assert_near(uy, cases[i].uy);
	}
}

static void one_zone_is_the_first_button_everywhere(void **state)
{
	struct touch_layout l = {.panel_w = 800, .panel_h = 480, .rotation = 0, .zones = 1};
	(void)state;

	assert_int_equal(touch_zone(&l, 0.0, 0.0), 0);
	assert_int_equal(touch_zone(&l, 0.99, 0.99), 0);
	l.rotation = 90;
	assert_int_equal(touch_zone(&l, 0.5, 0.99), 0);
}

/* 800x480 upright: three columns, left to right, edges and a little past them included. */
static void three_zones_side_by_side(void **state)
{
	struct touch_layout l = {.panel_w = 800, .panel_h = 480, .rotation = 0, .zones = 3};
	(void)state;

	assert_int_equal(touch_zone(&l, 0.0, 0.5), 0);
	assert_int_equal(touch_zone(&l, 0.33, 0.9), 0);
	assert_int_equal(touch_zone(&l, 0.34, 0.1), 1);
	assert_int_equal(touch_zone(&l, 0.66, 0.5), 1);
	assert_int_equal(touch_zone(&l, 0.67, 0.5), 2);
	assert_int_equal(touch_zone(&l, 1.0, 0.5), 2);
	assert_int_equal(touch_zone(&l, -0.01, 0.5), 0);
	assert_int_equal(touch_zone(&l, 1.02, 0.5), 2);
}

/* The zones follow the picture, not the panel: the left half of what the user sees. */
static void two_zones_follow_the_rotation(void **state)
{
	/* A 480x800 portrait panel turned to a landscape picture (800x480 upright). */
	struct touch_layout l = {.panel_w = 480, .panel_h = 800, .rotation = 90, .zones = 2};
	(void)state;

	/* The picture's left half is the panel's top half at 90... */
	assert_int_equal(touch_zone(&l, 0.5, 0.2), 0);
	assert_int_equal(touch_zone(&l, 0.5, 0.8), 1);
	/* ...its bottom half at 270... */
	l.rotation = 270;
	assert_int_equal(touch_zone(&l, 0.5, 0.8), 0);
	assert_int_equal(touch_zone(&l, 0.5, 0.2), 1);
	/* ...and a landscape panel at 180: right to left. */
	l = (struct touch_layout){.panel_w = 800, .panel_h = 480, .rotation = 180, .zones = 2};
	assert_int_equal(touch_zone(&l, 0.9, 0.5), 0);
	assert_int_equal(touch_zone(&l, 0.1, 0.5), 1);
}

/* An upright portrait picture: the zones are stacked, the first on top. */
static void zones_stack_on_a_portrait_picture(void **state)
{
	struct touch_layout l = {.panel_w = 480, .panel_h = 800, .rotation = 0, .zones = 2};
	(void)state;

	assert_int_equal(touch_zone(&l, 0.9, 0.1), 0);
	assert_int_equal(touch_zone(&l, 0.1, 0.9), 1);
	/* A landscape panel turned to portrait (90): the picture's top is the panel's right. */
	l = (struct touch_layout){.panel_w = 800, .panel_h = 480, .rotation = 90, .zones = 3};
	assert_int_equal(touch_zone(&l, 0.95, 0.5), 0);
	assert_int_equal(touch_zone(&l, 0.5, 0.5), 1);
	assert_int_equal(touch_zone(&l, 0.05, 0.5), 2);
}

static void one_touch_at_a_time(void **state)
{
	struct touch_layout l = {.panel_w = 800, .panel_h = 480, .rotation = 0, .zones = 2};
	struct touch_state s;
	(void)state;

	touch_state_init(&s);
	assert_int_equal(touch_release(&s, 7), -1); /* nothing was down */
	assert_int_equal(touch_press(&s, &l, 7, 0.8, 0.5), 1);
	/* A second finger, or the mouse, while the first is down: nothing. */
	assert_int_equal(touch_press(&s, &l, 8, 0.1, 0.5), -1);
	assert_int_equal(touch_release(&s, 8), -1);
	/* The first lifts the button it went down on, though it slid to the other half. */
	assert_int_equal(touch_release(&s, 7), 1);
	assert_int_equal(touch_release(&s, 7), -1);
	assert_int_equal(touch_press(&s, &l, 8, 0.1, 0.5), 0);
}

/* --- touches through the device --- */

static const char deck_text[] = "p-one | safety | self | any | One.\n";

struct fixture {
	struct deck *deck;
	struct device *dev;
};

static struct device_config touch_config(void)
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
	c.settle_ms = 0;
	c.night_screen_off = true;
	return c;
}

static int setup(void **state)
{
	static struct fixture f;
	struct device_config c = touch_config();

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

static void touch(struct device *dev, bool down, int64_t t, struct device_output *out)
{
	device_edge_from(dev, 0, down, t, PRESS_SOURCE_TOUCH, out);
}

/* A tap is the short press, known when its double window (350 ms) closes; the report says
 * where it came from. */
static void tap_breathes(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	touch(f->dev, false, 1090, &out);
	assert_int_equal(out.n, 0);
	assert_int_equal(device_deadline(f->dev), 1440);
	device_tick(f->dev, 1440, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 1440);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_int_equal(out.reports[0].action, ACTION_BREATHE);
	assert_string_equal(out.reports[0].source, "touch");
}

/* A hold on the glass counts when it lifts; two taps are a double. */
static void hold_prompts_at_release_and_double_leaves_a_sign(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	assert_int_equal(device_deadline(f->dev), -1);
	device_tick(f->dev, 2500, &out);
	assert_int_equal(out.n, 0);
	touch(f->dev, false, 2500, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 2500);
	assert_int_equal(out.reports[0].gesture, GESTURE_LONG);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	assert_string_equal(out.reports[0].source, "touch");

	out = (struct device_output){0};
	touch(f->dev, true, 3000, &out);
	touch(f->dev, false, 3080, &out);
	touch(f->dev, true, 3250, &out);
	touch(f->dev, false, 3330, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].gesture, GESTURE_DOUBLE);
	assert_int_equal(out.reports[0].action, ACTION_APPRECIATION);
}

/* A palm resting on the glass for ten seconds or more is nothing at all, not even later. */
static void resting_palm_does_nothing(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	device_tick(f->dev, 60000, &out);
	touch(f->dev, false, 61000, &out);
	device_tick(f->dev, 70000, &out);
	assert_int_equal(out.n, 0);
	assert_false(out.changed);
	assert_int_equal(device_view(f->dev, 70000).screen, SCREEN_AMBIENT);
	/* 9.999 s is still a press: the very long hold, which opens the clock setting. */
	touch(f->dev, true, 80000, &out);
	touch(f->dev, false, 89999, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_SETTIME);
}

/* In the dark a stray touch only wakes the screen, as any press does; a palm not even that. */
static void stray_touch_in_the_dark_only_wakes(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_set_local_time(f->dev, 0, 23 * 3600 * 1000LL, 100);
	device_set_clock_state(f->dev, CLOCK_SYNCED);
	touch(f->dev, true, 1000, &out);
	touch(f->dev, false, 12000, &out);
	device_tick(f->dev, 13000, &out);
	assert_int_equal(out.n, 0);
	assert_true(device_view(f->dev, 13000).screen_off);
	touch(f->dev, true, 20000, &out);
	touch(f->dev, false, 20100, &out);
	device_tick(f->dev, 20450, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_WAKE);
	assert_string_equal(out.reports[0].source, "touch");
	assert_false(device_view(f->dev, 20450).screen_off);
}

/* A key held while the glass is tapped: two presses, each from its own source, never one
 * press mixed of both (the tap does not end the key's hold). */
static void touch_and_key_never_mix(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_edge_from(f->dev, 0, true, 1000, "Space", &out);
	touch(f->dev, true, 1100, &out);
	touch(f->dev, false, 1200, &out);
	/* The key's hold is long at 1700 while the tap waits for its double window (1550). */
	device_tick(f->dev, 1700, &out);
	assert_int_equal(out.n, 2);
	assert_int_equal(out.reports[0].t_ms, 1550);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_string_equal(out.reports[0].source, "touch");
	assert_int_equal(out.reports[1].t_ms, 1700);
	assert_int_equal(out.reports[1].gesture, GESTURE_LONG);
	assert_string_equal(out.reports[1].source, "Space");
	device_edge_from(f->dev, 0, false, 2000, "Space", &out);
	assert_int_equal(out.n, 2);
}

/* An edge with no source (a replay naming a button) reports none. */
static void unknown_source_is_null(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	device_edge(f->dev, 0, true, 1000, &out);
	device_edge(f->dev, 0, false, 1100, &out);
	device_tick(f->dev, 1450, &out);
	assert_int_equal(out.n, 1);
	assert_null(out.reports[0].source);
}

/* With zones, a touch on the clock shows each zone's action faintly for a few seconds, then
 * fades in steps and is gone: at night too, at the night's brightness, and never while the
 * screen is dark. Each step is a deadline of the device, so nothing is drawn between them. */
static void a_touch_on_the_clock_shows_the_zones_then_fades(void **state)
{
	struct device_config c = touch_config();
	struct device_output out = {0};
	struct device_view v;
	struct device *dev;
	int64_t t = 20000;
	(void)state;

	c.touch_zones = 2;
	c.n_buttons = 2;
	snprintf(c.buttons[1].name, sizeof(c.buttons[1].name), "two");
	c.buttons[1].on[GESTURE_SHORT] = ACTION_PROMPT;
	dev = device_new(&c, NULL, 1);
	assert_non_null(dev);
	device_set_local_time(dev, 0, 23 * 3600 * 1000LL, 100);
	device_set_clock_state(dev, CLOCK_SYNCED);
	/* Down in the dark: the labels wait for the screen to wake. */
	device_edge_from(dev, 1, true, t, PRESS_SOURCE_TOUCH, &out);
	assert_true(out.changed);
	v = device_view(dev, t + 50);
	assert_true(v.screen_off);
	assert_true(v.zone_labels == 0.0);
	device_edge_from(dev, 1, false, t + 100, PRESS_SOURCE_TOUCH, &out);
	device_tick(dev, t + 450, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_WAKE);
	v = device_view(dev, t + 450);
	assert_false(v.screen_off);
	assert_true(v.night);
	assert_int_equal(v.brightness, c.night_brightness);
	assert_true(v.zone_labels == 1.0);
	/* Full until 3 s, then four steps a quarter of a second apart, then gone. */
	assert_int_equal(device_deadline(dev), t + 3000);
	assert_true(device_view(dev, t + 2999).zone_labels == 1.0);
	for (int step = 0; step < 5; step++) {
		int64_t at = t + 3000 + step * 250;

		out = (struct device_output){0};
		assert_int_equal(device_deadline(dev), at);
		device_tick(dev, at, &out);
		assert_true(out.changed);
		assert_int_equal(out.n, 0);
		assert_true(fabs(device_view(dev, at).zone_labels - (0.8 - 0.2 * step)) < 1e-9);
	}
	assert_true(device_view(dev, t + 4000).zone_labels == 0.0);
	/* Nothing more to draw until the wake ends. */
	assert_true(device_deadline(dev) >= t + c.wake_ms);
	out = (struct device_output){0};
	device_tick(dev, device_deadline(dev) - 1, &out);
	assert_false(out.changed);
	/* A key is no touch: no labels. */
	device_edge(dev, 0, true, t + 100000, &out);
	assert_true(device_view(dev, t + 100001).zone_labels == 0.0);
	device_free(dev);
}

/* One zone: the whole glass is one button, nothing to show. */
static void one_zone_shows_no_labels(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	assert_true(device_view(f->dev, 1001).zone_labels == 0.0);
	assert_int_equal(device_deadline(f->dev), -1);
}

/* A touch's hold counts as it lifts, so the very long hold that opens the set-the-clock screen
 * is judged then: 3 s to just under the palm's 10 s opens it (and does not also show a prompt);
 * a shorter hold is a hold; a palm is nothing; in the dark it only wakes. */
static void a_touch_held_three_seconds_opens_the_clock_setting(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	touch(f->dev, false, 3999, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_PROMPT);
	device_tick(f->dev, 1000000, &out); /* the prompt goes by itself */
	assert_int_equal(device_view(f->dev, 1000000).screen, SCREEN_AMBIENT);

	out = (struct device_output){0};
	touch(f->dev, true, 1100000, &out);
	device_tick(f->dev, 1104000, &out);
	assert_int_equal(out.n, 0); /* nothing while it is held */
	touch(f->dev, false, 1109999, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].t_ms, 1109999);
	assert_int_equal(out.reports[0].gesture, GESTURE_LONG);
	assert_int_equal(out.reports[0].action, ACTION_SETTIME);
	assert_string_equal(out.reports[0].source, "touch");
	assert_int_equal(out.reports[0].screen_after, SCREEN_CLOCKSET);
	assert_int_equal(device_view(f->dev, 1110000).screen, SCREEN_CLOCKSET);
	/* There, a long touch is the next field, as a long press is. */
	out = (struct device_output){0};
	touch(f->dev, true, 1111000, &out);
	touch(f->dev, false, 1115000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_CLOCK_NEXT);
}

static void a_palm_or_a_touch_in_the_dark_never_opens_it(void **state)
{
	struct fixture *f = *state;
	struct device_output out = {0};

	touch(f->dev, true, 1000, &out);
	touch(f->dev, false, 11000, &out); /* 10 s: a palm */
	device_tick(f->dev, 12000, &out);
	assert_int_equal(out.n, 0);
	assert_int_equal(device_view(f->dev, 12000).screen, SCREEN_AMBIENT);

	device_set_local_time(f->dev, 20000, 23 * 3600 * 1000LL, 100);
	device_set_clock_state(f->dev, CLOCK_SYNCED);
	touch(f->dev, true, 20000, &out);
	touch(f->dev, false, 25000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_WAKE);
	assert_int_equal(device_view(f->dev, 25000).screen, SCREEN_AMBIENT);
}

#define WITH(test) cmocka_unit_test_setup_teardown(test, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(upright_at_every_rotation),
		cmocka_unit_test(one_zone_is_the_first_button_everywhere),
		cmocka_unit_test(three_zones_side_by_side),
		cmocka_unit_test(two_zones_follow_the_rotation),
		cmocka_unit_test(zones_stack_on_a_portrait_picture),
		cmocka_unit_test(one_touch_at_a_time),
		WITH(tap_breathes),
		WITH(hold_prompts_at_release_and_double_leaves_a_sign),
		WITH(resting_palm_does_nothing),
		WITH(stray_touch_in_the_dark_only_wakes),
		WITH(touch_and_key_never_mix),
		WITH(unknown_source_is_null),
		cmocka_unit_test(a_touch_on_the_clock_shows_the_zones_then_fades),
		WITH(one_zone_shows_no_labels),
		WITH(a_touch_held_three_seconds_opens_the_clock_setting),
		WITH(a_palm_or_a_touch_in_the_dark_never_opens_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
