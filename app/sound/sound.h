/* SPDX-License-Identifier: MIT */
/* The breath's sound on the audio device (SDL audio: ALSA on a Pi), following the pacer. */
#ifndef CALM_SOUND_H
#define CALM_SOUND_H

#include <stdint.h>

#include "device.h"

struct sound;

/* Opens nothing yet: the audio device opens when a breath is first to be heard, and closes
 * again a little after it has gone quiet, so an idle device has no audio thread waking. NULL
 * when out of memory. */
struct sound *sound_new(void);
void sound_free(struct sound *sound);

/* Follows what the device shows at monotonic now_ms (call it on every pass of the loop): the
 * session's breath and how loud it is heard. A missing audio device is one line, once, and
 * silence. */
void sound_follow(struct sound *sound, const struct device_view *view, int64_t now_ms);

/* When sound_follow() wants to be called again though nothing else happens (to close the
 * device after the sound has faded), or -1. */
int64_t sound_deadline(const struct sound *sound);

#endif
