/* SPDX-License-Identifier: MIT */
/* What the app's ways of running share (app.c): where the shipped assets are found, with a
 * path that does not fit refused rather than cut short. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app.h"
#include "reload.h"

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

/* A reload (SIGHUP) makes a new device: it must still know what the log knows, such as an
 * appreciation left for the next person. */
static void a_reload_keeps_an_appreciation_waiting(void **state)
{
	static struct app app = {.pattern = -1};
	struct device_output out = {0};
	char dir[] = "/tmp/calm-reload-XXXXXX", conf[64], db[64];
	FILE *f;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(conf, sizeof(conf), "%s/calm.conf", dir);
	snprintf(db, sizeof(db), "%s/events.db", dir);
	f = fopen(conf, "w");
	assert_non_null(f);
	fputs("[breathe]\ncheckin = false\n", f);
	fclose(f);
	app.opt.config_path = conf;
	app.opt.db_path = db;
	assert_int_equal(app_load_config(&app), 0);
	assert_int_equal(app_load_deck(&app), 0);
	assert_int_equal(app_make_device(&app), 0);
	assert_int_equal(app_open_log(&app, true), 0);
	/* A double press of the main button leaves an appreciation on the clock. */
	device_edge(app.dev, 0, true, 1000, &out);
	device_edge(app.dev, 0, false, 1080, &out);
	device_edge(app.dev, 0, true, 1200, &out);
	device_edge(app.dev, 0, false, 1280, &out);
	device_tick(app.dev, 2000, &out);
	app_record(&app, &out, 2000, false);
	assert_true(device_view(app.dev, 2000).appreciation_waiting);

	reload_settings(&app, NULL);
	assert_true(device_view(app.dev, 3000).appreciation_waiting);

	device_free(app.dev);
	deck_free(app.deck);
	logqueue_close(app.log);
	unlink(conf);
	unlink(db);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_deck_folder_is_the_shipped_prompts_by_default),
		cmocka_unit_test(a_deck_folder_that_does_not_fit_is_refused),
		cmocka_unit_test(a_reload_keeps_an_appreciation_waiting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
