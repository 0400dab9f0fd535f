/* SPDX-License-Identifier: MIT */
/* Breathing pattern definitions: parsing and checking, pure. */
#include "pattern.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A phase shorter than this cannot be followed; longer than this is not a breath. */
#define PHASE_MIN_MS 500
#define PHASE_MAX_MS 30000

const int pattern_session_minutes[5] = {1, 3, 5, 8, 20};

void pattern_init(struct breath_pattern *p, const char *name)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "%s", name);
	snprintf(p->label, sizeof(p->label), "%s", name);
	p->minutes = 5;
	p->ramp_ms = -1;
}

static int fail(char *msg, size_t len, const char *fmt, const char *value)
{
	snprintf(msg, len, fmt, value);
	return -1;
}

static int parse_number(const char *value, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(value, &end);
	while (*end == ' ')
		end++;
	if (errno || end == value || *end || !(v >= lo && v <= hi))
		return -1;
	*out = v;
	return 0;
}

static int set_text(char *dst, size_t dst_len, const char *value, char *msg, size_t len)
{
	if (strlen(value) >= dst_len)
		return fail(msg, len, "'%.40s...': too long", value);
	snprintf(dst, dst_len, "%s", value);
	return 0;
}

/* "inhale 4, hold 7, exhale 8": a hold after an exhale is a hold with empty lungs. */
static int parse_phases(struct breath_pattern *p, const char *value, char *msg, size_t len)
{
	struct breath_pattern tmp = *p;
	char buf[256];
	char *save = NULL;
	enum breath_phase_kind last = PHASE_EXHALE;

	if (strlen(value) >= sizeof(buf))
		return fail(msg, len, "'%.40s...': too long", value);
	snprintf(buf, sizeof(buf), "%s", value);
	tmp.n_phases = 0;
	for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char word[16];
		double seconds;
		int used = 0;
		enum breath_phase_kind kind;

		if (sscanf(item, " %15s %lf %n", word, &seconds, &used) != 2 || item[used] != '\0')
			return fail(msg, len,
				    "'%s': expected phases like 'inhale 4, hold 7, exhale 8'",
				    item);
		if (strcmp(word, "inhale") == 0)
			kind = PHASE_INHALE;
		else if (strcmp(word, "topup") == 0)
			kind = PHASE_TOPUP;
		else if (strcmp(word, "exhale") == 0)
			kind = PHASE_EXHALE;
		else if (strcmp(word, "hold") == 0)
			kind = last == PHASE_EXHALE ? PHASE_HOLD_OUT : PHASE_HOLD_IN;
		else
			return fail(msg, len,
				    "unknown phase '%s': use inhale, topup, hold or exhale", word);
		if (!(seconds * 1000.0 >= PHASE_MIN_MS && seconds * 1000.0 <= PHASE_MAX_MS)) {
			snprintf(msg, len, "%s %g: a phase lasts 0.5 to 30 seconds", word, seconds);
			return -1;
		}
		if (kind == PHASE_TOPUP && last != PHASE_INHALE) {
			snprintf(msg, len, "a topup comes right after an inhale");
			return -1;
		}
		if (tmp.n_phases == PACER_MAX_PHASES) {
			snprintf(msg, len, "at most %d phases", PACER_MAX_PHASES);
			return -1;
		}
		tmp.phases[tmp.n_phases++] =
			(struct breath_phase){kind, (int)lround(seconds * 1000.0)};
		last = kind;
	}
	if (tmp.n_phases == 0)
		return fail(msg, len, "no phases%s: expected phases like 'inhale 4, exhale 6'", "");
	*p = tmp;
	return 0;
}

static int parse_flag(const char *value, bool *out)
{
	if (strcasecmp(value, "true") == 0 || strcasecmp(value, "yes") == 0 ||
	    strcmp(value, "1") == 0)
		return *out = true, 0;
	if (strcasecmp(value, "false") == 0 || strcasecmp(value, "no") == 0 ||
	    strcmp(value, "0") == 0)
		return *out = false, 0;
	return -1;
}

int pattern_set_key(struct breath_pattern *p, const char *key, const char *value, char *msg,
		    size_t msg_len)
{
	double v;

	if (strcmp(key, "label") == 0)
		return set_text(p->label, sizeof(p->label), value, msg, msg_len);
	if (strcmp(key, "source") == 0)
		return set_text(p->source, sizeof(p->source), value, msg, msg_len);
	if (strcmp(key, "invite") == 0)
		return set_text(p->invite, sizeof(p->invite), value, msg, msg_len);
	if (strcmp(key, "phases") == 0)
		return parse_phases(p, value, msg, msg_len);
	if (strcmp(key, "rate") == 0) {
		if (parse_number(value, 1, 30, &v) != 0)
			return fail(msg, msg_len, "'%s': expected breaths per minute, 1 to 30",
				    value);
		p->rate = v;
		return 0;
	}
	if (strcmp(key, "start_rate") == 0) {
		if (parse_number(value, 1, 30, &v) != 0)
			return fail(msg, msg_len, "'%s': expected breaths per minute, 1 to 30",
				    value);
		p->start_cycle_ms = (int)lround(60000.0 / v);
		return 0;
	}
	if (strcmp(key, "ramp_minutes") == 0) {
		if (strcmp(value, "session") == 0) {
			p->ramp_ms = -1;
			return 0;
		}
		if (parse_number(value, 0.5, 60, &v) != 0)
			return fail(msg, msg_len, "'%s': expected minutes (0.5 to 60) or 'session'",
				    value);
		p->ramp_ms = (int)lround(v * 60000.0);
		return 0;
	}
	if (strcmp(key, "fade") == 0) {
		if (parse_flag(value, &p->fade) != 0)
			return fail(msg, msg_len, "'%s': expected true or false", value);
		return 0;
	}
	if (strcmp(key, "minutes") == 0) {
		if (parse_number(value, 1, 60, &v) != 0 || v != floor(v))
			return fail(msg, msg_len, "'%s': expected whole minutes, 1 to 60", value);
		p->minutes = (int)v;
		return 0;
	}
	if (strcmp(key, "cycles") == 0) {
		if (parse_number(value, 0, 100, &v) != 0 || v != floor(v))
			return fail(msg, msg_len, "'%s': expected a number of breaths, 0 to 100",
				    value);
		p->cycles = (int)v;
		return 0;
	}
	if (strcmp(key, "rate_min") == 0 || strcmp(key, "rate_max") == 0) {
		if (parse_number(value, 1, 30, &v) != 0)
			return fail(msg, msg_len, "'%s': expected breaths per minute, 1 to 30",
				    value);
		*(strcmp(key, "rate_min") == 0 ? &p->rate_min : &p->rate_max) = v;
		return 0;
	}
	return fail(msg, msg_len,
		    "unknown key%s (known: label, source, invite, phases, rate, start_rate, "
		    "ramp_minutes, fade, minutes, cycles, rate_min, rate_max)",
		    "");
}

int pattern_finish(struct breath_pattern *p, char *msg, size_t msg_len)
{
	bool inhale = false, exhale = false;

	for (int i = 0; i < p->n_phases; i++) {
		inhale |= p->phases[i].kind == PHASE_INHALE;
		exhale |= p->phases[i].kind == PHASE_EXHALE;
	}
	if (p->n_phases == 0)
		return fail(msg, msg_len, "pattern '%s' has no phases", p->name);
	if (!inhale || !exhale)
		return fail(msg, msg_len, "pattern '%s' needs an inhale and an exhale", p->name);
	if (p->rate > 0) {
		if ((p->rate_min > 0 && p->rate < p->rate_min) ||
		    (p->rate_max > 0 && p->rate > p->rate_max)) {
			snprintf(msg, msg_len, "pattern '%s': rate %g is outside %g to %g", p->name,
				 p->rate, p->rate_min, p->rate_max);
			return -1;
		}
		breath_set_rate(p, p->rate);
		p->rate = 0;
	}
	return 0;
}

int pattern_index(const struct pattern_set *set, const char *name)
{
	for (int i = 0; i < set->count; i++)
		if (strcmp(set->items[i].name, name) == 0)
			return i;
	return -1;
}

const struct breath_pattern *pattern_find(const struct pattern_set *set, const char *name)
{
	int i = pattern_index(set, name);

	return i < 0 ? NULL : &set->items[i];
}

int pattern_put(struct pattern_set *set, const struct breath_pattern *p)
{
	int i = pattern_index(set, p->name);

	if (i < 0) {
		if (set->count == PATTERN_SET_MAX)
			return -1;
		i = set->count++;
	}
	set->items[i] = *p;
	return 0;
}

void pattern_phases_text(const struct breath_pattern *p, char *out, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < p->n_phases && n < len; i++) {
		const char *word = p->phases[i].kind == PHASE_HOLD_OUT
					   ? "hold"
					   : breath_phase_name(p->phases[i].kind);
		int w = snprintf(out + n, len - n, "%s%s %g", i ? ", " : "", word,
				 p->phases[i].ms / 1000.0);

		if (w < 0)
			return;
		n += (size_t)w;
	}
}
