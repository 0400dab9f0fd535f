/* SPDX-License-Identifier: MIT */
/* The breathing light against a fake /sys/class/pwm tree. */
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

#include <math.h>

#include "breathlight.h"
#include "pacer.h"
#include "pwmlight.h"

static char root[64];

static void mkdirs(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	mkdir(path, 0755);
}

static void put(const char *rel, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static long get(const char *rel)
{
	char path[256], buf[32] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	return strtol(buf, NULL, 10);
}

/* pwmchip0 with channel 0 exported, as the kernel shows it after "echo 0 > export". */
static int make_root(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/calm-pwm-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	mkdirs("pwmchip0");
	put("pwmchip0/npwm", "2\n");
	put("pwmchip0/export", "");
	mkdirs("pwmchip0/pwm0");
	put("pwmchip0/pwm0/period", "0\n");
	put("pwmchip0/pwm0/duty_cycle", "0\n");
	put("pwmchip0/pwm0/enable", "0\n");
	return 0;
}

static int remove_root(void **state)
{
	char cmd[128];
	(void)state;

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static const struct breath_pattern resonance = {
	.name = "resonance",
	.phases = {{PHASE_INHALE, 5500}, {PHASE_EXHALE, 5500}},
	.n_phases = 2,
};

/* Frame by frame through two breaths (30 frames a second), as the window sets it from the
 * view: the duty written at each frame is that frame's breath. */
static void duty_follows_the_breath_each_frame(void **state)
{
	char msg[600];
	struct pwmlight *l;
	long most = 0;
	(void)state;

	l = pwmlight_open(root, 0, 0, msg, sizeof(msg));
	assert_non_null(l);
	assert_int_equal(get("pwmchip0/pwm0/period"), PWMLIGHT_PERIOD_NS);
	assert_int_equal(get("pwmchip0/pwm0/enable"), 1);
	assert_int_equal(get("pwmchip0/pwm0/duty_cycle"), 0);
	for (int64_t t = 0; t < 22000; t += 33) {
		double level = breath_light(breath_phase_at(&resonance, 0, t).size, 100);

		assert_int_equal(pwmlight_set(l, level, msg, sizeof(msg)), 0);
		assert_int_equal(get("pwmchip0/pwm0/duty_cycle"), lround(level * PWMLIGHT_PERIOD_NS));
		most = get("pwmchip0/pwm0/duty_cycle") > most ? get("pwmchip0/pwm0/duty_cycle") : most;
	}
	assert_true(most > PWMLIGHT_PERIOD_NS * 99 / 100); /* full lungs: full */
	/* The night's limit: 10% at the most. */
	for (int64_t t = 0; t < 11000; t += 33) {
		double level = breath_light(breath_phase_at(&resonance, 0, t).size, 10);

		assert_int_equal(pwmlight_set(l, level, msg, sizeof(msg)), 0);
		assert_true(get("pwmchip0/pwm0/duty_cycle") <= PWMLIGHT_PERIOD_NS / 10);
	}
	/* Outside a session the view's level is 0: off. */
	assert_int_equal(pwmlight_set(l, 0.0, msg, sizeof(msg)), 0);
	assert_int_equal(get("pwmchip0/pwm0/duty_cycle"), 0);
	assert_int_equal(pwmlight_set(l, 0.5, msg, sizeof(msg)), 0);
	pwmlight_close(l);
	assert_int_equal(get("pwmchip0/pwm0/duty_cycle"), 0);
	assert_int_equal(get("pwmchip0/pwm0/enable"), 0);
	pwmlight_close(NULL);
}

static void a_missing_chip_is_named(void **state)
{
	char msg[600];
	(void)state;

	assert_null(pwmlight_open(root, 3, 0, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "no PWM chip"));
	assert_non_null(strstr(msg, "pwmchip3"));
	assert_non_null(strstr(msg, "dtoverlay=pwm"));
	assert_null(pwmlight_start(root, -1, 0)); /* none configured: nothing at all */
}

/* A channel another driver holds: the kernel refuses the export. Here the export cannot be
 * written at all (a folder in its place). */
static void a_busy_channel_is_named(void **state)
{
	char msg[600];
	(void)state;

	mkdirs("pwmchip1");
	mkdirs("pwmchip1/export");
	assert_null(pwmlight_open(root, 1, 0, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "cannot take PWM channel 0 of"));
}

static void a_failed_write_gives_the_light_up(void **state)
{
	char msg[600], path[256];
	struct pwmlight *l = pwmlight_open(root, 0, 0, msg, sizeof(msg));
	(void)state;

	assert_non_null(l);
	snprintf(path, sizeof(path), "%s/pwmchip0/pwm0/duty_cycle", root);
	unlink(path);
	mkdir(path, 0755); /* the file gone: writes fail */
	assert_int_equal(pwmlight_set(l, 0.5, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "duty_cycle"));
	pwmlight_follow(&l, 0.7);
	assert_null(l);
	pwmlight_follow(&l, 0.7); /* and then nothing more */
	rmdir(path);
	put("pwmchip0/pwm0/duty_cycle", "0\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duty_follows_the_breath_each_frame),
		cmocka_unit_test(a_missing_chip_is_named),
		cmocka_unit_test(a_busy_channel_is_named),
		cmocka_unit_test(a_failed_write_gives_the_light_up),
	};

	return cmocka_run_group_tests(tests, make_root, remove_root);
}
