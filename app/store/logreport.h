/* SPDX-License-Identifier: MIT */
/* The household's reports from its event log, read with SQLite: a week at a glance (stats),
 * every row out as CSV or JSON (export), deleting old rows (forget). `calm-prompt log` (tools/)
 * parses the command line and finds the database; this module does the reading and writing. */
#ifndef CALM_LOGREPORT_H
#define CALM_LOGREPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum log_command {
	CMD_STATS,
	CMD_EXPORT,
	CMD_FORGET,
};

enum log_format {
	FORMAT_NONE,
	FORMAT_CSV,
	FORMAT_JSON,
};

struct log_request {
	enum log_command command;
	const char *config_path; /* --config; NULL: the default, optional file */
	const char *db_path;     /* --db; NULL: [log] database, else the default */
	const char *since;       /* --since DATE, or NULL */
	int64_t since_utc;       /*   its local midnight; INT64_MIN when not given */
	const char *before;      /* --before DATE, or NULL */
	int64_t before_utc;      /*   its local midnight */
	const char *member;      /* --member NAME, or NULL */
	enum log_format format;     /* --format */
	bool yes;                /* --yes */
	FILE *out, *err;
};

/* Runs rq's command on the event log at path. Returns 0, 1 (failed) or 2 (refused: forget
 * without --yes, or a usage problem). */
int logreport_run(const struct log_request *rq, const char *path);

#endif
