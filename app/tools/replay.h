/* SPDX-License-Identifier: MIT */
/* Replay scripts: button edges in virtual time, and the JSON line printed per action. */
#ifndef CALM_REPLAY_H
#define CALM_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"
#include "touchmap.h"

/* What a step does besides letting time run to it. */
enum replay_kind {
	REPLAY_EDGE,   /* a button or touch goes down or up */
	REPLAY_END,    /* nothing more ("end") */
	REPLAY_LOOK,   /* print what the screen is showing ("look") */
	REPLAY_MEMORY, /* print the memory the run has used ("memory") */
	REPLAY_RELOAD, /* read the settings and decks again, as SIGHUP does ("reload") */
};

struct replay_step {
	int64_t t_ms; /* virtual time since the replay began */
	enum replay_kind kind;
	int button; /* index into the configured buttons; -1 unless kind is REPLAY_EDGE */
	bool down;
	bool touch; /* a touch on the screen (source "touch"), else a button by name */
};

struct replay_script {
	struct replay_step *steps;
	size_t count;
};

/* Parses a script: one step per line, "SECONDS BUTTON down|up", "SECONDS touch down X,Y",
 * "SECONDS touch up [X,Y]", "SECONDS end" (let time run to SECONDS), "SECONDS look",
 * "SECONDS memory" or "SECONDS reload" (see enum replay_kind), '#' comments, times never
 * going back. BUTTON is a configured button's name or its number from 1. X,Y are pixels
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

/* Seconds as the lines print them: up to three decimals, no trailing zeros (1.2, 5, 60.125). */
void replay_format_seconds(int64_t ms, char *buf, size_t len);

#endif
