/* SPDX-License-Identifier: MIT */
/* The breath's sound through SDL audio.
 *
 * The audio thread asks the core's generator for each buffer, giving it the pacer times at
 * which the buffer's samples will be heard: on the monotonic clock (core/audioclock.c: the
 * callback's time plus the buffer queued ahead of it, the latency, run on by the sample count
 * and pulled gently towards the clock), minus the monotonic time at which the session's
 * breathing time was 0. That is the picture's clock, so sound and picture cannot drift. */
#include "sound.h"

#include <SDL.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audioclock.h"
#include "breathtone.h"
#include "diag.h"

#define SOUND_RATE      48000
#define SOUND_SAMPLES   1024   /* a buffer: ~21 ms, one wake-up of the audio thread */
#define CLOSE_AFTER_MS  2000   /* quiet this long: the device closes */

struct sound {
	bool audio_inited;    /* SDL's audio subsystem is up */
	bool failed_once;     /* the missing device was said; not again */
	SDL_AudioDeviceID id; /* 0: closed */
	SDL_AudioSpec spec;   /* what the device gave */
	double latency_ms;    /* from a sample written to it being heard */
	float *buf;
	struct breathtone *tone;
	int64_t quiet_since; /* the sound went quiet then (-1: it is not) */
	int64_t recheck_ms;  /* a fade is under way: look again then (-1: none) */
	bool anchor_told;    /* the stream sample of breathing time 0 was said (debug) */
	/* Shared with the audio thread: written with the device locked. */
	int64_t origin_ms;   /* monotonic time at which the breathing time was 0 */
	const struct breath_pattern *pattern; /* the breath followed (the device's, for identity) */
	/* The audio thread's own. */
	struct audioclock clock;
	int64_t samples_out; /* written since the device opened */
	int64_t anchor_sample; /* the stream's sample at breathing time 0... */
	int64_t anchor_origin; /* ...for this origin_ms */
};

static double mono_fine_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void fill(void *userdata, Uint8 *stream, int len)
{
	struct sound *s = userdata;
	int n = len / (int)sizeof(Sint16);
	Sint16 *out = (Sint16 *)(void *)stream;
	double now = mono_fine_ms();

	for (int done = 0; done < n;) {
		int count = n - done < (int)s->spec.samples ? n - done : (int)s->spec.samples;
		double t0, t1, origin = (double)s->origin_ms;

		audioclock_buffer(&s->clock, now, s->latency_ms, count, s->spec.freq, &t0, &t1);
		if (done == 0) {
			s->anchor_sample = s->samples_out +
					   llround((origin - t0) * s->spec.freq / 1000.0);
			s->anchor_origin = s->origin_ms;
		}
		breathtone_fill(s->tone, t0 - origin, t1 - origin, s->buf, count);
		for (int i = 0; i < count; i++)
			out[done + i] = (Sint16)lrintf(s->buf[i] * 32767.0f);
		done += count;
		s->samples_out += count;
	}
}

static bool open_device(struct sound *s)
{
	SDL_AudioSpec want = {.freq = SOUND_RATE,
			      .format = AUDIO_S16SYS,
			      .channels = 1,
			      .samples = SOUND_SAMPLES,
			      .callback = fill,
			      .userdata = s};
	const char *why;

	if (!s->audio_inited) {
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			why = SDL_GetError();
			goto fail;
		}
		s->audio_inited = true;
	}
	/* SDL converts to whatever the card takes; we always write 48 kHz mono. */
	s->id = SDL_OpenAudioDevice(NULL, 0, &want, &s->spec, 0);
	if (s->id == 0) {
		why = SDL_GetError();
		goto fail;
	}
	s->buf = malloc(sizeof(float) * s->spec.samples);
	s->tone = breathtone_new(s->spec.freq);
	if (!s->buf || !s->tone) {
		why = "out of memory";
		goto close_device;
	}
	s->latency_ms = s->spec.samples * 1000.0 / s->spec.freq;
	/* The disk driver (tests) writes a file: its samples are its only clock. */
	audioclock_init(&s->clock, strcmp(SDL_GetCurrentAudioDriver(), "disk") != 0);
	s->samples_out = 0;
	s->anchor_told = false;
	diag_info("sound: playing on the '%s' audio driver, %d Hz, heard %.0f ms after it is "
		  "written",
		  SDL_GetCurrentAudioDriver(), s->spec.freq, s->latency_ms);
	return true;

close_device:
	SDL_CloseAudioDevice(s->id);
	s->id = 0;
	free(s->buf);
	s->buf = NULL;
	breathtone_free(s->tone);
	s->tone = NULL;
fail:
	if (!s->failed_once)
		diag_warn("sound: no audio device to play the breath on (%s); going on in "
			  "silence",
			  why);
	s->failed_once = true;
	return false;
}

static void close_device(struct sound *s)
{
	if (s->id == 0)
		return;
	SDL_CloseAudioDevice(s->id);
	s->id = 0;
	free(s->buf);
	s->buf = NULL;
	breathtone_free(s->tone);
	s->tone = NULL;
	s->pattern = NULL;
}

struct sound *sound_new(void)
{
	struct sound *s = calloc(1, sizeof(*s));

	if (s) {
		s->quiet_since = -1;
		s->recheck_ms = -1;
	}
	return s;
}

void sound_free(struct sound *s)
{
	if (!s)
		return;
	close_device(s);
	if (s->audio_inited)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	free(s);
}

void sound_follow(struct sound *s, const struct device_view *view, int64_t now_ms)
{
	bool heard = view->sound_volume > 0 && view->pattern != NULL;
	bool quiet, tell = false;
	int64_t anchor = 0;

	if (!s)
		return;
	if (heard && s->id == 0 && !open_device(s))
		return;
	if (s->id == 0)
		return;
	SDL_LockAudioDevice(s->id);
	if (heard) {
		int64_t origin = now_ms - view->session_elapsed_ms;

		if (view->pattern != s->pattern || origin != s->origin_ms) {
			/* A new session, or a pause's length added: the pacer's clock moved. */
			breathtone_follow(s->tone, view->pattern, view->pattern->ramp_ms);
			s->pattern = view->pattern;
			s->origin_ms = origin;
			s->anchor_told = false;
		}
	}
	breathtone_set_volume(s->tone, heard ? view->sound_volume : 0);
	quiet = breathtone_silent(s->tone);
	if (heard && !s->anchor_told && s->clock.set && s->anchor_origin == s->origin_ms) {
		tell = true;
		anchor = s->anchor_sample;
	}
	SDL_UnlockAudioDevice(s->id);
	SDL_PauseAudioDevice(s->id, 0);
	if (tell) {
		/* For checking the sound against the pacer (tests/sound). */
		diag_debug("sound: breathing time 0 is sample %lld of the stream",
			   (long long)anchor);
		s->anchor_told = true;
	}
	/* Fading out: look again soon, to see it quiet and close the device in time. */
	s->recheck_ms = !heard && !quiet ? now_ms + 2 * (int64_t)BREATHTONE_FADE_MS : -1;
	if (!quiet || heard) {
		s->quiet_since = -1;
	} else if (s->quiet_since < 0) {
		s->quiet_since = now_ms;
	} else if (now_ms - s->quiet_since >= CLOSE_AFTER_MS) {
		close_device(s);
		s->quiet_since = -1;
	}
}

int64_t sound_deadline(const struct sound *s)
{
	if (!s || s->id == 0)
		return -1;
	if (s->recheck_ms >= 0)
		return s->recheck_ms;
	return s->quiet_since < 0 ? -1 : s->quiet_since + CLOSE_AFTER_MS;
}
