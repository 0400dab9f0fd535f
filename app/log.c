/* Logging to stderr, with journal priority prefixes when running under systemd. */
#include "log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum log_level max_level = LEVEL_INFO;
static bool to_journal;

void log_set_level(enum log_level level)
{
	max_level = level;
}

void log_init(void)
{
	to_journal = getenv("JOURNAL_STREAM") != NULL;
}

static void log_v(enum log_level level, const char *suffix, const char *fmt, va_list ap)
{
	static const char *const words[] = {[LEVEL_ERROR] = "error: ",
					    [LEVEL_WARN] = "warning: ",
					    [LEVEL_INFO] = "",
					    [LEVEL_DEBUG] = "debug: "};

	if (level > max_level)
		return;
	if (to_journal)
		fprintf(stderr, "<%d>", (int)level);
	else
		fprintf(stderr, "calm-prompt: %s", words[level]);
	vfprintf(stderr, fmt, ap);
	if (suffix)
		fprintf(stderr, ": %s", suffix);
	fputc('\n', stderr);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_v(level, NULL, fmt, ap);
	va_end(ap);
}

void log_errno(enum log_level level, const char *fmt, ...)
{
	const char *why = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	log_v(level, why, fmt, ap);
	va_end(ap);
}
