/* SPDX-License-Identifier: MIT */
/* Unit tests of the word checks: what the writing guide asks that a program can check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "wording.h"

struct seen {
	int n;
	char last[240];
};

static void collect(void *user, const struct prompt *p, const char *message)
{
	struct seen *s = user;

	(void)p;
	s->n++;
	snprintf(s->last, sizeof(s->last), "%s", message);
}

/* The warnings one line of deck text gets in a language; the last message in s. */
static int check_in(const char *language, const char *line, struct seen *s)
{
	struct deck *deck = deck_new();
	int n;

	assert_non_null(deck);
	assert_int_equal(deck_parse(deck, "t.deck", line, strlen(line), NULL, NULL), 1);
	*s = (struct seen){0};
	n = wording_check_in(deck_get(deck, 0), language, collect, s);
	assert_int_equal(n, s->n);
	deck_free(deck);
	return n;
}

/* The warnings one line of deck text gets; the last message in s. */
static int check(const char *line, struct seen *s)
{
	struct deck *deck = deck_new();
	int n;

	assert_non_null(deck);
	assert_int_equal(deck_parse(deck, "t.deck", line, strlen(line), NULL, NULL), 1);
	*s = (struct seen){0};
	n = wording_check(deck_get(deck, 0), collect, s);
	assert_int_equal(n, s->n);
	deck_free(deck);
	return n;
}

static void touch_is_only_offered(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(check("a | safety | partner | any | Give them a long hug.", &s), 1);
	assert_string_equal(s.last, "'hug' with no offer or ask: touch is only ever offered "
				    "(\"ask if they'd like...\")");
	assert_int_equal(check("a | safety | family | any | Rest a hand on their back.", &s), 1);
	assert_int_equal(check("a | safety | partner | any | HOLD HANDS on the walk.", &s), 1);
	assert_int_equal(check("a | safety | kids | bedtime | Cuddle up with someone.", &s), 1);
	/* Asked or offered, it is fine, curly apostrophe and all. */
	assert_int_equal(check("a | safety | partner | any | Ask if they'd like a hug.", &s), 0);
	assert_int_equal(check("a | safety | partner | any | Offer a shoulder rub.", &s), 0);
	assert_int_equal(
		check("a | safety | partner | any | If you\xe2\x80\x99" "d both like it, kiss.", &s),
		0);
	/* The reader's own body, and things, are not someone to ask. */
	assert_int_equal(check("a | safety | kids | any | Put a hand on your tummy.", &s), 0);
	assert_int_equal(check("a | safety | self | any | Find something you could touch.", &s), 0);
	/* Whole words only: "thug" and "touchstone" are other words. */
	assert_int_equal(check("a | safety | family | any | A touchstone, a thug, a chug.", &s), 0);
}

static void self_prompts_need_nobody_else(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(check("a | trust | self | any | Sit side by side for a while.", &s), 1);
	assert_string_equal(s.last, "tagged self, but 'side by side' needs a second person: a self "
				    "prompt is done alone");
	assert_int_equal(check("a | trust | self,partner | any | Breathe together.", &s), 1);
	assert_int_equal(check("a | trust | self | any | Tell each other one thing.", &s), 1);
	assert_int_equal(check("a | trust | self | any | Ask someone here for help.", &s), 1);
	/* One body: hands rubbed together need nobody else. */
	assert_int_equal(check("a | trust | self | any | Rub your hands together.", &s), 0);
	/* Without self, together is what the prompt is for. */
	assert_int_equal(check("a | trust | partner | any | Breathe together.", &s), 0);
}

static void any_time_is_any_hour(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(check("a | reflection | self | any | What went well today?", &s), 1);
	assert_string_equal(s.last, "'today' in a prompt for any time, which may be read at 2 "
				    "a.m.: say 'lately', or leave it out");
	assert_int_equal(check("a | reflection | self | morning,any | Tonight, rest.", &s), 1);
	assert_int_equal(check("a | reflection | self | evening | What went well today?", &s), 0);
	assert_int_equal(check("a | reflection | self | any | What went well lately?", &s), 0);
}

static void secrets_grades_and_the_shared_screen(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(check("a | trust | kids | day | Plan a secret for Gran.", &s), 1);
	assert_int_equal(check("a | trust | kids | day | Plan a surprise for Gran.", &s), 0);
	assert_int_equal(check("a | trust | self | day | Well done! You should rest.", &s), 1);
	assert_string_equal(s.last, "'well done' grades the reader: leave it out");
	assert_int_equal(check("a | trust | family | any | shared | Say sorry for the fight.", &s),
			 1);
	assert_string_equal(s.last, "shared, but 'fight' is not for the clock everyone walks past "
				    "(no help, bed, conflict or intimacy there)");
	assert_int_equal(check("a | trust | family | any | Say sorry for the fight.", &s), 0);
}

/* Several problems in one prompt: each kind is one warning. */
static void each_kind_warns_once(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(
		check("a | safety | self,family | any | Hug each other today, hug again today.",
		      &s),
		3);
}

/* The same promises in Spanish words, for the Spanish decks. */
static void spanish_words(void **state)
{
	struct seen s;
	(void)state;

	assert_true(wording_knows("es"));
	assert_true(wording_knows("es_MX"));
	assert_true(wording_knows(""));
	assert_false(wording_knows("fr"));
	/* touch, only offered; the reader's own body is nobody to ask */
	assert_int_equal(check_in("es", "a | safety | partner | any | Dale un abrazo largo.", &s), 1);
	assert_string_equal(s.last, "'abrazo' with no offer or ask: touch is only ever offered "
				    "(\"pregunta si le apetece...\")");
	assert_int_equal(
		check_in("es", "a | safety | partner | any | Pregunta si le apetece un abrazo.", &s),
		0);
	assert_int_equal(check_in("es", "a | safety | family | any | Pon una mano en el pecho.", &s),
			 0);
	/* a second person in a prompt for someone alone */
	assert_int_equal(check_in("es", "a | trust | self | any | Respirad juntos un rato.", &s), 1);
	assert_int_equal(check_in("es", "a | trust | self | any | Hablad los dos un rato.", &s), 1);
	assert_int_equal(check_in("es", "a | trust | self | any | Coge la taza con las dos manos.", &s),
			 0);
	/* a time of day in a prompt for any time; accented words whole */
	assert_int_equal(check_in("es", "a | safety | self | any | ¿Qué tal esta mañana?", &s), 1);
	assert_string_equal(s.last, "'esta mañana' in a prompt for any time, which may be read at "
				    "2 a.m.: say 'últimamente', or leave it out");
	assert_int_equal(check_in("es", "a | safety | self | morning | ¿Qué tal esta mañana?", &s),
			 0);
	assert_int_equal(check_in("es", "a | safety | self | any | Mira el camarón y la cámara.", &s),
			 0);
	assert_int_equal(check_in("es", "a | safety | kids | any | Guarda un secreto.", &s), 1);
	assert_int_equal(check_in("es", "a | safety | kids | any | ¡Bien hecho!", &s), 1);
	assert_int_equal(
		check_in("es", "a | repair | family | any | shared | Di lo siento si hace falta.", &s),
		1);
	/* English words mean nothing in a Spanish deck, nor Spanish ones in an English deck */
	assert_int_equal(check_in("es", "a | safety | partner | any | Give them a long hug.", &s), 0);
	assert_int_equal(check_in("en", "a | safety | partner | any | Dale un abrazo largo.", &s), 0);
	/* a language with no word lists: no warnings, never false ones */
	assert_int_equal(check_in("fr", "a | safety | partner | any | Give them a long hug.", &s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(touch_is_only_offered),
		cmocka_unit_test(self_prompts_need_nobody_else),
		cmocka_unit_test(any_time_is_any_hour),
		cmocka_unit_test(secrets_grades_and_the_shared_screen),
		cmocka_unit_test(each_kind_warns_once),
		cmocka_unit_test(spanish_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
