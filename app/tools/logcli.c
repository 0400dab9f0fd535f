/* SPDX-License-Identifier: MIT */
/* calm-prompt log: the household's own look at its event log: a week at a glance (stats), every
 * row out as CSV or JSON (export), and deleting old rows (forget). */
#include "logcli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
#include "eventlog.h"
#include "logreport.h"
#include "paths.h"
#include "wallclock.h"

#define EXIT_FAILED 1
#define EXIT_USAGE  2


static void usage(FILE *out)
{
	fputs("Usage: calm-prompt log stats [--since DATE] [--member NAME]\n"
	      "       calm-prompt log export --format csv|json [--since DATE]\n"
	      "       calm-prompt log forget --before DATE --yes\n"
	      "Each also takes --db FILE (default: [log] database in the settings, else the\n"
	      "state directory's events.db, as the app uses) and --config FILE.\n"
	      "\n"
	      "  stats   sessions, minutes breathed, prompts shown and presses per week\n"
	      "          (ISO weeks, Monday to Sunday, in the local time each row was written)\n"
	      "  export  every row of every table to standard output: CSV with a header and a\n"
	      "          'table' column, or one JSON object with an array per table\n"
	      "  forget  delete every row from before DATE; without --yes it only says how\n"
	      "          many rows it would delete\n"
	      "DATE is YYYY-MM-DD, from its midnight in this machine's local time.\n"
	      "Exit codes: 0 fine, 1 failed, 2 bad command line (or forget without --yes).\n",
	      out);
}

__attribute__((format(printf, 2, 3))) static int usage_error(const struct log_request *rq,
							     const char *fmt, ...)
{
	va_list ap;

	fputs("calm-prompt log: ", rq->err);
	va_start(ap, fmt);
	vfprintf(rq->err, fmt, ap);
	va_end(ap);
	fputs("\nTry 'calm-prompt log --help'.\n", rq->err);
	return EXIT_USAGE;
}

/* A DATE option as the UTC seconds of its local midnight. */
static int parse_day(struct log_request *rq, const char *option, const char *date, int64_t *out)
{
	char msg[256];

	if (wallclock_parse_fixed("00:00", date, wall_now_ms() / 1000, out, msg, sizeof(msg)) == 0)
		return 0;
	/* The parser names the app's own --date option; say which option it was here. */
	if (strncmp(msg, "--date", 6) == 0)
		return usage_error(rq, "%s%s", option, msg + 6);
	return usage_error(rq, "%s: %s", option, msg);
}

/* Fills rq from argv (argv[0] is "log"; the subcommand may come before or after options).
 * Returns 0, -1 after --help, or EXIT_USAGE after a usage error. */
static int parse_args(int argc, char **argv, struct log_request *rq)
{
	enum { OPT_DB = 256, OPT_CONFIG, OPT_SINCE, OPT_BEFORE, OPT_MEMBER, OPT_FORMAT, OPT_YES };
	static const struct option options[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"since", required_argument, NULL, OPT_SINCE},
		{"before", required_argument, NULL, OPT_BEFORE},
		{"member", required_argument, NULL, OPT_MEMBER},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"yes", no_argument, NULL, OPT_YES},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const names[] = {
		[CMD_STATS] = "stats", [CMD_EXPORT] = "export", [CMD_FORGET] = "forget"};
	const char *sub;
	int c;

	optind = 0; /* glibc: start afresh, also when called more than once (the tests) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			rq->db_path = optarg;
			break;
		case OPT_CONFIG:
			rq->config_path = optarg;
			break;
		case OPT_SINCE:
			rq->since = optarg;
			break;
		case OPT_BEFORE:
			rq->before = optarg;
			break;
		case OPT_MEMBER:
			rq->member = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				rq->format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				rq->format = FORMAT_JSON;
			else
				return usage_error(rq, "--format: expected csv or json, not '%s'",
						   optarg);
			break;
		case OPT_YES:
			rq->yes = true;
			break;
		case 'h':
			usage(rq->out);
			return -1;
		default:
			return usage_error(rq, "unknown or incomplete option '%s'",
					   argv[optind - 1]);
		}
	}
	/* getopt_long moved the words after the options: the subcommand, and nothing else. */
	if (optind >= argc)
		return usage_error(rq, "which one: stats, export or forget?");
	if (optind + 1 < argc)
		return usage_error(rq, "unexpected '%s'", argv[optind + 1]);
	sub = argv[optind];
	for (c = 0; c < (int)(sizeof(names) / sizeof(names[0])); c++)
		if (strcmp(sub, names[c]) == 0)
			break;
	if (c == (int)(sizeof(names) / sizeof(names[0])))
		return usage_error(rq, "unknown command '%s' (known: stats, export, forget)", sub);
	rq->command = (enum log_command)c;

	if (rq->member && rq->command != CMD_STATS)
		return usage_error(rq, "--member is for stats");
	if (rq->format != FORMAT_NONE && rq->command != CMD_EXPORT)
		return usage_error(rq, "--format is for export");
	if ((rq->before || rq->yes) && rq->command != CMD_FORGET)
		return usage_error(rq, "--%s is for forget", rq->before ? "before" : "yes");
	if (rq->since && rq->command == CMD_FORGET)
		return usage_error(rq, "forget takes --before DATE, not --since");
	if (rq->command == CMD_EXPORT && rq->format == FORMAT_NONE)
		return usage_error(rq, "export needs --format csv or --format json");
	if (rq->command == CMD_FORGET && !rq->before)
		return usage_error(rq, "forget needs --before DATE");
	rq->since_utc = INT64_MIN;
	if (rq->since && parse_day(rq, "--since", rq->since, &rq->since_utc) != 0)
		return EXIT_USAGE;
	if (rq->before && parse_day(rq, "--before", rq->before, &rq->before_utc) != 0)
		return EXIT_USAGE;
	return 0;
}

const char *logcli_default_db(const char *own_path, const char *service_path)
{
	struct stat st;

	if (stat(own_path, &st) == 0 || stat(service_path, &st) != 0)
		return own_path;
	return service_path;
}

/* The database the app uses: --db, else [log] database from the settings, else the default
 * (the user's own, or the service's). */
static int find_db(const struct log_request *rq, char *path, size_t len)
{
	const char *config_path = rq->config_path ? rq->config_path : PATHS_DEFAULT_CONFIG;
	struct config *cfg = malloc(sizeof(*cfg)); /* large: not on the stack */
	char msg[512];
	char patterns[PATH_MAX];
	int problems;
	int ret = 0;

	if (cfg == NULL) {
		fprintf(rq->err, "calm-prompt log: out of memory\n");
		return EXIT_FAILED;
	}
	config_defaults(cfg);
	if (rq->db_path == NULL) {
		/* Read as the app reads it (the built-in patterns first: the settings name them), so
		 * a broken file is refused the same way. */
		problems = config_load_builtin(cfg, patterns, sizeof(patterns), config_print_problem,
					       rq->err);
		if (problems != 0) {
			fprintf(rq->err, "calm-prompt log: cannot read the built-in patterns %s%s%s\n",
				patterns, problems < 0 ? ": " : "", problems < 0 ? strerror(errno) : "");
			ret = EXIT_FAILED;
			goto free_cfg;
		}
		problems = config_load(cfg, config_path, rq->config_path == NULL, config_print_problem,
				       rq->err);
		if (problems < 0) {
			fprintf(rq->err, "calm-prompt log: cannot read the settings file %s: %s\n",
				config_path, strerror(errno));
			ret = EXIT_USAGE;
			goto free_cfg;
		}
		if (problems > 0) {
			fprintf(rq->err, "calm-prompt log: %d problem%s in %s\n", problems,
				problems == 1 ? "" : "s", config_path);
			ret = EXIT_USAGE;
			goto free_cfg;
		}
	}
	if (eventlog_choose_path(rq->db_path, cfg->database, path, len, msg, sizeof(msg)) != 0) {
		fprintf(rq->err, "calm-prompt log: %s\n", msg);
		ret = EXIT_FAILED;
	} else if (rq->db_path == NULL && cfg->database[0] == '\0') {
		const char *chosen = logcli_default_db(path, LOGCLI_SERVICE_DB);

		if (chosen != path)
			snprintf(path, len, "%s", chosen);
	}
free_cfg:
	free(cfg);
	return ret;
}

int logcli_run(int argc, char **argv, FILE *out, FILE *err)
{
	struct log_request rq = {.out = out, .err = err};
	char path[PATH_MAX];
	int ret;

	ret = parse_args(argc, argv, &rq);
	if (ret != 0)
		return ret < 0 ? 0 : ret;
	ret = find_db(&rq, path, sizeof(path));
	if (ret != 0)
		return ret;
	return logreport_run(&rq, path);
}

int logcli_main(int argc, char **argv)
{
	return logcli_run(argc, argv, stdout, stderr);
}
