/* SPDX-License-Identifier: MIT */
/* Reading calm-prompt.conf with inih: every key is looked up in the settings table
 * (config_table.c), parsed by its row's parser into its row's field, and every problem is named
 * with its file, line and key. */
#include "config.h"
#include "config_table.h"
#include "paths.h"

#include <ctype.h>
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

/* A key naming a pattern, checked at the end of the file (patterns may come later in it). */
struct pattern_ref {
	int line;
	char key[16];
	const char *name; /* where the name is kept in the config */
};

/* A key already read in a section: given again with another value, one of the two would be
 * silently lost (inih hands over both, the last would count). */
struct seen_key {
	char section[80];
	char key[40];
	char value[64]; /* enough to tell values apart in the complaint; longer ones by hash */
	unsigned long hash;
	int line;
	bool good; /* the value read there was not a problem of its own */
};

struct config_reader {
	struct config *cfg;
	struct seen_key *seen; /* the keys read so far, outside [pattern NAME] sections */
	int n_seen, seen_cap;
	char section[80];              /* the section of the last key */
	int button;                    /* [button NAME]: its index, set before its rows parse */
	struct breath_pattern staging; /* the [pattern NAME] section being read */
	bool staging_active, staging_bad;
	int staging_line; /* its first key's line */
	struct pattern_ref refs[16];
	int n_refs;
	const char *path;
	FILE *file;
	int line; /* the line inih is on: counted by our reader, since inih does not say */
	int zones_line; /* [touch] zones's line, checked against the buttons once all are read */
	int problems;
	config_error_fn on_error;
	void *user;
};

__attribute__((format(printf, 3, 4))) static int problem(struct config_reader *rd, const char *key,
							 const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	rd->problems++;
	if (rd->on_error)
		rd->on_error(rd->user, rd->path, rd->line, key, text);
	return 1; /* keep parsing: report every problem in one go */
}

/* The usual complaint: the value, and what the row allows. */
static bool expected(const struct config_row *row, const char *value, char *why, size_t len)
{
	snprintf(why, len, "'%.200s': expected %.200s", value, row->values);
	return false;
}

/* A whole decimal number, nothing before or after it, within the row's range. */
static bool whole_number(const struct config_row *row, const char *value, long *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)value[0]) && value[0] != '-')
		return false;
	errno = 0;
	v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < row->min || v > row->max)
		return false;
	*out = v;
	return true;
}

bool config_parse_bool(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	static const char *const yes[] = {"true", "yes", "on", "1"};
	static const char *const no[] = {"false", "no", "off", "0"};

	(void)rd;
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0)
			return *(bool *)dst = true, true;
		if (strcasecmp(value, no[i]) == 0)
			return *(bool *)dst = false, true;
	}
	return expected(row, value, why, why_len);
}

bool config_parse_int(struct config_reader *rd, const struct config_row *row, const char *value,
		      void *dst, char *why, size_t why_len)
{
	long v;

	(void)rd;
	if (!whole_number(row, value, &v))
		return expected(row, value, why, why_len);
	*(int *)dst = (int)v;
	return true;
}

bool config_parse_ms_from_s(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len)
{
	long v;

	(void)rd;
	if (!whole_number(row, value, &v))
		return expected(row, value, why, why_len);
	*(int64_t *)dst = (int64_t)v * 1000;
	return true;
}

bool config_parse_path(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	(void)rd;
	(void)row;
	if (strlen(value) >= CONFIG_PATH_MAX) {
		snprintf(why, why_len, "'%.60s...': path too long", value);
		return false;
	}
	snprintf(dst, CONFIG_PATH_MAX, "%s", value);
	return true;
}

bool config_parse_language(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	(void)row;
	if (value[0] && !language_valid(value)) {
		snprintf(why, why_len,
			 "'%.60s': use a language code such as es, pt_BR or sr@latin, or leave it "
			 "empty",
			 value);
		return false;
	}
	snprintf(dst, LANGUAGE_MAX, "%s", value);
	return true;
}

bool config_parse_size(const char *text, int *width, int *height)
{
	int w, h;
	char extra;

	if (!isdigit((unsigned char)text[0]) || sscanf(text, "%5dx%5d%c", &w, &h, &extra) != 2)
		return false;
	if (w < SCREEN_SIDE_MIN || h < SCREEN_SIDE_MIN || w > SCREEN_SIDE_MAX ||
	    h > SCREEN_SIDE_MAX)
		return false;
	*width = w;
	*height = h;
	return true;
}

bool config_parse_size_value(struct config_reader *rd, const struct config_row *row,
			     const char *value, void *dst, char *why, size_t why_len)
{
	(void)dst;
	if (!config_parse_size(value, &rd->cfg->width, &rd->cfg->height))
		return expected(row, value, why, why_len);
	return true;
}

bool config_parse_clock_hours(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	if (strcmp(value, "12") != 0 && strcmp(value, "24") != 0)
		return expected(row, value, why, why_len);
	*(bool *)dst = strcmp(value, "24") == 0;
	return true;
}

bool config_parse_rotation(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len)
{
	long v;

	(void)rd;
	if (!whole_number(row, value, &v) || v % 90 != 0)
		return expected(row, value, why, why_len);
	*(int *)dst = (int)v;
	return true;
}

/* "22:30" into minutes of the day. */
bool config_parse_time_of_day(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len)
{
	const char *colon = strchr(value, ':');
	int h = 0, m = 0;

	(void)rd;
	/* H:MM or HH:MM, digits only. */
	if (!colon || colon == value || colon - value > 2 || strlen(colon + 1) != 2)
		return expected(row, value, why, why_len);
	for (const char *p = value; *p; p++) {
		if (p == colon)
			continue;
		if (!isdigit((unsigned char)*p))
			return expected(row, value, why, why_len);
		if (p < colon)
			h = h * 10 + (*p - '0');
		else
			m = m * 10 + (*p - '0');
	}
	if (h > 23 || m > 59)
		return expected(row, value, why, why_len);
	*(int *)dst = h * 60 + m;
	return true;
}

/* Two words for one flag: the first leaves it false, the second sets it. */
static bool parse_either(const struct config_row *row, const char *value, const char *when_false,
			 const char *when_true, void *dst, char *why, size_t why_len)
{
	if (strcmp(value, when_false) != 0 && strcmp(value, when_true) != 0)
		return expected(row, value, why, why_len);
	*(bool *)dst = strcmp(value, when_true) == 0;
	return true;
}

bool config_parse_night_screen(struct config_reader *rd, const struct config_row *row,
			       const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	return parse_either(row, value, "dim", "off", dst, why, why_len);
}

bool config_parse_press(struct config_reader *rd, const struct config_row *row, const char *value,
			void *dst, char *why, size_t why_len)
{
	(void)rd;
	return parse_either(row, value, "end", "pause", dst, why, why_len);
}

bool config_parse_session_minutes(struct config_reader *rd, const struct config_row *row,
				  const char *value, void *dst, char *why, size_t why_len)
{
	long v;

	(void)rd;
	if (strcmp(value, "pattern") == 0)
		v = 0;
	else if (!whole_number(row, value, &v))
		return expected(row, value, why, why_len);
	*(int *)dst = (int)v;
	return true;
}

/* "calm, unsettled" into the check-in answers (dst: the device's answers). */
bool config_parse_answers(struct config_reader *rd, const struct config_row *row,
			  const char *value, void *dst, char *why, size_t why_len)
{
	char (*answers)[CHECKIN_ANSWER_MAX + 1] = dst;
	char got[CHECKIN_MAX_ANSWERS][CHECKIN_ANSWER_MAX + 1] = {{0}};
	char buf[128];
	char *save = NULL;
	int n = 0;

	if (strlen(value) >= sizeof(buf))
		return expected(row, value, why, why_len);
	snprintf(buf, sizeof(buf), "%s", value);
	for (char *a = strtok_r(buf, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		while (*a == ' ')
			a++;
		for (size_t len = strlen(a); len > 0 && a[len - 1] == ' '; len--)
			a[len - 1] = '\0';
		if (n == CHECKIN_MAX_ANSWERS || !a[0] || strlen(a) > CHECKIN_ANSWER_MAX)
			return expected(row, value, why, why_len);
		snprintf(got[n++], sizeof(got[0]), "%s", a);
	}
	if (n < 2)
		return expected(row, value, why, why_len);
	memcpy(answers, got, sizeof(got));
	rd->cfg->dev.n_answers = n;
	return true;
}

/* A pattern name a key refers to, checked once every pattern of the file is known. */
static bool refer_to_pattern(struct config_reader *rd, const char *key, const char *value,
			     char *dst, char *why, size_t why_len)
{
	if (strlen(value) > PATTERN_NAME_MAX || !value[0]) {
		snprintf(why, why_len, "'%.200s': not a pattern name", value);
		return false;
	}
	snprintf(dst, PATTERN_NAME_MAX + 1, "%s", value);
	if (rd->n_refs < (int)(sizeof(rd->refs) / sizeof(rd->refs[0]))) {
		struct pattern_ref *ref = &rd->refs[rd->n_refs++];

		ref->line = rd->line;
		snprintf(ref->key, sizeof(ref->key), "%s", key);
		ref->name = dst;
	}
	return true;
}

bool config_parse_pattern_name(struct config_reader *rd, const struct config_row *row,
			       const char *value, void *dst, char *why, size_t why_len)
{
	return refer_to_pattern(rd, row->key, value, dst, why, why_len);
}

static bool parse_tags(enum deck_tag_kind kind, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	unsigned bits;
	char bad[64];

	if (!deck_tags_parse(kind, value, &bits, bad, sizeof(bad))) {
		snprintf(why, why_len, "'%.200s': use %.200s, separated by commas", bad, row->values);
		return false;
	}
	*(unsigned *)dst = bits;
	return true;
}

bool config_parse_audiences(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	return parse_tags(DECK_TAG_AUDIENCE, row, value, dst, why, why_len);
}

bool config_parse_pathways(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	return parse_tags(DECK_TAG_PATHWAY, row, value, dst, why, why_len);
}

/* auto, yes or no, into an enum of those three in that order (enum gpio_use, enum touch_use). */
bool config_parse_auto_yes_no(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len)
{
	bool yes;

	_Static_assert(GPIO_USE_AUTO == 0 && GPIO_USE_YES == 1 && GPIO_USE_NO == 2 &&
			       TOUCH_USE_AUTO == 0 && TOUCH_USE_YES == 1 && TOUCH_USE_NO == 2 &&
			       sizeof(enum gpio_use) == sizeof(int) &&
			       sizeof(enum touch_use) == sizeof(int),
		       "auto, yes and no are 0, 1 and 2 in both");
	if (strcmp(value, "auto") == 0) {
		*(int *)dst = 0;
		return true;
	}
	if (!config_parse_bool(rd, row, value, &yes, why, why_len))
		return expected(row, value, why, why_len);
	*(int *)dst = yes ? 1 : 2;
	return true;
}

/* keys = Space, Keypad Enter, F13: SDL's names (the shell checks that SDL knows them), or
 * nothing for the defaults. */
bool config_parse_keys(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	struct button_keys keys = {0}; /* a bad list leaves the keys as they were */
	char list[CONFIG_KEYS_MAX * (PRESS_SOURCE_MAX + 2)];
	char *k = list;

	(void)rd;
	if (strlen(value) >= sizeof(list))
		return expected(row, value, why, why_len);
	snprintf(list, sizeof(list), "%s", value);
	while (value[0] && k) {
		char *comma = strchr(k, ',');
		size_t len;

		if (comma)
			*comma = '\0';
		while (*k == ' ' || *k == '\t')
			k++;
		len = strlen(k);
		while (len > 0 && (k[len - 1] == ' ' || k[len - 1] == '\t'))
			k[--len] = '\0';
		if (len == 0 || len > PRESS_SOURCE_MAX || keys.n == CONFIG_KEYS_MAX)
			return expected(row, value, why, why_len);
		memcpy(keys.names[keys.n++], k, len + 1); /* len fits: checked above */
		k = comma ? comma + 1 : NULL;
	}
	*(struct button_keys *)dst = keys;
	return true;
}

/* zones: a number, and its line, for the check against the buttons at the end. */
bool config_parse_zones(struct config_reader *rd, const struct config_row *row, const char *value,
			void *dst, char *why, size_t why_len)
{
	if (!config_parse_int(rd, row, value, dst, why, why_len))
		return false;
	rd->zones_line = rd->line;
	return true;
}

/* short/long/double = ACTION, or breathe:PATTERN for a button of its own for one pattern. */
bool config_parse_gesture_action(struct config_reader *rd, const struct config_row *row,
				 const char *value, void *dst, char *why, size_t why_len)
{
	char *pattern = rd->cfg->button_pattern[rd->button][row->min];
	int action;

	if (strncmp(value, "breathe:", 8) == 0) {
		*(enum action *)dst = ACTION_BREATHE;
		return refer_to_pattern(rd, row->key, value + 8, pattern, why, why_len);
	}
	action = action_from_name(value);
	if (action < 0)
		return expected(row, value, why, why_len);
	*(enum action *)dst = (enum action)action;
	pattern[0] = '\0';
	return true;
}

/* A name with no spaces that fits dst (line and chip names). */
static bool gpio_name(const char *value, char *dst)
{
	if (value[0] == '\0' || strlen(value) > GPIO_NAME_MAX || strpbrk(value, " \t"))
		return false;
	snprintf(dst, GPIO_NAME_MAX + 1, "%s", value);
	return true;
}

/* A line is given by name (line), or by chip and offset; the one given last counts. */
bool config_parse_line_name(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len)
{
	struct button_gpio *g = (struct button_gpio *)((char *)dst - row->offset);

	(void)rd;
	if (strcmp(value, "none") == 0) {
		g->line[0] = '\0';
		g->chip[0] = '\0';
	} else if (!gpio_name(value, g->line)) {
		return expected(row, value, why, why_len);
	}
	g->offset = -1;
	return true;
}

bool config_parse_chip(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	(void)rd;
	if ((strncmp(value, "gpiochip", 8) != 0 && value[0] != '/') || !gpio_name(value, dst))
		return expected(row, value, why, why_len);
	return true;
}

bool config_parse_line_offset(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len)
{
	struct button_gpio *g = (struct button_gpio *)((char *)dst - row->offset);
	long v;

	(void)rd;
	if (!whole_number(row, value, &v))
		return expected(row, value, why, why_len);
	g->offset = (int)v;
	g->line[0] = '\0';
	if (!g->chip[0])
		snprintf(g->chip, sizeof(g->chip), "gpiochip0");
	return true;
}

bool config_parse_bias(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len)
{
	static const char *const names[] = {
		[GPIO_BIAS_PULL_UP] = "pull-up",
		[GPIO_BIAS_PULL_DOWN] = "pull-down",
		[GPIO_BIAS_NONE] = "none",
	};

	(void)rd;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(value, names[i]) == 0) {
			*(enum gpio_bias *)dst = (enum gpio_bias)i;
			return true;
		}
	}
	return expected(row, value, why, why_len);
}

/* "#e07a5f": a hash and exactly six hex digits, nothing else. */
bool config_parse_colour(struct config_reader *rd, const struct config_row *row,
			 const char *value, void *dst, char *why, size_t why_len)
{
	(void)rd;
	if (value[0] != '#' || strlen(value) != 7)
		return expected(row, value, why, why_len);
	for (int i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)value[i]))
			return expected(row, value, why, why_len);
	*(uint32_t *)dst = (uint32_t)strtoul(value + 1, NULL, 16);
	return true;
}

void config_print_problem(void *user, const char *file, int line, const char *key,
			  const char *problem)
{
	if (key)
		fprintf(user, "%s:%d: %s: %s\n", file, line, key, problem);
	else
		fprintf(user, "%s:%d: %s\n", file, line, problem);
}

/* Parses one row's value into its place under base; a problem is reported with the row's key. */
static void parse_row(struct config_reader *rd, const struct config_row *row, void *base,
		      const char *value)
{
	char why[400];

	if (!row->parse(rd, row, value, (char *)base + row->offset, why, sizeof(why)))
		problem(rd, row->key, "%s", why);
}

/* Applies the defaults of the rows with this base (for a new named section, or all of them). */
static void apply_defaults(struct config_reader *rd, enum config_base base, void *where)
{
	for (size_t i = 0; i < config_n_rows; i++)
		if (config_rows[i].base == base && config_rows[i].def[0])
			parse_row(rd, &config_rows[i], where, config_rows[i].def);
}

/* The [button NAME] section's button, added on first sight with the rows' defaults; -1 when
 * there is no room. */
static int button_named(struct config_reader *rd, const char *name)
{
	struct config *cfg = rd->cfg;
	int b;

	for (b = 0; b < cfg->dev.n_buttons; b++)
		if (strcmp(cfg->dev.buttons[b].name, name) == 0)
			return b;
	if (cfg->dev.n_buttons == DEVICE_MAX_BUTTONS)
		return -1;
	b = cfg->dev.n_buttons++;
	memset(&cfg->dev.buttons[b], 0, sizeof(cfg->dev.buttons[b]));
	memset(&cfg->gpio[b], 0, sizeof(cfg->gpio[b]));
	memset(cfg->button_pattern[b], 0, sizeof(cfg->button_pattern[b]));
	memset(&cfg->keys[b], 0, sizeof(cfg->keys[b]));
	snprintf(cfg->dev.buttons[b].name, sizeof(cfg->dev.buttons[b].name), "%s", name);
	cfg->gpio[b].offset = -1;
	cfg->gpio[b].debounce_ms = -1;
	rd->button = b;
	apply_defaults(rd, BASE_BUTTON, &cfg->dev.buttons[b]);
	apply_defaults(rd, BASE_BUTTON_GPIO, &cfg->gpio[b]);
	return b;
}

/* The [member NAME] section's member, added on first sight; -1 when there is no room. */
static int member_named(struct config_reader *rd, const char *name)
{
	struct device_config *dev = &rd->cfg->dev;
	int m;

	for (m = 0; m < dev->n_members; m++)
		if (strcmp(dev->members[m], name) == 0)
			return m;
	if (dev->n_members == DEVICE_MAX_MEMBERS)
		return -1;
	m = dev->n_members++;
	snprintf(dev->members[m], sizeof(dev->members[m]), "%s", name);
	apply_defaults(rd, BASE_MEMBER, &dev->member_colors[m]);
	return m;
}

void config_defaults(struct config *cfg)
{
	struct config_reader rd = {.cfg = cfg};

	memset(cfg, 0, sizeof(*cfg));
	/* What has no row (the built-in main button, the core's own timeouts) comes from the
	 * core; the rows then give every setting its default. */
	device_config_defaults(&cfg->dev);
	for (int i = 0; i < DEVICE_MAX_BUTTONS; i++) {
		cfg->gpio[i].offset = -1;
		cfg->gpio[i].debounce_ms = -1;
		apply_defaults(&rd, BASE_BUTTON_GPIO, &cfg->gpio[i]);
	}
	snprintf(cfg->gpio[0].line, sizeof(cfg->gpio[0].line), "GPIO17");
	apply_defaults(&rd, BASE_CONFIG, cfg);
}

/* [pattern NAME]: keys go to a staging copy (of the pattern of that name, when there is one),
 * which replaces the pattern only if the whole section is good. */
static void pattern_section_end(struct config_reader *rd)
{
	int line = rd->line;
	char msg[256];

	if (!rd->staging_active)
		return;
	rd->staging_active = false;
	if (rd->staging_bad)
		return;
	rd->line = rd->staging_line;
	if (pattern_finish(&rd->staging, msg, sizeof(msg)) != 0) {
		rd->cfg->pattern_problems++;
		problem(rd, "phases", "%s", msg);
	} else if (pattern_put(&rd->cfg->dev.patterns, &rd->staging) != 0) {
		rd->cfg->pattern_problems++;
		problem(rd, "-", "at most %d patterns", PATTERN_SET_MAX);
	}
	rd->line = line;
}

static int on_pattern(struct config_reader *rd, const char *name, const char *key,
		      const char *value)
{
	char msg[256];

	if (!rd->staging_active) {
		const struct breath_pattern *known = pattern_find(&rd->cfg->dev.patterns, name);

		if (known)
			rd->staging = *known;
		else
			pattern_init(&rd->staging, name);
		rd->staging_active = true;
		rd->staging_bad = false;
		rd->staging_line = rd->line;
		if (!name[0] || strlen(name) > PATTERN_NAME_MAX) {
			rd->staging_bad = true;
			rd->cfg->pattern_problems++;
			return problem(rd, key, "[pattern NAME]: a name of 1 to %d characters",
				       PATTERN_NAME_MAX);
		}
	}
	if (pattern_set_key(&rd->staging, key, value, msg, sizeof(msg)) != 0) {
		rd->staging_bad = true;
		rd->cfg->pattern_problems++;
		return problem(rd, key, "%s", msg);
	}
	return 1;
}

/* The table's name for a section: "button NAME" for [button main]; name gets "main". */
static void section_kind(const char *section, char *kind, size_t len, const char **name)
{
	static const char *const named[] = {"button ", "member "};

	*name = NULL;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t n = strlen(named[i]);

		if (strncmp(section, named[i], n) == 0) {
			snprintf(kind, len, "%sNAME", named[i]);
			*name = section + n;
			return;
		}
	}
	snprintf(kind, len, "%s", section);
}

/* "a, b, c": the keys of one section, or (section NULL) the sections, in the table's order. */
static void list_known(const char *section, char *out, size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < config_n_rows; i++) {
		const char *item = section ? config_rows[i].key : config_rows[i].section;
		bool seen = false;

		if (section && strcmp(config_rows[i].section, section) != 0)
			continue;
		for (size_t j = 0; j < i && !section; j++)
			seen |= strcmp(config_rows[j].section, item) == 0;
		if (seen)
			continue;
		if (!section && strcmp(item, "member NAME") == 0)
			used += (size_t)snprintf(out + used, len - used, "%spattern NAME",
						 used ? ", " : "");
		if (used < len)
			used += (size_t)snprintf(out + used, len - used, "%s%s", used ? ", " : "",
						 item);
	}
}

static const struct config_row *find_row(const char *kind, const char *key)
{
	bool section_known = false;

	for (size_t i = 0; i < config_n_rows; i++) {
		if (strcmp(config_rows[i].section, kind) != 0)
			continue;
		section_known = true;
		if (strcmp(config_rows[i].key, key) == 0)
			return &config_rows[i];
	}
	/* "color" for those who spell it so. */
	if (section_known && strcmp(kind, "member NAME") == 0 && strcmp(key, "color") == 0)
		return find_row(kind, "colour");
	return NULL;
}

static bool section_known(const char *kind)
{
	for (size_t i = 0; i < config_n_rows; i++)
		if (strcmp(config_rows[i].section, kind) == 0)
			return true;
	return false;
}

/* The place a row's value goes for this section, or NULL (reported) when there is none. */
static void *row_base(struct config_reader *rd, const struct config_row *row, const char *name,
		      const char *key)
{
	int i;

	switch (row->base) {
	case BASE_CONFIG:
		return rd->cfg;
	case BASE_BUTTON:
	case BASE_BUTTON_GPIO:
	case BASE_BUTTON_KEYS:
		if (!name[0] || strlen(name) > BUTTON_NAME_MAX) {
			problem(rd, key, "[button NAME]: a name of 1 to 15 characters is needed");
			return NULL;
		}
		i = button_named(rd, name);
		if (i < 0) {
			problem(rd, key, "[button %s]: at most 3 buttons", name);
			return NULL;
		}
		rd->button = i;
		if (row->base == BASE_BUTTON_KEYS)
			return &rd->cfg->keys[i];
		return row->base == BASE_BUTTON ? (void *)&rd->cfg->dev.buttons[i]
						: (void *)&rd->cfg->gpio[i];
	case BASE_MEMBER:
		if (!name[0] || strlen(name) > MEMBER_NAME_MAX) {
			problem(rd, key, "[member NAME]: a name of 1 to %d characters",
				MEMBER_NAME_MAX);
			return NULL;
		}
		i = member_named(rd, name);
		if (i < 0) {
			problem(rd, key, "[member %s]: at most %d members", name,
				DEVICE_MAX_MEMBERS);
			return NULL;
		}
		return &rd->cfg->dev.member_colors[i];
	}
	return NULL;
}

static unsigned long value_hash(const char *value)
{
	unsigned long h = 5381;

	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		h = h * 33 + *p;
	return h;
}

/* Says so when section's key was read before with another value: the later counts (a line
 * added at the end of the file to change a setting is a habit worth keeping), but a line added
 * above the one it meant to change would be lost without a word. Not a problem: the settings
 * are read all the same. The same value twice (a preset uncommented over the defaults it
 * repeats) is nothing to say, and so is a value that was a problem of its own (good: false),
 * or the one before it: the problem has said enough. */
static void given_twice(struct config_reader *rd, const char *section, const char *key,
			const char *value, bool good)
{
	unsigned long h = value_hash(value);

	for (int i = 0; i < rd->n_seen; i++) {
		struct seen_key *k = &rd->seen[i];

		if (strcmp(k->section, section) != 0 || strcmp(k->key, key) != 0)
			continue;
		if (k->hash == h && strncmp(k->value, value, sizeof(k->value) - 1) == 0)
			return;
		if (good && k->good && rd->on_error) {
			char text[320];

			snprintf(text, sizeof(text),
				 "given again in [%s]: '%.60s' here counts, not '%s' at line %d "
				 "(remove the one you do not mean)",
				 section, value, k->value, k->line);
			rd->on_error(rd->user, rd->path, rd->line, key, text);
		}
		snprintf(k->value, sizeof(k->value), "%s", value);
		k->hash = h;
		k->line = rd->line;
		k->good = good;
		return;
	}
	if (rd->n_seen == rd->seen_cap) {
		int cap = rd->seen_cap ? rd->seen_cap * 2 : 64;
		struct seen_key *more = realloc(rd->seen, sizeof(*more) * (size_t)cap);

		if (!more)
			return; /* out of memory: the key is simply not remembered */
		rd->seen = more;
		rd->seen_cap = cap;
	}
	struct seen_key *k = &rd->seen[rd->n_seen++];

	snprintf(k->section, sizeof(k->section), "%s", section);
	snprintf(k->key, sizeof(k->key), "%s", key);
	snprintf(k->value, sizeof(k->value), "%s", value);
	k->hash = h;
	k->line = rd->line;
	k->good = good;
}

static int on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct config_reader *rd = user;
	const struct config_row *row;
	const char *name;
	char kind[32], known[512];
	void *base;
	int problems;

	if (strcmp(section, rd->section) != 0) {
		pattern_section_end(rd);
		snprintf(rd->section, sizeof(rd->section), "%s", section);
	}
	if (strncmp(section, "pattern ", 8) == 0)
		return on_pattern(rd, section + 8, key, value);
	section_kind(section, kind, sizeof(kind), &name);
	if (!section_known(kind)) {
		list_known(NULL, known, sizeof(known));
		return problem(rd, key, "unknown section [%s] (known: %s)", section, known);
	}
	row = find_row(kind, key);
	if (!row) {
		list_known(kind, known, sizeof(known));
		return problem(rd, key, "unknown key in [%s] (known: %s)", section, known);
	}
	problems = rd->problems;
	base = row_base(rd, row, name ? name : "", key);
	if (base)
		parse_row(rd, row, base, value);
	given_twice(rd, section, key, value, rd->problems == problems);
	return 1;
}

/* fgets that counts lines, so problems can name theirs, and that refuses what inih would
 * silently change: a line longer than its buffer (inih would read the rest as a new line) and
 * a " ;" inside a value (inih would cut the value there, taking the rest for a comment). */
static char *read_line(char *buf, int size, void *user)
{
	struct config_reader *rd = user;
	char *got = fgets(buf, size, rd->file);
	size_t len;
	const char *start, *eq;

	if (!got)
		return NULL;
	rd->line++;
	len = strlen(buf);
	if (len == (size_t)size - 1 && buf[len - 1] != '\n' && !feof(rd->file)) {
		int c;

		while ((c = fgetc(rd->file)) != EOF && c != '\n')
			;
		problem(rd, NULL, "line longer than %d characters: shorten it (a long path can "
				  "go in a folder with a shorter name)",
			size - 2);
		buf[0] = '\0';
		return buf;
	}
	start = buf + strspn(buf, " \t");
	if (*start == ';' || *start == '#' || *start == '[')
		return got;
	eq = strchr(start, '=');
	if (eq) {
		for (const char *p = eq + 1; *p; p++) {
			if (*p == ';' && (p[-1] == ' ' || p[-1] == '\t')) {
				problem(rd, NULL,
					"' ;' inside a value: it would cut the value there; put "
					"a comment on a line of its own, starting with #");
				break;
			}
		}
	}
	return got;
}

int config_load(struct config *cfg, const char *path, bool optional, config_error_fn on_error,
		void *user)
{
	struct config_reader rd = {.cfg = cfg, .path = path, .on_error = on_error, .user = user};
	int rc;

	rd.file = fopen(path, "r");
	if (!rd.file)
		return optional && errno == ENOENT ? 0 : -1;
	rc = ini_parse_stream(read_line, &rd, on_entry, &rd);
	fclose(rd.file);
	free(rd.seen);
	pattern_section_end(&rd);
	for (int i = 0; i < rd.n_refs; i++) {
		if (pattern_find(&cfg->dev.patterns, rd.refs[i].name))
			continue;
		rd.line = rd.refs[i].line;
		problem(&rd, rd.refs[i].key, "no pattern named '%s'", rd.refs[i].name);
	}
	cfg->dev.touch_zones = cfg->touch_use == TOUCH_USE_NO ? 1 : cfg->touch_zones;
	if (rd.zones_line > 0 && cfg->touch_zones > cfg->dev.n_buttons) {
		/* Known only once every [button NAME] is read. */
		rd.line = rd.zones_line;
		problem(&rd, "zones",
			"%d zones, but %d button%s: each zone is a button, so add a [button NAME] "
			"section for each",
			cfg->touch_zones, cfg->dev.n_buttons, cfg->dev.n_buttons == 1 ? "" : "s");
	}
	if (rc > 0) {
		/* A syntax error inih found itself (e.g. a line with no '='): our handler never
		 * fails, so this is the only kind of line inih reports, and only its first. */
		rd.line = rc;
		problem(&rd, NULL, "not 'key = value', '[section]' or a '#' comment");
	}
	return rd.problems;
}

int config_load_builtin(struct config *cfg, char *path, size_t len, config_error_fn on_error,
			void *user)
{
	if (paths_asset(path, len, "patterns.conf") != 0)
		return -1;
	return config_load(cfg, path, false, on_error, user);
}

void config_device(const struct config *cfg, struct device_config *out)
{
	int together;

	*out = cfg->dev;
	out->default_pattern = pattern_index(&cfg->dev.patterns, cfg->pattern);
	if (out->default_pattern < 0)
		out->default_pattern = 0;
	together = pattern_index(&cfg->dev.patterns, cfg->together);
	out->together_pattern = together < 0 ? out->default_pattern : together;
	for (int b = 0; b < cfg->dev.n_buttons; b++)
		for (int g = 0; g < 4; g++)
			out->buttons[b].pattern[g] =
				1 + pattern_index(&cfg->dev.patterns, cfg->button_pattern[b][g]);
}

void config_wiring(const struct config *cfg, struct gpio_wiring *out)
{
	memset(out, 0, sizeof(*out));
	out->n_buttons = cfg->dev.n_buttons;
	for (int i = 0; i < cfg->dev.n_buttons; i++) {
		snprintf(out->names[i], sizeof(out->names[i]), "%s", cfg->dev.buttons[i].name);
		out->line[i] = cfg->gpio[i];
	}
	out->debounce_ms = cfg->dev.timing.debounce_ms;
}

/* ---- the rows as docs ---- */

static void print_markdown(FILE *out)
{
	fputs("| section | key | default | values | meaning |\n|---|---|---|---|---|\n", out);
	for (size_t i = 0; i < config_n_rows; i++) {
		const struct config_row *r = &config_rows[i];

		fprintf(out, "| %s | %s | %s | %s | %s |\n", r->section, r->key,
			r->def[0] ? r->def : "(empty)", r->values, r->help);
	}
}

/* Roff: a backslash or a leading dot or quote would be read as markup. */
static void roff_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static void print_man(FILE *out)
{
	const char *section = "";

	for (size_t i = 0; i < config_n_rows; i++) {
		const struct config_row *r = &config_rows[i];

		if (strcmp(section, r->section) != 0) {
			section = r->section;
			fprintf(out, ".SS [%s]\n", section);
		}
		fprintf(out, ".TP\n.BR %s \" = \" ", r->key);
		fputc('"', out);
		roff_text(out, r->def[0] ? r->def : "(empty)");
		fputs("\"\n", out);
		roff_text(out, r->help);
		fputs(": ", out);
		roff_text(out, r->values);
		fputs(".\n", out);
	}
}

static void print_ini(FILE *out)
{
	const char *section = "";

	for (size_t i = 0; i < config_n_rows; i++) {
		const struct config_row *r = &config_rows[i];

		if (strcmp(section, r->section) != 0) {
			section = r->section;
			fprintf(out, "[%s]\n", section);
		}
		fprintf(out, "%s = %s\n", r->key, r->def);
	}
}

bool config_print_rows(FILE *out, const char *format)
{
	if (strcmp(format, "markdown") == 0)
		print_markdown(out);
	else if (strcmp(format, "man") == 0)
		print_man(out);
	else if (strcmp(format, "ini") == 0)
		print_ini(out);
	else
		return false;
	return true;
}
