/* SPDX-License-Identifier: MIT */
/* The sound's clock against a simulated sound card: fast or slow crystal, late callbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "audioclock.h"

#define RATE    48000
#define SAMPLES 1024
#define LATENCY 21.0

/* A repeatable lateness of 0 to 6 ms for callback k. */
static double lateness(uint32_t *seed)
{
	*seed = *seed * 1664525u + 1013904223u;
	return (double)(*seed >> 8) / (double)(1u << 24) * 6.0;
}

/* Twenty minutes of buffers from a card whose crystal is off by ppm; returns the largest
 * distance from the true time over the last minute, in ms. */
static double run(double ppm, struct audioclock *c)
{
	double length = SAMPLES * 1000.0 / RATE, worst = 0.0, prev_t1 = 0.0;
	uint32_t seed = 7;
	long buffers = (long)(1200000.0 / length);

	for (long k = 0; k < buffers; k++) {
		/* the card asks for buffer k when it has played k buffers, by its own clock */
		double due = 1000.0 + (double)k * length * (1.0 - ppm * 1e-6);
		double t0, t1;

		audioclock_buffer(c, due + lateness(&seed), LATENCY, SAMPLES, RATE, &t0, &t1);
		if (k > 0)
			assert_true(t0 == prev_t1); /* no jumps */
		/* the buffer's time is its samples' give or take 0.5% */
		assert_true(fabs((t1 - t0) - length) <= length * AUDIOCLOCK_MAX_SLEW + 1e-9);
		prev_t1 = t1;
		if (k > buffers - (long)(60000.0 / length))
			worst = fmax(worst, fabs(t0 - (due + LATENCY)));
	}
	return worst;
}

static void follows_a_fast_or_slow_card_without_drift(void **state)
{
	double ppms[] = {0.0, 100.0, -100.0, 2000.0};
	(void)state;

	for (int i = 0; i < 4; i++) {
		struct audioclock c;

		audioclock_init(&c, true);
		/* Off by no more than the callbacks' lateness (at most 6 ms), after 20 min. */
		assert_true(run(ppms[i], &c) < 6.0);
		assert_int_equal(c.resyncs, 0);
	}
}

/* Counting samples alone would drift: 100 ppm is 120 ms in 20 minutes. */
static void samples_alone_would_drift(void **state)
{
	struct audioclock c;
	(void)state;

	audioclock_init(&c, false);
	assert_true(run(100.0, &c) > 110.0);
}

static void a_stall_is_one_jump(void **state)
{
	struct audioclock c;
	double t0, t1, length = SAMPLES * 1000.0 / RATE;
	(void)state;

	audioclock_init(&c, true);
	audioclock_buffer(&c, 1000.0, LATENCY, SAMPLES, RATE, &t0, &t1);
	assert_true(t0 == 1000.0 + LATENCY);
	assert_true(t1 == t0 + length); /* on time: no pull */
	audioclock_buffer(&c, 1000.0 + length + 500.0, LATENCY, SAMPLES, RATE, &t0, &t1);
	assert_int_equal(c.resyncs, 1);
	assert_true(t0 == 1000.0 + length + 500.0 + LATENCY);
	/* a file's samples are their own clock: never pulled, never a jump */
	audioclock_init(&c, false);
	audioclock_buffer(&c, 1000.0, LATENCY, SAMPLES, RATE, &t0, &t1);
	audioclock_buffer(&c, 9000.0, LATENCY, SAMPLES, RATE, &t0, &t1);
	assert_true(t0 == 1000.0 + LATENCY + length);
	assert_int_equal(c.resyncs, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(follows_a_fast_or_slow_card_without_drift),
		cmocka_unit_test(samples_alone_would_drift),
		cmocka_unit_test(a_stall_is_one_jump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
