/* SPDX-License-Identifier: MIT */
/* Loading prompt decks from a folder of *.deck files. */
#ifndef CALM_DECKFILES_H
#define CALM_DECKFILES_H

#include "deck.h"

/* A deck file is at most this big (1 MiB: thousands of prompts); a bigger one is refused whole. */
#define DECKFILES_MAX_BYTES (1L << 20)

/* Adds every *.deck file in dir (in name order) to deck; bad lines go to on_error with their
 * file and line, a file that cannot be read (or is over DECKFILES_MAX_BYTES) with line 0. Returns the number of prompts loaded, or -1 when dir cannot be read (errno). */
int deckfiles_load(struct deck *deck, const char *dir, deck_error_fn on_error, void *user);

#endif
