/* SPDX-License-Identifier: MIT */
/* A file that draws: it compiles in app/screen, and must not in app/store (tests/CMakeLists.txt). */
#include <SDL.h>

int layer_probe(void);
int layer_probe(void)
{
	return SDL_GetTicks() > 0;
}
