/* SPDX-License-Identifier: MIT */
/* What every way of running the app shares: reading the settings and decks, opening the
 * log and committing rows to it, the wall clock (real or given), the device and renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

#include "deckfiles.h"
#include "diag.h"
#include "i18n.h"
#include "paths.h"
#include "replay.h"

#include "app.h"

/* Reads the settings: built-in defaults, then the file. Returns 0 or an exit code. */
int app_load_config(struct app *app)
{
	const char *path = app->opt.config_path ? app->opt.config_path : PATHS_DEFAULT_CONFIG;
	char patterns[CONFIG_PATH_MAX + 32];
	int problems, shipped_bad;
	struct language_env env;

	config_defaults(&app->cfg);
	problems = config_load_builtin(&app->cfg, patterns, sizeof(patterns), config_print_problem,
				       stderr);
	if (problems != 0) {
		if (problems < 0)
			diag_errno(DIAG_ERROR, "cannot read the built-in patterns %s", patterns);
		return problems < 0 ? 1 : EXIT_USAGE;
	}
	problems = config_load(&app->cfg, path, app->opt.config_path == NULL, config_print_problem,
			       stderr);
	if (problems < 0) {
		diag_errno(DIAG_ERROR, "cannot read the settings file %s", path);
		return EXIT_USAGE;
	}
	shipped_bad = app->cfg.pattern_problems;
	if (problems > 0 && (problems > shipped_bad || app->opt.mode == MODE_CHECK_CONFIG)) {
		diag_error("%d problem%s in %s; nothing was started", problems,
			   problems == 1 ? "" : "s", path);
		return EXIT_USAGE;
	}
	if (problems > 0)
		diag_warn(
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
	i18n_session_env(&env);
	language_pick(app->cfg.language, &env, app->language, sizeof(app->language));
	if (!i18n_init(app->language))
		diag_warn("cannot set a locale for the messages (not even C.UTF-8): the screen "
			  "stays in English, not %s",
			  app->language);
	if (app->opt.pattern) {
		app->pattern = pattern_index(&app->dcfg.patterns, app->opt.pattern);
		if (app->pattern < 0) {
			diag_error("no pattern named '%s' (calm-prompt --list-patterns shows them)",
				   app->opt.pattern);
			return EXIT_USAGE;
		}
	}
	return 0;
}

static void on_deck_problem(void *user, const char *source, int line, const char *message)
{
	(void)user;
	diag_warn("%s:%d: %s (line skipped)", source, line, message);
}

/* The folder of the main deck: [prompts] deck_dir, else the shipped prompts in the language
 * spoken (prompts/pt_BR, else prompts/pt), else the English ones. */
int app_deck_dir(const struct app *app, char *dir, size_t len)
{
	char names[2][LANGUAGE_MAX];
	int n = language_candidates(app->language, names);

	for (int i = 0; !app->cfg.deck_dir[0] && i < n; i++) {
		char sub[LANGUAGE_MAX + 16];
		struct stat st;

		snprintf(sub, sizeof(sub), "prompts/%.*s", LANGUAGE_MAX - 1, names[i]);
		if (paths_asset(dir, len, sub) == 0 && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
	}
	if (!app->cfg.deck_dir[0])
		return paths_asset(dir, len, "prompts");
	n = snprintf(dir, len, "%s", app->cfg.deck_dir);
	if (n < 0 || (size_t)n >= len) {
		if (len > 0)
			dir[0] = '\0';
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* The main deck, then the household's own decks ([prompts] extra_dir): a missing folder of
 * their own is fine and goes unsaid, an unreadable one is worth a warning. */
int app_load_deck(struct app *app)
{
	char dir[CONFIG_PATH_MAX + 16];
	size_t eligible = 0;
	int n;

	if (app_deck_dir(app, dir, sizeof(dir)) != 0) {
		diag_errno(DIAG_ERROR, "cannot name the prompt folder");
		return 1;
	}
	app->deck = deck_new();
	if (!app->deck) {
		diag_error("out of memory");
		return 1;
	}
	n = deckfiles_load(app->deck, dir, on_deck_problem, NULL);
	if (n < 0)
		diag_errno(DIAG_WARN, "cannot read the prompt folder %s", dir);
	else if (n == 0)
		diag_warn("no prompts found in %s (files named *.deck)", dir);
	else
		diag_debug("%d prompts from %s", n, dir);
	if (app->cfg.extra_dir[0]) {
		n = deckfiles_load(app->deck, app->cfg.extra_dir, on_deck_problem, NULL);
		if (n < 0 && errno != ENOENT)
			diag_errno(DIAG_WARN, "cannot read the household's prompt folder %s",
				   app->cfg.extra_dir);
		else if (n > 0)
			diag_debug("%d prompts from %s", n, app->cfg.extra_dir);
	}
	for (size_t i = 0; i < deck_count(app->deck); i++)
		eligible += prompt_eligible(deck_get(app->deck, i), app->cfg.dev.prompt_audiences,
					    app->cfg.dev.prompt_pathways);
	if (deck_count(app->deck) > 0 && eligible == 0)
		diag_warn("none of the %zu prompts is for the audiences and pathways in [prompts]",
			  deck_count(app->deck));
	return 0;
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

/* Going back through the prompts shown, the round in progress ends at the first repeat: twice
 * the deck is more rows than it can take. */
void app_restore_from_log(struct app *app)
{
	struct prompt_history h = {0};
	const char **ids;
	char msg[512];
	int waiting;

	if (!app->log)
		return;
	/* A power cut at night must not lose the warm sign someone left. */
	waiting = logqueue_appreciation_waiting(app->log, msg, sizeof(msg));
	if (waiting < 0)
		diag_warn("%s", msg);
	device_restore_appreciation(app->dev, waiting > 0);
	if (!app->wall_fixed && app->opt.mode == MODE_RUN) {
		char boot_id[37];
		int set;

		wallclock_boot_id(boot_id);
		set = logqueue_clock_set_in_boot(app->log, boot_id, msg, sizeof(msg));
		if (set < 0)
			diag_warn("%s", msg);
		app->clock_set_this_boot |= set > 0;
	}
	if (deck_count(app->deck) == 0)
		return;
	h.cap = deck_count(app->deck) * 2 + 1;
	h.ids = calloc(h.cap, sizeof(h.ids[0]));
	ids = calloc(h.cap, sizeof(*ids));
	if (!h.ids || !ids) {
		diag_warn("out of memory reading the prompts shown; starting a new round");
		goto free_ids;
	}
	if (logqueue_recent_prompts(app->log, h.cap, on_prompt_shown, &h, msg, sizeof(msg)) < 0) {
		diag_warn("%s; starting a new round of prompts", msg);
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
		diag_error("%s", msg);
		break;
	case LOGQUEUE_MOVED_ASIDE:
	case LOGQUEUE_PRUNE_FAILED:
		diag_warn("%s", msg);
		break;
	case LOGQUEUE_RECOVERED:
	case LOGQUEUE_PRUNED:
		diag_info("%s", msg);
		break;
	}
}

/* Opens the event log. When it cannot be opened the app carries on: rows are held in memory
 * and opening is retried. required: fail instead (--replay promises rows). */
int app_open_log(struct app *app, bool required)
{
	struct logqueue_settings settings = {
		.keep_days = app->cfg.log_keep_days,
		.notice = on_log_notice,
	};
	char path[1024], msg[512];

	if (eventlog_choose_path(app->opt.db_path, app->cfg.database, path, sizeof(path), msg,
				 sizeof(msg)) != 0) {
		diag_error("%s", msg);
		app->log_trouble = true;
		return required ? 1 : 0;
	}
	/* A folder that cannot be made now may be later (a mount): the queue keeps trying. */
	if (paths_make_parent(path) != 0)
		diag_errno(DIAG_ERROR, "cannot create the folder for the event log %s", path);
	app->log = logqueue_open(path, &settings);
	if (!app->log) {
		diag_error("out of memory");
		return 1;
	}
	app->log_trouble = logqueue_trouble(app->log);
	if (app->log_trouble)
		return required ? 1 : 0;
	diag_debug("event log: %s", path);
	return 0;
}

int64_t app_wall_now_ms(const struct app *app, int64_t mono_ms)
{
	if (app->wall_fixed)
		return app->wall_base_utc * 1000 + (mono_ms - app->wall_base_mono);
	return wall_now_ms();
}

int64_t app_wall_now_utc(const struct app *app, int64_t mono_ms)
{
	int64_t ms = app_wall_now_ms(app, mono_ms);

	return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

/* Commits what the device did to the log; every row is durable when this returns, before
 * the screen shows the change, or held in memory when the file cannot take it (the discreet
 * mark shows until it is written). Called on every pass of the main loop, so it also drives
 * the log's retries and daily retention. */
void app_record(struct app *app, const struct device_output *out, int64_t now_ms, bool print)
{
	for (int i = 0; i < out->n; i++) {
		const struct device_report *r = &out->reports[i];
		const char *button = r->button >= 0 ? app->dcfg.buttons[r->button].name : NULL;
		struct wall_stamp when;

		wallclock_stamp(&when);
		when.mono_ms = r->t_ms;
		when.utc_s = app_wall_now_utc(app, now_ms) - (now_ms - r->t_ms) / 1000;
		when.utc_offset_min = wallclock_offset_min(when.utc_s);
		if (app->wall_fixed)
			when.synced = false; /* a given clock, not a synchronised one */
		if (app->log)
			logqueue_append(app->log, r, button, &when, now_ms);
		if (print) {
			char line[512];

			if (replay_json(r, &app->dcfg, line, sizeof(line)))
				puts(line);
			else
				diag_error("an action's line is longer than %zu bytes",
					   sizeof(line));
		}
	}
	if (app->log) {
		/* A given clock (--clock, --date) is not a synchronised one: no retention then.
		 * The kernel is only asked when retention is on. */
		logqueue_tick(app->log, now_ms, app_wall_now_utc(app, now_ms),
			      app->cfg.log_keep_days > 0 && !app->wall_fixed && wallclock_synced());
		app->log_trouble = logqueue_trouble(app->log);
	}
	if (print)
		fflush(stdout);
}

int app_fix_wall_clock(struct app *app, int64_t mono_ms)
{
	char msg[256];

	if (!app->opt.clock && !app->opt.date)
		return 0;
	if (wallclock_parse_fixed(app->opt.clock, app->opt.date, wall_now_ms() / 1000,
				  &app->wall_base_utc, msg, sizeof(msg)) != 0) {
		diag_error("%s", msg);
		return EXIT_USAGE;
	}
	app->wall_fixed = true;
	app->wall_base_mono = mono_ms;
	return 0;
}

static uint64_t prompt_seed(const struct app *app)
{
	return app->opt.seed_given ? app->opt.seed
				   : (uint64_t)wall_now_ms() ^ (uint64_t)mono_now_ms();
}

int app_make_keymap(const struct config *cfg, struct keymap *keys)
{
	char msg[256];
	int problems = 0;

	keymap_defaults(keys);
	for (int b = 0; b < cfg->dev.n_buttons; b++) {
		if (cfg->keys[b].n == 0)
			continue;
		if (keymap_set(keys, b, cfg->keys[b].names, cfg->keys[b].n, msg, sizeof(msg)) !=
		    0) {
			diag_error("[button %s] %s; its default keys stay",
				   cfg->dev.buttons[b].name, msg);
			problems++;
		}
	}
	return problems;
}

int app_make_device(struct app *app)
{
	app->dev = device_new(&app->dcfg, app->deck, prompt_seed(app));
	if (!app->dev) {
		diag_error("out of memory");
		return 1;
	}
	return 0;
}

void app_local_time(const struct app *app, int64_t mono_ms, struct tm *local)
{
	time_t t = (time_t)app_wall_now_utc(app, mono_ms);

	localtime_r(&t, local);
}

/* Tells the device the local time, which the night schedule and prompts depend on. */
void app_tell_local_time(struct app *app, int64_t mono_ms)
{
	struct tm local;
	int64_t local_s;

	app_local_time(app, mono_ms, &local);
	local_s = app_wall_now_utc(app, mono_ms) + local.tm_gmtoff;
	device_set_local_time(app->dev, mono_ms,
			      (int64_t)(local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec) *
				      1000,
			      local_s >= 0 ? local_s / 86400 : (local_s - 86399) / 86400);
}

bool app_tell_clock_state(struct app *app, int64_t mono_ms)
{
	struct clock_facts facts = {.given = app->wall_fixed};
	enum clock_state state;
	bool changed;

	if (!app->wall_fixed) {
		facts.kernel_synced = wallclock_synced();
		facts.rtc_keeps_time = wallclock_rtc_keeps_time(NULL);
		facts.set_this_boot = app->clock_set_this_boot;
	}
	state = app->opt.clock_state >= 0 ? (enum clock_state)app->opt.clock_state
					  : clock_state_decide(&facts);
	app->clock_checked_ms = mono_ms;
	changed = device_set_clock_state(app->dev, state);
	/* Said at the start too, unknown included (the device's first state), then on changes. */
	if (!changed && app->clock_told)
		return false;
	app->clock_told = true;
	if (app->opt.mode != MODE_RUN)
		diag_debug("the clock: %s", clock_state_name(state));
	else if (state == CLOCK_UNKNOWN)
		diag_info(
			"the clock's time is not known to be right (not synchronised, no RTC that "
			"holds a time, not set by hand): it says so until it is set");
	else
		diag_info("the clock: %s", clock_state_name(state));
	return changed;
}

/* The week for the history screen, read when the screen opens, and again when who is here
 * changes (one member's week never stays on screen for someone else). */
const struct history_week *app_week_for(struct app *app, const struct device_view *view,
					int64_t now_ms)
{
	char msg[512] = "";
	int64_t local = device_local_ms(app->dev, now_ms);
	const char *member = view->member >= 0 ? app->dcfg.members[view->member] : NULL;

	if (view->screen != SCREEN_HISTORY) {
		app->week_loaded = false;
		return NULL;
	}
	if (!app->week_loaded || app->week_member != view->member) {
		app->week_loaded = true;
		app->week_member = view->member;
		app->week_ok =
			app->log && local >= 0 &&
			logqueue_week(app->log, local / 86400000, member, app->dcfg.answers,
				      app->dcfg.n_answers, &app->week, msg, sizeof(msg)) == 0;
		if (!app->week_ok && msg[0])
			diag_warn("the history screen: %s", msg);
	}
	return app->week_ok ? &app->week : NULL;
}

struct render_setup app_render_setup(const struct app *app)
{
	return (struct render_setup){.font = app->cfg.font,
				     .rotation = app->cfg.rotation,
				     .glow = app->cfg.ambient_glow,
				     .drift = app->cfg.ambient_drift};
}
