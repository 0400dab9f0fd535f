/* SPDX-License-Identifier: MIT */
/* The breath as sound: a soft tone that glides up while breathing in and down while breathing
 * out, a short soft mark at each change of phase, and quiet in the holds. Pure: the caller
 * says which pacer time each sample plays at. */
#ifndef CALM_BREATHTONE_H
#define CALM_BREATHTONE_H

#include <stdbool.h>
#include <stdint.h>

#include "pacer.h"

/* The tone's pitch: empty lungs to full, a fifth apart; the mark sounds an octave above. */
#define BREATHTONE_LOW_HZ  220.0
#define BREATHTONE_HIGH_HZ 330.0

/* A change of volume (or the tone starting or stopping) glides over this long. */
#define BREATHTONE_FADE_MS 50.0

struct breathtone;

/* A generator at this sample rate (4000 to 192000), silent until it follows a breath. NULL
 * when out of memory or the rate is out of range. */
struct breathtone *breathtone_new(int sample_rate);
void breathtone_free(struct breathtone *bt);

/* The breath to sound (a copy is kept), with the ramp length the session gives it; NULL
 * follows none. Changing it while the level is up jumps; fade to 0 first for a clean change. */
void breathtone_follow(struct breathtone *bt, const struct breath_pattern *pattern,
		       int64_t ramp_ms);

/* Loudness, 0 (silent) to 100. The level glides to it over BREATHTONE_FADE_MS. */
void breathtone_set_volume(struct breathtone *bt, int volume);

/* The peak amplitude (of full scale 1.0) the cue reaches at this volume: a square law, so
 * that the steps of the volume sound even. */
double breathtone_gain(int volume);

/* Fills out[0..n) with the samples heard from pacer time t0_ms up to t1_ms (sample i at
 * t0_ms + i (t1_ms - t0_ms) / n), in ms since the first breath began (before 0: quiet).
 * t1_ms - t0_ms is n samples' time, or a little more or less where the caller keeps the
 * sound on a clock other than the sound card's. Amplitudes are within -1..1. */
void breathtone_fill(struct breathtone *bt, double t0_ms, double t1_ms, float *out, int n);

/* Nothing more will sound until the volume goes up again: the level is 0 and settled. */
bool breathtone_silent(const struct breathtone *bt);

#endif
