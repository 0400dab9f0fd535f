/* SPDX-License-Identifier: MIT */
/* The device state machine: screens, sessions and what each press means on each screen. */
#include "device.h"
#include "breathlight.h"
#include "deadline.h"
#include "i18n_mark.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The session being set up, breathed or closed. */
struct session {
	struct breath_pattern pattern; /* its own copy: the ramp length fixed to the session's */
	int64_t planned_ms;            /* breathing time it is meant to last */
	int minutes;                   /* the chosen length; 0: the pattern's default */
	int64_t begun_ms;              /* when the first breath began */
	int64_t paused_total_ms;       /* time spent paused before the current pause */
	int64_t paused_since_ms;       /* when the current pause began */
};

/* One button's gestures from one kind of input. */
struct recogniser {
	struct gesture_tracker tracker;
	char source[PRESS_SOURCE_MAX + 1]; /* where the current press came from; "": not known */
};

enum { INPUT_CONTACT, INPUT_TOUCH, INPUT_KINDS };

struct device {
	struct device_config config;
	const struct deck *deck;
	struct picker *picker;
	struct recogniser inputs[DEVICE_MAX_BUTTONS][INPUT_KINDS];
	enum screen screen;
	int64_t screen_since_ms; /* when the current screen opened */
	bool checkin_after;      /* SCREEN_CHECKIN: the question after a session */
	bool in_session;         /* a session is open (check-in, settle, breathe, pause) */
	struct session session;
	const struct prompt *prompt;
	bool appreciation_waiting; /* a warm sign waits for the next press */
	bool sleeping;             /* put to sleep: dark until the next press */
	bool sound;                /* the breath is heard */
	int member;                /* who is here, or -1 for everyone */
	int64_t member_until;      /* back to everyone then; -1 when everyone already */
	int64_t awake_until;       /* a dark screen was woken until then; -1 when not */
	bool local_known;          /* the shell has told the local time */
	int64_t local_anchor_ms;   /* at this monotonic time... */
	int64_t local_anchor;      /* ...it was this many ms into local day 0 */
	enum clock_state clock;    /* how far the wall clock can be trusted */
	/* SCREEN_CLOCKSET: the time being set, and where it stands. */
	struct clockset clockset;
	enum { SET_EDITING, SET_WAITING, SET_SAID } clockset_stage;
	enum clock_outcome clockset_outcome;
	int64_t clockset_hold_done; /* down time of the hold that already opened it */
};

static const char *const screen_names[SCREEN_COUNT] = {
	"ambient", "breathe", "prompt", "checkin", "settle",
	"paused",  "done",    "note",   "history", "clockset",
};
static const char *const action_names[ACTION_COUNT] = {
	"none",    "breathe",   "together",  "prompt",       "end",      "ambient",
	"checkin", "length",    "pause",     "resume",       "done",     "appreciation",
	"seen",    "wake",      "history",   "who",          "sleep",    "sound",
	"settime", "clockstep", "clocknext", "clockconfirm", "clockset",
};
static const char *const outcome_names[CLOCK_OUTCOMES] = {"set", "refused", "automatic",
							  "unavailable"};

const char *clock_outcome_name(enum clock_outcome outcome)
{
	return (unsigned)outcome < CLOCK_OUTCOMES ? outcome_names[outcome] : "?";
}

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
	case SESSION_INTERRUPTED:
		return "interrupted";
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
	int a = name_lookup(name, action_names, ACTION_COUNT);

	/* Only these make sense on a button; the rest are what a press means in context. */
	switch (a) {
	case ACTION_NONE:
	case ACTION_BREATHE:
	case ACTION_TOGETHER:
	case ACTION_PROMPT:
	case ACTION_END:
	case ACTION_APPRECIATION:
	case ACTION_HISTORY:
	case ACTION_WHO:
	case ACTION_SLEEP:
	case ACTION_WAKE:
	case ACTION_SOUND:
	case ACTION_SETTIME:
		return a;
	default:
		return -1;
	}
}

void device_config_defaults(struct device_config *c)
{
	memset(c, 0, sizeof(*c));
	c->timing = (struct gesture_timing){.debounce_ms = 30, .long_ms = 700, .double_ms = 350};
	c->n_buttons = 1;
	snprintf(c->buttons[0].name, sizeof(c->buttons[0].name), "main");
	c->buttons[0].on[GESTURE_SHORT] = ACTION_BREATHE;
	c->buttons[0].on[GESTURE_LONG] = ACTION_PROMPT;
	c->buttons[0].on[GESTURE_DOUBLE] = ACTION_APPRECIATION;
	c->press_pauses = true;
	c->checkin = true;
	snprintf(c->answers[0], sizeof(c->answers[0]), "%s", NC_("checkin answer", "calm"));
	snprintf(c->answers[1], sizeof(c->answers[1]), "%s", NC_("checkin answer", "unsettled"));
	c->n_answers = 2;
	c->offer_prompt = true;
	c->settle_ms = 5000;
	c->checkin_ms = 20000;
	c->pause_ms = 120000;
	c->done_ms = 30000;
	c->prompt_ms = 60000;
	c->prompt_audiences = DECK_ALL_AUDIENCES;
	c->prompt_pathways = DECK_ALL_PATHWAYS;
	c->night_start = 22 * 60;
	c->night_end = 7 * 60;
	c->night_screen_off = false;
	c->wake_ms = 30000;
	c->note_ms = 15000;
	c->day_brightness = 100;
	c->night_brightness = 15;
	c->sound = false;
	c->sound_volume = 60;
	c->night_sound_volume = 25;
	c->light_brightness = 100;
	c->night_light_brightness = 10;
	c->member_ms = 10 * 60000;
	c->history_ms = 30000;
	c->touch_limit_ms = 10000;
	c->clockset_hold_ms = 3000;
	c->clockset_ms = 30000;
	c->clockset_said_ms = 8000;
}

struct device *device_new(const struct device_config *config, const struct deck *deck,
			  uint64_t seed)
{
	struct device *dev = calloc(1, sizeof(*dev));

	if (!dev)
		return NULL;
	dev->config = *config;
	dev->deck = deck;
	dev->sound = config->sound;
	dev->picker = picker_new(deck, config->prompt_audiences, config->prompt_pathways, seed);
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
		gesture_init(&dev->inputs[i][INPUT_CONTACT].tracker, &timing);
		timing.limit_ms = config->touch_limit_ms;
		gesture_init(&dev->inputs[i][INPUT_TOUCH].tracker, &timing);
	}
	dev->screen = SCREEN_AMBIENT;
	dev->awake_until = -1;
	dev->member = -1;
	dev->member_until = -1;
	dev->clock = CLOCK_UNKNOWN;
	dev->clockset_hold_done = INT64_MIN;
	return dev;
}

void device_restore_appreciation(struct device *dev, bool waiting)
{
	dev->appreciation_waiting = waiting;
}

void device_set_local_time(struct device *dev, int64_t now_ms, int64_t ms_of_day, int64_t day)
{
	dev->local_known = true;
	dev->local_anchor_ms = now_ms;
	dev->local_anchor = day * 86400000 + ms_of_day;
}

int64_t device_local_ms(const struct device *dev, int64_t t_ms)
{
	return dev->local_known ? dev->local_anchor + (t_ms - dev->local_anchor_ms) : -1;
}

/* The local time as far as it can be trusted: -1 while the clock's state is unknown, so that
 * nothing depends on an hour that may be wrong. */
static int64_t trusted_local_ms(const struct device *dev, int64_t t_ms)
{
	return dev->clock == CLOCK_UNKNOWN ? -1 : device_local_ms(dev, t_ms);
}

bool device_set_clock_state(struct device *dev, enum clock_state state)
{
	bool changed = dev->clock != state;

	dev->clock = state;
	return changed;
}

enum clock_state device_clock_state(const struct device *dev)
{
	return dev->clock;
}

void device_free(struct device *dev)
{
	if (!dev)
		return;
	picker_free(dev->picker);
	free(dev);
}

/* Whether t_ms falls in the night schedule (never when the local time is unknown). */
static bool is_night(const struct device *dev, int64_t t_ms)
{
	int64_t local = trusted_local_ms(dev, t_ms);
	int start = dev->config.night_start, end = dev->config.night_end;
	int minute;

	if (local < 0 || start == end)
		return false;
	minute = (int)(local % 86400000 / 60000);
	if (start < end)
		return minute >= start && minute < end;
	return minute >= start || minute < end; /* across midnight */
}

/* The screen is dark: night with the screen off, on the clock, not woken by a press. */
static bool screen_dark(const struct device *dev, int64_t t_ms)
{
	if (dev->screen != SCREEN_AMBIENT)
		return false;
	return dev->sleeping ||
	       (dev->config.night_screen_off && t_ms >= dev->awake_until && is_night(dev, t_ms));
}

const struct device_config *device_config(const struct device *dev)
{
	return &dev->config;
}

static struct device_report *add_report(struct device *dev, struct device_output *out, int64_t t_ms,
					int button, enum gesture gesture, enum action action)
{
	struct device_report *r;

	out->changed = true;
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

/* --- sessions --- */

/* Time breathed by now_ms, pauses not counted. */
static int64_t breathed_ms(const struct device *dev, int64_t now_ms)
{
	const struct session *s = &dev->session;
	int64_t end = dev->screen == SCREEN_PAUSED ? s->paused_since_ms : now_ms;

	if (dev->screen != SCREEN_BREATHE && dev->screen != SCREEN_PAUSED)
		return 0;
	return end - s->begun_ms - s->paused_total_ms;
}

/* The planned breathing time for the session's length choice. */
static void plan_session(struct session *s, const struct breath_pattern *base)
{
	s->pattern = *base;
	if (s->minutes > 0)
		s->planned_ms = (int64_t)s->minutes * 60000;
	else if (base->cycles > 0)
		s->planned_ms = -1; /* set below, once the ramp is known */
	else
		s->planned_ms = (int64_t)base->minutes * 60000;
	if (s->pattern.ramp_ms < 0)
		s->pattern.ramp_ms =
			(int)(s->planned_ms > 0 ? s->planned_ms : breath_cycle_ms(base));
	if (s->planned_ms < 0)
		s->planned_ms = (int64_t)(breath_cycle_start_ms(&s->pattern, s->pattern.ramp_ms,
								base->cycles) +
					  0.5);
}

static const struct breath_pattern *session_base(const struct device *dev, int pattern)
{
	const struct pattern_set *set = &dev->config.patterns;

	if (pattern < 0 || pattern >= set->count)
		pattern = dev->config.default_pattern;
	return pattern >= 0 && pattern < set->count ? &set->items[pattern] : NULL;
}

static void enter(struct device *dev, struct device_report *r, enum screen screen, int64_t t_ms)
{
	dev->screen = screen;
	dev->screen_since_ms = t_ms;
	if (r)
		r->screen_after = screen;
}

/* Closes the open session (if any) and records how it ended in r. */
static void close_session(struct device *dev, struct device_report *r, enum session_end how)
{
	if (!dev->in_session)
		return;
	r->session_stopped = true;
	r->session_how = how;
	r->session_ms = breathed_ms(dev, r->t_ms);
	dev->in_session = false;
}

void device_restore_prompts(struct device *dev, const char *const *ids_newest_first, size_t n)
{
	picker_restore(dev->picker, ids_newest_first, n);
}

static void show_prompt(struct device *dev, struct device_report *r)
{
	int64_t local = trusted_local_ms(dev, r->t_ms);
	size_t i = picker_next(dev->picker, local < 0 ? -1 : local % 86400000);

	dev->prompt = dev->deck ? deck_get(dev->deck, i) : NULL;
	r->prompt = dev->prompt;
	enter(dev, r, SCREEN_PROMPT, r->t_ms);
}

static void begin_breathing(struct device *dev, int64_t t_ms)
{
	dev->session.begun_ms = t_ms;
	dev->session.paused_total_ms = 0;
	enter(dev, NULL, SCREEN_BREATHE, t_ms);
}

static void start_session(struct device *dev, struct device_report *r, int pattern)
{
	const struct breath_pattern *base = session_base(dev, pattern);

	if (!base) {
		r->action = ACTION_NONE; /* no patterns loaded: nothing to start */
		return;
	}
	close_session(dev, r, SESSION_ENDED_EARLY);
	memset(&dev->session, 0, sizeof(dev->session));
	dev->session.minutes = dev->config.session_minutes;
	plan_session(&dev->session, base);
	dev->in_session = true;
	r->session_started = true;
	r->pattern = dev->session.pattern.name;
	r->session_planned_ms = dev->session.planned_ms;
	dev->checkin_after = false;
	enter(dev, r, dev->config.checkin ? SCREEN_CHECKIN : SCREEN_SETTLE, r->t_ms);
}

/* Where a session goes when its breathing is over. */
static void finish_session(struct device *dev, struct device_report *r)
{
	close_session(dev, r, SESSION_COMPLETED);
	if (dev->config.checkin) {
		dev->checkin_after = true;
		enter(dev, r, SCREEN_CHECKIN, r->t_ms);
	} else {
		enter(dev, r, SCREEN_DONE, r->t_ms);
	}
}

/* The next length on the device's list after the current one, round and round. */
static void next_length(struct device *dev, struct device_report *r)
{
	struct session *s = &dev->session;
	int64_t current = s->planned_ms;
	int next = pattern_session_minutes[0];

	for (int i = 0; i < 5; i++) {
		if ((int64_t)pattern_session_minutes[i] * 60000 > current) {
			next = pattern_session_minutes[i];
			break;
		}
	}
	s->minutes = next;
	plan_session(s, session_base(dev, pattern_index(&dev->config.patterns, s->pattern.name)));
	r->session_planned_ms = s->planned_ms;
	dev->screen_since_ms = r->t_ms; /* time to tap again */
}

/* --- setting the clock --- */

static void open_clockset(struct device *dev, struct device_report *r)
{
	close_session(dev, r, SESSION_ENDED_EARLY);
	dev->prompt = NULL;
	dev->sleeping = false;
	clockset_begin(&dev->clockset, device_local_ms(dev, r->t_ms));
	dev->clockset_stage = SET_EDITING;
	enter(dev, r, SCREEN_CLOCKSET, r->t_ms);
}

/* A press while the clock is being set. Tap: the next value (with more buttons, the second
 * steps back); double: the value before; hold: this field is right, on to the next; the last
 * hold asks the shell to set the clock. Once it is said how that went, a press goes back. */
static void clockset_press(struct device *dev, struct device_report *r, int button, enum gesture g)
{
	/* A hold begun here never opens the screen again once it is left. */
	if (button == 0)
		dev->clockset_hold_done = dev->inputs[0][INPUT_CONTACT].tracker.down_ms;
	switch (dev->clockset_stage) {
	case SET_SAID:
		r->action = ACTION_END;
		enter(dev, r, SCREEN_AMBIENT, r->t_ms);
		return;
	case SET_WAITING:
		r->action = ACTION_NONE;
		return;
	case SET_EDITING:
		break;
	}
	dev->screen_since_ms = r->t_ms; /* left alone counts from the last press */
	if (g == GESTURE_LONG) {
		if (clockset_next_field(&dev->clockset)) {
			r->action = ACTION_CLOCK_NEXT;
			return;
		}
		r->action = ACTION_CLOCK_CONFIRM;
		r->clock_to = dev->clockset.value;
		dev->clockset_stage = SET_WAITING;
		return;
	}
	r->action = ACTION_CLOCK_STEP;
	clockset_step(&dev->clockset,
		      g == GESTURE_DOUBLE || (dev->config.n_buttons > 1 && button == 1) ? -1 : 1);
}

void device_clock_result(struct device *dev, const struct clock_result *result, int64_t now_ms,
			 struct device_output *out)
{
	struct device_report *r = add_report(dev, out, now_ms, -1, GESTURE_NONE, ACTION_CLOCK_SET);

	if (!r)
		return;
	r->reason = clock_outcome_name(result->outcome);
	r->clock_changed = true;
	r->clock = *result;
	if (result->outcome == CLOCK_OUTCOME_SET && dev->clock != CLOCK_SYNCED)
		dev->clock = CLOCK_SET;
	if (dev->screen != SCREEN_CLOCKSET || dev->clockset_stage != SET_WAITING)
		return; /* the screen moved on meanwhile: only the log hears of it */
	dev->clockset_stage = SET_SAID;
	dev->clockset_outcome = result->outcome;
	dev->screen_since_ms = now_ms;
}

/* When the first button, held, opens the set-the-clock screen; -1 when it will not. */
static int64_t hold_deadline(const struct device *dev)
{
	const struct gesture_tracker *g = &dev->inputs[0][INPUT_CONTACT].tracker;

	if (dev->config.clockset_hold_ms <= 0 || dev->config.n_buttons < 1 || !g->down ||
	    g->down_ms == dev->clockset_hold_done || dev->screen == SCREEN_CLOCKSET)
		return -1;
	return g->down_ms + dev->config.clockset_hold_ms;
}

/* --- what a press does --- */

/* Carries out an action asked for by a button, where it means the same on every screen. */
static void perform(struct device *dev, struct device_report *r, int pattern)
{
	switch (r->action) {
	case ACTION_BREATHE:
	case ACTION_TOGETHER:
		start_session(dev, r,
			      r->action == ACTION_TOGETHER ? dev->config.together_pattern
							   : pattern);
		break;
	case ACTION_PROMPT:
		close_session(dev, r, SESSION_ENDED_EARLY);
		show_prompt(dev, r);
		break;
	case ACTION_END:
		close_session(dev, r, SESSION_ENDED_EARLY);
		dev->prompt = NULL;
		enter(dev, r, SCREEN_AMBIENT, r->t_ms);
		break;
	case ACTION_APPRECIATION:
		/* Left where it is; the clock shows it until the next press. */
		dev->appreciation_waiting = true;
		break;
	case ACTION_HISTORY:
		close_session(dev, r, SESSION_ENDED_EARLY);
		enter(dev, r, SCREEN_HISTORY, r->t_ms);
		break;
	case ACTION_WHO:
		/* everyone, then each member in turn, then everyone again */
		dev->member = dev->member + 1 < dev->config.n_members ? dev->member + 1 : -1;
		r->member = dev->member >= 0 ? dev->config.members[dev->member] : NULL;
		break;
	case ACTION_WAKE:
		/* Asked for on a lit screen: keep it lit a while, as a press in the dark would. */
		dev->sleeping = false;
		dev->awake_until = r->t_ms + dev->config.wake_ms;
		break;
	case ACTION_SOUND:
		/* On any screen, a session going on as before. */
		dev->sound = !dev->sound;
		break;
	case ACTION_SLEEP:
		close_session(dev, r, SESSION_ENDED_EARLY);
		dev->prompt = NULL;
		dev->sleeping = true;
		enter(dev, r, SCREEN_AMBIENT, r->t_ms);
		break;
	case ACTION_SETTIME:
		open_clockset(dev, r);
		break;
	default:
		break;
	}
}

/* One button answers by gesture, in this order; with more buttons, each button is an answer. */
static const enum gesture answer_gestures[] = {GESTURE_SHORT, GESTURE_LONG, GESTURE_DOUBLE};

/* How many answers can be given: one per button, or per gesture of the one button (a double
 * press only where that button waits for one). */
static int answers_offered(const struct device *dev)
{
	const struct device_config *c = &dev->config;
	int usable = c->n_buttons > 1 ? c->n_buttons : (c->buttons[0].on[GESTURE_DOUBLE] ? 3 : 2);

	return c->n_answers < usable ? c->n_answers : usable;
}

/* The answer a gesture gives to "How do you feel?", or -1. */
static int answer_for(const struct device *dev, int button, enum gesture g)
{
	int i = dev->config.n_buttons > 1 ? button
					  : (g == GESTURE_SHORT  ? 0
					     : g == GESTURE_LONG ? 1
								 : 2);

	return i < answers_offered(dev) ? i : -1;
}

/* A press on a session screen. A button whose gesture starts sessions is "the session button"
 * there: it answers, changes the length, pauses. Other actions keep their meaning. */
static bool session_press(struct device *dev, struct device_report *r, int button, enum gesture g)
{
	bool session_button = r->action == ACTION_BREATHE || r->action == ACTION_TOGETHER ||
			      r->action == ACTION_NONE;

	switch (dev->screen) {
	case SCREEN_CHECKIN: {
		int a = answer_for(dev, button, g);

		r->action = a < 0 ? ACTION_NONE : ACTION_CHECKIN;
		if (a < 0)
			return true;
		r->answer = dev->config.answers[a];
		r->answer_after = dev->checkin_after;
		if (dev->checkin_after)
			enter(dev, r, SCREEN_DONE, r->t_ms);
		else
			enter(dev, r, SCREEN_SETTLE, r->t_ms);
		return true;
	}
	case SCREEN_SETTLE:
		if (!session_button || g != GESTURE_SHORT)
			return false;
		r->action = ACTION_LENGTH;
		next_length(dev, r);
		return true;
	case SCREEN_BREATHE:
		if (!session_button || g != GESTURE_SHORT)
			return false;
		if (!dev->config.press_pauses) {
			r->action = ACTION_END;
			return false;
		}
		r->action = ACTION_PAUSE;
		dev->session.paused_since_ms = r->t_ms;
		enter(dev, r, SCREEN_PAUSED, r->t_ms);
		return true;
	case SCREEN_PAUSED:
		if (g == GESTURE_LONG) {
			r->action = ACTION_END;
			return false;
		}
		if (!session_button)
			return false;
		r->action = ACTION_RESUME;
		dev->session.paused_total_ms += r->t_ms - dev->session.paused_since_ms;
		enter(dev, r, SCREEN_BREATHE, r->t_ms);
		return true;
	case SCREEN_DONE:
		if (!session_button)
			return false;
		r->action = dev->config.offer_prompt ? ACTION_PROMPT : ACTION_END;
		return false;
	default:
		return false;
	}
}

static void on_gesture(struct device *dev, int button, enum gesture g, int64_t t_ms,
		       const char *source, struct device_output *out)
{
	const struct device_button *b = &dev->config.buttons[button];
	struct device_report *r = add_report(dev, out, t_ms, button, g, b->on[g]);

	if (!r)
		return;
	r->source = source[0] ? source : NULL;
	r->member = dev->member >= 0 ? dev->config.members[dev->member] : NULL;
	if (dev->member >= 0 || (b->on[g] == ACTION_WHO && dev->config.n_members > 0))
		dev->member_until = t_ms + dev->config.member_ms;
	if (screen_dark(dev, t_ms)) {
		/* In the dark the first press only wakes the screen. */
		r->action = ACTION_WAKE;
		if (dev->sleeping)
			dev->sleeping = false;
		else
			dev->awake_until = t_ms + dev->config.wake_ms;
		return;
	}
	if (dev->screen == SCREEN_CLOCKSET) {
		clockset_press(dev, r, button, g);
		return;
	}
	if (dev->screen == SCREEN_AMBIENT && dev->appreciation_waiting) {
		/* The next press first shows what was left for whoever comes by. */
		r->action = ACTION_SEEN;
		dev->appreciation_waiting = false;
		enter(dev, r, SCREEN_NOTE, t_ms);
		return;
	}
	if (dev->screen != SCREEN_AMBIENT && dev->screen != SCREEN_PROMPT &&
	    dev->screen != SCREEN_NOTE && dev->screen != SCREEN_HISTORY &&
	    session_press(dev, r, button, g))
		return;
	perform(dev, r, b->pattern[g] - 1);
}

/* --- time --- */

/* When the current screen moves on by itself, or -1. */
static int64_t screen_deadline(const struct device *dev)
{
	const struct device_config *c = &dev->config;
	const struct session *s = &dev->session;

	switch (dev->screen) {
	case SCREEN_BREATHE:
		return s->begun_ms + s->paused_total_ms + s->planned_ms;
	case SCREEN_PROMPT:
		return dev->screen_since_ms + c->prompt_ms;
	case SCREEN_CHECKIN:
		return dev->screen_since_ms + c->checkin_ms;
	case SCREEN_SETTLE:
		return dev->screen_since_ms + c->settle_ms;
	case SCREEN_PAUSED:
		return s->paused_since_ms + c->pause_ms;
	case SCREEN_DONE:
		return dev->screen_since_ms + c->done_ms;
	case SCREEN_NOTE:
		return dev->screen_since_ms + c->note_ms;
	case SCREEN_HISTORY:
		return dev->screen_since_ms + c->history_ms;
	case SCREEN_CLOCKSET:
		return dev->screen_since_ms +
		       (dev->clockset_stage == SET_SAID ? c->clockset_said_ms : c->clockset_ms);
	case SCREEN_AMBIENT:
	case SCREEN_COUNT:
		break;
	}
	return -1;
}

/* The current screen's time ran out at due. */
static void screen_timeout(struct device *dev, int64_t due, struct device_output *out)
{
	struct device_report *r;

	switch (dev->screen) {
	case SCREEN_SETTLE:
		begin_breathing(dev, due);
		out->changed = true;
		return;
	case SCREEN_CHECKIN:
		/* No answer: go on as if answered. */
		out->changed = true;
		if (dev->checkin_after)
			enter(dev, NULL, SCREEN_DONE, due);
		else
			enter(dev, NULL, SCREEN_SETTLE, due);
		return;
	case SCREEN_BREATHE:
		r = add_report(dev, out, due, -1, GESTURE_NONE, ACTION_DONE);
		if (!r)
			return;
		r->reason = "session complete";
		finish_session(dev, r);
		return;
	default:
		r = add_report(dev, out, due, -1, GESTURE_NONE, ACTION_AMBIENT);
		if (!r)
			return;
		r->reason = "idle";
		close_session(dev, r, SESSION_INTERRUPTED);
		dev->prompt = NULL;
		enter(dev, r, SCREEN_AMBIENT, due);
		return;
	}
}

int64_t device_deadline(const struct device *dev)
{
	int64_t due = deadline_earlier(deadline_earlier(screen_deadline(dev), dev->awake_until),
				       dev->member_until);

	due = deadline_earlier(due, hold_deadline(dev));

	for (int i = 0; i < dev->config.n_buttons; i++)
		for (int k = 0; k < INPUT_KINDS; k++)
			due = deadline_earlier(due, gesture_deadline(&dev->inputs[i][k].tracker));
	return due;
}

void device_tick(struct device *dev, int64_t now_ms, struct device_output *out)
{
	/* Handle what fell due in time order, each at its own due time, so that a late tick
	 * gives the same result as a punctual one. */
	for (;;) {
		int64_t due = device_deadline(dev);
		bool gesture_due = false;

		if (due < 0 || due > now_ms)
			return;
		/* Presses first: a press at the same moment as a timeout was made before it. */
		for (int i = 0; i < dev->config.n_buttons; i++) {
			for (int k = 0; k < INPUT_KINDS; k++) {
				struct recogniser *in = &dev->inputs[i][k];

				if (gesture_deadline(&in->tracker) != due)
					continue;
				enum gesture g = gesture_tick(&in->tracker, due);

				gesture_due = true;
				if (g != GESTURE_NONE)
					on_gesture(dev, i, g, due, in->source, out);
			}
		}
		if (gesture_due)
			continue;
		if (due == hold_deadline(dev)) {
			/* Held on and on: the set-the-clock screen, whatever the hold did before.
			 */
			struct device_report *r =
				add_report(dev, out, due, 0, GESTURE_LONG, ACTION_SETTIME);

			dev->clockset_hold_done = dev->inputs[0][INPUT_CONTACT].tracker.down_ms;
			if (r)
				open_clockset(dev, r);
			continue;
		}
		if (due == dev->awake_until) {
			dev->awake_until = -1; /* dark again, if it is still night */
			out->changed = true;
			continue;
		}
		if (due == dev->member_until) {
			dev->member_until = -1; /* nobody pressed for a while: everyone again */
			dev->member = -1;
			out->changed = true;
			continue;
		}
		screen_timeout(dev, due, out);
	}
}

void device_edge_from(struct device *dev, int button, bool down, int64_t t_ms, const char *source,
		      struct device_output *out)
{
	struct recogniser *in;
	enum gesture g;

	if (button < 0 || button >= dev->config.n_buttons)
		return;
	in = &dev->inputs[button][source && strcmp(source, PRESS_SOURCE_TOUCH) == 0
					  ? INPUT_TOUCH
					  : INPUT_CONTACT];
	device_tick(dev, t_ms, out);
	/* A gesture that completes later (a short press after its double window) is the press
	 * that began it: the source of its first edge down. */
	if (down && !in->tracker.raw_down)
		snprintf(in->source, sizeof(in->source), "%s", source ? source : "");
	g = gesture_edge(&in->tracker, down, t_ms);
	if (g != GESTURE_NONE)
		on_gesture(dev, button, g, t_ms, in->source, out);
}

void device_edge(struct device *dev, int button, bool down, int64_t t_ms, struct device_output *out)
{
	device_edge_from(dev, button, down, t_ms, NULL, out);
}

void device_open(struct device *dev, enum screen screen, int pattern, int64_t now_ms,
		 struct device_output *out)
{
	struct device_report *r;

	if ((unsigned)screen >= SCREEN_COUNT)
		return;
	r = add_report(dev, out, now_ms, -1, GESTURE_NONE, ACTION_END);
	if (!r)
		return;
	r->reason = "start";
	switch (screen) {
	case SCREEN_AMBIENT:
		perform(dev, r, -1);
		return;
	case SCREEN_NOTE:
	case SCREEN_HISTORY:
		enter(dev, r, screen, now_ms);
		return;
	case SCREEN_CLOCKSET:
		r->action = ACTION_SETTIME;
		perform(dev, r, -1);
		return;
	case SCREEN_PROMPT:
		r->action = ACTION_PROMPT;
		perform(dev, r, -1);
		return;
	default:
		break;
	}
	r->action = ACTION_BREATHE;
	start_session(dev, r, pattern);
	if (!dev->in_session)
		return;
	switch (screen) {
	case SCREEN_CHECKIN:
		dev->checkin_after = false;
		enter(dev, r, SCREEN_CHECKIN, now_ms);
		break;
	case SCREEN_SETTLE:
		enter(dev, r, SCREEN_SETTLE, now_ms);
		break;
	case SCREEN_PAUSED:
		/* A typical pause: halfway into the first in-breath. */
		begin_breathing(dev, now_ms - 2750);
		dev->session.paused_since_ms = now_ms;
		enter(dev, r, SCREEN_PAUSED, now_ms);
		break;
	case SCREEN_DONE:
		dev->in_session = false;
		enter(dev, r, SCREEN_DONE, now_ms);
		break;
	default:
		begin_breathing(dev, now_ms);
		r->screen_after = SCREEN_BREATHE;
		break;
	}
}

/* The same prompt all day, another the next: the day number, well mixed, picks it. Only a shared
 * prompt for the household's audiences and pathways: the clock is read by whoever walks past.
 * None when there is no such prompt, never another kind. */
static const struct prompt *prompt_of_the_day(const struct device *dev, int64_t local_ms)
{
	const struct device_config *c = &dev->config;
	size_t count = dev->deck ? deck_count(dev->deck) : 0;
	size_t eligible = 0, k;
	uint64_t x;

	if (local_ms < 0 || dev->clock == CLOCK_UNKNOWN)
		return NULL;
	for (size_t i = 0; i < count; i++)
		eligible += prompt_for_the_clock(deck_get(dev->deck, i), c->prompt_audiences,
						 c->prompt_pathways);
	if (eligible == 0)
		return NULL;
	x = (uint64_t)(local_ms / 86400000) * 0x9e3779b97f4a7c15ull;
	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 29;
	k = (size_t)(x % eligible);
	/* The k-th prompt this household's settings let in. */
	for (size_t i = 0; i < count; i++) {
		const struct prompt *p = deck_get(dev->deck, i);

		if (prompt_for_the_clock(p, c->prompt_audiences, c->prompt_pathways) && k-- == 0)
			return p;
	}
	return NULL;
}

struct device_view device_view(const struct device *dev, int64_t now_ms)
{
	struct device_view v = {0};
	int64_t due = screen_deadline(dev);

	v.screen = dev->screen;
	v.prompt = dev->prompt;
	v.fade = 1.0;
	v.checkin_after = dev->checkin_after;
	if (dev->screen == SCREEN_CHECKIN) {
		v.n_answers = answers_offered(dev);
		v.answers_by_button = dev->config.n_buttons > 1;
		for (int i = 0; i < v.n_answers; i++)
			v.answers[i] = (struct device_answer){
				.text = dev->config.answers[i],
				.button = v.answers_by_button ? i : 0,
				.gesture = v.answers_by_button ? GESTURE_SHORT : answer_gestures[i],
			};
	}
	v.resume_gesture = GESTURE_SHORT;
	v.stop_gesture = GESTURE_LONG;
	v.screen_elapsed_ms = now_ms - dev->screen_since_ms;
	v.screen_left_ms = due < 0 ? -1 : (due > now_ms ? due - now_ms : 0);
	v.local_ms = device_local_ms(dev, now_ms);
	v.night = is_night(dev, now_ms);
	v.screen_off = screen_dark(dev, now_ms);
	v.brightness = v.screen_off ? 0
		       : v.night    ? dev->config.night_brightness
				    : dev->config.day_brightness;
	v.sound_on = dev->sound;
	v.appreciation_waiting = dev->appreciation_waiting;
	v.member = dev->member;
	v.daily = prompt_of_the_day(dev, v.local_ms);
	v.clock = dev->clock;
	if (dev->screen == SCREEN_CLOCKSET) {
		v.clockset = dev->clockset;
		v.clockset_waiting = dev->clockset_stage == SET_WAITING;
		v.clockset_said = dev->clockset_stage == SET_SAID;
		v.clockset_outcome = dev->clockset_outcome;
	}
	if (dev->screen == SCREEN_AMBIENT || dev->screen == SCREEN_PROMPT ||
	    dev->screen == SCREEN_NOTE || dev->screen == SCREEN_HISTORY ||
	    dev->screen == SCREEN_CLOCKSET)
		return v;
	v.pattern = &dev->session.pattern;
	v.session_ms = dev->session.planned_ms;
	/* A pattern counted in breaths (4-7-8), until someone picks a length in minutes. */
	v.session_breaths = dev->session.minutes == 0 ? dev->session.pattern.cycles : 0;
	v.session_elapsed_ms = breathed_ms(dev, now_ms);
	v.breath = breath_phase_at(&dev->session.pattern, dev->session.pattern.ramp_ms,
				   v.session_elapsed_ms);
	/* Heard while breathing; a pause, the settling in and the end are quiet. */
	if (dev->sound && dev->screen == SCREEN_BREATHE)
		v.sound_volume =
			v.night ? dev->config.night_sound_volume : dev->config.sound_volume;
	/* The light follows the same breath as the picture, while breathing only. */
	if (dev->screen == SCREEN_BREATHE)
		v.light = breath_light(v.breath.size, v.night ? dev->config.night_light_brightness
							      : dev->config.light_brightness);
	if (dev->session.pattern.fade && v.session_ms > 0) {
		double progress = (double)v.session_elapsed_ms / (double)v.session_ms;

		v.fade = 1.0 - 0.65 * (progress > 1.0 ? 1.0 : progress);
	}
	return v;
}
