/* SPDX-License-Identifier: MIT */
/* The service's signals, and reading the settings again on SIGHUP. SIGHUP, SIGTERM and SIGINT
 * only note themselves and wake the loop (a write to a pipe, through input_wake()); the loop
 * acts on them. */
#ifndef CALM_RELOAD_H
#define CALM_RELOAD_H

#include <stdbool.h>

#include "app.h"
#include "events.h"

/* Catches SIGHUP, SIGTERM and SIGINT, waking in (may be NULL). */
void signals_catch(struct input *in);
/* Their defaults again. */
void signals_release(void);

/* Whether a SIGHUP came since the last call (and forgets it). */
bool signals_take_reload(void);
/* Whether SIGTERM or SIGINT came. */
bool signals_quit_asked(void);

/* Reads the settings and the prompt decks again and starts a fresh device on them, keeping
 * what the log remembers (called on the clock screen, so no session is cut short). Any
 * problem keeps what was running. render (NULL: none) takes the new drawing settings. */
void reload_settings(struct app *app, struct render *render);

#endif
