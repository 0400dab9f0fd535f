/* SPDX-License-Identifier: MIT */
/* poll()-based sleeping for video drivers without a native event wait. */
#define _GNU_SOURCE /* pipe2 */
#include "idlewait.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/input.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_DEVICES 32

struct idlewait {
	int wake_pipe[2];     /* [0] polled, [1] written by idlewait_wake() */
	int fds[MAX_DEVICES]; /* open /dev/input/event* devices */
	int n_fds;
	int watched;  /* another descriptor that ends a sleep, left unread; -1: none */
	int inotify;  /* the devices' folder: a device plugged in ends a sleep; -1: none */
	char dir[64]; /* that folder: /dev/input, or a test's own */
	idlewait_key_fn on_key; /* told of each key's press and release read here; NULL: none */
	void *on_key_user;
};

bool idlewait_driver_sleeps(const char *driver)
{
	return driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
}

/* Opens dir/name when it is an event device not watched yet. A device SDL may read is one we
 * may read; one not readable yet (udev gives it its group a moment after it appears: IN_ATTRIB)
 * is tried again then. */
static void open_device(struct idlewait *w, const char *name)
{
	char path[sizeof(w->dir) + 256];
	struct stat st, other;
	int fd;

	if (strncmp(name, "event", 5) != 0 || w->n_fds == MAX_DEVICES)
		return;
	snprintf(path, sizeof(path), "%s/%s", w->dir, name);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	/* Its events stamped on the clock the loop runs on (the kernel's default is the wall
	 * clock). Not an event device (a test's FIFO): its records carry their own times. */
	{
		int clock = CLOCK_MONOTONIC;

		(void)ioctl(fd, EVIOCSCLOCKID, &clock);
	}
	for (int i = 0; i < w->n_fds; i++)
		if (fstat(fd, &st) == 0 && fstat(w->fds[i], &other) == 0 &&
		    st.st_dev == other.st_dev && st.st_ino == other.st_ino) {
			close(fd); /* already watched: IN_ATTRIB after IN_CREATE */
			return;
		}
	w->fds[w->n_fds++] = fd;
}

struct idlewait *idlewait_new_in(const char *dir)
{
	struct idlewait *w = calloc(1, sizeof(*w));
	DIR *d;
	struct dirent *e;

	if (!w)
		return NULL;
	if (pipe2(w->wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		free(w);
		return NULL;
	}
	w->watched = -1;
	snprintf(w->dir, sizeof(w->dir), "%s", dir);
	/* Watched before the folder is read, so a device plugged in between is not missed.
	 * Without inotify the devices there at start are all there is, as before. */
	w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify >= 0 && inotify_add_watch(w->inotify, dir, IN_CREATE | IN_ATTRIB) < 0) {
		close(w->inotify);
		w->inotify = -1;
	}
	d = opendir(dir);
	while (d && (e = readdir(d)))
		open_device(w, e->d_name);
	if (d)
		closedir(d);
	return w;
}

struct idlewait *idlewait_new(void)
{
	return idlewait_new_in("/dev/input");
}

void idlewait_free(struct idlewait *w)
{
	if (!w)
		return;
	for (int i = 0; i < w->n_fds; i++)
		close(w->fds[i]);
	if (w->inotify >= 0)
		close(w->inotify);
	close(w->wake_pipe[0]);
	close(w->wake_pipe[1]);
	free(w);
}

int idlewait_device_count(const struct idlewait *w)
{
	return w->n_fds;
}

void idlewait_on_key(struct idlewait *w, idlewait_key_fn fn, void *user)
{
	w->on_key = fn;
	w->on_key_user = user;
}

static void drain_pipe(int fd)
{
	char buf[64];

	while (read(fd, buf, sizeof(buf)) > 0)
		;
}

/* Reads all a device has; its keys' presses and releases go to the hook (not the repeats). The
 * kernel gives whole records only. */
static void drain(struct idlewait *w, int fd)
{
	struct input_event ev[32];
	ssize_t len;

	while ((len = read(fd, ev, sizeof(ev))) > 0) {
		for (size_t i = 0; w->on_key && i < (size_t)len / sizeof(ev[0]); i++)
			if (ev[i].type == EV_KEY && (ev[i].value == 0 || ev[i].value == 1))
				w->on_key(w->on_key_user, ev[i].code, ev[i].value == 1,
					  (int64_t)ev[i].input_event_sec * 1000 +
						  (int64_t)ev[i].input_event_usec / 1000);
	}
}

void idlewait_read(struct idlewait *w)
{
	for (int i = 0; i < w->n_fds; i++)
		drain(w, w->fds[i]);
}

void idlewait_watch(struct idlewait *w, int fd)
{
	w->watched = fd;
}

/* Reads what the folder's watch saw and opens the event devices that appeared. */
static void devices_appeared(struct idlewait *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t len;

	while ((len = read(w->inotify, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			if (ev->len > 0)
				open_device(w, ev->name);
			p += sizeof(*ev) + ev->len;
		}
	}
}

void idlewait_sleep(struct idlewait *w, int timeout_ms)
{
	struct pollfd pfd[MAX_DEVICES + 3];
	int n = 0, first_device;

	pfd[n++] = (struct pollfd){.fd = w->wake_pipe[0], .events = POLLIN};
	/* A device plugged in (a USB touch screen, a big button) wakes the loop at once, so SDL
	 * takes it up when the caller pumps events, and its presses wake later sleeps. */
	pfd[n++] = (struct pollfd){.fd = w->inotify, .events = POLLIN}; /* -1: ignored */
	first_device = n;
	for (int i = 0; i < w->n_fds; i++)
		pfd[n++] = (struct pollfd){.fd = w->fds[i], .events = POLLIN};
	/* Last, and never read here: its owner reads it to learn what happened. */
	pfd[n] = (struct pollfd){.fd = w->watched, .events = POLLIN};
	if (poll(pfd, (nfds_t)(w->watched >= 0 ? n + 1 : n), timeout_ms) <= 0)
		return; /* timed out, or a signal (EINTR): the caller looks at what changed */
	if (pfd[1].revents & POLLIN)
		devices_appeared(w);
	for (int i = 0; i < n; i++) {
		if (i == 1)
			continue;
		if ((pfd[i].revents & POLLIN) && i == 0)
			drain_pipe(pfd[i].fd);
		else if (pfd[i].revents & POLLIN)
			drain(w, pfd[i].fd);
		if (i >= first_device && (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))) {
			/* The device went away (unplugged): stop watching it. */
			close(pfd[i].fd);
			w->fds[i - first_device] = w->fds[--w->n_fds];
			break;
		}
	}
}

void idlewait_wake(struct idlewait *w)
{
	char byte = 1;
	ssize_t ignored = write(w->wake_pipe[1], &byte, 1);

	(void)ignored; /* a full pipe already means "wake up" */
}
