/* SPDX-License-Identifier: MIT */
/* Tests of "calm-prompt log": export read back by an independent JSON parser and CSV reader and
 * compared value by value with the tables (every row, every column, its type), stats per ISO
 * week in each row's own local time, forget, and the command line's errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sqlite_probe.h"
#include "eventlog.h"
#include "logcli.h"

#define BOOT_ID "0f3c2a8e-5d1b-4c6e-9a7f-1b2c3d4e5f60"

/* ---- running the command ---- */

struct run {
	int status;
	char *out, *err; /* everything written, NUL-terminated */
	size_t out_len, err_len;
};

static void free_run(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Runs "log ARGS..." (a NULL-terminated list) with stdout and stderr captured. */
static struct run run_log(const char *first, ...)
{
	char *argv[32] = {"log"};
	struct run r = {0};
	FILE *out, *err;
	int argc = 1;
	va_list ap;

	va_start(ap, first);
	for (const char *a = first; a != NULL; a = va_arg(ap, const char *)) {
		assert_true(argc < 31);
		argv[argc++] = (char *)a;
	}
	va_end(ap);
	out = open_memstream(&r.out, &r.out_len);
	err = open_memstream(&r.err, &r.err_len);
	assert_non_null(out);
	assert_non_null(err);
	r.status = logcli_run(argc, argv, out, err);
	fclose(out);
	fclose(err);
	return r;
}

/* ---- the log the tests read ---- */

static char dir[PATH_MAX - 64];

static int make_dir(void **state)
{
	const char *base = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/calm-logcli-XXXXXX", base && *base ? base : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	/* Dates on the command line are local midnights: pin the zone. */
	setenv("TZ", "UTC0", 1);
	tzset();
	return 0;
}

static int remove_dir(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void path_in(const char *name, char path[PATH_MAX])
{
	assert_true(snprintf(path, PATH_MAX, "%s/%s", dir, name) < PATH_MAX);
}

static struct wall_stamp stamp(int64_t utc_s, int offset_min)
{
	struct wall_stamp s = {
		.utc_s = utc_s,
		.utc_offset_min = offset_min,
		.mono_ms = 1000,
		.boot_id = BOOT_ID,
		.synced = true,
	};
	return s;
}

static void append(struct eventlog *log, const struct device_report *r, const char *button,
		   int64_t utc_s, int offset_min)
{
	struct wall_stamp when = stamp(utc_s, offset_min);
	char msg[512];

	if (eventlog_append(log, r, button, &when, msg, sizeof(msg)) != EVENTLOG_WRITTEN)
		fail_msg("%s", msg);
}

/* A log with rows written the app's way, then text no button name would have but a file may:
 * every character JSON and CSV must quote, control characters, UTF-8 of 2 to 4 bytes, empty
 * text, a real number, members, and a table the export does not know by name. */
static void make_varied_log(const char *path)
{
	struct prompt shown = {.id = "trust-tiny-promise", .pathway = PATHWAY_TRUST};
	struct device_report start = {
		.button = 0,
		.gesture = GESTURE_SHORT,
		.action = ACTION_BREATHE,
		.screen_before = SCREEN_AMBIENT,
		.screen_after = SCREEN_BREATHE,
		.session_started = true,
		.pattern = "resonance",
		.session_planned_ms = 300000,
		.source = "touch",
	};
	struct device_report end = {
		.button = 0,
		.gesture = GESTURE_LONG,
		.action = ACTION_PROMPT,
		.screen_before = SCREEN_BREATHE,
		.screen_after = SCREEN_PROMPT,
		.session_stopped = true,
		.session_how = SESSION_ENDED_EARLY,
		.session_ms = 95000,
		.prompt = &shown,
		.source = "KP Enter",
	};
	struct eventlog *log;
	char msg[512];
	sqlite3 *db;

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_OPENED);
	append(log, &start, "main", 1795550400, 60); /* 2026-11-24 */
	append(log, &end, "main", 1795550495, 60);
	eventlog_close(log);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db,
		"INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"button, gesture, action, screen, member) VALUES "
		"(1795636800, -300, 9223372036854775807, 'x', 0, 'quote\"comma,', 'cr\r\nlf\n', "
		"'tab\tbackslash\\ slash/', 'ctl\x01\x1f\x7f', 'Zoë'),"
		"(1795636801, 840, -9223372036854775807, '', 1, 'é漢🙂', '\u2028\u2029', "
		"'\"\"', ',', ''),"
		"(1795636802, 0, 0, 'leading space', 1, ' x ', '\"', 'NULL', 'null', NULL);"
		"INSERT INTO sessions(press_id, wall_utc, utc_offset_min, mono_ms, boot_id, "
		"clock_synced, pattern, planned_ms, actual_ms, ended, member) VALUES "
		"(NULL, 1795636803, 60, 1, 'b', 1, 'box', 60000, 1.5, 'completed', 'Ana');"
		"CREATE TABLE zz_notes(id INTEGER PRIMARY KEY, note TEXT, weight REAL);"
		"INSERT INTO zz_notes(note, weight) VALUES ('kept with every export', 0.25), "
		"(NULL, NULL);");
	sqlite3_close(db);
}

/* ---- an independent JSON reader, strict about what RFC 8259 allows ---- */

enum json_type { J_NULL, J_INT, J_REAL, J_TEXT };

struct json_value {
	enum json_type type;
	long long i;
	double r;
	char *text; /* decoded bytes, NUL-terminated */
	size_t len;
};

#define MAX_COLS 28
#define MAX_ROWS 16

struct json_row {
	int n;
	char *names[MAX_COLS];
	struct json_value values[MAX_COLS];
};

struct json_table {
	char *name;
	int n;
	struct json_row rows[MAX_ROWS];
};

struct json_doc {
	int n;
	struct json_table tables[8];
};

struct cursor {
	const char *p, *end;
};

static void skip_space(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
		c->p++;
}

static void expect_char(struct cursor *c, char want)
{
	skip_space(c);
	if (c->p >= c->end || *c->p != want)
		fail_msg("JSON: expected '%c' at '%.20s'", want, c->p);
	c->p++;
}

static bool next_is(struct cursor *c, char want)
{
	skip_space(c);
	return c->p < c->end && *c->p == want;
}

static unsigned hex4(struct cursor *c)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++, c->p++) {
		char h = c->p < c->end ? *c->p : 0;

		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= (unsigned)(h - '0');
		else if (h >= 'a' && h <= 'f')
			v |= (unsigned)(h - 'a' + 10);
		else if (h >= 'A' && h <= 'F')
			v |= (unsigned)(h - 'A' + 10);
		else
			fail_msg("JSON: bad \\u escape");
	}
	return v;
}

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static char *json_string(struct cursor *c, size_t *len)
{
	char *out = malloc((size_t)(c->end - c->p) + 1), *o = out;

	assert_non_null(out);
	expect_char(c, '"');
	for (;;) {
		unsigned char ch;

		if (c->p >= c->end)
			fail_msg("JSON: unterminated string");
		ch = (unsigned char)*c->p++;
		if (ch == '"')
			break;
		if (ch < 0x20)
			fail_msg("JSON: raw control character 0x%02x in a string", ch);
		if (ch != '\\') {
			*o++ = (char)ch;
			continue;
		}
		switch (c->p < c->end ? *c->p++ : 0) {
		case '"':
			*o++ = '"';
			break;
		case '\\':
			*o++ = '\\';
			break;
		case '/':
			*o++ = '/';
			break;
		case 'b':
			*o++ = '\b';
			break;
		case 'f':
			*o++ = '\f';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'u': {
			unsigned cp = hex4(c);

			if (cp >= 0xd800 && cp <= 0xdbff) {
				unsigned lo;

				if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u')
					fail_msg("JSON: lone high surrogate");
				c->p += 2;
				lo = hex4(c);
				if (lo < 0xdc00 || lo > 0xdfff)
					fail_msg("JSON: bad low surrogate");
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				fail_msg("JSON: lone low surrogate");
			}
			o += put_utf8(o, cp);
			break;
		}
		default:
			fail_msg("JSON: bad escape");
		}
	}
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}

static void json_value(struct cursor *c, struct json_value *v)
{
	const char *start;
	char *end;

	memset(v, 0, sizeof(*v));
	skip_space(c);
	if (next_is(c, '"')) {
		v->type = J_TEXT;
		v->text = json_string(c, &v->len);
		return;
	}
	if (c->end - c->p >= 4 && strncmp(c->p, "null", 4) == 0) {
		v->type = J_NULL;
		c->p += 4;
		return;
	}
	/* RFC 8259 numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
	start = c->p;
	if (c->p < c->end && *c->p == '-')
		c->p++;
	if (c->p >= c->end || *c->p < '0' || *c->p > '9')
		fail_msg("JSON: expected a value at '%.20s'", start);
	if (*c->p == '0' && c->p + 1 < c->end && c->p[1] >= '0' && c->p[1] <= '9')
		fail_msg("JSON: leading zero at '%.20s'", start);
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	v->type = J_INT;
	if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E')) {
		v->type = J_REAL;
		v->r = strtod(start, &end);
		c->p = end;
		return;
	}
	v->i = strtoll(start, NULL, 10);
}

static void parse_json(const char *text, size_t len, struct json_doc *doc)
{
	struct cursor c = {text, text + len};
	size_t n;

	memset(doc, 0, sizeof(*doc));
	expect_char(&c, '{');
	while (!next_is(&c, '}')) {
		struct json_table *t = &doc->tables[doc->n++];

		assert_true(doc->n <= 8);
		t->name = json_string(&c, &n);
		expect_char(&c, ':');
		expect_char(&c, '[');
		while (!next_is(&c, ']')) {
			struct json_row *row = &t->rows[t->n++];

			assert_true(t->n <= MAX_ROWS);
			expect_char(&c, '{');
			while (!next_is(&c, '}')) {
				assert_true(row->n < MAX_COLS);
				row->names[row->n] = json_string(&c, &n);
				expect_char(&c, ':');
				json_value(&c, &row->values[row->n++]);
				if (!next_is(&c, '}'))
					expect_char(&c, ',');
			}
			expect_char(&c, '}');
			if (!next_is(&c, ']'))
				expect_char(&c, ',');
		}
		expect_char(&c, ']');
		if (!next_is(&c, '}'))
			expect_char(&c, ',');
	}
	expect_char(&c, '}');
	skip_space(&c);
	assert_true(c.p == c.end);
}

static void free_json(struct json_doc *doc)
{
	for (int i = 0; i < doc->n; i++) {
		struct json_table *t = &doc->tables[i];

		for (int r = 0; r < t->n; r++) {
			for (int k = 0; k < t->rows[r].n; k++) {
				free(t->rows[r].names[k]);
				free(t->rows[r].values[k].text);
			}
		}
		free(t->name);
	}
}

/* Whether bytes are all well-formed UTF-8 (checked apart from the exporter's own code). */
static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned cp;
		size_t len;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0)
			len = 2, cp = s[i] & 0x1fu;
		else if ((s[i] & 0xf0) == 0xe0)
			len = 3, cp = s[i] & 0x0fu;
		else if ((s[i] & 0xf8) == 0xf0)
			len = 4, cp = s[i] & 0x07u;
		else
			return false;
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3fu);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

/* The tables of the file, in the export's order: the three known ones, then the others. */
/* The tables the export gives: all but SQLite's own and boots (what the log keeps to date rows
 * by, made from the rows themselves). */
static sqlite3_stmt *tables_of(sqlite3 *db)
{
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name FROM sqlite_master WHERE type = 'table' "
					    "AND name NOT LIKE 'sqlite%' AND name != 'boots' "
					    "ORDER BY CASE name WHEN "
					    "'presses' THEN 0 WHEN 'sessions' THEN 1 WHEN "
					    "'prompts_shown' THEN 2 ELSE 3 END, name",
					    -1, &stmt, NULL),
			 SQLITE_OK);
	return stmt;
}

/* Compares the parsed export with the file, table by table, row by row, value by value. Rows
 * whose wall_utc is before since_utc are expected to be left out. */
static void assert_json_matches(const char *path, const struct json_doc *doc, int64_t since_utc)
{
	sqlite3 *db;
	sqlite3_stmt *tables;
	int t = 0, compared = 0;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	tables = tables_of(db);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		const struct json_table *jt = &doc->tables[t++];
		sqlite3_stmt *rows;
		char sql[128];
		int r = 0;

		assert_true(t <= doc->n);
		assert_string_equal(jt->name, name);
		snprintf(sql, sizeof(sql), "SELECT * FROM %s ORDER BY rowid", name);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			const struct json_row *jr;
			int ncols = sqlite3_column_count(rows);
			bool dated = false;
			int stamp_columns = 0;

			for (int k = 0; k < ncols; k++) {
				const char *col = sqlite3_column_name(rows, k);

				if (strcmp(col, "wall_utc") == 0 &&
				    sqlite3_column_int64(rows, k) < since_utc)
					dated = true;
				stamp_columns += strcmp(col, "wall_utc") == 0 ||
						 strcmp(col, "mono_ms") == 0 ||
						 strcmp(col, "boot_id") == 0 ||
						 strcmp(col, "clock_synced") == 0;
			}
			if (dated)
				continue; /* before --since: must not be there */
			assert_true(r < jt->n);
			jr = &jt->rows[r++];
			/* A stamped table's rows end with the corrected time (its own test). */
			assert_int_equal(jr->n, ncols + (stamp_columns == 4));
			if (stamp_columns == 4)
				assert_string_equal(jr->names[ncols], "corrected_utc");
			for (int k = 0; k < ncols; k++) {
				const struct json_value *v = &jr->values[k];

				assert_string_equal(jr->names[k], sqlite3_column_name(rows, k));
				switch (sqlite3_column_type(rows, k)) {
				case SQLITE_NULL:
					assert_int_equal(v->type, J_NULL);
					break;
				case SQLITE_INTEGER:
					assert_int_equal(v->type, J_INT);
					assert_true(v->i == sqlite3_column_int64(rows, k));
					break;
				case SQLITE_FLOAT:
					assert_int_equal(v->type, J_REAL);
					assert_true(v->r == sqlite3_column_double(rows, k));
					break;
				default:
					assert_int_equal(v->type, J_TEXT);
					assert_int_equal(v->len, sqlite3_column_bytes(rows, k));
					assert_memory_equal(v->text, sqlite3_column_text(rows, k),
							    v->len);
					break;
				}
				compared++;
			}
		}
		assert_int_equal(r, jt->n); /* and nothing more */
		sqlite3_finalize(rows);
	}
	assert_int_equal(t, doc->n);
	assert_true(compared > 50);
	sqlite3_finalize(tables);
	sqlite3_close(db);
}

static void json_export_round_trips_every_row(void **state)
{
	char path[PATH_MAX];
	struct json_doc doc;
	struct run r;
	(void)state;

	path_in("varied.db", path);
	make_varied_log(path);
	r = run_log("export", "--format", "json", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_true(valid_utf8((const unsigned char *)r.out, r.out_len));
	/* UTF-8 passes through as it is; only what JSON requires is escaped. */
	assert_non_null(strstr(r.out, "\"é漢🙂\""));
	assert_non_null(strstr(r.out, "\"\u2028\u2029\""));
	assert_non_null(strstr(r.out, "\"ctl\\u0001\\u001f\x7f\""));
	assert_non_null(strstr(r.out, "\"cr\\r\\nlf\\n\""));
	assert_non_null(strstr(r.out, "\"tab\\tbackslash\\\\ slash/\""));
	parse_json(r.out, r.out_len, &doc);
	assert_int_equal(doc.n, 5);
	assert_json_matches(path, &doc, INT64_MIN);
	free_json(&doc);
	free_run(&r);

	/* --since leaves out rows of earlier days, and keeps tables without a date whole. */
	r = run_log("export", "--since", "2026-11-25", "--format", "json", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	parse_json(r.out, r.out_len, &doc);
	assert_int_equal(doc.tables[0].n, 3);
	assert_int_equal(doc.tables[4].n, 2);
	assert_json_matches(path, &doc, 1795564800);
	free_json(&doc);
	free_run(&r);
}

static void json_replaces_bytes_that_are_not_utf8(void **state)
{
	char path[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("bad-utf8.db", path);
	make_varied_log(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* A lone continuation byte, an overlong '/', a surrogate, a cut-short sequence. */
	run_sql(db, "DELETE FROM presses; DELETE FROM sessions; DELETE FROM prompts_shown; "
		    "DROP TABLE zz_notes;"
		    "INSERT INTO prompts_shown(wall_utc, utc_offset_min, mono_ms, boot_id, "
		    "clock_synced, prompt_id) VALUES (1, 0, 0, 'b', 0, "
		    "CAST(X'61806263C0AF64EDA080652F' || X'E282' AS TEXT));");
	sqlite3_close(db);
	r = run_log("export", "--format", "json", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_true(valid_utf8((const unsigned char *)r.out, r.out_len));
	assert_non_null(strstr(r.out, "\"prompt_id\": \"a\\ufffdbc\\ufffd\\ufffdd\\ufffd\\ufffd"
				      "\\ufffde/\\ufffd\\ufffd\""));
	free_run(&r);
}

/* Rows stamped before the clock was right get the time they really happened, from the first
 * trustworthy stamp of their boot (a sync, or the clock set by hand) and the monotonic time;
 * the stored stamps stay as they were. */
static void export_corrects_rows_stamped_before_the_clock_was_right(void **state)
{
	char path[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("corrected.db", path);
	make_varied_log(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db,
		"DELETE FROM presses; DELETE FROM sessions; DELETE FROM prompts_shown; "
		"DROP TABLE zz_notes;"
		/* boot A: in 1970 for two minutes, then set by hand to 2026-01-01T00:00:00Z */
		"INSERT INTO presses(id, wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"button, gesture, action, screen) VALUES "
		"(1, 86401, 0, 1000, 'A', 0, 'main', 'short', 'breathe', 'ambient'),"
		"(2, 86460, 0, 61500, 'A', 0, 'main', 'long', 'settime', 'prompt'),"
		"(3, 1767225610, 0, 130000, 'A', 0, 'main', 'short', 'breathe', 'ambient'),"
		/* boot B: never right */
		"(4, 500, 0, 2000, 'B', 0, 'main', 'short', 'breathe', 'ambient'),"
		/* boot C: synchronised at mono 10 s, a row before it and one after */
		"(5, 1000, 0, 4000, 'C', 0, 'main', 'short', 'breathe', 'ambient'),"
		"(6, 1800000000, 0, 10000, 'C', 1, 'main', 'short', 'breathe', 'ambient'),"
		"(7, 1800000005, 0, 15000, 'C', 1, 'main', 'short', 'breathe', 'ambient');"
		"INSERT INTO sessions(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"press_id, pattern, planned_ms) VALUES (86401, 0, 1000, 'A', 0, 1, 'resonance', "
		"300000);"
		"INSERT INTO clock_changes(wall_utc, utc_offset_min, mono_ms, boot_id, "
		"clock_synced, "
		"from_utc, to_utc, outcome) VALUES "
		"(86500, 0, 100000, 'A', 0, 86500, 1767225700, 'refused'),"
		"(1767225600, 0, 120000, 'A', 0, 86519, 1767225600, 'set');");
	sqlite3_close(db);
	r = run_log("export", "--format", "json", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	/* Press 1, 119 s of monotonic time before the set: 1767225481; press 2, 58.5 s before
	 * it: 1767225541 (whole seconds, rounded down). One JSON line a row. */
	{
		static const char *const want[] = {
			("{\"id\": 1, \"wall_utc\": 86401, \"utc_offset_min\": 0, \"mono_ms\": "
			 "1000, "
			 "\"boot_id\": \"A\", \"clock_synced\": 0, \"button\""),
			"\"corrected_utc\": 1767225481}",
			"{\"id\": 2, \"wall_utc\": 86460,",
			"\"corrected_utc\": 1767225541}",
			/* after the set: right as stamped */
			"{\"id\": 3, \"wall_utc\": 1767225610,",
			"\"corrected_utc\": null}",
			/* a boot that was never right: nothing to go by */
			"{\"id\": 4, \"wall_utc\": 500,",
			"\"corrected_utc\": null}",
			/* 6 s before the sync */
			"{\"id\": 5, \"wall_utc\": 1000,",
			"\"corrected_utc\": 1799999994}",
			"{\"id\": 6, \"wall_utc\": 1800000000,",
			"\"corrected_utc\": null}",
			"{\"id\": 1, \"press_id\": 1, \"wall_utc\": 86401,",
			"\"corrected_utc\": 1767225481}",
			/* a refusal is no trustworthy stamp, and is corrected itself */
			"{\"id\": 1, \"wall_utc\": 86500,",
			"\"corrected_utc\": 1767225580}",
			"{\"id\": 2, \"wall_utc\": 1767225600,",
			"\"corrected_utc\": null}",
		};

		for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i += 2) {
			const char *line = strstr(r.out, want[i]);
			const char *end = line ? strchr(line, '\n') : NULL;
			size_t n = strlen(want[i + 1]);

			if (!end)
				fail_msg("no row starts %s", want[i]);
			if (end[-1] == ',')
				end--;
			if ((size_t)(end - line) < n || strncmp(end - n, want[i + 1], n) != 0)
				fail_msg("%.*s: expected it to end %s", (int)(end - line), line,
					 want[i + 1]);
		}
	}
	free_run(&r);
	/* The stored stamps are as they were. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *stmt;

		assert_int_equal(sqlite3_prepare_v2(db, "SELECT sum(wall_utc) FROM presses", -1,
						    &stmt, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int64(stmt, 0), 86401LL + 86460 + 1767225610 + 500 +
									1000 + 1800000000 +
									1800000005);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
}

/* ---- an independent CSV reader (RFC 4180) ---- */

struct csv_field {
	char *text;
	size_t len;
	bool quoted;
};

struct csv_record {
	int n;
	struct csv_field fields[MAX_COLS + 1];
};

/* Reads the records of text; each must end in CRLF. Returns how many. */
static int parse_csv(const char *text, size_t len, struct csv_record *recs, int max)
{
	const char *p = text, *end = text + len;
	int n = 0;

	while (p < end) {
		struct csv_record *rec = &recs[n++];

		assert_true(n <= max);
		rec->n = 0;
		for (;;) {
			struct csv_field *f = &rec->fields[rec->n++];
			char *o;

			assert_true(rec->n <= MAX_COLS + 1);
			f->text = malloc((size_t)(end - p) + 1);
			assert_non_null(f->text);
			o = f->text;
			f->quoted = p < end && *p == '"';
			if (f->quoted) {
				p++;
				for (;;) {
					if (p >= end)
						fail_msg("CSV: unterminated quoted field");
					if (*p == '"' && p + 1 < end && p[1] == '"') {
						*o++ = '"';
						p += 2;
					} else if (*p == '"') {
						p++;
						break;
					} else {
						*o++ = *p++;
					}
				}
			} else {
				while (p < end && *p != ',' && *p != '\r' && *p != '\n') {
					if (*p == '"')
						fail_msg("CSV: a quote inside an unquoted field");
					*o++ = *p++;
				}
			}
			*o = '\0';
			f->len = (size_t)(o - f->text);
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
				p += 2;
				break;
			}
			fail_msg("CSV: record %d does not end in CRLF at '%.10s'", n, p);
		}
	}
	return n;
}

static void free_csv(struct csv_record *recs, int n)
{
	for (int i = 0; i < n; i++)
		for (int k = 0; k < recs[i].n; k++)
			free(recs[i].fields[k].text);
}

static void csv_export_round_trips_every_row(void **state)
{
	struct csv_record recs[24];
	char path[PATH_MAX];
	sqlite3_stmt *tables;
	struct run r;
	sqlite3 *db;
	int n, rec = 1, compared = 0;
	(void)state;

	path_in("varied-csv.db", path);
	make_varied_log(path);
	r = run_log("export", "--format", "csv", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	n = parse_csv(r.out, r.out_len, recs, 24);
	/* The header: "table", then each column of any table once, in the order first met. */
	assert_string_equal(recs[0].fields[0].text, "table");
	/* + the check-in answers, the source, a clock row's from, to and outcome, the corrected
	 * time */
	assert_int_equal(recs[0].n, 1 + 11 + 6 + 1 + 2 + 2 + 1 + 3 + 1);

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	tables = tables_of(db);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		sqlite3_stmt *rows;
		char sql[128];

		snprintf(sql, sizeof(sql), "SELECT * FROM %s ORDER BY rowid", name);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			const struct csv_record *got = &recs[rec++];

			assert_true(rec <= n);
			assert_int_equal(got->n, recs[0].n);
			assert_string_equal(got->fields[0].text, name);
			for (int f = 1; f < recs[0].n; f++) {
				const struct csv_field *field = &got->fields[f];
				int k;

				for (k = 0; k < sqlite3_column_count(rows); k++)
					if (strcmp(sqlite3_column_name(rows, k),
						   recs[0].fields[f].text) == 0)
						break;
				if (k == sqlite3_column_count(rows) ||
				    sqlite3_column_type(rows, k) == SQLITE_NULL) {
					/* Not in this table, or NULL: empty, never quoted. */
					assert_int_equal(field->len, 0);
					assert_false(field->quoted);
					continue;
				}
				if (sqlite3_column_type(rows, k) == SQLITE_TEXT &&
				    sqlite3_column_bytes(rows, k) == 0)
					assert_true(field->quoted); /* "" is text, not NULL */
				if (sqlite3_column_type(rows, k) == SQLITE_FLOAT) {
					assert_true(strtod(field->text, NULL) ==
						    sqlite3_column_double(rows, k));
				} else {
					assert_int_equal(field->len, sqlite3_column_bytes(rows, k));
					assert_memory_equal(field->text,
							    sqlite3_column_text(rows, k),
							    field->len);
				}
				compared++;
			}
		}
		sqlite3_finalize(rows);
	}
	assert_int_equal(rec, n); /* every record was a row */
	assert_true(compared > 50);
	sqlite3_finalize(tables);
	sqlite3_close(db);
	/* Quoting only where RFC 4180 needs it. */
	assert_non_null(strstr(r.out, ",\"quote\"\"comma,\",\"cr\r\nlf\n\","));
	assert_non_null(strstr(r.out, ",\"\"\"\"\"\",\",\","));
	assert_non_null(strstr(r.out, ", x ,"));
	free_csv(recs, n);
	free_run(&r);
}

/* ---- stats ---- */

static void stats_counts_iso_weeks_in_each_rows_local_time(void **state)
{
	struct device_report session = {
		.button = 0,
		.gesture = GESTURE_SHORT,
		.action = ACTION_BREATHE,
		.session_started = true,
		.pattern = "resonance",
		.session_planned_ms = 300000,
	};
	struct device_report stop = {
		.button = 0,
		.gesture = GESTURE_SHORT,
		.action = ACTION_END,
		.session_stopped = true,
		.session_how = SESSION_ENDED_EARLY,
		.session_ms = 90000,
	};
	struct prompt shown = {.id = "trust-tiny-promise", .pathway = PATHWAY_TRUST};
	struct device_report prompt = {.button = -1, .action = ACTION_PROMPT, .prompt = &shown};
	char path[PATH_MAX], msg[512];
	struct eventlog *log;
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("stats.db", path);
	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_OPENED);
	/* Sunday 2026-12-27 23:30 UTC is Monday 00:30 at +01:00: week 53 of 2026, as that
	 * household saw it. A 1.5 minute session, then a prompt. */
	append(log, &session, "main", 1798414200, 60);
	append(log, &stop, "main", 1798414290, 60);
	append(log, &prompt, NULL, 1798414300, 60);
	/* Sunday 2027-01-03 22:00 at -05:00 is Monday 03:00 UTC, still week 53 where it was. */
	append(log, &session, "main", 1799031600, -300);
	/* Monday 2027-01-04, noon UTC: 2027-W01. */
	append(log, &prompt, NULL, 1799064000, 0);
	/* Sunday 2026-12-27 12:00 UTC: 2026-W52; a session that never ended (NULL minutes). */
	append(log, &session, "main", 1798372800, 0);
	eventlog_close(log);

	r = run_log("stats", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "2026-W52  2026-12-21         1      0.0        0        1\n"
				   "2026-W53  2026-12-28         2      1.5        1        3\n"
				   "2027-W01  2027-01-04         0      0.0        1        0\n"
				   "total                        3      1.5        2        4\n");
	free_run(&r);

	r = run_log("stats", "--since", "2027-01-04", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	/* The row at 03:00 UTC on the 4th is after that midnight; its own week is still 53. */
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "2026-W53  2026-12-28         1      0.0        0        1\n"
				   "2027-W01  2027-01-04         0      0.0        1        0\n"
				   "total                        1      0.0        1        1\n");
	free_run(&r);

	/* Members: only rows that carry the name count. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "UPDATE presses SET member = 'Zoë' WHERE id IN (1, 2);"
		    "UPDATE sessions SET member = 'Zoë' WHERE id = 1;");
	sqlite3_close(db);
	r = run_log("stats", "--member", "Zoë", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "2026-W53  2026-12-28         1      1.5        0        2\n"
				   "total                        1      1.5        0        2\n");
	free_run(&r);
	r = run_log("stats", "--member", "Nobody", "--db", path, NULL);
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "total                        0      0.0        0        0\n");
	free_run(&r);
}

static void stats_and_export_read_a_schema_1_file(void **state)
{
	char path[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("old.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "CREATE TABLE presses(id INTEGER PRIMARY KEY, wall_utc INTEGER NOT NULL, "
		    "utc_offset_min INTEGER NOT NULL, mono_ms INTEGER NOT NULL, boot_id TEXT NOT "
		    "NULL, clock_synced INTEGER NOT NULL, button TEXT NOT NULL, gesture TEXT NOT "
		    "NULL, action TEXT NOT NULL, screen TEXT NOT NULL);"
		    "CREATE TABLE sessions(id INTEGER PRIMARY KEY, press_id INTEGER, wall_utc "
		    "INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL, mono_ms INTEGER NOT NULL, "
		    "boot_id TEXT NOT NULL, clock_synced INTEGER NOT NULL, pattern TEXT NOT NULL, "
		    "planned_ms INTEGER NOT NULL, actual_ms INTEGER, ended TEXT NOT NULL DEFAULT "
		    "'running', ended_wall_utc INTEGER);"
		    "CREATE TABLE prompts_shown(id INTEGER PRIMARY KEY, press_id INTEGER, wall_utc "
		    "INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL, mono_ms INTEGER NOT NULL, "
		    "boot_id TEXT NOT NULL, clock_synced INTEGER NOT NULL, prompt_id TEXT NOT "
		    "NULL);"
		    "INSERT INTO presses VALUES (1, 1795550400, 60, 1, 'b', 1, 'main', 'short', "
		    "'breathe', 'ambient');"
		    "PRAGMA user_version = 1;");
	sqlite3_close(db);
	r = run_log("stats", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(
		strstr(r.out, "2026-W48  2026-11-23         0      0.0        0        1\n"));
	free_run(&r);
	/* Nobody is anybody in a file from before members. */
	r = run_log("stats", "--member", "Ana", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(
		strstr(r.out, "total                        0      0.0        0        0\n"));
	free_run(&r);
	r = run_log("export", "--format", "json", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"screen\": \"ambient\", \"corrected_utc\": null}"));
	free_run(&r);
	/* Reading changed nothing: still schema 1. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *stmt;

		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(stmt, 0), 1);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
}

/* Found by fuzzing: sessions whose lengths add up past 64 bits, and rows whose times are no
 * time at all (overflowing with their offset, or text), are summed and skipped without
 * overflow: the week of the sane row is counted, the others are left out. */
static void stats_survive_impossible_rows(void **state)
{
	char path[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("impossible.db", path);
	make_varied_log(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "DELETE FROM presses; DELETE FROM sessions; DELETE FROM prompts_shown;"
		    "INSERT INTO sessions(press_id, wall_utc, utc_offset_min, mono_ms, boot_id, "
		    "clock_synced, pattern, planned_ms, actual_ms, ended) VALUES "
		    "(NULL, 1795550400, 0, 0, 'b', 1, 'box', 1, 9223372036854775807, 'completed'),"
		    "(NULL, 1795550401, 0, 0, 'b', 1, 'box', 1, 9223372036854775807, 'completed'),"
		    "(NULL, 9223372036854775807, 60, 0, 'b', 1, 'box', 1, 1, 'completed'),"
		    "(NULL, 'soon', 0, 0, 'b', 1, 'box', 1, 1, 'completed');");
	sqlite3_close(db);
	r = run_log("stats", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "2026-W48  2026-11-23         2"));
	assert_non_null(strstr(r.out, "total                        2"));
	free_run(&r);
}

/* Rows stamped before the clock was right count in the week they really happened, dated as
 * the export dates them: a boot in 1970 set by hand to 2026-01-01 (a Thursday, 2026-W01) has
 * its earlier rows in that week; a boot never set stays where it was stamped. --since goes by
 * the same time. */
static void stats_count_rows_by_the_time_they_really_happened(void **state)
{
	char path[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("stats-corrected.db", path);
	make_varied_log(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db,
		"DELETE FROM presses; DELETE FROM sessions; DELETE FROM prompts_shown; "
		"INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"button, gesture, action, screen) VALUES "
		"(86401, 0, 1000, 'A', 0, 'main', 'short', 'breathe', 'ambient'),"
		"(86460, 0, 61500, 'A', 0, 'main', 'long', 'settime', 'ambient'),"
		"(1767225610, 0, 130000, 'A', 0, 'main', 'short', 'breathe', 'ambient'),"
		"(500, 0, 2000, 'B', 0, 'main', 'short', 'breathe', 'ambient');"
		"INSERT INTO sessions(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"pattern, planned_ms, actual_ms, ended) VALUES (86401, 0, 1000, 'A', 0, "
		"'resonance', 300000, 60000, 'completed');"
		"INSERT INTO clock_changes(wall_utc, utc_offset_min, mono_ms, boot_id, "
		"clock_synced, "
		"from_utc, to_utc, outcome) VALUES "
		"(1767225600, 0, 120000, 'A', 0, 86519, 1767225600, 'set');");
	sqlite3_close(db);
	r = run_log("stats", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "1970-W01  1969-12-29         0      0.0        0        1\n"
				   "2026-W01  2025-12-29         1      1.0        0        3\n"
				   "total                        1      1.0        0        4\n");
	free_run(&r);
	r = run_log("stats", "--since", "2025-12-29", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "2026-W01  2025-12-29         1      1.0        0        3\n"
				   "total                        1      1.0        0        3\n");
	free_run(&r);
}

/* ---- forget ---- */

static void forget_refuses_without_yes_then_deletes_in_one_go(void **state)
{
	char path[PATH_MAX];
	struct run r;
	(void)state;

	path_in("forget.db", path);
	make_varied_log(path); /* 2 presses, a session, a prompt on the 24th; 3 and 1 on the 25th */

	r = run_log("forget", "--before", "2026-11-25", "--db", path, NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "this would delete 2 presses, 1 session and 1 prompt shown "
				      "(4 rows) from before 2026-11-25"));
	assert_non_null(strstr(r.err, "add --yes"));
	free_run(&r);

	r = run_log("forget", "--before", "2026-11-25", "--yes", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "deleted 2 presses, 1 session and 1 prompt shown (4 rows) "
				   "from before 2026-11-25\n");
	free_run(&r);

	r = run_log("forget", "--before", "2026-11-25", "--yes", "--db", path, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "deleted 0 presses, 0 sessions and 0 prompts shown (0 rows) "
				   "from before 2026-11-25\n");
	free_run(&r);

	r = run_log("stats", "--db", path, NULL);
	assert_string_equal(r.out, "week      monday      sessions  minutes  prompts  presses\n"
				   "2026-W48  2026-11-23         1      0.0        0        3\n"
				   "total                        1      0.0        0        3\n");
	free_run(&r);
}

/* ---- the command line ---- */

static void usage_errors_exit_2_and_say_what_is_wrong(void **state)
{
	static const struct {
		const char *args[6];
		const char *says;
	} cases[] = {
		{{NULL}, "which one: stats, export or forget?"},
		{{"dance"}, "unknown command 'dance'"},
		{{"stats", "--bogus"}, "unknown or incomplete option '--bogus'"},
		{{"stats", "--since"}, "unknown or incomplete option '--since'"},
		{{"stats", "--since", "2026-02-30"}, "--since '2026-02-30': expected a real date"},
		{{"stats", "extra"}, "unexpected 'extra'"},
		{{"export"}, "export needs --format csv or --format json"},
		{{"export", "--format", "xml"}, "--format: expected csv or json, not 'xml'"},
		{{"export", "--format", "csv", "--member", "Ana"}, "--member is for stats"},
		{{"stats", "--format", "csv"}, "--format is for export"},
		{{"stats", "--yes"}, "--yes is for forget"},
		{{"forget"}, "forget needs --before DATE"},
		{{"forget", "--before", "soon"}, "--before 'soon': expected a real date"},
		{{"forget", "--since", "2026-01-01"}, "forget takes --before DATE, not --since"},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *const *a = cases[i].args;
		struct run r = run_log(a[0], a[0] ? a[1] : NULL, a[0] && a[1] ? a[2] : NULL,
				       a[0] && a[1] && a[2] ? a[3] : NULL,
				       a[0] && a[1] && a[2] && a[3] ? a[4] : NULL, NULL);

		if (r.status != 2 || strstr(r.err, cases[i].says) == NULL)
			fail_msg("case %zu: exit %d, stderr '%s', expected 2 and '%s'", i, r.status,
				 r.err, cases[i].says);
		assert_non_null(strstr(r.err, "Try 'calm-prompt log --help'."));
		assert_string_equal(r.out, "");
		free_run(&r);
	}
}

static void help_is_on_stdout(void **state)
{
	struct run r = run_log("--help", NULL);
	(void)state;

	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Usage: calm-prompt log stats"));
	assert_string_equal(r.err, "");
	free_run(&r);
}

static void a_missing_or_foreign_file_fails_with_exit_1(void **state)
{
	char path[PATH_MAX], other[PATH_MAX];
	struct run r;
	sqlite3 *db;
	(void)state;

	path_in("nothing-here.db", path);
	r = run_log("stats", "--db", path, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "no event log at"));
	free_run(&r);
	r = run_log("forget", "--before", "2026-01-01", "--yes", "--db", path, NULL);
	assert_int_equal(r.status, 1);
	free_run(&r);
	/* Neither created the file. */
	assert_int_equal(access(path, F_OK), -1);

	path_in("someone-elses.db", other);
	assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
	run_sql(db, "CREATE TABLE recipes(name TEXT)");
	sqlite3_close(db);
	r = run_log("export", "--format", "csv", "--db", other, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "not a calm-prompt event log (schema 0)"));
	free_run(&r);
}

static void the_database_comes_from_the_config_unless_db_is_given(void **state)
{
	char path[PATH_MAX], conf[PATH_MAX], bad[PATH_MAX], text[PATH_MAX + 32];
	struct run r;
	FILE *f;
	(void)state;

	path_in("from-config.db", path);
	make_varied_log(path);
	path_in("log.conf", conf);
	snprintf(text, sizeof(text), "[log]\ndatabase = %s\n", path);
	f = fopen(conf, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	r = run_log("stats", "--config", conf, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "2026-W48"));
	free_run(&r);

	/* A broken settings file is refused as the app refuses it... */
	path_in("bad.conf", bad);
	f = fopen(bad, "w");
	assert_non_null(f);
	fputs("[log]\nkeep_days = forever\n", f);
	fclose(f);
	r = run_log("stats", "--config", bad, NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "bad.conf:2: keep_days"));
	free_run(&r);
	/* ...and not read at all when --db says where the log is. */
	r = run_log("stats", "--config", bad, "--db", path, NULL);
	assert_int_equal(r.status, 0);
	free_run(&r);
}

/* On a device the log is the service's: found by a plain "log" command when the user has
 * none of their own (it said "no event log at ~/.local/state/..." under sudo). */
static void without_a_log_of_ones_own_the_services_is_read(void **state)
{
	char own[PATH_MAX], service[PATH_MAX];
	FILE *f;
	(void)state;

	path_in("own.db", own);
	path_in("service.db", service);
	unlink(own);
	unlink(service);
	assert_ptr_equal(logcli_default_db(own, service), own); /* neither: own, reported */
	f = fopen(service, "w");
	assert_non_null(f);
	fclose(f);
	assert_ptr_equal(logcli_default_db(own, service), service);
	f = fopen(own, "w");
	assert_non_null(f);
	fclose(f);
	assert_ptr_equal(logcli_default_db(own, service), own); /* one's own comes first */
	unlink(own);
	unlink(service);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_export_round_trips_every_row),
		cmocka_unit_test(export_corrects_rows_stamped_before_the_clock_was_right),
		cmocka_unit_test(json_replaces_bytes_that_are_not_utf8),
		cmocka_unit_test(csv_export_round_trips_every_row),
		cmocka_unit_test(stats_counts_iso_weeks_in_each_rows_local_time),
		cmocka_unit_test(stats_count_rows_by_the_time_they_really_happened),
		cmocka_unit_test(stats_and_export_read_a_schema_1_file),
		cmocka_unit_test(stats_survive_impossible_rows),
		cmocka_unit_test(forget_refuses_without_yes_then_deletes_in_one_go),
		cmocka_unit_test(usage_errors_exit_2_and_say_what_is_wrong),
		cmocka_unit_test(help_is_on_stdout),
		cmocka_unit_test(a_missing_or_foreign_file_fails_with_exit_1),
		cmocka_unit_test(the_database_comes_from_the_config_unless_db_is_given),
		cmocka_unit_test(without_a_log_of_ones_own_the_services_is_read),
	};

	return cmocka_run_group_tests_name("logcli", tests, make_dir, remove_dir);
}
