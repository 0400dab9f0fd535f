/* SPDX-License-Identifier: MIT */
/* The breath as sound, checked sample by sample at exact pacer times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "breathtone.h"

#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#define RATE 48000

static const struct breath_pattern box = {
	.name = "box",
	.phases = {{PHASE_INHALE, 4000},
		   {PHASE_HOLD_IN, 4000},
		   {PHASE_EXHALE, 4000},
		   {PHASE_HOLD_OUT, 4000}},
	.n_phases = 4,
};

static const struct breath_pattern sigh = {
	.name = "sigh",
	.phases = {{PHASE_INHALE, 2000}, {PHASE_TOPUP, 1000}, {PHASE_EXHALE, 6000}},
	.n_phases = 3,
};

/* The twenty-minute ramp to sleep: 11 breaths a minute slowing to 6. */
static const struct breath_pattern sleep20 = {
	.name = "sleep20",
	.phases = {{PHASE_INHALE, 4000}, {PHASE_EXHALE, 6000}},
	.n_phases = 2,
	.start_cycle_ms = 5455,
	.ramp_ms = 1200000,
};

/* ms of pacer time to a sample index, and back, at RATE with sample 0 at t = 0. */
static long at(double ms)
{
	return lround(ms * RATE / 1000.0);
}

/* Renders from t = 0 for ms, at a volume, in blocks as an audio callback would. */
static float *render(const struct breath_pattern *p, int volume, double ms)
{
	struct breathtone *bt = breathtone_new(RATE);
	long n = at(ms);
	float *buf = malloc(sizeof(float) * (size_t)n);

	assert_non_null(bt);
	assert_non_null(buf);
	breathtone_follow(bt, p, p->ramp_ms);
	breathtone_set_volume(bt, volume);
	for (long i = 0; i < n; i += 1024) {
		int count = n - i < 1024 ? (int)(n - i) : 1024;

		breathtone_fill(bt, (double)i * 1000.0 / RATE, (double)(i + count) * 1000.0 / RATE,
				buf + i, count);
	}
	breathtone_free(bt);
	return buf;
}

static double peak_at(const float *buf, long from, long to)
{
	double m = 0.0;

	for (long i = from; i < to; i++)
		m = fmax(m, fabs(buf[i]));
	return m;
}

static double peak(const float *buf, double from_ms, double to_ms)
{
	return peak_at(buf, at(from_ms), at(to_ms));
}

/* The tone's frequency over a stretch, from its upward zero crossings (interpolated). */
static double frequency(const float *buf, double from_ms, double to_ms)
{
	double first = -1.0, last = -1.0;
	int crossings = 0;

	for (long i = at(from_ms) + 1; i < at(to_ms); i++) {
		if (buf[i - 1] < 0.0f && buf[i] >= 0.0f) {
			double x = (double)(i - 1) + buf[i - 1] / (buf[i - 1] - buf[i]);

			if (first < 0.0)
				first = x;
			last = x;
			crossings++;
		}
	}
	assert_true(crossings > 10);
	return (crossings - 1) * (double)RATE / (last - first);
}

static double pitch_of(const struct breath_pattern *p, double t_ms)
{
	struct breath_state st = breath_phase_at_fine(p, p->ramp_ms, t_ms);

	return BREATHTONE_LOW_HZ * pow(BREATHTONE_HIGH_HZ / BREATHTONE_LOW_HZ, st.size);
}

static void fine_time_is_the_same_pacer(void **state)
{
	(void)state;
	for (int64_t t = 0; t < 40000; t += 137) {
		struct breath_state a = breath_phase_at(&sleep20, sleep20.ramp_ms, t);
		struct breath_state b = breath_phase_at_fine(&sleep20, sleep20.ramp_ms, (double)t);

		assert_int_equal(a.index, b.index);
		assert_int_equal(a.cycle, b.cycle);
		assert_near(a.size, b.size, 1e-12);
	}
	/* Halfway through the first inhale of box, and a fraction of a ms later. */
	assert_near(breath_phase_at_fine(&box, 0, 2000.0).progress, 0.5, 1e-12);
	assert_near(breath_phase_at_fine(&box, 0, 2000.5).progress, 2000.5 / 4000.0, 1e-12);
	assert_int_equal(breath_phase_at_fine(&box, 0, 3999.99).phase, PHASE_INHALE);
	assert_int_equal(breath_phase_at_fine(&box, 0, 4000.0).phase, PHASE_HOLD_IN);
}

static void quiet_before_the_first_breath_and_in_holds(void **state)
{
	struct breathtone *bt = breathtone_new(RATE);
	float before[480];
	float *buf = render(&box, 100, 16500);

	(void)state;
	breathtone_follow(bt, &box, 0);
	breathtone_set_volume(bt, 100);
	breathtone_fill(bt, -10.0, 0.0, before, 480);
	for (int i = 0; i < 480; i++)
		assert_true(before[i] == 0.0f);
	breathtone_free(bt);
	/* The holds: the mark at their start, then nothing at all until the next phase. */
	assert_true(peak(buf, 4000, 4100) > 0.05);
	assert_true(peak(buf, 4350, 8000) == 0.0);
	assert_true(peak(buf, 12350, 16000) == 0.0);
	free(buf);
}

/* Each phase's cue starts on the pacer's edge, to the sample: quiet up to it, clearly there
 * 5 ms after. */
static void cues_start_on_the_edges(void **state)
{
	float *buf = render(&box, 100, 16500);
	double edges[] = {8000, 16000}; /* after the holds: silence before */

	(void)state;
	for (int k = 0; k < 2; k++) {
		long e = at(edges[k]);

		assert_true(buf[e - 1] == 0.0f);
		assert_true(buf[e] == 0.0f); /* the mark rises from zero... */
		assert_true(buf[e + 1] != 0.0f); /* ...from the very next sample */
		assert_true(peak(buf, edges[k], edges[k] + 5) > 0.1);
	}
	/* After a breath in: the tone has faded to nearly nothing by the edge, the mark is up
	 * within 5 ms. */
	assert_true(peak(buf, 3995, 4000) < 0.002);
	assert_true(peak(buf, 4000, 4005) > 0.1);
	free(buf);
}

static void breathing_in_rises_and_out_falls(void **state)
{
	float *buf = render(&box, 100, 16000);
	float *s = render(&sigh, 100, 9000);
	double early, late;

	(void)state;
	/* Past the mark, in stretches of 200 ms: the pitch is the pacer's size, as a tone. */
	early = frequency(buf, 500, 700);
	late = frequency(buf, 3300, 3500);
	assert_true(late > early * 1.3);
	assert_near(early, pitch_of(&box, 600), 0.03 * early);
	assert_near(late, pitch_of(&box, 3400), 0.03 * late);
	early = frequency(buf, 8500, 8700);
	late = frequency(buf, 11300, 11500);
	assert_true(late < early / 1.3);
	assert_near(early, pitch_of(&box, 8600), 0.03 * early);
	assert_near(late, pitch_of(&box, 11400), 0.03 * late);
	/* The top-up: a small second rise above where the breath in stopped. */
	early = frequency(s, 2360, 2500);
	late = frequency(s, 2700, 2850);
	assert_true(late > early * 1.02);
	assert_near(early, pitch_of(&sigh, 2430), 0.01 * early);
	assert_near(late, pitch_of(&sigh, 2775), 0.01 * late);
	assert_true(early > frequency(s, 1400, 1600));
	assert_true(peak(s, 1990, 2000) < 0.002); /* a small gap before it, for the ear */
	free(buf);
	free(s);
}

/* No clicks: from one sample to the next, the curve bends no more than the tone itself does
 * (a step of even 1% of full scale would bend it far more). */
static double max_bend(const float *buf, long from, long to)
{
	double m = 0.0;

	for (long i = from + 2; i < to; i++)
		m = fmax(m, fabs((double)buf[i] - 2.0 * buf[i - 1] + buf[i - 2]));
	return m;
}

static void no_clicks_anywhere(void **state)
{
	const struct breath_pattern *patterns[] = {&box, &sigh, &sleep20};

	(void)state;
	for (int k = 0; k < 3; k++) {
		float *buf = render(patterns[k], 100, 20000);

		assert_true(max_bend(buf, 0, at(20000)) < 0.004);
		free(buf);
	}
}

static void volume_changes_glide(void **state)
{
	struct breathtone *bt = breathtone_new(RATE);
	long n = at(1000);
	float *buf = malloc(sizeof(float) * (size_t)n);

	(void)state;
	breathtone_follow(bt, &box, 0);
	breathtone_set_volume(bt, 100);
	breathtone_fill(bt, 1000.0, 1300.0, buf, (int)at(300));
	breathtone_set_volume(bt, 20); /* mid-tone */
	breathtone_fill(bt, 1300.0, 1600.0, buf + at(300), (int)at(300));
	breathtone_set_volume(bt, 0); /* the session ends mid-tone */
	breathtone_fill(bt, 1600.0, 2000.0, buf + at(600), (int)(n - at(600)));
	assert_true(max_bend(buf, 0, n) < 0.004);
	assert_true(peak(buf, 0, 300) > 0.25);
	assert_true(peak(buf, 400, 600) < breathtone_gain(20) * 1.001);
	assert_true(peak(buf, 600 + BREATHTONE_FADE_MS, 1000) == 0.0);
	assert_true(breathtone_silent(bt));
	breathtone_free(bt);
	free(buf);
}

/* The level follows the volume, as its square. */
static void level_follows_volume(void **state)
{
	float *loud = render(&box, 100, 5000), *soft = render(&box, 50, 5000);
	float *none = render(&box, 0, 5000);

	(void)state;
	assert_near(breathtone_gain(50), breathtone_gain(100) / 4, 1e-12);
	/* After the first fade in, every sample is exactly a quarter. */
	for (long i = at(100); i < at(5000); i++)
		assert_near(soft[i], loud[i] / 4, 1e-6);
	assert_true(peak(none, 0, 5000) == 0.0);
	assert_true(peak(loud, 0, 5000) <= breathtone_gain(100));
	free(loud);
	free(soft);
	free(none);
}

/* Twenty minutes of a slowing ramp, in virtual time at 4 kHz: the last breaths' cues still
 * start on the pacer's edges, to the sample. */
static void no_drift_over_a_twenty_minute_ramp(void **state)
{
	enum { R = 4000, BLOCK = 128 };
	struct breathtone *bt = breathtone_new(R);
	double end_ms = 1230000.0;
	long n = (long)(end_ms * R / 1000);
	float *buf = malloc(sizeof(float) * (size_t)n);
	struct breath_state last = breath_phase_at(&sleep20, sleep20.ramp_ms, (int64_t)end_ms);
	int checked = 0;

	(void)state;
	assert_non_null(bt);
	assert_non_null(buf);
	breathtone_follow(bt, &sleep20, sleep20.ramp_ms);
	breathtone_set_volume(bt, 100);
	for (long i = 0; i < n; i += BLOCK) {
		int count = n - i < BLOCK ? (int)(n - i) : BLOCK;

		breathtone_fill(bt, (double)i * 1000.0 / R, (double)(i + count) * 1000.0 / R, buf + i,
				count);
	}
	for (int64_t c = last.cycle - 3; c <= last.cycle; c++) {
		double edge = breath_cycle_start_ms(&sleep20, sleep20.ramp_ms, c);
		long e = (long)ceil(edge * R / 1000);
		long onset = -1;

		/* nearly nothing in the 2 ms before the edge (the breath out has faded)... */
		assert_true(peak_at(buf, e - R / 500, e) < 0.01);
		/* ...and the first sample that is clearly the mark comes after it */
		for (long i = e - R / 500; i < e + R / 100 && onset < 0; i++)
			if (fabs(buf[i]) > 0.02)
				onset = i;
		assert_true(onset >= e);
		assert_true((double)(onset - e) * 1000 / R < 2.0);
		checked++;
	}
	assert_int_equal(checked, 4);
	assert_true(breath_cycle_start_ms(&sleep20, sleep20.ramp_ms, last.cycle) > 1200000.0);
	breathtone_free(bt);
	free(buf);
}

static void bad_rates_are_refused(void **state)
{
	(void)state;
	assert_null(breathtone_new(0));
	assert_null(breathtone_new(1000000));
	breathtone_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fine_time_is_the_same_pacer),
		cmocka_unit_test(quiet_before_the_first_breath_and_in_holds),
		cmocka_unit_test(cues_start_on_the_edges),
		cmocka_unit_test(breathing_in_rises_and_out_falls),
		cmocka_unit_test(no_clicks_anywhere),
		cmocka_unit_test(volume_changes_glide),
		cmocka_unit_test(level_follows_volume),
		cmocka_unit_test(no_drift_over_a_twenty_minute_ramp),
		cmocka_unit_test(bad_rates_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
