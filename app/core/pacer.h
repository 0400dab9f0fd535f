/* SPDX-License-Identifier: MIT */
/* The breathing pacer: breathing patterns, and where in its breath a pattern is at a given time
 * since the breathing began. */
#ifndef CALM_PACER_H
#define CALM_PACER_H

#include <stdbool.h>
#include <stdint.h>

enum breath_phase_kind {
	PHASE_INHALE = 0,
	PHASE_TOPUP,   /* a short extra inhale on top of a nearly full one (cyclic sighing) */
	PHASE_HOLD_IN, /* hold with full lungs */
	PHASE_EXHALE,
	PHASE_HOLD_OUT, /* hold with empty lungs */
};

#define PACER_MAX_PHASES 6
#define PATTERN_NAME_MAX 23

struct breath_phase {
	enum breath_phase_kind kind;
	int ms; /* duration, > 0 */
};

/* A breathing pattern: plain data (the built-in ones live in assets/patterns.conf). */
struct breath_pattern {
	char name[PATTERN_NAME_MAX + 1]; /* stable id: the log and the command line use it */
	char label[48];                  /* short name for the screen */
	char source[200];                /* one line: where the pattern comes from */
	char invite[160];                /* words shown while settling in; "" for none */
	struct breath_phase phases[PACER_MAX_PHASES]; /* one breath, at the pace it settles on */
	int n_phases;
	int start_cycle_ms; /* > 0: a ramp starts at this breath length... */
	int ramp_ms;        /* ...and slows to the phases' own over this long; < 0: the session */
	bool fade;          /* the guide dims as the session goes on (for falling asleep) */
	int minutes;        /* default session length */
	int cycles;         /* > 0: a session is this many breaths, unless a length is chosen */
	double rate_min, rate_max; /* the breaths per minute a user may set (0: no limit) */
	double rate; /* a chosen pace, applied by pattern_finish(); 0: the phases' own */
};

struct breath_state {
	enum breath_phase_kind phase;
	int index;                /* the phase's index in the pattern */
	int64_t phase_elapsed_ms; /* time already spent in this phase */
	int64_t phase_ms;         /* this phase's whole length (at the current pace, in a ramp) */
	int64_t cycle;            /* completed breaths before this one */
	double cycle_ms;          /* the length of a breath at this moment */
	double size;              /* 0 (empty lungs) .. 1 (full), eased, continuous across phases */
	double progress;          /* 0 .. 1 through this phase, not eased */
};

int64_t breath_cycle_ms(const struct breath_pattern *pattern);

/* The state at t_ms after the first inhale began (t_ms >= 0), with a ramp (if the pattern has
 * one) lasting ramp_ms. The phase is a function of the elapsed time alone, never of counted
 * frames: exact to the millisecond without a ramp, and to well under one with one. */
struct breath_state breath_phase_at(const struct breath_pattern *pattern, int64_t ramp_ms,
				    int64_t t_ms);

/* The same, at a time with a fraction of a ms (the sound's samples, 48 to a ms): the picture
 * and the sound follow this one function of the time since the breathing began. */
struct breath_state breath_phase_at_fine(const struct breath_pattern *pattern, int64_t ramp_ms,
					 double t_ms);

/* The time at which breath number `cycle` (0-based) begins. */
double breath_cycle_start_ms(const struct breath_pattern *pattern, int64_t ramp_ms, int64_t cycle);

/* Scales a pattern's phases so that a breath takes 60/rate seconds, keeping their proportions. */
void breath_set_rate(struct breath_pattern *pattern, double breaths_per_minute);

const char *breath_phase_name(enum breath_phase_kind kind);

/* Words shown for a phase, e.g. "Breathe in". */
const char *breath_phase_words(enum breath_phase_kind kind);

#endif
