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

/* A key naming a pattern, checked at the end of the file (patterns may come later in it). */
struct pattern_ref {
	int line;
	char key[16];
	const char *name; /* where the name is kept in the config */
};

struct load_state {
	struct config *cfg;
	char section[80];              /* the section of the last key */
	struct breath_pattern staging; /* the [pattern NAME] section being read */
	bool staging_active, staging_bad;
	int staging_line; /* its first key's line */
	struct pattern_ref refs[16];
	int n_refs;
	const char *path;
	FILE *file;
	int line; /* the line inih is on: counted by our reader, since inih does not say */
	int problems;
	config_error_fn on_error;
	void *user;
};

/* An unwired button's line settings: active low with the pull-up, as a button to ground is. */
static void button_gpio_defaults(struct button_gpio *g)
{
	memset(g, 0, sizeof(*g));
	g->offset = -1;
	g->active_low = true;
	g->bias = GPIO_BIAS_PULL_UP;
	g->debounce_ms = -1;
}

void config_defaults(struct config *cfg)
{
	struct device_config dev;

	memset(cfg, 0, sizeof(*cfg));
	cfg->width = 800;
	cfg->height = 480;
	cfg->fullscreen = false;
	snprintf(cfg->font, sizeof(cfg->font), "%s", CALM_FONT);
	cfg->clock_24h = true;
	device_config_defaults(&dev);
	snprintf(cfg->pattern, sizeof(cfg->pattern), "resonance");
	snprintf(cfg->together, sizeof(cfg->together), "together");
	cfg->session_minutes = dev.session_minutes;
	cfg->press_pauses = dev.press_pauses;
	cfg->checkin = dev.checkin;
	memcpy(cfg->answers, dev.answers, sizeof(cfg->answers));
	cfg->n_answers = dev.n_answers;
	cfg->offer_prompt = dev.offer_prompt;
	cfg->settle_seconds = (int)(dev.settle_ms / 1000);
	cfg->ambient_glow = true;
	cfg->ambient_drift = true;
	cfg->night_start = dev.night_start;
	cfg->night_end = dev.night_end;
	cfg->night_screen_off = dev.night_screen_off;
	cfg->wake_seconds = (int)(dev.wake_ms / 1000);
	cfg->day_brightness = dev.day_brightness;
	cfg->night_brightness = dev.night_brightness;
	cfg->sound = dev.sound;
	cfg->sound_volume = dev.sound_volume;
	cfg->night_sound_volume = dev.night_sound_volume;
	cfg->light_chip = -1;
	cfg->light_channel = 0;
	cfg->light_brightness = dev.light_brightness;
	cfg->night_light_brightness = dev.night_light_brightness;
	cfg->prompt_seconds = (int)(dev.prompt_ms / 1000);
	snprintf(cfg->extra_dir, sizeof(cfg->extra_dir), "%s", CONFIG_DEFAULT_EXTRA_DIR);
	cfg->audiences = dev.prompt_audiences;
	cfg->pathways = dev.prompt_pathways;
	cfg->timing = dev.timing;
	cfg->n_buttons = dev.n_buttons;
	memcpy(cfg->buttons, dev.buttons, sizeof(cfg->buttons));
	for (int i = 0; i < DEVICE_MAX_BUTTONS; i++)
		button_gpio_defaults(&cfg->gpio[i]);
	snprintf(cfg->gpio[0].line, sizeof(cfg->gpio[0].line), "GPIO17");
	cfg->gpio_use = GPIO_USE_AUTO;
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
	} else if (strcmp(key, "brightness") == 0) {
		if (!parse_int(value, 1, 100, &cfg->day_brightness))
			return problem(st, key, "'%s': expected a percentage from 1 to 100", value);
	} else if (strcmp(key, "rotation") == 0) {
		if (!parse_int(value, 0, 270, &cfg->rotation) || cfg->rotation % 90 != 0)
			return problem(st, key, "'%s': expected 0, 90, 180 or 270", value);
	} else if (strcmp(key, "clock") == 0) {
		if (!parse_int(value, 12, 24, &hours) || (hours != 12 && hours != 24))
			return problem(st, key, "'%s': expected 12 or 24", value);
		cfg->clock_24h = hours == 24;
	} else {
		return problem(st, key,
			       "unknown key in [display] (known: size, fullscreen, font, clock, "
			       "brightness, rotation)");
	}
	return 1;
}

/* Parses "calm, tense" into the check-in answers. */
static bool parse_answers(struct config *cfg, const char *value)
{
	char buf[128];
	char *save = NULL;
	int n = 0;

	if (strlen(value) >= sizeof(buf))
		return false;
	snprintf(buf, sizeof(buf), "%s", value);
	for (char *a = strtok_r(buf, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		while (*a == ' ')
			a++;
		for (size_t len = strlen(a); len > 0 && a[len - 1] == ' '; len--)
			a[len - 1] = '\0';
		if (n == CHECKIN_MAX_ANSWERS || !a[0] || strlen(a) > CHECKIN_ANSWER_MAX)
			return false;
		snprintf(cfg->answers[n++], sizeof(cfg->answers[0]), "%s", a);
	}
	if (n < 2)
		return false;
	cfg->n_answers = n;
	return true;
}

/* A pattern name a key refers to, checked once every pattern of the file is known. */
static int refer_to_pattern(struct load_state *st, const char *key, const char *value, char *dst)
{
	if (strlen(value) > PATTERN_NAME_MAX || !value[0])
		return problem(st, key, "'%s': not a pattern name", value);
	snprintf(dst, PATTERN_NAME_MAX + 1, "%s", value);
	if (st->n_refs < (int)(sizeof(st->refs) / sizeof(st->refs[0]))) {
		struct pattern_ref *ref = &st->refs[st->n_refs++];

		ref->line = st->line;
		snprintf(ref->key, sizeof(ref->key), "%s", key);
		ref->name = dst;
	}
	return 1;
}

static int on_breathe(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;
	if (strcmp(key, "pattern") == 0)
		return refer_to_pattern(st, "pattern", value, cfg->pattern);
	if (strcmp(key, "together") == 0)
		return refer_to_pattern(st, "together", value, cfg->together);
	if (strcmp(key, "minutes") == 0) {
		if (strcmp(value, "pattern") == 0)
			cfg->session_minutes = 0;
		else if (!parse_int(value, 1, 60, &cfg->session_minutes))
			return problem(st, key, "'%s': expected 'pattern' or minutes from 1 to 60",
				       value);
	} else if (strcmp(key, "press") == 0) {
		if (strcmp(value, "pause") != 0 && strcmp(value, "end") != 0)
			return problem(st, key, "'%s': expected pause or end", value);
		cfg->press_pauses = strcmp(value, "pause") == 0;
	} else if (strcmp(key, "checkin") == 0) {
		if (!parse_bool(value, &cfg->checkin))
			return problem(st, key, "'%s': expected true or false", value);
	} else if (strcmp(key, "checkin_answers") == 0) {
		if (!parse_answers(cfg, value))
			return problem(st, key,
				       "'%s': expected 2 or 3 answers of up to 15 characters, "
				       "separated by commas",
				       value);
	} else if (strcmp(key, "prompt_after") == 0) {
		if (!parse_bool(value, &cfg->offer_prompt))
			return problem(st, key, "'%s': expected true or false", value);
	} else if (strcmp(key, "settle_seconds") == 0) {
		if (!parse_int(value, 0, 60, &cfg->settle_seconds))
			return problem(st, key, "'%s': expected seconds from 0 to 60", value);
	} else {
		return problem(
			st, key,
			"unknown key in [breathe] (known: pattern, together, minutes, press, "
			"checkin, checkin_answers, prompt_after, settle_seconds)");
	}
	return 1;
}

/* [pattern NAME]: keys go to a staging copy (of the pattern of that name, when there is one),
 * which replaces the pattern only if the whole section is good. */
static void pattern_section_end(struct load_state *st)
{
	int line = st->line;
	char msg[256];

	if (!st->staging_active)
		return;
	st->staging_active = false;
	if (st->staging_bad)
		return;
	if (pattern_finish(&st->staging, msg, sizeof(msg)) != 0) {
		st->line = st->staging_line;
		st->cfg->pattern_problems++;
		problem(st, "phases", "%s", msg);
		st->line = line;
		return;
	}
	if (pattern_put(&st->cfg->patterns, &st->staging) != 0) {
		st->line = st->staging_line;
		st->cfg->pattern_problems++;
		problem(st, "-", "at most %d patterns", PATTERN_SET_MAX);
	}
	st->line = line;
}

static int on_pattern(struct load_state *st, const char *name, const char *key, const char *value)
{
	char msg[256];

	if (!st->staging_active) {
		const struct breath_pattern *known = pattern_find(&st->cfg->patterns, name);

		if (known)
			st->staging = *known;
		else
			pattern_init(&st->staging, name);
		st->staging_active = true;
		st->staging_bad = false;
		st->staging_line = st->line;
		if (!name[0] || strlen(name) > PATTERN_NAME_MAX) {
			st->staging_bad = true;
			st->cfg->pattern_problems++;
			return problem(st, key, "[pattern NAME]: a name of 1 to %d characters",
				       PATTERN_NAME_MAX);
		}
	}
	if (pattern_set_key(&st->staging, key, value, msg, sizeof(msg)) != 0) {
		st->staging_bad = true;
		st->cfg->pattern_problems++;
		return problem(st, key, "%s", msg);
	}
	return 1;
}

static int on_prompts(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "deck_dir") == 0) {
		if (!set_path(cfg->deck_dir, sizeof(cfg->deck_dir), value))
			return problem(st, key, "'%s': path too long", value);
	} else if (strcmp(key, "extra_dir") == 0) {
		if (!set_path(cfg->extra_dir, sizeof(cfg->extra_dir), value))
			return problem(st, key, "'%s': path too long", value);
	} else if (strcmp(key, "audiences") == 0 || strcmp(key, "pathways") == 0) {
		bool audiences = key[0] == 'a';
		unsigned bits;
		char bad[64];

		if (!deck_tags_parse(audiences ? DECK_TAG_AUDIENCE : DECK_TAG_PATHWAY, value, &bits,
				     bad, sizeof(bad)))
			return problem(st, key, "'%s': use %s, separated by commas", bad,
				       audiences ? "self, partner, family, kids, friends"
						 : "safety, empathy, repair, trust, resilience, "
						   "reflection");
		*(audiences ? &cfg->audiences : &cfg->pathways) = bits;
	} else if (strcmp(key, "show_seconds") == 0) {
		if (!parse_int(value, 5, 3600, &cfg->prompt_seconds))
			return problem(st, key, "'%s': expected seconds from 5 to 3600", value);
	} else {
		return problem(st, key,
			       "unknown key in [prompts] (known: deck_dir, extra_dir, audiences, "
			       "pathways, show_seconds)");
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
	if (strcmp(key, "keep_days") == 0) {
		/* 100 years: enough for "keep it", small enough for the seconds to stay exact. */
		if (!parse_int(value, 0, 36500, &st->cfg->log_keep_days))
			return problem(st, key,
				       "'%s': expected whole days from 1 to 36500, or 0 to keep "
				       "everything",
				       value);
		return 1;
	}
	return problem(st, key, "unknown key in [log] (known: database, keep_days)");
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

/* A name with no spaces that fits dst (line and chip names); false otherwise. */
static bool set_gpio_name(char *dst, size_t len, const char *value)
{
	if (value[0] == '\0' || strlen(value) >= len || strpbrk(value, " \t"))
		return false;
	snprintf(dst, len, "%s", value);
	return true;
}

/* The [button NAME] keys that say where a button is wired. Returns 0 when key is not one of
 * them. A line is given by name (line), or by chip and offset; the one given last counts. */
static int on_button_line(struct load_state *st, struct button_gpio *g, const char *key,
			  const char *value)
{
	if (strcmp(key, "line") == 0) {
		if (strcmp(value, "none") == 0) {
			g->line[0] = '\0';
			g->chip[0] = '\0';
		} else if (!set_gpio_name(g->line, sizeof(g->line), value)) {
			return problem(st, key,
				       "'%s': expected a line name such as GPIO17 (see "
				       "gpioinfo), or none",
				       value);
		}
		g->offset = -1;
	} else if (strcmp(key, "chip") == 0) {
		if ((strncmp(value, "gpiochip", 8) != 0 && value[0] != '/') ||
		    !set_gpio_name(g->chip, sizeof(g->chip), value))
			return problem(st, key,
				       "'%s': expected a chip such as gpiochip0 (see "
				       "gpiodetect)",
				       value);
	} else if (strcmp(key, "offset") == 0) {
		if (!parse_int(value, 0, 4095, &g->offset))
			return problem(st, key,
				       "'%s': expected the line's number on its chip, 0 "
				       "to 4095",
				       value);
		g->line[0] = '\0';
		if (!g->chip[0])
			snprintf(g->chip, sizeof(g->chip), "gpiochip0");
	} else if (strcmp(key, "active_low") == 0) {
		if (!parse_bool(value, &g->active_low))
			return problem(st, key, "'%s': expected true or false", value);
	} else if (strcmp(key, "bias") == 0) {
		if (strcmp(value, "pull-up") == 0)
			g->bias = GPIO_BIAS_PULL_UP;
		else if (strcmp(value, "pull-down") == 0)
			g->bias = GPIO_BIAS_PULL_DOWN;
		else if (strcmp(value, "none") == 0)
			g->bias = GPIO_BIAS_NONE;
		else
			return problem(st, key, "'%s': expected pull-up, pull-down or none", value);
	} else if (strcmp(key, "debounce_ms") == 0) {
		if (!parse_int(value, 0, 200, &g->debounce_ms))
			return problem(st, key, "'%s': expected milliseconds from 0 to 200", value);
	} else {
		return 0;
	}
	return 1;
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
	if (on_button_line(st, &st->cfg->gpio[b - st->cfg->buttons], key, value))
		return 1;
	for (int g = GESTURE_SHORT; g <= GESTURE_DOUBLE; g++) {
		if (strcmp(key, gestures[g]) != 0)
			continue;
		if (strncmp(value, "breathe:", 8) == 0) {
			/* A button of its own for one pattern: "breathe:sigh". */
			b->on[g] = ACTION_BREATHE;
			return refer_to_pattern(st, key, value + 8,
						st->cfg->button_pattern[b - st->cfg->buttons][g]);
		}
		action = action_from_name(value);
		if (action < 0)
			return problem(st, key,
				       "'%s': expected breathe, breathe:PATTERN, together, prompt, "
				       "appreciation, "
				       "history, who, wake, sleep, sound, end or none",
				       value);
		b->on[g] = (enum action)action;
		st->cfg->button_pattern[b - st->cfg->buttons][g][0] = '\0';
		return 1;
	}
	return problem(st, key,
		       "unknown key in [button %s] (known: short, long, double, line, chip, "
		       "offset, active_low, bias, debounce_ms)",
		       name);
}

/* [member NAME]: someone of the household, with a colour of their own ("#e07a5f"). */
static int on_member(struct load_state *st, const char *name, const char *key, const char *value)
{
	struct config *cfg = st->cfg;
	int i;
	unsigned rgb;
	char extra;

	if (!name[0] || strlen(name) > MEMBER_NAME_MAX)
		return problem(st, key, "[member NAME]: a name of 1 to %d characters",
			       MEMBER_NAME_MAX);
	for (i = 0; i < cfg->n_members; i++)
		if (strcmp(cfg->members[i], name) == 0)
			break;
	if (i == cfg->n_members) {
		if (i == DEVICE_MAX_MEMBERS)
			return problem(st, key, "[member %s]: at most %d members", name,
				       DEVICE_MAX_MEMBERS);
		snprintf(cfg->members[i], sizeof(cfg->members[i]), "%s", name);
		cfg->member_colors[i] = 0xe0a070;
		cfg->n_members++;
	}
	if (strcmp(key, "colour") != 0 && strcmp(key, "color") != 0)
		return problem(st, key, "unknown key in [member %s] (known: colour)", name);
	if (sscanf(value, "#%6x%c", &rgb, &extra) != 1 || strlen(value) != 7)
		return problem(st, key, "'%s': expected a colour as #RRGGBB", value);
	cfg->member_colors[i] = rgb;
	return 1;
}

static int on_gpio(struct load_state *st, const char *key, const char *value)
{
	bool yes;

	if (strcmp(key, "enabled") != 0)
		return problem(st, key, "unknown key in [gpio] (known: enabled)");
	if (strcmp(value, "auto") == 0)
		st->cfg->gpio_use = GPIO_USE_AUTO;
	else if (parse_bool(value, &yes))
		st->cfg->gpio_use = yes ? GPIO_USE_YES : GPIO_USE_NO;
	else
		return problem(st, key, "'%s': expected auto, yes or no", value);
	return 1;
}

static int on_ambient(struct load_state *st, const char *key, const char *value)
{
	bool *flag = strcmp(key, "glow") == 0    ? &st->cfg->ambient_glow
		     : strcmp(key, "drift") == 0 ? &st->cfg->ambient_drift
						 : NULL;

	if (!flag)
		return problem(st, key, "unknown key in [ambient] (known: glow, drift)");
	if (!parse_bool(value, flag))
		return problem(st, key, "'%s': expected true or false", value);
	return 1;
}

/* "22:30" into minutes of the day. */
static bool parse_clock_time(const char *value, int *minutes)
{
	int h, m;
	char extra;

	if (sscanf(value, "%d:%d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

static int on_night(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0) {
		if (!parse_clock_time(value, key[0] == 's' ? &cfg->night_start : &cfg->night_end))
			return problem(st, key, "'%s': expected a time as HH:MM", value);
	} else if (strcmp(key, "screen") == 0) {
		if (strcmp(value, "dim") == 0)
			cfg->night_screen_off = false;
		else if (strcmp(value, "off") == 0)
			cfg->night_screen_off = true;
		else
			return problem(st, key, "'%s': expected dim or off", value);
	} else if (strcmp(key, "wake_seconds") == 0) {
		if (!parse_int(value, 5, 600, &cfg->wake_seconds))
			return problem(st, key, "'%s': expected seconds from 5 to 600", value);
	} else if (strcmp(key, "brightness") == 0) {
		if (!parse_int(value, 1, 100, &cfg->night_brightness))
			return problem(st, key, "'%s': expected a percentage from 1 to 100", value);
	} else {
		return problem(st, key,
			       "unknown key in [night] (known: start, end, screen, wake_seconds, "
			       "brightness)");
	}
	return 1;
}

static int on_sound(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "enabled") == 0) {
		if (!parse_bool(value, &cfg->sound))
			return problem(st, key, "'%s': expected true or false", value);
	} else if (strcmp(key, "volume") == 0 || strcmp(key, "night_volume") == 0) {
		if (!parse_int(value, 0, 100, key[0] == 'v' ? &cfg->sound_volume
							 : &cfg->night_sound_volume))
			return problem(st, key, "'%s': expected a volume from 0 to 100", value);
	} else {
		return problem(st, key, "unknown key in [sound] (known: enabled, volume, "
					"night_volume)");
	}
	return 1;
}

static int on_light(struct load_state *st, const char *key, const char *value)
{
	struct config *cfg = st->cfg;

	if (strcmp(key, "chip") == 0) {
		if (strcmp(value, "none") == 0)
			cfg->light_chip = -1;
		else if (!parse_int(value, 0, 63, &cfg->light_chip))
			return problem(st, key, "'%s': expected none or a PWM chip number from 0 to 63",
				       value);
	} else if (strcmp(key, "channel") == 0) {
		if (!parse_int(value, 0, 63, &cfg->light_channel))
			return problem(st, key, "'%s': expected a channel number from 0 to 63", value);
	} else if (strcmp(key, "brightness") == 0 || strcmp(key, "night_brightness") == 0) {
		if (!parse_int(value, 0, 100, key[0] == 'b' ? &cfg->light_brightness
							 : &cfg->night_light_brightness))
			return problem(st, key, "'%s': expected a percentage from 0 to 100", value);
	} else {
		return problem(st, key, "unknown key in [light] (known: chip, channel, brightness, "
					"night_brightness)");
	}
	return 1;
}

static int on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct load_state *st = user;

	if (strcmp(section, st->section) != 0) {
		pattern_section_end(st);
		snprintf(st->section, sizeof(st->section), "%s", section);
	}
	if (strncmp(section, "pattern ", 8) == 0)
		return on_pattern(st, section + 8, key, value);

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
	if (strcmp(section, "gpio") == 0)
		return on_gpio(st, key, value);
	if (strcmp(section, "ambient") == 0)
		return on_ambient(st, key, value);
	if (strncmp(section, "member ", 7) == 0)
		return on_member(st, section + 7, key, value);
	if (strcmp(section, "night") == 0)
		return on_night(st, key, value);
	if (strcmp(section, "sound") == 0)
		return on_sound(st, key, value);
	if (strcmp(section, "light") == 0)
		return on_light(st, key, value);
	return problem(st, key,
		       "unknown section [%s] (known: display, breathe, prompts, log, buttons, "
		       "button NAME, gpio, ambient, night, sound, light, pattern NAME, member "
		       "NAME)",
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
	pattern_section_end(&st);
	for (int i = 0; i < st.n_refs; i++) {
		if (pattern_find(&cfg->patterns, st.refs[i].name))
			continue;
		st.line = st.refs[i].line;
		problem(&st, st.refs[i].key, "no pattern named '%s'", st.refs[i].name);
	}
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
	int together = pattern_index(&cfg->patterns, cfg->together);

	device_config_defaults(out);
	out->timing = cfg->timing;
	memcpy(out->buttons, cfg->buttons, sizeof(out->buttons));
	out->n_buttons = cfg->n_buttons;
	out->patterns = cfg->patterns;
	out->default_pattern = pattern_index(&cfg->patterns, cfg->pattern);
	if (out->default_pattern < 0)
		out->default_pattern = 0;
	out->together_pattern = together < 0 ? out->default_pattern : together;
	for (int b = 0; b < cfg->n_buttons; b++)
		for (int g = 0; g < 4; g++)
			out->buttons[b].pattern[g] =
				1 + pattern_index(&cfg->patterns, cfg->button_pattern[b][g]);
	out->session_minutes = cfg->session_minutes;
	out->press_pauses = cfg->press_pauses;
	out->checkin = cfg->checkin;
	memcpy(out->answers, cfg->answers, sizeof(out->answers));
	out->n_answers = cfg->n_answers;
	out->offer_prompt = cfg->offer_prompt;
	out->settle_ms = (int64_t)cfg->settle_seconds * 1000;
	out->night_start = cfg->night_start;
	out->night_end = cfg->night_end;
	out->night_screen_off = cfg->night_screen_off;
	out->wake_ms = (int64_t)cfg->wake_seconds * 1000;
	out->day_brightness = cfg->day_brightness;
	out->night_brightness = cfg->night_brightness;
	out->sound = cfg->sound;
	out->sound_volume = cfg->sound_volume;
	out->night_sound_volume = cfg->night_sound_volume;
	out->light_brightness = cfg->light_brightness;
	out->night_light_brightness = cfg->night_light_brightness;
	memcpy(out->members, cfg->members, sizeof(out->members));
	memcpy(out->member_colors, cfg->member_colors, sizeof(out->member_colors));
	out->n_members = cfg->n_members;
	out->prompt_ms = (int64_t)cfg->prompt_seconds * 1000;
	out->prompt_audiences = cfg->audiences;
	out->prompt_pathways = cfg->pathways;
}

void config_wiring(const struct config *cfg, struct gpio_wiring *out)
{
	memset(out, 0, sizeof(*out));
	out->n_buttons = cfg->n_buttons;
	for (int i = 0; i < cfg->n_buttons; i++) {
		snprintf(out->names[i], sizeof(out->names[i]), "%s", cfg->buttons[i].name);
		out->line[i] = cfg->gpio[i];
	}
	out->debounce_ms = cfg->timing.debounce_ms;
}
