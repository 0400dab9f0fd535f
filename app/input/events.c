/* SPDX-License-Identifier: MIT */
/* SDL's event queue turned into the loop's input events: keys mapped to buttons, GPIO edges
 * handed over from their reader thread, all stamped with when they happened. */
#include "events.h"

#include <SDL.h>
#include <stdlib.h>

#include "diag.h"
#include "gpio.h"
#include "gpioevent.h"
#include "idlewait.h"
#include "wallclock.h"

struct input {
	struct idlewait *waiter; /* NULL where SDL sleeps by itself (X11, Wayland) */
	struct gpioevent_link link;
	struct gpio *gpio;
	int64_t sdl_to_mono_ms; /* SDL's event times plus this are CLOCK_MONOTONIC ms */
};

/* Which configured button a key stands for, or -1. */
static int key_button(SDL_Keycode key)
{
	switch (key) {
	case SDLK_SPACE:
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_1:
		return 0;
	case SDLK_2:
		return 1;
	case SDLK_3:
		return 2;
	default:
		return -1;
	}
}

struct input *input_open(const char *video_driver)
{
	struct input *in = calloc(1, sizeof(*in));

	if (!in)
		return NULL;
	if (!idlewait_driver_sleeps(video_driver)) {
		in->waiter = idlewait_new();
		if (!in->waiter) {
			free(in);
			return NULL;
		}
	}
	/* SDL stamps events with SDL_GetTicks(), read from CLOCK_MONOTONIC since SDL started:
	 * one offset turns them into the core's clock. */
	in->sdl_to_mono_ms = mono_now_ms() - (int64_t)SDL_GetTicks();
	return in;
}

void input_start_gpio(struct input *in, const struct gpio_wiring *wiring, enum gpio_use use)
{
	enum gpio_status status;
	enum diag_level level;
	char msg[1024], what[256];

	if (use == GPIO_USE_NO)
		return;
	if (!gpioevent_init(&in->link, in->waiter)) {
		diag_error("GPIO buttons are off: SDL has no user event type left for them");
		return;
	}
	in->gpio = gpio_open(wiring, gpioevent_push, &in->link, &status, msg, sizeof(msg));
	if (status != GPIO_OK) {
		/* No chip at all is a desktop, unless the settings say GPIO is expected. */
		if (use == GPIO_USE_YES)
			level = DIAG_ERROR;
		else
			level = status == GPIO_NO_CHIP ? DIAG_INFO : DIAG_WARN;
		diag_msg(level, "GPIO buttons: %s; %s", msg,
			 in->gpio ? "the other buttons work"
				  : "using the keyboard instead (Space or Enter, 1 to 3)");
	}
	if (in->gpio) {
		gpio_describe(in->gpio, what, sizeof(what));
		diag_info("GPIO buttons (libgpiod %s): %s", gpio_library_version(), what);
	}
}

void input_close(struct input *in)
{
	if (!in)
		return;
	gpio_close(in->gpio); /* its reader thread pushes nothing after this */
	idlewait_free(in->waiter);
	free(in);
}

/* One SDL event as an input event; false for those the loop need not hear of. */
static bool translate(const struct input *in, const SDL_Event *sdl, struct input_event *ev)
{
	switch (sdl->type) {
	case SDL_QUIT:
		ev->kind = INPUT_QUIT;
		return true;
	case SDL_KEYDOWN:
	case SDL_KEYUP:
		if (sdl->key.keysym.sym == SDLK_ESCAPE) {
			ev->kind = INPUT_QUIT;
			return true;
		}
		if (sdl->key.repeat)
			return false;
		ev->button = key_button(sdl->key.keysym.sym);
		if (ev->button < 0)
			return false;
		ev->kind = INPUT_EDGE;
		ev->down = sdl->type == SDL_KEYDOWN;
		ev->t_ms = (int64_t)sdl->key.timestamp + in->sdl_to_mono_ms;
		return true;
	case SDL_WINDOWEVENT:
		ev->kind = INPUT_REDRAW;
		return true;
	default:
		/* A GPIO edge, at the time the kernel saw it. */
		if (!gpioevent_read(&in->link, sdl, &ev->button, &ev->down, &ev->t_ms))
			return false;
		ev->kind = INPUT_EDGE;
		return true;
	}
}

bool input_next(struct input *in, struct input_event *ev)
{
	SDL_Event sdl;

	while (SDL_PollEvent(&sdl))
		if (translate(in, &sdl, ev))
			return true;
	return false;
}

bool input_wait(struct input *in, int timeout_ms, struct input_event *ev)
{
	SDL_Event sdl;
	bool got;

	if (input_next(in, ev))
		return true;
	/* Where SDL's driver cannot sleep by itself, the sleeping happens in poll() instead. */
	if (in->waiter) {
		idlewait_sleep(in->waiter, timeout_ms);
		return input_next(in, ev);
	}
	got = timeout_ms < 0 ? SDL_WaitEvent(&sdl) : SDL_WaitEventTimeout(&sdl, timeout_ms);
	if (got && translate(in, &sdl, ev))
		return true;
	return input_next(in, ev);
}

void input_watch(struct input *in, int fd)
{
	if (in->waiter)
		idlewait_watch(in->waiter, fd);
}

void input_wake(struct input *in)
{
	if (in && in->waiter)
		idlewait_wake(in->waiter);
}

bool input_sleeps_in_poll(const struct input *in)
{
	return in->waiter != NULL;
}
