/* SPDX-License-Identifier: MIT */
/* The app's settings: built-in defaults, overridden by an INI file. */
#ifndef CALM_CONFIG_H
#define CALM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"
#include "language.h"
#include "wiring.h"

#define CONFIG_PATH_MAX 512
/* Where a household's own prompt decks go unless [prompts] extra_dir says otherwise. */
#define CONFIG_DEFAULT_EXTRA_DIR "/etc/calm-prompt/prompts.d"
#define CONFIG_KEYS_MAX          8 /* keys one button may be given */

/* Whether touches (and clicks) are presses. */
enum touch_use {
	TOUCH_USE_AUTO = 0, /* yes; nothing said when no touch screen is seen */
	TOUCH_USE_YES,      /* yes; a warning when no touch screen is seen */
	TOUCH_USE_NO,       /* the glass and the mouse do nothing */
};

/* [button NAME] keys: SDL key names; none: the button's default keys. */
struct button_keys {
	char names[CONFIG_KEYS_MAX][PRESS_SOURCE_MAX + 1];
	int n;
};

struct config {
	/* What the core's device is told, filled straight from the settings rows. */
	struct device_config dev;
	/* [display] */
	int width, height;          /* window size on a desktop */
	bool fullscreen;            /* use the whole screen at its own size */
	char font[CONFIG_PATH_MAX]; /* a TrueType/OpenType file */
	bool clock_24h;
	int rotation;                /* 0, 90, 180 or 270 degrees, done by the app */
	char language[LANGUAGE_MAX]; /* "es", "pt_BR"; empty: the locale's, else English */
	/* [ambient] */
	bool ambient_glow;  /* a faint breathing glow behind the clock */
	bool ambient_drift; /* shift everything a few pixels every few minutes */
	/* [breathe] and [pattern NAME]: patterns by name, resolved by config_device() */
	char pattern[PATTERN_NAME_MAX + 1];  /* the pattern "breathe" starts */
	char together[PATTERN_NAME_MAX + 1]; /* the pattern "together" starts */
	int pattern_problems; /* of the problems, those in [pattern] sections (skipped patterns) */
	/* "breathe:NAME" actions: the pattern per button and gesture ("" for the default) */
	char button_pattern[DEVICE_MAX_BUTTONS][4][PATTERN_NAME_MAX + 1];
	/* [prompts] */
	char deck_dir[CONFIG_PATH_MAX];  /* empty: the shipped deck */
	char extra_dir[CONFIG_PATH_MAX]; /* the household's own decks; empty: none */
	/* [log] */
	char database[CONFIG_PATH_MAX]; /* empty: the state directory's events.db */
	int log_keep_days;              /* rows older than this are deleted daily; 0: keep all */
	/* [button NAME]: where each of dev.buttons is wired, and the keys that are it */
	struct button_gpio gpio[DEVICE_MAX_BUTTONS];
	struct button_keys keys[DEVICE_MAX_BUTTONS];
	/* [gpio] */
	enum gpio_use gpio_use;
	/* [touch] */
	enum touch_use touch_use;
	int touch_zones; /* 1: the whole screen is the first button; 2, 3: buttons side by side */
	/* [light]: the breathing light on /sys/class/pwm/pwmchipN/pwmM */
	bool light_enabled;
	int light_chip, light_channel;
};

/* Called once per problem found in a config file. */
typedef void (*config_error_fn)(void *user, const char *file, int line, const char *key,
				const char *problem);

/* A config_error_fn that prints "FILE:LINE: key: problem" to user, a FILE *. */
void config_print_problem(void *user, const char *file, int line, const char *key,
			  const char *problem);

void config_defaults(struct config *cfg);

/* Reads path over the current settings. A missing file is not an error when optional is set.
 * Every unknown section or key and every bad value is reported through on_error with its line;
 * returns the number of problems (0: all good), or -1 when the file cannot be read (errno set). */
int config_load(struct config *cfg, const char *path, bool optional, config_error_fn on_error,
		void *user);

/* The device's part of the settings (cfg->dev) with the pattern names resolved. Names were
 * checked when loading; one that is still unknown falls back to the first pattern. */
void config_device(const struct config *cfg, struct device_config *out);

/* Where the buttons are wired, for the GPIO module. */
void config_wiring(const struct config *cfg, struct gpio_wiring *out);

/* Parses "WxH" into sizes within the supported range; false when malformed. */
bool config_parse_size(const char *text, int *width, int *height);

#endif
