/* SPDX-License-Identifier: MIT */
/* When the samples of an audio buffer are heard, on the monotonic clock the picture uses. */
#ifndef CALM_AUDIOCLOCK_H
#define CALM_AUDIOCLOCK_H

#include <stdbool.h>

/* Beyond this the sound is put back on time at once (a stall, a suspend): one jump. */
#define AUDIOCLOCK_RESYNC_MS 200.0
/* Below it, the time of a buffer runs at most this much faster or slower than its samples,
 * so the sound closes in on the clock without a jump (0.5%: inaudible in a breath's pace). */
#define AUDIOCLOCK_MAX_SLEW 0.005

struct audioclock {
	bool set;
	bool follow;    /* pulled towards the monotonic clock (else the samples are the clock) */
	double next_ms; /* when the next sample is heard */
	int resyncs;    /* jumps made, for a look in the tests */
};

/* follow: the sound card plays in real time (false for a driver that writes a file, whose
 * samples are its only clock). */
void audioclock_init(struct audioclock *clock, bool follow);

/* A buffer of n samples at rate Hz is written at monotonic now_ms and heard latency_ms later.
 * Gives the times its first sample and the one after its last are heard: t1_ms of one buffer
 * is t0_ms of the next (no jumps, until a resync), and they close in on now + latency. */
void audioclock_buffer(struct audioclock *clock, double now_ms, double latency_ms, int n, int rate,
		       double *t0_ms, double *t1_ms);

#endif
