/* SPDX-License-Identifier: MIT */
/* Unit tests of the GPIO module through its seam: line lookup, edge translation, error
 * classification and messages, and the reader thread, with a fake backend (no GPIO chip). */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "fake_gpio.h"
#include "gpio.h"
#include "gpio_backend.h"

/* Edges the reader thread handed over, collected for the test thread. */
struct edges {
	pthread_mutex_t lock;
	pthread_cond_t more;
	int n;
	struct {
		int button;
		bool down;
		int64_t t_ms;
		pthread_t thread;
	} e[FAKE_EDGES];
};

static void collect_edge(void *user, int button, bool down, int64_t t_ms)
{
	struct edges *ed = user;

	pthread_mutex_lock(&ed->lock);
	if (ed->n < FAKE_EDGES) {
		ed->e[ed->n].button = button;
		ed->e[ed->n].down = down;
		ed->e[ed->n].t_ms = t_ms;
		ed->e[ed->n].thread = pthread_self();
		ed->n++;
	}
	pthread_cond_broadcast(&ed->more);
	pthread_mutex_unlock(&ed->lock);
}

/* Waits up to two seconds for n edges; returns how many there are. */
static int wait_edges(struct edges *ed, int n)
{
	struct timespec until;
	int got;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 2;
	pthread_mutex_lock(&ed->lock);
	while (ed->n < n && pthread_cond_timedwait(&ed->more, &ed->lock, &until) == 0)
		;
	got = ed->n;
	pthread_mutex_unlock(&ed->lock);
	return got;
}

static void edges_init(struct edges *ed)
{
	memset(ed, 0, sizeof(*ed));
	pthread_mutex_init(&ed->lock, NULL);
	pthread_cond_init(&ed->more, NULL);
}

static void edges_destroy(struct edges *ed)
{
	pthread_cond_destroy(&ed->more);
	pthread_mutex_destroy(&ed->lock);
}

/* A Raspberry Pi 5 as libgpiod sees it: the header's lines on the fourth chip, not the first. */
static void pi5_chips(struct fake_gpio *f)
{
	static const char *const header[] = {"GPIO0", "GPIO1", "GPIO2", "GPIO3",
					     "GPIO4", "GPIO5", "GPIO6", "GPIO7"};

	f->chips[0] = (struct fake_chip){.path = "/dev/gpiochip0", .n_lines = 4};
	f->chips[0].lines[0].name = "RP1_SDA";
	f->chips[0].lines[1].name = "RP1_SCL";
	f->chips[1] = (struct fake_chip){.path = "/dev/gpiochip1", .n_lines = 2};
	f->chips[2] = (struct fake_chip){.path = "/dev/gpiochip4", .n_lines = FAKE_LINES};
	for (int i = 0; i < FAKE_LINES; i++)
		f->chips[2].lines[i].name = header[i];
	f->n_chips = 3;
}

/* Default settings with button main on line, plus more buttons on the given lines. */
/* The wiring the app hands the GPIO module for these settings. */
static const struct gpio_wiring *wiring_of(const struct config *c)
{
	static struct gpio_wiring w;

	config_wiring(c, &w);
	return &w;
}

static void buttons_on(struct config *c, const char *main_line, const char *second_line)
{
	config_defaults(c);
	snprintf(c->gpio[0].line, sizeof(c->gpio[0].line), "%s", main_line);
	if (second_line) {
		c->dev.n_buttons = 2;
		snprintf(c->dev.buttons[1].name, sizeof(c->dev.buttons[1].name), "second");
		snprintf(c->gpio[1].line, sizeof(c->gpio[1].line), "%s", second_line);
	}
}

static void edges_follow_polarity(void **state)
{
	(void)state;
	/* A button from the pin to ground (active low): pressing pulls the line low. */
	assert_true(gpio_edge_is_press(false, true));
	assert_false(gpio_edge_is_press(true, true));
	/* A button to 3.3 V with a pull-down: pressing drives it high. */
	assert_true(gpio_edge_is_press(true, false));
	assert_false(gpio_edge_is_press(false, false));
}

static void event_times_are_the_kernels(void **state)
{
	(void)state;
	/* The kernel's nanoseconds become our milliseconds, even when read late. */
	assert_int_equal(gpio_event_ms(5000123456u, 5900), 5000);
	assert_int_equal(gpio_event_ms(5000999999u, 5001), 5000);
	/* A wall-clock stamp (an old kernel) or one from the future cannot be compared with our
	 * clock: the time it was read stands in. */
	assert_int_equal(gpio_event_ms(1700000000000000000u, 5000), 5000);
	assert_int_equal(gpio_event_ms(7000000000u, 5000), 5000);
	assert_int_equal(gpio_event_ms(0, 60000), 60000);
}

static void v1_kernel_records_are_read(void **state)
{
	struct gpioevent_data rec[3] = {
		{.timestamp = 5000123456u, .id = GPIOEVENT_EVENT_FALLING_EDGE},
		{.timestamp = UINT64_C(0x1234567890abcdef), .id = GPIOEVENT_EVENT_RISING_EDGE},
		{.timestamp = 7, .id = GPIOEVENT_EVENT_FALLING_EDGE},
	};
	struct gpio_raw_event ev[4];
	int fds[2];
	(void)state;

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], rec, sizeof(rec)), (ssize_t)sizeof(rec));
	/* At most max at a time; the rest wait for the next read. */
	assert_int_equal(gpio_read_v1_records(fds[0], ev, 2), 2);
	assert_false(ev[0].rising);
	assert_int_equal(ev[0].ts_ns, 5000123456u);
	assert_true(ev[1].rising);
	assert_int_equal(ev[1].ts_ns, UINT64_C(0x1234567890abcdef));
	assert_int_equal(gpio_read_v1_records(fds[0], ev, 4), 1);
	assert_false(ev[0].rising);
	assert_int_equal(ev[0].ts_ns, 7);
	close(fds[1]);
	assert_int_equal(gpio_read_v1_records(fds[0], ev, 4), 0);
	close(fds[0]);
	assert_int_equal(gpio_read_v1_records(fds[0], ev, 4), -1);
	assert_int_equal(errno, EBADF);
}

static void errors_are_classified(void **state)
{
	(void)state;
	assert_int_equal(gpio_status_from_errno(EACCES), GPIO_NO_PERMISSION);
	assert_int_equal(gpio_status_from_errno(EPERM), GPIO_NO_PERMISSION);
	assert_int_equal(gpio_status_from_errno(EBUSY), GPIO_BUSY);
	assert_int_equal(gpio_status_from_errno(ENOENT), GPIO_NO_LINE);
	assert_int_equal(gpio_status_from_errno(ENODEV), GPIO_NO_LINE);
	assert_int_equal(gpio_status_from_errno(EIO), GPIO_FAILED);
	assert_string_equal(gpio_status_name(GPIO_BUSY), "busy");
	assert_string_equal(gpio_status_name(GPIO_NO_PERMISSION), "no permission");
}

static void no_chip_means_keyboard(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	config_defaults(&c);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_CHIP);
	assert_non_null(strstr(msg, "no GPIO chip on this machine (no /dev/gpiochip*)"));
	assert_non_null(strstr(msg, "gpiodetect"));
	assert_int_equal(f.chips_open, 0);
	fake_gpio_destroy(&f);
}

static void chips_that_cannot_be_listed(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	f.list_errno = EACCES;
	config_defaults(&c);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_PERMISSION);
	assert_string_equal(msg, "cannot look for GPIO chips in /dev: Permission denied");
	fake_gpio_destroy(&f);
}

static void unwired_buttons_touch_nothing(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_FAILED;
	char msg[64] = "x";
	(void)state;

	fake_gpio_init(&f, false);
	buttons_on(&c, "", NULL);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_OK);
	assert_string_equal(msg, "");
	assert_false(f.listed);
	fake_gpio_destroy(&f);
}

static void line_found_by_name_on_any_chip(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_FAILED;
	struct fake_request *r;
	struct gpio *g;
	char msg[512], what[128];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO5", NULL);
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	assert_int_equal(st, GPIO_OK);
	assert_string_equal(msg, "");
	r = fake_gpio_request(&f, 2, 5);
	assert_non_null(r);
	assert_int_equal(r->settings.bias, GPIO_BIAS_PULL_UP);
	assert_string_equal(r->settings.consumer, "calm-prompt");
	assert_int_equal(r->settings.debounce_us, 0); /* v1: no kernel debounce */
	gpio_describe(g, what, sizeof(what));
	assert_string_equal(what, "main on GPIO5 (gpiochip4 line 5)");
	/* Only the chip with a watched line stays open. */
	assert_int_equal(f.chips_open, 1);
	gpio_close(g);
	assert_int_equal(f.chips_open, 0);
	assert_int_equal(f.requests_out, 0);
	fake_gpio_destroy(&f);
}

static void missing_line_names_what_to_check(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO17", NULL);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_LINE);
	assert_string_equal(msg, "no GPIO line named GPIO17 (button main) on /dev/gpiochip0, "
				 "/dev/gpiochip1, /dev/gpiochip4: check the line names with "
				 "gpioinfo, or give chip and offset in [button main]");
	assert_int_equal(f.chips_open, 0);
	assert_int_equal(f.requests_out, 0);
	fake_gpio_destroy(&f);
}

static void busy_line_names_its_holder(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	f.chips[2].lines[5].request_errno = EBUSY;
	f.chips[2].lines[5].consumer = "gpio-keys";
	buttons_on(&c, "GPIO5", NULL);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_BUSY);
	assert_string_equal(msg, "GPIO5 (button main) is in use by 'gpio-keys': see who holds it "
				 "with gpioinfo, and stop that program or choose another line");
	/* A holder the kernel does not name. */
	f.chips[2].lines[5].consumer = NULL;
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "is in use by another program: see who holds it"));
	assert_int_equal(f.chips_open, 0);
	fake_gpio_destroy(&f);
}

static void permission_points_at_the_gpio_group(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	/* The chip with the line may not be opened: that is what to fix, not the name. */
	f.chips[2].open_errno = EACCES;
	buttons_on(&c, "GPIO5", NULL);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_PERMISSION);
	assert_non_null(strstr(msg, "no permission to open /dev/gpiochip4 (button main)"));
	assert_non_null(strstr(msg, "gpio group"));
	assert_non_null(strstr(msg, "ls -l /dev/gpiochip*"));
	/* The kernel can refuse the request itself too. */
	f.chips[2].open_errno = 0;
	f.chips[2].lines[5].request_errno = EPERM;
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_PERMISSION);
	assert_non_null(strstr(msg, "no permission to open /dev/gpiochip4 (button main)"));
	assert_int_equal(f.chips_open, 0);
	fake_gpio_destroy(&f);
}

static void other_request_errors(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	f.chips[2].lines[5].request_errno = EIO;
	buttons_on(&c, "GPIO5", NULL);
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_FAILED);
	assert_string_equal(msg, "cannot watch GPIO5 (button main) on /dev/gpiochip4: "
				 "Input/output error");
	fake_gpio_destroy(&f);
}

static void line_by_chip_and_offset(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_FAILED;
	struct gpio *g;
	char msg[512], what[128];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "", NULL);
	snprintf(c.gpio[0].chip, sizeof(c.gpio[0].chip), "gpiochip4");
	c.gpio[0].offset = 3;
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	assert_int_equal(st, GPIO_OK);
	assert_non_null(fake_gpio_request(&f, 2, 3));
	gpio_describe(g, what, sizeof(what));
	assert_string_equal(what, "main on gpiochip4 line 3");
	/* Only the named chip is opened. */
	assert_int_equal(f.chips_open, 1);
	gpio_close(g);

	c.gpio[0].offset = 8;
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_LINE);
	assert_string_equal(msg, "/dev/gpiochip4 has 8 lines (offsets from 0), so no offset 8 "
				 "(button main): check with gpioinfo");

	snprintf(c.gpio[0].chip, sizeof(c.gpio[0].chip), "/dev/gpiochip7");
	c.gpio[0].offset = 1;
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_LINE);
	assert_string_equal(msg, "no GPIO chip /dev/gpiochip7 (button main): see the chips this "
				 "machine has with gpiodetect");
	assert_int_equal(f.chips_open, 0);
	fake_gpio_destroy(&f);
}

static void name_on_a_given_chip_only(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO5", NULL);
	snprintf(c.gpio[0].chip, sizeof(c.gpio[0].chip), "gpiochip0");
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_LINE);
	assert_non_null(strstr(msg, "no GPIO line named GPIO5 (button main) on /dev/gpiochip0:"));
	fake_gpio_destroy(&f);
}

static void working_buttons_stay_when_one_fails(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	struct gpio *g;
	char msg[512], what[128];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "GPIO27");
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	assert_int_equal(st, GPIO_NO_LINE);
	assert_non_null(strstr(msg, "no GPIO line named GPIO27 (button second)"));
	assert_null(strstr(msg, "button main"));
	gpio_describe(g, what, sizeof(what));
	assert_string_equal(what, "main on GPIO2 (gpiochip4 line 2)");
	gpio_close(g);
	assert_int_equal(f.chips_open, 0);
	assert_int_equal(f.requests_out, 0);
	fake_gpio_destroy(&f);
}

static void two_buttons_on_one_line(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	struct gpio *g;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "");
	snprintf(c.gpio[1].chip, sizeof(c.gpio[1].chip), "gpiochip4");
	c.gpio[1].offset = 2;
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	assert_int_equal(st, GPIO_BUSY);
	assert_string_equal(msg, "buttons main and second are both on gpiochip4 line 2: give each "
				 "button its own line");
	gpio_close(g);
	fake_gpio_destroy(&f);
}

static void every_problem_in_one_message(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[1024];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	f.chips[2].lines[1].request_errno = EBUSY;
	buttons_on(&c, "GPIO99", "GPIO1");
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_LINE); /* the first problem */
	assert_non_null(strstr(msg, "GPIO99 (button main)"));
	assert_non_null(strstr(msg, "; GPIO1 (button second) is in use"));
	/* A short buffer cuts the message, never overruns it. */
	assert_null(gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, 40));
	assert_int_equal(strlen(msg), 39);
	fake_gpio_destroy(&f);
}

static void settings_reach_the_kernel(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st;
	struct fake_request *r;
	struct gpio *g;
	char msg[512];
	(void)state;

	fake_gpio_init(&f, true); /* libgpiod v2: the kernel debounces */
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "GPIO3");
	c.gpio[1].bias = GPIO_BIAS_PULL_DOWN;
	c.gpio[1].active_low = false;
	c.gpio[1].debounce_ms = 5;
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	r = fake_gpio_request(&f, 2, 2);
	assert_non_null(r);
	assert_int_equal(r->settings.debounce_us, 30000); /* [buttons] debounce_ms */
	assert_int_equal(r->settings.bias, GPIO_BIAS_PULL_UP);
	r = fake_gpio_request(&f, 2, 3);
	assert_non_null(r);
	assert_int_equal(r->settings.debounce_us, 5000);
	assert_int_equal(r->settings.bias, GPIO_BIAS_PULL_DOWN);
	gpio_close(g);
	fake_gpio_destroy(&f);
}

static void reader_hands_over_kernel_times(void **state)
{
	struct fake_gpio f;
	struct edges ed;
	struct config c;
	enum gpio_status st;
	struct fake_request *main_line, *second_line;
	struct gpio *g;
	char msg[512];
	uint64_t t0 = fake_gpio_now_ns() - 400000000u; /* 0.4 s ago: as if read late */
	(void)state;

	edges_init(&ed);
	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "GPIO3");
	c.gpio[1].active_low = false;
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, &ed, &st, msg, sizeof(msg));
	assert_non_null(g);
	main_line = fake_gpio_request(&f, 2, 2);
	second_line = fake_gpio_request(&f, 2, 3);
	/* main (active low): pressed is falling; second (active high): pressed is rising. */
	fake_gpio_edge(main_line, false, t0);
	fake_gpio_edge(main_line, true, t0 + 120000000u);
	assert_int_equal(wait_edges(&ed, 2), 2);
	fake_gpio_edge(second_line, true, t0 + 200999999u);
	assert_int_equal(wait_edges(&ed, 3), 3);
	gpio_close(g);

	assert_int_equal(ed.e[0].button, 0);
	assert_true(ed.e[0].down);
	assert_int_equal(ed.e[0].t_ms, (int64_t)(t0 / 1000000u));
	assert_int_equal(ed.e[1].button, 0);
	assert_false(ed.e[1].down);
	assert_int_equal(ed.e[1].t_ms - ed.e[0].t_ms, 120); /* the press as long as it was */
	assert_int_equal(ed.e[2].button, 1);
	assert_true(ed.e[2].down);
	assert_int_equal(ed.e[2].t_ms, (int64_t)((t0 + 200999999u) / 1000000u));
	/* On the reader thread, never on the caller's. */
	assert_false(pthread_equal(ed.e[0].thread, pthread_self()));
	assert_int_equal(f.requests_out, 0);
	edges_destroy(&ed);
	fake_gpio_destroy(&f);
}

static void a_vanished_line_never_spins(void **state)
{
	struct fake_gpio f;
	struct edges ed;
	struct config c;
	enum gpio_status st;
	struct gpio *g;
	char msg[512];
	int reads;
	(void)state;

	edges_init(&ed);
	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "GPIO3");
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, &ed, &st, msg, sizeof(msg));
	assert_non_null(g);
	fake_gpio_hang_up(fake_gpio_request(&f, 2, 2));
	usleep(100000);
	pthread_mutex_lock(&f.lock);
	reads = f.reads;
	pthread_mutex_unlock(&f.lock);
	assert_true(reads <= 1);
	/* The other line still works. */
	fake_gpio_edge(fake_gpio_request(&f, 2, 3), false, fake_gpio_now_ns());
	assert_int_equal(wait_edges(&ed, 1), 1);
	assert_int_equal(ed.e[0].button, 1);
	gpio_close(g);
	edges_destroy(&ed);
	fake_gpio_destroy(&f);
}

/* Runs with stderr going to a file, to read what the journal would get. */
struct captured {
	int saved;
	char path[64];
};

static void capture_stderr(struct captured *c)
{
	int fd;

	snprintf(c->path, sizeof(c->path), "/tmp/calm-gpio-stderr-%ld", (long)getpid());
	fd = open(c->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	fflush(stderr);
	c->saved = dup(2);
	assert_true(c->saved >= 0);
	assert_int_equal(dup2(fd, 2), 2);
	close(fd);
}

/* Stops capturing; returns how many lines of what was said contain needle. */
static int captured_lines(struct captured *c, const char *needle)
{
	char line[512];
	int n = 0;
	FILE *f;

	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	f = fopen(c->path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	unlink(c->path);
	return n;
}

/* A line that stops answering is said once (not once per retry), asked for again while it is
 * gone, and its button works again when it is back. */
static void a_lost_line_is_said_once_and_asked_for_again(void **state)
{
	struct fake_gpio f;
	struct edges ed;
	struct config c;
	struct captured cap;
	enum gpio_status st;
	struct fake_request *back = NULL;
	struct gpio *g;
	char msg[512];
	(void)state;

	edges_init(&ed);
	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", "GPIO3");
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, &ed, &st, msg, sizeof(msg));
	assert_non_null(g);
	capture_stderr(&cap);
	/* The line goes, and asking for it fails for a while (three retries at least). */
	fake_gpio_set_request_errno(&f, 2, 2, ENODEV);
	fake_gpio_hang_up(fake_gpio_request(&f, 2, 2));
	usleep(2000000);
	fake_gpio_set_request_errno(&f, 2, 2, 0);
	for (int waited = 0; waited < 40 && !back; waited++) {
		usleep(100000);
		back = fake_gpio_request(&f, 2, 2);
	}
	assert_non_null(back);
	fake_gpio_edge(back, false, fake_gpio_now_ns());
	assert_int_equal(wait_edges(&ed, 1), 1);
	assert_int_equal(ed.e[0].button, 0);
	assert_true(ed.e[0].down);
	gpio_close(g);
	assert_int_equal(captured_lines(&cap, "stopped answering"), 1);
	edges_destroy(&ed);
	fake_gpio_destroy(&f);
}

static void signals_stay_with_the_main_thread(void **state)
{
	struct fake_gpio f;
	struct config c;
	enum gpio_status st;
	struct gpio *g;
	sigset_t usr1, pending, old;
	struct timespec none = {0, 0};
	char msg[512];
	(void)state;

	fake_gpio_init(&f, false);
	pi5_chips(&f);
	buttons_on(&c, "GPIO2", NULL);
	g = gpio_open_with(&f.be, wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg));
	assert_non_null(g);
	/* With SIGUSR1 blocked here, a signal to the process can only stay pending: the reader
	 * thread must not take it (it would leave the main loop's poll() asleep). */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, &old);
	kill(getpid(), SIGUSR1);
	usleep(50000);
	sigpending(&pending);
	assert_true(sigismember(&pending, SIGUSR1));
	assert_int_equal(sigtimedwait(&usr1, NULL, &none), SIGUSR1);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	gpio_close(g);
	fake_gpio_destroy(&f);
}

static void close_accepts_null(void **state)
{
	char what[16] = "x";
	(void)state;

	gpio_close(NULL);
	gpio_describe(NULL, what, sizeof(what));
	assert_string_equal(what, "");
}

static void linked_library_matches_the_header(void **state)
{
	const char *version = gpio_library_version();
	(void)state;

	/* Built against one API and run with the other would be a packaging mistake. */
	print_message("libgpiod API v%d, library %s\n", gpio_api(), version);
	assert_non_null(version);
	assert_int_equal(version[0] - '0', gpio_api());
	assert_int_equal(version[1], '.');
}

static void real_backend_without_chips(void **state)
{
	struct stat st_dev;
	struct config c;
	enum gpio_status st = GPIO_OK;
	char msg[512];
	(void)state;

	if (stat("/dev/gpiochip0", &st_dev) == 0)
		skip(); /* a machine with GPIO: the fakes above cover the logic */
	config_defaults(&c);
	assert_null(gpio_open(wiring_of(&c), collect_edge, NULL, &st, msg, sizeof(msg)));
	assert_int_equal(st, GPIO_NO_CHIP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edges_follow_polarity),
		cmocka_unit_test(event_times_are_the_kernels),
		cmocka_unit_test(v1_kernel_records_are_read),
		cmocka_unit_test(errors_are_classified),
		cmocka_unit_test(no_chip_means_keyboard),
		cmocka_unit_test(chips_that_cannot_be_listed),
		cmocka_unit_test(unwired_buttons_touch_nothing),
		cmocka_unit_test(line_found_by_name_on_any_chip),
		cmocka_unit_test(missing_line_names_what_to_check),
		cmocka_unit_test(busy_line_names_its_holder),
		cmocka_unit_test(permission_points_at_the_gpio_group),
		cmocka_unit_test(other_request_errors),
		cmocka_unit_test(line_by_chip_and_offset),
		cmocka_unit_test(name_on_a_given_chip_only),
		cmocka_unit_test(working_buttons_stay_when_one_fails),
		cmocka_unit_test(two_buttons_on_one_line),
		cmocka_unit_test(every_problem_in_one_message),
		cmocka_unit_test(settings_reach_the_kernel),
		cmocka_unit_test(reader_hands_over_kernel_times),
		cmocka_unit_test(a_vanished_line_never_spins),
		cmocka_unit_test(a_lost_line_is_said_once_and_asked_for_again),
		cmocka_unit_test(signals_stay_with_the_main_thread),
		cmocka_unit_test(close_accepts_null),
		cmocka_unit_test(linked_library_matches_the_header),
		cmocka_unit_test(real_backend_without_chips),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
