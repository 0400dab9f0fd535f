/* SPDX-License-Identifier: MIT */
/* The one UTF-8 decoder: every length, and each way a sequence can be malformed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "utf8.h"

static size_t decode(const char *s, size_t n, uint32_t *c)
{
	return utf8_decode((const unsigned char *)s, n, c);
}

static void well_formed_sequences(void **state)
{
	uint32_t c = 0;
	(void)state;

	assert_int_equal(decode("A", 1, &c), 1);
	assert_int_equal(c, 0x41);
	assert_int_equal(decode("\xc3\xa9", 2, &c), 2); /* é */
	assert_int_equal(c, 0xe9);
	assert_int_equal(decode("\xe2\x80\x94", 3, &c), 3); /* em dash */
	assert_int_equal(c, 0x2014);
	assert_int_equal(decode("\xf0\x9f\x8c\x99", 4, &c), 4); /* crescent moon */
	assert_int_equal(c, 0x1f319);
	assert_int_equal(decode("\xf4\x8f\xbf\xbf", 4, &c), 4);
	assert_int_equal(c, 0x10ffff);
}

static void malformed_sequences(void **state)
{
	uint32_t c = 0;
	(void)state;

	assert_int_equal(decode("\x80", 1, &c), 0);             /* a continuation alone */
	assert_int_equal(decode("\xc0\xaf", 2, &c), 0);         /* overlong '/' */
	assert_int_equal(decode("\xe0\x80\xaf", 3, &c), 0);     /* overlong, three bytes */
	assert_int_equal(decode("\xed\xa0\x80", 3, &c), 0);     /* a surrogate */
	assert_int_equal(decode("\xf4\x90\x80\x80", 4, &c), 0); /* past U+10FFFF */
	assert_int_equal(decode("\xe2\x80", 2, &c), 0);         /* cut short */
	assert_int_equal(decode("\xc3" "A", 2, &c), 0);         /* not a continuation */
	assert_int_equal(decode("\xff", 1, &c), 0);
	assert_int_equal(decode("", 0, &c), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(well_formed_sequences),
		cmocka_unit_test(malformed_sequences),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
