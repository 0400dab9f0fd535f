/* SPDX-License-Identifier: MIT */
/* GPIO edges through SDL's queue: exact values across threads, and a main loop asleep in
 * poll() (idlewait) woken by each edge. */
#include <SDL.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "fake_gpio.h"
#include "gpio_backend.h"
#include "gpioevent.h"
#include "idlewait.h"

static int64_t now_ms(void)
{
	return (int64_t)(fake_gpio_now_ns() / 1000000u);
}

static int setup_sdl(void **state)
{
	(void)state;
	return SDL_Init(SDL_INIT_EVENTS) == 0 ? 0 : -1;
}

static int teardown_sdl(void **state)
{
	(void)state;
	SDL_Quit();
	return 0;
}

static void drain_queue(void)
{
	SDL_Event ev;

	while (SDL_PollEvent(&ev))
		;
}

static void edges_keep_every_bit(void **state)
{
	struct gpioevent_link link = {0}, other = {0};
	SDL_Event ev;
	int button;
	bool down;
	int64_t t;
	(void)state;

	drain_queue();
	assert_true(gpioevent_init(&link, NULL));
	assert_true(gpioevent_init(&other, NULL));
	assert_int_not_equal(link.type, other.type);
	/* Times past 32 bits survive even where a pointer has 32 (armhf). */
	gpioevent_push(&link, 2, true, INT64_C(0x123456789ab));
	gpioevent_push(&link, 0, false, 7);
	gpioevent_push(&other, 1, true, 9);
	assert_true(SDL_PollEvent(&ev));
	assert_true(gpioevent_read(&link, &ev, &button, &down, &t));
	assert_int_equal(button, 2);
	assert_true(down);
	assert_int_equal(t, INT64_C(0x123456789ab));
	assert_true(SDL_PollEvent(&ev));
	assert_true(gpioevent_read(&link, &ev, &button, &down, &t));
	assert_int_equal(button, 0);
	assert_false(down);
	assert_int_equal(t, 7);
	/* Someone else's user event, or any other event, is not an edge. */
	assert_true(SDL_PollEvent(&ev));
	assert_false(gpioevent_read(&link, &ev, &button, &down, &t));
	ev.type = SDL_QUIT;
	assert_false(gpioevent_read(&link, &ev, &button, &down, &t));
	/* Before init nothing is an edge, even type 0. */
	memset(&other, 0, sizeof(other));
	memset(&ev, 0, sizeof(ev));
	assert_false(gpioevent_read(&other, &ev, &button, &down, &t));
}

struct late_push {
	struct gpioevent_link *link;
	int64_t t_ms;
};

static int push_later(void *arg)
{
	struct late_push *p = arg;

	SDL_Delay(100);
	gpioevent_push(p->link, 1, true, p->t_ms);
	return 0;
}

static void a_push_wakes_the_sleeping_loop(void **state)
{
	struct gpioevent_link link;
	struct idlewait *w = idlewait_new();
	struct late_push p = {.link = &link, .t_ms = 4242};
	SDL_Thread *thread;
	SDL_Event ev;
	int64_t t0, slept;
	int button;
	bool down;
	int64_t t;
	(void)state;

	assert_non_null(w);
	drain_queue();
	assert_true(gpioevent_init(&link, w));
	thread = SDL_CreateThread(push_later, "push", &p);
	assert_non_null(thread);
	t0 = now_ms();
	/* Other input (a keyboard on a desktop) may end a sleep early too: sleep again then. */
	while (!SDL_PollEvent(&ev) && now_ms() - t0 < 2000)
		idlewait_sleep(w, 5000);
	slept = now_ms() - t0;
	SDL_WaitThread(thread, NULL);
	/* Woken by the push, not by the five-second timeout. */
	assert_true(slept < 2000);
	assert_true(gpioevent_read(&link, &ev, &button, &down, &t));
	assert_int_equal(button, 1);
	assert_int_equal(t, 4242);
	idlewait_free(w);
}

static void from_the_line_to_the_loop(void **state)
{
	struct fake_gpio f;
	struct gpioevent_link link;
	struct idlewait *w = idlewait_new();
	struct config c;
	struct gpio_wiring wiring;
	enum gpio_status st;
	struct gpio *g;
	SDL_Event ev;
	char msg[256];
	uint64_t pressed = fake_gpio_now_ns() - 250000000u;
	int64_t t0, t;
	int button, got = 0;
	bool down;
	(void)state;

	assert_non_null(w);
	drain_queue();
	assert_true(gpioevent_init(&link, w));
	fake_gpio_init(&f, false);
	f.chips[0] = (struct fake_chip){.path = "/dev/gpiochip0", .n_lines = 1};
	f.chips[0].lines[0].name = "GPIO17";
	f.n_chips = 1;
	config_defaults(&c); /* main on GPIO17, active low */
	config_wiring(&c, &wiring);
	g = gpio_open_with(&f.be, &wiring, gpioevent_push, &link, &st, msg, sizeof(msg));
	assert_non_null(g);
	assert_int_equal(st, GPIO_OK);

	fake_gpio_edge(fake_gpio_request(&f, 0, 0), false, pressed);
	fake_gpio_edge(fake_gpio_request(&f, 0, 0), true, pressed + 150000000u);
	t0 = now_ms();
	while (got < 2 && now_ms() - t0 < 2000) {
		if (!SDL_PollEvent(&ev)) {
			idlewait_sleep(w, 2000);
			continue;
		}
		assert_true(gpioevent_read(&link, &ev, &button, &down, &t));
		assert_int_equal(button, 0);
		assert_int_equal(down, got == 0);
		assert_int_equal(t, (int64_t)((pressed + (got ? 150000000u : 0)) / 1000000u));
		got++;
	}
	assert_int_equal(got, 2);
	assert_true(now_ms() - t0 < 1000);
	gpio_close(g);
	idlewait_free(w);
	fake_gpio_destroy(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edges_keep_every_bit),
		cmocka_unit_test(a_push_wakes_the_sleeping_loop),
		cmocka_unit_test(from_the_line_to_the_loop),
	};
	return cmocka_run_group_tests(tests, setup_sdl, teardown_sdl);
}
