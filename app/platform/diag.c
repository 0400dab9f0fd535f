/* SPDX-License-Identifier: MIT */
/* Logging to stderr, with journal priority prefixes when running under systemd. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum diag_level max_level = DIAG_INFO;
static bool to_journal;

void diag_set_level(enum diag_level level)
{
	max_level = level;
}

void diag_init(void)
{
	to_journal = getenv("JOURNAL_STREAM") != NULL;
	/* CALM_DEBUG=1: the debug lines too (such as how long a press took to reach the screen,
	 * or where the breathing begins in the sound's stream). */
	if (getenv("CALM_DEBUG") && strcmp(getenv("CALM_DEBUG"), "0") != 0)
		max_level = DIAG_DEBUG;
}

static void diag_v(enum diag_level level, const char *suffix, const char *fmt, va_list ap)
{
	static const char *const words[] = {[DIAG_ERROR] = "error: ",
					    [DIAG_WARN] = "warning: ",
					    [DIAG_INFO] = "",
					    [DIAG_DEBUG] = "debug: "};

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

void diag_msg(enum diag_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_v(level, NULL, fmt, ap);
	va_end(ap);
}

void diag_errno(enum diag_level level, const char *fmt, ...)
{
	const char *why = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	diag_v(level, why, fmt, ap);
	va_end(ap);
}
