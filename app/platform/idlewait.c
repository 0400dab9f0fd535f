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
#include <unistd.h>

#define MAX_DEVICES 32

struct idlewait {
	int wake_pipe[2];     /* [0] polled, [1] written by idlewait_wake() */
	int fds[MAX_DEVICES]; /* open /dev/input/event* devices */
	int n_fds;
	int watched; /* another descriptor that ends a sleep, left unread; -1: none */
};

bool idlewait_driver_sleeps(const char *driver)
{
	return driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
}

struct idlewait *idlewait_new(void)
{
	struct idlewait *w = calloc(1, sizeof(*w));
	DIR *dir;
	struct dirent *e;

	if (!w)
		return NULL;
	if (pipe2(w->wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		free(w);
		return NULL;
	}
	w->watched = -1;
	dir = opendir("/dev/input");
	while (dir && (e = readdir(dir)) && w->n_fds < MAX_DEVICES) {
		char path[300];
		int fd;

		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		snprintf(path, sizeof(path), "/dev/input/%s", e->d_name);
		/* Devices we may not read are ones SDL cannot read either. */
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0)
			w->fds[w->n_fds++] = fd;
	}
	if (dir)
		closedir(dir);
	return w;
}

void idlewait_free(struct idlewait *w)
{
	if (!w)
		return;
	for (int i = 0; i < w->n_fds; i++)
		close(w->fds[i]);
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
	struct pollfd pfd[MAX_DEVICES + 2];
	int n = 0;

	pfd[n++] = (struct pollfd){.fd = w->wake_pipe[0], .events = POLLIN};
	for (int i = 0; i < w->n_fds; i++)
		pfd[n++] = (struct pollfd){.fd = w->fds[i], .events = POLLIN};
	/* Last, and never read here: its owner reads it to learn what happened. */
	pfd[n] = (struct pollfd){.fd = w->watched, .events = POLLIN};
	if (poll(pfd, (nfds_t)(w->watched >= 0 ? n + 1 : n), timeout_ms) <= 0)
		return; /* timed out, or a signal (EINTR): the caller looks at what changed */
	for (int i = 0; i < n; i++) {
		if (pfd[i].revents & POLLIN)
			drain(pfd[i].fd);
		if (i > 0 && (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))) {
			/* The device went away (unplugged): stop watching it. */
			close(pfd[i].fd);
			w->fds[i - 1] = w->fds[--w->n_fds];
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
