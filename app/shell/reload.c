/* SPDX-License-Identifier: MIT */
/* Signals through one self-pipe, and the reload they may ask for. */
#include "reload.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

static volatile sig_atomic_t reload_asked, quit_asked;
static struct input *signal_input;

static void on_signal(int sig)
{
	int saved_errno = errno;

	if (sig == SIGHUP)
		reload_asked = 1;
	else
		quit_asked = 1;
	input_wake(signal_input);
	errno = saved_errno;
}

static const int caught[] = {SIGHUP, SIGTERM, SIGINT};

void signals_catch(struct input *in)
{
	struct sigaction sa = {.sa_handler = on_signal};

	sigemptyset(&sa.sa_mask);
	signal_input = in;
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
}

void signals_release(void)
{
	struct sigaction sa = {.sa_handler = SIG_DFL};

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, NULL);
	signal_input = NULL;
}

bool signals_take_reload(void)
{
	if (!reload_asked)
		return false;
	reload_asked = 0;
	return true;
}

bool signals_quit_asked(void)
{
	return quit_asked != 0;
}

/* Whether a reload changed what is only set up at the start: the window, the font, the
 * log's place and retention, the GPIO lines. */
static bool needs_restart(const struct config *was, const struct config *now)
{
	if (was->width != now->width || was->height != now->height ||
	    was->fullscreen != now->fullscreen || strcmp(was->font, now->font) != 0 ||
	    strcmp(was->database, now->database) != 0 || was->log_keep_days != now->log_keep_days ||
	    was->gpio_use != now->gpio_use || was->dev.n_buttons != now->dev.n_buttons)
		return true;
	for (int i = 0; i < now->dev.n_buttons; i++) {
		const struct button_gpio *a = &was->gpio[i], *b = &now->gpio[i];

		if (strcmp(a->line, b->line) != 0 || strcmp(a->chip, b->chip) != 0 ||
		    a->offset != b->offset || a->active_low != b->active_low ||
		    a->bias != b->bias || a->debounce_ms != b->debounce_ms)
			return true;
	}
	return false;
}

void reload_settings(struct app *app, struct render *render)
{
	struct config *was = malloc(sizeof(*was));
	struct device_config *was_device = malloc(sizeof(*was_device));
	struct deck *was_deck = app->deck;
	struct device *was_dev = app->dev;
	int was_pattern = app->pattern;
	char was_language[LANGUAGE_MAX];

	if (!was || !was_device) {
		diag_error("out of memory: the settings were not read again");
		goto free_copies;
	}
	*was = app->cfg;
	*was_device = app->dcfg;
	memcpy(was_language, app->language, sizeof(was_language));
	if (app_load_config(app) != 0) {
		diag_error("the settings were not read again (problems above): the ones running "
			  "stay");
		goto restore;
	}
	if (app_load_deck(app) != 0)
		goto restore;
	if (app_make_device(app) != 0)
		goto free_deck;
	/* The new device knows what the old one did only from the log: an appreciation still
	 * waiting, the prompts of this round. */
	app_restore_from_log(app);
	app_tell_clock_state(app, mono_now_ms());
	device_free(was_dev);
	deck_free(was_deck);
	if (render) {
		render_set_ambient(render, app->cfg.ambient_glow, app->cfg.ambient_drift);
		render_set_rotation(render, app->cfg.rotation);
	}
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
	memcpy(app->language, was_language, sizeof(app->language));
	(void)i18n_init(app->language); /* spoken before: said at the start if it failed */
	app->deck = was_deck;
	app->dev = was_dev;
free_copies:
	free(was_device);
	free(was);
}
