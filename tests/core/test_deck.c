/* SPDX-License-Identifier: MIT */
/* Unit tests of deck parsing and the no-repeat picker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <stdbool.h>

#include <cmocka.h>

#include "deck.h"

struct errors {
	int count;
	int lines[8];
	char messages[8][200]; /* "source:line: message", the first eight */
	char last[200];
};

static void collect(void *user, const char *source, int line, const char *message)
{
	struct errors *e = user;

	snprintf(e->last, sizeof(e->last), "%s:%d: %s", source, line, message);
	if (e->count < 8) {
		e->lines[e->count] = line;
		memcpy(e->messages[e->count], e->last, sizeof(e->last));
	}
	e->count++;
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

/* A deck of n prompts "p0".."p<n-1>"; prompt i gets times[i % n_times] and audiences. */
static struct deck *make_deck(int n, const char *const *times, int n_times, const char *audience)
{
	struct deck *d = deck_new();
	char line[160];

	assert_non_null(d);
	for (int i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "p%d | %s | %s | %s | Prompt %d.\n", i,
			 pathway_name((enum pathway)(i % PATHWAY_COUNT)), audience,
			 times[i % n_times], i);
		assert_int_equal(deck_parse(d, "gen", line, strlen(line), NULL, NULL), 1);
	}
	return d;
}

static const char *const any_time[] = {"any"};
static const char *const mixed_times[] = {"morning", "bedtime", "any", "day", "evening,bedtime"};

#define ALL DECK_ALL_AUDIENCES, DECK_ALL_PATHWAYS

static void picker_shows_all_before_repeating(void **state)
{
	enum { N = 37 };
	struct deck *d = make_deck(N, mixed_times, 5, "self");
	struct picker *p = picker_new(d, ALL, 42);
	int seen[N];
	(void)state;

	assert_int_equal(picker_eligible(p), N);
	for (int round = 0; round < 6; round++) {
		memset(seen, 0, sizeof(seen));
		for (int i = 0; i < N; i++) {
			/* the time of day moves on through the rounds, and is unknown in one */
			int64_t now =
				round == 5 ? -1 : (int64_t)(round * 5 + i) * 3600000 % 86400000;
			size_t idx = picker_next(p, now);

			assert_true(idx < N);
			assert_int_equal(seen[idx], 0);
			seen[idx] = 1;
			assert_int_equal(picker_left(p), N - 1 - i);
		}
	}
	picker_free(p);
	deck_free(d);
}

static void picker_is_repeatable_under_a_seed(void **state)
{
	struct deck *d = make_deck(50, mixed_times, 5, "self");
	struct picker *a = picker_new(d, ALL, 7);
	struct picker *b = picker_new(d, ALL, 7);
	struct picker *c = picker_new(d, ALL, 8);
	int differs = 0;
	(void)state;

	for (int i = 0; i < 120; i++) {
		int64_t now = (int64_t)i * 1234567 % 86400000;
		size_t x = picker_next(a, now);

		assert_int_equal(x, picker_next(b, now));
		differs += x != picker_next(c, now);
	}
	assert_true(differs > 0);
	picker_free(a);
	picker_free(b);
	picker_free(c);
	deck_free(d);
}

static void picker_never_repeats_across_a_round_edge(void **state)
{
	struct deck *d = make_deck(2, any_time, 1, "self");
	struct picker *p = picker_new(d, ALL, 3);
	size_t prev = picker_next(p, 0);
	(void)state;

	for (int i = 0; i < 100; i++) {
		size_t next = picker_next(p, 0);

		assert_int_not_equal(next, prev);
		prev = next;
	}
	picker_free(p);
	deck_free(d);
}

static void one_prompt_repeats_round_after_round(void **state)
{
	struct deck *d = make_deck(1, any_time, 1, "self");
	struct picker *p = picker_new(d, ALL, 3);
	(void)state;

	for (int i = 0; i < 5; i++)
		assert_int_equal(picker_next(p, 0), 0);
	picker_free(p);
	deck_free(d);
}

static void empty_picker(void **state)
{
	struct deck *d = deck_new();
	struct picker *p = picker_new(d, ALL, 1);
	struct picker *none = picker_new(NULL, ALL, 1);
	(void)state;

	assert_int_equal(picker_next(p, 0), (size_t)-1);
	assert_int_equal(picker_next(none, -1), (size_t)-1);
	assert_int_equal(picker_eligible(none), 0);
	picker_free(p);
	picker_free(none);
	picker_free(NULL);
	deck_free(d);
}

static void only_eligible_prompts_are_picked(void **state)
{
	const char *text = "self-safe | safety | self | any | A.\n"
			   "kids-safe | safety | kids | any | B.\n"
			   "both-trust | trust | kids,partner | any | C.\n"
			   "kids-trust | trust | kids | any | D.\n"
			   "partner-repair | repair | partner | any | E.\n";
	struct deck *d = deck_new();
	struct picker *p;
	bool seen[5] = {false};
	(void)state;

	assert_int_equal(deck_parse(d, "t", text, strlen(text), NULL, NULL), 5);
	/* kids and partner, safety and trust: not self-safe (self), not partner-repair (repair) */
	p = picker_new(d, AUDIENCE_KIDS | AUDIENCE_PARTNER,
		       1u << PATHWAY_SAFETY | 1u << PATHWAY_TRUST, 9);
	assert_int_equal(picker_eligible(p), 3);
	for (int i = 0; i < 30; i++) {
		size_t idx = picker_next(p, i * 3600000);

		assert_true(idx == 1 || idx == 2 || idx == 3);
		seen[idx] = true;
	}
	assert_true(seen[1] && seen[2] && seen[3]);
	assert_true(
		prompt_eligible(deck_find(d, "both-trust"), AUDIENCE_PARTNER, 1u << PATHWAY_TRUST));
	assert_false(prompt_eligible(deck_find(d, "both-trust"), AUDIENCE_SELF, DECK_ALL_PATHWAYS));
	picker_free(p);
	/* nothing in play: nothing picked, no crash */
	p = picker_new(d, AUDIENCE_FRIENDS, DECK_ALL_PATHWAYS, 9);
	assert_int_equal(picker_eligible(p), 0);
	assert_int_equal(picker_next(p, 0), (size_t)-1);
	picker_free(p);
	deck_free(d);
}

static void parts_of_the_day(void **state)
{
	(void)state;
	assert_int_equal(deck_part_of_day(-1), 0);
	assert_int_equal(deck_part_of_day(0), TIME_BEDTIME);
	assert_int_equal(deck_part_of_day(5 * 3600000 - 1), TIME_BEDTIME);
	assert_int_equal(deck_part_of_day(5 * 3600000), TIME_MORNING);
	assert_int_equal(deck_part_of_day(11 * 3600000 - 1), TIME_MORNING);
	assert_int_equal(deck_part_of_day(11 * 3600000), TIME_DAY);
	assert_int_equal(deck_part_of_day(17 * 3600000), TIME_EVENING);
	assert_int_equal(deck_part_of_day(21 * 3600000 - 1), TIME_EVENING);
	assert_int_equal(deck_part_of_day(21 * 3600000), TIME_BEDTIME);
	assert_int_equal(deck_part_of_day(86400000 - 1), TIME_BEDTIME);
}

/* Over many seeds, what comes first in a round: prompts made for now far more often than those
 * for any time, which come more often than those made for another part of the day. */
static void the_time_of_day_weighs(void **state)
{
	static const char *const thirds[] = {"morning", "any", "bedtime"};
	struct deck *d = make_deck(30, thirds, 3, "self");
	int first[3] = {0}, first_unknown[3] = {0}, early_morning = 0;
	(void)state;

	for (uint64_t seed = 1; seed <= 600; seed++) {
		struct picker *p = picker_new(d, ALL, seed);
		struct picker *u = picker_new(d, ALL, seed);

		first[picker_next(p, 7 * 3600000) % 3]++;
		/* the first ten of the round, still at breakfast */
		for (int i = 0; i < 9; i++)
			early_morning += picker_next(p, 7 * 3600000) % 3 == 0;
		first_unknown[picker_next(u, -1) % 3]++;
		picker_free(p);
		picker_free(u);
	}
	/* weights 16 : 4 : 1 over ten prompts each: 76%, 19%, 5% */
	assert_true(first[0] > 600 * 65 / 100);
	assert_true(first[1] > first[2] * 2);
	assert_true(first[2] > 0); /* still possible */
	assert_true(early_morning > 600 * 9 / 2);
	/* time unknown: all alike, a third each */
	for (int i = 0; i < 3; i++)
		assert_true(first_unknown[i] > 150 && first_unknown[i] < 250);
	deck_free(d);
}

static void restore_takes_the_newest_run_of_distinct_ids(void **state)
{
	struct deck *d = make_deck(6, any_time, 1, "self");
	/* newest first: p2 p0 gone p4, then p0 again (an earlier round) and older */
	const char *const history[] = {"p2", "p0", "gone", "p4", "p0", "p1", "p3"};
	struct picker *p = picker_new(d, ALL, 5);
	bool seen[6] = {false};
	size_t idx = 0;
	(void)state;

	picker_restore(p, history, 7);
	assert_int_equal(picker_left(p), 3);
	for (int i = 0; i < 3; i++) {
		idx = picker_next(p, 0);
		assert_true(idx == 1 || idx == 3 || idx == 5);
		assert_false(seen[idx]);
		seen[idx] = true;
	}
	/* the round is over: the next one does not open with the last shown */
	assert_int_equal(picker_left(p), 0);
	assert_int_not_equal(picker_next(p, -1), idx);
	assert_int_equal(picker_left(p), 5);
	picker_free(p);
	deck_free(d);
}

static void restore_of_a_whole_round_starts_a_new_one(void **state)
{
	struct deck *d = make_deck(3, any_time, 1, "self");
	const char *const history[] = {"p1", "p2", "p0", "p1"};
	(void)state;

	for (uint64_t seed = 1; seed < 40; seed++) {
		struct picker *p = picker_new(d, ALL, seed);

		picker_restore(p, history, 4);
		assert_int_equal(picker_left(p), 0);
		/* p1 closed the round: it does not open the next */
		assert_int_not_equal(picker_next(p, 0), 1);
		assert_int_equal(picker_left(p), 2);
		picker_free(p);
	}
	deck_free(d);
}

static void restore_skips_ineligible_and_unknown_ids(void **state)
{
	const char *text = "a | safety | self | any | A.\n"
			   "b | safety | kids | any | B.\n"
			   "c | safety | self | any | C.\n";
	const char *const history[] = {"b", "nope", "a", "b"};
	struct deck *d = deck_new();
	struct picker *p;
	(void)state;

	deck_parse(d, "t", text, strlen(text), NULL, NULL);
	p = picker_new(d, AUDIENCE_SELF, DECK_ALL_PATHWAYS, 2);
	/* b is not in play: it neither counts as shown nor ends the run */
	picker_restore(p, history, 4);
	assert_int_equal(picker_left(p), 1);
	assert_int_equal(picker_next(p, 0), 2);
	/* a new round, and a was shown before c: either may open it */
	assert_int_not_equal(picker_next(p, 0), 2);
	picker_free(p);
	deck_free(d);
}

static void same_seed_and_history_give_the_same_order(void **state)
{
	struct deck *d = make_deck(20, mixed_times, 5, "self");
	const char *const history[] = {"p3", "p9", "p11"};
	struct picker *a = picker_new(d, ALL, 77), *b = picker_new(d, ALL, 77);
	(void)state;

	picker_restore(a, history, 3);
	picker_restore(b, history, 3);
	for (int i = 0; i < 50; i++) {
		size_t x = picker_next(a, 20 * 3600000);

		assert_int_equal(x, picker_next(b, 20 * 3600000));
		if (i < 17)
			assert_true(x != 3 && x != 9 && x != 11);
	}
	picker_free(a);
	picker_free(b);
	deck_free(d);
}

static void tag_lists_parse(void **state)
{
	unsigned bits = 0;
	char bad[32];
	(void)state;

	assert_true(deck_tags_parse(DECK_TAG_AUDIENCE, "self, kids", &bits, bad, sizeof(bad)));
	assert_int_equal(bits, AUDIENCE_SELF | AUDIENCE_KIDS);
	assert_true(deck_tags_parse(DECK_TAG_PATHWAY, "trust,reflection", &bits, bad, sizeof(bad)));
	assert_int_equal(bits, 1u << PATHWAY_TRUST | 1u << PATHWAY_REFLECTION);
	assert_false(deck_tags_parse(DECK_TAG_PATHWAY, "trust, joy", &bits, bad, sizeof(bad)));
	assert_string_equal(bad, "joy");
	assert_false(deck_tags_parse(DECK_TAG_AUDIENCE, "", &bits, bad, sizeof(bad)));
	assert_string_equal(bad, "");
	assert_string_equal(audience_name(4), "friends");
	assert_string_equal(time_name(3), "bedtime");
	assert_string_equal(audience_name(5), "?");
}

static void prompts_know_their_file_and_line(void **state)
{
	const char *one = "# header\na | safety | self | any | A.\n";
	const char *two = "\n\nbad\nb | trust | self | any | B.\n";
	struct deck *d = deck_new();
	(void)state;

	deck_parse(d, "one.deck", one, strlen(one), NULL, NULL);
	deck_parse(d, "two.deck", two, strlen(two), NULL, NULL);
	assert_string_equal(deck_source(d, deck_find(d, "a")), "one.deck");
	assert_int_equal(deck_find(d, "a")->line, 2);
	assert_string_equal(deck_source(d, deck_find(d, "b")), "two.deck");
	assert_int_equal(deck_find(d, "b")->line, 4);
	deck_free(d);
}

static void the_shared_tag(void **state)
{
	const char *text =
		"plain | safety | self | any | Not on the clock.\n"
		"for-all | empathy | self,family,kids | any | shared | Say something kind.\n"
		"no-tags | trust | self | morning |  | An empty tags column is no tags.\n"
		"spaced | trust | family | any |  shared  | Spaces are trimmed.\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	const struct prompt *p;
	(void)state;

	assert_int_equal(deck_parse(d, "t.deck", text, strlen(text), collect, &e), 4);
	assert_int_equal(e.count, 0);
	assert_false(deck_find(d, "plain")->shared);
	p = deck_find(d, "for-all");
	assert_true(p->shared);
	assert_int_equal(p->audiences, AUDIENCE_SELF | AUDIENCE_FAMILY | AUDIENCE_KIDS);
	assert_int_equal(p->times, TIME_ANY);
	assert_string_equal(p->text, "Say something kind.");
	p = deck_find(d, "no-tags");
	assert_false(p->shared);
	assert_string_equal(p->text, "An empty tags column is no tags.");
	assert_true(deck_find(d, "spaced")->shared);
	deck_free(d);
}

static void bad_shared_lines_are_reported(void **state)
{
	const char *text = "at-night | safety | self | bedtime | shared | Sleep well.\n"
			   "any-and-more | safety | self | any,evening | shared | Mixed times.\n"
			   "unknown | safety | self | any | public | An unknown tag.\n"
			   "seven | safety | self | any | shared | text | more\n"
			   "four | safety | self | any\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	(void)state;

	assert_int_equal(deck_parse(d, "s.deck", text, strlen(text), collect, &e), 0);
	assert_int_equal(e.count, 5);
	assert_string_equal(e.messages[0],
			    "s.deck:1: a shared prompt is for any time: its times must be 'any'");
	assert_string_equal(e.messages[1],
			    "s.deck:2: a shared prompt is for any time: its times must be 'any'");
	assert_string_equal(e.messages[2], "s.deck:3: tag 'public': the only tag is shared");
	assert_string_equal(e.messages[3],
			    "s.deck:4: more than 6 fields ('|' is not allowed in the text)");
	assert_string_equal(e.messages[4],
			    "s.deck:5: expected 'id | pathway | audiences | times | text' (a tags "
			    "column before the text is optional), found 4 fields");
	assert_int_equal(deck_count(d), 0);
	deck_free(d);
}

static void retired_ids_are_never_used_again(void **state)
{
	const char *old = "# a deck, second edition\n"
			  "# retired: old-hug, old-yes,\n"
			  "#retired:old-report\n"
			  "kept | trust | self | any | Still here.\n"
			  "old-yes | trust | self | any | The same id, new words.\n";
	const char *later = "old-hug | safety | partner | any | Reused in another deck.\n"
			    "new-hug | safety | partner | any | A new id is fine.\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	(void)state;

	assert_int_equal(deck_parse(d, "old.deck", old, strlen(old), collect, &e), 1);
	assert_int_equal(deck_parse(d, "later.deck", later, strlen(later), collect, &e), 1);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.messages[0], "old.deck:5: id 'old-yes' is retired (old.deck:2): "
					   "give the prompt a new id");
	assert_string_equal(e.messages[1], "later.deck:1: id 'old-hug' is retired (old.deck:2): "
					   "give the prompt a new id");
	assert_true(deck_is_retired(d, "old-hug"));
	assert_true(deck_is_retired(d, "old-yes"));
	assert_true(deck_is_retired(d, "old-report"));
	assert_false(deck_is_retired(d, "kept"));
	assert_null(deck_find(d, "old-yes"));
	assert_non_null(deck_find(d, "new-hug"));
	deck_free(d);
}

static void retiring_an_id_in_use_is_reported(void **state)
{
	const char *first = "in-use | trust | self | any | Loaded first.\n";
	/* only a comment that starts with "retired:" retires */
	const char *second = "# Notes. retired: not-a-list\n"
			     "# retired: in-use, Bad_Id\n";
	struct deck *d = deck_new();
	struct errors e = {0};
	(void)state;

	deck_parse(d, "first.deck", first, strlen(first), collect, &e);
	deck_parse(d, "second.deck", second, strlen(second), collect, &e);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.messages[0], "second.deck:2: id 'in-use' is retired but a prompt "
					   "uses it (first.deck:1)");
	assert_string_equal(e.messages[1], "second.deck:2: retired id 'Bad_Id': use 1-32 "
					   "characters a-z, 0-9 and '-'");
	assert_true(deck_is_retired(d, "in-use"));
	assert_false(deck_is_retired(d, "not-a-list"));
	deck_free(d);
}

/* Loading is linear in the lines: 40,000 prompts (and as many retired ids) load in well under a
 * second of CPU time (about 0.1 s here), where looking each id up in a list took minutes. */
static void a_deck_of_40000_lines_loads_in_linear_time(void **state)
{
	const int n = 40000;
	size_t len = 0, cap = (size_t)n * 64 + 64;
	char *text = malloc(cap);
	struct deck *d = deck_new();
	struct timespec t0, t1;
	double seconds;
	(void)state;

	assert_non_null(text);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len,
					"# retired: old-%d\np-%d | trust | self | any | Hi.\n", i, i);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	assert_int_equal(deck_parse(d, "big.deck", text, len, NULL, NULL), n);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("40000 prompts and 40000 retired ids: %.3f s of CPU time\n", seconds);
	assert_true(seconds < 1.0);
	assert_non_null(deck_find(d, "p-39999"));
	assert_true(deck_is_retired(d, "old-12345"));
	assert_null(deck_find(d, "p-40000"));
	free(text);
	deck_free(d);
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
		cmocka_unit_test(one_prompt_repeats_round_after_round),
		cmocka_unit_test(only_eligible_prompts_are_picked),
		cmocka_unit_test(parts_of_the_day),
		cmocka_unit_test(the_time_of_day_weighs),
		cmocka_unit_test(restore_takes_the_newest_run_of_distinct_ids),
		cmocka_unit_test(restore_of_a_whole_round_starts_a_new_one),
		cmocka_unit_test(restore_skips_ineligible_and_unknown_ids),
		cmocka_unit_test(same_seed_and_history_give_the_same_order),
		cmocka_unit_test(tag_lists_parse),
		cmocka_unit_test(prompts_know_their_file_and_line),
		cmocka_unit_test(the_shared_tag),
		cmocka_unit_test(bad_shared_lines_are_reported),
		cmocka_unit_test(retired_ids_are_never_used_again),
		cmocka_unit_test(retiring_an_id_in_use_is_reported),
		cmocka_unit_test(a_deck_of_40000_lines_loads_in_linear_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
