/* The event log: every press, session and prompt shown, in a SQLite file owned by the household. */
#ifndef CALM_EVENTLOG_H
#define CALM_EVENTLOG_H

#include <stddef.h>

#include "device.h"
#include "wallclock.h"

/* The schema version this build writes (PRAGMA user_version). */
#define EVENTLOG_SCHEMA_VERSION 1

struct eventlog;

enum eventlog_open_result {
	EVENTLOG_OPENED = 0,  /* ready */
	EVENTLOG_MOVED_ASIDE, /* ready, but a damaged file was renamed aside first (msg says where)
			       */
	EVENTLOG_FAILED = -1, /* not usable (msg says why) */
};

/* Opens or creates the log at path (its folder must exist), in WAL mode with synchronous=FULL,
 * creating or migrating the schema. A file that is not a database or fails a quick check is
 * renamed to "<path>.damaged-YYYYMMDD-HHMMSS" (never deleted) and a new one is started. */
enum eventlog_open_result eventlog_open(const char *path, struct eventlog **out, char *msg,
					size_t msg_len);

/* Writes what one report records, in one transaction that is committed (durable) on return:
 * a press row when a button acted (button_name not NULL), a session row when one starts (the
 * same row is completed when it stops), a prompt row when a prompt is shown.
 * Returns 0, or -1 with msg set. */
int eventlog_append(struct eventlog *log, const struct device_report *report,
		    const char *button_name, const struct wall_stamp *when, char *msg,
		    size_t msg_len);

void eventlog_close(struct eventlog *log);

#endif
