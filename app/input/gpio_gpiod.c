/* SPDX-License-Identifier: MIT */
/* The GPIO seam filled with libgpiod: v1 (1.6, Debian 12) or v2 (2.x, Debian 13), as
 * CALM_GPIOD_API says. Lines are requested active-high; gpio.c applies active-low itself, so
 * both APIs report the same edges. */
#include "gpio_backend.h"

#include <dirent.h>
#include <errno.h>
#include <gpiod.h>
#include <linux/gpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The header the compiler found must be the one the build chose: libgpiod v2's .pc file says
 * prefix=/usr, so an unpacked v2 can silently lose to v1's /usr/include/gpiod.h. Only v1's
 * header defines GPIOD_LINE_BULK_MAX_LINES. */
#if CALM_GPIOD_API >= 2 && defined(GPIOD_LINE_BULK_MAX_LINES)
#error "built for libgpiod v2, but the compiler found libgpiod v1's gpiod.h"
#elif CALM_GPIOD_API < 2 && !defined(GPIOD_LINE_BULK_MAX_LINES)
#error "built for libgpiod v1, but the compiler found a libgpiod v2 gpiod.h"
#endif

#define READ_BATCH 16

int gpio_api(void)
{
	return CALM_GPIOD_API;
}

/* "gpiochip12" -> 12; -1 for any other name. */
static int chip_number(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "gpiochip", 8) != 0 || name[8] < '0' || name[8] > '9')
		return -1;
	n = strtol(name + 8, &end, 10);
	return *end || n > 1000000 ? -1 : (int)n;
}

static int by_chip_number(const struct dirent **a, const struct dirent **b)
{
	return chip_number((*a)->d_name) - chip_number((*b)->d_name);
}

static int is_chip_entry(const struct dirent *e)
{
	return chip_number(e->d_name) >= 0;
}

/* Both APIs find chips the same way: the character devices /dev/gpiochipN. */
static int list_chips(void *ctx, char (*paths)[GPIO_PATH_MAX], int max)
{
	struct dirent **entries;
	int n, count = 0;

	(void)ctx;
	n = scandir("/dev", &entries, is_chip_entry, by_chip_number);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct stat st;

		if (count < max &&
		    snprintf(paths[count], GPIO_PATH_MAX, "/dev/%s", entries[i]->d_name) <
			    GPIO_PATH_MAX &&
		    stat(paths[count], &st) == 0 && S_ISCHR(st.st_mode))
			count++;
		free(entries[i]);
	}
	free(entries);
	return count;
}

/* The kernel's own records, read from the line's descriptor as libgpiod 1.6 does itself, but
 * without its struct timespec: a 32-bit Debian 12 libgpiod has a 32-bit time_t, a build with
 * _TIME_BITS=64 a 64-bit one, and the records' layout depends on neither. */
int gpio_read_v1_records(int fd, struct gpio_raw_event *events, int max)
{
	struct gpioevent_data buf[READ_BATCH];
	ssize_t got;
	int n;

	got = read(fd, buf, sizeof(buf[0]) * (size_t)(max < READ_BATCH ? max : READ_BATCH));
	if (got < 0)
		return -1;
	n = (int)((size_t)got / sizeof(buf[0]));
	for (int i = 0; i < n; i++) {
		events[i].rising = buf[i].id == GPIOEVENT_EVENT_RISING_EDGE;
		events[i].ts_ns = buf[i].timestamp;
	}
	return n;
}

/* Opening and closing a chip reads the same in both APIs. */
static void *chip_open(void *ctx, const char *path)
{
	(void)ctx;
	return gpiod_chip_open(path);
}

static void chip_close(void *ctx, void *chip)
{
	(void)ctx;
	gpiod_chip_close(chip);
}

#if CALM_GPIOD_API >= 2

const char *gpio_library_version(void)
{
	return gpiod_api_version();
}

struct v2_request {
	struct gpiod_line_request *request;
	struct gpiod_edge_event_buffer *events;
};

static unsigned chip_lines(void *ctx, void *chip)
{
	struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
	unsigned n;

	(void)ctx;
	if (!info)
		return 0;
	n = (unsigned)gpiod_chip_info_get_num_lines(info);
	gpiod_chip_info_free(info);
	return n;
}

static int line_by_name(void *ctx, void *chip, const char *name)
{
	(void)ctx;
	return gpiod_chip_get_line_offset_from_name(chip, name);
}

static void line_consumer(void *ctx, void *chip, unsigned offset, char *buf, size_t len)
{
	struct gpiod_line_info *info = gpiod_chip_get_line_info(chip, offset);
	const char *who = info ? gpiod_line_info_get_consumer(info) : NULL;

	(void)ctx;
	snprintf(buf, len, "%s", who ? who : "");
	gpiod_line_info_free(info);
}

static void *request(void *ctx, void *chip, const struct gpio_line_settings *s)
{
	static const enum gpiod_line_bias bias[] = {
		[GPIO_BIAS_PULL_UP] = GPIOD_LINE_BIAS_PULL_UP,
		[GPIO_BIAS_PULL_DOWN] = GPIOD_LINE_BIAS_PULL_DOWN,
		[GPIO_BIAS_NONE] = GPIOD_LINE_BIAS_DISABLED,
	};
	struct gpiod_line_settings *settings = NULL;
	struct gpiod_line_config *line_cfg = NULL;
	struct gpiod_request_config *req_cfg = NULL;
	struct v2_request *r;
	int err = ENOMEM;

	(void)ctx;
	r = calloc(1, sizeof(*r));
	if (!r)
		goto fail;
	settings = gpiod_line_settings_new();
	line_cfg = gpiod_line_config_new();
	req_cfg = gpiod_request_config_new();
	r->events = gpiod_edge_event_buffer_new(READ_BATCH);
	if (!settings || !line_cfg || !req_cfg || !r->events)
		goto free_all;
	if (gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_INPUT) ||
	    gpiod_line_settings_set_edge_detection(settings, GPIOD_LINE_EDGE_BOTH) ||
	    gpiod_line_settings_set_bias(settings, bias[s->bias]) ||
	    gpiod_line_settings_set_event_clock(settings, GPIOD_LINE_CLOCK_MONOTONIC)) {
		err = errno;
		goto free_all;
	}
	gpiod_line_settings_set_debounce_period_us(settings, (unsigned long)s->debounce_us);
	if (gpiod_line_config_add_line_settings(line_cfg, &s->offset, 1, settings)) {
		err = errno;
		goto free_all;
	}
	gpiod_request_config_set_consumer(req_cfg, s->consumer);
	r->request = gpiod_chip_request_lines(chip, req_cfg, line_cfg);
	err = errno;
free_all:
	gpiod_request_config_free(req_cfg);
	gpiod_line_config_free(line_cfg);
	gpiod_line_settings_free(settings);
	if (r && r->request)
		return r;
	if (r)
		gpiod_edge_event_buffer_free(r->events);
	free(r);
fail:
	errno = err;
	return NULL;
}

static void release(void *ctx, void *request)
{
	struct v2_request *r = request;

	(void)ctx;
	gpiod_line_request_release(r->request);
	gpiod_edge_event_buffer_free(r->events);
	free(r);
}

static int request_fd(void *ctx, void *request)
{
	struct v2_request *r = request;

	(void)ctx;
	return gpiod_line_request_get_fd(r->request);
}

static int read_events(void *ctx, void *request, struct gpio_raw_event *events, int max)
{
	struct v2_request *r = request;
	int n;

	(void)ctx;
	n = gpiod_line_request_read_edge_events(r->request, r->events,
						(size_t)(max < READ_BATCH ? max : READ_BATCH));
	for (int i = 0; i < n; i++) {
		struct gpiod_edge_event *e =
			gpiod_edge_event_buffer_get_event(r->events, (unsigned long)i);

		events[i].rising =
			gpiod_edge_event_get_event_type(e) == GPIOD_EDGE_EVENT_RISING_EDGE;
		events[i].ts_ns = gpiod_edge_event_get_timestamp_ns(e);
	}
	return n;
}

#else /* libgpiod v1 */

const char *gpio_library_version(void)
{
	return gpiod_version_string();
}

static unsigned chip_lines(void *ctx, void *chip)
{
	(void)ctx;
	return gpiod_chip_num_lines(chip);
}

static int line_by_name(void *ctx, void *chip, const char *name)
{
	struct gpiod_line *line = gpiod_chip_find_line(chip, name);

	(void)ctx;
	return line ? (int)gpiod_line_offset(line) : -1;
}

static void line_consumer(void *ctx, void *chip, unsigned offset, char *buf, size_t len)
{
	struct gpiod_line *line = gpiod_chip_get_line(chip, offset);
	const char *who = NULL;

	(void)ctx;
	if (line && gpiod_line_update(line) == 0)
		who = gpiod_line_consumer(line);
	snprintf(buf, len, "%s", who ? who : "");
}

/* The request is the line itself: v1 has one event descriptor per line. */
static void *request(void *ctx, void *chip, const struct gpio_line_settings *s)
{
	static const int bias[] = {
		[GPIO_BIAS_PULL_UP] = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP,
		[GPIO_BIAS_PULL_DOWN] = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN,
		[GPIO_BIAS_NONE] = GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE,
	};
	struct gpiod_line *line = gpiod_chip_get_line(chip, s->offset);

	/* No kernel debounce in v1: the core debounces. Event timestamps are CLOCK_MONOTONIC
	 * (Linux 5.7 and later); gpio_event_ms() guards against older kernels' wall clock. */
	(void)ctx;
	if (!line)
		return NULL;
	if (gpiod_line_request_both_edges_events_flags(line, s->consumer, bias[s->bias]) != 0)
		return NULL;
	return line;
}

static void release(void *ctx, void *request)
{
	(void)ctx;
	gpiod_line_release(request);
}

static int request_fd(void *ctx, void *request)
{
	(void)ctx;
	return gpiod_line_event_get_fd(request);
}

static int read_events(void *ctx, void *request, struct gpio_raw_event *events, int max)
{
	(void)ctx;
	return gpio_read_v1_records(gpiod_line_event_get_fd(request), events, max);
}

#endif

const struct gpio_backend *gpio_backend_default(void)
{
	static const struct gpio_backend backend = {
		.ctx = NULL,
		.kernel_debounce = CALM_GPIOD_API >= 2,
		.list_chips = list_chips,
		.chip_open = chip_open,
		.chip_close = chip_close,
		.chip_lines = chip_lines,
		.line_by_name = line_by_name,
		.line_consumer = line_consumer,
		.request = request,
		.release = release,
		.request_fd = request_fd,
		.read_events = read_events,
	};

	return &backend;
}
