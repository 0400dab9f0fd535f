/* SPDX-License-Identifier: MIT */
/* Loading prompt decks from a folder of *.deck files. */
#ifndef CALM_DECKFILES_H
#define CALM_DECKFILES_H

#include "deck.h"

/* Adds every *.deck file in dir (in name order) to deck; bad lines go to on_error with their
 * file and line. Returns the number of prompts loaded, or -1 when dir cannot be read (errno). */
int deckfiles_load(struct deck *deck, const char *dir, deck_error_fn on_error, void *user);

#endif
