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
	OPT_SEED,
	OPT_PATTERN,
	OPT_LIST_PATTERNS,
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
	      "                       paused or done\n"
	      "                       draw one frame of a screen to a PNG and exit\n"
	      "  --replay FILE        run a script of button edges ('SECONDS BUTTON down|up',\n"
	      "                       'SECONDS end') in virtual time; print one JSON line per\n"
	      "                       action; rows go to --db. With --screenshot, draws the\n"
	      "                       screen the script leads to at --at (nothing logged)\n"
	      "  --clock HH:MM        the wall-clock time shown or replayed from\n"
	      "  --date YYYY-MM-DD    the date shown or replayed from\n"
	      "  --seed N             a fixed order for the prompts\n"
	      "\n"
	      "Other:\n"
	      "  --check-config       read the settings, report every problem, exit\n"
	      "  --check-prompts [DIR] check the prompt decks in DIR (default: the configured\n"
	      "                       ones): bad lines, duplicates, prompts too long for a\n"
	      "                       480x320 screen; print counts per pathway and audience\n"
	      "  --list-patterns      print the breathing patterns, their phases and sources\n"
	      "  --verbose            also print debugging lines on stderr\n"
	      "  --version            print the version\n"
	      "  --help               this text\n"
	      "\n"
	      "Keys: Space or Enter is the main button (tap: breathe, hold: a prompt); 1, 2, 3 "
	      "are\n"
	      "buttons one to three; Esc quits.\n"
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
		{"seed", required_argument, NULL, OPT_SEED},
		{"pattern", required_argument, NULL, OPT_PATTERN},
		{"list-patterns", no_argument, NULL, OPT_LIST_PATTERNS},
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
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CONFIG:
			o->config_path = optarg;
			break;
		case OPT_DB:
			o->db_path = optarg;
			break;
		case OPT_SIZE:
			if (!config_parse_size(optarg, &o->width, &o->height))
				return bad(msg, msg_len,
					   "--size: expected WIDTHxHEIGHT (240 to 4096), not",
					   optarg);
			break;
		case OPT_FULLSCREEN:
			o->fullscreen = true;
			break;
		case OPT_START:
			o->start_screen = screen_from_name(optarg);
			if (o->start_screen > SCREEN_PROMPT)
				o->start_screen = -1;
			if (o->start_screen < 0)
				return bad(msg, msg_len,
					   "--start: expected ambient, breathe or prompt, not",
					   optarg);
			break;
		case OPT_EXIT_AFTER:
			if (!parse_seconds(optarg, &o->exit_after_s))
				return bad(msg, msg_len, "--exit-after: expected seconds, not",
					   optarg);
			break;
		case OPT_SCREENSHOT:
			o->screenshot_path = optarg;
			o->mode = MODE_SCREENSHOT;
			break;
		case OPT_SCREEN:
			o->shot_screen = screen_from_name(optarg);
			screen_given = true;
			if (o->shot_screen < 0)
				return bad(msg, msg_len,
					   "--screen: expected ambient, breathe, prompt, checkin, "
					   "settle, "
					   "paused or done, not",
					   optarg);
			break;
		case OPT_AT:
			if (!parse_seconds(optarg, &o->at_s))
				return bad(msg, msg_len, "--at: expected seconds, not", optarg);
			break;
		case OPT_REPLAY:
			o->replay_path = optarg;
			o->mode = MODE_REPLAY;
			break;
		case OPT_CLOCK:
			o->clock = optarg;
			break;
		case OPT_DATE:
			o->date = optarg;
			break;
		case OPT_SEED: {
			char *end;

			errno = 0;
			o->seed = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end)
				return bad(msg, msg_len, "--seed: expected a whole number, not",
					   optarg);
			o->seed_given = true;
			break;
		}
		case OPT_PATTERN:
			o->pattern = optarg;
			break;
		case OPT_LIST_PATTERNS:
			o->mode = MODE_LIST_PATTERNS;
			break;
		case OPT_CHECK_CONFIG:
			o->mode = MODE_CHECK_CONFIG;
			break;
		case OPT_CHECK_PROMPTS:
			o->mode = MODE_CHECK_PROMPTS;
			o->prompts_dir = optarg;
			break;
		case OPT_VERSION:
			o->mode = MODE_VERSION;
			return 0;
		case OPT_HELP:
			o->mode = MODE_HELP;
			return 0;
		case OPT_VERBOSE:
			o->verbose = true;
			break;
		default:
			return bad(msg, msg_len, "unknown or incomplete option",
				   argv[optind - 1 > 0 ? optind - 1 : 0]);
		}
	}
	/* --check-prompts DIR, as well as --check-prompts=DIR */
	if (o->mode == MODE_CHECK_PROMPTS && !o->prompts_dir && optind < argc)
		o->prompts_dir = argv[optind++];
	if (optind < argc)
		return bad(msg, msg_len, "unexpected argument", argv[optind]);
	if (o->screenshot_path && o->replay_path) {
		/* The script leads the device to the screen to draw (nothing is logged). */
		o->mode = MODE_SCREENSHOT;
		if (!screen_given) {
			o->shot_screen = 0; /* the clock, where a device starts */
			screen_given = true;
		}
	}
	if (o->mode == MODE_SCREENSHOT && !screen_given) {
		snprintf(msg, msg_len, "--screenshot needs --screen ambient|breathe|prompt");
		return -1;
	}
	if (screen_given && o->mode != MODE_SCREENSHOT) {
		snprintf(msg, msg_len, "--screen goes with --screenshot");
		return -1;
	}
	return 0;
}
