/* SPDX-License-Identifier: MIT */
/* The replay tools: a script's lines parsed, and each action's JSON line, which never writes past
 * the buffer it is given. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "replay.h"

static struct device_report by_itself(void)
{
	struct device_report r = {
		.t_ms = 1000,
		.button = -1,
		.action = ACTION_AMBIENT,
		.screen_before = SCREEN_PROMPT,
		.screen_after = SCREEN_AMBIENT,
	};
	return r;
}

static void a_line_that_fits_is_whole(void **state)
{
	struct device_report r = by_itself();
	struct device_config config = {0};
	char buf[256];

	(void)state;
	assert_true(replay_json(&r, &config, buf, sizeof(buf)));
	assert_string_equal(buf, "{\"t\":1,\"action\":\"ambient\",\"screen\":\"ambient\"}");
}

/* Every length of buffer, from too small for anything to just right: nothing is written past
 * its end, and a line that did not fit says so. */
static void a_short_buffer_is_never_overrun(void **state)
{
	struct device_report r = by_itself();
	struct device_config config = {0};
	const char *whole = "{\"t\":1,\"action\":\"ambient\",\"screen\":\"ambient\"}";
	char big[128];

	(void)state;
	for (size_t len = 1; len <= strlen(whole) + 1; len++) {
		bool fits;

		memset(big, 'X', sizeof(big));
		fits = replay_json(&r, &config, big, len);
		assert_int_equal(big[len], 'X');
		assert_true(strlen(big) < len);
		assert_int_equal(fits, len == strlen(whole) + 1);
	}
}

static void scripts_parse_and_bad_lines_say_where(void **state)
{
	struct device_config config = {.n_buttons = 1};
	struct replay_script script;
	char msg[256];

	(void)state;
	snprintf(config.buttons[0].name, sizeof(config.buttons[0].name), "main");
	assert_int_equal(replay_parse("s", "# a tap\n0.5 main down\n0.6 1 up\n2 end\n", &config,
				      NULL, &script, msg, sizeof(msg)),
			 0);
	assert_int_equal(script.count, 3);
	assert_int_equal(script.steps[1].t_ms, 600);
	assert_int_equal(script.steps[2].button, -1);
	assert_int_equal(script.steps[0].kind, REPLAY_EDGE);
	assert_int_equal(script.steps[2].kind, REPLAY_END);
	replay_script_free(&script);
	/* Steps that look, measure and reload, which press nothing. */
	assert_int_equal(replay_parse("s", "1 look\n2 memory\n3 reload\n", &config, NULL, &script,
				      msg, sizeof(msg)),
			 0);
	assert_int_equal(script.count, 3);
	assert_int_equal(script.steps[0].kind, REPLAY_LOOK);
	assert_int_equal(script.steps[1].kind, REPLAY_MEMORY);
	assert_int_equal(script.steps[2].kind, REPLAY_RELOAD);
	assert_int_equal(script.steps[2].button, -1);
	assert_int_equal(script.steps[2].t_ms, 3000);
	replay_script_free(&script);
	assert_int_equal(replay_parse("s", "1 look down\n", &config, NULL, &script, msg,
				      sizeof(msg)),
			 -1);
	assert_string_equal(msg, "s:1: 'look': no such button");
	assert_int_equal(replay_parse("s", "1 main down\n0.5 main up\n", &config, NULL, &script,
				      msg, sizeof(msg)),
			 -1);
	assert_string_equal(msg, "s:2: time goes backwards");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_line_that_fits_is_whole),
		cmocka_unit_test(a_short_buffer_is_never_overrun),
		cmocka_unit_test(scripts_parse_and_bad_lines_say_where),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
