/* SPDX-License-Identifier: MIT */
/* libFuzzer: `calm-prompt log export` (and stats) over a database with odd rows. The input
 * builds the file: tables of the log's columns without their constraints (as a file edited by
 * hand or by an old build may be), rows of any type in any column (NULLs, integers at their
 * limits, NaN and infinities, text with bad UTF-8, control characters and huge text, blobs), then
 * both export formats and the weekly stats are run on it. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "logreport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char schema[] =
	"PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	"CREATE TABLE presses(id INTEGER PRIMARY KEY, wall_utc, utc_offset_min, mono_ms, boot_id,"
	" clock_synced, button, gesture, action, screen, member);"
	"CREATE TABLE sessions(id INTEGER PRIMARY KEY, press_id, wall_utc, utc_offset_min, mono_ms,"
	" boot_id, clock_synced, pattern, planned_ms, actual_ms, ended, ended_wall_utc, member,"
	" checkin_before, checkin_after);"
	"CREATE TABLE prompts_shown(id INTEGER PRIMARY KEY, press_id, wall_utc, utc_offset_min,"
	" mono_ms, boot_id, clock_synced, prompt_id, member);"
	"CREATE TABLE \"odd \"\"name\"\"\"(x, \"wall_utc\", \"é\");"
	"PRAGMA user_version = 3;";

static const char *const inserts[] = {
	"INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, button, "
	"gesture, action, screen, member) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	"INSERT INTO sessions(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, press_id, "
	"pattern, planned_ms, actual_ms, ended, ended_wall_utc, member, checkin_before, "
	"checkin_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	"INSERT INTO prompts_shown(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
	"press_id, prompt_id, member) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	"INSERT INTO \"odd \"\"name\"\"\" VALUES (?1, ?2, ?3)",
};
static const int n_params[] = {10, 14, 8, 3};

struct input {
	const uint8_t *p;
	size_t left;
};

static uint8_t byte(struct input *in)
{
	if (in->left == 0)
		return 0;
	in->left--;
	return *in->p++;
}

static uint64_t u64(struct input *in)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | byte(in);
	return v;
}

/* One value of any type, bound to parameter i. */
static void bind_any(sqlite3_stmt *stmt, int i, struct input *in)
{
	uint8_t kind = byte(in);
	size_t n;

	switch (kind % 8) {
	case 0:
		sqlite3_bind_null(stmt, i);
		break;
	case 1:
		sqlite3_bind_int64(stmt, i, (sqlite3_int64)u64(in));
		break;
	case 2: {
		uint64_t bits = u64(in);
		double d;

		memcpy(&d, &bits, sizeof(d));
		sqlite3_bind_double(stmt, i, d);
		break;
	}
	case 3:
	case 4: /* text of the next bytes, bad UTF-8 and NULs included */
		n = byte(in) % 64;
		if (n > in->left)
			n = in->left;
		sqlite3_bind_text(stmt, i, (const char *)in->p, (int)n, SQLITE_TRANSIENT);
		in->p += n;
		in->left -= n;
		break;
	case 5: { /* huge text, now and then (else empty): one byte repeated, up to 100 kB */
		size_t len = 1000 + (size_t)byte(in) * 400;
		char *big = kind == 5 ? malloc(len) : NULL;

		if (big == NULL) {
			sqlite3_bind_text(stmt, i, "", 0, SQLITE_STATIC);
			break;
		}
		memset(big, byte(in) | 1, len);
		sqlite3_bind_text(stmt, i, big, (int)len, free);
		break;
	}
	case 6:
		n = byte(in) % 32;
		if (n > in->left)
			n = in->left;
		sqlite3_bind_blob(stmt, i, in->p, (int)n, SQLITE_TRANSIENT);
		in->p += n;
		in->left -= n;
		break;
	default: /* a small number, as most columns hold */
		sqlite3_bind_int64(stmt, i, (int8_t)byte(in));
		break;
	}
}

static void build(const char *path, struct input *in)
{
	sqlite3_stmt *stmt[4] = {0};
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		goto out;
	if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	for (int t = 0; t < 4; t++)
		if (sqlite3_prepare_v2(db, inserts[t], -1, &stmt[t], NULL) != SQLITE_OK)
			goto out;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (int rows = 0; in->left > 0 && rows < 64; rows++) {
		int t = byte(in) % 4;

		for (int i = 1; i <= n_params[t]; i++)
			bind_any(stmt[t], i, in);
		sqlite3_step(stmt[t]);
		sqlite3_reset(stmt[t]);
		sqlite3_clear_bindings(stmt[t]);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
out:
	for (int t = 0; t < 4; t++)
		sqlite3_finalize(stmt[t]);
	sqlite3_close(db);
}

static void remove_log(const char *path)
{
	char side[128];

	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[96];
	static FILE *sink;
	struct input in = {data, size};
	struct log_request rq = {.err = NULL};
	uint8_t since;

	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "%s/calm-fuzz-export-%ld.db",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
		sink = fopen("/dev/null", "w");
		if (sink == NULL)
			abort();
	}
	since = byte(&in);
	remove_log(path);
	build(path, &in);
	rq.out = sink;
	rq.err = sink;
	rq.since_utc = since & 1 ? (int64_t)(since - 128) * 86400 * 200 : INT64_MIN;
	rq.member = since & 2 ? "" : NULL;
	rq.command = CMD_EXPORT;
	rq.format = FORMAT_JSON;
	logreport_run(&rq, path);
	rq.format = FORMAT_CSV;
	logreport_run(&rq, path);
	rq.command = CMD_STATS;
	logreport_run(&rq, path);
	remove_log(path);
	return 0;
}
