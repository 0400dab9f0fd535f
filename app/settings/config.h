/* The app's settings: built-in defaults, overridden by an INI file. */
#ifndef CALM_CONFIG_H
#define CALM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"
#include "wiring.h"

#define CONFIG_PATH_MAX 512
/* Where a household's own prompt decks go unless [prompts] extra_dir says otherwise. */
#define CONFIG_DEFAULT_EXTRA_DIR "/etc/calm-prompt/prompts.d"
struct config {
	/* [display] */
	int width, height;          /* window size on a desktop */
	bool fullscreen;            /* use the whole screen at its own size */
	char font[CONFIG_PATH_MAX]; /* a TrueType/OpenType file */
	bool clock_24h;
	int day_brightness; /* backlight by day, percent */
	int rotation;       /* 0, 90, 180 or 270 degrees, done by the app */
	/* [ambient] */
	bool ambient_glow;  /* a faint breathing glow behind the clock */
	bool ambient_drift; /* shift everything a few pixels every few minutes */
	/* [night] */
	int night_start, night_end; /* minutes of the day; equal: no night */
	bool night_screen_off;      /* off at night (else dim and warm) */
	int wake_seconds;           /* a press at night lights the screen this long */
	int night_brightness;       /* backlight at night, percent */
	/* [sound] */
	bool sound;                           /* the breath is heard (the sound action toggles) */
	int sound_volume, night_sound_volume; /* 0..100 */
	/* [light] */
	int light_chip, light_channel; /* pwmchipN/pwmM; chip -1: no light */
	int light_brightness, night_light_brightness; /* percent */
	/* [member NAME] */
	char members[DEVICE_MAX_MEMBERS][MEMBER_NAME_MAX + 1];
	uint32_t member_colors[DEVICE_MAX_MEMBERS]; /* 0xRRGGBB */
	int n_members;
	/* [breathe] and [pattern NAME] */
	struct pattern_set patterns;
	char pattern[PATTERN_NAME_MAX + 1];  /* the pattern "breathe" starts */
	char together[PATTERN_NAME_MAX + 1]; /* the pattern "together" starts */
	int session_minutes;                 /* 0: each pattern's own */
	bool press_pauses;                   /* a tap pauses a session (else ends it) */
	bool checkin;                        /* ask how you feel before and after */
	char answers[CHECKIN_MAX_ANSWERS][CHECKIN_ANSWER_MAX + 1];
	int n_answers;
	bool offer_prompt;    /* offer a connection prompt after a session */
	int settle_seconds;   /* quiet seconds before the first breath */
	int pattern_problems; /* of the problems, those in [pattern] sections (skipped patterns) */
	/* "breathe:NAME" actions: the pattern per button and gesture ("" for the default) */
	char button_pattern[DEVICE_MAX_BUTTONS][4][PATTERN_NAME_MAX + 1];
	/* [prompts] */
	char deck_dir[CONFIG_PATH_MAX];  /* empty: the shipped deck */
	char extra_dir[CONFIG_PATH_MAX]; /* the household's own decks; empty: none */
	unsigned audiences;              /* enum audience_bit set in play */
	unsigned pathways;               /* 1 << enum pathway for each pathway in play */
	int prompt_seconds;              /* a prompt stays this long without a press */
	/* [log] */
	char database[CONFIG_PATH_MAX]; /* empty: the state directory's events.db */
	int log_keep_days;              /* rows older than this are deleted daily; 0: keep all */
	/* [buttons] and [button NAME] */
	struct gesture_timing timing;
	struct device_button buttons[DEVICE_MAX_BUTTONS];
	int n_buttons;
	struct button_gpio gpio[DEVICE_MAX_BUTTONS]; /* parallel to buttons */
	/* [gpio] */
	enum gpio_use gpio_use;
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

/* The device's part of the settings. Pattern names were checked when loading; one that is
 * still unknown falls back to the first pattern. */
void config_device(const struct config *cfg, struct device_config *out);

/* Where the buttons are wired, for the GPIO module. */
void config_wiring(const struct config *cfg, struct gpio_wiring *out);

/* Parses "WxH" into sizes within the supported range; false when malformed. */
bool config_parse_size(const char *text, int *width, int *height);

#endif
