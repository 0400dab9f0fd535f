/* SPDX-License-Identifier: MIT */
/* Unit tests of backlight control against a fake sysfs folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "backlight.h"

static char root[64];

static void put(const char *dev, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, dev);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%s/%s", root, dev, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static long get(const char *dev)
{
	char path[256], buf[32] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/brightness", root, dev);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	return strtol(buf, NULL, 10);
}

static int make_root(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/calm-backlight-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int remove_root(void **state)
{
	char cmd[128];
	(void)state;

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void sets_percent_of_max_and_restores(void **state)
{
	char msg[256];
	struct backlight *b;
	(void)state;

	put("rpi_backlight", "max_brightness", "255\n");
	put("rpi_backlight", "brightness", "200\n");
	b = backlight_open(root, msg, sizeof(msg));
	assert_non_null(b);
	assert_string_equal(msg, "");
	assert_int_equal(backlight_set(b, 100, msg, sizeof(msg)), 0);
	assert_int_equal(get("rpi_backlight"), 255);
	assert_int_equal(backlight_set(b, 15, msg, sizeof(msg)), 0);
	assert_int_equal(get("rpi_backlight"), 38);
	/* A tiny percentage never rounds down to off; 0 is off. */
	assert_int_equal(backlight_set(b, 0, msg, sizeof(msg)), 0);
	assert_int_equal(get("rpi_backlight"), 0);
	backlight_close(b);
	assert_int_equal(get("rpi_backlight"), 200);
}

static void low_percent_stays_on(void **state)
{
	char msg[256];
	struct backlight *b;
	(void)state;

	put("panel", "max_brightness", "7\n");
	put("panel", "brightness", "7\n");
	b = backlight_open(root, msg, sizeof(msg));
	assert_non_null(b);
	assert_int_equal(backlight_set(b, 1, msg, sizeof(msg)), 0);
	assert_int_equal(get("panel"), 1);
	backlight_close(b);
}

static void none_is_quiet(void **state)
{
	char msg[256] = "x";
	(void)state;

	assert_null(backlight_open("/nonexistent/backlight", msg, sizeof(msg)));
	assert_string_equal(msg, "");
	assert_null(backlight_open(root, msg, sizeof(msg))); /* an empty class folder */
	assert_string_equal(msg, "");
	backlight_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(sets_percent_of_max_and_restores, make_root,
						remove_root),
		cmocka_unit_test_setup_teardown(low_percent_stays_on, make_root, remove_root),
		cmocka_unit_test_setup_teardown(none_is_quiet, make_root, remove_root),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
