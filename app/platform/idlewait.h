/* SPDX-License-Identifier: MIT */
/* Sleeping until input or a deadline on video drivers where SDL itself would poll.
 *
 * SDL 2's SDL_WaitEventTimeout() only truly sleeps on drivers that implement waiting (X11,
 * Wayland). On KMSDRM, the Pi's console driver, it checks for events every millisecond. So on
 * such drivers the main loop sleeps here instead, in poll() on the input devices SDL reads
 * (each evdev reader gets its own copy of every event) and on a wake-up pipe. */
#ifndef CALM_IDLEWAIT_H
#define CALM_IDLEWAIT_H

#include <stdbool.h>
#include <stdint.h>

struct idlewait;

/* Opens the readable /dev/input/event* devices, and watches the folder (inotify) for devices
 * plugged in later: one appearing ends a sleep and is watched from then on. NULL only when out
 * of memory or pipes. */
struct idlewait *idlewait_new(void);

/* The same for the event devices in another folder (tests). */
struct idlewait *idlewait_new_in(const char *dir);
void idlewait_free(struct idlewait *w);

/* Whether SDL's current video driver sleeps by itself (then idlewait is not needed). */
bool idlewait_driver_sleeps(const char *driver);

/* Sleeps until an input device has something to read, idlewait_wake() is called, a signal
 * arrives, or timeout_ms passes (-1: no limit). Input read here is only told to the key hook:
 * SDL reads its own copy when the caller pumps events afterwards. */
void idlewait_sleep(struct idlewait *w, int timeout_ms);

/* Tells fn of each key's press (down) and release read from the devices, at the kernel's time
 * (CLOCK_MONOTONIC ms), during sleeps and idlewait_read(); code is the kernel's key code. */
typedef void (*idlewait_key_fn)(void *user, int code, bool down, int64_t t_ms);
void idlewait_on_key(struct idlewait *w, idlewait_key_fn fn, void *user);

/* Reads, without waiting, what the devices have now (what SDL has read, this reads too: each
 * reader of a device has its own copy). */
void idlewait_read(struct idlewait *w);

/* Also ends a sleep when fd is readable (-1: nothing more); fd stays unread and the caller's. */
void idlewait_watch(struct idlewait *w, int fd);

/* Ends a sleep early; safe from any thread, and from a signal handler (one write()). */
void idlewait_wake(struct idlewait *w);

/* How many input devices are watched. */
int idlewait_device_count(const struct idlewait *w);

#endif
