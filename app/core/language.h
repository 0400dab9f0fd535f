/* SPDX-License-Identifier: MIT */
/* Which language the screen speaks: [display] language when set, else the locale the service
 * or the session was started in, else English. Pure: the environment is given. */
#ifndef CALM_LANGUAGE_H
#define CALM_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>

#define LANGUAGE_MAX 32

/* The environment that names a locale, as getenv gives it (NULL: not set). */
struct language_env {
	const char *language;    /* LANGUAGE: a list like "es:en", used only with a locale */
	const char *lc_all;      /* LC_ALL */
	const char *lc_messages; /* LC_MESSAGES */
	const char *lang;        /* LANG */
};

/* The language to speak, into out: configured when it is not empty, else the locale of env
 * (LC_ALL, else LC_MESSAGES, else LANG; LANGUAGE's first entry wins over it unless that locale
 * is C or POSIX, as GNU gettext does). The codeset is dropped ("es_ES.UTF-8" -> "es_ES"); ""
 * means English. */
void language_pick(const char *configured, const struct language_env *env, char *out, size_t len);

/* Whether a language name is well formed: letters, then optionally '_' and letters or digits,
 * then optionally '@' and a modifier ("es", "pt_BR", "sr@latin"), under LANGUAGE_MAX. */
bool language_valid(const char *name);

/* The names a deck folder or catalogue is looked for under, most specific first: "pt_BR" gives
 * "pt_BR" then "pt". Returns how many (0 for English, else 1 or 2). */
int language_candidates(const char *language, char out[2][LANGUAGE_MAX]);

#endif
