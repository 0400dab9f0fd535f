/* SPDX-License-Identifier: MIT */
/* The breath as sound, sample by sample, from the pacer's state at each sample's time.
 *
 * Each sample asks breath_phase_at_fine() where the breath is, so the sound cannot drift from
 * the picture, which asks the same function: there is no counter of our own to go astray.
 *
 * - Breathing in (and the top-up): the tone's pitch follows the lungs' fill, the same eased
 *   size the picture draws, from BREATHTONE_LOW_HZ (empty) to BREATHTONE_HIGH_HZ (full), so it
 *   glides up; the top-up is the same glide over the last fifth, a small second rise.
 * - Breathing out: the same glide down.
 * - Holds: no tone. A held breath is stillness, and silence is the stillest sound; a hum would
 *   be one more thing to listen to with eyes closed, and it would blur the one difference the
 *   ear needs: moving (a glide) or not (nothing). The mark at the hold's start says "hold".
 * - Each phase starts with a mark: a soft, short bell an octave above the tone's pitch there,
 *   rising in 4 ms (an onset the ear places well, yet no click) and dying away in ~0.3 s.
 * Every envelope is a raised cosine or an exponential that ends at zero before it is cut, and
 * the oscillators keep their phase across samples, so no step is ever written: no clicks. */
#include "breathtone.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GLIDE_ATTACK_MS  150.0 /* the tone swells in... */
#define GLIDE_RELEASE_MS 300.0 /* ...and fades out before the phase ends */
#define MARK_ATTACK_MS   4.0
#define MARK_DECAY_MS    80.0  /* the mark's time constant */
#define MARK_MS          350.0 /* the mark is over by then (or at the phase's end) */
#define MARK_TAIL_MS     60.0  /* its last part fades to zero rather than stop */
#define GLIDE_SHARE      0.6   /* of the cue's peak: the tone... */
#define MARK_SHARE       0.4   /* ...and the mark */
#define TOPUP_SHARE      0.8   /* the top-up's tone is a little softer */
#define EXHALE_SHARE     0.85  /* and so is breathing out: letting go */
#define SECOND_HARMONIC  0.12  /* a little warmth over the bare sine */
#define MAX_GAIN         0.5   /* full scale is too loud by a bed; 100 is half of it */

struct breathtone {
	int rate;
	bool following;
	struct breath_pattern pattern; /* a copy: the caller's may change or go */
	int64_t ramp_ms;
	double cycle_ms;    /* the pattern's own breath length */
	double gain;        /* the level now (an amplitude)... */
	double gain_target; /* ...and where it glides to */
	double gain_step;   /* the most it moves per sample */
	double tone_phase;  /* oscillators' phases, in cycles (0..1) */
	double mark_phase;
};

struct breathtone *breathtone_new(int sample_rate)
{
	struct breathtone *bt;

	if (sample_rate < 4000 || sample_rate > 192000)
		return NULL;
	bt = calloc(1, sizeof(*bt));
	if (!bt)
		return NULL;
	bt->rate = sample_rate;
	bt->gain_step = 1.0 / (BREATHTONE_FADE_MS * sample_rate / 1000.0);
	return bt;
}

void breathtone_free(struct breathtone *bt)
{
	free(bt);
}

void breathtone_follow(struct breathtone *bt, const struct breath_pattern *pattern, int64_t ramp_ms)
{
	bt->following = pattern != NULL && breath_cycle_ms(pattern) > 0;
	if (!bt->following)
		return;
	bt->pattern = *pattern;
	bt->ramp_ms = ramp_ms;
	bt->cycle_ms = (double)breath_cycle_ms(pattern);
}

double breathtone_gain(int volume)
{
	double v = volume < 0 ? 0.0 : volume > 100 ? 1.0 : volume / 100.0;

	return MAX_GAIN * v * v;
}

void breathtone_set_volume(struct breathtone *bt, int volume)
{
	bt->gain_target = breathtone_gain(volume);
}

bool breathtone_silent(const struct breathtone *bt)
{
	return bt->gain == 0.0 && bt->gain_target == 0.0;
}

/* 0 at u <= 0, 1 at u >= 1, smooth in between (its slope is 0 at both ends). */
static double rise(double u)
{
	if (u <= 0.0)
		return 0.0;
	if (u >= 1.0)
		return 1.0;
	return (1.0 - cos(M_PI * u)) / 2.0;
}

static double pitch_hz(double size)
{
	return BREATHTONE_LOW_HZ * pow(BREATHTONE_HIGH_HZ / BREATHTONE_LOW_HZ, size);
}

/* The envelopes of the tone and the mark at one moment of a phase. */
static void envelopes(const struct breath_state *st, double len, double *tone, double *mark)
{
	double elapsed = st->progress * len, left = len - elapsed;
	double mark_ms = len < MARK_MS ? len : MARK_MS;
	double tail = mark_ms / 2 < MARK_TAIL_MS ? mark_ms / 2 : MARK_TAIL_MS;
	double attack = len / 4 < GLIDE_ATTACK_MS ? len / 4 : GLIDE_ATTACK_MS;
	double release = len / 3 < GLIDE_RELEASE_MS ? len / 3 : GLIDE_RELEASE_MS;
	double share = 0.0;

	switch (st->phase) {
	case PHASE_INHALE:
		share = 1.0;
		break;
	case PHASE_TOPUP:
		share = TOPUP_SHARE;
		break;
	case PHASE_EXHALE:
		share = EXHALE_SHARE;
		break;
	case PHASE_HOLD_IN:
	case PHASE_HOLD_OUT:
		break;
	}
	*tone = share * rise(elapsed / attack) * rise(left / release);
	*mark = elapsed < mark_ms ? rise(elapsed / MARK_ATTACK_MS) * exp(-elapsed / MARK_DECAY_MS) *
					    rise((mark_ms - elapsed) / tail)
				  : 0.0;
}

/* Moves the level one sample towards its target. */
static void glide_gain(struct breathtone *bt)
{
	if (bt->gain < bt->gain_target)
		bt->gain = fmin(bt->gain + bt->gain_step * MAX_GAIN, bt->gain_target);
	else if (bt->gain > bt->gain_target)
		bt->gain = fmax(bt->gain - bt->gain_step * MAX_GAIN, bt->gain_target);
}

void breathtone_fill(struct breathtone *bt, double t0_ms, double t1_ms, float *out, int n)
{
	double ms_per_sample = n > 0 ? (t1_ms - t0_ms) / n : 0.0;

	for (int i = 0; i < n; i++) {
		double t = t0_ms + i * ms_per_sample;
		double value = 0.0;

		glide_gain(bt);
		if (bt->following && t >= 0.0 && bt->gain > 0.0) {
			struct breath_state st = breath_phase_at_fine(&bt->pattern, bt->ramp_ms, t);
			double len = bt->pattern.phases[st.index].ms * st.cycle_ms / bt->cycle_ms;
			double f = pitch_hz(st.size), tone, mark;

			envelopes(&st, len, &tone, &mark);
			bt->tone_phase += f / bt->rate;
			bt->tone_phase -= floor(bt->tone_phase);
			bt->mark_phase += 2.0 * f / bt->rate;
			bt->mark_phase -= floor(bt->mark_phase);
			value = GLIDE_SHARE * tone *
					(sin(2 * M_PI * bt->tone_phase) +
					 SECOND_HARMONIC * sin(4 * M_PI * bt->tone_phase)) /
					(1.0 + SECOND_HARMONIC) +
				MARK_SHARE * mark * sin(2 * M_PI * bt->mark_phase);
			value *= bt->gain;
		}
		out[i] = (float)value;
	}
}
