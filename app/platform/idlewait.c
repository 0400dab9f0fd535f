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
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEVICES 32

struct idlewait {
	int wake_pipe[2];     /* [0] polled, [1] written by idlewait_wake() */
	int fds[MAX_DEVICES]; /* open /dev/input/event* devices */
	ino_t inos[MAX_DEVICES]; /* each one's node: a device is opened once */
	int n_fds;
	int watched; /* another descriptor that ends a sleep, left unread; -1: none */
	int notify;  /* inotify on the folder: devices that come later; -1: none */
	char dir[256];
};

bool idlewait_driver_sleeps(const char *driver)
{
	return driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
}

/* Opens the folder's event* devices not open yet (at start, and when the folder changes). */
static void open_devices(struct idlewait *w)
{
	DIR *dir = opendir(w->dir);
	struct dirent *e;

	while (dir && (e = readdir(dir)) && w->n_fds < MAX_DEVICES) {
		char path[sizeof(w->dir) + 256];
		struct stat st;
		bool open_already = false;
		int fd;

		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", w->dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		for (int i = 0; i < w->n_fds && !open_already; i++)
			open_already = w->inos[i] == st.st_ino;
		if (open_already)
			continue;
		/* Devices we may not read are ones SDL cannot read either (until udev gives the
		 * input group a new one: that change of its mode is seen below). */
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			w->inos[w->n_fds] = st.st_ino;
			w->fds[w->n_fds++] = fd;
		}
	}
	if (dir)
		closedir(dir);
}

struct idlewait *idlewait_new_in(const char *dir)
{
	struct idlewait *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	if (pipe2(w->wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		free(w);
		return NULL;
	}
	w->watched = -1;
	snprintf(w->dir, sizeof(w->dir), "%s", dir);
	/* A device that comes after the start (a touch screen whose driver loads late, a USB
	 * button plugged in): SDL hears of it from udev and reads it, so the sleep here must end
	 * on its input too. Without inotify only the devices there at the start wake it. */
	w->notify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->notify >= 0 && inotify_add_watch(w->notify, w->dir, IN_CREATE | IN_ATTRIB) < 0) {
		close(w->notify);
		w->notify = -1;
	}
	open_devices(w);
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
	if (w->notify >= 0)
		close(w->notify);
	close(w->wake_pipe[0]);
	close(w->wake_pipe[1]);
	free(w);
}

int idlewait_device_count(const struct idlewait *w)
{
	return w->n_fds;
}

static void drain(int fd)
{
	char buf[512];

	while (read(fd, buf, sizeof(buf)) > 0)
		;
}

void idlewait_watch(struct idlewait *w, int fd)
{
	w->watched = fd;
}

void idlewait_sleep(struct idlewait *w, int timeout_ms)
{
	struct pollfd pfd[MAX_DEVICES + 3];
	int n = 0, more = 0;

	pfd[n++] = (struct pollfd){.fd = w->wake_pipe[0], .events = POLLIN};
	for (int i = 0; i < w->n_fds; i++)
		pfd[n++] = (struct pollfd){.fd = w->fds[i], .events = POLLIN};
	/* After the devices, and never read by the loop below: the folder's changes, then the
	 * caller's descriptor (its owner reads it to learn what happened). */
	if (w->notify >= 0)
		pfd[n + more++] = (struct pollfd){.fd = w->notify, .events = POLLIN};
	if (w->watched >= 0)
		pfd[n + more++] = (struct pollfd){.fd = w->watched, .events = POLLIN};
	if (poll(pfd, (nfds_t)(n + more), timeout_ms) <= 0)
		return; /* timed out, or a signal (EINTR): the caller looks at what changed */
	if (w->notify >= 0 && (pfd[n].revents & POLLIN)) {
		/* A device came (or was given to our group): watched from now on. The wake-up
		 * itself is harmless: the caller pumps SDL's events and sleeps again. */
		drain(w->notify);
		open_devices(w);
	}
	for (int i = 0; i < n; i++) {
		if (pfd[i].revents & POLLIN)
			drain(pfd[i].fd);
		if (i > 0 && (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))) {
			/* The device went away (unplugged): stop watching it. */
			close(pfd[i].fd);
			w->n_fds--;
			w->fds[i - 1] = w->fds[w->n_fds];
			w->inos[i - 1] = w->inos[w->n_fds];
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
