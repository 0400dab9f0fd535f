/* SPDX-License-Identifier: MIT */
/* The log's stamps read back: rows stamped before the clock was right, dated in SQL by the
 * core's one definition (clock_true_utc). */
#ifndef CALM_STAMPS_H
#define CALM_STAMPS_H

#include <sqlite3.h>

/* Makes corrected_utc(mono_ms, clock_synced, anchor_wall, anchor_mono) known to db's SQL: the
 * time a row really happened when it was stamped before its boot's anchor (the boot's first
 * trustworthy stamp, NULLs when it has none), else NULL. A row right as stamped is then
 * coalesce(corrected_utc(...), wall_utc). Returns an SQLite result code. */
int stamps_register(sqlite3 *db);

#endif
