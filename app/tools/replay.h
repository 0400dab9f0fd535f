/* SPDX-License-Identifier: MIT */
/* Replay scripts: button edges in virtual time, and the JSON line printed per action. */
#ifndef CALM_REPLAY_H
#define CALM_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"
#include "touchmap.h"

struct replay_step {
	int64_t t_ms; /* virtual time since the replay began */
	int button;   /* index into the configured buttons; -1 for an "end" step */
	bool down;
	bool touch; /* a touch on the screen (source "touch"), else a button by name */
};

struct replay_script {
	struct replay_step *steps;
	size_t count;
};

/* Parses a script: one step per line, "SECONDS BUTTON down|up", "SECONDS touch down X,Y",
 * "SECONDS touch up [X,Y]" or "SECONDS end" (let time run to SECONDS), '#' comments, times
 * never going back. BUTTON is a configured button's name or its number from 1. X,Y are pixels
 * on the panel as touch describes it (its size, rotation and zones): they choose the button,
 * one touch at a time, as on the screen. Returns 0, or -1 with msg "SOURCE:LINE: problem". */
int replay_parse(const char *source, const char *text, const struct device_config *config,
		 const struct touch_layout *touch, struct replay_script *out, char *msg,
		 size_t msg_len);

void replay_script_free(struct replay_script *script);

/* Formats one report as a JSON object on one line (no newline), e.g.
 * {"t":1.2,"button":"main","gesture":"short","action":"breathe"}; a press's source when
 * known ("source":"touch"). Returns false, with buf empty, when it does not fit in len bytes;
 * nothing is ever written past them. */
bool replay_json(const struct device_report *report, const struct device_config *config, char *buf,
		 size_t len);

#endif
