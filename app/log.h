/* The one logging helper: leveled, printf-checked, to stderr (the journal, under systemd). */
#ifndef CALM_LOG_H
#define CALM_LOG_H

enum log_level {
	LEVEL_ERROR = 3, /* syslog priorities, so the journal files them right */
	LEVEL_WARN = 4,
	LEVEL_INFO = 6,
	LEVEL_DEBUG = 7,
};

/* Messages above this level are dropped. */
void log_set_level(enum log_level level);

/* Under systemd (JOURNAL_STREAM set) lines get "<N>" priority prefixes instead of words. */
void log_init(void);

void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Like log_msg, with ": " and strerror(errno) appended. */
void log_errno(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) log_msg(LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...)  log_msg(LEVEL_WARN, __VA_ARGS__)
#define log_info(...)  log_msg(LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LEVEL_DEBUG, __VA_ARGS__)

#endif
