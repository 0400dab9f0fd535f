/* Config file reading with inih, and checking of every value with the line it came from. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The smallest and largest screens the layout is made for (either orientation). */
#define SCREEN_SIDE_MIN 240
#define SCREEN_SIDE_MAX 4096

struct load_state {
	struct config *cfg;
	const char *path;
	FILE *file;
	int line; /* the line inih is on: counted by our reader, since inih does not say */
	int problems;
	config_error_fn on_error;
	void *user;
};

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->width = 800;
	cfg->height = 480;
	cfg->fullscreen = false;
	snprintf(cfg->font, sizeof(cfg->font), "%s", CALM_FONT);
	cfg->clock_24h = true;
	cfg->inhale_ms = 5500;
	cfg->exhale_ms = 5500;
	cfg->session_minutes = 5;
	cfg->prompt_seconds = 60;
	cfg->timing = (struct gesture_timing){.debounce_ms = 30, .long_ms = 700, .double_ms = 350};
	cfg->n_buttons = 1;
	snprintf(cfg->buttons[0].name, sizeof(cfg->buttons[0].name), "main");
	cfg->buttons[0].on[GESTURE_SHORT] = ACTION_BREATHE;
	cfg->buttons[0].on[GESTURE_LONG] = ACTION_PROMPT;
	cfg->buttons[0].on[GESTURE_DOUBLE] = ACTION_NONE;
}

bool config_parse_size(const char *text, int *width, int *height)
{
	int w, h;
	char extra;

	if (sscanf(text, "%dx%d%c", &w, &h, &extra) != 2)
		return false;
	if (w < SCREEN_SIDE_MIN || h < SCREEN_SIDE_MIN || w > SCREEN_SIDE_MAX ||
	    h > SCREEN_SIDE_MAX)
		return false;
	*width = w;
	*height = h;
	return true;
}

__attribute__((format(printf, 3, 4))) static int problem(struct load_state *st, const char *key,
							 const char *fmt, ...)
{
	char text[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	st->problems++;
	if (st->on_error)
		st->on_error(st->user, st->path, st->line, key, text);
	return 1; /* keep parsing: report every problem in one go */
}

static bool parse_bool(const char *value, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "1"};
	static const char *const no[] = {"false", "no", "off", "0"};

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0)
			return *out = true, true;
		if (strcasecmp(value, no[i]) == 0)
			return *out = false, true;
	}
	return false;
}

static bool parse_int(const char *value, long lo, long hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Seconds with up to millisecond precision, e.g. "5.5", into ms within [lo_ms, hi_ms]. */
static bool parse_seconds_ms(const char *value, int lo_ms, int hi_ms, int *out_ms)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(value, &end);
	if (errno || end == value || *end || !(v * 1000.0 >= lo_ms && v * 1000.0 <= hi_ms))
		return false;
	*out_ms = (int)(v * 1000.0 + 0.5);
	return true;
}

static bool set_path(char *dst, size_t len, const char *value)
{
	if (strlen(value) >= len)
		return false;
	snprintf(dst, len, "%s", value);
	return true;
}

static int on_display(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;
	int hours;

	if (strcmp(key, "size") == 0) {
		if (!config_parse_size(value, &cfg->width, &cfg->height))
			return problem(st, key, "'%s': expected WIDTHxHEIGHT, each 240 to 4096",
				       value);
	} else if (strcmp(key, "fullscreen") == 0) {
		if (!parse_bool(value, &cfg->fullscreen))
			return problem(st, key, "'%s': expected true or false", value);
	} else if (strcmp(key, "font") == 0) {
		if (!set_path(cfg->font, sizeof(cfg->font), value))
			return problem(st, key, "'%s': path too long", value);
	} else if (strcmp(key, "clock") == 0) {
		if (!parse_int(value, 12, 24, &hours) || (hours != 12 && hours != 24))
			return problem(st, key, "'%s': expected 12 or 24", value);
		cfg->clock_24h = hours == 24;
	} else {
		return problem(st, key,
			       "unknown key in [display] (known: size, fullscreen, font, clock)");
	}
	return 1;
}

static int on_breathe(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "inhale_seconds") == 0 || strcmp(key, "exhale_seconds") == 0) {
		int *dst = key[0] == 'i' ? &cfg->inhale_ms : &cfg->exhale_ms;

		if (!parse_seconds_ms(value, 1000, 20000, dst))
			return problem(st, key, "'%s': expected seconds from 1 to 20", value);
	} else if (strcmp(key, "session_minutes") == 0) {
		if (!parse_int(value, 1, 60, &cfg->session_minutes))
			return problem(st, key, "'%s': expected whole minutes from 1 to 60", value);
	} else {
		return problem(st, key,
			       "unknown key in [breathe] (known: inhale_seconds, exhale_seconds, "
			       "session_minutes)");
	}
	return 1;
}

static int on_prompts(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "deck_dir") == 0) {
		if (!set_path(cfg->deck_dir, sizeof(cfg->deck_dir), value))
			return problem(st, key, "'%s': path too long", value);
	} else if (strcmp(key, "show_seconds") == 0) {
		if (!parse_int(value, 5, 3600, &cfg->prompt_seconds))
			return problem(st, key, "'%s': expected seconds from 5 to 3600", value);
	} else {
		return problem(st, key, "unknown key in [prompts] (known: deck_dir, show_seconds)");
	}
	return 1;
}

static int on_log(struct load_state *st, const char *key, const char *value)
{
	if (strcmp(key, "database") == 0) {
		if (!set_path(st->cfg->database, sizeof(st->cfg->database), value))
			return problem(st, key, "'%s': path too long", value);
		return 1;
	}
	return problem(st, key, "unknown key in [log] (known: database)");
}

static int on_buttons(struct load_state *st, const char *key, const char *value)
{
	struct gesture_timing *t = &st->cfg->timing;

	if (strcmp(key, "long_press_ms") == 0) {
		if (!parse_int(value, 200, 5000, &t->long_ms))
			return problem(st, key, "'%s': expected milliseconds from 200 to 5000",
				       value);
	} else if (strcmp(key, "double_press_ms") == 0) {
		if (!parse_int(value, 100, 1000, &t->double_ms))
			return problem(st, key, "'%s': expected milliseconds from 100 to 1000",
				       value);
	} else if (strcmp(key, "debounce_ms") == 0) {
		if (!parse_int(value, 0, 200, &t->debounce_ms))
			return problem(st, key, "'%s': expected milliseconds from 0 to 200", value);
	} else {
		return problem(st, key,
			       "unknown key in [buttons] (known: long_press_ms, double_press_ms, "
			       "debounce_ms)");
	}
	return 1;
}

/* The [button NAME] section's button, added on first sight; NULL when there is no room. */
static struct device_button *button_named(struct config *cfg, const char *name)
{
	struct device_button *b;

	for (int i = 0; i < cfg->n_buttons; i++)
		if (strcmp(cfg->buttons[i].name, name) == 0)
			return &cfg->buttons[i];
	if (cfg->n_buttons == DEVICE_MAX_BUTTONS)
		return NULL;
	b = &cfg->buttons[cfg->n_buttons++];
	memset(b, 0, sizeof(*b));
	snprintf(b->name, sizeof(b->name), "%s", name);
	return b;
}

static int on_button(struct load_state *st, const char *name, const char *key, const char *value)
{
	static const char *const gestures[] = {
		[GESTURE_SHORT] = "short", [GESTURE_LONG] = "long", [GESTURE_DOUBLE] = "double"};
	struct device_button *b;
	int action;

	if (name[0] == '\0' || strlen(name) > BUTTON_NAME_MAX)
		return problem(st, key, "[button NAME]: a name of 1 to 15 characters is needed");
	b = button_named(st->cfg, name);
	if (!b)
		return problem(st, key, "[button %s]: at most 3 buttons", name);
	for (int g = GESTURE_SHORT; g <= GESTURE_DOUBLE; g++) {
		if (strcmp(key, gestures[g]) != 0)
			continue;
		action = action_from_name(value);
		if (action < 0)
			return problem(st, key, "'%s': expected breathe, prompt, end or none",
				       value);
		b->on[g] = (enum action)action;
		return 1;
	}
	return problem(st, key, "unknown key in [button %s] (known: short, long, double)", name);
}

static int on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct load_state *st = user;

	if (strcmp(section, "display") == 0)
		return on_display(st, key, value);
	if (strcmp(section, "breathe") == 0)
		return on_breathe(st, key, value);
	if (strcmp(section, "prompts") == 0)
		return on_prompts(st, key, value);
	if (strcmp(section, "log") == 0)
		return on_log(st, key, value);
	if (strcmp(section, "buttons") == 0)
		return on_buttons(st, key, value);
	if (strncmp(section, "button ", 7) == 0)
		return on_button(st, section + 7, key, value);
	return problem(st, key,
		       "unknown section [%s] (known: display, breathe, prompts, log, buttons, "
		       "button NAME)",
		       section);
}

/* fgets that counts lines, so problems can name theirs. */
static char *read_line(char *buf, int size, void *user)
{
	struct load_state *st = user;
	char *got = fgets(buf, size, st->file);

	if (got)
		st->line++;
	return got;
}

int config_load(struct config *cfg, const char *path, bool optional, config_error_fn on_error,
		void *user)
{
	struct load_state st = {.cfg = cfg, .path = path, .on_error = on_error, .user = user};
	int rc;

	st.file = fopen(path, "r");
	if (!st.file)
		return optional && errno == ENOENT ? 0 : -1;
	rc = ini_parse_stream(read_line, &st, on_entry, &st);
	fclose(st.file);
	if (rc > 0) {
		/* A syntax error inih found itself (e.g. a line with no '='): our handler never
		 * fails, so this is the only kind of line inih reports, and only its first. */
		st.line = rc;
		problem(&st, NULL, "not 'key = value', '[section]' or a '#' comment");
	}
	return st.problems;
}

void config_device(const struct config *cfg, struct device_config *out)
{
	memset(out, 0, sizeof(*out));
	out->timing = cfg->timing;
	memcpy(out->buttons, cfg->buttons, sizeof(out->buttons));
	out->n_buttons = cfg->n_buttons;
	out->pattern = (struct breath_pattern){
		.name = "resonance",
		.label = "Resonance breathing",
		.phases = {{PHASE_INHALE, cfg->inhale_ms}, {PHASE_EXHALE, cfg->exhale_ms}},
		.n_phases = 2,
	};
	out->session_ms = (int64_t)cfg->session_minutes * 60000;
	out->prompt_ms = (int64_t)cfg->prompt_seconds * 1000;
}
