/* SPDX-License-Identifier: MIT */
/* What the app's ways of running share (app.c): where the shipped assets are found, with a
 * path that does not fit refused rather than cut short. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"

static void the_deck_folder_is_the_shipped_prompts_by_default(void **state)
{
	static struct app app;
	char dir[4096];

	(void)state;
	assert_int_equal(app_deck_dir(&app, dir, sizeof(dir)), 0);
	assert_true(strlen(dir) > strlen("/prompts"));
	assert_string_equal(dir + strlen(dir) - strlen("/prompts"), "/prompts");
}

/* Every buffer too short for the folder: refused, nothing written past its end, and never a
 * path cut short that would name some other folder. */
static void a_deck_folder_that_does_not_fit_is_refused(void **state)
{
	static struct app app;
	char whole[4096], dir[4096 + 1];

	(void)state;
	assert_int_equal(app_deck_dir(&app, whole, sizeof(whole)), 0);
	for (size_t len = 1; len <= strlen(whole); len++) {
		memset(dir, 'X', sizeof(dir));
		assert_int_equal(app_deck_dir(&app, dir, len), -1);
		assert_int_equal(dir[len], 'X');
		assert_string_equal(dir, "");
	}
	snprintf(app.cfg.deck_dir, sizeof(app.cfg.deck_dir), "/home/ana/decks");
	assert_int_equal(app_deck_dir(&app, dir, 8), -1);
	assert_int_equal(app_deck_dir(&app, dir, 16), 0);
	assert_string_equal(dir, "/home/ana/decks");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_deck_folder_is_the_shipped_prompts_by_default),
		cmocka_unit_test(a_deck_folder_that_does_not_fit_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
