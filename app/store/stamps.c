/* SPDX-License-Identifier: MIT */
/* The log's stamps read back (see stamps.h). */
#include "stamps.h"

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"

static void corrected_utc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct clock_anchor anchor;
	bool corrected;
	int64_t utc;
	(void)argc;

	/* A row with no anchor, or with numbers that are not numbers, is not dated. */
	for (int i = 0; i < 4; i++)
		if (sqlite3_value_type(argv[i]) != SQLITE_INTEGER)
			return; /* NULL */
	anchor.wall_utc_s = sqlite3_value_int64(argv[2]);
	anchor.mono_ms = sqlite3_value_int64(argv[3]);
	utc = clock_true_utc(0, sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]) != 0,
			     &anchor, &corrected);
	if (corrected)
		sqlite3_result_int64(ctx, utc);
}

int stamps_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "corrected_utc", 4,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       corrected_utc, NULL, NULL);
}
