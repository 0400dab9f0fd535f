/* SPDX-License-Identifier: MIT */
/* The app's state, and what its ways of running share (app.c): settings, decks, the log,
 * clocks. The window (window.c), the headless modes (headless.c) and main.c use it. */
#ifndef CALM_APP_H
#define CALM_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "cli.h"
#include "config.h"
#include "device.h"
#include "history.h"
#include "keys.h"
#include "logqueue.h"
#include "render.h"

#define EXIT_USAGE 2

struct timedate_call;

struct app {
	struct options opt;
	struct config cfg;
	struct device_config dcfg;
	struct deck *deck;
	struct device *dev;
	int pattern;                 /* --pattern's index, or -1 for the default */
	char language[LANGUAGE_MAX]; /* the language spoken ("" English): settings, else locale */
	struct history_week week;    /* read when the history screen opens or its member changes */
	bool week_loaded, week_ok;
	bool clock_set_this_boot; /* the wall clock was set by hand since the machine started */
	int64_t clock_checked_ms; /* when the clock's state was last found out */
	bool clock_told;          /* the journal has had the clock's state once */
	int week_member;          /* whose week was read: a member index, or -1 for everyone */
	struct logqueue *log;     /* NULL only when no place for the log could be found */
	bool log_trouble;         /* the log is not open or rows wait in memory: a discreet mark */
	bool wall_fixed;          /* --clock/--date: the wall clock runs from a given moment */
	int64_t wall_base_utc;    /* with wall_fixed: the wall time at monotonic wall_base_mono */
	int64_t wall_base_mono;
	struct timedate_call *clock_call;    /* asking timedated to set the clock, or NULL */
	struct clock_result clock_asked;     /* ...from what to what */
	struct civil_time clock_asked_local; /* ...the local time asked for, for the journal */
	void (*clock_wake)(void *user);      /* wakes the main loop when the answer is in */
	void *clock_wake_user;
};

/* Reads the settings: built-in defaults, then the file. Returns 0 or an exit code. */
int app_load_config(struct app *app);

/* The folder of the main deck: [prompts] deck_dir, else the shipped prompts in the language
 * spoken (assets/prompts/<language>), else the English ones. Returns 0, or -1
 * (errno ENAMETOOLONG, dir empty) when it does not fit in len bytes. */
int app_deck_dir(const struct app *app, char *dir, size_t len);

/* The main deck, then the household's own decks ([prompts] extra_dir): a missing folder of
 * their own is fine and goes unsaid, an unreadable one is worth a warning. */
int app_load_deck(struct app *app);

/* Tells the device what the log remembers: an appreciation still waiting, and which prompts
 * were shown lately, so a restart does not begin a new round of prompts. */
void app_restore_from_log(struct app *app);

/* Opens the event log. When it cannot be opened the app carries on: rows are held in memory
 * and opening is retried. required: fail instead (--replay promises rows). */
int app_open_log(struct app *app, bool required);

/* Commits what the device did to the log; every row is durable when this returns, before
 * the screen shows the change, or held in memory when the file cannot take it (the discreet
 * mark shows until it is written). Called on every pass of the main loop, so it also drives
 * the log's retries and daily retention. */
void app_record(struct app *app, const struct device_output *out, int64_t now_ms, bool print);

/* --clock/--date: the wall clock runs from the given moment at mono_ms. Returns 0 or an exit
 * code. */
int app_fix_wall_clock(struct app *app, int64_t mono_ms);

/* The keys each button is, from the settings. A key name SDL does not know is a problem said
 * through diag (that button keeps its default keys); returns how many there were. */
int app_make_keymap(const struct config *cfg, struct keymap *keys);

/* The device, from the settings and the deck. Returns 0 or an exit code. */
int app_make_device(struct app *app);

/* The local wall-clock time at mono_ms (real, or run on from --clock/--date). */
void app_local_time(const struct app *app, int64_t mono_ms, struct tm *local);

/* Tells the device the local time, which the night schedule and prompts depend on. */
void app_tell_local_time(struct app *app, int64_t mono_ms);

/* Finds out how far the wall clock can be trusted (--clock-state, a given clock, the kernel's
 * sync, an RTC, a time set by hand on this boot) and tells the device. Returns whether that
 * changed. */
bool app_tell_clock_state(struct app *app, int64_t mono_ms);

/* Carries out what the device asked of the wall clock in out (ACTION_CLOCK_CONFIRM) (setclock.c).
 * With a given clock (--clock, --date) or headless, by moving the app's own clock, and the device
 * is told how it went at once. On the device, systemd-timedated is asked on a thread of its own
 * (starting it and polkit can take seconds): wake(user) is called from that thread when the
 * answer is in, and app_take_clock_answer() then tells the device and commits the row. */
void app_set_wall_clock(struct app *app, const struct device_output *out, int64_t now_ms,
			bool print);

/* Whether timedated's answer came in: then the device is told and the row committed. Never
 * blocks; false when no answer waits. */
bool app_take_clock_answer(struct app *app, int64_t now_ms, bool print);

/* Lets go of a call to timedated still under way (it ends on its own thread, unheard). */
void app_drop_clock_call(struct app *app);

/* The week for the history screen, read when the screen opens, and again when who is here
 * changes (one member's week never stays on screen for someone else). */
const struct history_week *app_week_for(struct app *app, const struct device_view *view,
					int64_t now_ms);

/* The wall clock in ms since the epoch at mono_ms (real, or run on from --clock/--date). */
int64_t app_wall_now_ms(const struct app *app, int64_t mono_ms);

/* The same in whole seconds, rounded down. */
int64_t app_wall_now_utc(const struct app *app, int64_t mono_ms);

/* How the settings say the picture is drawn. */
struct render_setup app_render_setup(const struct app *app);

/* --screenshot: one frame, drawn by SDL's software renderer into a surface, saved as PNG. */
int headless_screenshot(struct app *app);

/* --replay: button edges in virtual time, no waiting; rows committed before each line. */
int headless_replay(struct app *app);

/* The app in a window or full screen, until Esc, SIGTERM or --exit-after. */
int window_run(struct app *app);

#endif
