/* SPDX-License-Identifier: MIT */
/* The wall clock being set is noticed at once, and only once. Setting the clock needs root: the
 * test sets it to what it already is (a step of a few microseconds) and skips without the right. */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "clockwatch.h"

static void a_set_clock_is_noticed_once(void **state)
{
	struct clockwatch *cw = clockwatch_open();
	struct pollfd pfd;
	struct timespec now;
	(void)state;

	assert_non_null(cw);
	pfd = (struct pollfd){.fd = clockwatch_fd(cw), .events = POLLIN};
	assert_false(clockwatch_stepped(cw));
	assert_int_equal(poll(&pfd, 1, 0), 0); /* nothing to wake for */
	clock_gettime(CLOCK_REALTIME, &now);
	if (clock_settime(CLOCK_REALTIME, &now) != 0) {
		clockwatch_close(cw);
		assert_int_equal(errno, EPERM);
		skip(); /* not root: nothing may set the clock here */
	}
	assert_int_equal(poll(&pfd, 1, 1000), 1); /* a sleeping loop wakes */
	assert_true(clockwatch_stepped(cw));
	assert_false(clockwatch_stepped(cw));
	assert_int_equal(poll(&pfd, 1, 0), 0); /* armed again, quiet */
	clockwatch_close(cw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_set_clock_is_noticed_once),
	};

	return cmocka_run_group_tests_name("clockwatch", tests, NULL, NULL);
}
