/* SPDX-License-Identifier: MIT */
/* Deadlines: monotonic times in ms, or -1 for "none". */
#ifndef CALM_DEADLINE_H
#define CALM_DEADLINE_H

#include <stdint.h>

/* The earlier of two deadlines, where -1 (none) never wins. */
static inline int64_t deadline_earlier(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

#endif
