/* SPDX-License-Identifier: MIT */
/* calm-prompt: the command line's entry point; each way of running lives in its own file. */
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include "config_table.h"
#include "eventlog.h"
#include "gpio.h"
#include "setup.h"
#include "diag.h"
#include "logcli.h"
#include "paths.h"
#include "promptlint.h"

#include "app.h"

static int list_patterns(struct app *app)
{
	int ret = app_load_config(app);

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

/* --check-prompts [DIR]: DIR alone, else the decks the app would load. */
static int check_prompts(struct app *app)
{
	char dir[CONFIG_PATH_MAX + 16], msg[512];
	struct promptlint_dir dirs[2];
	size_t n = 0;
	int ret;

	if (app->opt.prompts_dir) {
		dirs[n++] = (struct promptlint_dir){
			app->opt.prompts_dir, false,
			promptlint_dir_language(app->opt.prompts_dir, app->language)};
	} else {
		if (app_deck_dir(app, dir, sizeof(dir)) != 0) {
			diag_errno(DIAG_ERROR, "cannot name the prompt folder");
			return 1;
		}
		dirs[n++] = (struct promptlint_dir){dir, false,
						    promptlint_dir_language(dir, app->language)};
		if (app->cfg.extra_dir[0])
			dirs[n++] =
				(struct promptlint_dir){app->cfg.extra_dir, true, app->language};
	}
	ret = promptlint_run(dirs, n, app->cfg.font, stdout, msg, sizeof(msg));
	if (ret < 0)
		diag_error("%s", msg);
	return ret == 0 ? 0 : 1;
}

static int check_config(struct app *app)
{
	const char *path = app->opt.config_path ? app->opt.config_path : PATHS_DEFAULT_CONFIG;
	struct keymap keys;
	FILE *font;

	if (app_load_config(app) != 0 || app_make_keymap(&app->cfg, &keys) != 0)
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
	char screen[128];

	screen_versions(screen, sizeof(screen));
	printf("calm-prompt %s (%s, SQLite %s, libgpiod %s)\n", CALM_VERSION, screen,
	       eventlog_library_version(), gpio_library_version());
}

int main(int argc, char **argv)
{
	struct app app = {.pattern = -1};
	char msg[512];
	int ret;

	diag_init();
	if (argc > 1 && strcmp(argv[1], "log") == 0)
		return logcli_main(argc - 1, argv + 1);
	if (cli_parse(argc, argv, &app.opt, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "calm-prompt: %s\nTry 'calm-prompt --help'.\n", msg);
		return EXIT_USAGE;
	}
	if (app.opt.verbose)
		diag_set_level(DIAG_DEBUG);
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
	case MODE_LIST_SETTINGS:
		return config_print_rows(stdout, app.opt.settings_format) ? 0 : EXIT_USAGE;
	case MODE_RUN:
	case MODE_SCREENSHOT:
	case MODE_REPLAY:
	case MODE_CHECK_PROMPTS:
		break;
	}
	ret = app_load_config(&app);
	if (ret != 0)
		return ret;
	if (!screen_start(msg, sizeof(msg))) {
		diag_error("%s", msg);
		return 1;
	}
	switch (app.opt.mode) {
	case MODE_SCREENSHOT:
		ret = headless_screenshot(&app);
		break;
	case MODE_REPLAY:
		ret = headless_replay(&app);
		break;
	case MODE_CHECK_PROMPTS:
		ret = check_prompts(&app);
		break;
	default:
		ret = window_run(&app);
		break;
	}
	device_free(app.dev);
	deck_free(app.deck);
	logqueue_close(app.log);
	screen_stop();
	return ret;
}
