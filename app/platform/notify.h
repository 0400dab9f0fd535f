/* SPDX-License-Identifier: MIT */
/* Telling systemd how the service is doing: ready, alive (the watchdog), reloading, stopping.
 *
 * Under a Type=notify unit the first frame on screen is "ready", and while WatchdogSec= is set
 * the main loop proves it is not hung by waking at notify_deadline() and calling
 * notify_tick(). Outside systemd, or built without libsystemd, every call does nothing. */
#ifndef CALM_NOTIFY_H
#define CALM_NOTIFY_H

#include <stdint.h>

struct notify;

/* How long the first frame may take once the screen is open (EXTEND_TIMEOUT_USEC=). */
#define NOTIFY_FIRST_FRAME_USEC "90000000"

/* Called once the screen is open: reads the watchdog interval systemd asks for and extends the
 * start timeout by NOTIFY_FIRST_FRAME_USEC for the first frame. No keep-alive is due before the
 * first notify_ready(). NULL only when out of memory; every function accepts NULL and then does
 * nothing. */
struct notify *notify_open(void);

/* Sends STOPPING=1 and frees the handle. */
void notify_close(struct notify *n);

/* READY=1: the first frame is on screen at now_ms (again, after a reload). Called after every
 * frame; only the first after the start or a reload says anything. The first starts the
 * watchdog's keep-alive, due half an interval later. */
void notify_ready(struct notify *n, int64_t now_ms);

/* RELOADING=1: the settings are being read again; notify_ready() follows. */
void notify_reloading(struct notify *n);

/* When the main loop must next call notify_tick() (monotonic ms), or -1: never. */
int64_t notify_deadline(const struct notify *n);

/* Sends WATCHDOG=1 when it is due at now_ms (every half of the watchdog interval). */
void notify_tick(struct notify *n, int64_t now_ms);

/* The watchdog interval in ms, 0 when there is none (for the log). */
int64_t notify_watchdog_ms(const struct notify *n);

#endif
