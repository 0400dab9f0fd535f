/* SPDX-License-Identifier: MIT */
/* libFuzzer: the replay script parser (tools/replay.c), with three named buttons and touches on
 * a turned 480x800 panel of three zones, and the JSON line of a report naming them. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"main", "left", "b\"q\\"};
	static const struct touch_layout touch = {.panel_w = 480, .panel_h = 800, .rotation = 90,
						  .zones = 3};
	struct device_config config = {.n_buttons = 3};
	struct replay_script script;
	char msg[512], line[96];
	char *text = malloc(size + 1);

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (int i = 0; i < 3; i++)
		snprintf(config.buttons[i].name, sizeof(config.buttons[i].name), "%s", names[i]);
	if (replay_parse("fuzz.replay", text, &config, size % 2 ? &touch : NULL, &script, msg,
			 sizeof(msg)) == 0) {
		for (size_t i = 0; i < script.count; i++) {
			struct device_report r = {
				.t_ms = script.steps[i].t_ms,
				.button = script.steps[i].button,
				.reason = text,
				.pattern = text,
				.source = script.steps[i].touch ? "touch" : text,
			};

			replay_json(&r, &config, line, sizeof(line));
		}
		replay_script_free(&script);
	}
	free(text);
	return 0;
}
