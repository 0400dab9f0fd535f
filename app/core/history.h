/* SPDX-License-Identifier: MIT */
/* The week at a glance: what the history screen draws, read from the event log. */
#ifndef CALM_HISTORY_H
#define CALM_HISTORY_H

#include <stdint.h>

#define HISTORY_DAYS 7

struct history_day {
	int64_t day;         /* local day number (days since 1970-01-01, local time) */
	int64_t breathed_ms; /* time breathed in sessions that began that day */
	int prompts;         /* connection prompts shown */
	int answered;        /* sessions with an answer after (a member's own week only) */
	double calm_after;   /* their mean calm after, 0 (the last answer) to 1 (the first) */
};

struct history_week {
	struct history_day days[HISTORY_DAYS]; /* oldest first; the last is today */
	const char *member;                    /* whose week (NULL: everyone) */
};

#endif
