/* SPDX-License-Identifier: MIT */
/* Breathing patterns as data: set from key = value text, checked whole, kept in a small set. */
#ifndef CALM_PATTERN_H
#define CALM_PATTERN_H

#include <stddef.h>

#include "pacer.h"

#define PATTERN_SET_MAX 16

struct pattern_set {
	struct breath_pattern items[PATTERN_SET_MAX];
	int count;
};

/* The session lengths a user can pick on the device, in minutes. */
extern const int pattern_session_minutes[5];

/* Starts a pattern with this name and the defaults of every optional key. */
void pattern_init(struct breath_pattern *p, const char *name);

/* Sets one key (label, source, invite, phases, rate, start_rate, ramp_minutes, fade, minutes,
 * cycles, rate_min, rate_max) from its text. Returns 0, or -1 with msg saying what is wrong
 * with the value. Keys are independent of their order; pattern_finish() settles them. */
int pattern_set_key(struct breath_pattern *p, const char *key, const char *value, char *msg,
		    size_t msg_len);

/* Checks a whole pattern (phases present, an inhale and an exhale, a rate in range) and applies
 * a chosen rate. Returns 0, or -1 with msg. */
int pattern_finish(struct breath_pattern *p, char *msg, size_t msg_len);

/* The pattern with this name, or NULL. */
const struct breath_pattern *pattern_find(const struct pattern_set *set, const char *name);
int pattern_index(const struct pattern_set *set, const char *name);

/* Adds p, or replaces the pattern of the same name. Returns -1 when the set is full. */
int pattern_put(struct pattern_set *set, const struct breath_pattern *p);

/* Writes the phases as text, e.g. "inhale 4, hold 7, exhale 8". */
void pattern_phases_text(const struct breath_pattern *p, char *out, size_t len);

#endif
