/* The prompts that ship with the app all load, with no bad line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "deckfiles.h"

static void count_problem(void *user, const char *source, int line, const char *message)
{
	int *n = user;

	fprintf(stderr, "%s:%d: %s\n", source, line, message);
	(*n)++;
}

static void shipped_deck_loads_cleanly(void **state)
{
	struct deck *deck = deck_new();
	int problems = 0;
	int per_pathway[PATHWAY_COUNT] = {0};
	(void)state;

	assert_true(deckfiles_load(deck, CALM_SOURCE_DIR "/assets/prompts", count_problem,
				   &problems) >= 150);
	assert_int_equal(problems, 0);
	for (size_t i = 0; i < deck_count(deck); i++)
		per_pathway[deck_get(deck, i)->pathway]++;
	for (int p = 0; p < PATHWAY_COUNT; p++)
		assert_true(per_pathway[p] >= 20);
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
		cmocka_unit_test(unreadable_folder_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
