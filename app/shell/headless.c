/* SPDX-License-Identifier: MIT */
/* Running without a screen: --screenshot draws one frame into an image; --replay feeds a
 * script of presses to the device in virtual time, committing and printing what it does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "diag.h"
#include "procmem.h"
#include "replay.h"
#include "snapshot.h"

#include "app.h"
#include "reload.h"

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
	/* Touches land on the window of --size (or [display] size) as on the screen. */
	struct touch_layout touch = {.panel_w = app->cfg.width,
				     .panel_h = app->cfg.height,
				     .rotation = app->cfg.rotation,
				     .zones = app->cfg.touch_zones};
	char msg[512];
	char *text;
	int ret;

	text = read_text_file(app->opt.replay_path);
	if (!text) {
		diag_errno(DIAG_ERROR, "cannot read the replay script %s", app->opt.replay_path);
		return 1;
	}
	ret = replay_parse(app->opt.replay_path, text, &app->dcfg,
			   app->cfg.touch_use == TOUCH_USE_NO ? NULL : &touch, script, msg,
			   sizeof(msg));
	free(text);
	if (ret != 0) {
		diag_error("%s", msg);
		return EXIT_USAGE;
	}
	return 0;
}

/* "look": what the screen shows, as the device sees the hour (the local time it runs the night
 * and the prompts on, with the offset from UTC the system gives for it). */
static void print_look(struct app *app, int64_t t_ms)
{
	struct device_view view = device_view(app->dev, t_ms);
	struct tm local;
	char seconds[32];

	app_local_time(app, t_ms, &local);
	replay_format_seconds(t_ms, seconds, sizeof(seconds));
	printf("{\"t\":%s,\"look\":", seconds);
	if (view.local_ms < 0) {
		printf("null");
	} else {
		struct civil_time c = clock_civil(view.local_ms);

		printf("\"%04d-%02d-%02dT%02d:%02d\"", c.year, c.month, c.day, c.hour, c.minute);
	}
	printf(",\"utc_offset_min\":%ld,\"screen\":\"%s\",\"night\":%s,\"dark\":%s,\"daily\":",
	       (long)(local.tm_gmtoff / 60), screen_name(view.screen),
	       view.night ? "true" : "false", view.screen_off ? "true" : "false");
	if (view.daily)
		printf("\"%s\"", view.daily->id);
	else
		fputs("null", stdout);
	/* The part of the day prompts are chosen for (none while the hour is unknown). */
	if (view.local_ms >= 0)
		printf(",\"part\":\"%s\"",
		       time_name(__builtin_ctz(deck_part_of_day(view.local_ms % 86400000))));
	/* The history screen's week, as it is read for the screen: each day's date, prompts and
	 * seconds breathed. */
	if (view.screen == SCREEN_HISTORY) {
		const struct history_week *week = app_week_for(app, &view, t_ms);

		printf(",\"week\":");
		for (int i = 0; week && i < HISTORY_DAYS; i++) {
			int y, m, d;

			clock_civil_from_days(week->days[i].day, &y, &m, &d);
			printf("%s[\"%04d-%02d-%02d\",%d,%lld]", i ? "," : "[", y, m, d,
			       week->days[i].prompts,
			       (long long)(week->days[i].breathed_ms / 1000));
		}
		fputs(week ? "]" : "null", stdout);
	}
	fputs("}\n", stdout);
	fflush(stdout);
}

/* "memory": the peak resident set so far and the resident set now, as the kernel counts them. */
static void print_memory(int64_t t_ms)
{
	char seconds[32];
	long peak_kb, now_kb;

	if (procmem_read(&peak_kb, &now_kb) != 0) {
		diag_errno(DIAG_WARN, "cannot read this process's memory");
		return;
	}
	replay_format_seconds(t_ms, seconds, sizeof(seconds));
	printf("{\"t\":%s,\"memory\":{\"peak_kb\":%ld,\"rss_kb\":%ld}}\n", seconds, peak_kb,
	       now_kb);
	fflush(stdout);
}

/* Feeds the script's steps up to until_ms to the device in virtual time; with logging, what
 * the device does is committed and printed step by step ("look", "memory" and "reload" too;
 * without, they only let time run). A reload waits for the clock screen with no press under
 * way, as SIGHUP's does. */
static void play_script(struct app *app, const struct replay_script *script, int64_t until_ms,
			bool logging)
{
	bool reload_asked = false;

	for (size_t i = 0; i < script->count && script->steps[i].t_ms <= until_ms; i++) {
		const struct replay_step *s = &script->steps[i];
		struct device_output out = {0};

		app_tell_local_time(app, s->t_ms);
		if (s->kind == REPLAY_EDGE)
			device_edge_from(app->dev, s->button, s->down, s->t_ms,
					 s->touch ? PRESS_SOURCE_TOUCH : NULL, &out);
		else
			device_tick(app->dev, s->t_ms, &out);
		if (logging)
			app_record(app, &out, s->t_ms, true);
		app_set_wall_clock(app, &out, s->t_ms, logging);
		if (!logging)
			continue;
		reload_asked |= s->kind == REPLAY_RELOAD;
		if (reload_asked && device_at_rest(app->dev)) {
			reload_asked = false;
			reload_settings(app, NULL);
			app_tell_local_time(app, s->t_ms);
			app_tell_clock_state(app, s->t_ms);
		}
		if (s->kind == REPLAY_LOOK)
			print_look(app, s->t_ms);
		else if (s->kind == REPLAY_MEMORY)
			print_memory(s->t_ms);
	}
}

/* --screenshot: one frame, drawn by SDL's software renderer into a surface, saved as PNG. */
int headless_screenshot(struct app *app)
{
	int64_t at_ms = (int64_t)(app->opt.at_s * 1000.0 + 0.5);
	struct device_output out = {0};
	struct render_setup setup = app_render_setup(app);
	struct device_view view;
	struct render_scene scene;
	struct tm local;
	char msg[600];
	int ret = 1;

	if (app_fix_wall_clock(app, 0) != 0)
		return EXIT_USAGE;
	if (app_load_deck(app) != 0 || app_make_device(app) != 0)
		return 1;
	app_tell_local_time(app, 0);
	app_tell_clock_state(app, 0);
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
	app_tell_local_time(app, at_ms);
	view = device_view(app->dev, at_ms);
	app_local_time(app, at_ms, &local);
	if (view.screen == SCREEN_HISTORY && app_open_log(app, true) != 0)
		return 1;
	/* With --db, the log is opened as the app would: one that cannot be shows its mark. */
	if (view.screen != SCREEN_HISTORY && app->opt.db_path && app_open_log(app, false) != 0)
		return 1;
	scene = (struct render_scene){.view = &view,
				      .device = &app->dcfg,
				      .week = app_week_for(app, &view, at_ms),
				      .local = &local,
				      .clock_24h = app->cfg.clock_24h,
				      .log_trouble = app->log_trouble};
	if (screen_snapshot(&setup, app->cfg.width, app->cfg.height, &scene,
			    app->opt.screenshot_path, msg, sizeof(msg)) != 0) {
		diag_error("%s", msg);
		return 1;
	}
	return 0;
}

int headless_replay(struct app *app)
{
	struct replay_script script;
	int ret = load_script(app, &script);

	if (ret != 0)
		return ret;
	if (app_fix_wall_clock(app, 0) != 0 || app_load_deck(app) != 0 ||
	    app_make_device(app) != 0 || app_open_log(app, true) != 0) {
		replay_script_free(&script);
		return 1;
	}
	app_restore_from_log(app);
	app_tell_clock_state(app, 0);
	if (app->opt.start_screen >= 0) {
		struct device_output out = {0};

		app_tell_local_time(app, 0);
		device_open(app->dev, (enum screen)app->opt.start_screen, app->pattern, 0, &out);
		app_record(app, &out, 0, true);
	}
	play_script(app, &script, INT64_MAX, true);
	replay_script_free(&script);
	return app->log_trouble ? 1 : 0;
}
