/* SPDX-License-Identifier: MIT */
/* The breathing light through the kernel's PWM class: export, period, duty_cycle, enable. */
#include "pwmlight.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

struct pwmlight {
	char dir[512]; /* the channel's folder, pwmchipN/pwmM */
	long duty_ns;  /* what we last wrote */
};

/* Writes text to dir/name; 0, or -1 with errno set. */
static int write_text(const char *dir, const char *name, const char *text)
{
	char path[600];
	int fd;
	ssize_t n, len = (ssize_t)strlen(text);

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = write(fd, text, (size_t)len);
	if (n != len) {
		int saved = n < 0 ? errno : EIO;

		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

static int write_long(const char *dir, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld\n", value);
	return write_text(dir, name, buf);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct pwmlight *pwmlight_open(const char *root, int chip, int channel, char *msg, size_t msg_len)
{
	char chip_dir[300], dir[512];
	struct pwmlight *l;

	msg[0] = '\0';
	snprintf(chip_dir, sizeof(chip_dir), "%s/pwmchip%d", root, chip);
	if (!is_dir(chip_dir)) {
		snprintf(msg, msg_len,
			 "no PWM chip %s (on a Pi, add dtoverlay=pwm to /boot/firmware/config.txt "
			 "and restart)",
			 chip_dir);
		return NULL;
	}
	snprintf(dir, sizeof(dir), "%s/pwm%d", chip_dir, channel);
	if (!is_dir(dir)) {
		char text[16];

		snprintf(text, sizeof(text), "%d\n", channel);
		if (write_text(chip_dir, "export", text) != 0) {
			snprintf(msg, msg_len, "cannot take PWM channel %d of %s: %s%s", channel,
				 chip_dir, strerror(errno),
				 errno == EBUSY ? " (another driver uses it)" : "");
			return NULL;
		}
		/* udev gives the new files to the gpio group a moment after they appear. */
		for (int tries = 0; tries < 50 && access(dir, W_OK) != 0; tries++)
			usleep(20000);
	}
	/* The duty first: a period shorter than the duty left there is refused. */
	if (write_long(dir, "duty_cycle", 0) != 0 ||
	    write_long(dir, "period", PWMLIGHT_PERIOD_NS) != 0 ||
	    write_long(dir, "enable", 1) != 0) {
		snprintf(msg, msg_len, "cannot set up PWM channel %s: %s", dir, strerror(errno));
		return NULL;
	}
	l = calloc(1, sizeof(*l));
	if (!l) {
		snprintf(msg, msg_len, "out of memory");
		return NULL;
	}
	snprintf(l->dir, sizeof(l->dir), "%s", dir);
	return l;
}

int pwmlight_set(struct pwmlight *l, double level, char *msg, size_t msg_len)
{
	double x = level < 0.0 ? 0.0 : level > 1.0 ? 1.0 : level;
	long duty = lround(x * PWMLIGHT_PERIOD_NS);

	if (duty == l->duty_ns)
		return 0;
	if (write_long(l->dir, "duty_cycle", duty) != 0) {
		snprintf(msg, msg_len, "cannot set %s/duty_cycle to %ld: %s", l->dir, duty,
			 strerror(errno));
		return -1;
	}
	l->duty_ns = duty;
	return 0;
}

const char *pwmlight_path(const struct pwmlight *l)
{
	return l->dir;
}

void pwmlight_close(struct pwmlight *l)
{
	if (!l)
		return;
	write_long(l->dir, "duty_cycle", 0);
	write_long(l->dir, "enable", 0);
	free(l);
}

struct pwmlight *pwmlight_start(const char *root, int chip, int channel)
{
	char msg[600];
	struct pwmlight *l;

	if (chip < 0)
		return NULL;
	/* A stand-in tree for tests and benchmarks (tests/bench/sound_light.sh). */
	if (getenv("CALM_PWM_ROOT"))
		root = getenv("CALM_PWM_ROOT");
	l = pwmlight_open(root, chip, channel, msg, sizeof(msg));
	if (l)
		diag_info("breathing light: %s", pwmlight_path(l));
	else
		diag_warn("breathing light: %s; going on without it", msg);
	return l;
}

void pwmlight_follow(struct pwmlight **light, double level)
{
	char msg[700];

	if (!*light || pwmlight_set(*light, level, msg, sizeof(msg)) == 0)
		return;
	diag_warn("breathing light: %s; going on without it", msg);
	pwmlight_close(*light);
	*light = NULL;
}
