/* SPDX-License-Identifier: MIT */
/* The prompts that ship with the app: they all load, with no bad line, and keep the promises of
 * docs/writing-prompts.md that a program can check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "deckfiles.h"
#include "wording.h"

#define SHIPPED    CALM_SOURCE_DIR "/assets/prompts"
#define SHIPPED_ES SHIPPED "/es"

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

/* The Spanish decks sit in a folder inside the English one; the app reads only the *.deck files
 * of its deck folder, so English stays the deck a household gets unless it points at es/. */
static void the_spanish_folder_is_not_loaded_with_the_english(void **state)
{
	struct deck *deck = load_shipped();
	(void)state;

	for (size_t i = 0; i < deck_count(deck); i++)
		assert_true(strncmp(deck_get(deck, i)->id, "es-", 3) != 0);
	assert_null(deck_find(deck, "es-safety-bostezo"));
	deck_free(deck);
}

static bool has_part(const char *id, const char *part)
{
	return strstr(id, part) != NULL;
}

/* The Spanish decks (assets/prompts/es): they load with no bad line, every pathway has its
 * share, the clock's shared set serves every audience, someone alone or grieving has prompts of
 * their own (ids with -duelo- or -solas-, all for self), and repair with children starts with
 * the grown-up. */
static void spanish_decks_load_with_their_counts(void **state)
{
	struct deck *deck = deck_new();
	int problems = 0, per_pathway[PATHWAY_COUNT] = {0}, shared = 0;
	int shared_per_audience[AUDIENCE_COUNT] = {0}, alone_or_grieving = 0;
	int grown_up_first = 0, grown_up_first_bedtime = 0, grown_up_first_repair = 0;
	(void)state;

	assert_non_null(deck);
	assert_true(deckfiles_load(deck, SHIPPED_ES, count_problem, &problems) >= 150);
	assert_int_equal(problems, 0);
	for (size_t i = 0; i < deck_count(deck); i++) {
		const struct prompt *p = deck_get(deck, i);
		char prefix[PROMPT_ID_MAX + 1];

		snprintf(prefix, sizeof(prefix), "es-%s-", pathway_name(p->pathway));
		if (strncmp(p->id, prefix, strlen(prefix)) != 0)
			fprintf(stderr, "%s: the id does not start with %s\n", p->id, prefix);
		assert_true(strncmp(p->id, prefix, strlen(prefix)) == 0);
		per_pathway[p->pathway]++;
		if (p->shared) {
			shared++;
			assert_int_equal(p->times, TIME_ANY);
			for (int a = 0; a < AUDIENCE_COUNT; a++)
				shared_per_audience[a] += (p->audiences >> a) & 1u;
		}
		if (has_part(p->id, "-duelo-") || has_part(p->id, "-solas-")) {
			alone_or_grieving++;
			assert_int_equal(p->audiences, AUDIENCE_SELF);
		}
		if (strncmp(p->text, "Primero los adultos:", 20) == 0) {
			grown_up_first++;
			assert_true(p->audiences & (AUDIENCE_KIDS | AUDIENCE_FAMILY));
			grown_up_first_bedtime += (p->times & TIME_BEDTIME) != 0;
			grown_up_first_repair += p->pathway == PATHWAY_REPAIR;
		}
	}
	for (int p = 0; p < PATHWAY_COUNT; p++)
		assert_true(per_pathway[p] >= 20);
	assert_true(shared >= 30);
	for (int a = 0; a < AUDIENCE_COUNT; a++)
		assert_true(shared_per_audience[a] >= 10);
	assert_true(alone_or_grieving >= 15);
	assert_true(grown_up_first >= 5);
	assert_true(grown_up_first_bedtime >= 2);
	assert_true(grown_up_first_repair >= 3);
	deck_free(deck);
}

/* A household may read both languages at once (deck_dir English, extra_dir es/): no id clash. */
static void spanish_loads_beside_the_english(void **state)
{
	struct deck *deck = load_shipped();
	size_t english = deck_count(deck);
	int problems = 0, added;
	(void)state;

	added = deckfiles_load(deck, SHIPPED_ES, count_problem, &problems);
	assert_true(added >= 150);
	assert_int_equal(problems, 0);
	assert_int_equal(deck_count(deck), english + (size_t)added);
	deck_free(deck);
}

static void unreadable_folder_is_an_error(void **state)
{
	struct deck *deck = deck_new();
	(void)state;

	assert_int_equal(deckfiles_load(deck, "/nonexistent/prompts", NULL, NULL), -1);
	deck_free(deck);
}

struct last_problem {
	int count;
	char text[512];
};

static void keep_problem(void *user, const char *source, int line, const char *message)
{
	struct last_problem *p = user;

	p->count++;
	snprintf(p->text, sizeof(p->text), "%s:%d: %s", source, line, message);
}

/* Writes a deck of whole prompt lines of `bytes` bytes in all to dir/name. */
static void write_deck(const char *dir, const char *name, long bytes)
{
	char path[512];
	FILE *f;
	long written = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; written < bytes; i++) {
		char line[128];
		int n = snprintf(line, sizeof(line), "big-%06d | trust | self | any | A line.\n", i);

		if (written + n > bytes) /* pad the last line's text up to the size */
			n = snprintf(line, sizeof(line), "%-*s\n", (int)(bytes - written - 1), "#");
		fputs(line, f);
		written += n;
	}
	fclose(f);
}

/* A deck file of more than 1 MiB is refused whole, with its name and the limit; one of exactly
 * 1 MiB loads. */
static void a_deck_file_over_1_mib_is_refused(void **state)
{
	char dir[] = "/tmp/calm-bigdeck-XXXXXX", path[600];
	struct last_problem p = {0};
	struct deck *deck = deck_new();
	(void)state;

	assert_non_null(mkdtemp(dir));
	write_deck(dir, "exact.deck", 1L << 20);
	assert_true(deckfiles_load(deck, dir, keep_problem, &p) > 20000);
	assert_int_equal(p.count, 0);
	deck_free(deck);

	snprintf(path, sizeof(path), "%s/exact.deck", dir);
	unlink(path);
	write_deck(dir, "huge.deck", (1L << 20) + 1);
	deck = deck_new();
	assert_int_equal(deckfiles_load(deck, dir, keep_problem, &p), 0);
	assert_int_equal(deck_count(deck), 0);
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.text, "huge.deck"));
	assert_non_null(strstr(p.text, "larger than 1 MiB"));
	deck_free(deck);
	snprintf(path, sizeof(path), "%s/huge.deck", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_deck_loads_cleanly),
		cmocka_unit_test(the_shared_set_serves_every_audience),
		cmocka_unit_test(wording_the_deck_promises),
		cmocka_unit_test(retired_ids_stay_retired),
		cmocka_unit_test(the_accents_deck_loads_beside_the_shipped_one),
		cmocka_unit_test(the_spanish_folder_is_not_loaded_with_the_english),
		cmocka_unit_test(spanish_decks_load_with_their_counts),
		cmocka_unit_test(spanish_loads_beside_the_english),
		cmocka_unit_test(unreadable_folder_is_an_error),
		cmocka_unit_test(a_deck_file_over_1_mib_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
