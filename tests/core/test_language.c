/* SPDX-License-Identifier: MIT */
/* Which language the screen speaks: the setting, else the locale, else English. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clock.h"
#include "language.h"

static const char *pick(const char *configured, struct language_env env)
{
	static char out[LANGUAGE_MAX];

	language_pick(configured, &env, out, sizeof(out));
	return out;
}

static void test_setting_wins(void **state)
{
	(void)state;
	assert_string_equal(pick("es", (struct language_env){"fr", "de_DE.UTF-8", NULL, NULL}),
			    "es");
	assert_string_equal(pick("pt_BR", (struct language_env){0}), "pt_BR");
}

static void test_locale_order(void **state)
{
	(void)state;
	/* LC_ALL, else LC_MESSAGES, else LANG; the codeset is dropped, a modifier kept */
	assert_string_equal(pick("", (struct language_env){NULL, "es_ES.UTF-8", "de_DE", "fr_FR"}),
			    "es_ES");
	assert_string_equal(pick(NULL, (struct language_env){NULL, "", "de_DE.UTF-8", "fr_FR"}),
			    "de_DE");
	assert_string_equal(pick("", (struct language_env){NULL, NULL, NULL, "sr_RS.UTF-8@latin"}),
			    "sr_RS@latin");
	/* LANGUAGE's first entry, but only with a locale that is not C */
	assert_string_equal(pick("", (struct language_env){"pt_BR:pt", NULL, NULL, "en_GB.UTF-8"}),
			    "pt_BR");
	assert_string_equal(pick("", (struct language_env){"es", "C", NULL, "es_ES.UTF-8"}), "");
	assert_string_equal(pick("", (struct language_env){"es", NULL, NULL, "C.UTF-8"}), "");
	assert_string_equal(pick("", (struct language_env){"es", NULL, NULL, "POSIX"}), "");
	assert_string_equal(pick("", (struct language_env){0}), "");
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(language_valid("es"));
	assert_true(language_valid("pt_BR"));
	assert_true(language_valid("sr@latin"));
	assert_true(language_valid("en@check"));
	assert_false(language_valid(""));
	assert_false(language_valid("e"));
	assert_false(language_valid("es_ES.UTF-8"));
	assert_false(language_valid("../etc"));
	assert_false(language_valid("es_"));
	assert_false(language_valid("es/x"));
}

static void test_candidates(void **state)
{
	char names[2][LANGUAGE_MAX];

	(void)state;
	assert_int_equal(language_candidates("pt_BR", names), 2);
	assert_string_equal(names[0], "pt_BR");
	assert_string_equal(names[1], "pt");
	assert_int_equal(language_candidates("es", names), 1);
	assert_string_equal(names[0], "es");
	assert_int_equal(language_candidates("", names), 0);
	assert_int_equal(language_candidates("../x", names), 0);
}

static void test_day_and_month_names(void **state)
{
	(void)state;
	assert_string_equal(clock_weekday_name(0), "Sunday");
	assert_string_equal(clock_weekday_name(2), "Tuesday");
	assert_string_equal(clock_weekday_name(7), "");
	assert_string_equal(clock_weekday_short(4), "Th");
	assert_string_equal(clock_month_name(1), "January");
	assert_string_equal(clock_month_name(11), "November");
	assert_string_equal(clock_month_name(0), "");
	assert_string_equal(clock_month_name(13), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setting_wins),
		cmocka_unit_test(test_locale_order),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_candidates),
		cmocka_unit_test(test_day_and_month_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
