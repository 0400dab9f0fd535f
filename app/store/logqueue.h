/* SPDX-License-Identifier: MIT */
/* The app's way into the event log: rows that cannot be written now are held in memory, in order,
 * and written as soon as the file takes them again; old rows go after the configured days. */
#ifndef CALM_LOGQUEUE_H
#define CALM_LOGQUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"
#include "eventlog.h"
#include "wallclock.h"

#define LOGQUEUE_HOLD_MAX     10000 /* rows held at most (a few MB); then the oldest go */
#define LOGQUEUE_RETRY_MIN_MS 1000  /* the first retry after a failure... */
#define LOGQUEUE_RETRY_MAX_MS 60000 /* ...doubling up to this */
#define LOGQUEUE_PRUNE_MS     (24 * 60 * 60 * 1000) /* retention runs at most this often */
#define LOGQUEUE_DAY_S        (24 * 60 * 60)

/* What the journal should hear about. Each comes once per episode, never once per row. */
enum logqueue_notice {
	LOGQUEUE_FAILING,     /* rows can no longer be written; msg says why (error) */
	LOGQUEUE_DROPPING,    /* the hold is full: the oldest rows are being dropped (error) */
	LOGQUEUE_RECOVERED,   /* everything held is written; msg says how many (info) */
	LOGQUEUE_MOVED_ASIDE, /* a damaged file was renamed aside and a new one started (warning) */
	LOGQUEUE_PRUNED,      /* retention deleted old rows; msg says how many (info) */
	LOGQUEUE_PRUNE_FAILED, /* retention could not delete; tried again a day later (warning) */
	LOGQUEUE_LOST,         /* at close: rows that never could be written (error) */
};

typedef void (*logqueue_notice_fn)(void *user, enum logqueue_notice what, const char *msg);

struct logqueue_settings {
	size_t hold_max; /* rows held at most; 0: LOGQUEUE_HOLD_MAX */
	int keep_days;   /* rows older than this many days are deleted; 0: keep everything */
	logqueue_notice_fn notice; /* may be NULL */
	void *user;                /* passed to notice */
};

struct logqueue;

/* Opens the event log at path (eventlog_open: created, migrated, a damaged file moved aside).
 * When it cannot be opened now, the queue still works: it holds rows and tries again. Returns
 * NULL only when out of memory. Times are monotonic ms, from the first call that gives one. */
struct logqueue *logqueue_open(const char *path, const struct logqueue_settings *settings);

/* Writes one report's rows after every row still held, each in its own transaction, durable
 * when this returns true. When a row cannot be written, it and the report are held (what the
 * report points to is copied) and false is returned; held rows are retried on every append
 * while the file is open, else when the retry timer is due. */
bool logqueue_append(struct logqueue *q, const struct device_report *report,
		     const char *button_name, const struct wall_stamp *when, int64_t now_ms);

/* Retries held rows (and opening the file) when the timer is due, and runs retention when a
 * day has passed. wall_utc_s is the wall clock now; retention waits until wall_trusted (the
 * clock is synchronised): a Pi without a real-time clock may believe it is years ahead and
 * would otherwise delete everything. */
void logqueue_tick(struct logqueue *q, int64_t now_ms, int64_t wall_utc_s, bool wall_trusted);

/* Whether something is wrong: the file is not open, or rows are held. Clears once all is
 * written. */
bool logqueue_trouble(const struct logqueue *q);

/* How many rows wait in memory. */
size_t logqueue_held(const struct logqueue *q);

/* When logqueue_tick next has something to do for a retry, or -1 when nothing waits. */
int64_t logqueue_deadline(const struct logqueue *q);

/* The week at a glance (eventlog_week), when the log is open; -1 with msg otherwise. */
int logqueue_week(struct logqueue *q, int64_t today, const char *member,
		  const char (*answers)[CHECKIN_ANSWER_MAX + 1], int n_answers,
		  struct history_week *week, char *msg, size_t msg_len);

/* Whether an appreciation left earlier still waits (eventlog_appreciation_waiting). */
int logqueue_appreciation_waiting(struct logqueue *q, char *msg, size_t msg_len);

/* The ids of the last `max` prompts shown, newest first (eventlog_recent_prompts); rows still
 * held in memory are not among them. Returns how many, or -1 with msg set (also when the file
 * is not open). */
int logqueue_recent_prompts(struct logqueue *q, size_t max, eventlog_prompt_fn fn, void *user,
			    char *msg, size_t msg_len);

/* Tries once more to write what is held, reports through the notice what is lost, closes the
 * file. Accepts NULL. */
void logqueue_close(struct logqueue *q);

#endif
