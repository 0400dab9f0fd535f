/* SPDX-License-Identifier: MIT */
/* Unit tests of the sd_notify module: what systemd is told, and when, over a real socket. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "notify.h"

/* A datagram socket standing in for systemd's notify socket, named in NOTIFY_SOCKET. */
struct listener {
	int fd;
	char dir[64];
	struct sockaddr_un addr;
};

static int listener_setup(void **state)
{
	struct listener *l = calloc(1, sizeof(*l));

	assert_non_null(l);
	snprintf(l->dir, sizeof(l->dir), "/tmp/calm-notify-XXXXXX");
	assert_non_null(mkdtemp(l->dir));
	l->addr.sun_family = AF_UNIX;
	snprintf(l->addr.sun_path, sizeof(l->addr.sun_path), "%s/notify", l->dir);
	l->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	assert_true(l->fd >= 0);
	assert_int_equal(bind(l->fd, (struct sockaddr *)&l->addr, sizeof(l->addr)), 0);
	setenv("NOTIFY_SOCKET", l->addr.sun_path, 1);
	/* Ten seconds, for this process: the keep-alive is due every five. */
	setenv("WATCHDOG_USEC", "10000000", 1);
	{
		char pid[32];

		snprintf(pid, sizeof(pid), "%ld", (long)getpid());
		setenv("WATCHDOG_PID", pid, 1);
	}
	*state = l;
	return 0;
}

static int listener_teardown(void **state)
{
	struct listener *l = *state;

	close(l->fd);
	unlink(l->addr.sun_path);
	rmdir(l->dir);
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	free(l);
	return 0;
}

/* Everything sent since the last call, one message a line ("" when nothing). */
static const char *received(struct listener *l)
{
	static char all[512];
	char one[128];
	ssize_t n;

	all[0] = '\0';
	while ((n = recv(l->fd, one, sizeof(one) - 1, 0)) > 0) {
		one[n] = '\0';
		strncat(all, one, sizeof(all) - strlen(all) - 2);
		strcat(all, "\n");
	}
	return all;
}

#ifdef CALM_HAVE_LIBSYSTEMD

static void ready_once_then_watchdog_at_half_the_interval(void **state)
{
	struct listener *l = *state;
	struct notify *n = notify_open();

	assert_non_null(n);
	assert_int_equal(notify_watchdog_ms(n), 10000);
	/* The screen is open: more time for the first frame, and no keep-alive before it. */
	assert_string_equal(received(l), "EXTEND_TIMEOUT_USEC=90000000\n");
	assert_int_equal(notify_deadline(n), -1);
	notify_tick(n, 60000); /* a first frame slower than the watchdog's interval */
	assert_string_equal(received(l), "");
	notify_ready(n, 61000);
	notify_ready(n, 61020); /* every frame says it; only the first is sent */
	assert_string_equal(received(l), "READY=1\n");
	assert_int_equal(notify_deadline(n), 66000);
	notify_tick(n, 65999);
	assert_string_equal(received(l), "");
	notify_tick(n, 66000);
	assert_string_equal(received(l), "WATCHDOG=1\n");
	assert_int_equal(notify_deadline(n), 71000);
	/* A late pass pings at once and counts the next half from then. */
	notify_tick(n, 72500);
	assert_string_equal(received(l), "WATCHDOG=1\n");
	assert_int_equal(notify_deadline(n), 77500);
	notify_close(n);
	assert_string_equal(received(l), "STOPPING=1\n");
}

static void reload_says_reloading_then_ready_again(void **state)
{
	struct listener *l = *state;
	struct notify *n = notify_open();

	notify_ready(n, 1000);
	notify_reloading(n);
	/* The keep-alive goes on while the settings are read again. */
	assert_int_equal(notify_deadline(n), 6000);
	notify_tick(n, 6000);
	notify_ready(n, 6500);
	notify_ready(n, 6600);
	assert_int_equal(notify_deadline(n), 11000);
	assert_string_equal(received(l),
			    "EXTEND_TIMEOUT_USEC=90000000\nREADY=1\nRELOADING=1\nWATCHDOG=1\n"
			    "READY=1\n");
	notify_close(n);
	assert_string_equal(received(l), "STOPPING=1\n");
}

static void no_watchdog_for_another_process(void **state)
{
	struct listener *l = *state;
	struct notify *n;

	setenv("WATCHDOG_PID", "1", 1); /* meant for someone else: not ours to keep alive */
	n = notify_open();
	assert_int_equal(notify_watchdog_ms(n), 0);
	notify_ready(n, 0);
	assert_int_equal(notify_deadline(n), -1);
	notify_tick(n, 100000);
	assert_string_equal(received(l), "EXTEND_TIMEOUT_USEC=90000000\nREADY=1\n");
	notify_close(n);
	received(l);
}

#else

static void without_libsystemd_nothing_is_sent(void **state)
{
	struct listener *l = *state;
	struct notify *n = notify_open();

	assert_int_equal(notify_watchdog_ms(n), 0);
	assert_int_equal(notify_deadline(n), -1);
	notify_ready(n, 0);
	notify_tick(n, 100000);
	notify_close(n);
	assert_string_equal(received(l), "");
}

#endif

static void null_handle_does_nothing(void **state)
{
	(void)state;
	assert_int_equal(notify_deadline(NULL), -1);
	assert_int_equal(notify_watchdog_ms(NULL), 0);
	notify_ready(NULL, 0);
	notify_reloading(NULL);
	notify_tick(NULL, 1);
	notify_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#ifdef CALM_HAVE_LIBSYSTEMD
		cmocka_unit_test_setup_teardown(ready_once_then_watchdog_at_half_the_interval,
						listener_setup, listener_teardown),
		cmocka_unit_test_setup_teardown(reload_says_reloading_then_ready_again,
						listener_setup, listener_teardown),
		cmocka_unit_test_setup_teardown(no_watchdog_for_another_process, listener_setup,
						listener_teardown),
#else
		cmocka_unit_test_setup_teardown(without_libsystemd_nothing_is_sent, listener_setup,
						listener_teardown),
#endif
		cmocka_unit_test(null_handle_does_nothing),
	};

	return cmocka_run_group_tests_name("notify", tests, NULL, NULL);
}
