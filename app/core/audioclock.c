/* SPDX-License-Identifier: MIT */
/* The sound's own clock: the sample count, pulled gently towards the monotonic clock.
 *
 * A sound card's crystal runs a little fast or slow (tens of ppm: 60 ms in 20 minutes at 50
 * ppm), and its callbacks come a little early or late. Counting samples alone would drift
 * from the picture; stamping each buffer with the callback's time would jump by the
 * lateness. So a buffer lasts its samples' time, give or take a share of the error, at most
 * AUDIOCLOCK_MAX_SLEW of it. */
#include "audioclock.h"

#include <math.h>

#define PULL 0.02 /* the share of the error taken back per buffer */

void audioclock_init(struct audioclock *c, bool follow)
{
	c->set = false;
	c->follow = follow;
	c->next_ms = 0.0;
	c->resyncs = 0;
}

void audioclock_buffer(struct audioclock *c, double now_ms, double latency_ms, int n, int rate,
		       double *t0_ms, double *t1_ms)
{
	double heard = now_ms + latency_ms;
	double length = n * 1000.0 / rate;
	double error, pull = 0.0;

	if (!c->set) {
		c->next_ms = heard;
		c->set = true;
	} else if (c->follow && fabs(heard - c->next_ms) > AUDIOCLOCK_RESYNC_MS) {
		c->next_ms = heard;
		c->resyncs++;
	}
	if (c->follow) {
		error = heard - c->next_ms;
		pull = fmax(-length * AUDIOCLOCK_MAX_SLEW,
			    fmin(length * AUDIOCLOCK_MAX_SLEW, error * PULL));
	}
	*t0_ms = c->next_ms;
	*t1_ms = c->next_ms + length + pull;
	c->next_ms = *t1_ms;
}
