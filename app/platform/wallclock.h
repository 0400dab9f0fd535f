/* SPDX-License-Identifier: MIT */
/* Wall-clock stamps for the log: civil time, monotonic time, boot id and clock trust. */
#ifndef CALM_WALLCLOCK_H
#define CALM_WALLCLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wall_stamp {
	int64_t utc_s;      /* seconds since the epoch, UTC (64-bit: safe past 2038 on armhf too) */
	int utc_offset_min; /* local offset from UTC at that moment, minutes east */
	int64_t mono_ms;    /* CLOCK_MONOTONIC, ms: orders rows within one boot */
	char boot_id[37];   /* the kernel's boot id; rows of one boot share it */
	bool synced;        /* the kernel says the wall clock is synchronised (a Pi has no RTC) */
};

/* Milliseconds of CLOCK_MONOTONIC. */
int64_t mono_now_ms(void);

/* Milliseconds of CLOCK_REALTIME since the epoch: the one wall clock "now". */
int64_t wall_now_ms(void);

/* The current boot's id from /proc ("unknown" when unreadable). */
void wallclock_boot_id(char out[37]);

/* Whether the kernel considers the wall clock synchronised (NTP or similar). */
bool wallclock_synced(void);

/* A stamp for now. */
void wallclock_stamp(struct wall_stamp *stamp);

/* The local UTC offset, in minutes east, at utc_s. */
int wallclock_offset_min(int64_t utc_s);

/* Parses "HH:MM" and "YYYY-MM-DD" (either may be NULL: today / now) into a local time as UTC
 * seconds. Returns 0, or -1 with msg set. */
int wallclock_parse_fixed(const char *clock, const char *date, int64_t now_utc_s,
			  int64_t *out_utc_s, char *msg, size_t msg_len);

#endif
