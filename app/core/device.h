/* The device: a state machine over screens, driven by button edges and the passage of time.
 * Everything a user sees and every row the log gets is decided here. */
#ifndef CALM_DEVICE_H
#define CALM_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "deck.h"
#include "gesture.h"
#include "pacer.h"

#define DEVICE_MAX_BUTTONS 3
#define BUTTON_NAME_MAX    15
#define DEVICE_MAX_REPORTS 4

enum screen {
	SCREEN_AMBIENT = 0,
	SCREEN_BREATHE,
	SCREEN_PROMPT,
	SCREEN_COUNT,
};

enum action {
	ACTION_NONE = 0, /* the gesture has nothing configured: logged, nothing changes */
	ACTION_BREATHE,  /* start a breathing session */
	ACTION_PROMPT,   /* show a connection prompt (the next one when one is showing) */
	ACTION_END,      /* end what is on screen and go back to ambient */
	ACTION_AMBIENT,  /* the device went back to ambient by itself */
	ACTION_COUNT,
};

enum session_end {
	SESSION_RUNNING = 0,
	SESSION_COMPLETED,   /* ran its planned length */
	SESSION_ENDED_EARLY, /* a press ended it */
};

struct device_button {
	char name[BUTTON_NAME_MAX + 1];
	enum action on[4]; /* indexed by enum gesture; on[GESTURE_NONE] unused */
};

struct device_config {
	struct gesture_timing timing;
	struct device_button buttons[DEVICE_MAX_BUTTONS];
	int n_buttons;
	struct breath_pattern pattern; /* the session pattern; strings must outlive the device */
	int64_t session_ms;            /* planned length of a breathing session */
	int64_t prompt_ms;             /* a prompt stays this long without a press */
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
	int64_t session_planned_ms; /*   its planned length */
	bool session_stopped;       /* a session ended with this report: */
	enum session_end session_how;
	int64_t session_ms;          /*   how long it ran */
	const struct prompt *prompt; /* the prompt this report put on screen, if any */
};

struct device_output {
	struct device_report reports[DEVICE_MAX_REPORTS];
	int n;
};

/* What the renderer draws at a moment. */
struct device_view {
	enum screen screen;
	struct breath_state breath; /* SCREEN_BREATHE */
	const struct breath_pattern *pattern;
	int64_t session_elapsed_ms;  /* SCREEN_BREATHE */
	int64_t session_ms;          /* SCREEN_BREATHE: planned length */
	const struct prompt *prompt; /* SCREEN_PROMPT */
};

struct device;

/* The deck is borrowed and must outlive the device; seed makes the prompt order repeatable. */
struct device *device_new(const struct device_config *config, const struct deck *deck,
			  uint64_t seed);
void device_free(struct device *dev);

/* Opens a screen directly (the --start option); reported like an action with reason "start". */
void device_open(struct device *dev, enum screen screen, int64_t now_ms, struct device_output *out);

/* A button edge at t_ms. Unknown buttons are ignored. */
void device_edge(struct device *dev, int button, bool down, int64_t t_ms,
		 struct device_output *out);

/* Lets time pass up to now_ms: long presses, closed double-press windows, ended sessions. */
void device_tick(struct device *dev, int64_t now_ms, struct device_output *out);

/* The next time device_tick() will change something, or -1 when only a press can. */
int64_t device_deadline(const struct device *dev);

struct device_view device_view(const struct device *dev, int64_t now_ms);

const struct device_config *device_config(const struct device *dev);

const char *screen_name(enum screen screen);
const char *action_name(enum action action);
const char *session_end_name(enum session_end how);
/* Parses a screen or action name; -1 when unknown. */
int screen_from_name(const char *name);
int action_from_name(const char *name);

#endif
