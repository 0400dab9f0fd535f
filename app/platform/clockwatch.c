/* SPDX-License-Identifier: MIT */
/* A timerfd on CLOCK_REALTIME, set for the far future with TFD_TIMER_CANCEL_ON_SET: it never
 * expires, and any setting of the clock makes its read fail with ECANCELED. */
#include "clockwatch.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <unistd.h>

struct clockwatch {
	int fd;
};

static int arm(int fd)
{
	/* Far ahead, yet well inside a 64-bit time_t. */
	struct itimerspec far = {.it_value = {.tv_sec = (time_t)1 << 40}};

	return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &far, NULL);
}

struct clockwatch *clockwatch_open(void)
{
	struct clockwatch *cw = calloc(1, sizeof(*cw));

	if (!cw)
		return NULL;
	cw->fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
	if (cw->fd < 0 || arm(cw->fd) != 0) {
		int err = errno;

		clockwatch_close(cw);
		errno = err;
		return NULL;
	}
	return cw;
}

void clockwatch_close(struct clockwatch *cw)
{
	if (!cw)
		return;
	if (cw->fd >= 0)
		close(cw->fd);
	free(cw);
}

int clockwatch_fd(const struct clockwatch *cw)
{
	return cw ? cw->fd : -1;
}

bool clockwatch_stepped(struct clockwatch *cw)
{
	uint64_t expiries;

	if (!cw || read(cw->fd, &expiries, sizeof(expiries)) >= 0 || errno != ECANCELED)
		return false;
	/* Cancelled once; armed again for the next time. */
	arm(cw->fd);
	return true;
}
