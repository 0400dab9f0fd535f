/* SPDX-License-Identifier: MIT */
/* Keys to buttons by SDL's key names, so the settings can name any key a USB button, a
 * presenter or a foot pedal sends. */
#include "keys.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

static void put(struct keymap *m, int button, const char *name)
{
	if (m->n[button] < KEYMAP_MAX_KEYS)
		snprintf(m->names[button][m->n[button]++], sizeof(m->names[0][0]), "%s", name);
}

void keymap_defaults(struct keymap *m)
{
	memset(m, 0, sizeof(*m));
	put(m, 0, "Space");
	put(m, 0, "Return");
	put(m, 0, "Keypad Enter");
	put(m, 0, "1");
	put(m, 1, "2");
	put(m, 2, "3");
}

/* SDL knows a key by this name: a key's (a single character, or a name like "Return") or a
 * scancode's ("F13"; the key table behind SDL_GetKeyFromName is only there once video is). */
static bool known(const char *name)
{
	return SDL_GetKeyFromName(name) != SDLK_UNKNOWN ||
	       SDL_GetScancodeFromName(name) != SDL_SCANCODE_UNKNOWN;
}

int keymap_set(struct keymap *m, int button, const char (*names)[PRESS_SOURCE_MAX + 1], int n,
	       char *msg, size_t msg_len)
{
	if (button < 0 || button >= DEVICE_MAX_BUTTONS || n < 1 || n > KEYMAP_MAX_KEYS) {
		snprintf(msg, msg_len, "keys: 1 to %d keys for one of %d buttons", KEYMAP_MAX_KEYS,
			 DEVICE_MAX_BUTTONS);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (!known(names[i])) {
			snprintf(msg, msg_len,
				 "keys: '%s' is not a key name SDL knows (such as Space, Return, "
				 "Keypad Enter, PageDown, F13, A, 1)",
				 names[i]);
			return -1;
		}
	}
	m->n[button] = 0;
	for (int i = 0; i < n; i++)
		put(m, button, names[i]);
	m->own[button] = true;
	return 0;
}

static bool named(const struct keymap *m, int button, const char *key_name, const char *sc_name)
{
	for (int i = 0; i < m->n[button]; i++)
		if (SDL_strcasecmp(m->names[button][i], key_name) == 0 ||
		    (sc_name[0] && SDL_strcasecmp(m->names[button][i], sc_name) == 0))
			return true;
	return false;
}

int keymap_button(const struct keymap *m, int32_t keycode, int scancode, const char **name)
{
	const char *key_name = SDL_GetKeyName((SDL_Keycode)keycode);
	const char *sc_name = SDL_GetScancodeName((SDL_Scancode)scancode);

	if (!key_name[0])
		key_name = sc_name;
	*name = key_name;
	if (!key_name[0])
		return -1;
	/* A key given in the settings wins over the same key among another button's defaults. */
	for (int pass = 0; pass < 2; pass++)
		for (int b = 0; b < DEVICE_MAX_BUTTONS; b++)
			if (m->own[b] == (pass == 0) && named(m, b, key_name, sc_name))
				return b;
	return -1;
}
