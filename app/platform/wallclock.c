/* SPDX-License-Identifier: MIT */
/* Wall-clock stamps for the log, and parsing the fixed times that --clock and --date ask for. */
#include "wallclock.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/timex.h>
#include <sys/types.h>
#include <time.h>

#include "clock.h"

#define BOOT_ID_PATH "/proc/sys/kernel/random/boot_id"
#define RTC_DIR      "/sys/class/rtc/rtc0"

/* A 32-bit time_t ends in January 2038, well within a device's life: CMakeLists.txt asks for a
 * 64-bit one on every 32-bit target (_TIME_BITS=64, with _FILE_OFFSET_BITS=64). */
_Static_assert(sizeof(time_t) == 8, "time_t must be 64 bits: build with -D_TIME_BITS=64 "
				    "-D_FILE_OFFSET_BITS=64");
_Static_assert(sizeof(off_t) == 8, "off_t must be 64 bits: build with -D_FILE_OFFSET_BITS=64");

int64_t mono_now_ms(void)
{
	struct timespec ts;

	/* CLOCK_MONOTONIC cannot fail on Linux with a valid pointer; a zero stamp beats crashing.
	 */
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t wall_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void wallclock_boot_id(char out[37])
{
	FILE *f = fopen(BOOT_ID_PATH, "r");

	if (f == NULL)
		goto unknown;
	if (fgets(out, 37, f) == NULL)
		goto err_close_file;
	fclose(f);
	out[strcspn(out, "\n")] = '\0';
	if (out[0] == '\0')
		goto unknown;
	return;

err_close_file:
	fclose(f);
unknown:
	snprintf(out, 37, "unknown");
}

bool wallclock_synced(void)
{
	/* modes == 0 only reads the kernel's NTP state, which needs no privilege. */
	struct timex tx = {0};
	int state = adjtimex(&tx);

	return state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
}

bool wallclock_rtc_keeps_time(const char *rtc_dir)
{
	char path[512];
	int64_t since_epoch = 0;
	FILE *f;
	bool plausible;

	snprintf(path, sizeof(path), "%s/since_epoch", rtc_dir ? rtc_dir : RTC_DIR);
	f = fopen(path, "r");
	if (f == NULL)
		return false;
	/* Reading fails (EINVAL) on an RTC whose time was never set. */
	plausible = fscanf(f, "%" SCNd64, &since_epoch) == 1 &&
		    since_epoch >= clock_days_from_civil(CLOCK_FIRST_YEAR, 1, 1) * 86400;
	fclose(f);
	return plausible;
}

static int64_t wall_now_s(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec;
}

void wallclock_stamp(struct wall_stamp *stamp)
{
	stamp->utc_s = wall_now_s();
	stamp->utc_offset_min = wallclock_offset_min(stamp->utc_s);
	stamp->mono_ms = mono_now_ms();
	wallclock_boot_id(stamp->boot_id);
	stamp->synced = wallclock_synced();
}

/* Converts to time_t, failing when it does not fit (armhf built without _TIME_BITS=64, after
 * 2038), so a wrapped value never turns into a wrong local time. */
static int to_time_t(int64_t utc_s, time_t *out)
{
	time_t t = (time_t)utc_s;

	if ((int64_t)t != utc_s)
		return -1;
	*out = t;
	return 0;
}

int wallclock_utc_of_local(const struct civil_time *t, int64_t *out_utc_s)
{
	struct tm tm = {
		.tm_year = t->year - 1900,
		.tm_mon = t->month - 1,
		.tm_mday = t->day,
		.tm_hour = t->hour,
		.tm_min = t->minute,
		.tm_isdst = -1, /* mktime decides from the date */
	};
	time_t u = mktime(&tm);

	if (u == (time_t)-1)
		return -1;
	*out_utc_s = (int64_t)u;
	return 0;
}

int wallclock_offset_min(int64_t utc_s)
{
	struct tm tm;
	time_t t;

	if (to_time_t(utc_s, &t) != 0 || localtime_r(&t, &tm) == NULL)
		return 0;
	return (int)(tm.tm_gmtoff / 60);
}

/* The value of n decimal digits at s, or -1 when any of them is not a digit. */
static int digits(const char *s, int n)
{
	int value = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		value = value * 10 + (s[i] - '0');
	}
	return value;
}

static int parse_clock(const char *clock, int *hour, int *minute)
{
	if (strlen(clock) != 5 || clock[2] != ':')
		return -1;
	*hour = digits(clock, 2);
	*minute = digits(clock + 3, 2);
	if (*hour < 0 || *hour > 23 || *minute < 0 || *minute > 59)
		return -1;
	return 0;
}

static bool is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* Returns 0, -1 when it is not a calendar date, -2 when it is one before the epoch. */
static int parse_date(const char *date, int *year, int *month, int *day)
{
	if (strlen(date) != 10 || date[4] != '-' || date[7] != '-')
		return -1;
	*year = digits(date, 4);
	*month = digits(date + 5, 2);
	*day = digits(date + 8, 2);
	if (*year < 0 || *month < 1 || *month > 12)
		return -1;
	if (*day < 1 || *day > days_in_month(*year, *month))
		return -1;
	return *year < 1970 ? -2 : 0;
}

int wallclock_parse_fixed(const char *clock, const char *date, int64_t now_utc_s,
			  int64_t *out_utc_s, char *msg, size_t msg_len)
{
	int hour = 0, minute = 0, year = 0, month = 0, day = 0; /* gcc 14 cannot see they are set */
	struct tm tm;
	time_t t;

	if (clock != NULL && parse_clock(clock, &hour, &minute) != 0) {
		snprintf(msg, msg_len, "--clock '%s': expected HH:MM (00:00 to 23:59)", clock);
		return -1;
	}
	if (date != NULL) {
		int bad = parse_date(date, &year, &month, &day);

		if (bad == -1) {
			snprintf(msg, msg_len, "--date '%s': expected a real date as YYYY-MM-DD",
				 date);
			return -1;
		}
		if (bad == -2) {
			snprintf(msg, msg_len, "--date '%s': expected a year from 1970 to 9999",
				 date);
			return -1;
		}
	}
	/* Whatever was not given is kept from now, as the household's local time. */
	if (to_time_t(now_utc_s, &t) != 0 || localtime_r(&t, &tm) == NULL) {
		snprintf(msg, msg_len, "the current time %lld cannot be read as a local time",
			 (long long)now_utc_s);
		return -1;
	}
	if (clock != NULL) {
		tm.tm_hour = hour;
		tm.tm_min = minute;
		tm.tm_sec = 0;
	}
	if (date != NULL) {
		tm.tm_year = year - 1900;
		tm.tm_mon = month - 1;
		tm.tm_mday = day;
	}
	/* Let mktime decide whether daylight saving applies on that day, not carry over today's. */
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1) {
		/* Only a far date can get here: a 32-bit time_t ends in 2038. */
		snprintf(msg, msg_len,
			 "--date '%s': this system's clock cannot represent that time",
			 date ? date : "(today)");
		return -1;
	}
	*out_utc_s = (int64_t)t;
	return 0;
}
