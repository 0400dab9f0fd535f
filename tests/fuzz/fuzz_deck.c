/* SPDX-License-Identifier: MIT */
/* libFuzzer: the deck parser (core/deck.c). The input is one deck file, parsed twice into the
 * same deck (a second file repeating ids and retiring them), then a round of prompts picked. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const char *source, int line, const char *message)
{
	(void)user;
	(void)source;
	(void)line;
	(void)message;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct deck *deck = deck_new();
	struct picker *picker;
	const char *ids[4];
	size_t n_ids = 0;

	if (deck == NULL)
		return 0;
	/* Not NUL-terminated on purpose: the parser must stay within len. */
	deck_parse(deck, "a.deck", (const char *)data, size, ignore, NULL);
	deck_parse(deck, "b.deck", (const char *)data, size, NULL, NULL);
	for (size_t i = 0; i < deck_count(deck) && n_ids < 4; i++)
		ids[n_ids++] = deck_get(deck, i)->id;
	picker = picker_new(deck, ~0u, ~0u, size);
	if (picker != NULL) {
		picker_restore(picker, ids, n_ids);
		for (size_t i = 0; i <= picker_eligible(picker); i++)
			picker_next(picker, (int64_t)(i * 3600000 % 86400000));
		picker_free(picker);
	}
	deck_free(deck);
	return 0;
}
