/* Unit tests of config reading: defaults, good files, and problems named by file, line and key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"

struct problems {
	int count;
	char text[8][256];
};

static void collect(void *user, const char *file, int line, const char *key, const char *problem)
{
	struct problems *p = user;

	if (p->count < 8)
		snprintf(p->text[p->count], sizeof(p->text[0]), "%s:%d: %s: %s",
			 strrchr(file, '/') + 1, line, key ? key : "-", problem);
	p->count++;
}

/* Writes text to a fresh file named name in a temporary folder; returns its path (static). */
static const char *write_conf(const char *name, const char *text)
{
	static char dir[64], path[128];
	FILE *f;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/calm-config-XXXXXX");
		assert_non_null(mkdtemp(dir));
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void defaults_run_the_app(void **state)
{
	struct config c;
	struct device_config d;
	(void)state;

	config_defaults(&c);
	assert_int_equal(c.width, 800);
	assert_int_equal(c.height, 480);
	assert_int_equal(c.n_buttons, 1);
	assert_string_equal(c.buttons[0].name, "main");
	config_device(&c, &d);
	assert_int_equal(d.buttons[0].on[GESTURE_SHORT], ACTION_BREATHE);
	assert_int_equal(d.buttons[0].on[GESTURE_LONG], ACTION_PROMPT);
	assert_int_equal(d.pattern.phases[0].ms, 5500);
	assert_int_equal(d.pattern.phases[1].ms, 5500);
	assert_int_equal(d.session_ms, 5 * 60000);
}

static void missing_optional_file_is_fine(void **state)
{
	struct config c;
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, "/nonexistent/calm.conf", true, collect, NULL), 0);
	assert_int_equal(config_load(&c, "/nonexistent/calm.conf", false, collect, NULL), -1);
}

static void good_file_overrides_defaults(void **state)
{
	struct problems p = {0};
	struct config c;
	struct device_config d;
	const char *path = write_conf("good.conf", "# comment\n"
						   "[display]\n"
						   "size = 480x320\n"
						   "fullscreen = yes\n"
						   "clock = 12\n"
						   "[breathe]\n"
						   "inhale_seconds = 4\n"
						   "exhale_seconds = 6.25\n"
						   "session_minutes = 8\n"
						   "[buttons]\n"
						   "long_press_ms = 900\n"
						   "[button main]\n"
						   "double = prompt\n"
						   "[button second]\n"
						   "short = prompt\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_int_equal(p.count, 0);
	assert_int_equal(c.width, 480);
	assert_int_equal(c.height, 320);
	assert_true(c.fullscreen);
	assert_false(c.clock_24h);
	assert_int_equal(c.n_buttons, 2);
	config_device(&c, &d);
	assert_int_equal(d.pattern.phases[0].ms, 4000);
	assert_int_equal(d.pattern.phases[1].ms, 6250);
	assert_int_equal(d.session_ms, 8 * 60000);
	assert_int_equal(d.timing.long_ms, 900);
	assert_int_equal(d.buttons[0].on[GESTURE_SHORT], ACTION_BREATHE);
	assert_int_equal(d.buttons[0].on[GESTURE_DOUBLE], ACTION_PROMPT);
	assert_string_equal(d.buttons[1].name, "second");
	assert_int_equal(d.buttons[1].on[GESTURE_SHORT], ACTION_PROMPT);
	assert_int_equal(d.buttons[1].on[GESTURE_LONG], ACTION_NONE);
}

static void every_problem_is_named_with_its_line(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("bad.conf", "[display]\n"
						  "sise = 800x480\n"
						  "size = 800by480\n"
						  "[breathe]\n"
						  "inhale_seconds = -3\n"
						  "[colours]\n"
						  "sky = blue\n"
						  "[button main]\n"
						  "short = dance\n"
						  "this line has no equals sign\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 6);
	assert_string_equal(p.text[0], "bad.conf:2: sise: unknown key in [display] (known: size, "
				       "fullscreen, font, clock)");
	assert_string_equal(
		p.text[1], "bad.conf:3: size: '800by480': expected WIDTHxHEIGHT, each 240 to 4096");
	assert_string_equal(p.text[2],
			    "bad.conf:5: inhale_seconds: '-3': expected seconds from 1 to 20");
	assert_non_null(strstr(p.text[3], "bad.conf:7: sky: unknown section [colours]"));
	assert_string_equal(p.text[4], "bad.conf:9: short: 'dance': expected breathe, prompt, end "
				       "or none");
	assert_non_null(strstr(p.text[5], "bad.conf:10: -: not 'key = value'"));
	/* The good values before a bad one are kept; bad ones leave the default. */
	assert_int_equal(c.width, 800);
	assert_int_equal(c.inhale_ms, 5500);
}

static void too_many_buttons(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("many.conf", "[button a]\nshort = none\n"
						   "[button b]\nshort = none\n"
						   "[button c]\nshort = none\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 1);
	assert_string_equal(p.text[0], "many.conf:6: short: [button c]: at most 3 buttons");
}

static void sizes(void **state)
{
	int w = 0, h = 0;
	(void)state;

	assert_true(config_parse_size("1280x800", &w, &h));
	assert_int_equal(w, 1280);
	assert_int_equal(h, 800);
	assert_false(config_parse_size("100x100", &w, &h));
	assert_false(config_parse_size("800x480x2", &w, &h));
	assert_false(config_parse_size("wide", &w, &h));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_run_the_app),
		cmocka_unit_test(missing_optional_file_is_fine),
		cmocka_unit_test(good_file_overrides_defaults),
		cmocka_unit_test(every_problem_is_named_with_its_line),
		cmocka_unit_test(too_many_buttons),
		cmocka_unit_test(sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
