/* calm-prompt: the shell around the core. Reads clocks and buttons, draws, writes the log. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backlight.h"
#include "cli.h"
#include "config.h"
#include "deadline.h"
#include "deckfiles.h"
#include "device.h"
#include "eventlog.h"
#include "gpio.h"
#include "gpioevent.h"
#include "idlewait.h"
#include "log.h"
#include "logcli.h"
#include "logqueue.h"
#include "notify.h"
#include "paths.h"
#include "promptlint.h"
#include "render.h"
#include "replay.h"
#include "wallclock.h"

#define EXIT_USAGE 2

struct app {
	struct options opt;
	struct config cfg;
	struct device_config dcfg;
	struct deck *deck;
	struct device *dev;
	int pattern;              /* --pattern's index, or -1 for the default */
	struct history_week week; /* read when the history screen opens */
	bool week_loaded, week_ok;
	struct logqueue *log;  /* NULL only when no place for the log could be found */
	bool log_trouble;      /* the log is not open or rows wait in memory: a discreet mark */
	bool wall_fixed;       /* --clock/--date: the wall clock runs from a given moment */
	int64_t wall_base_utc; /* with wall_fixed: the wall time at monotonic wall_base_mono */
	int64_t wall_base_mono;
	struct gpioevent_link buttons; /* GPIO edges arrive as SDL events of this type */
};

static void on_config_problem(void *user, const char *file, int line, const char *key,
			      const char *problem)
{
	(void)user;
	if (key)
		fprintf(stderr, "%s:%d: %s: %s\n", file, line, key, problem);
	else
		fprintf(stderr, "%s:%d: %s\n", file, line, problem);
}

/* Reads the settings: built-in defaults, then the file. Returns 0 or an exit code. */
static int load_config(struct app *app)
{
	const char *path = app->opt.config_path ? app->opt.config_path : PATHS_DEFAULT_CONFIG;
	char patterns[CONFIG_PATH_MAX + 32];
	int problems, shipped_bad;

	config_defaults(&app->cfg);
	/* The built-in patterns are data shipped beside the app, read first like a config file. */
	paths_assets_dir(patterns, CONFIG_PATH_MAX);
	strcat(patterns, "/patterns.conf");
	problems = config_load(&app->cfg, patterns, false, on_config_problem, NULL);
	if (problems != 0) {
		if (problems < 0)
			log_errno(LEVEL_ERROR, "cannot read the built-in patterns %s", patterns);
		return problems < 0 ? 1 : EXIT_USAGE;
	}
	problems =
		config_load(&app->cfg, path, app->opt.config_path == NULL, on_config_problem, NULL);
	if (problems < 0) {
		log_errno(LEVEL_ERROR, "cannot read the settings file %s", path);
		return EXIT_USAGE;
	}
	shipped_bad = app->cfg.pattern_problems;
	if (problems > 0 && (problems > shipped_bad || app->opt.mode == MODE_CHECK_CONFIG)) {
		log_error("%d problem%s in %s; nothing was started", problems,
			  problems == 1 ? "" : "s", path);
		return EXIT_USAGE;
	}
	if (problems > 0)
		log_warn(
			"%d problem%s in the [pattern] sections of %s: those patterns were left as "
			"they were",
			problems, problems == 1 ? "" : "s", path);
	if (app->opt.width) {
		app->cfg.width = app->opt.width;
		app->cfg.height = app->opt.height;
	}
	if (app->opt.fullscreen)
		app->cfg.fullscreen = true;
	config_device(&app->cfg, &app->dcfg);
	if (app->opt.pattern) {
		app->pattern = pattern_index(&app->dcfg.patterns, app->opt.pattern);
		if (app->pattern < 0) {
			log_error("no pattern named '%s' (calm-prompt --list-patterns shows them)",
				  app->opt.pattern);
			return EXIT_USAGE;
		}
	}
	return 0;
}

static int list_patterns(struct app *app)
{
	int ret = load_config(app);

	if (ret != 0)
		return ret;
	for (int i = 0; i < app->dcfg.patterns.count; i++) {
		const struct breath_pattern *p = &app->dcfg.patterns.items[i];
		char phases[160];
		double rate = 60000.0 / (double)breath_cycle_ms(p);

		pattern_phases_text(p, phases, sizeof(phases));
		printf("%s%s: %s\n", p->name, i == app->dcfg.default_pattern ? " (default)" : "",
		       p->label);
		printf("  phases: %s (%.1f breaths a minute)\n", phases, rate);
		if (p->start_cycle_ms > 0) {
			double start = 60000.0 / p->start_cycle_ms;

			if (p->ramp_ms < 0)
				printf("  ramp: from %.1f breaths a minute, over the session\n",
				       start);
			else
				printf("  ramp: from %.1f breaths a minute, over %g minutes\n",
				       start, p->ramp_ms / 60000.0);
		}
		if (p->cycles > 0)
			printf("  session: %d breaths\n", p->cycles);
		else
			printf("  session: %d minutes%s\n", p->minutes, p->fade ? ", fading" : "");
		if (p->source[0])
			printf("  source: %s\n", p->source);
	}
	return 0;
}

static void on_deck_problem(void *user, const char *source, int line, const char *message)
{
	(void)user;
	log_warn("%s:%d: %s (line skipped)", source, line, message);
}

/* The folder of the main deck: [prompts] deck_dir, else the shipped prompts. */
static void main_deck_dir(const struct app *app, char *dir, size_t len)
{
	if (app->cfg.deck_dir[0]) {
		snprintf(dir, len, "%s", app->cfg.deck_dir);
	} else {
		paths_assets_dir(dir, len - 8);
		strcat(dir, "/prompts");
	}
}

/* The main deck, then the household's own decks ([prompts] extra_dir): a missing folder of
 * their own is fine and goes unsaid, an unreadable one is worth a warning. */
static int load_deck(struct app *app)
{
	char dir[CONFIG_PATH_MAX + 16];
	size_t eligible = 0;
	int n;

	main_deck_dir(app, dir, sizeof(dir));
	app->deck = deck_new();
	if (!app->deck) {
		log_error("out of memory");
		return 1;
	}
	n = deckfiles_load(app->deck, dir, on_deck_problem, NULL);
	if (n < 0)
		log_errno(LEVEL_WARN, "cannot read the prompt folder %s", dir);
	else if (n == 0)
		log_warn("no prompts found in %s (files named *.deck)", dir);
	else
		log_debug("%d prompts from %s", n, dir);
	if (app->cfg.extra_dir[0]) {
		n = deckfiles_load(app->deck, app->cfg.extra_dir, on_deck_problem, NULL);
		if (n < 0 && errno != ENOENT)
			log_errno(LEVEL_WARN, "cannot read the household's prompt folder %s",
				  app->cfg.extra_dir);
		else if (n > 0)
			log_debug("%d prompts from %s", n, app->cfg.extra_dir);
	}
	for (size_t i = 0; i < deck_count(app->deck); i++)
		eligible += prompt_eligible(deck_get(app->deck, i), app->cfg.audiences,
					    app->cfg.pathways);
	if (deck_count(app->deck) > 0 && eligible == 0)
		log_warn("none of the %zu prompts is for the audiences and pathways in [prompts]",
			 deck_count(app->deck));
	return 0;
}

/* --check-prompts [DIR]: DIR alone, else the decks the app would load. */
static int check_prompts(struct app *app)
{
	char dir[CONFIG_PATH_MAX + 16], msg[512];
	struct promptlint_dir dirs[2];
	size_t n = 0;
	int ret;

	if (app->opt.prompts_dir) {
		dirs[n++] = (struct promptlint_dir){app->opt.prompts_dir, false};
	} else {
		main_deck_dir(app, dir, sizeof(dir));
		dirs[n++] = (struct promptlint_dir){dir, false};
		if (app->cfg.extra_dir[0])
			dirs[n++] = (struct promptlint_dir){app->cfg.extra_dir, true};
	}
	ret = promptlint_run(dirs, n, app->cfg.font, stdout, msg, sizeof(msg));
	if (ret < 0)
		log_error("%s", msg);
	return ret == 0 ? 0 : 1;
}

struct prompt_history {
	char (*ids)[PROMPT_ID_MAX + 1];
	size_t n, cap;
};

static void on_prompt_shown(void *user, const char *prompt_id)
{
	struct prompt_history *h = user;

	if (h->n < h->cap)
		snprintf(h->ids[h->n++], sizeof(h->ids[0]), "%s", prompt_id);
}

/* Tells the device which prompts the log says were shown lately, so a restart does not begin a
 * new round. Going back, the round in progress ends at the first repeat: twice the deck is more
 * rows than it can take. */
static void restore_prompt_history(struct app *app)
{
	struct prompt_history h = {0};
	const char **ids;
	char msg[512];

	if (!app->log || deck_count(app->deck) == 0)
		return;
	h.cap = deck_count(app->deck) * 2 + 1;
	h.ids = calloc(h.cap, sizeof(h.ids[0]));
	ids = calloc(h.cap, sizeof(*ids));
	if (!h.ids || !ids) {
		log_warn("out of memory reading the prompts shown; starting a new round");
		goto free_ids;
	}
	if (logqueue_recent_prompts(app->log, h.cap, on_prompt_shown, &h, msg, sizeof(msg)) < 0) {
		log_warn("%s; starting a new round of prompts", msg);
		goto free_ids;
	}
	for (size_t i = 0; i < h.n; i++)
		ids[i] = h.ids[i];
	device_restore_prompts(app->dev, ids, h.n);
free_ids:
	free(ids);
	free(h.ids);
}

/* What the event log's queue has to tell, once per episode, never once per row. */
static void on_log_notice(void *user, enum logqueue_notice what, const char *msg)
{
	(void)user;
	switch (what) {
	case LOGQUEUE_FAILING:
	case LOGQUEUE_DROPPING:
	case LOGQUEUE_LOST:
		log_error("%s", msg);
		break;
	case LOGQUEUE_MOVED_ASIDE:
	case LOGQUEUE_PRUNE_FAILED:
		log_warn("%s", msg);
		break;
	case LOGQUEUE_RECOVERED:
	case LOGQUEUE_PRUNED:
		log_info("%s", msg);
		break;
	}
}

/* Opens the event log. When it cannot be opened the app carries on: rows are held in memory
 * and opening is retried. required: fail instead (--replay promises rows). */
static int open_log(struct app *app, bool required)
{
	struct logqueue_settings settings = {
		.keep_days = app->cfg.log_keep_days,
		.notice = on_log_notice,
	};
	char path[1024], msg[512];

	if (eventlog_choose_path(app->opt.db_path, app->cfg.database, path, sizeof(path), msg,
				 sizeof(msg)) != 0) {
		log_error("%s", msg);
		app->log_trouble = true;
		return required ? 1 : 0;
	}
	/* A folder that cannot be made now may be later (a mount): the queue keeps trying. */
	if (paths_make_parent(path) != 0)
		log_errno(LEVEL_ERROR, "cannot create the folder for the event log %s", path);
	app->log = logqueue_open(path, &settings);
	if (!app->log) {
		log_error("out of memory");
		return 1;
	}
	app->log_trouble = logqueue_trouble(app->log);
	if (app->log_trouble)
		return required ? 1 : 0;
	log_debug("event log: %s", path);
	return 0;
}

static int64_t wall_now_utc(const struct app *app, int64_t mono_ms)
{
	if (app->wall_fixed)
		return app->wall_base_utc + (mono_ms - app->wall_base_mono) / 1000;
	return (int64_t)time(NULL);
}

/* Commits what the device did to the log; every row is durable when this returns, before
 * the screen shows the change, or held in memory when the file cannot take it (the discreet
 * mark shows until it is written). Called on every pass of the main loop, so it also drives
 * the log's retries and daily retention. */
static void record(struct app *app, const struct device_output *out, int64_t now_ms, bool print)
{
	for (int i = 0; i < out->n; i++) {
		const struct device_report *r = &out->reports[i];
		const char *button = r->button >= 0 ? app->dcfg.buttons[r->button].name : NULL;
		struct wall_stamp when;

		wallclock_stamp(&when);
		when.mono_ms = r->t_ms;
		when.utc_s = wall_now_utc(app, now_ms) - (now_ms - r->t_ms) / 1000;
		when.utc_offset_min = wallclock_offset_min(when.utc_s);
		if (app->wall_fixed)
			when.synced = false; /* a given clock, not a synchronised one */
		if (app->log)
			logqueue_append(app->log, r, button, &when, now_ms);
		if (print) {
			char line[512];

			replay_json(r, &app->dcfg, line, sizeof(line));
			puts(line);
		}
	}
	if (app->log) {
		/* A given clock (--clock, --date) is not a synchronised one: no retention then.
		 * The kernel is only asked when retention is on. */
		logqueue_tick(app->log, now_ms, wall_now_utc(app, now_ms),
			      app->cfg.log_keep_days > 0 && !app->wall_fixed && wallclock_synced());
		app->log_trouble = logqueue_trouble(app->log);
	}
	if (print)
		fflush(stdout);
}

static int fix_wall_clock(struct app *app, int64_t mono_ms)
{
	char msg[256];

	if (!app->opt.clock && !app->opt.date)
		return 0;
	if (wallclock_parse_fixed(app->opt.clock, app->opt.date, (int64_t)time(NULL),
				  &app->wall_base_utc, msg, sizeof(msg)) != 0) {
		log_error("%s", msg);
		return EXIT_USAGE;
	}
	app->wall_fixed = true;
	app->wall_base_mono = mono_ms;
	return 0;
}

static uint64_t prompt_seed(const struct app *app)
{
	return app->opt.seed_given ? app->opt.seed : (uint64_t)time(NULL) ^ (uint64_t)mono_now_ms();
}

static int make_device(struct app *app)
{
	app->dev = device_new(&app->dcfg, app->deck, prompt_seed(app));
	if (!app->dev) {
		log_error("out of memory");
		return 1;
	}
	return 0;
}

static void scene_time(const struct app *app, int64_t mono_ms, struct tm *local)
{
	time_t t = (time_t)wall_now_utc(app, mono_ms);

	localtime_r(&t, local);
}

/* Tells the device the local time, which the night schedule and prompts depend on. */
static void tell_local_time(struct app *app, int64_t mono_ms)
{
	struct tm local;
	int64_t local_s;

	scene_time(app, mono_ms, &local);
	local_s = wall_now_utc(app, mono_ms) + local.tm_gmtoff;
	device_set_local_time(app->dev, mono_ms,
			      (int64_t)(local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec) *
				      1000,
			      local_s >= 0 ? local_s / 86400 : (local_s - 86399) / 86400);
}

static char *read_text_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 8192);

			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/* --replay: button edges in virtual time, no waiting; rows committed before each line. */
/* Reads and parses the --replay script. Returns 0 or an exit code. */
static int load_script(struct app *app, struct replay_script *script)
{
	char msg[512];
	char *text;
	int ret;

	text = read_text_file(app->opt.replay_path);
	if (!text) {
		log_errno(LEVEL_ERROR, "cannot read the replay script %s", app->opt.replay_path);
		return 1;
	}
	ret = replay_parse(app->opt.replay_path, text, &app->dcfg, script, msg, sizeof(msg));
	free(text);
	if (ret != 0) {
		log_error("%s", msg);
		return EXIT_USAGE;
	}
	return 0;
}

/* Feeds the script's steps up to until_ms to the device in virtual time; with logging, what
 * the device does is committed and printed step by step. */
static void play_script(struct app *app, const struct replay_script *script, int64_t until_ms,
			bool logging)
{
	for (size_t i = 0; i < script->count && script->steps[i].t_ms <= until_ms; i++) {
		const struct replay_step *s = &script->steps[i];
		struct device_output out = {0};

		tell_local_time(app, s->t_ms);
		if (s->button < 0)
			device_tick(app->dev, s->t_ms, &out);
		else
			device_edge(app->dev, s->button, s->down, s->t_ms, &out);
		if (logging)
			record(app, &out, s->t_ms, true);
	}
}

/* The week for the history screen, read once each time the screen opens. */
static const struct history_week *week_for(struct app *app, const struct device_view *view,
					   int64_t now_ms)
{
	char msg[512] = "";
	int64_t local = device_local_ms(app->dev, now_ms);
	const char *member = view->member >= 0 ? app->dcfg.members[view->member] : NULL;

	if (view->screen != SCREEN_HISTORY) {
		app->week_loaded = false;
		return NULL;
	}
	if (!app->week_loaded) {
		app->week_loaded = true;
		app->week_ok =
			app->log && local >= 0 &&
			logqueue_week(app->log, local / 86400000, member, app->dcfg.answers,
				      app->dcfg.n_answers, &app->week, msg, sizeof(msg)) == 0;
		if (!app->week_ok && msg[0])
			log_warn("the history screen: %s", msg);
	}
	return app->week_ok ? &app->week : NULL;
}

/* The renderer, set up as the settings say; NULL (said why) when the font cannot be had. */
static struct render *make_render(const struct app *app, SDL_Renderer *sdl)
{
	char msg[600];
	struct render *render = render_new(sdl, app->cfg.font, msg, sizeof(msg));

	if (!render) {
		log_error("%s", msg);
		return NULL;
	}
	render_set_ambient(render, app->cfg.ambient_glow, app->cfg.ambient_drift);
	render_set_rotation(render, app->cfg.rotation);
	return render;
}

/* --screenshot: one frame, drawn by SDL's software renderer into a surface, saved as PNG. */
static int run_screenshot(struct app *app)
{
	int64_t at_ms = (int64_t)(app->opt.at_s * 1000.0 + 0.5);
	struct device_output out = {0};
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *render;
	struct device_view view;
	struct render_scene scene;
	struct tm local;
	int ret = 1;

	if (fix_wall_clock(app, 0) != 0)
		return EXIT_USAGE;
	if (load_deck(app) != 0 || make_device(app) != 0)
		return 1;
	tell_local_time(app, 0);
	device_open(app->dev, (enum screen)app->opt.shot_screen, app->pattern, 0, &out);
	if (app->opt.replay_path) {
		/* The screen a script of presses leads to, without writing to any log. */
		struct replay_script script;

		ret = load_script(app, &script);
		if (ret != 0)
			return ret;
		play_script(app, &script, at_ms, false);
		replay_script_free(&script);
		memset(&out, 0, sizeof(out));
		device_tick(app->dev, at_ms, &out);
		ret = 1;
	}
	tell_local_time(app, at_ms);
	view = device_view(app->dev, at_ms);
	scene_time(app, at_ms, &local);
	if (view.screen == SCREEN_HISTORY && open_log(app, true) != 0)
		return 1;
	scene = (struct render_scene){.view = &view,
				      .device = &app->dcfg,
				      .week = week_for(app, &view, at_ms),
				      .local = &local,
				      .clock_24h = app->cfg.clock_24h};
	surface = SDL_CreateRGBSurfaceWithFormat(0, app->cfg.width, app->cfg.height, 32,
						 SDL_PIXELFORMAT_RGB888);
	if (!surface) {
		log_error("cannot make a %dx%d image: %s", app->cfg.width, app->cfg.height,
			  SDL_GetError());
		return 1;
	}
	sdl = SDL_CreateSoftwareRenderer(surface);
	if (!sdl) {
		log_error("cannot draw into an image: %s", SDL_GetError());
		goto free_surface;
	}
	render = make_render(app, sdl);
	if (!render)
		goto free_renderer;
	render_frame(render, &scene);
	SDL_RenderPresent(sdl);
	if (IMG_SavePNG(surface, app->opt.screenshot_path) != 0)
		log_error("cannot write %s: %s", app->opt.screenshot_path, IMG_GetError());
	else
		ret = 0;
	render_free(render);
free_renderer:
	SDL_DestroyRenderer(sdl);
free_surface:
	SDL_FreeSurface(surface);
	return ret;
}

static int run_replay(struct app *app)
{
	struct replay_script script;
	int ret = load_script(app, &script);

	if (ret != 0)
		return ret;
	if (fix_wall_clock(app, 0) != 0 || load_deck(app) != 0 || make_device(app) != 0 ||
	    open_log(app, true) != 0) {
		replay_script_free(&script);
		return 1;
	}
	restore_prompt_history(app);
	if (app->opt.start_screen >= 0) {
		struct device_output out = {0};

		tell_local_time(app, 0);
		device_open(app->dev, (enum screen)app->opt.start_screen, app->pattern, 0, &out);
		record(app, &out, 0, true);
	}
	play_script(app, &script, INT64_MAX, true);
	replay_script_free(&script);
	return app->log_trouble ? 1 : 0;
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
		record(app, &out, now, false);
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
		record(app, &out, now, false);
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
		log_info("backlight: %s (day and night brightness set there)", backlight_path(b));
	else if (msg[0])
		log_warn("%s; night dims by colour alone", msg);
	else
		log_info("no backlight control found: night dims by colour alone");
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
	enum log_level level;
	struct gpio *gpio;
	char msg[1024], what[256];

	if (app->cfg.gpio_use == GPIO_USE_NO)
		return NULL;
	if (!gpioevent_init(&app->buttons, waiter)) {
		log_error("GPIO buttons are off: SDL has no user event type left for them");
		return NULL;
	}
	gpio = gpio_open(&app->cfg, gpioevent_push, &app->buttons, &status, msg, sizeof(msg));
	if (status != GPIO_OK) {
		/* No chip at all is a desktop, unless the settings say GPIO is expected. */
		if (app->cfg.gpio_use == GPIO_USE_YES)
			level = LEVEL_ERROR;
		else
			level = status == GPIO_NO_CHIP ? LEVEL_INFO : LEVEL_WARN;
		log_msg(level, "GPIO buttons: %s; %s", msg,
			gpio ? "the other buttons work"
			     : "using the keyboard instead (Space or Enter, 1 to 3)");
	}
	if (gpio) {
		gpio_describe(gpio, what, sizeof(what));
		log_info("GPIO buttons (libgpiod %s): %s", gpio_library_version(), what);
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
		log_error("out of memory: the settings were not read again");
		goto free_copies;
	}
	*was = app->cfg;
	*was_device = app->dcfg;
	if (load_config(app) != 0) {
		log_error("the settings were not read again (problems above): the ones running "
			  "stay");
		goto restore;
	}
	if (load_deck(app) != 0)
		goto restore;
	if (make_device(app) != 0)
		goto free_deck;
	device_free(was_dev);
	deck_free(was_deck);
	render_set_ambient(render, app->cfg.ambient_glow, app->cfg.ambient_drift);
	render_set_rotation(render, app->cfg.rotation);
	log_info("settings and prompts read again%s",
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

static int run_app(struct app *app)
{
	SDL_Window *window = NULL;
	SDL_Renderer *sdl = NULL;
	struct render *render = NULL;
	struct idlewait *waiter = NULL;
	struct backlight *backlight = NULL;
	struct gpio *gpio = NULL;
	struct notify *notify = NULL; /* systemd: ready, the watchdog, reloading, stopping */
	int64_t start = mono_now_ms();
	int64_t exit_at = app->opt.exit_after_s > 0
				  ? start + (int64_t)(app->opt.exit_after_s * 1000.0 + 0.5)
				  : -1;
	int64_t last_frame = 0;
	bool dirty = true, running = true;
	Uint32 flags = SDL_WINDOW_SHOWN;
	char msg[512];
	int ret = 1;

	if (fix_wall_clock(app, start) != 0)
		return EXIT_USAGE;
	if (load_deck(app) != 0 || make_device(app) != 0)
		return 1;
	open_log(app, false);
	restore_prompt_history(app);
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		log_error("cannot open a display (SDL video driver '%s'): %s. On a desktop, run it "
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
		log_error("cannot open a window on the '%s' video driver: %s",
			  SDL_GetCurrentVideoDriver(), SDL_GetError());
		goto quit_video;
	}
	sdl = SDL_CreateRenderer(window, -1, 0);
	if (!sdl) {
		log_error("cannot draw on the window: %s", SDL_GetError());
		goto destroy_window;
	}
	render = make_render(app, sdl);
	if (!render)
		goto destroy_renderer;
	if (app->cfg.fullscreen)
		SDL_ShowCursor(SDL_DISABLE);
	if (!idlewait_driver_sleeps(SDL_GetCurrentVideoDriver())) {
		waiter = idlewait_new();
		if (!waiter) {
			log_errno(LEVEL_ERROR, "cannot set up waiting for input");
			goto free_render;
		}
	}
	notify = notify_open(start);
	if (notify_watchdog_ms(notify) > 0)
		log_debug("systemd's watchdog: every %lld ms",
			  (long long)notify_watchdog_ms(notify));
	catch_hangup(true, waiter);
	log_info("running on the '%s' video driver, %dx%d%s", SDL_GetCurrentVideoDriver(),
		 app->cfg.width, app->cfg.height,
		 waiter ? ", sleeping in poll() between events" : "");
	gpio = start_gpio(app, waiter);
	backlight = open_backlight();
	if (app->opt.start_screen >= 0) {
		struct device_output out = {0};

		device_open(app->dev, (enum screen)app->opt.start_screen, app->pattern, start,
			    &out);
		record(app, &out, start, false);
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
		tell_local_time(app, now);
		device_tick(app->dev, now, &out);
		record(app, &out, now, false);
		/* The discreet mark comes and goes with the log's trouble. */
		dirty |= out.changed || trouble != app->log_trouble;
		view = device_view(app->dev, now);
		if (backlight && backlight_set(backlight, view.brightness, msg, sizeof(msg)) != 0)
			log_warn("%s", msg);
		frame_ms = render_frame_interval_ms(render, &view);
		if (frame_ms > 0 && now - last_frame >= frame_ms)
			dirty = true;
		if (dirty) {
			struct tm local;
			struct render_scene scene = {.view = &view,
						     .device = &app->dcfg,
						     .week = week_for(app, &view, now),
						     .local = &local,
						     .clock_24h = app->cfg.clock_24h,
						     .log_trouble = app->log_trouble};

			scene_time(app, now, &local);
			render_frame(render, &scene);
			SDL_RenderPresent(sdl);
			notify_ready(notify); /* the first frame is on screen */
			last_frame = now;
			dirty = false;
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

static int check_config(struct app *app)
{
	const char *path = app->opt.config_path ? app->opt.config_path : PATHS_DEFAULT_CONFIG;
	FILE *font;

	if (load_config(app) != 0)
		return EXIT_USAGE;
	font = fopen(app->cfg.font, "rb");
	if (!font) {
		fprintf(stderr, "%s: font: cannot open '%s': %s\n", path, app->cfg.font,
			strerror(errno));
		return EXIT_USAGE;
	}
	fclose(font);
	printf("%s: ok\n", path);
	return 0;
}

static void print_version(void)
{
	SDL_version sdl;
	const SDL_version *ttf = TTF_Linked_Version();
	const SDL_version *img = IMG_Linked_Version();

	SDL_GetVersion(&sdl);
	printf("calm-prompt %s (SDL %d.%d.%d, SDL_ttf %d.%d.%d, SDL_image %d.%d.%d, SQLite %s, "
	       "libgpiod %s)\n",
	       CALM_VERSION, sdl.major, sdl.minor, sdl.patch, ttf->major, ttf->minor, ttf->patch,
	       img->major, img->minor, img->patch, sqlite3_libversion(), gpio_library_version());
}

int main(int argc, char **argv)
{
	struct app app = {.pattern = -1};
	char msg[512];
	int ret;

	log_init();
	if (argc > 1 && strcmp(argv[1], "log") == 0)
		return logcli_main(argc - 1, argv + 1);
	if (cli_parse(argc, argv, &app.opt, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "calm-prompt: %s\nTry 'calm-prompt --help'.\n", msg);
		return EXIT_USAGE;
	}
	switch (app.opt.mode) {
	case MODE_HELP:
		cli_usage(stdout);
		return 0;
	case MODE_VERSION:
		print_version();
		return 0;
	case MODE_CHECK_CONFIG:
		return check_config(&app);
	case MODE_LIST_PATTERNS:
		return list_patterns(&app);
	case MODE_RUN:
	case MODE_SCREENSHOT:
	case MODE_REPLAY:
	case MODE_CHECK_PROMPTS:
		break;
	}
	ret = load_config(&app);
	if (ret != 0)
		return ret;
	if (SDL_Init(0) != 0 || TTF_Init() != 0) {
		log_error("cannot start SDL: %s", SDL_GetError());
		return 1;
	}
	switch (app.opt.mode) {
	case MODE_SCREENSHOT:
		ret = run_screenshot(&app);
		break;
	case MODE_REPLAY:
		ret = run_replay(&app);
		break;
	case MODE_CHECK_PROMPTS:
		ret = check_prompts(&app);
		break;
	default:
		ret = run_app(&app);
		break;
	}
	device_free(app.dev);
	deck_free(app.deck);
	logqueue_close(app.log);
	TTF_Quit();
	SDL_Quit();
	return ret;
}
