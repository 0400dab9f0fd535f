/* SPDX-License-Identifier: MIT */
/* The fake GPIO backend: enough of libgpiod's behaviour to test the module above it. */
#include "fake_gpio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fake_list_chips(void *ctx, char (*paths)[GPIO_PATH_MAX], int max)
{
	struct fake_gpio *f = ctx;
	int n = 0;

	f->listed = true;
	if (f->list_errno) {
		errno = f->list_errno;
		return -1;
	}
	for (int i = 0; i < f->n_chips && n < max; i++)
		snprintf(paths[n++], GPIO_PATH_MAX, "%s", f->chips[i].path);
	return n;
}

static void *fake_chip_open(void *ctx, const char *path)
{
	struct fake_gpio *f = ctx;

	for (int i = 0; i < f->n_chips; i++) {
		if (strcmp(f->chips[i].path, path) != 0)
			continue;
		if (f->chips[i].open_errno) {
			errno = f->chips[i].open_errno;
			return NULL;
		}
		f->chips_open++;
		return &f->chips[i];
	}
	errno = ENOENT;
	return NULL;
}

static void fake_chip_close(void *ctx, void *chip)
{
	struct fake_gpio *f = ctx;

	(void)chip;
	f->chips_open--;
}

static unsigned fake_chip_lines(void *ctx, void *chip)
{
	(void)ctx;
	return ((struct fake_chip *)chip)->n_lines;
}

static int fake_line_by_name(void *ctx, void *chip, const char *name)
{
	struct fake_chip *c = chip;

	(void)ctx;
	for (unsigned i = 0; i < c->n_lines; i++)
		if (c->lines[i].name && strcmp(c->lines[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void fake_line_consumer(void *ctx, void *chip, unsigned offset, char *buf, size_t len)
{
	struct fake_chip *c = chip;
	const char *who = offset < c->n_lines ? c->lines[offset].consumer : NULL;

	(void)ctx;
	snprintf(buf, len, "%s", who ? who : "");
}

static void *fake_request_line(void *ctx, void *chip, const struct gpio_line_settings *s)
{
	struct fake_gpio *f = ctx;
	struct fake_chip *c = chip;
	struct fake_request *r = NULL;
	int err = 0;

	/* Also called on the reader thread, when a lost line is asked for again. */
	pthread_mutex_lock(&f->lock);
	if (s->offset >= c->n_lines)
		err = EINVAL;
	else if (c->lines[s->offset].request_errno)
		err = c->lines[s->offset].request_errno;
	else if (f->n_requests == FAKE_REQUESTS)
		err = ENOMEM;
	else if (pipe(f->requests[f->n_requests].pipe) != 0)
		err = errno;
	if (err == 0) {
		r = &f->requests[f->n_requests];
		r->chip = (int)(c - f->chips);
		r->settings = *s;
		f->n_requests++;
		f->requests_out++;
	}
	pthread_mutex_unlock(&f->lock);
	errno = err;
	return r;
}

static void fake_release(void *ctx, void *request)
{
	struct fake_gpio *f = ctx;
	struct fake_request *r = request;

	pthread_mutex_lock(&f->lock);
	close(r->pipe[0]);
	if (r->pipe[1] >= 0)
		close(r->pipe[1]);
	r->pipe[0] = r->pipe[1] = -1;
	f->requests_out--;
	pthread_mutex_unlock(&f->lock);
}

static int fake_request_fd(void *ctx, void *request)
{
	(void)ctx;
	return ((struct fake_request *)request)->pipe[0];
}

static int fake_read_events(void *ctx, void *request, struct gpio_raw_event *events, int max)
{
	struct fake_gpio *f = ctx;
	struct fake_request *r = request;
	ssize_t got;

	pthread_mutex_lock(&f->lock);
	f->reads++;
	pthread_mutex_unlock(&f->lock);
	got = read(r->pipe[0], events, (size_t)max * sizeof(*events));
	if (got < 0)
		return -1;
	return (int)((size_t)got / sizeof(*events));
}

void fake_gpio_init(struct fake_gpio *f, bool kernel_debounce)
{
	memset(f, 0, sizeof(*f));
	pthread_mutex_init(&f->lock, NULL);
	for (int i = 0; i < FAKE_REQUESTS; i++)
		f->requests[i].chip = -1;
	f->be = (struct gpio_backend){
		.ctx = f,
		.kernel_debounce = kernel_debounce,
		.list_chips = fake_list_chips,
		.chip_open = fake_chip_open,
		.chip_close = fake_chip_close,
		.chip_lines = fake_chip_lines,
		.line_by_name = fake_line_by_name,
		.line_consumer = fake_line_consumer,
		.request = fake_request_line,
		.release = fake_release,
		.request_fd = fake_request_fd,
		.read_events = fake_read_events,
	};
}

void fake_gpio_destroy(struct fake_gpio *f)
{
	pthread_mutex_destroy(&f->lock);
}

struct fake_request *fake_gpio_request(struct fake_gpio *f, int chip, unsigned offset)
{
	struct fake_request *found = NULL;

	pthread_mutex_lock(&f->lock);
	for (int i = f->n_requests - 1; i >= 0 && !found; i--)
		if (f->requests[i].chip == chip && f->requests[i].settings.offset == offset &&
		    f->requests[i].pipe[0] >= 0)
			found = &f->requests[i];
	pthread_mutex_unlock(&f->lock);
	return found;
}

void fake_gpio_set_request_errno(struct fake_gpio *f, int chip, unsigned offset, int err)
{
	pthread_mutex_lock(&f->lock);
	f->chips[chip].lines[offset].request_errno = err;
	pthread_mutex_unlock(&f->lock);
}

void fake_gpio_edge(struct fake_request *r, bool rising, uint64_t ts_ns)
{
	struct gpio_raw_event e = {.rising = rising, .ts_ns = ts_ns};

	if (write(r->pipe[1], &e, sizeof(e)) != (ssize_t)sizeof(e))
		perror("fake_gpio_edge");
}

void fake_gpio_hang_up(struct fake_request *r)
{
	close(r->pipe[1]);
	r->pipe[1] = -1;
}

uint64_t fake_gpio_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
