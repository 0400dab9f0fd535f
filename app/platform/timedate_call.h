/* SPDX-License-Identifier: MIT */
/* timedated's SetTime on a thread of its own. The first call after boot has the bus start
 * systemd-timedated, which starts polkit to ask: seconds on a slow Pi (8 s on an emulated
 * one), during which the screen is still drawn and systemd's watchdog still hears from the
 * main loop. */
#ifndef CALM_TIMEDATE_CALL_H
#define CALM_TIMEDATE_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timedate.h"

struct timedate_call;

/* Called on the call's thread once it has an answer: it must only wake the main loop. */
typedef void timedate_wake_fn(void *user);

/* Starts asking timedated to set the clock to utc_us (as timedate_set_time). wake(user) is
 * called when the answer is in. NULL (errno set) when no thread could be started. */
struct timedate_call *timedate_call_start(int64_t utc_us, timedate_wake_fn *wake, void *user);

/* Whether the answer is in; then result and msg say what it was (as timedate_set_time).
 * Never blocks. */
bool timedate_call_done(struct timedate_call *call, enum timedate_result *result, char *msg,
			size_t msg_len);

/* Lets go of the call (NULL is fine). One still waiting for its answer finishes on its own
 * thread without calling wake, and frees itself. */
void timedate_call_free(struct timedate_call *call);

#endif
