/* The device state machine. */
#include "device.h"

#include <stdlib.h>
#include <string.h>

struct device {
	struct device_config config;
	const struct deck *deck;
	struct picker *picker;
	struct gesture_tracker trackers[DEVICE_MAX_BUTTONS];
	enum screen screen;
	int64_t screen_since_ms; /* when the current screen opened (the session start on
				    SCREEN_BREATHE) */
	const struct prompt *prompt;
};

static const char *const screen_names[SCREEN_COUNT] = {"ambient", "breathe", "prompt"};
static const char *const action_names[ACTION_COUNT] = {"none", "breathe", "prompt", "end",
						       "ambient"};

const char *screen_name(enum screen screen)
{
	return (unsigned)screen < SCREEN_COUNT ? screen_names[screen] : "?";
}

const char *action_name(enum action action)
{
	return (unsigned)action < ACTION_COUNT ? action_names[action] : "?";
}

const char *session_end_name(enum session_end how)
{
	switch (how) {
	case SESSION_COMPLETED:
		return "completed";
	case SESSION_ENDED_EARLY:
		return "ended early";
	case SESSION_RUNNING:
		break;
	}
	return "running";
}

static int name_lookup(const char *name, const char *const *names, int count)
{
	for (int i = 0; i < count; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

int screen_from_name(const char *name)
{
	return name_lookup(name, screen_names, SCREEN_COUNT);
}

int action_from_name(const char *name)
{
	/* "ambient" is what the device does by itself, not something a button asks for. */
	int a = name_lookup(name, action_names, ACTION_COUNT);

	return a == ACTION_AMBIENT ? -1 : a;
}

struct device *device_new(const struct device_config *config, const struct deck *deck,
			  uint64_t seed)
{
	struct device *dev = calloc(1, sizeof(*dev));

	if (!dev)
		return NULL;
	dev->config = *config;
	dev->deck = deck;
	dev->picker = picker_new(deck ? deck_count(deck) : 0, seed);
	if (!dev->picker) {
		free(dev);
		return NULL;
	}
	for (int i = 0; i < config->n_buttons; i++) {
		struct gesture_timing timing = config->timing;

		/* Waiting for a second press only delays a short one; skip it when doubles do
		 * nothing. */
		if (config->buttons[i].on[GESTURE_DOUBLE] == ACTION_NONE)
			timing.double_ms = 0;
		gesture_init(&dev->trackers[i], &timing);
	}
	dev->screen = SCREEN_AMBIENT;
	return dev;
}

void device_free(struct device *dev)
{
	if (!dev)
		return;
	picker_free(dev->picker);
	free(dev);
}

const struct device_config *device_config(const struct device *dev)
{
	return &dev->config;
}

static struct device_report *add_report(struct device *dev, struct device_output *out, int64_t t_ms,
					int button, enum gesture gesture, enum action action)
{
	struct device_report *r;

	if (out->n >= DEVICE_MAX_REPORTS)
		return NULL;
	r = &out->reports[out->n++];
	memset(r, 0, sizeof(*r));
	r->t_ms = t_ms;
	r->button = button;
	r->gesture = gesture;
	r->action = action;
	r->screen_before = dev->screen;
	r->screen_after = dev->screen;
	return r;
}

/* Leaves the current screen; a running session is closed and its end recorded in r. */
static void leave_screen(struct device *dev, struct device_report *r, enum session_end how)
{
	if (dev->screen == SCREEN_BREATHE) {
		r->session_stopped = true;
		r->session_how = how;
		r->session_ms = r->t_ms - dev->screen_since_ms;
	}
	dev->prompt = NULL;
}

static void enter_screen(struct device *dev, struct device_report *r, enum screen screen)
{
	dev->screen = screen;
	dev->screen_since_ms = r->t_ms;
	r->screen_after = screen;
	if (screen == SCREEN_BREATHE) {
		r->session_started = true;
		r->pattern = dev->config.pattern.name;
		r->session_planned_ms = dev->config.session_ms;
	}
	if (screen == SCREEN_PROMPT) {
		size_t i = picker_next(dev->picker);

		dev->prompt = deck_get(dev->deck, i);
		r->prompt = dev->prompt;
	}
}

/* Carries out an action; the report already holds who asked for it. */
static void perform(struct device *dev, struct device_report *r)
{
	switch (r->action) {
	case ACTION_BREATHE:
		if (dev->screen == SCREEN_BREATHE) {
			/* Asking to breathe while breathing means "that's enough". */
			r->action = ACTION_END;
			leave_screen(dev, r, SESSION_ENDED_EARLY);
			enter_screen(dev, r, SCREEN_AMBIENT);
			break;
		}
		leave_screen(dev, r, SESSION_ENDED_EARLY);
		enter_screen(dev, r, SCREEN_BREATHE);
		break;
	case ACTION_PROMPT:
		leave_screen(dev, r, SESSION_ENDED_EARLY);
		enter_screen(dev, r, SCREEN_PROMPT);
		break;
	case ACTION_END:
	case ACTION_AMBIENT:
		leave_screen(dev, r,
			     r->action == ACTION_AMBIENT && dev->screen == SCREEN_BREATHE
				     ? SESSION_COMPLETED
				     : SESSION_ENDED_EARLY);
		enter_screen(dev, r, SCREEN_AMBIENT);
		break;
	case ACTION_NONE:
	case ACTION_COUNT:
		break;
	}
}

static void on_gesture(struct device *dev, int button, enum gesture gesture, int64_t t_ms,
		       struct device_output *out)
{
	enum action action = dev->config.buttons[button].on[gesture];
	struct device_report *r = add_report(dev, out, t_ms, button, gesture, action);

	if (r)
		perform(dev, r);
}

/* When the current screen ends by itself, or -1. */
static int64_t screen_deadline(const struct device *dev)
{
	switch (dev->screen) {
	case SCREEN_BREATHE:
		return dev->screen_since_ms + dev->config.session_ms;
	case SCREEN_PROMPT:
		return dev->screen_since_ms + dev->config.prompt_ms;
	case SCREEN_AMBIENT:
	case SCREEN_COUNT:
		break;
	}
	return -1;
}

static int64_t earlier(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int64_t device_deadline(const struct device *dev)
{
	int64_t due = screen_deadline(dev);

	for (int i = 0; i < dev->config.n_buttons; i++)
		due = earlier(due, gesture_deadline(&dev->trackers[i]));
	return due;
}

void device_tick(struct device *dev, int64_t now_ms, struct device_output *out)
{
	/* Handle what fell due in time order, each at its own due time, so that a late tick
	 * gives the same result as a punctual one. */
	for (;;) {
		int64_t due = device_deadline(dev);

		if (due < 0 || due > now_ms)
			return;
		if (due == screen_deadline(dev)) {
			struct device_report *r =
				add_report(dev, out, due, -1, GESTURE_NONE, ACTION_AMBIENT);

			if (!r)
				return;
			r->reason = dev->screen == SCREEN_BREATHE ? "session complete" : "idle";
			perform(dev, r);
			continue;
		}
		for (int i = 0; i < dev->config.n_buttons; i++) {
			if (gesture_deadline(&dev->trackers[i]) != due)
				continue;
			enum gesture g = gesture_tick(&dev->trackers[i], due);

			if (g != GESTURE_NONE)
				on_gesture(dev, i, g, due, out);
		}
	}
}

void device_edge(struct device *dev, int button, bool down, int64_t t_ms, struct device_output *out)
{
	enum gesture g;

	if (button < 0 || button >= dev->config.n_buttons)
		return;
	device_tick(dev, t_ms, out);
	g = gesture_edge(&dev->trackers[button], down, t_ms);
	if (g != GESTURE_NONE)
		on_gesture(dev, button, g, t_ms, out);
}

void device_open(struct device *dev, enum screen screen, int64_t now_ms, struct device_output *out)
{
	static const enum action opens[SCREEN_COUNT] = {ACTION_END, ACTION_BREATHE, ACTION_PROMPT};
	struct device_report *r;

	if ((unsigned)screen >= SCREEN_COUNT)
		return;
	r = add_report(dev, out, now_ms, -1, GESTURE_NONE, opens[screen]);
	if (!r)
		return;
	r->reason = "start";
	perform(dev, r);
}

struct device_view device_view(const struct device *dev, int64_t now_ms)
{
	struct device_view v = {0};

	v.screen = dev->screen;
	v.pattern = &dev->config.pattern;
	v.prompt = dev->prompt;
	if (dev->screen == SCREEN_BREATHE) {
		v.session_elapsed_ms = now_ms - dev->screen_since_ms;
		v.session_ms = dev->config.session_ms;
		v.breath = breath_phase_at(&dev->config.pattern, v.session_elapsed_ms);
	}
	return v;
}
