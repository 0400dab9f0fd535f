/* SPDX-License-Identifier: MIT */
/* GPIO buttons: finding each button's line, watching the lines on a reader thread, and turning
 * the kernel's edges into (button, down, time). libgpiod itself is behind gpio_backend.h. */
#define _GNU_SOURCE /* pipe2 */
#include "gpio_backend.h"
#include "diag.h"
#include "wallclock.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CONSUMER    "calm-prompt" /* what gpioinfo shows as the user of our lines */
#define EVENT_BATCH 16
/* An edge is read within milliseconds of happening; a timestamp further off than this is
 * on another clock. */
#define EVENT_MAX_AGE_MS   10000
#define EVENT_MAX_AHEAD_MS 1000
/* A line that stopped answering is asked for again after this long, then twice as long each
 * time up to the maximum; nothing is polled while every line answers. */
#define LINE_RETRY_MIN_MS 250
#define LINE_RETRY_MAX_MS 30000

struct open_chip {
	char path[GPIO_PATH_MAX];
	void *chip; /* NULL when it could not be opened */
	int err;    /* with chip NULL: why */
	int users;  /* watched lines on it; unused chips are closed once all are requested */
};

struct watched_line {
	void *request; /* NULL while lost */
	struct open_chip *chip;
	unsigned offset;
	int fd;
	int button; /* index into the wiring's buttons */
	bool active_low;
	bool live; /* read; false once it failed, until it is requested again */
	struct gpio_line_settings settings; /* how it was requested, to ask for it again */
	int64_t retry_at, retry_ms;         /* while lost: the next request, and the backoff */
	char what[3 * GPIO_NAME_MAX];       /* "main on GPIO17 (gpiochip0 line 17)" */
};

struct gpio {
	const struct gpio_backend *be;
	gpio_edge_fn on_edge;
	void *user;
	struct open_chip chips[GPIO_CHIPS_MAX + DEVICE_MAX_BUTTONS];
	int n_chips;
	struct watched_line lines[DEVICE_MAX_BUTTONS];
	int n_lines;
	int stop_pipe[2]; /* [1] written by gpio_close(), [0] polled by the reader */
	pthread_t reader;
};

/* What gpio_open_with() found out, for the one message the caller logs. */
struct report {
	enum gpio_status first;
	char *msg;
	size_t len;
};

const char *gpio_status_name(enum gpio_status status)
{
	switch (status) {
	case GPIO_OK:
		return "ok";
	case GPIO_NO_CHIP:
		return "no chip";
	case GPIO_NO_LINE:
		return "no line";
	case GPIO_BUSY:
		return "busy";
	case GPIO_NO_PERMISSION:
		return "no permission";
	case GPIO_FAILED:
		break;
	}
	return "failed";
}

bool gpio_edge_is_press(bool rising, bool active_low)
{
	return rising != active_low;
}

int64_t gpio_event_ms(uint64_t ts_ns, int64_t now_ms)
{
	int64_t ms = (int64_t)(ts_ns / 1000000u);

	if (ms > now_ms + EVENT_MAX_AHEAD_MS || ms < now_ms - EVENT_MAX_AGE_MS)
		return now_ms;
	return ms;
}

enum gpio_status gpio_status_from_errno(int err)
{
	switch (err) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		return GPIO_NO_LINE;
	case EACCES:
	case EPERM:
		return GPIO_NO_PERMISSION;
	case EBUSY:
		return GPIO_BUSY;
	default:
		return GPIO_FAILED;
	}
}

/* Adds one problem to the report: the first is kept as the status, all go into the message. */
__attribute__((format(printf, 3, 4))) static void
add_problem(struct report *r, enum gpio_status status, const char *fmt, ...)
{
	size_t used = strlen(r->msg);
	va_list ap;

	if (r->first == GPIO_OK)
		r->first = status;
	if (used > 0 && used + 2 < r->len) {
		snprintf(r->msg + used, r->len - used, "; ");
		used += 2;
	}
	if (used + 1 >= r->len)
		return;
	va_start(ap, fmt);
	vsnprintf(r->msg + used, r->len - used, fmt, ap);
	va_end(ap);
}

static void permission_problem(struct report *r, const char *path, const char *button)
{
	add_problem(r, GPIO_NO_PERMISSION,
		    "no permission to open %s (button %s): add the user that runs calm-prompt to "
		    "the gpio group (sudo adduser USER gpio, then log in again; a service needs "
		    "SupplementaryGroups=gpio), and check with ls -l /dev/gpiochip*",
		    path, button);
}

/* Why a chip could not be opened, and what to check. */
static void chip_problem(struct report *r, const char *path, const char *button, int err)
{
	switch (gpio_status_from_errno(err)) {
	case GPIO_NO_PERMISSION:
		permission_problem(r, path, button);
		break;
	case GPIO_NO_LINE:
		add_problem(r, GPIO_NO_LINE,
			    "no GPIO chip %s (button %s): see the chips this machine has with "
			    "gpiodetect",
			    path, button);
		break;
	default:
		add_problem(r, gpio_status_from_errno(err), "cannot open %s (button %s): %s", path,
			    button, strerror(err));
		break;
	}
}

static void chip_path(const char *chip, char *path, size_t len)
{
	snprintf(path, len, "%s%s", chip[0] == '/' ? "" : "/dev/", chip);
}

/* The chip at path, opened once however many buttons use it; NULL when it cannot be opened
 * (its err says why). */
static struct open_chip *get_chip(struct gpio *g, const char *path)
{
	struct open_chip *c;

	for (int i = 0; i < g->n_chips; i++)
		if (strcmp(g->chips[i].path, path) == 0)
			return &g->chips[i];
	if (g->n_chips == (int)(sizeof(g->chips) / sizeof(g->chips[0])))
		return NULL;
	c = &g->chips[g->n_chips++];
	snprintf(c->path, sizeof(c->path), "%s", path);
	errno = 0;
	c->chip = g->be->chip_open(g->be->ctx, path);
	c->err = c->chip ? 0 : (errno ? errno : EIO);
	return c;
}

/* Finds the line a button's settings name: sets *chip and *offset, or reports why not. */
static bool find_line(struct gpio *g, const struct button_gpio *bg, const char *button,
		      char (*chips)[GPIO_PATH_MAX], int n_chips, struct open_chip **chip,
		      unsigned *offset, struct report *r)
{
	char path[GPIO_PATH_MAX], searched[256] = "";
	const char *denied = NULL, *failed = NULL;
	int failed_err = 0, found;
	struct open_chip *c;
	unsigned lines;
	size_t used;

	if (bg->offset >= 0) {
		chip_path(bg->chip, path, sizeof(path));
		c = get_chip(g, path);
		if (!c || !c->chip) {
			chip_problem(r, path, button, c ? c->err : EMFILE);
			return false;
		}
		lines = g->be->chip_lines(g->be->ctx, c->chip);
		if ((unsigned)bg->offset >= lines) {
			add_problem(
				r, GPIO_NO_LINE,
				"%s has %u lines (offsets from 0), so no offset %d (button %s): "
				"check with gpioinfo",
				path, lines, bg->offset, button);
			return false;
		}
		*chip = c;
		*offset = (unsigned)bg->offset;
		return true;
	}
	/* By name: on the given chip, else on every chip in turn (a Pi 4 and a Pi 5 number their
	 * chips differently, but both call the header's pin 11 GPIO17). */
	if (bg->chip[0]) {
		chip_path(bg->chip, path, sizeof(path));
		chips = &path;
		n_chips = 1;
	}
	for (int i = 0; i < n_chips; i++) {
		c = get_chip(g, chips[i]);
		if (!c || !c->chip) {
			int err = c ? c->err : EMFILE;

			if (gpio_status_from_errno(err) == GPIO_NO_PERMISSION && !denied)
				denied = chips[i];
			if (!failed) {
				failed = chips[i];
				failed_err = err;
			}
			continue;
		}
		found = g->be->line_by_name(g->be->ctx, c->chip, bg->line);
		if (found >= 0) {
			*chip = c;
			*offset = (unsigned)found;
			return true;
		}
		used = strlen(searched);
		if (snprintf(searched + used, sizeof(searched) - used, "%s%s", used ? ", " : "",
			     chips[i]) < 0)
			searched[used] = '\0'; /* a long list is cut; it still names the first */
	}
	/* The line may be on a chip we may not open: that is the thing to fix first. */
	if (denied)
		permission_problem(r, denied, button);
	else if (!searched[0])
		chip_problem(r, failed, button, failed_err);
	else
		add_problem(r, GPIO_NO_LINE,
			    "no GPIO line named %s (button %s) on %s: check the line names with "
			    "gpioinfo, or give chip and offset in [button %s]",
			    bg->line, button, searched, button);
	return false;
}

/* Requests a found line; reports why not. */
static bool request_line(struct gpio *g, const struct gpio_wiring *w, int button,
			 struct open_chip *chip, unsigned offset, struct report *r)
{
	const struct button_gpio *bg = &w->line[button];
	const char *name = w->names[button];
	int debounce_ms = bg->debounce_ms >= 0 ? bg->debounce_ms : w->debounce_ms;
	struct gpio_line_settings settings = {
		.offset = offset,
		.bias = bg->bias,
		.debounce_us = g->be->kernel_debounce ? debounce_ms * 1000 : 0,
		.consumer = CONSUMER,
	};
	struct watched_line *l = &g->lines[g->n_lines];
	char line[GPIO_NAME_MAX + 24];
	const char *chip_name =
		strrchr(chip->path, '/') ? strrchr(chip->path, '/') + 1 : chip->path;
	char holder[64];

	if (bg->line[0])
		snprintf(line, sizeof(line), "%s", bg->line);
	else
		snprintf(line, sizeof(line), "%s line %u", chip_name, offset);
	for (int i = 0; i < g->n_lines; i++) {
		if (g->lines[i].chip == chip && g->lines[i].offset == offset) {
			add_problem(r, GPIO_BUSY,
				    "buttons %s and %s are both on %s: give each button its own "
				    "line",
				    w->names[g->lines[i].button], name, line);
			return false;
		}
	}
	errno = 0;
	l->request = g->be->request(g->be->ctx, chip->chip, &settings);
	if (!l->request) {
		int err = errno ? errno : EIO;

		switch (gpio_status_from_errno(err)) {
		case GPIO_BUSY:
			g->be->line_consumer(g->be->ctx, chip->chip, offset, holder,
					     sizeof(holder));
			add_problem(r, GPIO_BUSY,
				    "%s (button %s) is in use by %s%s%s: see who holds it with "
				    "gpioinfo, and stop that program or choose another line",
				    line, name, holder[0] ? "'" : "another program",
				    holder[0] ? holder : "", holder[0] ? "'" : "");
			break;
		case GPIO_NO_PERMISSION:
			permission_problem(r, chip->path, name);
			break;
		default:
			add_problem(r, GPIO_FAILED, "cannot watch %s (button %s) on %s: %s", line,
				    name, chip->path, strerror(err));
			break;
		}
		return false;
	}
	l->chip = chip;
	l->offset = offset;
	l->settings = settings;
	l->fd = g->be->request_fd(g->be->ctx, l->request);
	l->button = button;
	l->active_low = bg->active_low;
	l->live = true;
	if (bg->line[0])
		snprintf(l->what, sizeof(l->what), "%s on %s (%s line %u)", name, bg->line,
			 chip_name, offset);
	else
		snprintf(l->what, sizeof(l->what), "%s on %s line %u", name, chip_name, offset);
	chip->users++;
	g->n_lines++;
	return true;
}

/* Hands every waiting edge of one line to the callback; false (errno set) when the line
 * failed. */
static bool read_line_events(struct gpio *g, struct watched_line *l)
{
	struct gpio_raw_event events[EVENT_BATCH];
	int n = g->be->read_events(g->be->ctx, l->request, events, EVENT_BATCH);
	int64_t now;

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	now = mono_now_ms();
	for (int i = 0; i < n; i++)
		g->on_edge(g->user, l->button, gpio_edge_is_press(events[i].rising, l->active_low),
			   gpio_event_ms(events[i].ts_ns, now));
	return true;
}

/* A line stopped answering: said once, released, and asked for again later (never spun on). */
static void line_lost(struct gpio *g, struct watched_line *l, const char *why, int64_t now)
{
	diag_error("GPIO button %s stopped answering (%s); asking for its line again", l->what,
		   why);
	g->be->release(g->be->ctx, l->request);
	l->request = NULL;
	l->fd = -1;
	l->live = false;
	l->retry_ms = LINE_RETRY_MIN_MS;
	l->retry_at = now + l->retry_ms;
}

/* Asks for a lost line again; said when it is back, quietly tried later when not. */
static void line_retry(struct gpio *g, struct watched_line *l, int64_t now)
{
	void *request = g->be->request(g->be->ctx, l->chip->chip, &l->settings);

	if (request == NULL) {
		l->retry_ms =
			l->retry_ms * 2 > LINE_RETRY_MAX_MS ? LINE_RETRY_MAX_MS : l->retry_ms * 2;
		l->retry_at = now + l->retry_ms;
		return;
	}
	l->request = request;
	l->fd = g->be->request_fd(g->be->ctx, request);
	l->live = true;
	diag_info("GPIO button %s is watched again", l->what);
}

/* The reader thread: sleeps in poll() until edges, gpio_close(), or the time to ask again for a
 * line that was lost. */
static void *reader_main(void *arg)
{
	struct gpio *g = arg;
	struct pollfd pfd[DEVICE_MAX_BUTTONS + 1];
	struct watched_line *polled[DEVICE_MAX_BUTTONS + 1];

	for (;;) {
		int64_t now = mono_now_ms();
		int timeout = -1;
		nfds_t n = 0;

		for (int i = 0; i < g->n_lines; i++) {
			struct watched_line *l = &g->lines[i];

			if (!l->live && now >= l->retry_at)
				line_retry(g, l, now);
			if (!l->live && (timeout < 0 || l->retry_at - now < timeout))
				timeout = (int)(l->retry_at - now);
		}
		pfd[n++] = (struct pollfd){.fd = g->stop_pipe[0], .events = POLLIN};
		for (int i = 0; i < g->n_lines; i++) {
			if (!g->lines[i].live)
				continue;
			polled[n] = &g->lines[i];
			pfd[n++] = (struct pollfd){.fd = g->lines[i].fd, .events = POLLIN};
		}
		if (poll(pfd, n, timeout) < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOMEM || errno == EAGAIN) {
				struct timespec pause = {1, 0};

				nanosleep(&pause, NULL);
				continue;
			}
			/* Nothing to wait with: buttons would die unseen while the watchdog is
			 * fed. Exit so that systemd starts the app afresh. */
			diag_error("GPIO buttons cannot be watched any more (poll: %s); exiting so "
				   "the service starts again",
				   strerror(errno));
			_exit(1);
		}
		if (pfd[0].revents)
			break;
		now = mono_now_ms();
		for (nfds_t i = 1; i < n; i++) {
			if (pfd[i].revents & POLLIN) {
				if (!read_line_events(g, polled[i]))
					line_lost(g, polled[i], strerror(errno), now);
			} else if (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL)) {
				line_lost(g, polled[i], "its GPIO chip hung up", now);
			}
		}
	}
	return NULL;
}

static int start_reader(struct gpio *g)
{
	sigset_t all, old;
	int rc;

	if (pipe2(g->stop_pipe, O_CLOEXEC) != 0)
		return errno;
	/* Signals go to the main thread, whose poll() they must interrupt. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&g->reader, NULL, reader_main, g);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		close(g->stop_pipe[0]);
		close(g->stop_pipe[1]);
		g->stop_pipe[0] = g->stop_pipe[1] = -1;
	}
	return rc;
}

/* Releases the lines and closes the chips (the reader is not running). */
static void release_all(struct gpio *g)
{
	for (int i = 0; i < g->n_lines; i++)
		if (g->lines[i].request)
			g->be->release(g->be->ctx, g->lines[i].request);
	g->n_lines = 0;
	for (int i = 0; i < g->n_chips; i++)
		if (g->chips[i].chip)
			g->be->chip_close(g->be->ctx, g->chips[i].chip);
	g->n_chips = 0;
}

struct gpio *gpio_open_with(const struct gpio_backend *backend, const struct gpio_wiring *w,
			    gpio_edge_fn on_edge, void *user, enum gpio_status *status, char *msg,
			    size_t len)
{
	struct report r = {.first = GPIO_OK, .msg = msg, .len = len};
	char chips[GPIO_CHIPS_MAX][GPIO_PATH_MAX];
	int n_chips = -1, wired = 0, err;
	struct gpio *g;

	msg[0] = '\0';
	for (int i = 0; i < w->n_buttons; i++)
		wired += w->line[i].line[0] || w->line[i].offset >= 0;
	if (wired == 0) {
		*status = GPIO_OK;
		return NULL;
	}
	g = calloc(1, sizeof(*g));
	if (!g) {
		add_problem(&r, GPIO_FAILED, "out of memory");
		goto out;
	}
	g->be = backend;
	g->on_edge = on_edge;
	g->user = user;
	g->stop_pipe[0] = g->stop_pipe[1] = -1;
	n_chips = backend->list_chips(backend->ctx, chips, GPIO_CHIPS_MAX);
	if (n_chips < 0) {
		add_problem(&r,
			    gpio_status_from_errno(errno) == GPIO_NO_PERMISSION ? GPIO_NO_PERMISSION
										: GPIO_FAILED,
			    "cannot look for GPIO chips in /dev: %s", strerror(errno));
		goto free_gpio;
	}
	if (n_chips == 0) {
		add_problem(&r, GPIO_NO_CHIP,
			    "no GPIO chip on this machine (no /dev/gpiochip*): not a Raspberry Pi, "
			    "or its GPIO driver is not loaded (check with gpiodetect)");
		goto free_gpio;
	}
	for (int i = 0; i < w->n_buttons; i++) {
		struct open_chip *chip;
		unsigned offset;

		if (!w->line[i].line[0] && w->line[i].offset < 0)
			continue;
		if (find_line(g, &w->line[i], w->names[i], chips, n_chips, &chip, &offset, &r))
			request_line(g, w, i, chip, offset, &r);
	}
	/* Chips that were only searched are closed now. */
	for (int i = 0; i < g->n_chips; i++) {
		if (g->chips[i].chip && g->chips[i].users == 0) {
			backend->chip_close(backend->ctx, g->chips[i].chip);
			g->chips[i].chip = NULL;
		}
	}
	if (g->n_lines == 0)
		goto release;
	err = start_reader(g);
	if (err != 0) {
		add_problem(&r, GPIO_FAILED, "cannot start the GPIO reader thread: %s",
			    strerror(err));
		goto release;
	}
	*status = r.first;
	return g;

release:
	release_all(g);
free_gpio:
	free(g);
out:
	*status = r.first;
	return NULL;
}

void gpio_close(struct gpio *g)
{
	char byte = 1;

	if (!g)
		return;
	/* A handle exists only with its reader running; the pipe is empty, so this cannot
	 * block, and the reader leaves its poll() for it. */
	while (write(g->stop_pipe[1], &byte, 1) < 0 && errno == EINTR)
		;
	pthread_join(g->reader, NULL);
	close(g->stop_pipe[0]);
	close(g->stop_pipe[1]);
	release_all(g);
	free(g);
}

void gpio_describe(const struct gpio *g, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; g && i < g->n_lines && used + 1 < len; i++) {
		snprintf(buf + used, len - used, "%s%s", i ? ", " : "", g->lines[i].what);
		used = strlen(buf);
	}
}

struct gpio *gpio_open(const struct gpio_wiring *w, gpio_edge_fn on_edge, void *user,
		       enum gpio_status *status, char *msg, size_t len)
{
	return gpio_open_with(gpio_backend_default(), w, on_edge, user, status, msg, len);
}
