/* The app's settings: built-in defaults, overridden by an INI file. */
#ifndef CALM_CONFIG_H
#define CALM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"

#define CONFIG_PATH_MAX 512

struct config {
	/* [display] */
	int width, height;          /* window size on a desktop */
	bool fullscreen;            /* use the whole screen at its own size */
	char font[CONFIG_PATH_MAX]; /* a TrueType/OpenType file */
	bool clock_24h;
	/* [breathe] */
	int inhale_ms, exhale_ms;
	int session_minutes;
	/* [prompts] */
	char deck_dir[CONFIG_PATH_MAX]; /* empty: the shipped deck */
	int prompt_seconds;             /* a prompt stays this long without a press */
	/* [log] */
	char database[CONFIG_PATH_MAX]; /* empty: the state directory's events.db */
	/* [buttons] and [button NAME] */
	struct gesture_timing timing;
	struct device_button buttons[DEVICE_MAX_BUTTONS];
	int n_buttons;
};

/* Called once per problem found in a config file. */
typedef void (*config_error_fn)(void *user, const char *file, int line, const char *key,
				const char *problem);

void config_defaults(struct config *cfg);

/* Reads path over the current settings. A missing file is not an error when optional is set.
 * Every unknown section or key and every bad value is reported through on_error with its line;
 * returns the number of problems (0: all good), or -1 when the file cannot be read (errno set). */
int config_load(struct config *cfg, const char *path, bool optional, config_error_fn on_error,
		void *user);

/* The device's part of the settings. */
void config_device(const struct config *cfg, struct device_config *out);

/* Parses "WxH" into sizes within the supported range; false when malformed. */
bool config_parse_size(const char *text, int *width, int *height);

#endif
