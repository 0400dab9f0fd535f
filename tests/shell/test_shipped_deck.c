/* SPDX-License-Identifier: MIT */
/* The prompts that ship with the app: they all load, with no bad line, and keep the promises of
 * docs/writing-prompts.md that a program can check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "deckfiles.h"
#include "wording.h"

#define SHIPPED CALM_SOURCE_DIR "/assets/prompts"

static void count_problem(void *user, const char *source, int line, const char *message)
{
	int *n = user;

	fprintf(stderr, "%s:%d: %s\n", source, line, message);
	(*n)++;
}

static struct deck *load_shipped(void)
{
	struct deck *deck = deck_new();
	int problems = 0;

	assert_non_null(deck);
	assert_true(deckfiles_load(deck, SHIPPED, count_problem, &problems) >= 250);
	assert_int_equal(problems, 0);
	return deck;
}

static void shipped_deck_loads_cleanly(void **state)
{
	struct deck *deck = load_shipped();
	int per_pathway[PATHWAY_COUNT] = {0};
	(void)state;

	for (size_t i = 0; i < deck_count(deck); i++)
		per_pathway[deck_get(deck, i)->pathway]++;
	for (int p = 0; p < PATHWAY_COUNT; p++)
		assert_true(per_pathway[p] >= 20);
	deck_free(deck);
}

/* The clock's prompt of the day comes from the shared set and the household's audiences: the set
 * is large enough for any single audience, and every one of it fits any hour. */
static void the_shared_set_serves_every_audience(void **state)
{
	struct deck *deck = load_shipped();
	int shared = 0, per_audience[AUDIENCE_COUNT] = {0};
	(void)state;

	for (size_t i = 0; i < deck_count(deck); i++) {
		const struct prompt *p = deck_get(deck, i);

		if (!p->shared)
			continue;
		shared++;
		assert_int_equal(p->times, TIME_ANY);
		for (int a = 0; a < AUDIENCE_COUNT; a++)
			per_audience[a] += (p->audiences >> a) & 1u;
	}
	assert_true(shared >= 30);
	for (int a = 0; a < AUDIENCE_COUNT; a++) {
		if (per_audience[a] < 10)
			fprintf(stderr, "only %d shared prompts for %s\n", per_audience[a],
				audience_name(a));
		assert_true(per_audience[a] >= 10);
	}
	deck_free(deck);
}

static void print_warning(void *user, const struct prompt *p, const char *message)
{
	(void)user;
	fprintf(stderr, "%s: %s\n", p->id, message);
}

/* What the writing guide asks that a program can check (wording.h, as --check-prompts warns):
 * touch only offered, a self prompt done alone, no 'today' at any hour, no secrets, no grades,
 * nothing private on the shared screen. */
static void wording_the_deck_promises(void **state)
{
	struct deck *deck = load_shipped();
	int warnings = 0;
	(void)state;

	for (size_t i = 0; i < deck_count(deck); i++)
		warnings += wording_check(deck_get(deck, i), print_warning, NULL);
	assert_int_equal(warnings, 0);
	deck_free(deck);
}

/* Ids removed from the first edition: still listed as retired, so never given to new words. */
static void retired_ids_stay_retired(void **state)
{
	static const char *const first_edition[] = {
		"safety-long-hug",
		"safety-tete-a-tete",
		"safety-little-cafe",
		"empathy-crepe-day",
		"empathy-naive-question",
		"empathy-eyes-thirty",
		"repair-not-going-anywhere",
		"repair-we-are-okay",
		"repair-sibling-peace",
		"repair-something-sweet",
		"trust-where-and-when",
		"trust-quick-yes",
		"trust-peek-in",
		"trust-secret-wave",
		"trust-deja-vu",
		"trust-first-met",
		"trust-lead-by-hand",
		"resilience-souffle-day",
		"resilience-pinata-float",
		"reflection-grandma-cafe",
	};
	struct deck *deck = load_shipped();
	(void)state;

	for (size_t i = 0; i < sizeof(first_edition) / sizeof(first_edition[0]); i++) {
		if (!deck_is_retired(deck, first_edition[i]))
			fprintf(stderr, "%s is no longer listed as retired\n", first_edition[i]);
		assert_true(deck_is_retired(deck, first_edition[i]));
		assert_null(deck_find(deck, first_edition[i]));
	}
	deck_free(deck);
}

/* The accented words live in a test deck; it loads beside the shipped one without a clash. */
static void the_accents_deck_loads_beside_the_shipped_one(void **state)
{
	struct deck *deck = load_shipped();
	int problems = 0;
	(void)state;

	assert_int_equal(
		deckfiles_load(deck, CALM_SOURCE_DIR "/tests/prompts", count_problem, &problems),
		10);
	assert_int_equal(problems, 0);
	deck_free(deck);
}

static void unreadable_folder_is_an_error(void **state)
{
	struct deck *deck = deck_new();
	(void)state;

	assert_int_equal(deckfiles_load(deck, "/nonexistent/prompts", NULL, NULL), -1);
	deck_free(deck);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_deck_loads_cleanly),
		cmocka_unit_test(the_shared_set_serves_every_audience),
		cmocka_unit_test(wording_the_deck_promises),
		cmocka_unit_test(retired_ids_stay_retired),
		cmocka_unit_test(the_accents_deck_loads_beside_the_shipped_one),
		cmocka_unit_test(unreadable_folder_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
