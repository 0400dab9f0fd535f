/* SPDX-License-Identifier: MIT */
/* The command line: what the user asked the program to do. */
#ifndef CALM_CLI_H
#define CALM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum cli_mode {
	MODE_RUN = 0,       /* the app, in a window or full screen */
	MODE_SCREENSHOT,    /* one frame to a PNG, headless */
	MODE_REPLAY,        /* a script of button edges in virtual time, headless */
	MODE_CHECK_CONFIG,  /* read the config, report problems, exit */
	MODE_LIST_PATTERNS, /* print the breathing patterns */
	MODE_LIST_SETTINGS, /* print every setting (the settings table) */
	MODE_CHECK_PROMPTS, /* check prompt decks, print counts, exit */
	MODE_VERSION,
	MODE_HELP,
};

struct options {
	enum cli_mode mode;
	const char *config_path; /* NULL: the default, optional file */
	const char *db_path;     /* NULL: config or default */
	int width, height;       /* 0: from the config */
	bool fullscreen;
	int start_screen;            /* enum screen, or -1 */
	double exit_after_s;         /* 0: run until quit */
	const char *screenshot_path; /* MODE_SCREENSHOT */
	int shot_screen;             /* enum screen for the screenshot */
	double at_s;                 /* time into the screen for the screenshot */
	const char *replay_path;     /* MODE_REPLAY */
	const char *clock;           /* --clock HH:MM, or NULL */
	const char *date;            /* --date YYYY-MM-DD, or NULL */
	int clock_state;             /* --clock-state: an enum clock_state, or -1: find out */
	const char *pattern;         /* --pattern NAME, or NULL for the default */
	uint64_t seed;               /* prompt order; 0: from the clock */
	bool seed_given;
	const char *settings_format; /* MODE_LIST_SETTINGS: ini, markdown or man */
	const char *prompts_dir; /* MODE_CHECK_PROMPTS: the folder; NULL: the configured decks */
	bool verbose;            /* --verbose: diag_debug lines are printed too */
};

/* Fills o from argv. Returns 0, or -1 with msg set (a usage error: exit code 2). */
int cli_parse(int argc, char **argv, struct options *o, char *msg, size_t msg_len);

void cli_usage(FILE *out);

#endif
