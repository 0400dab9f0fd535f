/* SPDX-License-Identifier: MIT */
/* Backlight control through sysfs: brightness and max_brightness files. */
#include "backlight.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct backlight {
	char dir[512]; /* the device's folder */
	long max;      /* max_brightness */
	long original; /* brightness as found, restored on close */
	long current;  /* what we last wrote */
};

static int read_long(const char *dir, const char *name, long *out)
{
	char path[600], buf[32];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	ok = fgets(buf, sizeof(buf), f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	*out = strtol(buf, NULL, 10);
	return 0;
}

static int write_long(const char *dir, long value)
{
	char path[600], buf[32];
	int fd, n, ok;

	snprintf(path, sizeof(path), "%s/brightness", dir);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%ld\n", value);
	ok = write(fd, buf, (size_t)n) == n;
	close(fd);
	return ok ? 0 : -1;
}

struct backlight *backlight_open(const char *root, char *msg, size_t msg_len)
{
	DIR *d = opendir(root);
	struct dirent *e;
	struct backlight *b = NULL;

	msg[0] = '\0';
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		char dir[512], path[600];
		long max, now;

		if (e->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", root, e->d_name);
		if (read_long(dir, "max_brightness", &max) != 0 || max <= 0 ||
		    read_long(dir, "brightness", &now) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/brightness", dir);
		if (access(path, W_OK) != 0) {
			snprintf(msg, msg_len,
				 "%s is not writable (%s): add a udev rule or the video group for "
				 "it",
				 path, strerror(errno));
			continue;
		}
		b = calloc(1, sizeof(*b));
		if (!b)
			break;
		snprintf(b->dir, sizeof(b->dir), "%s", dir);
		b->max = max;
		b->original = now;
		b->current = now;
		msg[0] = '\0';
		break;
	}
	closedir(d);
	return b;
}

int backlight_set(struct backlight *b, int percent, char *msg, size_t msg_len)
{
	long value = (b->max * percent + 50) / 100;

	/* Any brightness at all must not round down to off. */
	if (percent > 0 && value < 1)
		value = 1;
	if (value == b->current)
		return 0;
	if (write_long(b->dir, value) != 0) {
		snprintf(msg, msg_len, "cannot set %s/brightness to %ld: %s", b->dir, value,
			 strerror(errno));
		return -1;
	}
	b->current = value;
	return 0;
}

const char *backlight_path(const struct backlight *b)
{
	return b->dir;
}

void backlight_close(struct backlight *b)
{
	if (!b)
		return;
	if (b->current != b->original)
		write_long(b->dir, b->original);
	free(b);
}
