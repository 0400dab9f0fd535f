/* SPDX-License-Identifier: MIT */
/* SDL's event queue turned into the loop's input events: keys mapped to buttons, GPIO edges
 * handed over from their reader thread, all stamped with when they happened. */
#define _GNU_SOURCE /* pipe2 */
#include "events.h"

#include <SDL.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "eventtime.h"
#include "gpio.h"
#include "gpioevent.h"
#include "idlewait.h"
#include "keystamps.h"
#include "touch.h"
#include "wallclock.h"

struct input {
	struct idlewait *waiter; /* NULL where SDL sleeps by itself (X11, Wayland) */
	struct gpioevent_link link;
	struct gpio *gpio;
	struct keymap keys;       /* which key is which button */
	struct keystamps stamps;  /* with a waiter: its copy's key times, for SDL's key events */
	struct touch_input touch; /* the glass (and the mouse) as buttons */
	/* Where SDL sleeps by itself, a wake-up (a signal) goes through a pipe to a thread that
	 * pushes an event of this type: SDL's wait wakes for it, as it would not for a pipe. */
	int relay_pipe[2];
	SDL_Thread *relay;
	Uint32 wake_type;
};

static int relay_wakes(void *user)
{
	struct input *in = user;
	char byte;

	while (read(in->relay_pipe[0], &byte, 1) > 0) {
		SDL_Event ev = {.type = in->wake_type};

		SDL_PushEvent(&ev);
	}
	return 0;
}

static void stamp_key(void *user, int code, bool down, int64_t t_ms)
{
	struct input *in = user;

	keystamps_add(&in->stamps, code, down, t_ms);
}

/* The relay for drivers that sleep by themselves; false when it cannot be had. */
static bool start_relay(struct input *in)
{
	in->wake_type = SDL_RegisterEvents(1);
	if (in->wake_type == (Uint32)-1 || pipe2(in->relay_pipe, O_CLOEXEC) != 0)
		return false;
	in->relay = SDL_CreateThread(relay_wakes, "calm-wake", in);
	return in->relay != NULL;
}

struct input *input_open(const char *video_driver)
{
	struct input *in = calloc(1, sizeof(*in));

	if (!in)
		return NULL;
	in->relay_pipe[0] = in->relay_pipe[1] = -1;
	if (!idlewait_driver_sleeps(video_driver)) {
		in->waiter = idlewait_new();
		if (!in->waiter) {
			free(in);
			return NULL;
		}
		keystamps_init(&in->stamps);
		idlewait_on_key(in->waiter, stamp_key, in);
	} else if (!start_relay(in)) {
		input_close(in);
		return NULL;
	}
	keymap_defaults(&in->keys);
	touch_input_init(&in->touch, false, 0, 1);
	return in;
}

void input_set_keys(struct input *in, const struct keymap *keys)
{
	in->keys = *keys;
}

void input_set_touch(struct input *in, bool on, int rotation, int zones)
{
	touch_input_init(&in->touch, on, rotation, zones);
}

bool input_touch_screen_found(void)
{
	return SDL_GetNumTouchDevices() > 0;
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
	if (in->relay_pipe[1] >= 0)
		close(in->relay_pipe[1]); /* the relay reads the end and stops */
	if (in->relay)
		SDL_WaitThread(in->relay, NULL);
	if (in->relay_pipe[0] >= 0)
		close(in->relay_pipe[0]);
	free(in);
}

/* An edge from an SDL event: at the event's own time (eventtime.h), from source. */
static bool edge(const SDL_Event *sdl, int button, bool down, const char *source,
		 struct input_event *ev)
{
	ev->kind = INPUT_EDGE;
	ev->button = button;
	ev->down = down;
	ev->t_ms = eventtime_ms(sdl->common.timestamp, SDL_GetTicks(), mono_now_ms());
	snprintf(ev->source, sizeof(ev->source), "%s", source);
	return true;
}

/* A key's edge at the time the kernel saw it, where the waiter reads the devices too (SDL's own
 * stamp is when it read the event, which a busy frame makes late: keystamps.h). */
static bool key_edge(struct input *in, const SDL_Event *sdl, int button, const char *source,
		     struct input_event *ev)
{
	bool down = sdl->type == SDL_KEYDOWN;
	int code = keystamps_linux_code(sdl->key.keysym.scancode);

	edge(sdl, button, down, source, ev);
	if (in->waiter && code >= 0) {
		idlewait_read(in->waiter); /* SDL has read it, so the waiter's copy has it too */
		ev->t_ms = keystamps_take(&in->stamps, code, down, ev->t_ms);
	}
	return true;
}

/* One SDL event as an input event; false for those the loop need not hear of. */
static bool translate(struct input *in, const SDL_Event *sdl, struct input_event *ev)
{
	const char *key;
	int button;
	bool down;

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
		button = keymap_button(&in->keys, sdl->key.keysym.sym, sdl->key.keysym.scancode,
				       &key);
		if (button < 0)
			return false;
		return key_edge(in, sdl, button, key, ev);
	case SDL_WINDOWEVENT:
		ev->kind = INPUT_REDRAW;
		return true;
	default:
		if (touch_input_edge(&in->touch, sdl, &button, &down))
			return edge(sdl, button, down, PRESS_SOURCE_TOUCH, ev);
		/* A GPIO edge, at the time the kernel saw it. */
		if (!gpioevent_read(&in->link, sdl, &ev->button, &ev->down, &ev->t_ms))
			return false;
		ev->kind = INPUT_EDGE;
		snprintf(ev->source, sizeof(ev->source), "gpio");
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
	char byte = 1;

	if (in && in->waiter) {
		idlewait_wake(in->waiter);
	} else if (in && in->relay_pipe[1] >= 0) {
		ssize_t ignored = write(in->relay_pipe[1], &byte, 1);

		(void)ignored; /* a full pipe already means "wake up" */
	}
}

bool input_sleeps_in_poll(const struct input *in)
{
	return in->waiter != NULL;
}
