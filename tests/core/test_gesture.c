/* SPDX-License-Identifier: MIT */
/* Unit tests of gesture recognition from edge timestamps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "gesture.h"

static const struct gesture_timing timing = {.debounce_ms = 30, .long_ms = 700, .double_ms = 350};

static struct gesture_tracker tracker(int double_ms)
{
	struct gesture_tracker g;
	struct gesture_timing t = timing;

	t.double_ms = double_ms;
	gesture_init(&g, &t);
	return g;
}

static void short_press_waits_for_double_window(void **state)
{
	struct gesture_tracker g = tracker(350);
	(void)state;

	assert_int_equal(gesture_edge(&g, true, 1000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 1120), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), 1470);
	assert_int_equal(gesture_tick(&g, 1469), GESTURE_NONE);
	assert_int_equal(gesture_tick(&g, 1470), GESTURE_SHORT);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void short_press_is_immediate_without_doubles(void **state)
{
	struct gesture_tracker g = tracker(0);
	(void)state;

	assert_int_equal(gesture_edge(&g, true, 1000), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), 1700);
	assert_int_equal(gesture_edge(&g, false, 1699), GESTURE_SHORT);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void long_press_fires_while_held_and_release_is_silent(void **state)
{
	struct gesture_tracker g = tracker(350);
	(void)state;

	gesture_edge(&g, true, 0);
	assert_int_equal(gesture_tick(&g, 699), GESTURE_NONE);
	assert_int_equal(gesture_tick(&g, 700), GESTURE_LONG);
	assert_int_equal(gesture_tick(&g, 5000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 5000), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void late_release_still_counts_as_long(void **state)
{
	/* No tick came during the hold (a busy loop): the release itself reveals the long press. */
	struct gesture_tracker g = tracker(350);
	(void)state;

	gesture_edge(&g, true, 0);
	assert_int_equal(gesture_edge(&g, false, 900), GESTURE_LONG);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void double_press(void **state)
{
	struct gesture_tracker g = tracker(350);
	(void)state;

	gesture_edge(&g, true, 0);
	gesture_edge(&g, false, 100);
	assert_int_equal(gesture_edge(&g, true, 300), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 400), GESTURE_DOUBLE);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void second_press_after_window_is_two_shorts(void **state)
{
	struct gesture_tracker g = tracker(350);
	(void)state;

	gesture_edge(&g, true, 0);
	gesture_edge(&g, false, 100);
	/* The window closed at 450 with no tick: the next edge reports the first short. */
	assert_int_equal(gesture_edge(&g, true, 600), GESTURE_SHORT);
	assert_int_equal(gesture_edge(&g, false, 700), GESTURE_NONE);
	assert_int_equal(gesture_tick(&g, 1050), GESTURE_SHORT);
}

static void bounce_is_ignored(void **state)
{
	struct gesture_tracker g = tracker(0);
	(void)state;

	assert_int_equal(gesture_edge(&g, true, 1000), GESTURE_NONE);
	/* Contact chatter within the debounce time after the press. */
	assert_int_equal(gesture_edge(&g, false, 1005), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, true, 1012), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 1200), GESTURE_SHORT);
	/* And chatter after the release does not start a new press. */
	assert_int_equal(gesture_edge(&g, true, 1210), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 1215), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void quick_tap_is_a_short_press(void **state)
{
	/* A release within the debounce time (a synthetic key tap) is not lost: once the time
	 * is over the contact is up, and that ends the press. */
	struct gesture_tracker g = tracker(0);
	(void)state;

	assert_int_equal(gesture_edge(&g, true, 1000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 1012), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), 1030);
	assert_int_equal(gesture_tick(&g, 1029), GESTURE_NONE);
	assert_int_equal(gesture_tick(&g, 1030), GESTURE_SHORT);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void bounce_that_settles_back_changes_nothing(void **state)
{
	struct gesture_tracker g = tracker(0);
	(void)state;

	gesture_edge(&g, true, 1000);
	gesture_edge(&g, false, 1005);
	assert_int_equal(gesture_deadline(&g), 1030);
	gesture_edge(&g, true, 1009);
	/* Back down: nothing waits to settle, only the long press deadline. */
	assert_int_equal(gesture_deadline(&g), 1700);
	assert_int_equal(gesture_tick(&g, 1700), GESTURE_LONG);
}

static void repeated_edges_are_ignored(void **state)
{
	struct gesture_tracker g = tracker(0);
	(void)state;

	assert_int_equal(gesture_edge(&g, false, 100), GESTURE_NONE);
	gesture_edge(&g, true, 200);
	assert_int_equal(gesture_edge(&g, true, 300), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 400), GESTURE_SHORT);
}

static void names(void **state)
{
	(void)state;
	assert_string_equal(gesture_name(GESTURE_SHORT), "short");
	assert_string_equal(gesture_name(GESTURE_LONG), "long");
	assert_string_equal(gesture_name(GESTURE_DOUBLE), "double");
}

/* With a limit (touch): a long press counts at the release; held past the limit, nothing. */
static struct gesture_tracker limited(int double_ms)
{
	struct gesture_tracker g;
	struct gesture_timing t = timing;

	t.double_ms = double_ms;
	t.limit_ms = 10000;
	gesture_init(&g, &t);
	return g;
}

static void limited_hold_counts_at_release(void **state)
{
	struct gesture_tracker g = limited(350);
	(void)state;

	assert_int_equal(gesture_edge(&g, true, 1000), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), -1); /* nothing due while held */
	assert_int_equal(gesture_tick(&g, 3000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 3000), GESTURE_LONG);
	assert_int_equal(gesture_deadline(&g), -1);
	/* Just under the limit is still a long press. */
	assert_int_equal(gesture_edge(&g, true, 5000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 14999), GESTURE_LONG);
}

static void limited_tap_and_double_as_always(void **state)
{
	struct gesture_tracker g = limited(350);
	(void)state;

	gesture_edge(&g, true, 0);
	assert_int_equal(gesture_edge(&g, false, 100), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), 450);
	assert_int_equal(gesture_tick(&g, 450), GESTURE_SHORT);
	gesture_edge(&g, true, 1000);
	gesture_edge(&g, false, 1100);
	gesture_edge(&g, true, 1300);
	assert_int_equal(gesture_edge(&g, false, 1400), GESTURE_DOUBLE);
	assert_int_equal(gesture_deadline(&g), -1);
}

static void resting_palm_is_no_press(void **state)
{
	struct gesture_tracker g = limited(350);
	(void)state;

	gesture_edge(&g, true, 0);
	assert_int_equal(gesture_tick(&g, 60000), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 10000), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), -1);
	/* A tap right after the palm lifts is a tap of its own, not the end of a double. */
	gesture_edge(&g, true, 10100);
	assert_int_equal(gesture_edge(&g, false, 10200), GESTURE_NONE);
	assert_int_equal(gesture_tick(&g, 10550), GESTURE_SHORT);
}

/* A hold that starts in a tap's double window is one gesture with it (a long press, on a button);
 * when that hold is a resting palm, the pair is nothing. */
static void tap_then_palm_is_nothing(void **state)
{
	struct gesture_tracker g = limited(350);
	(void)state;

	gesture_edge(&g, true, 0);
	gesture_edge(&g, false, 100);
	assert_int_equal(gesture_edge(&g, true, 300), GESTURE_NONE);
	assert_int_equal(gesture_edge(&g, false, 20300), GESTURE_NONE);
	assert_int_equal(gesture_deadline(&g), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_press_waits_for_double_window),
		cmocka_unit_test(short_press_is_immediate_without_doubles),
		cmocka_unit_test(long_press_fires_while_held_and_release_is_silent),
		cmocka_unit_test(late_release_still_counts_as_long),
		cmocka_unit_test(double_press),
		cmocka_unit_test(second_press_after_window_is_two_shorts),
		cmocka_unit_test(bounce_is_ignored),
		cmocka_unit_test(quick_tap_is_a_short_press),
		cmocka_unit_test(bounce_that_settles_back_changes_nothing),
		cmocka_unit_test(repeated_edges_are_ignored),
		cmocka_unit_test(names),
		cmocka_unit_test(limited_hold_counts_at_release),
		cmocka_unit_test(limited_tap_and_double_as_always),
		cmocka_unit_test(resting_palm_is_no_press),
		cmocka_unit_test(tap_then_palm_is_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
