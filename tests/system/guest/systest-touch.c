/* SPDX-License-Identifier: MIT */
/* The system test's touch screen, in the test image only (never in the package): a multi-touch
 * panel made with uinput as a real one reports itself (INPUT_PROP_DIRECT, type B slots,
 * BTN_TOUCH, ABS_X/Y beside ABS_MT_*), so that udev calls it a touch screen and SDL's KMSDRM
 * driver reads it through evdev. It plays the steps it is given, then removes the panel:
 *   systest-touch STEP...   settle:MS (wait), tap:MS or hold:MS (a finger down in the middle
 *                           for that long), pause:MS (wait between touches)
 * For every finger down and up it prints "down|up MS" on CLOCK_MONOTONIC, as the write that
 * carried it returned, to compare with the app's own times. Built statically on the host
 * (tests/system/vm-scenarios.sh) and copied into the guest. */
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define WIDTH  1024
#define HEIGHT 768

static int fd = -1;

static void die(const char *what)
{
	fprintf(stderr, "systest-touch: %s: %s\n", what, strerror(errno));
	exit(1);
}

static long long mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void set(unsigned long request, int value, const char *what)
{
	if (ioctl(fd, request, value) != 0)
		die(what);
}

/* One frame of events, written at once, ended by SYN_REPORT. */
static void frame(const struct input_event *evs, int n)
{
	struct input_event all[8];

	memcpy(all, evs, (size_t)n * sizeof(*evs));
	memset(&all[n], 0, sizeof(all[n]));
	all[n].type = EV_SYN;
	all[n].code = SYN_REPORT;
	if (write(fd, all, (size_t)(n + 1) * sizeof(all[0])) != (ssize_t)((n + 1) * sizeof(all[0])))
		die("write");
}

static void ev(struct input_event *e, int type, int code, int value)
{
	memset(e, 0, sizeof(*e));
	e->type = (unsigned short)type;
	e->code = (unsigned short)code;
	e->value = value;
}

static void touch(long hold_ms, int id)
{
	struct input_event e[7];

	ev(&e[0], EV_ABS, ABS_MT_SLOT, 0);
	ev(&e[1], EV_ABS, ABS_MT_TRACKING_ID, id);
	ev(&e[2], EV_ABS, ABS_MT_POSITION_X, WIDTH / 2);
	ev(&e[3], EV_ABS, ABS_MT_POSITION_Y, HEIGHT / 2);
	ev(&e[4], EV_KEY, BTN_TOUCH, 1);
	ev(&e[5], EV_ABS, ABS_X, WIDTH / 2);
	ev(&e[6], EV_ABS, ABS_Y, HEIGHT / 2);
	frame(e, 7);
	printf("down %lld\n", mono_ms());
	fflush(stdout);
	sleep_ms(hold_ms);
	ev(&e[0], EV_ABS, ABS_MT_SLOT, 0);
	ev(&e[1], EV_ABS, ABS_MT_TRACKING_ID, -1);
	ev(&e[2], EV_KEY, BTN_TOUCH, 0);
	frame(e, 3);
	printf("up %lld\n", mono_ms());
	fflush(stdout);
}

static void axis(int code, int max)
{
	struct uinput_abs_setup abs = {.code = (unsigned short)code};

	abs.absinfo.maximum = max;
	if (ioctl(fd, UI_ABS_SETUP, &abs) != 0)
		die("UI_ABS_SETUP");
}

int main(int argc, char **argv)
{
	struct uinput_setup setup = {0};
	int id = 1;

	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		die("/dev/uinput");
	set(UI_SET_EVBIT, EV_SYN, "EV_SYN");
	set(UI_SET_EVBIT, EV_KEY, "EV_KEY");
	set(UI_SET_KEYBIT, BTN_TOUCH, "BTN_TOUCH");
	set(UI_SET_EVBIT, EV_ABS, "EV_ABS");
	set(UI_SET_ABSBIT, ABS_X, "ABS_X");
	set(UI_SET_ABSBIT, ABS_Y, "ABS_Y");
	set(UI_SET_ABSBIT, ABS_MT_SLOT, "ABS_MT_SLOT");
	set(UI_SET_ABSBIT, ABS_MT_TRACKING_ID, "ABS_MT_TRACKING_ID");
	set(UI_SET_ABSBIT, ABS_MT_POSITION_X, "ABS_MT_POSITION_X");
	set(UI_SET_ABSBIT, ABS_MT_POSITION_Y, "ABS_MT_POSITION_Y");
	set(UI_SET_PROPBIT, INPUT_PROP_DIRECT, "INPUT_PROP_DIRECT");
	axis(ABS_X, WIDTH - 1);
	axis(ABS_Y, HEIGHT - 1);
	axis(ABS_MT_SLOT, 9);
	axis(ABS_MT_TRACKING_ID, 65535);
	axis(ABS_MT_POSITION_X, WIDTH - 1);
	axis(ABS_MT_POSITION_Y, HEIGHT - 1);
	setup.id.bustype = BUS_VIRTUAL;
	setup.id.vendor = 0x1209;
	setup.id.product = 0x7c01;
	snprintf(setup.name, sizeof(setup.name), "systest touch panel");
	if (ioctl(fd, UI_DEV_SETUP, &setup) != 0)
		die("UI_DEV_SETUP");
	if (ioctl(fd, UI_DEV_CREATE) != 0)
		die("UI_DEV_CREATE");
	for (int i = 1; i < argc; i++) {
		char *colon = strchr(argv[i], ':');
		long ms = colon ? strtol(colon + 1, NULL, 10) : -1;

		if (!colon || ms < 0) {
			fprintf(stderr, "systest-touch: not a step: %s\n", argv[i]);
			return 2;
		}
		if (strncmp(argv[i], "tap:", 4) == 0 || strncmp(argv[i], "hold:", 5) == 0)
			touch(ms, id++);
		else if (strncmp(argv[i], "settle:", 7) == 0 || strncmp(argv[i], "pause:", 6) == 0)
			sleep_ms(ms);
		else {
			fprintf(stderr, "systest-touch: not a step: %s\n", argv[i]);
			return 2;
		}
	}
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	return 0;
}
