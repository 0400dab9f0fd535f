/* SPDX-License-Identifier: MIT */
/* The store tests' second connection: see sqlite_probe.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "sqlite_probe.h"

sqlite3 *reader(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	return db;
}

void run_sql(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);

	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

const char *text_of(sqlite3 *db, const char *sql, char *out, size_t out_len)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);

		snprintf(out, out_len, "%s", text ? (const char *)text : "(null)");
	} else if (rc == SQLITE_DONE) {
		snprintf(out, out_len, "(no row)");
	} else {
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	}
	sqlite3_finalize(stmt);
	return out;
}

int64_t int_of(sqlite3 *db, const char *sql)
{
	char text[64];

	return strtoll(text_of(db, sql, text, sizeof(text)), NULL, 10);
}
