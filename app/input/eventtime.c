/* SPDX-License-Identifier: MIT */
/* SDL event timestamps to monotonic milliseconds. */
#include "eventtime.h"

int64_t eventtime_ms(Uint32 sdl_timestamp, Uint32 sdl_now, int64_t now_ms)
{
	/* Unsigned, so the age is right across the wrap; an event stamped "after" now (SDL's
	 * clock read later than ours) or absurdly old (a zero stamp) counts as now. */
	Uint32 age = sdl_now - sdl_timestamp;

	if (sdl_timestamp == 0 || age > 60000u)
		return now_ms;
	return now_ms - (int64_t)age;
}
