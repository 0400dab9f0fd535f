/* SPDX-License-Identifier: MIT */
/* An input device plugged in after start (a USB touch screen, a big USB button) ends the idle
 * sleep at once and is watched from then on: the folder is watched with inotify, not polled.
 * A folder of our own stands in for /dev/input, FIFOs for event devices (a FIFO with no writer
 * has nothing to read, as a quiet device). A second thread plugs the device in. */
#include <fcntl.h>
#include <linux/input.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "idlewait.h"

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *plug_in_later(void *path)
{
	usleep(300000);
	return (void *)(intptr_t)(mkfifo(path, 0600) == 0 ? 0 : 1);
}

static void a_device_plugged_in_wakes_the_sleep_and_is_watched(void **state)
{
	char dir[] = "/tmp/calm-idlewait-XXXXXX";
	char path[64], other[64];
	struct idlewait *w;
	int64_t t;
	pthread_t plugger;
	void *plugged;
	int writer;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/event7", dir);
	snprintf(other, sizeof(other), "%s/mouse0", dir);
	w = idlewait_new_in(dir);
	assert_non_null(w);
	assert_int_equal(idlewait_device_count(w), 0);

	/* Nothing there: the sleep runs its course. */
	t = mono_ms();
	idlewait_sleep(w, 200);
	assert_true(mono_ms() - t >= 190);

	/* A device appears 300 ms into a 10 s sleep: the sleep ends then. */
	assert_int_equal(pthread_create(&plugger, NULL, plug_in_later, path), 0);
	t = mono_ms();
	idlewait_sleep(w, 10000);
	t = mono_ms() - t;
	assert_int_equal(pthread_join(plugger, &plugged), 0);
	assert_null(plugged);
	assert_true(t >= 250);
	assert_true(t < 2000);
	assert_int_equal(idlewait_device_count(w), 1);

	/* Watched once, whatever else the folder sees (its mode changed, another kind of node
	 * added); a quiet device lets the sleep run its course. */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(mkfifo(other, 0600), 0);
	idlewait_sleep(w, 100); /* takes in what the folder saw */
	assert_int_equal(idlewait_device_count(w), 1);
	t = mono_ms();
	idlewait_sleep(w, 200);
	assert_true(mono_ms() - t >= 190);

	/* Its input ends a sleep. */
	writer = open(path, O_WRONLY | O_NONBLOCK);
	assert_true(writer >= 0);
	assert_int_equal(write(writer, "x", 1), 1);
	t = mono_ms();
	idlewait_sleep(w, 10000);
	assert_true(mono_ms() - t < 2000);
	close(writer);

	idlewait_free(w);
	unlink(path);
	unlink(other);
	rmdir(dir);
}

struct heard {
	int n;
	int code[8];
	bool down[8];
	int64_t t_ms[8];
};

static void hear_key(void *user, int code, bool down, int64_t t_ms)
{
	struct heard *h = user;

	if (h->n < 8) {
		h->code[h->n] = code;
		h->down[h->n] = down;
		h->t_ms[h->n++] = t_ms;
	}
}

static struct input_event record(int type, int code, int value, int64_t t_ms)
{
	struct input_event ev = {
		.type = (unsigned short)type, .code = (unsigned short)code, .value = value};

	/* The fields' own types: time_t and suseconds_t, or the kernel's unsigned long where
	 * time_t has 64 bits on a 32-bit machine (armhf). */
	ev.input_event_sec = (__typeof__(ev.input_event_sec))(t_ms / 1000);
	ev.input_event_usec = (__typeof__(ev.input_event_usec))(t_ms % 1000 * 1000 + 700);
	return ev;
}

/* Each key's press and release is told with the time the kernel wrote on it, whether read in
 * a sleep or at once; its repeats, and what is not a key, are not. */
static void keys_read_are_told_with_their_own_time(void **state)
{
	char dir[] = "/tmp/calm-idlewait-XXXXXX";
	char path[64];
	struct idlewait *w;
	struct heard h = {0};
	struct input_event ev[6];
	int writer;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/event3", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	w = idlewait_new_in(dir);
	assert_non_null(w);
	idlewait_on_key(w, hear_key, &h);
	writer = open(path, O_WRONLY | O_NONBLOCK);
	assert_true(writer >= 0);

	ev[0] = record(EV_KEY, KEY_SPACE, 1, 3500123);
	ev[1] = record(EV_SYN, SYN_REPORT, 0, 3500123);
	ev[2] = record(EV_KEY, KEY_SPACE, 2, 3750000); /* the kernel's repeat */
	ev[3] = record(EV_MSC, MSC_SCAN, 57, 3800000);
	ev[4] = record(EV_KEY, KEY_SPACE, 0, 3800456);
	ev[5] = record(EV_KEY, KEY_2, 1, 3900001);
	assert_int_equal(write(writer, ev, sizeof(ev[0]) * 5), (ssize_t)sizeof(ev[0]) * 5);
	idlewait_sleep(w, 10000);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.code[0], KEY_SPACE);
	assert_true(h.down[0]);
	assert_int_equal(h.t_ms[0], 3500123);
	assert_int_equal(h.code[1], KEY_SPACE);
	assert_false(h.down[1]);
	assert_int_equal(h.t_ms[1], 3800456);

	/* Read at once, without a sleep. */
	assert_int_equal(write(writer, &ev[5], sizeof(ev[0])), (ssize_t)sizeof(ev[0]));
	idlewait_read(w);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.code[2], KEY_2);
	assert_true(h.down[2]);
	assert_int_equal(h.t_ms[2], 3900001);

	close(writer);
	idlewait_free(w);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_device_plugged_in_wakes_the_sleep_and_is_watched),
		cmocka_unit_test(keys_read_are_told_with_their_own_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
