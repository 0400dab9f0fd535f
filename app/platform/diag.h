/* SPDX-License-Identifier: MIT */
/* Diagnostics for people: leveled, printf-checked lines on stderr (the journal, under systemd).
 * Not the event log (app/store), which keeps the household's presses. */
#ifndef CALM_DIAG_H
#define CALM_DIAG_H

enum diag_level {
	DIAG_ERROR = 3, /* syslog priorities, so the journal files them right */
	DIAG_WARN = 4,
	DIAG_INFO = 6,
	DIAG_DEBUG = 7,
};

/* Messages above this level are dropped. */
void diag_set_level(enum diag_level level);

/* Under systemd (JOURNAL_STREAM set) lines get "<N>" priority prefixes instead of words. */
void diag_init(void);

void diag_msg(enum diag_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Like diag_msg, with ": " and strerror(errno) appended. */
void diag_errno(enum diag_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define diag_error(...) diag_msg(DIAG_ERROR, __VA_ARGS__)
#define diag_warn(...)  diag_msg(DIAG_WARN, __VA_ARGS__)
#define diag_info(...)  diag_msg(DIAG_INFO, __VA_ARGS__)
#define diag_debug(...) diag_msg(DIAG_DEBUG, __VA_ARGS__)

#endif
