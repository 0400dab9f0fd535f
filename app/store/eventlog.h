/* SPDX-License-Identifier: MIT */
/* The event log: every press, session and prompt shown, in a SQLite file owned by the household. */
#ifndef CALM_EVENTLOG_H
#define CALM_EVENTLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"
#include "history.h"
#include "wallclock.h"

/* The schema version this build writes (PRAGMA user_version). */
#define EVENTLOG_SCHEMA_VERSION 6

struct eventlog;

enum eventlog_open_result {
	EVENTLOG_OPENED = 0,  /* ready */
	EVENTLOG_MOVED_ASIDE, /* ready, but a damaged file was renamed aside first (msg says where)
			       */
	EVENTLOG_FAILED = -1, /* not usable (msg says why) */
};

enum eventlog_append_result {
	EVENTLOG_WRITTEN = 0,      /* committed: durable on return */
	EVENTLOG_NOT_WRITTEN = -1, /* nothing of the report was written (msg says why); the same
				      report can be appended again later */
	EVENTLOG_DAMAGED = -2,     /* as NOT_WRITTEN, and SQLite found the file damaged: close it
				      and open it again, which moves it aside */
};

/* Rows per table, counted or deleted by eventlog_forget. */
struct eventlog_counts {
	int64_t presses;
	int64_t sessions;
	int64_t prompts_shown;
	int64_t clock_changes; /* the clock set by hand */
};

/* Opens or creates the log at path (its folder must exist), in WAL mode with synchronous=FULL,
 * creating or migrating the schema. A file that is not a database or fails a quick check is
 * renamed to "<path>.damaged-YYYYMMDD-HHMMSS" (never deleted) and a new one is started. */
enum eventlog_open_result eventlog_open(const char *path, struct eventlog **out, char *msg,
					size_t msg_len);

/* Opens a log that already exists, for the household's own commands (calm-prompt log): nothing
 * is created, migrated, moved aside or marked, so an app running on the same file is left
 * undisturbed. Fails on a missing file, a file that is not a calm-prompt log, or one newer than
 * this build. Returns 0, or -1 with msg set. */
int eventlog_open_existing(const char *path, struct eventlog **out, char *msg, size_t msg_len);

/* Where the log lives: db_option (--db), else config_database ([log] database, when not
 * empty), else paths_default_db(). Returns 0, or -1 with msg set. */
int eventlog_choose_path(const char *db_option, const char *config_database, char *out, size_t len,
			 char *msg, size_t msg_len);

/* Writes what one report records, in one transaction that is committed (durable) on return:
 * a press row when a button acted (button_name not NULL), a session row when one starts (the
 * same row is completed when it stops), a prompt row when a prompt is shown, a clock row when
 * the wall clock was set by hand (or that was tried). The member column
 * stays NULL until the device knows household members. */
enum eventlog_append_result eventlog_append(struct eventlog *log,
					    const struct device_report *report,
					    const char *button_name, const struct wall_stamp *when,
					    char *msg, size_t msg_len);

/* Counts the rows of every table stamped (wall_utc) before before_utc_s and, unless dry_run,
 * deletes them, all in one transaction. With redate (retention, which runs by itself), a row
 * stamped while the clock was not synchronised is judged by when it really happened, dated
 * from its boot's first trustworthy stamp as the history and export date it, and kept when its
 * boot has none; without, every row goes by its stamp (the household's own `log forget`, which
 * says first what it would delete). Deleted rows are overwritten in the file (SQLite's
 * secure_delete); nothing is vacuumed, so the freed pages are simply reused. counts gets how
 * many rows each table had (or lost). Returns 0, or -1 with msg set (then nothing changed). */
int eventlog_forget(struct eventlog *log, int64_t before_utc_s, bool dry_run, bool redate,
		    struct eventlog_counts *counts, char *msg, size_t msg_len);

/* Whether the last appreciation left is still waiting to be seen: 1 yes, 0 no, -1 with msg
 * set on failure. */
int eventlog_appreciation_waiting(struct eventlog *log, char *msg, size_t msg_len);

/* Whether the wall clock was set by hand during the boot with this id (a restart of the app
 * does not make a clock set by hand untrusted again): 1 yes, 0 no, -1 with msg set. */
int eventlog_clock_set_in_boot(struct eventlog *log, const char *boot_id, char *msg,
			       size_t msg_len);

/* Called with each prompt id eventlog_recent_prompts reads. */
typedef void (*eventlog_prompt_fn)(void *user, const char *prompt_id);

/* Reads the ids of the last `max` prompts shown, newest first, into fn. Returns how many, or
 * -1 with msg set. */
int eventlog_recent_prompts(struct eventlog *log, size_t max, eventlog_prompt_fn fn, void *user,
			    char *msg, size_t msg_len);

/* Fills the week ending on local day `today` (one member's rows, or everyone's when member is
 * NULL). Check-in answers are read only for a member's own week (everyone's has none): calmness
 * by their place in answers[], the first 1, the last 0. Returns 0, or -1 with msg set. */
int eventlog_week(struct eventlog *log, int64_t today, const char *member,
		  const char (*answers)[CHECKIN_ANSWER_MAX + 1], int n_answers,
		  struct history_week *week, char *msg, size_t msg_len);

void eventlog_close(struct eventlog *log);

/* The SQLite version the app runs with, e.g. "3.40.1". */
const char *eventlog_library_version(void);

#endif
