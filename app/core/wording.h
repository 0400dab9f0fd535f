/* SPDX-License-Identifier: MIT */
/* What docs/writing-prompts.md asks of a prompt's words that a program can check: warnings, not
 * errors, since a few plain words cannot tell every kind sentence from an unkind one. */
#ifndef CALM_WORDING_H
#define CALM_WORDING_H

#include <stdbool.h>

#include "deck.h"

/* Called once per warning, with a sentence that says what was found and what the guide asks. */
typedef void (*wording_fn)(void *user, const struct prompt *prompt, const char *message);

/* Checks one prompt's text against its tags:
 * - a touch word (hug, cuddle, kiss, touch, hold hands, a hand on...) with no offer or ask in the
 *   prompt (ask, offer, would you like, if they'd like...): touch is only ever offered;
 * - a prompt for `self` that needs a second person (each other, together, someone here...);
 * - today, tonight, this morning or this evening in a prompt for any time;
 * - a secret (say surprise), or a grade (well done, good job);
 * - on a shared prompt, words that belong in private (counselling, bedtime, a fight...).
 * Words match whole and in any case. Returns how many warnings were given. */
int wording_check(const struct prompt *prompt, wording_fn fn, void *user);

/* The same checks with a language's own words: "en" (or "") English, "es" Spanish (a region,
 * "es_MX", counts as its language). A language with no word lists gets no warnings. */
int wording_check_in(const struct prompt *prompt, const char *language, wording_fn fn, void *user);
bool wording_knows(const char *language);

#endif
