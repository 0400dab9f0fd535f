/* SPDX-License-Identifier: MIT */
/* The app on a screen: one event loop that sleeps until something can change, then lets the
 * device act on what happened and draws what it shows. */
#include <stdlib.h>
#include <string.h>

#include "backlight.h"
#include "clockwatch.h"
#include "deadline.h"
#include "diag.h"
#include "display.h"
#include "events.h"
#include "notify.h"
#include "pwmlight.h"
#include "reload.h"
#include "sound.h"

#include "app.h"

/* Everything the loop runs with, opened in order by start() and closed by stop(). */
struct onscreen {
	struct display *display;
	struct input *input;
	struct backlight *backlight;
	struct notify *notify;    /* systemd: ready, the watchdog, reloading, stopping */
	struct clockwatch *clock; /* tells when the wall clock is set; NULL: not to be had */
	struct sound *sound;      /* the breath heard (opens its audio device only then) */
	struct pwmlight *light;   /* the breathing light, where one is wired */
	int64_t exit_at;          /* --exit-after, or -1 */
	int64_t last_frame;
	bool dirty;
	int64_t press_known_ms;  /* a press the screen has yet to answer: when it was known; -1
				    when none (its way to the screen goes to the debug log) */
	int64_t press_logged_ms; /* ...and when its rows were committed */
};

static int64_t ms_to_next_minute(const struct app *app, int64_t mono_ms)
{
	int64_t wall_ms = app_wall_now_ms(app, mono_ms);

	return 60000 - wall_ms % 60000;
}

/* The screen's backlight, where the kernel offers one we may set; says which, once. */
static struct backlight *open_backlight(void)
{
	char msg[600];
	struct backlight *b = backlight_open("/sys/class/backlight", msg, sizeof(msg));

	if (b)
		diag_info("backlight: %s (day and night brightness set there)", backlight_path(b));
	else if (msg[0])
		diag_warn("%s; night dims by colour alone", msg);
	else
		diag_info("no backlight control found: night dims by colour alone");
	return b;
}

/* Notes the first press among reports just recorded that the screen has yet to show. */
static void note_press(struct onscreen *on, const struct device_output *out)
{
	for (int i = 0; i < out->n && on->press_known_ms < 0; i++) {
		if (out->reports[i].button >= 0) {
			on->press_known_ms = out->reports[i].t_ms;
			on->press_logged_ms = mono_now_ms();
		}
	}
}

/* Called on the thread that asked timedated, when its answer is in. */
static void wake_loop(void *input)
{
	input_wake(input);
}

/* Keys and touches as the settings say (at start and after a reload). */
static void set_up_input(struct app *app, struct onscreen *on)
{
	struct keymap keys;

	app_make_keymap(&app->cfg, &keys);
	input_set_keys(on->input, &keys);
	input_set_touch(on->input, app->cfg.touch_use != TOUCH_USE_NO, app->cfg.rotation,
			app->cfg.touch_zones);
}

/* Lets the device act on an event; false when it asks to quit. */
static bool handle_event(struct app *app, struct onscreen *on, const struct input_event *ev)
{
	struct device_output out = {0};
	int64_t now = mono_now_ms();

	switch (ev->kind) {
	case INPUT_QUIT:
		return false;
	case INPUT_REDRAW:
		on->dirty = true;
		break;
	case INPUT_EDGE:
		diag_debug("button %d %s (%s) at %lld ms, %lld ms before the loop took it",
			   ev->button + 1, ev->down ? "down" : "up", ev->source,
			   (long long)ev->t_ms, (long long)(now - ev->t_ms));
		/* Judged by when it happened: a busy frame or a slow commit never lengthens it. */
		device_edge_from(app->dev, ev->button, ev->down, ev->t_ms, ev->source, &out);
		app_record(app, &out, now, false);
		app_set_wall_clock(app, &out, now, false);
		note_press(on, &out);
		on->dirty |= out.changed;
		break;
	}
	return true;
}

/* Handles every event already queued; false when one asks to quit. */
static bool drain_events(struct app *app, struct onscreen *on)
{
	struct input_event ev;

	while (input_next(on->input, &ev))
		if (!handle_event(app, on, &ev))
			return false;
	return true;
}

static int start(struct app *app, struct onscreen *on)
{
	struct display_setup setup = {.width = app->cfg.width,
				      .height = app->cfg.height,
				      .fullscreen = app->cfg.fullscreen,
				      .render = app_render_setup(app)};
	struct gpio_wiring wiring;
	char msg[1024];

	on->display = display_open(&setup, msg, sizeof(msg));
	if (!on->display) {
		diag_error("%s", msg);
		return 1;
	}
	on->input = input_open(display_driver(on->display));
	if (!on->input) {
		diag_errno(DIAG_ERROR, "cannot set up waiting for input");
		return 1;
	}
	on->notify = notify_open();
	if (notify_watchdog_ms(on->notify) > 0)
		diag_debug("systemd's watchdog: every %lld ms",
			   (long long)notify_watchdog_ms(on->notify));
	signals_catch(on->input);
	app->clock_wake = wake_loop;
	app->clock_wake_user = on->input;
	display_describe(on->display, msg, sizeof(msg));
	diag_info("running on %s%s", msg,
		  input_sleeps_in_poll(on->input) ? ", sleeping in poll() between events" : "");
	config_wiring(&app->cfg, &wiring);
	input_start_gpio(on->input, &wiring, app->cfg.gpio_use);
	set_up_input(app, on);
	if (app->cfg.touch_use == TOUCH_USE_YES && !input_touch_screen_found())
		diag_warn("[touch] enabled = yes, but no touch screen is found: check its cable "
			  "and driver; a mouse click still works as a tap");
	on->backlight = open_backlight();
	on->clock = clockwatch_open();
	if (on->clock)
		input_watch(on->input, clockwatch_fd(on->clock));
	else
		diag_errno(DIAG_WARN,
			   "the clock on screen follows a change of the time only at the "
			   "next minute");
	on->sound = sound_new();
	on->light =
		pwmlight_start("/sys/class/pwm", app->cfg.light_enabled ? app->cfg.light_chip : -1,
			       app->cfg.light_channel);
	return 0;
}

static void stop(struct onscreen *on)
{
	signals_release();
	clockwatch_close(on->clock);
	notify_close(on->notify);
	sound_free(on->sound);
	pwmlight_close(on->light);
	backlight_close(on->backlight);
	input_close(on->input);
	display_close(on->display);
}

/* Draws the device's view when something changed or an animation is due. */
static void draw(struct app *app, struct onscreen *on, const struct device_view *view, int64_t now)
{
	int frame_ms = render_frame_interval_ms(display_render(on->display), view);
	char msg[512];

	if (on->backlight && backlight_set(on->backlight, view->brightness, msg, sizeof(msg)) != 0)
		diag_warn("%s", msg);
	sound_follow(on->sound, view, now);
	pwmlight_follow(&on->light, view->light);
	if (frame_ms > 0 && now - on->last_frame >= frame_ms)
		on->dirty = true;
	on->dirty |= display_power(on->display, view->screen_off);
	if (!on->dirty)
		return;
	struct tm local;
	struct render_scene scene = {.view = view,
				     .device = &app->dcfg,
				     .week = app_week_for(app, view, now),
				     .local = &local,
				     .clock_24h = app->cfg.clock_24h,
				     .log_trouble = app->log_trouble};

	app_local_time(app, now, &local);
	display_show(on->display, &scene);
	if (on->press_known_ms >= 0) {
		diag_debug("a press known at %lld ms was in the log %lld ms later and on screen "
			   "%lld ms later",
			   (long long)on->press_known_ms,
			   (long long)(on->press_logged_ms - on->press_known_ms),
			   (long long)(mono_now_ms() - on->press_known_ms));
		on->press_known_ms = -1;
	}
	notify_ready(on->notify, now); /* the first frame is on screen */
	on->last_frame = now;
	on->dirty = false;
}

/* When the loop must wake next: a frame, a gesture or screen timeout, a retry of held rows,
 * the next minute on the clock, the watchdog, or the end of the run; -1 for never. */
static int64_t next_wake(struct app *app, struct onscreen *on, const struct device_view *view,
			 int64_t now)
{
	int frame_ms = render_frame_interval_ms(display_render(on->display), view);
	int64_t wake = deadline_earlier(device_deadline(app->dev), on->exit_at);

	if (app->log)
		wake = deadline_earlier(wake, logqueue_deadline(app->log));
	if (frame_ms > 0)
		wake = deadline_earlier(wake, on->last_frame + frame_ms);
	if (view->screen == SCREEN_AMBIENT)
		wake = deadline_earlier(wake, now + ms_to_next_minute(app, now));
	wake = deadline_earlier(wake, sound_deadline(on->sound));
	/* systemd's watchdog wants to hear from the loop even on an idle clock. */
	return deadline_earlier(wake, notify_deadline(on->notify));
}

/* One pass: events first (a release already queued must not let the tick call the press
 * long), then the device's own time, then the frame. Returns false when the run is over. */
static bool run_once(struct app *app, struct onscreen *on)
{
	int64_t now = mono_now_ms();
	struct device_output out = {0};
	struct device_view view;
	struct input_event ev;
	bool trouble = app->log_trouble;
	int64_t wake;

	if (!drain_events(app, on) || signals_quit_asked())
		return false;
	/* How setting the clock went, once timedated has answered (it woke the loop). */
	on->dirty |= app_take_clock_answer(app, now, false);
	/* The time was set (network time, by hand): the clock and the night follow now. */
	if (clockwatch_stepped(on->clock)) {
		on->dirty = true;
		app->clock_checked_ms = now - 60000; /* and whether it can be trusted, at once */
	}
	notify_tick(on->notify, now);
	/* A reload waits for the clock screen with no press under way: a session or a prompt is
	 * never cut short, and a press never lost. */
	if (device_at_rest(app->dev) && signals_take_reload()) {
		notify_reloading(on->notify);
		reload_settings(app, display_render(on->display));
		set_up_input(app, on);
		on->dirty = true;
	}
	app_tell_local_time(app, now);
	/* Whether the clock can be trusted changes seldom (a sync, a hand), and a sync sets the
	 * clock (seen above): otherwise once a minute is soon enough, and the clock screen wakes
	 * once a minute anyway. */
	if (now - app->clock_checked_ms >= 60000)
		on->dirty |= app_tell_clock_state(app, now);
	device_tick(app->dev, now, &out);
	app_record(app, &out, now, false);
	app_set_wall_clock(app, &out, now, false);
	note_press(on, &out);
	/* The discreet mark comes and goes with the log's trouble. */
	on->dirty |= out.changed || trouble != app->log_trouble;
	view = device_view(app->dev, now);
	draw(app, on, &view, now);
	if (on->exit_at >= 0 && now >= on->exit_at)
		return false;
	wake = next_wake(app, on, &view, now);
	if (input_wait(on->input,
		       wake < 0      ? -1
		       : wake <= now ? 0
				     : (int)(wake - now > 60000 ? 60000 : wake - now),
		       &ev) &&
	    !handle_event(app, on, &ev))
		return false;
	/* A minute boundary on the ambient clock needs a redraw. */
	if (view.screen == SCREEN_AMBIENT &&
	    ms_to_next_minute(app, mono_now_ms()) > ms_to_next_minute(app, now))
		on->dirty = true;
	return true;
}

int window_run(struct app *app)
{
	int64_t start_ms = mono_now_ms();
	struct onscreen on = {.dirty = true, .press_known_ms = -1};
	int ret;

	on.exit_at = app->opt.exit_after_s > 0
			     ? start_ms + (int64_t)(app->opt.exit_after_s * 1000.0 + 0.5)
			     : -1;
	if (app_fix_wall_clock(app, start_ms) != 0)
		return EXIT_USAGE;
	if (app_load_deck(app) != 0 || app_make_device(app) != 0)
		return 1;
	app_open_log(app, false);
	app_restore_from_log(app);
	app_tell_clock_state(app, start_ms);
	ret = start(app, &on);
	if (ret == 0) {
		if (app->opt.start_screen >= 0) {
			struct device_output out = {0};

			device_open(app->dev, (enum screen)app->opt.start_screen, app->pattern,
				    start_ms, &out);
			app_record(app, &out, start_ms, false);
		}
		while (run_once(app, &on))
			;
	}
	app_drop_clock_call(app); /* before the loop it would wake is gone */
	stop(&on);
	return ret;
}
