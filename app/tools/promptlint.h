/* SPDX-License-Identifier: MIT */
/* The prompt linter (calm-prompt --check-prompts): bad lines, duplicates, prompts that do not fit
 * the smallest screen, characters the font lacks (errors); words against the writing guide
 * (warnings); and how many prompts each tag has. */
#ifndef CALM_PROMPTLINT_H
#define CALM_PROMPTLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The smallest screen a prompt must fit (3.5" SPI panels), checked landscape and portrait. */
#define PROMPTLINT_SCREEN_W 480
#define PROMPTLINT_SCREEN_H 320

/* A folder of *.deck files to check. */
struct promptlint_dir {
	const char *path;
	bool optional;        /* a missing folder is fine (the household's own decks) */
	const char *language; /* whose words the writing guide's checks look for ("" English) */
};

/* The language of a deck folder's words: its name when that is a language code of two letters
 * ("es", "pt_BR": assets/prompts/es), else spoken (the language the screen speaks). The name is
 * returned in a buffer the next call reuses. */
const char *promptlint_dir_language(const char *path, const char *spoken);

/* Loads every folder into one deck, as the app does, and writes a report to out: one line per
 * error (FILE:LINE: what) and per warning (FILE:LINE: 'id': warning: what; in the folder's
 * language, when wording.c knows its words), then the count of
 * prompts per pathway, audience and time and of shared ones, then "N prompts: E errors, W
 * warnings". The font is the one the app draws with. Returns 0 when no error was found (warnings
 * or not), 1 when one was, or -1 with msg set when the check could not run (the font cannot be
 * opened, out of memory). */
int promptlint_run(const struct promptlint_dir *dirs, size_t n_dirs, const char *font_path,
		   FILE *out, char *msg, size_t msg_len);

#endif
