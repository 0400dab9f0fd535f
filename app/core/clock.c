/* SPDX-License-Identifier: MIT */
/* How far the clock can be trusted, and the fields of setting it by hand. */
#include "clock.h"
#include "i18n_mark.h"

#include <string.h>

static const char *const state_names[CLOCK_STATES] = {"unknown", "synchronised", "rtc", "set"};

enum clock_state clock_state_decide(const struct clock_facts *f)
{
	if (f->kernel_synced)
		return CLOCK_SYNCED;
	if (f->set_this_boot || f->given)
		return CLOCK_SET;
	if (f->rtc_keeps_time)
		return CLOCK_RTC;
	return CLOCK_UNKNOWN;
}

const char *clock_state_name(enum clock_state state)
{
	return (unsigned)state < CLOCK_STATES ? state_names[state] : "?";
}

int clock_state_from_name(const char *name)
{
	for (int i = 0; i < CLOCK_STATES; i++)
		if (strcmp(name, state_names[i]) == 0)
			return i;
	return -1;
}

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int clock_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Counted in 400-year eras that start on 1 March, so the leap day is the last of its year. */
int64_t clock_days_from_civil(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t year_of_era = y - era * 400;
	int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

	return era * 146097 + day_of_era - 719468; /* 719468: 0000-03-01 to 1970-01-01 */
}

void clock_civil_from_days(int64_t days, int *year, int *month, int *day)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t day_of_era = z - era * 146097;
	int64_t year_of_era =
		(day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	int64_t day_of_year =
		day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	int64_t mp = (5 * day_of_year + 2) / 153; /* months since March */
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*day = (int)(day_of_year - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int)(year_of_era + era * 400 + (m <= 2));
}

int64_t clock_local_ms(const struct civil_time *t)
{
	return clock_days_from_civil(t->year, t->month, t->day) * 86400000 +
	       ((int64_t)t->hour * 60 + t->minute) * 60000;
}

struct civil_time clock_civil(int64_t local_ms)
{
	struct civil_time t;
	int64_t days = local_ms >= 0 ? local_ms / 86400000 : (local_ms - 86399999) / 86400000;
	int64_t minute_of_day = (local_ms - days * 86400000) / 60000;

	clock_civil_from_days(days, &t.year, &t.month, &t.day);
	t.hour = (int)(minute_of_day / 60);
	t.minute = (int)(minute_of_day % 60);
	return t;
}

void clockset_begin(struct clockset *c, int64_t local_ms)
{
	c->field = CLOCKSET_HOUR;
	if (local_ms < 0) {
		c->value = (struct civil_time){CLOCK_FIRST_YEAR, 1, 1, 12, 0};
		return;
	}
	c->value = clock_civil(local_ms);
	if (c->value.year < CLOCK_FIRST_YEAR || c->value.year > CLOCK_LAST_YEAR)
		c->value.year = CLOCK_FIRST_YEAR;
}

/* value + delta, round within first..last. */
static int wrap(int value, int delta, int first, int last)
{
	int span = last - first + 1;
	int k = ((value - first + delta) % span + span) % span;

	return first + k;
}

static void keep_day_in_month(struct civil_time *t)
{
	int last = clock_days_in_month(t->year, t->month);

	if (t->day > last)
		t->day = last;
}

void clockset_step(struct clockset *c, int delta)
{
	struct civil_time *t = &c->value;

	switch (c->field) {
	case CLOCKSET_HOUR:
		t->hour = wrap(t->hour, delta, 0, 23);
		break;
	case CLOCKSET_MINUTE:
		t->minute = wrap(t->minute, delta, 0, 59);
		break;
	case CLOCKSET_YEAR:
		t->year = wrap(t->year, delta, CLOCK_FIRST_YEAR, CLOCK_LAST_YEAR);
		keep_day_in_month(t);
		break;
	case CLOCKSET_MONTH:
		t->month = wrap(t->month, delta, 1, 12);
		keep_day_in_month(t);
		break;
	case CLOCKSET_DAY:
		t->day = wrap(t->day, delta, 1, clock_days_in_month(t->year, t->month));
		break;
	case CLOCKSET_FIELDS:
		break;
	}
}

bool clockset_next_field(struct clockset *c)
{
	if (c->field + 1 >= CLOCKSET_FIELDS)
		return false;
	c->field++;
	return true;
}

const char *clockset_field_name(enum clockset_field field)
{
	static const char *const names[CLOCKSET_FIELDS] = {"hour", "minute", "year", "month",
							   "day"};

	return (unsigned)field < CLOCKSET_FIELDS ? names[field] : "?";
}

const char *clock_weekday_name(int wday)
{
	static const char *const names[7] = {
		NC_("weekday", "Sunday"),    NC_("weekday", "Monday"),   NC_("weekday", "Tuesday"),
		NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"), NC_("weekday", "Friday"),
		NC_("weekday", "Saturday"),
	};

	return wday >= 0 && wday < 7 ? names[wday] : "";
}

const char *clock_weekday_short(int wday)
{
	static const char *const names[7] = {
		NC_("weekday short", "Su"), NC_("weekday short", "Mo"), NC_("weekday short", "Tu"),
		NC_("weekday short", "We"), NC_("weekday short", "Th"), NC_("weekday short", "Fr"),
		NC_("weekday short", "Sa"),
	};

	return wday >= 0 && wday < 7 ? names[wday] : "";
}

const char *clock_month_name(int month)
{
	static const char *const names[12] = {
		NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
		NC_("month", "April"),   NC_("month", "May"),      NC_("month", "June"),
		NC_("month", "July"),    NC_("month", "August"),   NC_("month", "September"),
		NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
	};

	return month >= 1 && month <= 12 ? names[month - 1] : "";
}
