/* The app on a screen: the window or console, one event loop that sleeps until something
 * can change, keys and GPIO buttons, the backlight, and reloading the settings on SIGHUP. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <glob.h>
#include <signal.h>
#include <unistd.h>

#include "backlight.h"
#include "deadline.h"
#include "dpms.h"
#include "gpio.h"
#include "diag.h"
#include "notify.h"
#include "pwmlight.h"
#include "sound.h"

#include "app.h"

/* At boot the service can start before /dev/dri/card* is there, or before udev has given the
 * video group its access to it: on the console, give it a few seconds rather than fail and
 * wait for systemd's restart. */
static void wait_for_drm(void)
{
	const char *driver = getenv("SDL_VIDEODRIVER");

	if (!driver || strcmp(driver, "kmsdrm") != 0)
		return;
	/* udev hands the device to the video group during its first pass over the devices, which
	 * can take a while on a slow machine; 30 s is still better than a failed start. In a VM
	 * under TCG this was not always enough (one of three boots still failed once and started
	 * on systemd's restart), so the cause there may be another. */
	for (int tries = 0; tries < 150; tries++) {
		glob_t found;
		bool usable = false;

		if (glob("/dev/dri/card*", 0, NULL, &found) == 0)
			for (size_t i = 0; i < found.gl_pathc && !usable; i++)
				usable = access(found.gl_pathv[i], R_OK | W_OK) == 0;
		globfree(&found);
		if (usable) {
			if (tries > 0)
				diag_info("the screen's device is ready after %d ms", tries * 200);
			return;
		}
		if (tries == 0)
			diag_info("waiting for the screen's device (/dev/dri/card*) to be there and "
				 "ours");
		SDL_Delay(200);
	}
}

/* Which configured button a key stands for, or -1. */
static int key_button(SDL_Keycode key)
{
	switch (key) {
	case SDLK_SPACE:
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_1:
		return 0;
	case SDLK_2:
		return 1;
	case SDLK_3:
		return 2;
	default:
		return -1;
	}
}

static int64_t ms_to_next_minute(const struct app *app, int64_t mono_ms)
{
	struct timespec ts;
	int64_t wall_ms;

	if (app->wall_fixed) {
		wall_ms = app->wall_base_utc * 1000 + (mono_ms - app->wall_base_mono);
	} else {
		clock_gettime(CLOCK_REALTIME, &ts);
		wall_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	}
	return 60000 - wall_ms % 60000;
}

/* Handles one SDL event; returns false when the user asked to quit. */
static bool handle_event(struct app *app, const SDL_Event *ev, bool *dirty)
{
	struct device_output out = {0};
	int64_t now = mono_now_ms();
	int button;

	switch (ev->type) {
	case SDL_QUIT:
		return false;
	case SDL_KEYDOWN:
	case SDL_KEYUP:
		if (ev->key.keysym.sym == SDLK_ESCAPE)
			return false;
		if (ev->key.repeat)
			break;
		button = key_button(ev->key.keysym.sym);
		if (button < 0)
			break;
		device_edge(app->dev, button, ev->type == SDL_KEYDOWN, now, &out);
		app_record(app, &out, now, false);
		*dirty |= out.changed;
		break;
	case SDL_WINDOWEVENT:
		*dirty = true;
		break;
	default: {
		bool down;
		int64_t t_ms;

		/* A GPIO edge, at the time the kernel saw it: a busy frame never lengthens it. */
		if (!gpioevent_read(&app->buttons, ev, &button, &down, &t_ms))
			break;
		device_edge(app->dev, button, down, t_ms, &out);
		app_record(app, &out, now, false);
		*dirty |= out.changed;
		break;
	}
	}
	return true;
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

/* Waits up to timeout_ms (-1: no limit) for an event. Where SDL's driver cannot sleep by
 * itself (KMSDRM, dummy), waiter is set and the sleeping happens in poll() instead. */
static bool wait_for_event(struct idlewait *waiter, int timeout_ms, SDL_Event *ev)
{
	if (!waiter)
		return timeout_ms < 0 ? SDL_WaitEvent(ev) : SDL_WaitEventTimeout(ev, timeout_ms);
	if (SDL_PollEvent(ev))
		return true;
	idlewait_sleep(waiter, timeout_ms);
	return SDL_PollEvent(ev);
}

/* Watches the buttons' GPIO lines, if any. Never stops the app: without GPIO the keyboard is
 * the buttons, and a problem is one log line saying what to check. */
static struct gpio *start_gpio(struct app *app, struct idlewait *waiter)
{
	enum gpio_status status;
	enum diag_level level;
	struct gpio_wiring wiring;
	struct gpio *gpio;
	char msg[1024], what[256];

	if (app->cfg.gpio_use == GPIO_USE_NO)
		return NULL;
	if (!gpioevent_init(&app->buttons, waiter)) {
		diag_error("GPIO buttons are off: SDL has no user event type left for them");
		return NULL;
	}
	config_wiring(&app->cfg, &wiring);
	gpio = gpio_open(&wiring, gpioevent_push, &app->buttons, &status, msg, sizeof(msg));
	if (status != GPIO_OK) {
		/* No chip at all is a desktop, unless the settings say GPIO is expected. */
		if (app->cfg.gpio_use == GPIO_USE_YES)
			level = DIAG_ERROR;
		else
			level = status == GPIO_NO_CHIP ? DIAG_INFO : DIAG_WARN;
		diag_msg(level, "GPIO buttons: %s; %s", msg,
			gpio ? "the other buttons work"
			     : "using the keyboard instead (Space or Enter, 1 to 3)");
	}
	if (gpio) {
		gpio_describe(gpio, what, sizeof(what));
		diag_info("GPIO buttons (libgpiod %s): %s", gpio_library_version(), what);
	}
	return gpio;
}

/* SIGHUP (systemctl reload) asks for the settings and prompt decks to be read again. The
 * handler only notes it and wakes the loop from its poll() sleep (idlewait_wake() is one
 * write() to a pipe); where SDL sleeps by itself (a desktop) the next wake-up sees it. */
static volatile sig_atomic_t hangup_requested;
static struct idlewait *hangup_waiter;

static void on_hangup(int sig)
{
	int saved_errno = errno;

	(void)sig;
	hangup_requested = 1;
	if (hangup_waiter)
		idlewait_wake(hangup_waiter);
	errno = saved_errno;
}

/* on: SIGHUP asks for a reload (waking waiter, if any); off: SIGHUP's default comes back. */
static void catch_hangup(bool on, struct idlewait *waiter)
{
	struct sigaction sa = {.sa_handler = on ? on_hangup : SIG_DFL};

	sigemptyset(&sa.sa_mask);
	if (!on)
		sigaction(SIGHUP, &sa, NULL);
	hangup_waiter = waiter;
	if (on)
		sigaction(SIGHUP, &sa, NULL);
}

/* Whether a reload changed what is only set up at the start: the window, the font, the
 * log's place and retention, the GPIO lines. */
static bool needs_restart(const struct config *was, const struct config *now)
{
	if (was->width != now->width || was->height != now->height ||
	    was->fullscreen != now->fullscreen || strcmp(was->font, now->font) != 0 ||
	    strcmp(was->database, now->database) != 0 || was->log_keep_days != now->log_keep_days ||
	    was->gpio_use != now->gpio_use || was->n_buttons != now->n_buttons)
		return true;
	for (int i = 0; i < now->n_buttons; i++) {
		const struct button_gpio *a = &was->gpio[i], *b = &now->gpio[i];

		if (strcmp(a->line, b->line) != 0 || strcmp(a->chip, b->chip) != 0 ||
		    a->offset != b->offset || a->active_low != b->active_low ||
		    a->bias != b->bias || a->debounce_ms != b->debounce_ms)
			return true;
	}
	return false;
}

/* Reads the settings and the prompt decks again and starts a fresh device on them (called
 * on the clock screen, so no session is cut short). Any problem keeps what was running. */
static void reload_settings(struct app *app, struct render *render)
{
	struct config *was = malloc(sizeof(*was));
	struct device_config *was_device = malloc(sizeof(*was_device));
	struct deck *was_deck = app->deck;
	struct device *was_dev = app->dev;
	int was_pattern = app->pattern;

	if (!was || !was_device) {
		diag_error("out of memory: the settings were not read again");
		goto free_copies;
	}
	*was = app->cfg;
	*was_device = app->dcfg;
	if (app_load_config(app) != 0) {
		diag_error("the settings were not read again (problems above): the ones running "
			  "stay");
		goto restore;
	}
	if (app_load_deck(app) != 0)
		goto restore;
	if (app_make_device(app) != 0)
		goto free_deck;
	device_free(was_dev);
	deck_free(was_deck);
	render_set_ambient(render, app->cfg.ambient_glow, app->cfg.ambient_drift);
	render_set_rotation(render, app->cfg.rotation);
	diag_info("settings and prompts read again%s",
		 needs_restart(was, &app->cfg)
			 ? "; the window, font, log and GPIO settings wait for a restart"
			 : "");
	goto free_copies;

free_deck:
	deck_free(app->deck);
restore:
	app->cfg = *was;
	app->dcfg = *was_device;
	app->pattern = was_pattern;
	app->deck = was_deck;
	app->dev = was_dev;
free_copies:
	free(was_device);
	free(was);
}

int window_run(struct app *app)
{
	SDL_Window *window = NULL;
	SDL_Renderer *sdl = NULL;
	struct render *render = NULL;
	struct idlewait *waiter = NULL;
	struct backlight *backlight = NULL;
	struct gpio *gpio = NULL;
	struct notify *notify = NULL; /* systemd: ready, the watchdog, reloading, stopping */
	struct sound *sound = NULL;   /* the breath heard (opens its device only then) */
	struct pwmlight *light = NULL; /* the breathing light, where one is wired */
	struct dpms *dpms = NULL;      /* the console's screen really off, where it can be */
	int64_t start = mono_now_ms();
	int64_t exit_at = app->opt.exit_after_s > 0
				  ? start + (int64_t)(app->opt.exit_after_s * 1000.0 + 0.5)
				  : -1;
	int64_t last_frame = 0;
	bool dirty = true, running = true;
	Uint32 flags = SDL_WINDOW_SHOWN;
	char msg[512];
	int ret = 1;

	if (app_fix_wall_clock(app, start) != 0)
		return EXIT_USAGE;
	if (app_load_deck(app) != 0 || app_make_device(app) != 0)
		return 1;
	app_open_log(app, false);
	app_restore_from_log(app);
	wait_for_drm();
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		diag_error("cannot open a display (SDL video driver '%s'): %s. On a desktop, run it "
			  "inside the graphical session; on a console, check that /dev/dri/card* "
			  "exists and that this user is in the video and render groups.",
			  getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "auto",
			  SDL_GetError());
		return 1;
	}
	if (app->cfg.fullscreen)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	window = SDL_CreateWindow("calm-prompt", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				  app->cfg.width, app->cfg.height, flags);
	if (!window) {
		diag_error("cannot open a window on the '%s' video driver: %s",
			  SDL_GetCurrentVideoDriver(), SDL_GetError());
		goto quit_video;
	}
	/* On the console, SDL's first choice (desktop OpenGL) may draw nothing where only GLES is
	 * there (seen in a VM); a Pi's GPU speaks GLES2. SDL falls back if it cannot. */
	if (strcmp(SDL_GetCurrentVideoDriver(), "kmsdrm") == 0)
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
	sdl = SDL_CreateRenderer(window, -1, 0);
	if (!sdl) {
		diag_error("cannot draw on the window: %s", SDL_GetError());
		goto destroy_window;
	}
	render = app_make_render(app, sdl);
	if (!render)
		goto destroy_renderer;
	if (app->cfg.fullscreen)
		SDL_ShowCursor(SDL_DISABLE);
	if (!idlewait_driver_sleeps(SDL_GetCurrentVideoDriver())) {
		waiter = idlewait_new();
		if (!waiter) {
			diag_errno(DIAG_ERROR, "cannot set up waiting for input");
			goto free_render;
		}
	}
	notify = notify_open(start);
	if (notify_watchdog_ms(notify) > 0)
		diag_debug("systemd's watchdog: every %lld ms",
			  (long long)notify_watchdog_ms(notify));
	catch_hangup(true, waiter);
	{
		SDL_RendererInfo info = {0};
		int w = 0, h = 0;

		SDL_GetRendererInfo(sdl, &info);
		SDL_GetRendererOutputSize(sdl, &w, &h);
		diag_info("running on the '%s' video driver with the '%s' renderer, %dx%d%s",
			 SDL_GetCurrentVideoDriver(), info.name ? info.name : "?", w, h,
			 waiter ? ", sleeping in poll() between events" : "");
	}
	dpms = dpms_open(window);
	gpio = start_gpio(app, waiter);
	backlight = open_backlight();
	sound = sound_new();
	light = pwmlight_start("/sys/class/pwm", app->cfg.light_chip, app->cfg.light_channel);
	if (app->opt.start_screen >= 0) {
		struct device_output out = {0};

		device_open(app->dev, (enum screen)app->opt.start_screen, app->pattern, start,
			    &out);
		app_record(app, &out, start, false);
	}

	while (running) {
		int64_t now = mono_now_ms();
		struct device_output out = {0};
		struct device_view view;
		int64_t wake, frame_ms;
		SDL_Event ev;

		bool trouble = app->log_trouble;

		notify_tick(notify, now);
		/* A reload waits for the clock screen: a session or a prompt is never cut short. */
		if (hangup_requested && device_view(app->dev, now).screen == SCREEN_AMBIENT) {
			hangup_requested = 0;
			notify_reloading(notify);
			reload_settings(app, render);
			dirty = true;
		}
		app_tell_local_time(app, now);
		device_tick(app->dev, now, &out);
		app_record(app, &out, now, false);
		/* The discreet mark comes and goes with the log's trouble. */
		dirty |= out.changed || trouble != app->log_trouble;
		view = device_view(app->dev, now);
		if (backlight && backlight_set(backlight, view.brightness, msg, sizeof(msg)) != 0)
			diag_warn("%s", msg);
		sound_follow(sound, &view, now);
		pwmlight_follow(&light, view.light);
		frame_ms = render_frame_interval_ms(render, &view);
		if (frame_ms > 0 && now - last_frame >= frame_ms)
			dirty = true;
		dirty |= dpms_follow(dpms, view.screen_off);
		if (dirty && !dpms_is_off(dpms)) {
			struct tm local;
			struct render_scene scene = {.view = &view,
						     .device = &app->dcfg,
						     .week = app_week_for(app, &view, now),
						     .local = &local,
						     .clock_24h = app->cfg.clock_24h,
						     .log_trouble = app->log_trouble};

			app_local_time(app, now, &local);
			render_frame(render, &scene);
			SDL_RenderPresent(sdl);
			notify_ready(notify); /* the first frame is on screen */
			last_frame = now;
			dirty = false;
		} else if (dpms_is_off(dpms)) {
			notify_ready(notify); /* dark from the start: ready all the same */
		}
		/* Sleep until something can change: a frame, a gesture or screen timeout, the
		 * next minute on the clock, or the end of the run. */
		wake = deadline_earlier(device_deadline(app->dev), exit_at);
		if (app->log)
			wake = deadline_earlier(
				wake, logqueue_deadline(app->log)); /* a retry of held rows */
		if (frame_ms > 0)
			wake = deadline_earlier(wake, last_frame + frame_ms);
		if (view.screen == SCREEN_AMBIENT)
			wake = deadline_earlier(wake, now + ms_to_next_minute(app, now));
		/* systemd's watchdog wants to hear from the loop even on an idle clock. */
		wake = deadline_earlier(wake, notify_deadline(notify));
		wake = deadline_earlier(wake, sound_deadline(sound));
		if (exit_at >= 0 && now >= exit_at)
			break;
		/* Even when something is already due, the edges that came in meanwhile go first:
		 * the next tick must not call a press long whose release waits in the queue. */
		if (wait_for_event(waiter,
				   wake < 0      ? -1
				   : wake <= now ? 0
						 : (int)(wake - now > 60000 ? 60000 : wake - now),
				   &ev)) {
			do {
				running = handle_event(app, &ev, &dirty);
			} while (running && SDL_PollEvent(&ev));
		}
		/* A minute boundary on the ambient clock needs a redraw. */
		if (view.screen == SCREEN_AMBIENT &&
		    ms_to_next_minute(app, mono_now_ms()) > ms_to_next_minute(app, now))
			dirty = true;
	}
	ret = 0;
	catch_hangup(false, NULL);
	notify_close(notify);
	sound_free(sound);
	pwmlight_close(light);
	dpms_close(dpms);
	gpio_close(gpio);
	backlight_close(backlight);
	idlewait_free(waiter);
free_render:
	render_free(render);
destroy_renderer:
	SDL_DestroyRenderer(sdl);
destroy_window:
	SDL_DestroyWindow(window);
quit_video:
	SDL_QuitSubSystem(SDL_INIT_VIDEO);
	return ret;
}
