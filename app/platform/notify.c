/* SPDX-License-Identifier: MIT */
/* sd_notify() for the service: readiness, the watchdog's keep-alive, reloading, stopping. */
#include "notify.h"

#include <stdbool.h>
#include <stdlib.h>

#ifdef CALM_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

struct notify {
	int64_t watchdog_ms; /* WatchdogSec= in ms; 0: no watchdog */
	int64_t next_ms;     /* when the next WATCHDOG=1 is due; -1: never (or not yet ready) */
	bool ready;          /* READY=1 was sent (and no reload began since) */
	bool started;        /* the first READY=1 was sent: the watchdog is kept alive from then */
};

/* Sends one state line; under no notify socket (not a Type=notify service) it is a no-op. */
static void send_state(const char *state)
{
#ifdef CALM_HAVE_LIBSYSTEMD
	(void)sd_notify(0, state);
#else
	(void)state;
#endif
}

static int64_t watchdog_interval_ms(void)
{
#ifdef CALM_HAVE_LIBSYSTEMD
	uint64_t usec = 0;

	/* > 0 only when WATCHDOG_USEC is set and meant for this process (WATCHDOG_PID). */
	if (sd_watchdog_enabled(0, &usec) > 0 && usec >= 1000)
		return (int64_t)(usec / 1000);
#endif
	return 0;
}

struct notify *notify_open(void)
{
	struct notify *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->watchdog_ms = watchdog_interval_ms();
	n->next_ms = -1; /* no keep-alive before the first frame: see notify_ready() */
	/* The screen is open: the first frame gets a start timeout of its own. On an emulated or
	 * busy machine Mesa's first frame alone has taken over 30 s. */
	send_state("EXTEND_TIMEOUT_USEC=" NOTIFY_FIRST_FRAME_USEC);
	return n;
}

void notify_close(struct notify *n)
{
	if (!n)
		return;
	send_state("STOPPING=1");
	free(n);
}

void notify_ready(struct notify *n, int64_t now_ms)
{
	if (!n || n->ready)
		return;
	send_state("READY=1");
	n->ready = true;
	/* systemd arms the watchdog at READY=1, but also at any WATCHDOG=1 before it: a ping
	 * sent while the first frame was still being drawn let a slow first frame be killed as a
	 * hang. So the keep-alive starts here, every half of the interval (a ping sent late by a
	 * busy frame still arrives in time); a reload keeps it going. */
	if (!n->started && n->watchdog_ms > 0)
		n->next_ms = now_ms + n->watchdog_ms / 2;
	n->started = true;
}

void notify_reloading(struct notify *n)
{
	if (!n)
		return;
	send_state("RELOADING=1");
	n->ready = false;
}

int64_t notify_deadline(const struct notify *n)
{
	return n ? n->next_ms : -1;
}

void notify_tick(struct notify *n, int64_t now_ms)
{
	if (!n || n->next_ms < 0 || now_ms < n->next_ms)
		return;
	send_state("WATCHDOG=1");
	n->next_ms = now_ms + n->watchdog_ms / 2;
}

int64_t notify_watchdog_ms(const struct notify *n)
{
	return n ? n->watchdog_ms : 0;
}
