/* The breathing pacer: where in its breath a pattern is at a given time since the session began. */
#ifndef CALM_PACER_H
#define CALM_PACER_H

#include <stdint.h>

enum breath_phase_kind {
	PHASE_INHALE = 0,
	PHASE_TOPUP,   /* a short extra inhale on top of a full one (cyclic sighing) */
	PHASE_HOLD_IN, /* hold with full lungs */
	PHASE_EXHALE,
	PHASE_HOLD_OUT, /* hold with empty lungs */
};

#define PACER_MAX_PHASES 6

struct breath_phase {
	enum breath_phase_kind kind;
	int ms; /* duration, > 0 */
};

struct breath_pattern {
	const char *name;  /* stable identifier, used in the log */
	const char *label; /* short text for the screen */
	struct breath_phase phases[PACER_MAX_PHASES];
	int n_phases;
};

struct breath_state {
	enum breath_phase_kind phase;
	int64_t phase_elapsed_ms; /* time already spent in this phase */
	int64_t phase_ms;         /* this phase's whole length */
	int64_t cycle;            /* completed breaths before this one */
	double size;              /* 0 (empty lungs) .. 1 (full), eased, continuous across phases */
};

/* The state at t_ms after the first inhale began (t_ms >= 0). Exact for any t: the phase is
 * computed from the elapsed time alone, never by counting frames. */
struct breath_state breath_phase_at(const struct breath_pattern *pattern, int64_t t_ms);

int64_t breath_cycle_ms(const struct breath_pattern *pattern);

/* Time from t_ms to the start of the next phase. */
int64_t breath_ms_to_next_phase(const struct breath_pattern *pattern, int64_t t_ms);

const char *breath_phase_name(enum breath_phase_kind kind);

/* Words shown for a phase, e.g. "Breathe in". */
const char *breath_phase_words(enum breath_phase_kind kind);

#endif
