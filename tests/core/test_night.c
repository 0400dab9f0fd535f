/* SPDX-License-Identifier: MIT */
/* Unit tests of the device's time of day: the night schedule, the dark screen a press only
 * wakes, the appreciation left for the next person, the prompt of the day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <math.h>

#include "breathlight.h"
#include "device.h"

#define HOUR (3600 * 1000LL)
#define MIN  (60 * 1000LL)

static const char deck_text[] = "p-one | safety | self | any | shared | One.\n"
				"p-two | trust | self | any | shared | Two.\n"
				"p-three | repair | self | any | shared | Three.\n";

static struct deck *deck;

static int make_deck(void **state)
{
	(void)state;
	deck = deck_new();
	return deck_parse(deck, "t", deck_text, sizeof(deck_text) - 1, NULL, NULL) == 3 ? 0 : -1;
}

static int free_deck(void **state)
{
	(void)state;
	deck_free(deck);
	return 0;
}

/* Night 22:00 to 07:00 with the screen off; no check-in; one resonance pattern. */
static struct device *night_device(bool screen_off)
{
	struct device *dev;
	struct device_config c;
	struct breath_pattern p;

	device_config_defaults(&c);
	pattern_init(&p, "resonance");
	p.phases[0] = (struct breath_phase){PHASE_INHALE, 5500};
	p.phases[1] = (struct breath_phase){PHASE_EXHALE, 5500};
	p.n_phases = 2;
	pattern_put(&c.patterns, &p);
	c.checkin = false;
	c.night_screen_off = screen_off;
	dev = device_new(&c, deck, 1);
	device_set_clock_state(dev, CLOCK_SYNCED);
	return dev;
}

static struct device_output press(struct device *dev, int64_t down, int64_t up)
{
	struct device_output out = {0};

	device_edge(dev, 0, true, down, &out);
	device_tick(dev, up - 1, &out);
	device_edge(dev, 0, false, up, &out);
	/* A single tap is only known after the double-press window. */
	device_tick(dev, up + 400, &out);
	return out;
}

static void local_time_runs_on_from_the_anchor(void **state)
{
	struct device *dev = night_device(false);
	(void)state;

	assert_int_equal(device_local_ms(dev, 0), -1);
	device_set_local_time(dev, 1000, 23 * HOUR + 59 * MIN, 20000);
	assert_int_equal(device_local_ms(dev, 1000), 20000 * 86400000LL + 23 * HOUR + 59 * MIN);
	/* Two minutes later it is the next day. */
	assert_int_equal(device_local_ms(dev, 1000 + 2 * MIN) / 86400000, 20001);
	device_free(dev);
}

static void night_crosses_midnight(void **state)
{
	struct device *dev = night_device(false);
	static const struct {
		int64_t at;
		bool night;
	} cases[] = {
		{21 * HOUR + 59 * MIN, false},  {22 * HOUR, true},
		{23 * HOUR + 59 * MIN, true},   {24 * HOUR, true},
		{24 * HOUR + 6 * HOUR, true},   {24 * HOUR + 7 * HOUR, false},
		{24 * HOUR + 12 * HOUR, false},
	};
	(void)state;

	device_set_local_time(dev, 0, 0, 100); /* midnight, day 100, at monotonic 0 */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct device_view v = device_view(dev, cases[i].at);

		assert_int_equal(v.night, cases[i].night);
		assert_int_equal(v.brightness, cases[i].night ? 15 : 100);
		assert_false(v.screen_off); /* this device dims at night */
	}
	device_free(dev);
}

/* The clocks go back an hour (02:59:59 summer time, then 02:00:00 again) on a night that ends at
 * 02:30, and on one that begins at 02:30: each boundary is crossed once, the first time round.
 * The shell tells the local time as it goes (here every ten minutes of the monotonic clock). */
static void a_repeated_hour_never_ends_or_begins_the_night_twice(void **state)
{
	static const struct {
		int start, end; /* minutes of the day */
		bool night_first_time, night_second_time;
	} schedules[] = {
		{22 * 60, 2 * 60 + 30, false, false}, /* ended at 02:30 summer time: stays ended */
		{2 * 60 + 30, 7 * 60, true, true},    /* began at 02:30 summer time: stays begun */
	};
	(void)state;

	for (size_t s = 0; s < sizeof(schedules) / sizeof(schedules[0]); s++) {
		struct device_config c;
		struct device *dev;
		int64_t day = 20757; /* 2026-10-25 */

		device_config_defaults(&c);
		c.night_start = schedules[s].start;
		c.night_end = schedules[s].end;
		dev = device_new(&c, deck, 1);
		device_set_clock_state(dev, CLOCK_SYNCED);
		/* 01:50 to 02:50 summer time, the first time round. */
		for (int64_t m = 0; m <= 60; m += 10) {
			int64_t local = HOUR + 50 * MIN + m * MIN;

			device_set_local_time(dev, m * MIN, local, day);
			if (local >= 2 * HOUR + 30 * MIN)
				assert_int_equal(device_view(dev, m * MIN).night,
						 schedules[s].night_first_time);
		}
		/* An hour after 02:00 summer time it is 02:00 again; then on to 03:30. */
		for (int64_t m = 70; m <= 160; m += 10) {
			int64_t local = 2 * HOUR + (m - 70) * MIN;

			device_set_local_time(dev, m * MIN, local, day);
			assert_int_equal(device_view(dev, m * MIN).night,
					 schedules[s].night_second_time);
			/* and between the shell's words too */
			assert_int_equal(device_view(dev, m * MIN + 5 * MIN).night,
					 schedules[s].night_second_time);
		}
		device_free(dev);
	}
}

/* A clock set back by hand by more than a change of summer time is a new time of day: the night
 * follows the schedule at once. */
static void a_clock_set_far_back_follows_the_schedule(void **state)
{
	struct device *dev = night_device(false);
	(void)state;

	device_set_local_time(dev, 0, 12 * HOUR, 100);
	assert_false(device_view(dev, 0).night);
	device_set_local_time(dev, MIN, 12 * HOUR + MIN, 100);
	/* Back to 23:00 of the day before: night, as 23:00 always is. */
	device_set_local_time(dev, 2 * MIN, 23 * HOUR, 99);
	assert_true(device_view(dev, 2 * MIN).night);
	/* And a day clock set back an hour stays day. */
	device_set_local_time(dev, 3 * MIN, 12 * HOUR, 100);
	device_set_local_time(dev, 4 * MIN, 11 * HOUR, 100);
	assert_false(device_view(dev, 4 * MIN).night);
	device_free(dev);
}

static void unknown_time_is_never_night(void **state)
{
	struct device *dev = night_device(true);
	(void)state;

	assert_false(device_view(dev, 0).night);
	assert_false(device_view(dev, 0).screen_off);
	device_free(dev);
}

static void first_press_in_the_dark_only_wakes(void **state)
{
	struct device *dev = night_device(true);
	struct device_output out;
	(void)state;

	device_set_local_time(dev, 0, 23 * HOUR, 100);
	assert_true(device_view(dev, 1000).screen_off);
	assert_int_equal(device_view(dev, 1000).brightness, 0);
	out = press(dev, 1000, 1100);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_WAKE);
	assert_int_equal(out.reports[0].gesture, GESTURE_SHORT);
	assert_int_equal(out.reports[0].screen_after, SCREEN_AMBIENT);
	assert_false(device_view(dev, 2000).screen_off);
	assert_int_equal(device_view(dev, 2000).brightness, 15);
	/* The next press does what it always does. */
	out = press(dev, 5000, 5100);
	assert_int_equal(out.reports[0].action, ACTION_BREATHE);
	device_free(dev);
}

static void woken_screen_goes_dark_again(void **state)
{
	struct device *dev = night_device(true);
	struct device_output out;
	(void)state;

	device_set_local_time(dev, 0, 23 * HOUR, 100);
	/* The tap is known once its double-press window (350 ms) closes: at 1450. */
	press(dev, 1000, 1100);
	assert_int_equal(device_deadline(dev), 1450 + 30000);
	out = (struct device_output){0};
	device_tick(dev, 31450, &out);
	assert_true(out.changed);
	assert_int_equal(out.n, 0);
	assert_true(device_view(dev, 31450).screen_off);
	assert_int_equal(device_deadline(dev), -1);
	device_free(dev);
}

static void a_session_at_night_keeps_the_screen_on(void **state)
{
	struct device *dev = night_device(true);
	(void)state;

	device_set_local_time(dev, 0, 23 * HOUR, 100);
	press(dev, 1000, 1100); /* wakes */
	press(dev, 2000, 2100); /* breathes */
	assert_false(device_view(dev, 100000).screen_off);
	assert_true(device_view(dev, 100000).night);
	device_free(dev);
}

static void appreciation_waits_for_the_next_press(void **state)
{
	struct device *dev = night_device(false);
	struct device_output out = {0};
	(void)state;

	device_set_local_time(dev, 0, 12 * HOUR, 100);
	/* A double press leaves it. */
	device_edge(dev, 0, true, 1000, &out);
	device_edge(dev, 0, false, 1100, &out);
	device_edge(dev, 0, true, 1250, &out);
	device_edge(dev, 0, false, 1350, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].gesture, GESTURE_DOUBLE);
	assert_int_equal(out.reports[0].action, ACTION_APPRECIATION);
	assert_true(device_view(dev, 2000).appreciation_waiting);
	/* Hours later, the next press shows it, and it is seen. */
	out = press(dev, 3 * HOUR, 3 * HOUR + 100);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_SEEN);
	assert_int_equal(out.reports[0].screen_after, SCREEN_NOTE);
	assert_false(device_view(dev, 3 * HOUR + 1000).appreciation_waiting);
	/* The note stays a while, then the clock. */
	out = (struct device_output){0};
	device_tick(dev, 3 * HOUR + 450 + 15000, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.reports[0].action, ACTION_AMBIENT);
	/* And the press after that is an ordinary one again. */
	out = press(dev, 4 * HOUR, 4 * HOUR + 100);
	assert_int_equal(out.reports[0].action, ACTION_BREATHE);
	device_free(dev);
}

static void prompt_of_the_day_is_stable_within_a_day(void **state)
{
	struct device *dev = night_device(false);
	const struct prompt *first, *p;
	int changes = 0;
	(void)state;

	assert_null(device_view(dev, 0).daily); /* unknown day */
	device_set_local_time(dev, 0, 0, 500);
	first = device_view(dev, 0).daily;
	assert_non_null(first);
	for (int64_t t = 0; t < 24 * HOUR; t += 7 * MIN)
		assert_ptr_equal(device_view(dev, t).daily, first);
	/* Over a month of days it changes. */
	for (int day = 0; day < 30; day++) {
		p = device_view(dev, (int64_t)day * 24 * HOUR).daily;
		changes += p != first;
	}
	assert_true(changes > 0);
	device_free(dev);
}

/* A deck like the shipped one in small: shared prompts for some audiences and pathways, and
 * prompts the clock must never show (intimacy, bedtime, problems), some for the same audiences. */
static const char mixed_deck[] =
	"s-all | safety | self,partner,family,kids,friends | any | shared | For anyone.\n"
	"s-self | reflection | self | any | shared | For one.\n"
	"s-family | empathy | family,kids | any | shared | For the household.\n"
	"s-kids | resilience | kids | any | shared | For a child.\n"
	"s-friends | trust | friends,self | any | shared | For friends.\n"
	"x-partner | safety | partner | bedtime | Close, at night.\n"
	"x-partner-any | trust | partner | any | Something for two.\n"
	"x-kids-any | repair | kids,family | any | A hard moment.\n"
	"x-self-any | reflection | self | any | Heavy thoughts.\n"
	"x-family-evening | empathy | family | evening | Around the table.\n";

/* Over a simulated year, for several households, the clock shows the same prompt all day, and
 * only ever a shared one for that household's audiences and pathways; with no such prompt, none.
 */
static void prompt_of_the_day_is_shared_and_for_the_household(void **state)
{
	static const struct {
		unsigned audiences, pathways;
		int expect; /* how many shared prompts fit: all must show within the year */
	} homes[] = {
		{DECK_ALL_AUDIENCES, DECK_ALL_PATHWAYS, 5},
		{AUDIENCE_SELF, DECK_ALL_PATHWAYS, 3},
		{AUDIENCE_FAMILY | AUDIENCE_KIDS, DECK_ALL_PATHWAYS, 3},
		{AUDIENCE_KIDS, 1u << PATHWAY_RESILIENCE, 1},
		{AUDIENCE_PARTNER, DECK_ALL_PATHWAYS, 1},
		{AUDIENCE_FRIENDS, 1u << PATHWAY_TRUST, 1},
		/* Eligible prompts for partner and for kids exist, but no shared one among them. */
		{AUDIENCE_PARTNER, (1u << PATHWAY_TRUST) | (1u << PATHWAY_REPAIR), 0},
		{AUDIENCE_KIDS | AUDIENCE_FAMILY, 1u << PATHWAY_REPAIR, 0},
	};
	struct deck *mixed = deck_new();
	(void)state;

	assert_int_equal(deck_parse(mixed, "m", mixed_deck, sizeof(mixed_deck) - 1, NULL, NULL),
			 10);
	for (size_t h = 0; h < sizeof(homes) / sizeof(homes[0]); h++) {
		struct device_config c;
		struct device *dev;
		bool seen[10] = {false};
		int distinct = 0;

		device_config_defaults(&c);
		c.prompt_audiences = homes[h].audiences;
		c.prompt_pathways = homes[h].pathways;
		dev = device_new(&c, mixed, 1);
		assert_non_null(dev);
		/* Day 20000 (2024-10-04) onwards, the clock set at 06:00. */
		device_set_local_time(dev, 0, 6 * HOUR, 20000);
		device_set_clock_state(dev, CLOCK_SYNCED);
		for (int day = 0; day < 365; day++) {
			const struct prompt *first = NULL;

			/* Every part of the day: morning, day, evening, bedtime, past midnight. */
			for (int64_t at = 0; at < 24 * HOUR; at += 3 * HOUR + 17 * MIN) {
				const struct prompt *p =
					device_view(dev, (int64_t)day * 24 * HOUR + at).daily;

				if (homes[h].expect == 0) {
					assert_null(p);
					continue;
				}
				assert_non_null(p);
				assert_true(p->shared);
				assert_int_equal(p->times, TIME_ANY);
				assert_true(p->audiences & homes[h].audiences);
				assert_true(homes[h].pathways & (1u << p->pathway));
				assert_memory_equal(p->id, "s-", 2);
				/* 06:00 to 06:00 the next morning spans two days: compare within one. */
				if (at >= 18 * HOUR)
					continue;
				if (!first)
					first = p;
				assert_ptr_equal(p, first);
			}
			for (size_t i = 0; first && i < deck_count(mixed); i++) {
				if (deck_get(mixed, i) != first || seen[i])
					continue;
				seen[i] = true;
				distinct++;
			}
		}
		assert_int_equal(distinct, homes[h].expect);
		device_free(dev);
	}
	deck_free(mixed);
}

static void who_cycles_and_returns_to_everyone(void **state)
{
	struct device_config c;
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	device_config_defaults(&c);
	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE;
	c.buttons[0].on[GESTURE_SHORT] = ACTION_WHO;
	c.buttons[0].on[GESTURE_LONG] = ACTION_HISTORY;
	strcpy(c.members[0], "Ana");
	strcpy(c.members[1], "Ben");
	c.n_members = 2;
	dev = device_new(&c, deck, 1);
	device_edge(dev, 0, true, 0, &out);
	device_edge(dev, 0, false, 100, &out);
	assert_int_equal(out.reports[0].action, ACTION_WHO);
	assert_string_equal(out.reports[0].member, "Ana");
	assert_int_equal(device_view(dev, 200).member, 0);
	device_edge(dev, 0, true, 1000, &out);
	device_edge(dev, 0, false, 1100, &out);
	assert_string_equal(out.reports[1].member, "Ben");
	/* Every press while someone is chosen carries their name. */
	device_edge(dev, 0, true, 2000, &out);
	device_tick(dev, 2700, &out);
	assert_int_equal(out.reports[2].action, ACTION_HISTORY);
	assert_string_equal(out.reports[2].member, "Ben");
	assert_int_equal(device_view(dev, 2800).screen, SCREEN_HISTORY);
	device_edge(dev, 0, false, 2800, &out);
	/* Ten quiet minutes: everyone again. */
	assert_int_equal(device_view(dev, 2700 + 10 * MIN - 1).member, 1);
	out = (struct device_output){0};
	device_tick(dev, 2700 + 10 * MIN, &out);
	assert_int_equal(device_view(dev, 2700 + 10 * MIN).member, -1);
	device_free(dev);
}

static void sleep_until_the_next_press(void **state)
{
	struct device_config c;
	struct device *dev;
	struct device_output out = {0};
	(void)state;

	device_config_defaults(&c);
	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE;
	c.buttons[0].on[GESTURE_LONG] = ACTION_SLEEP;
	dev = device_new(&c, deck, 1);
	device_edge(dev, 0, true, 0, &out);
	device_tick(dev, 700, &out);
	assert_int_equal(out.reports[0].action, ACTION_SLEEP);
	device_edge(dev, 0, false, 800, &out);
	assert_true(device_view(dev, 5 * HOUR).screen_off);
	assert_int_equal(device_view(dev, 5 * HOUR).brightness, 0);
	device_edge(dev, 0, true, 5 * HOUR, &out);
	device_edge(dev, 0, false, 5 * HOUR + 100, &out);
	assert_int_equal(out.reports[1].action, ACTION_WAKE);
	assert_false(device_view(dev, 5 * HOUR + 200).screen_off);
	assert_int_equal(device_deadline(dev), -1); /* awake for good, not for a while */
	device_free(dev);
}

/* A long press at t: the sound action. Returns its report. */
static struct device_report hold(struct device *dev, int64_t t)
{
	struct device_output out = {0};

	device_edge(dev, 0, true, t, &out);
	device_tick(dev, t + 700, &out);
	device_edge(dev, 0, false, t + 800, &out);
	assert_int_equal(out.n, 1);
	return out.reports[0];
}

/* The sound plays only while breathing, at the day's or the night's volume; the action turns
 * it on and off without touching the session. */
static void sound_is_heard_only_while_breathing(void **state)
{
	struct device_config c;
	struct breath_pattern p;
	struct device *dev;
	struct device_report r;
	(void)state;

	device_config_defaults(&c);
	assert_false(c.sound); /* off unless asked for */
	pattern_init(&p, "resonance");
	p.phases[0] = (struct breath_phase){PHASE_INHALE, 5500};
	p.phases[1] = (struct breath_phase){PHASE_EXHALE, 5500};
	p.n_phases = 2;
	pattern_put(&c.patterns, &p);
	c.checkin = false;
	c.buttons[0].on[GESTURE_LONG] = ACTION_SOUND;
	c.buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE;
	c.sound_volume = 70;
	c.night_sound_volume = 20;
	dev = device_new(&c, deck, 1);
	device_set_local_time(dev, 0, 21 * HOUR + 59 * MIN, 100); /* a minute before the night */
	device_set_clock_state(dev, CLOCK_SYNCED);
	press(dev, 1000, 1100);
	assert_int_equal(device_view(dev, 10000).screen, SCREEN_SETTLE);
	r = hold(dev, 2000); /* while settling in: on, but quiet until the breathing */
	assert_int_equal(r.action, ACTION_SOUND);
	assert_int_equal(r.screen_after, SCREEN_SETTLE);
	assert_true(device_view(dev, 3000).sound_on);
	assert_int_equal(device_view(dev, 3000).sound_volume, 0);
	device_tick(dev, 7000, &(struct device_output){0});
	assert_int_equal(device_view(dev, 7000).screen, SCREEN_BREATHE);
	assert_int_equal(device_view(dev, 7000).sound_volume, 70);
	r = hold(dev, 10000); /* off mid-session: the breathing goes on */
	assert_int_equal(r.action, ACTION_SOUND);
	assert_int_equal(r.screen_after, SCREEN_BREATHE);
	assert_false(device_view(dev, 11000).sound_on);
	assert_int_equal(device_view(dev, 11000).sound_volume, 0);
	r = hold(dev, 20000);
	assert_int_equal(device_view(dev, 21000).sound_volume, 70);
	/* The night comes mid-session: the night's volume. */
	assert_int_equal(device_view(dev, MIN + 1000).sound_volume, 20);
	press(dev, MIN + 2000, MIN + 2100); /* a pause is quiet */
	assert_int_equal(device_view(dev, MIN + 3000).screen, SCREEN_PAUSED);
	assert_true(device_view(dev, MIN + 3000).sound_on);
	assert_int_equal(device_view(dev, MIN + 3000).sound_volume, 0);
	device_free(dev);
}

static void light_curve(void **state)
{
	double last = -1.0;
	(void)state;

	assert_true(breath_light(0.0, 100) == BREATHLIGHT_FLOOR);
	assert_true(breath_light(1.0, 100) == 1.0);
	assert_true(fabs(breath_light(1.0, 10) - 0.1) < 1e-12);
	assert_true(fabs(breath_light(0.5, 100) - (0.04 + 0.96 * pow(0.5, 2.2))) < 1e-12);
	assert_true(breath_light(0.7, 0) == 0.0);
	assert_true(breath_light(-1.0, 100) == BREATHLIGHT_FLOOR); /* clamped */
	assert_true(breath_light(2.0, 100) == 1.0);
	for (int i = 0; i <= 100; i++) {
		double l = breath_light(i / 100.0, 60);

		assert_true(l > last);
		last = l;
	}
}

/* The light follows the picture's breath at every moment of a session, at the day's or the
 * night's brightness, and is off outside breathing. */
static void light_follows_the_breath(void **state)
{
	struct device *dev = night_device(false);
	const struct breath_pattern *p;
	struct device_view v;
	double lo = 1.0, hi = 0.0;
	(void)state;

	device_set_local_time(dev, 0, 21 * HOUR + 59 * MIN, 100); /* a minute before the night */
	assert_true(device_view(dev, 500).light == 0.0); /* the clock */
	press(dev, 1000, 1100);
	device_tick(dev, 7000, &(struct device_output){0});
	v = device_view(dev, 7000);
	assert_int_equal(v.screen, SCREEN_BREATHE);
	p = v.pattern;
	for (int64_t t = 7000; t < 50000; t += 333) {
		v = device_view(dev, t);
		assert_true(v.light == breath_light(breath_phase_at(p, p->ramp_ms,
								    v.session_elapsed_ms)
							    .size,
						    100));
		lo = fmin(lo, v.light);
		hi = fmax(hi, v.light);
	}
	assert_true(lo < 0.06 && hi > 0.95); /* it swells and ebbs with the breath */
	/* Full lungs by day: full; at night the limit (10%). */
	v = device_view(dev, MIN + 1000);
	assert_true(v.night);
	assert_true(v.light <= 0.1 + 1e-12);
	assert_true(v.light == breath_light(v.breath.size, 10));
	press(dev, MIN + 2000, MIN + 2100); /* paused: off */
	assert_int_equal(device_view(dev, MIN + 3000).screen, SCREEN_PAUSED);
	assert_true(device_view(dev, MIN + 3000).light == 0.0);
	device_free(dev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(local_time_runs_on_from_the_anchor),
		cmocka_unit_test(sound_is_heard_only_while_breathing),
		cmocka_unit_test(light_curve),
		cmocka_unit_test(light_follows_the_breath),
		cmocka_unit_test(night_crosses_midnight),
		cmocka_unit_test(a_repeated_hour_never_ends_or_begins_the_night_twice),
		cmocka_unit_test(a_clock_set_far_back_follows_the_schedule),
		cmocka_unit_test(unknown_time_is_never_night),
		cmocka_unit_test(first_press_in_the_dark_only_wakes),
		cmocka_unit_test(woken_screen_goes_dark_again),
		cmocka_unit_test(a_session_at_night_keeps_the_screen_on),
		cmocka_unit_test(appreciation_waits_for_the_next_press),
		cmocka_unit_test(prompt_of_the_day_is_stable_within_a_day),
		cmocka_unit_test(prompt_of_the_day_is_shared_and_for_the_household),
		cmocka_unit_test(who_cycles_and_returns_to_everyone),
		cmocka_unit_test(sleep_until_the_next_press),
	};
	return cmocka_run_group_tests(tests, make_deck, free_deck);
}
