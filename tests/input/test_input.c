/* SPDX-License-Identifier: MIT */
/* Unit tests of the input layer's SDL side, with made-up events (no video needed): event
 * times, keys by name, touches and clicks as button edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>

#include <linux/input-event-codes.h>

#include "eventtime.h"
#include "gesture.h"
#include "keys.h"
#include "keystamps.h"
#include "touch.h"

static void event_time_is_its_age_before_now(void **state)
{
	(void)state;
	/* Stamped 40 ms before SDL's now: 40 ms before ours. */
	assert_int_equal(eventtime_ms(1000, 1040, 5000000), 4999960);
	/* Across the wrap of SDL's 32-bit tick count. */
	assert_int_equal(eventtime_ms(0xfffffff0u, 0x10u, 5000000), 5000000 - 0x20);
	/* No stamp, or a stamp after now (the two clocks read a moment apart): now. */
	assert_int_equal(eventtime_ms(0, 1040, 5000000), 5000000);
	assert_int_equal(eventtime_ms(1041, 1040, 5000000), 5000000);
}

/* The clock scenario's keys on a busy emulated machine: a 3.5 s hold released at 3500, a tap
 * at 4600-4700, all three read by SDL at one instant (5000, a frame that took long). */
static enum gesture tap_after_hold(const int64_t t[3])
{
	struct gesture_timing timing = {.debounce_ms = 30, .long_ms = 700, .double_ms = 350};
	struct gesture_tracker g;
	enum gesture got = GESTURE_NONE;

	gesture_init(&g, &timing);
	gesture_edge(&g, true, 0);
	assert_int_equal(gesture_tick(&g, 700), GESTURE_LONG);
	assert_int_equal(gesture_edge(&g, false, t[0]), GESTURE_NONE);
	gesture_edge(&g, true, t[1]);
	gesture_edge(&g, false, t[2]);
	for (int64_t now = 5000; now < 7000 && got == GESTURE_NONE; now += 10)
		got = gesture_tick(&g, now);
	return got;
}

static void keys_take_the_kernel_time_of_their_twin(void **state)
{
	struct keystamps k;
	int64_t read_at_once[3] = {5000, 5000, 5000}, twins[3];
	(void)state;

	/* By SDL's time the tap is lost: its press is "bounce" after the hold's release. */
	assert_int_equal(tap_after_hold(read_at_once), GESTURE_NONE);

	keystamps_init(&k);
	keystamps_add(&k, KEY_SPACE, false, 3500);
	keystamps_add(&k, KEY_A, true, 3550); /* another key in between stays in its place */
	keystamps_add(&k, KEY_SPACE, true, 4600);
	keystamps_add(&k, KEY_SPACE, false, 4700);
	twins[0] = keystamps_take(&k, KEY_SPACE, false, 5000);
	twins[1] = keystamps_take(&k, KEY_SPACE, true, 5000);
	twins[2] = keystamps_take(&k, KEY_SPACE, false, 5000);
	assert_int_equal(twins[0], 3500);
	assert_int_equal(twins[1], 4600);
	assert_int_equal(twins[2], 4700);
	assert_int_equal(tap_after_hold(twins), GESTURE_SHORT);
	assert_int_equal(k.n, 1);
	assert_int_equal(keystamps_take(&k, KEY_A, true, 5000), 3550);
	assert_int_equal(k.n, 0);

	/* No twin (a key the waiter did not see): SDL's own time. */
	assert_int_equal(keystamps_take(&k, KEY_SPACE, true, 6000), 6000);
	/* A twin a little after SDL's time (the two clocks' whole ms) is still its twin, and the
	 * time is never later than SDL's. */
	keystamps_add(&k, KEY_SPACE, true, 6005);
	assert_int_equal(keystamps_take(&k, KEY_SPACE, true, 6000), 6000);
	assert_int_equal(k.n, 0);
	/* Too late to be this event's, or too old: not its twin, and left for what comes. */
	keystamps_add(&k, KEY_SPACE, true, 7000);
	assert_int_equal(keystamps_take(&k, KEY_SPACE, true, 6500), 6500);
	assert_int_equal(k.n, 1);
	assert_int_equal(keystamps_take(&k, KEY_SPACE, true, 7000 + KEYSTAMPS_OLDEST_MS + 1),
			 7000 + KEYSTAMPS_OLDEST_MS + 1);
	/* Two presses read at once: SDL gives the first first, and that is the oldest. */
	keystamps_init(&k);
	keystamps_add(&k, KEY_ENTER, true, 100);
	keystamps_add(&k, KEY_ENTER, false, 200);
	keystamps_add(&k, KEY_ENTER, true, 900);
	assert_int_equal(keystamps_take(&k, KEY_ENTER, true, 950), 100);
	assert_int_equal(keystamps_take(&k, KEY_ENTER, false, 950), 200);
	assert_int_equal(keystamps_take(&k, KEY_ENTER, true, 950), 900);
	/* A release SDL never gave (it read a device plugged in after the waiter did) goes with
	 * the twin after it. */
	keystamps_init(&k);
	keystamps_add(&k, KEY_ENTER, false, 200);
	keystamps_add(&k, KEY_ENTER, true, 900);
	assert_int_equal(keystamps_take(&k, KEY_ENTER, true, 950), 900);
	assert_int_equal(k.n, 0);

	/* Full: the oldest goes. */
	keystamps_init(&k);
	for (int i = 0; i < KEYSTAMPS_MAX + 5; i++)
		keystamps_add(&k, KEY_B, i % 2 == 0, i);
	assert_int_equal(k.n, KEYSTAMPS_MAX);
	assert_int_equal(k.e[0].t_ms, 5);
}

static void key_codes_of_the_usual_keys(void **state)
{
	(void)state;
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_SPACE), KEY_SPACE);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_RETURN), KEY_ENTER);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_KP_ENTER), KEY_KPENTER);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_1), KEY_1);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_0), KEY_0);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_Q), KEY_Q);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_M), KEY_M);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_UP), KEY_UP);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_F12), KEY_F12);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_UNKNOWN), -1);
	assert_int_equal(keystamps_linux_code(SDL_SCANCODE_APPLICATION), -1);
}

static SDL_Keysym keysym(SDL_Keycode sym, SDL_Scancode sc)
{
	SDL_Keysym k = {.scancode = sc, .sym = sym};

	return k;
}

static int keymap_button_of(const struct keymap *m, const SDL_Keysym *k, const char **name)
{
	return keymap_button(m, k->sym, k->scancode, name);
}

static void default_keys(void **state)
{
	struct keymap m;
	const char *name;
	SDL_Keysym k;
	(void)state;

	keymap_defaults(&m);
	k = keysym(SDLK_SPACE, SDL_SCANCODE_SPACE);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
	assert_string_equal(name, "Space");
	k = keysym(SDLK_KP_ENTER, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
	assert_string_equal(name, "Keypad Enter");
	k = keysym(SDLK_RETURN, SDL_SCANCODE_RETURN);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
	k = keysym(SDLK_3, SDL_SCANCODE_3);
	assert_int_equal(keymap_button_of(&m, &k, &name), 2);
	assert_string_equal(name, "3");
	k = keysym(SDLK_a, SDL_SCANCODE_A);
	assert_int_equal(keymap_button_of(&m, &k, &name), -1);
}

static void own_keys_replace_the_defaults_and_win(void **state)
{
	static const char own[][PRESS_SOURCE_MAX + 1] = {"F13", "pagedown", "b"};
	static const char space[][PRESS_SOURCE_MAX + 1] = {"Space"};
	struct keymap m;
	const char *name;
	char msg[200];
	SDL_Keysym k;
	(void)state;

	keymap_defaults(&m);
	assert_int_equal(keymap_set(&m, 0, own, 3, msg, sizeof(msg)), 0);
	k = keysym(SDLK_F13, SDL_SCANCODE_F13);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
	assert_string_equal(name, "F13");
	k = keysym(SDLK_PAGEDOWN, SDL_SCANCODE_PAGEDOWN);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0); /* names in any case */
	assert_string_equal(name, "PageDown");
	k = keysym(SDLK_b, SDL_SCANCODE_B);
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
	/* The first button's defaults are gone. */
	k = keysym(SDLK_SPACE, SDL_SCANCODE_SPACE);
	assert_int_equal(keymap_button_of(&m, &k, &name), -1);
	/* Space given to the third button, while "1" stays the first's default no more. */
	assert_int_equal(keymap_set(&m, 2, space, 1, msg, sizeof(msg)), 0);
	assert_int_equal(keymap_button_of(&m, &k, &name), 2);
	k = keysym(SDLK_2, SDL_SCANCODE_2);
	assert_int_equal(keymap_button_of(&m, &k, &name), 1);
}

static void unknown_key_names_are_refused(void **state)
{
	static const char bad[][PRESS_SOURCE_MAX + 1] = {"Space", "Spcae"};
	struct keymap m;
	const char *name;
	char msg[200];
	SDL_Keysym k = keysym(SDLK_SPACE, SDL_SCANCODE_SPACE);
	(void)state;

	keymap_defaults(&m);
	assert_int_equal(keymap_set(&m, 0, bad, 2, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "'Spcae' is not a key name SDL knows"));
	/* Nothing changed. */
	assert_int_equal(keymap_button_of(&m, &k, &name), 0);
}

static SDL_Event finger(Uint32 type, SDL_TouchID touch, SDL_FingerID id, float x, float y)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.tfinger.type = type;
	ev.tfinger.touchId = touch;
	ev.tfinger.fingerId = id;
	ev.tfinger.x = x;
	ev.tfinger.y = y;
	return ev;
}

static SDL_Event click(Uint32 type, Uint32 which, Uint8 button, int x, int y)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.button.type = type;
	ev.button.which = which;
	ev.button.button = button;
	ev.button.x = x;
	ev.button.y = y;
	return ev;
}

static void a_touch_counts_once(void **state)
{
	struct touch_input t;
	SDL_Event ev;
	int button = -1;
	bool down = false;
	(void)state;

	touch_input_init(&t, true, 0, 1);
	touch_input_resize(&t, 800, 480);
	ev = finger(SDL_FINGERDOWN, 3, 0, 0.5f, 0.5f);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_int_equal(button, 0);
	assert_true(down);
	/* The click SDL makes of that touch is not a second press. */
	ev = click(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, SDL_BUTTON_LEFT, 400, 240);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
	ev = click(SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, SDL_BUTTON_LEFT, 400, 240);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
	ev = finger(SDL_FINGERUP, 3, 0, 0.5f, 0.5f);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_false(down);
	/* Nor is the touch SDL makes of a click; the click itself is. */
	ev = finger(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, 0.5f, 0.5f);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
	ev = click(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, 400, 240);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_true(down);
	/* The right button is not a press. */
	ev = click(SDL_MOUSEBUTTONUP, 0, SDL_BUTTON_RIGHT, 400, 240);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
	ev = click(SDL_MOUSEBUTTONUP, 0, SDL_BUTTON_LEFT, 400, 240);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_false(down);
}

/* Clicks in window pixels and fingers (0 to 1) land in the same zones, turned pictures too. */
static void zones_by_click_and_by_finger(void **state)
{
	struct touch_input t;
	SDL_Event ev;
	int button = -1;
	bool down;
	(void)state;

	touch_input_init(&t, true, 0, 2);
	touch_input_resize(&t, 800, 480);
	ev = click(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, 600, 100);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_int_equal(button, 1);
	/* Released over the other half: still the button it went down on. */
	ev = click(SDL_MOUSEBUTTONUP, 0, SDL_BUTTON_LEFT, 100, 100);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_int_equal(button, 1);
	/* A 480x800 panel turned 270 to a landscape picture: its bottom is the picture's left. */
	touch_input_init(&t, true, 270, 2);
	touch_input_resize(&t, 480, 800);
	ev = finger(SDL_FINGERDOWN, 3, 1, 0.5f, 0.9f);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_int_equal(button, 0);
	ev = finger(SDL_FINGERUP, 3, 1, 0.5f, 0.9f);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	ev = click(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, 240, 100);
	assert_true(touch_input_edge(&t, &ev, &button, &down));
	assert_int_equal(button, 1);
}

static void touch_off_is_nothing(void **state)
{
	struct touch_input t;
	SDL_Event ev = finger(SDL_FINGERDOWN, 3, 0, 0.5f, 0.5f);
	int button;
	bool down;
	(void)state;

	touch_input_init(&t, false, 0, 1);
	touch_input_resize(&t, 800, 480);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
	ev = click(SDL_MOUSEBUTTONDOWN, 0, SDL_BUTTON_LEFT, 10, 10);
	assert_false(touch_input_edge(&t, &ev, &button, &down));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(event_time_is_its_age_before_now),
		cmocka_unit_test(keys_take_the_kernel_time_of_their_twin),
		cmocka_unit_test(key_codes_of_the_usual_keys),
		cmocka_unit_test(default_keys),
		cmocka_unit_test(own_keys_replace_the_defaults_and_win),
		cmocka_unit_test(unknown_key_names_are_refused),
		cmocka_unit_test(a_touch_counts_once),
		cmocka_unit_test(zones_by_click_and_by_finger),
		cmocka_unit_test(touch_off_is_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
