/* SPDX-License-Identifier: MIT */
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
#include "config_table.h"

#define PATTERNS CALM_SOURCE_DIR "/assets/patterns.conf"

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
	assert_int_equal(c.dev.n_buttons, 1);
	assert_string_equal(c.dev.buttons[0].name, "main");
	assert_int_equal(config_load(&c, PATTERNS, false, collect, NULL), 0);
	config_device(&c, &d);
	assert_int_equal(d.buttons[0].on[GESTURE_SHORT], ACTION_BREATHE);
	assert_int_equal(d.buttons[0].on[GESTURE_LONG], ACTION_PROMPT);
	assert_int_equal(d.patterns.count, 8);
	assert_string_equal(d.patterns.items[d.default_pattern].name, "resonance");
	assert_int_equal(d.patterns.items[d.default_pattern].phases[0].ms, 5500);
	assert_int_equal(d.patterns.items[d.default_pattern].phases[1].ms, 5500);
	assert_string_equal(d.patterns.items[d.together_pattern].name, "together");
	assert_int_equal(d.session_minutes, 0);
	assert_true(d.checkin);
	assert_true(d.press_pauses);
	assert_true(d.offer_prompt);
}

static void shipped_patterns_are_the_issue_defaults(void **state)
{
	struct config c;
	const struct breath_pattern *p;
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, PATTERNS, false, collect, NULL), 0);
	p = pattern_find(&c.dev.patterns, "sigh");
	assert_int_equal(p->n_phases, 3);
	assert_int_equal(p->phases[1].kind, PHASE_TOPUP);
	assert_int_equal(p->minutes, 5);
	p = pattern_find(&c.dev.patterns, "478");
	assert_int_equal(breath_cycle_ms(p), 19000);
	assert_int_equal(p->cycles, 4);
	p = pattern_find(&c.dev.patterns, "box");
	assert_int_equal(p->phases[3].kind, PHASE_HOLD_OUT);
	p = pattern_find(&c.dev.patterns, "exhale");
	assert_int_equal(p->phases[1].ms, 6000);
	p = pattern_find(&c.dev.patterns, "sleep");
	assert_int_equal(p->start_cycle_ms, 5455);
	assert_int_equal(breath_cycle_ms(p), 10000);
	assert_int_equal(p->phases[1].ms * 2, p->phases[0].ms * 3);
	assert_true(p->fade);
	assert_int_equal(pattern_find(&c.dev.patterns, "sleep20")->minutes, 20);
	p = pattern_find(&c.dev.patterns, "together");
	assert_true(p->invite[0] != '\0');
	assert_int_equal(p->ramp_ms, 180000);
	for (int i = 0; i < c.dev.patterns.count; i++)
		assert_true(c.dev.patterns.items[i].source[0] != '\0');
}

static void bad_patterns_are_named_and_leave_the_built_ins_working(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("patterns.conf", "[pattern resonance]\n"
						       "phases = inhale -4, exhale 5\n"
						       "[pattern weird]\n"
						       "label = Weird\n"
						       "phases = inhale 4, hold 2\n"
						       "[pattern nothing]\n"
						       "label = Nothing\n"
						       "[pattern sniff]\n"
						       "phases = inhale 2, sniff 1, exhale 4\n"
						       "[pattern slow]\n"
						       "phases = inhale 5, exhale 7\n"
						       "[breathe]\n"
						       "pattern = nosuch\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, PATTERNS, false, collect, NULL), 0);
	assert_int_equal(config_load(&c, path, false, collect, &p), 5);
	assert_string_equal(p.text[0], "patterns.conf:2: phases: inhale -4: a phase lasts 0.5 to "
				       "30 seconds");
	assert_string_equal(p.text[1], "patterns.conf:4: phases: pattern 'weird' needs an inhale "
				       "and an exhale");
	assert_string_equal(p.text[2], "patterns.conf:7: phases: pattern 'nothing' has no phases");
	assert_string_equal(p.text[3],
			    "patterns.conf:9: phases: unknown phase 'sniff': use inhale, "
			    "topup, hold or exhale");
	assert_string_equal(p.text[4], "patterns.conf:13: pattern: no pattern named 'nosuch'");
	assert_int_equal(c.pattern_problems, 4);
	/* The built-in resonance is untouched; the good new pattern is in. */
	assert_int_equal(pattern_find(&c.dev.patterns, "resonance")->phases[0].ms, 5500);
	assert_null(pattern_find(&c.dev.patterns, "weird"));
	assert_null(pattern_find(&c.dev.patterns, "sniff"));
	assert_int_equal(pattern_find(&c.dev.patterns, "slow")->phases[1].ms, 7000);
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
						   "pattern = box\n"
						   "minutes = 8\n"
						   "press = end\n"
						   "checkin = false\n"
						   "checkin_answers = calm , okay,tense\n"
						   "prompt_after = no\n"
						   "settle_seconds = 3\n"
						   "[pattern resonance]\n"
						   "rate = 6\n"
						   "[buttons]\n"
						   "long_press_ms = 900\n"
						   "[button main]\n"
						   "double = prompt\n"
						   "[button second]\n"
						   "short = together\n"
						   "long = breathe:sigh\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, PATTERNS, false, collect, &p), 0);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_int_equal(p.count, 0);
	assert_int_equal(c.width, 480);
	assert_int_equal(c.height, 320);
	assert_true(c.fullscreen);
	assert_false(c.clock_24h);
	assert_int_equal(c.dev.n_buttons, 2);
	config_device(&c, &d);
	assert_string_equal(d.patterns.items[d.default_pattern].name, "box");
	assert_int_equal(breath_cycle_ms(pattern_find(&d.patterns, "resonance")), 10000);
	assert_int_equal(d.session_minutes, 8);
	assert_false(d.press_pauses);
	assert_false(d.checkin);
	assert_false(d.offer_prompt);
	assert_int_equal(d.settle_ms, 3000);
	assert_int_equal(d.n_answers, 3);
	assert_string_equal(d.answers[1], "okay");
	assert_string_equal(d.answers[2], "tense");
	assert_int_equal(d.timing.long_ms, 900);
	assert_int_equal(d.buttons[0].on[GESTURE_SHORT], ACTION_BREATHE);
	assert_int_equal(d.buttons[0].on[GESTURE_DOUBLE], ACTION_PROMPT);
	assert_string_equal(d.buttons[1].name, "second");
	assert_int_equal(d.buttons[1].on[GESTURE_SHORT], ACTION_TOGETHER);
	assert_int_equal(d.buttons[1].on[GESTURE_LONG], ACTION_BREATHE);
	assert_int_equal(d.buttons[1].pattern[GESTURE_LONG] - 1,
			 pattern_index(&d.patterns, "sigh"));
	assert_int_equal(d.buttons[0].pattern[GESTURE_SHORT], 0);
}

static void every_problem_is_named_with_its_line(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("bad.conf", "[display]\n"
						  "sise = 800x480\n"
						  "size = 800by480\n"
						  "[breathe]\n"
						  "minutes = forever\n"
						  "[colours]\n"
						  "sky = blue\n"
						  "[button main]\n"
						  "short = dance\n"
						  "this line has no equals sign\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 6);
	assert_string_equal(p.text[0], "bad.conf:2: sise: unknown key in [display] (known: size, "
				       "fullscreen, font, clock, brightness, language, rotation)");
	assert_string_equal(
		p.text[1], "bad.conf:3: size: '800by480': expected WIDTHxHEIGHT, each 240 to 4096");
	assert_string_equal(p.text[2], "bad.conf:5: minutes: 'forever': expected 'pattern' or "
				       "minutes from 1 to 60");
	assert_non_null(strstr(p.text[3], "bad.conf:7: sky: unknown section [colours]"));
	assert_string_equal(
		p.text[4],
		"bad.conf:9: short: 'dance': expected breathe, "
		"breathe:PATTERN, together, prompt, appreciation, history, who, wake, sleep, "
		"sound, settime, end or none");
	assert_non_null(strstr(p.text[5], "bad.conf:10: -: not 'key = value'"));
	/* The good values before a bad one are kept; bad ones leave the default. */
	assert_int_equal(c.width, 800);
	assert_int_equal(c.dev.session_minutes, 0);
}

static void language_is_a_code_or_empty(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path;
	(void)state;

	config_defaults(&c);
	assert_string_equal(c.language, "");
	path = write_conf("lang.conf", "[display]\nlanguage = pt_BR\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_string_equal(c.language, "pt_BR");
	/* a bad one is named and changes nothing */
	path = write_conf("badlang.conf", "[display]\nlanguage = es_ES.UTF-8\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 1);
	assert_string_equal(p.text[0], "badlang.conf:2: language: 'es_ES.UTF-8': use a language "
				       "code such as es, pt_BR or sr@latin, or leave it empty");
	assert_string_equal(c.language, "pt_BR");
	path = write_conf("nolang.conf", "[display]\nlanguage =\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_string_equal(c.language, "");
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

static void gpio_defaults_put_main_on_gpio17(void **state)
{
	struct config c;
	(void)state;

	config_defaults(&c);
	assert_int_equal(c.gpio_use, GPIO_USE_AUTO);
	assert_string_equal(c.gpio[0].line, "GPIO17");
	assert_string_equal(c.gpio[0].chip, "");
	assert_int_equal(c.gpio[0].offset, -1);
	assert_true(c.gpio[0].active_low);
	assert_int_equal(c.gpio[0].bias, GPIO_BIAS_PULL_UP);
	assert_int_equal(c.gpio[0].debounce_ms, -1);
	/* A button added by a section has no line until it is given one. */
	for (int i = 1; i < DEVICE_MAX_BUTTONS; i++) {
		assert_string_equal(c.gpio[i].line, "");
		assert_int_equal(c.gpio[i].offset, -1);
		assert_true(c.gpio[i].active_low);
	}
}

static void gpio_keys_are_read(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("gpio.conf", "[button main]\n"
						   "line = GPIO5\n"
						   "debounce_ms = 12\n"
						   "[button second]\n"
						   "chip = gpiochip4\n"
						   "offset = 27\n"
						   "active_low = false\n"
						   "bias = pull-down\n"
						   "short = prompt\n"
						   "[button third]\n"
						   "offset = 3\n"
						   "bias = none\n"
						   "[gpio]\n"
						   "enabled = yes\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_int_equal(c.dev.n_buttons, 3);
	assert_int_equal(c.gpio_use, GPIO_USE_YES);
	assert_string_equal(c.gpio[0].line, "GPIO5");
	assert_int_equal(c.gpio[0].debounce_ms, 12);
	assert_string_equal(c.gpio[1].line, "");
	assert_string_equal(c.gpio[1].chip, "gpiochip4");
	assert_int_equal(c.gpio[1].offset, 27);
	assert_false(c.gpio[1].active_low);
	assert_int_equal(c.gpio[1].bias, GPIO_BIAS_PULL_DOWN);
	assert_int_equal(c.dev.buttons[1].on[GESTURE_SHORT], ACTION_PROMPT);
	/* An offset with no chip is on the first chip. */
	assert_string_equal(c.gpio[2].chip, "gpiochip0");
	assert_int_equal(c.gpio[2].offset, 3);
	assert_int_equal(c.gpio[2].bias, GPIO_BIAS_NONE);
	assert_true(c.gpio[2].active_low);
}

static void line_or_offset_the_last_one_counts(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("last.conf", "[button main]\n"
						   "offset = 4\n"
						   "line = GPIO6\n"
						   "[button second]\n"
						   "line = GPIO6\n"
						   "offset = 4\n"
						   "[button third]\n"
						   "line = GPIO7\n"
						   "line = none\n"
						   "[gpio]\n"
						   "enabled = no\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_string_equal(c.gpio[0].line, "GPIO6");
	assert_int_equal(c.gpio[0].offset, -1);
	assert_string_equal(c.gpio[1].line, "");
	assert_int_equal(c.gpio[1].offset, 4);
	assert_string_equal(c.gpio[2].line, "");
	assert_int_equal(c.gpio[2].offset, -1);
	assert_int_equal(c.gpio_use, GPIO_USE_NO);
}

/* A key given twice in a section with another value: the later counts (a line added at the
 * end to change a setting), and it is said, naming both lines, since a line added above the one
 * it meant to change would be lost without a word. Said, not a problem: the count is 0. The
 * same value twice (a preset uncommented over the defaults it repeats) is nothing to say. */
static void a_key_given_twice_with_another_value_is_said(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("twice.conf", "[button main]\n"
						    "line = GPIO17\n"
						    "active_low = false\n"
						    "short = breathe\n"
						    "[button main]\n"
						    "short = breathe\n"
						    "active_low = true\n"
						    "[button next]\n"
						    "active_low = false\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_int_equal(p.count, 1);
	assert_string_equal(p.text[0],
			    "twice.conf:7: active_low: given again in [button main]: "
			    "'true' here counts, not 'false' at line 3 (remove the one you "
			    "do not mean)");
	assert_true(c.gpio[0].active_low);
	assert_false(c.gpio[1].active_low);
}

static void gpio_problems_are_named_with_their_line(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("badgpio.conf", "[button main]\n"
						      "line = GPIO 17\n"
						      "chip = spi0\n"
						      "offset = -1\n"
						      "bias = up\n"
						      "active_low = maybe\n"
						      "debounce_ms = 500\n"
						      "pin = 11\n"
						      "[gpio]\n"
						      "enabled = sometimes\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 8);
	assert_string_equal(p.text[0], "badgpio.conf:2: line: 'GPIO 17': expected a line name "
				       "such as GPIO17 (see gpioinfo), or none");
	assert_string_equal(p.text[1], "badgpio.conf:3: chip: 'spi0': expected a chip such as "
				       "gpiochip0 (see gpiodetect)");
	assert_string_equal(p.text[2], "badgpio.conf:4: offset: '-1': expected the line's number "
				       "on its chip, 0 to 4095");
	assert_string_equal(p.text[3],
			    "badgpio.conf:5: bias: 'up': expected pull-up, pull-down or none");
	assert_string_equal(p.text[4],
			    "badgpio.conf:6: active_low: 'maybe': expected true or false");
	assert_string_equal(
		p.text[5],
		"badgpio.conf:7: debounce_ms: '500': expected milliseconds from 0 to 200");
	assert_non_null(strstr(p.text[6], "badgpio.conf:8: pin: unknown key in [button main] "
					  "(known: short, long, double, line, chip, offset, "
					  "active_low, bias, debounce_ms, keys)"));
	assert_string_equal(p.text[7], "badgpio.conf:10: enabled: 'sometimes': expected auto, yes "
				       "or no");
	/* Bad values leave the defaults. */
	assert_string_equal(c.gpio[0].line, "GPIO17");
	assert_string_equal(c.gpio[0].chip, "");
	assert_int_equal(c.gpio[0].offset, -1);
	assert_int_equal(c.gpio_use, GPIO_USE_AUTO);
}

/* Keys of one's own per button, and the touch screen's settings. */
static void keys_and_touch_are_read(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("keys.conf", "[touch]\n"
						   "zones = 2\n"
						   "enabled = no\n"
						   "[button main]\n"
						   "keys = Space , Keypad Enter,F13\n"
						   "[button other]\n"
						   "keys = PageDown\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(c.touch_use, TOUCH_USE_AUTO);
	assert_int_equal(c.touch_zones, 1);
	assert_int_equal(c.keys[0].n, 0); /* the default keys */
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_int_equal(c.touch_use, TOUCH_USE_NO);
	assert_int_equal(c.touch_zones, 2);
	assert_int_equal(c.keys[0].n, 3);
	assert_string_equal(c.keys[0].names[0], "Space");
	assert_string_equal(c.keys[0].names[1], "Keypad Enter");
	assert_string_equal(c.keys[0].names[2], "F13");
	assert_int_equal(c.keys[1].n, 1);
	assert_string_equal(c.keys[1].names[0], "PageDown");
}

#define KEYS_EXPECTED                                                                              \
	"expected SDL key names such as Space, Return, F13, up to 8, separated by commas"

static void keys_and_touch_problems_are_named(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("badkeys.conf", "[touch]\n"
						      "zones = 3\n"
						      "enabled = sometimes\n"
						      "zones = 4\n"
						      "swipe = yes\n"
						      "[button main]\n"
						      "keys = Space,,Return\n"
						      "keys = A,B,C,D,E,F,G,H,I\n"
						      "keys = A very long name for a key\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 7);
	assert_string_equal(p.text[0], "badkeys.conf:3: enabled: 'sometimes': expected auto, yes "
				       "or no");
	assert_string_equal(p.text[1], "badkeys.conf:4: zones: '4': expected 1, 2 or 3");
	assert_string_equal(
		p.text[2], "badkeys.conf:5: swipe: unknown key in [touch] (known: enabled, zones)");
	assert_string_equal(p.text[3], "badkeys.conf:7: keys: 'Space,,Return': " KEYS_EXPECTED);
	assert_string_equal(p.text[4], "badkeys.conf:8: keys: 'A,B,C,D,E,F,G,H,I': " KEYS_EXPECTED);
	assert_string_equal(p.text[5],
			    "badkeys.conf:9: keys: 'A very long name for a key': " KEYS_EXPECTED);
	/* Checked once the buttons are known: three zones, one button. */
	assert_string_equal(p.text[6], "badkeys.conf:2: zones: 3 zones, but 1 button: each zone "
				       "is a button, so add a [button NAME] section for each");
	assert_int_equal(c.keys[0].n, 0);
}

/* The shipped sample's three-button preset, with its ';' removed as the comment says. */
static void three_button_preset_reads(void **state)
{
	struct problems p = {0};
	struct config c;
	FILE *in = fopen(CALM_SOURCE_DIR "/assets/calm-prompt.conf", "r");
	char line[512], text[4096] = "";
	int preset_lines = 0;
	(void)state;

	assert_non_null(in);
	while (fgets(line, sizeof(line), in)) {
		if (line[0] != ';')
			continue;
		assert_true(strlen(text) + strlen(line) < sizeof(text));
		strcat(text, line + 1);
		preset_lines++;
	}
	fclose(in);
	assert_true(preset_lines >= 6);
	config_defaults(&c);
	assert_int_equal(config_load(&c, write_conf("preset.conf", text), false, collect, &p), 0);
	assert_int_equal(c.dev.n_buttons, 3);
	assert_string_equal(c.dev.buttons[0].name, "main");
	assert_string_equal(c.gpio[0].line, "GPIO17");
	assert_string_equal(c.gpio[1].line, "GPIO27");
	assert_string_equal(c.gpio[2].line, "GPIO22");
	for (int i = 0; i < 3; i++) {
		assert_true(c.gpio[i].active_low);
		assert_int_equal(c.gpio[i].bias, GPIO_BIAS_PULL_UP);
	}
}

static void log_keep_days_defaults_to_keeping_everything(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *good = write_conf("keep.conf", "[log]\ndatabase = /srv/calm/events.db\n"
						   "keep_days = 365\n");
	const char *bad;
	(void)state;

	config_defaults(&c);
	assert_int_equal(c.log_keep_days, 0);
	assert_string_equal(c.database, "");
	assert_int_equal(config_load(&c, good, false, collect, &p), 0);
	assert_int_equal(c.log_keep_days, 365);
	assert_string_equal(c.database, "/srv/calm/events.db");

	bad = write_conf("keep-bad.conf", "[log]\nkeep_days = -1\nkeep_days = 36501\n"
					  "keep_days = a year\nkeep_days = 0\nkeep = 7\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, bad, false, collect, &p), 4);
	assert_string_equal(p.text[0], "keep-bad.conf:2: keep_days: '-1': expected whole days "
				       "from 1 to 36500, or 0 to keep everything");
	assert_non_null(strstr(p.text[1], "keep-bad.conf:3: keep_days: '36501'"));
	assert_non_null(strstr(p.text[2], "keep-bad.conf:4: keep_days: 'a year'"));
	assert_string_equal(p.text[3], "keep-bad.conf:6: keep: unknown key in [log] (known: "
				       "database, keep_days)");
	assert_int_equal(c.log_keep_days, 0); /* line 5 */
}

static void night_and_ambient_keys(void **state)
{
	struct problems p = {0};
	struct config c;
	struct device_config d;
	const char *path = write_conf("night.conf", "[display]\n"
						    "brightness = 80\n"
						    "rotation = 180\n"
						    "[ambient]\n"
						    "glow = false\n"
						    "drift = no\n"
						    "[night]\n"
						    "start = 21:30\n"
						    "end = 06:45\n"
						    "screen = off\n"
						    "wake_seconds = 20\n"
						    "brightness = 5\n"
						    "[button main]\n"
						    "double = appreciation\n");
	char good_path[160];
	const char *bad;

	snprintf(good_path, sizeof(good_path), "%s", path); /* write_conf reuses its buffer */
	bad = write_conf("badnight.conf", "[night]\n"
					  "start = 25:00\n"
					  "screen = dark\n"
					  "[display]\n"
					  "rotation = 45\n");
	(void)state;
	config_defaults(&c);
	assert_true(c.ambient_glow);
	assert_int_equal(c.dev.night_start, 22 * 60);
	assert_int_equal(c.dev.buttons[0].on[GESTURE_DOUBLE], ACTION_APPRECIATION);
	assert_int_equal(config_load(&c, good_path, false, collect, &p), 0);
	assert_false(c.ambient_glow);
	assert_false(c.ambient_drift);
	assert_int_equal(c.rotation, 180);
	config_device(&c, &d);
	assert_int_equal(d.night_start, 21 * 60 + 30);
	assert_int_equal(d.night_end, 6 * 60 + 45);
	assert_true(d.night_screen_off);
	assert_int_equal(d.wake_ms, 20000);
	assert_int_equal(d.day_brightness, 80);
	assert_int_equal(d.night_brightness, 5);
	config_defaults(&c);
	assert_int_equal(config_load(&c, bad, false, collect, &p), 3);
	assert_string_equal(p.text[0], "badnight.conf:2: start: '25:00': expected a time as HH:MM");
	assert_string_equal(p.text[1], "badnight.conf:3: screen: 'dark': expected dim or off");
	assert_string_equal(p.text[2],
			    "badnight.conf:5: rotation: '45': expected 0, 90, 180 or 270");
}

static void sound_keys(void **state)
{
	struct problems p = {0};
	struct config c;
	struct device_config d;
	const char *path;
	(void)state;

	config_defaults(&c);
	config_device(&c, &d);
	assert_false(d.sound);
	path = write_conf("sound.conf", "[sound]\nenabled = true\nvolume = 40\nnight_volume = 0\n"
					"[button main]\nlong = sound\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	config_device(&c, &d);
	assert_true(d.sound);
	assert_int_equal(d.sound_volume, 40);
	assert_int_equal(d.night_sound_volume, 0);
	assert_int_equal(d.buttons[0].on[GESTURE_LONG], ACTION_SOUND);
	path = write_conf("badsound.conf", "[sound]\nenabled = loud\nvolume = 101\nbeep = 1\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 3);
	assert_string_equal(p.text[0], "badsound.conf:2: enabled: 'loud': expected true or false");
	assert_string_equal(p.text[1],
			    "badsound.conf:3: volume: '101': expected a volume from 0 to 100");
	assert_string_equal(p.text[2], "badsound.conf:4: beep: unknown key in [sound] (known: "
				       "enabled, volume, night_volume)");
	assert_int_equal(c.dev.sound_volume, 60); /* the default stays */
}

static void light_keys(void **state)
{
	struct problems p = {0};
	struct config c;
	struct device_config d;
	const char *path;
	(void)state;

	config_defaults(&c);
	assert_false(c.light_enabled); /* no light unless one is wired */
	path = write_conf("light.conf", "[light]\nenabled = true\nchip = 2\nchannel = 1\n"
					"brightness = 70\nnight_brightness = 5\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	config_device(&c, &d);
	assert_true(c.light_enabled);
	assert_int_equal(c.light_chip, 2);
	assert_int_equal(c.light_channel, 1);
	assert_int_equal(d.light_brightness, 70);
	assert_int_equal(d.night_light_brightness, 5);
	path = write_conf("badlight.conf", "[light]\nchip = gpio18\nnight_brightness = 200\n");
	assert_int_equal(config_load(&c, path, false, collect, &p), 2);
	assert_string_equal(p.text[0], "badlight.conf:2: chip: 'gpio18': expected a number from 0 "
				       "to 63");
	assert_string_equal(p.text[1], "badlight.conf:3: night_brightness: '200': expected a "
				       "percentage from 0 to 100");
	assert_int_equal(c.light_chip, 2); /* what was good stays */
}

static void prompts_keys_default_to_everything(void **state)
{
	struct config c;
	struct device_config d;
	(void)state;

	config_defaults(&c);
	assert_string_equal(c.extra_dir, "/etc/calm-prompt/prompts.d");
	assert_string_equal(c.deck_dir, "");
	config_device(&c, &d);
	assert_int_equal(d.prompt_audiences, DECK_ALL_AUDIENCES);
	assert_int_equal(d.prompt_pathways, DECK_ALL_PATHWAYS);
}

static void prompts_keys_choose_audiences_and_pathways(void **state)
{
	struct problems p = {0};
	struct config c;
	struct device_config d;
	const char *path = write_conf("prompts.conf", "[prompts]\n"
						      "extra_dir = /srv/our-prompts\n"
						      "audiences = partner, kids\n"
						      "pathways = trust,repair , safety\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 0);
	assert_string_equal(c.extra_dir, "/srv/our-prompts");
	config_device(&c, &d);
	assert_int_equal(d.prompt_audiences, AUDIENCE_PARTNER | AUDIENCE_KIDS);
	assert_int_equal(d.prompt_pathways,
			 1u << PATHWAY_TRUST | 1u << PATHWAY_REPAIR | 1u << PATHWAY_SAFETY);
}

static void prompts_keys_name_unknown_tags(void **state)
{
	struct problems p = {0};
	struct config c;
	const char *path = write_conf("prompts-bad.conf", "[prompts]\n"
							  "audiences = self, pets\n"
							  "pathways = joy\n"
							  "pathways =\n"
							  "extra_dirs = /x\n");
	(void)state;

	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, collect, &p), 4);
	assert_string_equal(p.text[0], "prompts-bad.conf:2: audiences: 'pets': use self, partner, "
				       "family, kids, friends, separated by commas");
	assert_string_equal(p.text[1], "prompts-bad.conf:3: pathways: 'joy': use safety, "
				       "empathy, repair, trust, resilience, reflection, separated "
				       "by commas");
	assert_non_null(strstr(p.text[2], "prompts-bad.conf:4: pathways: '': use safety"));
	assert_string_equal(p.text[3], "prompts-bad.conf:5: extra_dirs: unknown key in [prompts] "
				       "(known: deck_dir, extra_dir, audiences, pathways, "
				       "show_seconds)");
	/* a bad value leaves the setting as it was */
	assert_int_equal(c.dev.prompt_audiences, DECK_ALL_AUDIENCES);
	assert_int_equal(c.dev.prompt_pathways, DECK_ALL_PATHWAYS);
}

/* The settings table's defaults are the core's: nothing drifts between the two. */
static void table_defaults_are_the_core_defaults(void **state)
{
	struct config c;
	struct device_config d;
	(void)state;

	config_defaults(&c);
	device_config_defaults(&d);
	assert_memory_equal(&c.dev, &d, sizeof(d));
}

/* What inih would change without a word is refused with the line it is on: a line longer
 * than its buffer, a " ;" that would cut a value; a byte-order mark is fine. */
static void lines_inih_would_change_are_refused(void **state)
{
	struct problems p = {0};
	struct config c;
	char text[1024];
	const char *path;
	(void)state;

	snprintf(text, sizeof(text),
		 "\xef\xbb\xbf[display]\n"
		 "font = /usr/share/fonts/%0240d.ttf\n"
		 "clock = 12\n"
		 "[pattern resonance]\n"
		 "label = Slow ; for bedtime\n"
		 "[member Ana]\n"
		 "colour = #-12345\n"
		 "[night]\n"
		 "start = 7:30\n",
		 0);
	path = write_conf("inih.conf", text);
	config_defaults(&c);
	assert_int_equal(config_load(&c, PATTERNS, false, collect, NULL), 0);
	assert_int_equal(config_load(&c, path, false, collect, &p), 3);
	assert_non_null(strstr(p.text[0], "inih.conf:2: -: line longer than"));
	assert_non_null(strstr(p.text[1], "inih.conf:5: -: ' ;' inside a value"));
	assert_string_equal(p.text[2],
			    "inih.conf:7: colour: '#-12345': expected a colour as #RRGGBB");
	/* The lines around them still count, the first one after the byte-order mark too. */
	assert_false(c.clock_24h);
	assert_int_equal(c.dev.night_start, 7 * 60 + 30);
}

/* Every row of the table parses its own default. */
static void every_default_parses(void **state)
{
	struct problems p = {0};
	struct config c;
	char text[8192];
	size_t used = 0;
	const char *section = "";
	(void)state;

	for (size_t i = 0; i < config_n_rows; i++) {
		const struct config_row *r = &config_rows[i];

		if (strcmp(section, r->section) != 0) {
			section = r->section;
			used += (size_t)snprintf(text + used, sizeof(text) - used, "[%s]\n",
						 strcmp(section, "button NAME") == 0 ? "button main"
						 : strcmp(section, "member NAME") == 0
							 ? "member Ana"
							 : section);
		}
		if (r->def[0])
			used += (size_t)snprintf(text + used, sizeof(text) - used, "%s = %s\n",
						 r->key, r->def);
	}
	config_defaults(&c);
	assert_int_equal(config_load(&c, PATTERNS, false, collect, &p), 0);
	assert_int_equal(config_load(&c, write_conf("defaults.conf", text), false, collect, &p), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_run_the_app),
		cmocka_unit_test(table_defaults_are_the_core_defaults),
		cmocka_unit_test(lines_inih_would_change_are_refused),
		cmocka_unit_test(every_default_parses),
		cmocka_unit_test(shipped_patterns_are_the_issue_defaults),
		cmocka_unit_test(bad_patterns_are_named_and_leave_the_built_ins_working),
		cmocka_unit_test(missing_optional_file_is_fine),
		cmocka_unit_test(good_file_overrides_defaults),
		cmocka_unit_test(every_problem_is_named_with_its_line),
		cmocka_unit_test(language_is_a_code_or_empty),
		cmocka_unit_test(too_many_buttons),
		cmocka_unit_test(sizes),
		cmocka_unit_test(night_and_ambient_keys),
		cmocka_unit_test(sound_keys),
		cmocka_unit_test(light_keys),
		cmocka_unit_test(gpio_defaults_put_main_on_gpio17),
		cmocka_unit_test(gpio_keys_are_read),
		cmocka_unit_test(line_or_offset_the_last_one_counts),
		cmocka_unit_test(gpio_problems_are_named_with_their_line),
		cmocka_unit_test(a_key_given_twice_with_another_value_is_said),
		cmocka_unit_test(keys_and_touch_are_read),
		cmocka_unit_test(keys_and_touch_problems_are_named),
		cmocka_unit_test(three_button_preset_reads),
		cmocka_unit_test(log_keep_days_defaults_to_keeping_everything),
		cmocka_unit_test(prompts_keys_default_to_everything),
		cmocka_unit_test(prompts_keys_choose_audiences_and_pathways),
		cmocka_unit_test(prompts_keys_name_unknown_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
