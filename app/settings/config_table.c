/* SPDX-License-Identifier: MIT */
/* Every setting of calm-prompt.conf, one row per key: where it goes, how it is read, what it
 * defaults to, one line of help. The order here is the order of the docs and of the "known:"
 * lists in error messages. */
#include "config_table.h"

#include <stddef.h>

#define CFG(field) BASE_CONFIG, offsetof(struct config, field)
#define DEV(field) BASE_CONFIG, offsetof(struct config, dev.field)

/* "12 to 34" ranges are in `values`, written out for people; min and max are what is checked. */
const struct config_row config_rows[] = {
	{"display", "size", config_parse_size_value, CFG(width), 240, 4096, "800x480",
	 "WIDTHxHEIGHT, each 240 to 4096", "window size on a desktop"},
	{"display", "fullscreen", config_parse_bool, CFG(fullscreen), 0, 0, "false",
	 "true or false", "fill the screen at its own size"},
	{"display", "font", config_parse_path, CFG(font), 0, 0, CALM_FONT,
	 "a TrueType/OpenType file", "the typeface"},
	{"display", "clock", config_parse_clock_hours, CFG(clock_24h), 0, 0, "24", "12 or 24",
	 "the clock's style: 24 (21:30) or 12 (9:30 pm)"},
	{"display", "brightness", config_parse_int, DEV(day_brightness), 1, 100, "100",
	 "a percentage from 1 to 100", "backlight by day, percent"},
	{"display", "language", config_parse_language, CFG(language), 0, 0, "",
	 "a language code such as es or pt_BR; empty: the locale's (LANG), else English",
	 "the words on screen and the prompts' language"},
	{"display", "rotation", config_parse_rotation, CFG(rotation), 0, 270, "0",
	 "0, 90, 180 or 270", "turn the picture, done by the app"},

	{"breathe", "pattern", config_parse_pattern_name, CFG(pattern), 0, 0, "resonance",
	 "a pattern's name", "the pattern a tap starts"},
	{"breathe", "together", config_parse_pattern_name, CFG(together), 0, 0, "together",
	 "a pattern's name", "the pattern the together action starts"},
	{"breathe", "minutes", config_parse_session_minutes, DEV(session_minutes), 1, 60, "pattern",
	 "'pattern' or minutes from 1 to 60", "session length, or each pattern's own"},
	{"breathe", "press", config_parse_press, DEV(press_pauses), 0, 0, "pause", "pause or end",
	 "what a tap does during a session"},
	{"breathe", "checkin", config_parse_bool, DEV(checkin), 0, 0, "true", "true or false",
	 "ask how you feel before and after"},
	{"breathe", "checkin_answers", config_parse_answers, DEV(answers), 0, 0, "calm, unsettled",
	 "2 or 3 answers of up to 15 characters, separated by commas", "the check-in's answers"},
	{"breathe", "prompt_after", config_parse_bool, DEV(offer_prompt), 0, 0, "true",
	 "true or false", "offer a connection prompt after a session"},
	{"breathe", "settle_seconds", config_parse_ms_from_s, DEV(settle_ms), 0, 60, "5",
	 "seconds from 0 to 60", "quiet seconds before the first breath"},

	{"prompts", "deck_dir", config_parse_path, CFG(deck_dir), 0, 0, "",
	 "a folder of *.deck files", "the main deck; empty: the shipped prompts"},
	{"prompts", "extra_dir", config_parse_path, CFG(extra_dir), 0, 0,
	 CONFIG_DEFAULT_EXTRA_DIR, "a folder of *.deck files",
	 "the household's own decks (a missing folder is fine)"},
	{"prompts", "audiences", config_parse_audiences, DEV(prompt_audiences), 0, 0,
	 "self, partner, family, kids, friends", "self, partner, family, kids, friends",
	 "who the prompts are for"},
	{"prompts", "pathways", config_parse_pathways, DEV(prompt_pathways), 0, 0,
	 "safety, empathy, repair, trust, resilience, reflection",
	 "safety, empathy, repair, trust, resilience, reflection", "the pathways in play"},
	{"prompts", "show_seconds", config_parse_ms_from_s, DEV(prompt_ms), 5, 3600, "60",
	 "seconds from 5 to 3600", "a prompt stays this long without a press"},

	{"log", "database", config_parse_path, CFG(database), 0, 0, "", "a file",
	 "the SQLite file; empty: the state directory's events.db"},
	/* 100 years: enough for "keep it", small enough for the seconds to stay exact. */
	{"log", "keep_days", config_parse_int, CFG(log_keep_days), 0, 36500, "0",
	 "whole days from 1 to 36500, or 0 to keep everything",
	 "rows older than this are deleted daily; 0 keeps all"},

	{"buttons", "long_press_ms", config_parse_int, DEV(timing.long_ms), 200, 5000, "700",
	 "milliseconds from 200 to 5000", "held this long: a long press"},
	{"buttons", "double_press_ms", config_parse_int, DEV(timing.double_ms), 100, 1000, "350",
	 "milliseconds from 100 to 1000", "a second press within this: a double press"},
	{"buttons", "debounce_ms", config_parse_int, DEV(timing.debounce_ms), 0, 200, "30",
	 "milliseconds from 0 to 200", "contact bounce shorter than this is ignored"},

	{"button NAME", "short", config_parse_gesture_action, BASE_BUTTON,
	 offsetof(struct device_button, on[GESTURE_SHORT]), GESTURE_SHORT, GESTURE_SHORT,
	 "none",
	 "breathe, breathe:PATTERN, together, prompt, appreciation, history, who, wake, sleep, "
	 "sound, settime, end or none",
	 "what a tap does"},
	{"button NAME", "long", config_parse_gesture_action, BASE_BUTTON,
	 offsetof(struct device_button, on[GESTURE_LONG]), GESTURE_LONG, GESTURE_LONG, "none",
	 "breathe, breathe:PATTERN, together, prompt, appreciation, history, who, wake, sleep, "
	 "sound, settime, end or none",
	 "what a hold does"},
	{"button NAME", "double", config_parse_gesture_action, BASE_BUTTON,
	 offsetof(struct device_button, on[GESTURE_DOUBLE]), GESTURE_DOUBLE, GESTURE_DOUBLE,
	 "none",
	 "breathe, breathe:PATTERN, together, prompt, appreciation, history, who, wake, sleep, "
	 "sound, settime, end or none",
	 "what a double tap does"},
	{"button NAME", "line", config_parse_line_name, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, line), 0, 0, "none",
	 "a line name such as GPIO17 (see gpioinfo), or none",
	 "the GPIO line's name (main: GPIO17)"},
	{"button NAME", "chip", config_parse_chip, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, chip), 0, 0, "", "a chip such as gpiochip0 (see gpiodetect)",
	 "with offset, instead of line: the chip"},
	{"button NAME", "offset", config_parse_line_offset, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, offset), 0, 4095, "",
	 "the line's number on its chip, 0 to 4095", "with chip, instead of line: the line"},
	{"button NAME", "active_low", config_parse_bool, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, active_low), 0, 0, "true", "true or false",
	 "pressed reads low (a button to ground)"},
	{"button NAME", "bias", config_parse_bias, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, bias), 0, 0, "pull-up", "pull-up, pull-down or none",
	 "the pin's own resistor"},
	{"button NAME", "debounce_ms", config_parse_int, BASE_BUTTON_GPIO,
	 offsetof(struct button_gpio, debounce_ms), 0, 200, "",
	 "milliseconds from 0 to 200", "debounce in the kernel (libgpiod 2); empty: [buttons]"},

	{"button NAME", "keys", config_parse_keys, BASE_BUTTON_KEYS, 0, 0, 0, "",
	 "SDL key names such as Space, Return, F13, up to 8, separated by commas",
	 "the keys that are this button; empty: Space, Return, Keypad Enter and 1 for the "
	 "first, 2 and 3 for the others"},

	{"gpio", "enabled", config_parse_auto_yes_no, CFG(gpio_use), 0, 0, "auto", "auto, yes or no",
	 "buttons on GPIO: auto, yes (expected) or no (keyboard only)"},

	{"touch", "enabled", config_parse_auto_yes_no, CFG(touch_use), 0, 0, "auto",
	 "auto, yes or no",
	 "taps and clicks are presses (a hold counts as it lifts; a hand resting 10 s is none); "
	 "yes: warn when no touch screen is found"},
	{"touch", "zones", config_parse_zones, CFG(touch_zones), 1, 3, "1", "1, 2 or 3",
	 "1: the whole screen is the first button; 2 or 3: the picture split into the first "
	 "buttons, side by side"},

	{"ambient", "glow", config_parse_bool, CFG(ambient_glow), 0, 0, "true", "true or false",
	 "a faint breathing glow behind the clock"},
	{"ambient", "drift", config_parse_bool, CFG(ambient_drift), 0, 0, "true", "true or false",
	 "shift everything a little against burn-in"},

	{"night", "start", config_parse_time_of_day, DEV(night_start), 0, 0, "22:00",
	 "a time as HH:MM", "the night begins (the same as end: no night)"},
	{"night", "end", config_parse_time_of_day, DEV(night_end), 0, 0, "07:00",
	 "a time as HH:MM", "the night ends"},
	{"night", "screen", config_parse_night_screen, DEV(night_screen_off), 0, 0, "dim",
	 "dim or off", "dim: warm, with no blue; off: dark, the first press only wakes"},
	{"night", "wake_seconds", config_parse_ms_from_s, DEV(wake_ms), 5, 600, "30",
	 "seconds from 5 to 600", "how long a press lights a dark screen"},
	{"night", "brightness", config_parse_int, DEV(night_brightness), 1, 100, "15",
	 "a percentage from 1 to 100", "backlight at night, percent"},

	{"sound", "enabled", config_parse_bool, DEV(sound), 0, 0, "false", "true or false",
	 "the breath heard in a session: a tone up breathing in, down breathing out"},
	{"sound", "volume", config_parse_int, DEV(sound_volume), 0, 100, "60",
	 "a volume from 0 to 100", "the sound's volume by day"},
	{"sound", "night_volume", config_parse_int, DEV(night_sound_volume), 0, 100, "25",
	 "a volume from 0 to 100", "the sound's volume at night"},

	{"light", "enabled", config_parse_bool, CFG(light_enabled), 0, 0, "false",
	 "true or false", "an LED or motor on a PWM channel, following the breath"},
	{"light", "chip", config_parse_int, CFG(light_chip), 0, 63, "0", "a number from 0 to 63",
	 "the PWM chip (/sys/class/pwm/pwmchipN; dtoverlay=pwm: 0)"},
	{"light", "channel", config_parse_int, CFG(light_channel), 0, 63, "0",
	 "a number from 0 to 63", "the chip's channel (dtoverlay=pwm: 0, on GPIO18)"},
	{"light", "brightness", config_parse_int, DEV(light_brightness), 0, 100, "100",
	 "a percentage from 0 to 100", "the light's brightness by day"},
	{"light", "night_brightness", config_parse_int, DEV(night_light_brightness), 0, 100, "10",
	 "a percentage from 0 to 100", "the light's brightness at night"},

	{"member NAME", "colour", config_parse_colour, BASE_MEMBER, 0, 0, 0, "#e0a070",
	 "a colour as #RRGGBB", "a household member's colour (also: color)"},
};

const size_t config_n_rows = sizeof(config_rows) / sizeof(config_rows[0]);
