/* SPDX-License-Identifier: MIT */
/* Noticing when the wall clock is set (network time arriving, the time set by hand), so the clock
 * on screen and the night schedule follow at once rather than at the next stale minute. */
#ifndef CALM_CLOCKWATCH_H
#define CALM_CLOCKWATCH_H

#include <stdbool.h>

struct clockwatch;

/* NULL (errno set) when the kernel offers no way to be told. */
struct clockwatch *clockwatch_open(void);
void clockwatch_close(struct clockwatch *cw);

/* A descriptor that becomes readable when the clock is set: for poll(). */
int clockwatch_fd(const struct clockwatch *cw);

/* Whether the clock was set since the last call. Never blocks. */
bool clockwatch_stepped(struct clockwatch *cw);

#endif
