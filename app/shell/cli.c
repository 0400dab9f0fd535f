/* SPDX-License-Identifier: MIT */
/* Command-line parsing with getopt_long. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "device.h"
#include "paths.h"

enum {
	OPT_CONFIG = 256,
	OPT_DB,
	OPT_SIZE,
	OPT_FULLSCREEN,
	OPT_START,
	OPT_EXIT_AFTER,
	OPT_SCREENSHOT,
	OPT_SCREEN,
	OPT_AT,
	OPT_REPLAY,
	OPT_CLOCK,
	OPT_DATE,
	OPT_CLOCK_STATE,
	OPT_SEED,
	OPT_PATTERN,
	OPT_LIST_PATTERNS,
	OPT_LIST_SETTINGS,
	OPT_CHECK_CONFIG,
	OPT_CHECK_PROMPTS,
	OPT_VERSION,
	OPT_HELP,
	OPT_VERBOSE,
};

void cli_usage(FILE *out)
{
	fputs("Usage: calm-prompt [OPTION]...\n"
	      "A calm bedside display: breathing guides, connection prompts, a quiet clock.\n"
	      "\n"
	      "Running:\n"
	      "  --config FILE        settings file (default " PATHS_DEFAULT_CONFIG ")\n"
	      "  --db FILE            event log database (default: the state directory)\n"
	      "  --size WxH           window size (default 800x480)\n"
	      "  --fullscreen         use the whole screen\n"
	      "  --start SCREEN       open on ambient, breathe or prompt\n"
	      "  --pattern NAME       the breathing pattern for --start breathe and\n"
	      "                       --screenshot (see --list-patterns)\n"
	      "  --exit-after SECONDS quit after that long\n"
	      "\n"
	      "Headless:\n"
	      "  --screenshot FILE.png --screen SCREEN [--at SECONDS] [--size WxH]\n"
	      "                       SCREEN: ambient, breathe, prompt, checkin, settle,\n"
	      "                       paused, done, note, history or clockset\n"
	      "                       draw one frame of a screen to a PNG and exit\n"
	      "  --replay FILE        run a script of button edges ('SECONDS BUTTON down|up',\n"
	      "                       'SECONDS touch down X,Y', 'SECONDS touch up',\n"
	      "                       'SECONDS end', 'SECONDS look|memory|reload') in virtual\n"
	      "                       time; print one JSON line per\n"
	      "                       action; rows go to --db. With --screenshot, draws the\n"
	      "                       screen the script leads to at --at (nothing logged)\n"
	      "  --clock HH:MM        the wall-clock time shown or replayed from\n"
	      "  --date YYYY-MM-DD    the date shown or replayed from\n"
	      "  --clock-state STATE  take the clock as unknown, synchronised, rtc or set,\n"
	      "                       instead of finding out (set when --clock or --date is\n"
	      "                       given)\n"
	      "  --seed N             a fixed order for the prompts\n"
	      "\n"
	      "Other:\n"
	      "  --check-config       read the settings, report every problem, exit\n"
	      "  --check-prompts [DIR] check the prompt decks in DIR (default: the configured\n"
	      "                       ones): bad lines, duplicates, prompts too long for a\n"
	      "                       480x320 screen (errors); words against the writing\n"
	      "                       guide (warnings); print counts per pathway, audience,\n"
	      "                       time and shared\n"
	      "  --list-patterns      print the breathing patterns, their phases and sources\n"
	      "  --list-settings FORMAT\n"
	      "                       every setting with its default: ini, markdown or man\n"
	      "  --verbose            also print debugging lines on stderr\n"
	      "  --version            print the version\n"
	      "  --help               this text\n"
	      "\n"
	      "Keys: Space or Enter is the main button (tap: breathe, hold: a prompt, hold 3 s:\n"
	      "set the clock); 1, 2, 3 are buttons one to three; Esc quits.\n"
	      "Exit codes: 0 fine, 1 failed, 2 bad command line or settings.\n",
	      out);
}

static int bad(char *msg, size_t len, const char *what, const char *value)
{
	snprintf(msg, len, "%s '%s'", what, value);
	return -1;
}

static bool parse_seconds(const char *text, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (errno || end == text || *end || !(v >= 0 && v <= 1e7))
		return false;
	*out = v;
	return true;
}

/* What an option returns to cli_parse(). */
enum taken {
	TAKEN = 0,     /* go on with the next option */
	TAKEN_LAST,    /* the mode is complete (--help, --version, --list-settings) */
	NOT_MINE,      /* the option is another function's */
	TAKEN_BAD = -1 /* a bad value: msg says why */
};

/* Options for running the app itself. */
static enum taken run_option(int c, const char *arg, struct options *o, char *msg, size_t len)
{
	char *end;

	switch (c) {
	case OPT_CONFIG:
		o->config_path = arg;
		return TAKEN;
	case OPT_DB:
		o->db_path = arg;
		return TAKEN;
	case OPT_SIZE:
		if (!config_parse_size(arg, &o->width, &o->height))
			return bad(msg, len, "--size: expected WIDTHxHEIGHT (240 to 4096), not", arg);
		return TAKEN;
	case OPT_FULLSCREEN:
		o->fullscreen = true;
		return TAKEN;
	case OPT_START:
		o->start_screen = screen_from_name(arg);
		if (o->start_screen > SCREEN_PROMPT)
			o->start_screen = -1;
		if (o->start_screen < 0)
			return bad(msg, len, "--start: expected ambient, breathe or prompt, not", arg);
		return TAKEN;
	case OPT_EXIT_AFTER:
		if (!parse_seconds(arg, &o->exit_after_s))
			return bad(msg, len, "--exit-after: expected seconds, not", arg);
		return TAKEN;
	case OPT_CLOCK:
		o->clock = arg;
		return TAKEN;
	case OPT_DATE:
		o->date = arg;
		return TAKEN;
	case OPT_CLOCK_STATE:
		o->clock_state = clock_state_from_name(arg);
		if (o->clock_state < 0)
			return bad(msg, len,
				   "--clock-state: expected unknown, synchronised, rtc or set, not", arg);
		return TAKEN;
	case OPT_SEED:
		errno = 0;
		o->seed = strtoull(arg, &end, 10);
		if (errno || end == arg || *end || arg[0] == '-')
			return bad(msg, len, "--seed: expected a whole number, not", arg);
		o->seed_given = true;
		return TAKEN;
	case OPT_PATTERN:
		o->pattern = arg;
		return TAKEN;
	case OPT_VERBOSE:
		o->verbose = true;
		return TAKEN;
	default:
		return NOT_MINE;
	}
}

/* Options that choose another way of running: headless, a check, a listing. */
static enum taken mode_option(int c, const char *arg, struct options *o, bool *screen_given,
			      char *msg, size_t len)
{
	switch (c) {
	case OPT_SCREENSHOT:
		o->screenshot_path = arg;
		o->mode = MODE_SCREENSHOT;
		return TAKEN;
	case OPT_SCREEN:
		o->shot_screen = screen_from_name(arg);
		*screen_given = true;
		if (o->shot_screen < 0)
			return bad(msg, len,
				   "--screen: expected ambient, breathe, prompt, checkin, settle, "
				   "paused or done, not",
				   arg);
		return TAKEN;
	case OPT_AT:
		if (!parse_seconds(arg, &o->at_s))
			return bad(msg, len, "--at: expected seconds, not", arg);
		return TAKEN;
	case OPT_REPLAY:
		o->replay_path = arg;
		o->mode = MODE_REPLAY;
		return TAKEN;
	case OPT_LIST_PATTERNS:
		o->mode = MODE_LIST_PATTERNS;
		return TAKEN;
	case OPT_LIST_SETTINGS:
		if (strcmp(arg, "ini") != 0 && strcmp(arg, "markdown") != 0 &&
		    strcmp(arg, "man") != 0)
			return bad(msg, len, "--list-settings: expected ini, markdown or man, not",
				   arg);
		o->mode = MODE_LIST_SETTINGS;
		o->settings_format = arg;
		return TAKEN_LAST;
	case OPT_CHECK_CONFIG:
		o->mode = MODE_CHECK_CONFIG;
		return TAKEN;
	case OPT_CHECK_PROMPTS:
		o->mode = MODE_CHECK_PROMPTS;
		o->prompts_dir = arg;
		return TAKEN;
	case OPT_VERSION:
		o->mode = MODE_VERSION;
		return TAKEN_LAST;
	case OPT_HELP:
		o->mode = MODE_HELP;
		return TAKEN_LAST;
	default:
		return NOT_MINE;
	}
}

/* The options that only make sense together. */
static int check_together(struct options *o, bool screen_given, char *msg, size_t len)
{
	if (o->screenshot_path && o->replay_path) {
		/* The script leads the device to the screen to draw (nothing is logged). */
		o->mode = MODE_SCREENSHOT;
		if (!screen_given) {
			o->shot_screen = 0; /* the clock, where a device starts */
			screen_given = true;
		}
	}
	if (o->mode == MODE_SCREENSHOT && !screen_given) {
		snprintf(msg, len, "--screenshot needs --screen ambient|breathe|prompt");
		return -1;
	}
	if (screen_given && o->mode != MODE_SCREENSHOT) {
		snprintf(msg, len, "--screen goes with --screenshot");
		return -1;
	}
	return 0;
}

int cli_parse(int argc, char **argv, struct options *o, char *msg, size_t msg_len)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, OPT_CONFIG},
		{"db", required_argument, NULL, OPT_DB},
		{"size", required_argument, NULL, OPT_SIZE},
		{"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
		{"start", required_argument, NULL, OPT_START},
		{"exit-after", required_argument, NULL, OPT_EXIT_AFTER},
		{"screenshot", required_argument, NULL, OPT_SCREENSHOT},
		{"screen", required_argument, NULL, OPT_SCREEN},
		{"at", required_argument, NULL, OPT_AT},
		{"replay", required_argument, NULL, OPT_REPLAY},
		{"clock", required_argument, NULL, OPT_CLOCK},
		{"date", required_argument, NULL, OPT_DATE},
		{"clock-state", required_argument, NULL, OPT_CLOCK_STATE},
		{"seed", required_argument, NULL, OPT_SEED},
		{"pattern", required_argument, NULL, OPT_PATTERN},
		{"list-patterns", no_argument, NULL, OPT_LIST_PATTERNS},
		{"list-settings", required_argument, NULL, OPT_LIST_SETTINGS},
		{"check-config", no_argument, NULL, OPT_CHECK_CONFIG},
		{"check-prompts", optional_argument, NULL, OPT_CHECK_PROMPTS},
		{"version", no_argument, NULL, OPT_VERSION},
		{"help", no_argument, NULL, OPT_HELP},
		{"verbose", no_argument, NULL, OPT_VERBOSE},
		{NULL, 0, NULL, 0},
	};
	bool screen_given = false;
	int c;

	memset(o, 0, sizeof(*o));
	o->start_screen = -1;
	o->shot_screen = -1;
	o->clock_state = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		enum taken t = run_option(c, optarg, o, msg, msg_len);

		if (t == NOT_MINE)
			t = mode_option(c, optarg, o, &screen_given, msg, msg_len);
		if (t == NOT_MINE)
			return bad(msg, msg_len, "unknown or incomplete option",
				   argv[optind - 1 > 0 ? optind - 1 : 0]);
		if (t == TAKEN_BAD)
			return -1;
		if (t == TAKEN_LAST)
			return 0;
	}
	/* --check-prompts DIR, as well as --check-prompts=DIR */
	if (o->mode == MODE_CHECK_PROMPTS && !o->prompts_dir && optind < argc)
		o->prompts_dir = argv[optind++];
	if (optind < argc)
		return bad(msg, msg_len, "unexpected argument", argv[optind]);
	return check_together(o, screen_given, msg, msg_len);
}
