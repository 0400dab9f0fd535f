/* SPDX-License-Identifier: MIT */
/* The store tests' own look into a database, through a second SQLite connection of their own
 * (not the event log's code): open it, run SQL, read one value. Failures fail the test. */
#ifndef CALM_SQLITE_PROBE_H
#define CALM_SQLITE_PROBE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* A read-write connection to path that waits up to 2 s for a busy file. */
sqlite3 *reader(const char *path);

void run_sql(sqlite3 *db, const char *sql);

/* The first column of the first row as text, into out; "(no row)" or "(null)" when absent. */
const char *text_of(sqlite3 *db, const char *sql, char *out, size_t out_len);

/* The same as a number (0 when there is no row). */
int64_t int_of(sqlite3 *db, const char *sql);

#endif
