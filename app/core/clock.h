/* SPDX-License-Identifier: MIT */
/* The wall clock as the device sees it: how far it can be trusted, and setting it by hand field
 * by field (hours, minutes, then the date), with the calendar arithmetic that needs. */
#ifndef CALM_CLOCK_H
#define CALM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

enum clock_state {
	CLOCK_UNKNOWN = 0, /* no sync, no RTC that holds a time, never set: the time may be wrong */
	CLOCK_SYNCED,      /* the kernel says it is synchronised (NTP or similar) */
	CLOCK_RTC,         /* a real-time clock kept it through the power-off */
	CLOCK_SET,         /* set by hand on this boot (or given on the command line) */
	CLOCK_STATES,
};

/* What the shell found out about the clock; the core decides what it means. */
struct clock_facts {
	bool kernel_synced;  /* adjtimex: synchronised */
	bool rtc_keeps_time; /* an RTC is there and holds a plausible time */
	bool set_this_boot;  /* the time was set by hand since the machine started */
	bool given;          /* the time was given on the command line (--clock, --date) */
};

/* The clock's state from the facts: a sync beats a hand, a hand beats an RTC (it was set after
 * the RTC was read), and with none of them the time is unknown. */
enum clock_state clock_state_decide(const struct clock_facts *facts);

const char *clock_state_name(enum clock_state state);
/* Parses a state name (as clock_state_name gives it); -1 when unknown. */
int clock_state_from_name(const char *name);

/* A local civil time to the minute. */
struct civil_time {
	int year, month, day; /* month 1-12, day 1-31 */
	int hour, minute;
};

/* Years the clock can be set to by hand: a device is not set to before it was made. */
#define CLOCK_FIRST_YEAR 2025
#define CLOCK_LAST_YEAR  2099

int clock_days_in_month(int year, int month);

/* Days since 1970-01-01 of a date (proleptic Gregorian), and back. */
int64_t clock_days_from_civil(int year, int month, int day);
void clock_civil_from_days(int64_t days, int *year, int *month, int *day);

/* ms since local day 0 (the device's local time) of a civil time, and back. */
int64_t clock_local_ms(const struct civil_time *t);
struct civil_time clock_civil(int64_t local_ms);

enum clockset_field {
	CLOCKSET_HOUR = 0,
	CLOCKSET_MINUTE,
	CLOCKSET_YEAR,
	CLOCKSET_MONTH,
	CLOCKSET_DAY,
	CLOCKSET_FIELDS,
};

/* The time being set: nothing changes anywhere until the last field is confirmed. */
struct clockset {
	struct civil_time value;
	enum clockset_field field; /* the one being stepped */
};

/* Starts from local_ms (the best guess there is; -1 when there is none), seconds dropped; a
 * year outside the settable ones starts at the first. */
void clockset_begin(struct clockset *c, int64_t local_ms);

/* The field being set, delta steps on, round within its range (a day past the month's end is
 * the 1st; the day is kept within its month when the month or year changes). */
void clockset_step(struct clockset *c, int delta);

/* Confirms the field: moves on to the next; false when it was the last one (all confirmed). */
bool clockset_next_field(struct clockset *c);

const char *clockset_field_name(enum clockset_field field);

/* Day and month names in English, marked for the screen to translate (i18n_mark.h): weekday 0
 * is Sunday (context "weekday", and "weekday short" for the two letters under a day's bar),
 * month 1 is January (context "month"). Out of range: "". */
const char *clock_weekday_name(int wday);
const char *clock_weekday_short(int wday);
const char *clock_month_name(int month);

#endif
