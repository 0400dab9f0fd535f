/* Unit tests of deck parsing and the no-repeat picker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "deck.h"

struct errors {
	int count;
	int lines[8];
	char last[200];
};

static void collect(void *user, const char *source, int line, const char *message)
{
	struct errors *e = user;

	if (e->count < 8)
		e->lines[e->count] = line;
	e->count++;
	snprintf(e->last, sizeof(e->last), "%s:%d: %s", source, line, message);
}

static void parses_good_lines_and_tags(void **state)
{
	const char *text =
		"# a comment\n"
		"\n"
		"safety-sit | safety | partner,family | bedtime | Sit close for a minute.\n"
		"  kids-hug|empathy|kids|any|Give a hug — a big one, José!  \r\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	const struct prompt *p;
	(void)state;

	assert_int_equal(deck_parse(d, "t.deck", text, strlen(text), collect, &e), 2);
	assert_int_equal(e.count, 0);
	assert_int_equal(deck_count(d), 2);
	p = deck_get(d, 0);
	assert_string_equal(p->id, "safety-sit");
	assert_int_equal(p->pathway, PATHWAY_SAFETY);
	assert_int_equal(p->audiences, AUDIENCE_PARTNER | AUDIENCE_FAMILY);
	assert_int_equal(p->times, TIME_BEDTIME);
	assert_string_equal(p->text, "Sit close for a minute.");
	p = deck_find(d, "kids-hug");
	assert_non_null(p);
	assert_string_equal(p->text, "Give a hug — a big one, José!");
	assert_null(deck_find(d, "nope"));
	deck_free(d);
}

static void bad_lines_are_reported_and_skipped(void **state)
{
	const char *text = "ok-one | trust | self | any | Fine.\n"
			   "only | three | fields\n"
			   "Bad_Id | trust | self | any | Text.\n"
			   "ok-two | joy | self | any | Text.\n"
			   "ok-three | trust | aliens | any | Text.\n"
			   "ok-four | trust | self | noon | Text.\n"
			   "ok-one | trust | self | any | Same id again.\n"
			   "ok-five | trust | self | any | \n"
			   "ok-six | repair | self,friends | morning,evening | Also fine.";
	struct deck *d = deck_new();
	struct errors e = {0};
	(void)state;

	assert_int_equal(deck_parse(d, "bad.deck", text, strlen(text), collect, &e), 2);
	assert_int_equal(e.count, 7);
	for (int i = 0; i < 7; i++)
		assert_int_equal(e.lines[i], i + 2);
	assert_string_equal(e.last, "bad.deck:8: the prompt text is empty");
	assert_non_null(deck_find(d, "ok-six"));
	assert_string_equal(deck_find(d, "ok-one")->text, "Fine.");
	deck_free(d);
}

static void error_messages_name_the_bad_value(void **state)
{
	const char *text = "x | trust | self | sometimes | Text.\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	(void)state;

	deck_parse(d, "f", text, strlen(text), collect, &e);
	assert_string_equal(e.last,
			    "f:1: time 'sometimes': use morning, day, evening, bedtime or any");
	deck_free(d);
}

static void picker_shows_all_before_repeating(void **state)
{
	enum { N = 37 };
	struct picker *p = picker_new(N, 42);
	int seen[N];
	(void)state;

	for (int round = 0; round < 5; round++) {
		memset(seen, 0, sizeof(seen));
		for (int i = 0; i < N; i++) {
			size_t idx = picker_next(p);

			assert_true(idx < N);
			assert_int_equal(seen[idx], 0);
			seen[idx] = 1;
		}
	}
	picker_free(p);
}

static void picker_is_repeatable_under_a_seed(void **state)
{
	struct picker *a = picker_new(50, 7);
	struct picker *b = picker_new(50, 7);
	struct picker *c = picker_new(50, 8);
	int differs = 0;
	(void)state;

	for (int i = 0; i < 50; i++) {
		size_t x = picker_next(a);

		assert_int_equal(x, picker_next(b));
		differs += x != picker_next(c);
	}
	assert_true(differs > 0);
	picker_free(a);
	picker_free(b);
	picker_free(c);
}

static void picker_never_repeats_across_a_round_edge(void **state)
{
	struct picker *p = picker_new(2, 3);
	size_t prev = picker_next(p);
	(void)state;

	for (int i = 0; i < 100; i++) {
		size_t next = picker_next(p);

		assert_int_not_equal(next, prev);
		prev = next;
	}
	picker_free(p);
}

static void empty_picker(void **state)
{
	struct picker *p = picker_new(0, 1);
	(void)state;

	assert_int_equal(picker_next(p), (size_t)-1);
	picker_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_good_lines_and_tags),
		cmocka_unit_test(bad_lines_are_reported_and_skipped),
		cmocka_unit_test(error_messages_name_the_bad_value),
		cmocka_unit_test(picker_shows_all_before_repeating),
		cmocka_unit_test(picker_is_repeatable_under_a_seed),
		cmocka_unit_test(picker_never_repeats_across_a_round_edge),
		cmocka_unit_test(empty_picker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
