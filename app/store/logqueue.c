/* SPDX-License-Identifier: MIT */
/* The event log as the app uses it: a hold of rows in memory while the file cannot be written,
 * retried with backoff, and daily retention. */
#include "logqueue.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eventlog.h"

#define HOLD_FIRST 16 /* rows room is made for at first; it doubles up to hold_max */

/* A report kept until it is written, owning copies of everything it points to. */
struct held_row {
	struct device_report report; /* its strings point into strings; its prompt is NULL: the
					held copy is prompt, pointed to only when the row is written
					(the ring moves rows as it grows) */
	struct prompt prompt;        /* the shown prompt's id (its text is not logged) */
	bool has_prompt;
	struct wall_stamp when;
	const char *button; /* NULL: the device acted by itself */
	char *strings;      /* one allocation for all copied strings */
};

struct logqueue {
	char *path;
	struct eventlog *log; /* NULL while the file cannot be opened */
	size_t hold_max;
	int keep_days;
	logqueue_notice_fn notice;
	void *user;
	struct held_row *rows; /* a ring: rows[head] is the oldest */
	size_t cap, head, count;
	bool started;        /* a time has been seen: the timers below are set */
	bool failing;        /* in an episode of trouble, announced by LOGQUEUE_FAILING */
	int64_t retry_at;    /* the next retry, when something waits */
	int64_t retry_ms;    /* the backoff: the wait after the next failure */
	int64_t prune_at;    /* the next retention run */
	size_t written_late; /* rows of this episode written after being held */
	size_t dropped;      /* rows of this episode dropped because the hold was full */
};

__attribute__((format(printf, 3, 4))) static void
notify(struct logqueue *q, enum logqueue_notice what, const char *fmt, ...)
{
	char msg[PATH_MAX + 1024];
	va_list ap;

	if (q->notice == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	q->notice(q->user, what, msg);
}

static void start_clock(struct logqueue *q, int64_t now_ms)
{
	if (q->started)
		return;
	/* A failure to open before there was a time is retried at once, from the first wait. */
	q->started = true;
	q->retry_at = now_ms;
	q->retry_ms = LOGQUEUE_RETRY_MIN_MS;
	q->prune_at = now_ms;
}

/* A write or an open failed: the first time in an episode the journal hears why; the next retry
 * waits a little longer each time. */
static void failed(struct logqueue *q, int64_t now_ms, const char *why)
{
	if (!q->failing) {
		q->failing = true;
		notify(q, LOGQUEUE_FAILING, "%s; holding rows in memory and trying again", why);
	}
	q->retry_at = now_ms + q->retry_ms;
	q->retry_ms =
		q->retry_ms * 2 > LOGQUEUE_RETRY_MAX_MS ? LOGQUEUE_RETRY_MAX_MS : q->retry_ms * 2;
}

/* An append failed; why is eventlog_append's message. */
static void cannot_write(struct logqueue *q, int64_t now_ms, const char *why)
{
	char msg[PATH_MAX + 700];

	snprintf(msg, sizeof(msg), "cannot write to the event log '%s': %s", q->path, why);
	failed(q, now_ms, msg);
}

/* Opens the file; false (with the failure noted) when it cannot be. */
static bool try_open(struct logqueue *q, int64_t now_ms)
{
	char msg[PATH_MAX + 600];

	switch (eventlog_open(q->path, &q->log, msg, sizeof(msg))) {
	case EVENTLOG_OPENED:
		return true;
	case EVENTLOG_MOVED_ASIDE:
		notify(q, LOGQUEUE_MOVED_ASIDE, "%s", msg);
		return true;
	case EVENTLOG_FAILED:
		break;
	}
	failed(q, now_ms, msg);
	return false;
}

static void free_row(struct held_row *row)
{
	free(row->strings);
	row->strings = NULL;
}

static void pop_oldest(struct logqueue *q)
{
	free_row(&q->rows[q->head]);
	q->head = (q->head + 1) % q->cap;
	q->count--;
}

/* Copies a string into the row's pool at *next; returns the copy, or NULL for NULL. */
static const char *keep(const char *s, char **next)
{
	char *copy = *next;
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(copy, s, n);
	*next += n;
	return copy;
}

/* Fills row with a copy of the report that owns all it points to. Returns 0 or -1 (no memory).
 * Every pointer in struct device_report must be copied here, or a held row would point at
 * memory the device has since reused. */
static int copy_report(struct held_row *row, const struct device_report *r, const char *button,
		       const struct wall_stamp *when)
{
	const char *const strings[] = {button,    r->pattern, r->reason,
				       r->answer, r->member,  r->source};
	size_t total = 0;
	char *next;

	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		total += strings[i] ? strlen(strings[i]) + 1 : 0;
	row->strings = malloc(total ? total : 1);
	if (row->strings == NULL)
		return -1;
	next = row->strings;
	row->report = *r;
	row->when = *when;
	row->button = keep(button, &next);
	row->report.pattern = keep(r->pattern, &next);
	row->report.reason = keep(r->reason, &next);
	row->report.answer = keep(r->answer, &next);
	row->report.member = keep(r->member, &next);
	row->report.source = keep(r->source, &next);
	/* No pointer into the row itself: make_room moves rows. */
	row->report.prompt = NULL;
	row->has_prompt = r->prompt != NULL;
	if (row->has_prompt) {
		row->prompt = *r->prompt;
		row->prompt.text = NULL;
	}
	return 0;
}

/* Makes room for one more row: grows the ring up to hold_max, else drops the oldest. */
static bool make_room(struct logqueue *q)
{
	struct held_row *bigger;
	size_t cap;

	if (q->count < q->cap)
		return true;
	cap = q->cap * 2 < q->hold_max ? q->cap * 2 : q->hold_max;
	if (cap > q->cap) {
		bigger = malloc(cap * sizeof(*bigger));
		if (bigger != NULL) {
			for (size_t i = 0; i < q->count; i++)
				bigger[i] = q->rows[(q->head + i) % q->cap];
			free(q->rows);
			q->rows = bigger;
			q->cap = cap;
			q->head = 0;
			return true;
		}
	}
	if (q->count == 0)
		return false;
	if (q->dropped == 0)
		notify(q, LOGQUEUE_DROPPING,
		       "the event log '%s' has not been written for %zu rows; dropping the "
		       "oldest held rows to keep the newest",
		       q->path, q->count);
	pop_oldest(q);
	q->dropped++;
	return true;
}

static void hold(struct logqueue *q, const struct device_report *report, const char *button,
		 const struct wall_stamp *when)
{
	struct held_row *row;

	if (!make_room(q)) {
		q->dropped++;
		return;
	}
	row = &q->rows[(q->head + q->count) % q->cap];
	if (copy_report(row, report, button, when) != 0) {
		/* Out of memory: this row is lost, and the episode's count says so. */
		q->dropped++;
		return;
	}
	q->count++;
}

/* The end of an episode: everything held is written. */
static void recovered(struct logqueue *q)
{
	if (q->failing) {
		if (q->dropped > 0)
			notify(q, LOGQUEUE_RECOVERED,
			       "the event log '%s' is written again: %zu held row%s written, %zu "
			       "dropped",
			       q->path, q->written_late, q->written_late == 1 ? "" : "s",
			       q->dropped);
		else
			notify(q, LOGQUEUE_RECOVERED,
			       "the event log '%s' is written again: %zu held row%s written",
			       q->path, q->written_late, q->written_late == 1 ? "" : "s");
	}
	q->failing = false;
	q->written_late = 0;
	q->dropped = 0;
	q->retry_ms = LOGQUEUE_RETRY_MIN_MS;
}

/* Writes held rows, oldest first, until one fails. reopen: also try to open a file that is not
 * open. Returns whether nothing is held any more. */
static bool drain(struct logqueue *q, int64_t now_ms, bool reopen)
{
	char msg[PATH_MAX + 600];
	bool reopened = false;

	if (q->log == NULL && (!reopen || !try_open(q, now_ms)))
		return false;
	while (q->count > 0) {
		struct held_row *row = &q->rows[q->head];
		struct device_report report = row->report;

		report.prompt = row->has_prompt ? &row->prompt : NULL;
		switch (eventlog_append(q->log, &report, row->button, &row->when, msg,
					sizeof(msg))) {
		case EVENTLOG_WRITTEN:
			pop_oldest(q);
			q->written_late++;
			continue;
		case EVENTLOG_DAMAGED:
			/* Opening again moves the damaged file aside and starts a new one; a new
			 * file found damaged too is a plain failure, not a reason to go round
			 * again. */
			if (reopened)
				break;
			reopened = true;
			eventlog_close(q->log);
			q->log = NULL;
			if (!try_open(q, now_ms))
				return false;
			continue;
		case EVENTLOG_NOT_WRITTEN:
			break;
		}
		cannot_write(q, now_ms, msg);
		return false;
	}
	recovered(q);
	return true;
}

struct logqueue *logqueue_open(const char *path, const struct logqueue_settings *settings)
{
	struct logqueue *q = calloc(1, sizeof(*q));

	if (q == NULL)
		return NULL;
	q->path = strdup(path);
	q->hold_max = settings->hold_max ? settings->hold_max : LOGQUEUE_HOLD_MAX;
	q->cap = q->hold_max < HOLD_FIRST ? q->hold_max : HOLD_FIRST;
	q->rows = calloc(q->cap, sizeof(*q->rows));
	if (q->path == NULL || q->rows == NULL)
		goto err_free_queue;
	q->keep_days = settings->keep_days;
	q->notice = settings->notice;
	q->user = settings->user;
	q->retry_ms = LOGQUEUE_RETRY_MIN_MS;
	/* The clock starts at the first call that gives a time; a failure here is retried then. */
	try_open(q, 0);
	return q;

err_free_queue:
	free(q->rows);
	free(q->path);
	free(q);
	return NULL;
}

bool logqueue_append(struct logqueue *q, const struct device_report *report,
		     const char *button_name, const struct wall_stamp *when, int64_t now_ms)
{
	char msg[PATH_MAX + 600];

	start_clock(q, now_ms);
	/* Held rows go first, so the file keeps the order things happened in. */
	if (q->count > 0 || q->log == NULL)
		drain(q, now_ms, now_ms >= q->retry_at);
	if (q->count == 0 && q->log != NULL) {
		switch (eventlog_append(q->log, report, button_name, when, msg, sizeof(msg))) {
		case EVENTLOG_WRITTEN:
			return true;
		case EVENTLOG_DAMAGED:
			/* Held, then written by the drain into the file that replaces this one. */
			hold(q, report, button_name, when);
			return drain(q, now_ms, true);
		case EVENTLOG_NOT_WRITTEN:
			cannot_write(q, now_ms, msg);
			break;
		}
	}
	hold(q, report, button_name, when);
	return false;
}

static void prune(struct logqueue *q, int64_t now_ms, int64_t wall_utc_s)
{
	struct eventlog_counts gone;
	char msg[512], cutoff[32];
	int64_t before = wall_utc_s - (int64_t)q->keep_days * LOGQUEUE_DAY_S;
	time_t t = (time_t)before;
	struct tm tm;

	q->prune_at = now_ms + LOGQUEUE_PRUNE_MS;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(cutoff, sizeof(cutoff), "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(cutoff, sizeof(cutoff), "%lld", (long long)before);
	if (eventlog_forget(q->log, before, false, true, &gone, msg, sizeof(msg)) != 0) {
		notify(q, LOGQUEUE_PRUNE_FAILED, "keeping %d days: %s", q->keep_days, msg);
		return;
	}
	if (gone.presses + gone.sessions + gone.prompts_shown > 0)
		notify(q, LOGQUEUE_PRUNED,
		       "keeping %d days: deleted %lld presses, %lld sessions and %lld prompts "
		       "shown from before %s",
		       q->keep_days, (long long)gone.presses, (long long)gone.sessions,
		       (long long)gone.prompts_shown, cutoff);
}

void logqueue_tick(struct logqueue *q, int64_t now_ms, int64_t wall_utc_s, bool wall_trusted)
{
	start_clock(q, now_ms);
	if ((q->log == NULL || q->count > 0) && now_ms >= q->retry_at)
		drain(q, now_ms, true);
	if (q->keep_days > 0 && wall_trusted && q->log != NULL && q->count == 0 &&
	    now_ms >= q->prune_at)
		prune(q, now_ms, wall_utc_s);
}

bool logqueue_trouble(const struct logqueue *q)
{
	return q->log == NULL || q->count > 0;
}

size_t logqueue_held(const struct logqueue *q)
{
	return q->count;
}

int64_t logqueue_deadline(const struct logqueue *q)
{
	return logqueue_trouble(q) ? q->retry_at : -1;
}

void logqueue_close(struct logqueue *q)
{
	if (q == NULL)
		return;
	if (logqueue_trouble(q) && !drain(q, q->retry_at, true) && q->count > 0)
		notify(q, LOGQUEUE_LOST,
		       "%zu row%s could not be written to the event log '%s' and %s lost", q->count,
		       q->count == 1 ? "" : "s", q->path, q->count == 1 ? "is" : "are");
	while (q->count > 0)
		pop_oldest(q);
	eventlog_close(q->log);
	free(q->rows);
	free(q->path);
	free(q);
}

int logqueue_week(struct logqueue *q, int64_t today, const char *member,
		  const char (*answers)[CHECKIN_ANSWER_MAX + 1], int n_answers,
		  struct history_week *week, char *msg, size_t msg_len)
{
	if (q->log == NULL) {
		snprintf(msg, msg_len, "the event log '%s' is not open", q->path);
		return -1;
	}
	return eventlog_week(q->log, today, member, answers, n_answers, week, msg, msg_len);
}

int logqueue_appreciation_waiting(struct logqueue *q, char *msg, size_t msg_len)
{
	if (q->log == NULL) {
		snprintf(msg, msg_len, "the event log '%s' is not open", q->path);
		return -1;
	}
	return eventlog_appreciation_waiting(q->log, msg, msg_len);
}

int logqueue_clock_set_in_boot(struct logqueue *q, const char *boot_id, char *msg,
			       size_t msg_len)
{
	if (q->log == NULL) {
		snprintf(msg, msg_len, "the event log '%s' is not open", q->path);
		return -1;
	}
	return eventlog_clock_set_in_boot(q->log, boot_id, msg, msg_len);
}

int logqueue_recent_prompts(struct logqueue *q, size_t max, eventlog_prompt_fn fn, void *user,
			    char *msg, size_t msg_len)
{
	if (q->log == NULL) {
		snprintf(msg, msg_len, "the event log '%s' is not open", q->path);
		return -1;
	}
	return eventlog_recent_prompts(q->log, max, fn, user, msg, msg_len);
}
