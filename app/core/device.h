/* SPDX-License-Identifier: MIT */
/* The device: a state machine over screens, driven by button edges and the passage of time.
 * Everything a user sees and every row the log gets is decided here. */
#ifndef CALM_DEVICE_H
#define CALM_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "deck.h"
#include "gesture.h"
#include "pacer.h"
#include "pattern.h"

#define DEVICE_MAX_BUTTONS  3
#define BUTTON_NAME_MAX     15
#define DEVICE_MAX_REPORTS  4
#define CHECKIN_MAX_ANSWERS 3
#define CHECKIN_ANSWER_MAX  15
#define DEVICE_MAX_MEMBERS  6
#define MEMBER_NAME_MAX     15
#define PRESS_SOURCE_MAX    23 /* "gpio", "touch" or an SDL key name, as a row records it */

/* The source of presses on the glass (a touch screen, a mouse, an absolute pointer): they go
 * through a recogniser of their own, in which a palm resting on the glass is no press. */
#define PRESS_SOURCE_TOUCH "touch"

enum screen {
	SCREEN_AMBIENT = 0,
	SCREEN_BREATHE,  /* the pacer */
	SCREEN_PROMPT,   /* a connection prompt */
	SCREEN_CHECKIN,  /* "How do you feel?" before or after a session */
	SCREEN_SETTLE,   /* a few quiet seconds before the first breath; a tap changes the length */
	SCREEN_PAUSED,   /* a session on hold */
	SCREEN_DONE,     /* the calm end of a session, offering a prompt */
	SCREEN_NOTE,     /* an appreciation someone left, now seen */
	SCREEN_HISTORY,  /* the week at a glance */
	SCREEN_CLOCKSET, /* setting the clock by hand */
	SCREEN_COUNT,
};

enum action {
	ACTION_NONE = 0, /* the gesture has nothing to do here: logged, nothing changes */
	ACTION_BREATHE,  /* start a session with the default pattern (or the button's own) */
	ACTION_TOGETHER, /* start a session with the pattern for two */
	ACTION_PROMPT,   /* show a connection prompt (the next one when one is showing) */
	ACTION_END,      /* end what is on screen and go back to the clock */
	ACTION_AMBIENT,  /* the device went back to the clock by itself */
	ACTION_CHECKIN,  /* a check-in answer */
	ACTION_LENGTH,   /* the next session length, while settling in */
	ACTION_PAUSE,
	ACTION_RESUME,
	ACTION_DONE,          /* the device ended a session that ran its length */
	ACTION_APPRECIATION,  /* leave a warm sign for the next person */
	ACTION_SEEN,          /* the next person's press: the sign is seen */
	ACTION_WAKE,          /* a press in the dark: it only wakes the screen */
	ACTION_HISTORY,       /* show the week at a glance */
	ACTION_WHO,           /* the next household member (or everyone) */
	ACTION_SLEEP,         /* the screen off until the next press */
	ACTION_SOUND,         /* the breath's sound on, or off */
	ACTION_SETTIME,       /* open the set-the-clock screen */
	ACTION_CLOCK_STEP,    /* the field being set steps on (or back) */
	ACTION_CLOCK_NEXT,    /* a field confirmed: on to the next */
	ACTION_CLOCK_CONFIRM, /* the last field confirmed: the shell is to set the wall clock */
	ACTION_CLOCK_SET,     /* the device was told how setting the wall clock went */
	ACTION_COUNT,
};

/* How setting the wall clock went, as the shell tells it. */
enum clock_outcome {
	CLOCK_OUTCOME_SET = 0,     /* done: the wall clock shows the time asked for */
	CLOCK_OUTCOME_REFUSED,     /* the time service said no (not allowed); nothing changed */
	CLOCK_OUTCOME_AUTOMATIC,   /* refused: the clock is kept by network time here */
	CLOCK_OUTCOME_UNAVAILABLE, /* no time service to ask; nothing changed */
	CLOCK_OUTCOMES,
};

/* What the shell tells the device after carrying out ACTION_CLOCK_CONFIRM. */
struct clock_result {
	enum clock_outcome outcome;
	int64_t from_utc_s; /* the wall clock just before */
	int64_t to_utc_s;   /* the time asked for (UTC) */
};

enum session_end {
	SESSION_RUNNING = 0,
	SESSION_COMPLETED,   /* ran its planned length */
	SESSION_ENDED_EARLY, /* a press ended it */
	SESSION_INTERRUPTED, /* left paused until the device gave up on it */
};

struct device_button {
	char name[BUTTON_NAME_MAX + 1];
	enum action on[4]; /* indexed by enum gesture; on[GESTURE_NONE] unused */
	int pattern[4];    /* for ACTION_BREATHE: 1 + a pattern index; 0: the default pattern */
};

struct device_config {
	struct gesture_timing timing;
	struct device_button buttons[DEVICE_MAX_BUTTONS];
	int n_buttons;
	struct pattern_set patterns;
	int default_pattern;  /* index of the pattern "breathe" starts */
	int together_pattern; /* index of the pattern "together" starts */
	int session_minutes;  /* 0: each pattern's own default */
	bool press_pauses;    /* a tap during a session pauses it (else ends it) */
	bool checkin;         /* ask "How do you feel?" before and after a session */
	char answers[CHECKIN_MAX_ANSWERS][CHECKIN_ANSWER_MAX + 1];
	int n_answers;
	bool offer_prompt;         /* after a session, offer a connection prompt */
	int64_t settle_ms;         /* quiet time before the first breath */
	int64_t checkin_ms;        /* a check-in unanswered this long is skipped */
	int64_t pause_ms;          /* a session paused this long ends */
	int64_t done_ms;           /* the end screen stays this long */
	int64_t prompt_ms;         /* a prompt stays this long without a press */
	unsigned prompt_audiences; /* prompts for these audiences (enum audience_bit) are shown */
	unsigned prompt_pathways;  /* ...when their pathway is in this set (1 << enum pathway) */
	/* The night: from night_start to night_end (minutes of the day; equal: no night). */
	int night_start, night_end;
	bool night_screen_off;                /* at night the screen is off (else dim and warm) */
	int64_t wake_ms;                      /* a press wakes a dark screen for this long */
	int64_t note_ms;                      /* a seen appreciation stays this long */
	int day_brightness, night_brightness; /* backlight, percent */
	bool sound;                           /* the breath is heard (until the sound action) */
	int sound_volume, night_sound_volume; /* 0..100 */
	int light_brightness, night_light_brightness; /* the breathing light, percent */
	/* Household members: optional; "who is here" goes back to everyone after a while. */
	char members[DEVICE_MAX_MEMBERS][MEMBER_NAME_MAX + 1];
	uint32_t member_colors[DEVICE_MAX_MEMBERS]; /* 0xRRGGBB */
	int n_members;
	int64_t member_ms;  /* no press this long: back to everyone */
	int64_t history_ms; /* the week stays this long */
	int touch_limit_ms; /* a touch held this long is a resting palm, no press */
	int touch_zones;    /* the glass split into this many buttons, side by side (1: one) */
	/* Setting the clock by hand. */
	int64_t clockset_hold_ms; /* the first button held this long opens it (0: never) */
	int64_t clockset_ms;      /* left alone this long, it closes and nothing changes */
	int64_t clockset_said_ms; /* how it went stays on screen this long */
};

/* One thing the device did: what the log records and what --replay prints. */
struct device_report {
	int64_t t_ms;         /* monotonic time it happened */
	int button;           /* index into the config's buttons; -1 when the device acted itself */
	enum gesture gesture; /* GESTURE_NONE when the device acted itself */
	enum action action;
	enum screen screen_before;
	enum screen screen_after;
	const char *reason; /* why the device acted itself ("session complete", "idle", "start") */
	bool session_started;       /* a session began with this report: */
	const char *pattern;        /*   its pattern's name */
	int64_t session_planned_ms; /* its planned length (also set by ACTION_LENGTH) */
	bool session_stopped;       /* a session ended with this report: */
	enum session_end session_how;
	int64_t session_ms;          /*   how long it was breathed (pauses not counted) */
	const char *answer;          /* ACTION_CHECKIN: the answer */
	bool answer_after;           /* ACTION_CHECKIN: after the session (else before) */
	const struct prompt *prompt; /* the prompt this report put on screen, if any */
	const char *member;          /* who is here (NULL: everyone) */
	const char *source; /* where the press came from: "gpio", a key's name, "touch" (NULL: not
			       known, or the device acted itself) */
	struct civil_time clock_to; /* ACTION_CLOCK_CONFIRM: the local time to set the clock to */
	bool clock_changed;         /* ACTION_CLOCK_SET: a row of its own in the log: */
	struct clock_result clock;  /*   from what to what, and how it went */
};

struct device_output {
	struct device_report reports[DEVICE_MAX_REPORTS];
	int n;
	bool changed; /* something on screen changed, reported or not */
};

/* What the renderer draws at a moment. */
/* An answer to "How do you feel?" and how it is given: a gesture of the one button, or (with
 * more buttons) a button of its own. */
struct device_answer {
	const char *text;
	int button; /* with answers_by_button: the button that gives it */
	enum gesture gesture;
};

struct device_view {
	enum screen screen;
	const struct breath_pattern *pattern; /* the session's pattern (session screens) */
	struct breath_state breath;           /* SCREEN_BREATHE, SCREEN_PAUSED */
	int64_t session_elapsed_ms;           /* time breathed so far */
	int64_t session_ms;                   /* planned length */
	int session_breaths;                  /* > 0: planned as this many breaths */
	double fade;               /* 1: full brightness; less as a fading session goes on */
	int64_t screen_elapsed_ms; /* time on this screen */
	int64_t screen_left_ms;    /* until this screen moves on by itself (-1: never) */
	bool checkin_after;        /* SCREEN_CHECKIN: after the session */
	int n_answers;             /* SCREEN_CHECKIN: the answers offered, */
	struct device_answer answers[CHECKIN_MAX_ANSWERS];
	bool answers_by_button; /*   each on a button of its own (else gestures of one) */
	enum gesture resume_gesture, stop_gesture; /* SCREEN_PAUSED: what goes on, what stops */
	const struct prompt *prompt;               /* SCREEN_PROMPT */
	bool night;                                /* the night palette: dim and warm, no blue */
	bool screen_off;            /* nothing to draw: a black screen, backlight off */
	int brightness;             /* backlight, percent */
	bool sound_on;              /* the sound is switched on (it plays only while breathing) */
	int sound_volume;           /* the breath's sound now, 0..100: 0 when nothing plays */
	double light;               /* the breathing light now, 0..1: 0 outside breathing */
	bool appreciation_waiting;  /* SCREEN_AMBIENT: someone left a warm sign */
	double zone_labels;         /* SCREEN_AMBIENT: how plainly each touch zone's action shows,
				       0 (not at all) to 1; in steps, so it changes only at the
				       device's deadlines */
	const struct prompt *daily; /* the prompt of the day (NULL: none, or the day unknown) */
	int64_t local_ms;           /* local time (ms since local day 0), -1 when unknown */
	int member;                 /* who is here: an index into the members, or -1 */
	enum clock_state clock;     /* how far the wall clock can be trusted */
	/* SCREEN_CLOCKSET: the time being set, and where it stands. */
	struct clockset clockset;
	bool clockset_waiting; /* confirmed: the shell is setting the clock */
	bool clockset_said;    /* the outcome is on screen: */
	enum clock_outcome clockset_outcome;
};

struct device;

/* The deck is borrowed and must outlive the device; seed makes the prompt order repeatable. */
struct device *device_new(const struct device_config *config, const struct deck *deck,
			  uint64_t seed);
void device_free(struct device *dev);

/* Tells the device which prompts were shown before it started (from the log, newest first), so
 * that none repeats until every eligible prompt has been shown, across restarts. Call before
 * the first prompt is shown. */
void device_restore_prompts(struct device *dev, const char *const *ids_newest_first, size_t n);

/* An appreciation left before a restart still waits for the next press. */
void device_restore_appreciation(struct device *dev, bool waiting);

/* Opens a screen directly (the --start and --screenshot options), reported with reason "start".
 * SCREEN_BREATHE starts breathing at once; the other session screens start a session at that
 * stage. pattern is a pattern index, or -1 for the default. */
void device_open(struct device *dev, enum screen screen, int pattern, int64_t now_ms,
		 struct device_output *out);

/* A button edge at t_ms. Unknown buttons are ignored. */
void device_edge(struct device *dev, int button, bool down, int64_t t_ms,
		 struct device_output *out);

/* The same, from a named source that the press's report carries: "gpio", a key's name, or
 * PRESS_SOURCE_TOUCH. Touches have a recogniser of their own per button, apart from contacts
 * (GPIO, keys), so one press never mixes the two; on it a hold counts at its release, and not
 * at all past touch_limit_ms; the first button's touch held clockset_hold_ms or more opens
 * the set-the-clock screen as it lifts (on a lit screen). */
void device_edge_from(struct device *dev, int button, bool down, int64_t t_ms, const char *source,
		      struct device_output *out);

/* The local wall-clock time, for what depends on the hour (the night schedule, prompts for the
 * time of day, the prompt of the day): at monotonic now_ms it is ms_of_day into local day
 * number `day` (days since 1970-01-01 in local time: the set-the-clock screen starts from that
 * date). The core never reads a clock: it runs the local time on from this anchor, and the
 * shell sets it again whenever the wall clock may have been changed (every pass of its loop).
 * Until it is called the local time is unknown. Whether it can be trusted is another matter:
 * device_set_clock_state. */
void device_set_local_time(struct device *dev, int64_t now_ms, int64_t ms_of_day, int64_t day);

/* The local time at monotonic t_ms, in ms since the start of local day 0 (so the time of day
 * is this modulo 86,400,000 and the day number this divided by it); -1 when unknown. */
int64_t device_local_ms(const struct device *dev, int64_t t_ms);

/* How far the wall clock can be trusted, as the shell found out (clock_state_decide). While it
 * is unknown there is no night and no time of day for prompts, and the clock says so. Returns
 * whether it changed (the screen needs drawing). A new device starts unknown. */
bool device_set_clock_state(struct device *dev, enum clock_state state);
enum clock_state device_clock_state(const struct device *dev);

/* The shell tells how setting the wall clock went (after an ACTION_CLOCK_CONFIRM report): a
 * report with ACTION_CLOCK_SET carries it to the log, and the screen says so. */
void device_clock_result(struct device *dev, const struct clock_result *result, int64_t now_ms,
			 struct device_output *out);

/* Lets time pass up to now_ms: long presses, closed double-press windows, ended sessions. */
void device_tick(struct device *dev, int64_t now_ms, struct device_output *out);

/* After a touch on the clock with [touch] zones > 1, each zone's action shows faintly this
 * long, the last ZONE_LABELS_FADE_MS of it fading in ZONE_LABELS_STEPS steps. */
#define ZONE_LABELS_MS      4000
#define ZONE_LABELS_FADE_MS 1000
#define ZONE_LABELS_STEPS   4

/* The next time device_tick() will change something, or -1 when only a press can. */
int64_t device_deadline(const struct device *dev);

/* Whether the device may be replaced by a new one (a reload of the settings) without losing
 * anything: the clock is on screen and no press is under way (nothing held, no tap waiting
 * for its double-press window). */
bool device_at_rest(const struct device *dev);

struct device_view device_view(const struct device *dev, int64_t now_ms);

const struct device_config *device_config(const struct device *dev);

/* Fills a config with the built-in behaviour (one button "main": tap breathes, hold shows a
 * prompt) and an empty pattern set. */
void device_config_defaults(struct device_config *config);

const char *screen_name(enum screen screen);
const char *action_name(enum action action);
const char *session_end_name(enum session_end how);
const char *clock_outcome_name(enum clock_outcome outcome);
/* Parses a screen name, or an action a button may be given; -1 when unknown. */
int screen_from_name(const char *name);
int action_from_name(const char *name);

#endif
