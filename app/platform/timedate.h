/* SPDX-License-Identifier: MIT */
/* Setting the wall clock the Debian way: systemd-timedated's SetTime over the system bus, which
 * polkit allows this service for exactly that action; timedated also writes the RTC where
 * there is one. The service itself never holds the capability to set the clock. */
#ifndef CALM_TIMEDATE_H
#define CALM_TIMEDATE_H

#include <stddef.h>
#include <stdint.h>

enum timedate_result {
	TIMEDATE_SET = 0,     /* the clock now shows the time asked for */
	TIMEDATE_REFUSED,     /* timedated said no (polkit, or another reason); nothing changed */
	TIMEDATE_AUTOMATIC,   /* refused: network time keeps the clock here (NTP is on) */
	TIMEDATE_UNAVAILABLE, /* no system bus, or no timedated on it; nothing changed */
};

/* Asks timedated to set the wall clock to utc_us (microseconds since the epoch, UTC), without
 * asking anyone interactively. The bus is the system's (DBUS_SYSTEM_BUS_ADDRESS when set).
 * Waits up to a minute for the answer (timedate_call.h waits on a thread of its own). msg
 * says what happened when the result is not TIMEDATE_SET. */
enum timedate_result timedate_set_time(int64_t utc_us, char *msg, size_t msg_len);

#endif
