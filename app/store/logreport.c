/* SPDX-License-Identifier: MIT */
/* The event log's reports (see logreport.h): read-only SQL for stats and export, the event
 * log's own forget. */
#include "logreport.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "eventlog.h"
#include "stamps.h"
#include "utf8.h"

#define EXIT_FAILED 1
#define EXIT_USAGE  2
#define MAX_TABLES  16 /* export: more tables than a calm-prompt log will ever have */
#define MAX_COLUMNS 64 /* export: the columns of all tables, each counted once */

/* Long enough to wait out the app's own short write transactions. */
#define BUSY_TIMEOUT_MS 5000

static bool exists(const struct log_request *rq, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0)
		return true;
	if (errno == ENOENT)
		fprintf(rq->err, "calm-prompt log: no event log at '%s'\n", path);
	else
		fprintf(rq->err, "calm-prompt log: cannot reach '%s': %s\n", path, strerror(errno));
	return false;
}

/* A connection that only reads, as the household's own sqlite3 shell would be: no file created,
 * nothing migrated, a running app undisturbed. version gets the schema version. */
static sqlite3 *open_reader(const struct log_request *rq, const char *path, int *version)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (!exists(rq, path))
		return NULL;
	/* Read-write, yet query_only: closing the last connection then tidies the -wal away. */
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		goto err_close_db;
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	rc = stamps_register(db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err_close_db;
	rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		goto err_close_db;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		goto err_close_db;
	*version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (*version >= 1 && *version <= EVENTLOG_SCHEMA_VERSION)
		return db;
	if (*version < 1)
		fprintf(rq->err,
			"calm-prompt log: '%s' is not a calm-prompt event log (schema %d)\n", path,
			*version);
	else
		fprintf(rq->err,
			"calm-prompt log: the event log '%s' was written by a newer calm-prompt "
			"(schema %d, this build knows %d)\n",
			path, *version, EVENTLOG_SCHEMA_VERSION);
	sqlite3_close(db);
	return NULL;

err_close_db:
	fprintf(rq->err, "calm-prompt log: cannot read the event log '%s': %s\n", path,
		db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return NULL;
}

/* Whether a table has the columns of a stamped row (wall and monotonic time, boot, sync). */
static bool is_stamped(sqlite3 *db, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT count(*) FROM pragma_table_info(%Q) WHERE name IN "
				    "('wall_utc', 'mono_ms', 'boot_id', 'clock_synced')",
				    table);
	sqlite3_stmt *stmt;
	bool stamped = false;

	if (sql && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		stamped = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 4;
		sqlite3_finalize(stmt);
	}
	sqlite3_free(sql);
	return stamped;
}

/* Each boot's anchor, its first trustworthy stamp (synchronised, or the clock set by hand), as
 * one SELECT of (boot_id, anchor_wall, anchor_mono): the boots table the log keeps since schema
 * 6, or in an older file the same from its rows. NULL when there are none to read (or out of
 * memory: then nothing is corrected). Free with sqlite3_free. */
static char *anchor_sql(sqlite3 *db)
{
	sqlite3_stmt *list;
	char *sql = NULL, *grouped;

	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
			       -1, &list, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(list) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(list, 0);
		bool hand = strcmp(name, "clock_changes") == 0;
		char *more;

		if (strcmp(name, "boots") == 0) {
			sqlite3_free(sql);
			sqlite3_finalize(list);
			return sqlite3_mprintf(
				"SELECT boot_id, anchor_wall, anchor_mono FROM boots "
				"WHERE anchor_mono IS NOT NULL");
		}
		if (!is_stamped(db, name))
			continue;
		more = sqlite3_mprintf("%s%sSELECT boot_id, wall_utc, mono_ms FROM \"%w\" WHERE "
				       "clock_synced = 1%s",
				       sql ? sql : "", sql ? " UNION ALL " : "", name,
				       hand ? " OR outcome = 'set'" : "");
		sqlite3_free(sql);
		sql = more;
		if (!sql)
			break;
	}
	sqlite3_finalize(list);
	if (sql == NULL)
		return NULL;
	grouped = sqlite3_mprintf("SELECT boot_id, wall_utc AS anchor_wall, min(mono_ms) AS "
				  "anchor_mono FROM (%s) GROUP BY boot_id",
				  sql);
	sqlite3_free(sql);
	return grouped;
}

/* ---- stats ---- */

/* Local days outside years 1 to 9999 are no time a press was made: a row saying so is left out
 * of the stats (and its arithmetic kept far from overflow). */
#define DAY_MIN (-719162) /* 0001-01-01 */
#define DAY_MAX 2932896   /* 9999-12-31 */

struct week_counts {
	int64_t week; /* days since 1970-01-01 of its Monday, divided by 7 (floor) */
	int64_t sessions, prompts, presses;
	double ms;
};

struct weeks {
	struct week_counts *w; /* sorted by week */
	size_t n, cap;
	size_t last; /* where the last row went: rows come mostly in order */
};

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The civil date of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's method). */
static void civil(int64_t days, int *year, int *month, int *day)
{
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (*month <= 2));
}

/* Days since 1970-01-01 of January 1 of year. */
static int64_t first_of_year(int year)
{
	int64_t y = (int64_t)year - 1;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + 306; /* March 1 counting: Jan 1 = 306 */

	return era * 146097 + doe - 719468;
}

/* The counts of the week holding local day `day`, made when it is new; NULL when out of
 * memory. */
static struct week_counts *week_of(struct weeks *ws, int64_t day)
{
	int64_t week = floor_div(day + 3, 7); /* 1970-01-01 was a Thursday */
	size_t lo = 0, hi = ws->n;

	if (ws->last < ws->n && ws->w[ws->last].week == week)
		return &ws->w[ws->last];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ws->w[mid].week < week)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ws->n || ws->w[lo].week != week) {
		if (ws->n == ws->cap) {
			size_t cap = ws->cap ? ws->cap * 2 : 64;
			struct week_counts *w = realloc(ws->w, cap * sizeof(*w));

			if (w == NULL)
				return NULL;
			ws->w = w;
			ws->cap = cap;
		}
		memmove(&ws->w[lo + 1], &ws->w[lo], (ws->n - lo) * sizeof(*ws->w));
		memset(&ws->w[lo], 0, sizeof(*ws->w));
		ws->w[lo].week = week;
		ws->n++;
	}
	ws->last = lo;
	return &ws->w[lo];
}

/* Counts one table's rows into their weeks, each at the time it really happened (dated from
 * its boot's anchor when stamped before the clock was right; anchors: anchor_sql's SELECT, or
 * NULL) and in its local day from its own offset. A plain scan added up here: no date function
 * and no sort per row, so a log of years takes a blink. */
static int count_table(sqlite3 *db, const struct log_request *rq, const char *anchors,
		       const char *table, const char *ms, const char *member, int which,
		       struct weeks *ws)
{
	char *sql =
		anchors ? sqlite3_mprintf(
				  "WITH anchor AS (%s) SELECT CASE WHEN a.boot_id IS NULL THEN "
				  "t.wall_utc ELSE coalesce(corrected_utc(t.mono_ms, "
				  "t.clock_synced, a.anchor_wall, a.anchor_mono), t.wall_utc) END, "
				  "t.utc_offset_min, %s FROM %s AS t LEFT JOIN anchor AS a ON "
				  "a.boot_id = t.boot_id AND t.clock_synced = 0 WHERE ?2 IS NULL "
				  "OR %s = ?2",
				  anchors, ms, table, member)
			: sqlite3_mprintf("SELECT wall_utc, utc_offset_min, %s FROM %s WHERE ?2 "
					  "IS NULL OR %s = ?2",
					  ms, table, member);
	sqlite3_stmt *stmt;
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return rc;
	if (rq->member)
		sqlite3_bind_text(stmt, 2, rq->member, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct week_counts *c;
		int64_t utc, offset_min, day;

		/* A time that is not a number, an offset of more than a day, or a day outside
		 * years 1 to 9999 is no week of ours (and its sum could overflow). */
		if (sqlite3_column_type(stmt, 0) != SQLITE_INTEGER ||
		    sqlite3_column_type(stmt, 1) != SQLITE_INTEGER)
			continue;
		utc = sqlite3_column_int64(stmt, 0);
		offset_min = sqlite3_column_int64(stmt, 1);
		if (utc < rq->since_utc || offset_min < -1440 || offset_min > 1440 ||
		    utc < (int64_t)DAY_MIN * 86400 || utc > ((int64_t)DAY_MAX + 1) * 86400)
			continue;
		day = floor_div(utc + offset_min * 60, 86400);
		if (day < DAY_MIN || day > DAY_MAX)
			continue;
		c = week_of(ws, day);
		if (c == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (which == 0)
			c->presses++;
		else if (which == 2)
			c->prompts++;
		else {
			c->sessions++;
			c->ms += sqlite3_column_double(stmt, 2);
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void print_week(FILE *out, const char *week, const char *monday, const struct week_counts *c)
{
	fprintf(out, "%-8s  %-10s  %8lld  %7.1f  %7lld  %7lld\n", week, monday,
		(long long)c->sessions, c->ms / 60000.0, (long long)c->prompts,
		(long long)c->presses);
}

/* One row per week with anything in it: its ISO year and week, its Monday (local time from each
 * row's own offset), then sessions, minutes breathed, prompts shown and presses. */
static int run_stats(const struct log_request *rq, sqlite3 *db, int version)
{
	const char *member = version >= 2 ? "member" : "NULL";
	struct week_counts total = {0};
	struct weeks ws = {0};
	int rc;

	char *anchors;

	/* One read transaction: the three tables are one moment of the log. */
	rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	anchors = anchor_sql(db);
	if (rc == SQLITE_OK)
		rc = count_table(db, rq, anchors, "presses", "NULL", member, 0, &ws);
	if (rc == SQLITE_OK)
		rc = count_table(db, rq, anchors, "sessions", "t.actual_ms", member, 1, &ws);
	if (rc == SQLITE_OK)
		rc = count_table(db, rq, anchors, "prompts_shown", "NULL", member, 2, &ws);
	sqlite3_free(anchors);
	if (rc != SQLITE_OK) {
		fprintf(rq->err, "calm-prompt log stats: %s\n", sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		free(ws.w);
		return EXIT_FAILED;
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	fprintf(rq->out, "%-8s  %-10s  %8s  %7s  %7s  %7s\n", "week", "monday", "sessions",
		"minutes", "prompts", "presses");
	for (size_t i = 0; i < ws.n; i++) {
		const struct week_counts *c = &ws.w[i];
		int64_t monday = c->week * 7 - 3;
		int y, m, d, iso_year, iso_m, iso_d;
		char week[16], date[16];

		civil(monday, &y, &m, &d);
		/* The ISO week belongs to the year of its Thursday. */
		civil(monday + 3, &iso_year, &iso_m, &iso_d);
		snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m, d);
		snprintf(week, sizeof(week), "%04d-W%02d", iso_year,
			 (int)((monday + 3 - first_of_year(iso_year)) / 7 + 1));
		print_week(rq->out, week, date, c);
		total.sessions += c->sessions;
		total.ms += c->ms;
		total.prompts += c->prompts;
		total.presses += c->presses;
	}
	print_week(rq->out, "total", "", &total);
	free(ws.w);
	return 0;
}

/* ---- export ---- */

/* A JSON string: quotes, backslashes and control characters escaped, UTF-8 passed through, and
 * any byte that is not well-formed UTF-8 replaced by U+FFFD (JSON text must be UTF-8). */
static void json_string(FILE *out, const unsigned char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		uint32_t code_point;
		size_t len;

		switch (c) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (c < 0x20) {
				fprintf(out, "\\u%04x", c);
				break;
			}
			len = utf8_decode(s + i, n - i, &code_point);
			if (len == 0) {
				fputs("\\ufffd", out);
				break;
			}
			fwrite(s + i, 1, len, out);
			i += len;
			continue;
		}
		i++;
	}
	fputc('"', out);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with quotes
 * doubled; an empty text is "" so that it differs from NULL, which is an empty field. The bytes
 * are written as stored. */
static void csv_text(FILE *out, const unsigned char *s, size_t n)
{
	bool quote = n == 0;

	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		fwrite(s, 1, n, out);
		return;
	}
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			fputc('"', out);
		fputc(s[i], out);
	}
	fputc('"', out);
}

/* One value of the current row of stmt, in the given format. */
static void write_value(FILE *out, enum log_format format, sqlite3_stmt *stmt, int col)
{
	const unsigned char *bytes;
	double real;
	int n;

	switch (sqlite3_column_type(stmt, col)) {
	case SQLITE_INTEGER:
		fprintf(out, "%lld", (long long)sqlite3_column_int64(stmt, col));
		break;
	case SQLITE_FLOAT:
		real = sqlite3_column_double(stmt, col);
		if (format == FORMAT_JSON && !isfinite(real))
			fputs("null", out);
		else
			fprintf(out, "%.17g", real);
		break;
	case SQLITE_TEXT:
		bytes = sqlite3_column_text(stmt, col);
		n = sqlite3_column_bytes(stmt, col);
		if (format == FORMAT_JSON)
			json_string(out, bytes, (size_t)n);
		else
			csv_text(out, bytes, (size_t)n);
		break;
	case SQLITE_BLOB: {
		/* No column of the schema holds one; hex keeps one readable in either format. */
		const unsigned char *blob = sqlite3_column_blob(stmt, col);

		n = sqlite3_column_bytes(stmt, col);
		if (format == FORMAT_JSON)
			fputc('"', out);
		for (int i = 0; i < n; i++)
			fprintf(out, "%02x", blob[i]);
		if (format == FORMAT_JSON)
			fputc('"', out);
		break;
	}
	default: /* NULL */
		if (format == FORMAT_JSON)
			fputs("null", out);
		break;
	}
}

/* Every table of the log, each as a prepared "SELECT *" of its rows in order (from the --since
 * day, where the table has a wall_utc). The three known tables come first. */
struct export_tables {
	char *names[MAX_TABLES]; /* sqlite3_mprintf copies */
	sqlite3_stmt *rows[MAX_TABLES];
	int n;
	char *columns[MAX_COLUMNS]; /* CSV: every column name of any table, once (copies) */
	int n_columns;
	int column_of[MAX_TABLES][MAX_COLUMNS]; /* CSV: columns[c] is rows[i]'s column
						   column_of[i][c], or -1 */
};

static void free_tables(struct export_tables *t)
{
	for (int i = 0; i < t->n; i++) {
		sqlite3_finalize(t->rows[i]);
		sqlite3_free(t->names[i]);
	}
	for (int c = 0; c < t->n_columns; c++)
		sqlite3_free(t->columns[c]);
	t->n = 0;
	t->n_columns = 0;
}

static int find_column(const struct export_tables *t, const char *name)
{
	for (int i = 0; i < t->n_columns; i++)
		if (strcmp(t->columns[i], name) == 0)
			return i;
	return -1;
}

/* "SELECT *" of a table in its order; a stamped table gets a last column, corrected_utc: for a
 * row stamped while the clock was not right (not synchronised, before the first trustworthy
 * stamp of its boot), the wall time it really happened, from that stamp and the monotonic
 * time between; NULL for the others, and where the boot never had a trustworthy stamp. The
 * stored stamps are never changed. anchors: anchor_sql's SELECT, or NULL. */
static int select_all(sqlite3 *db, const char *table, bool since, const char *anchors,
		      sqlite3_stmt **rows)
{
	char *sql;
	int rc;

	if (anchors && is_stamped(db, table))
		sql = sqlite3_mprintf(
			"WITH anchor AS (%s) "
			"SELECT t.*, corrected_utc(t.mono_ms, t.clock_synced, a.anchor_wall, "
			"a.anchor_mono) AS corrected_utc "
			"FROM \"%w\" AS t LEFT JOIN anchor AS a ON a.boot_id = t.boot_id%s "
			"ORDER BY t.rowid",
			anchors, table, since ? " WHERE t.wall_utc >= ?1" : "");
	else
		sql = sqlite3_mprintf("SELECT * FROM \"%w\"%s ORDER BY rowid", table,
				      since ? " WHERE wall_utc >= ?1" : "");
	rc = sql ? sqlite3_prepare_v2(db, sql, -1, rows, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	return rc;
}

/* Prepares "SELECT *" of one table, filtered by day when it is dated, and adds its columns to
 * the list of all columns. */
static int add_table(sqlite3 *db, const char *name, int64_t since_utc, const char *anchors,
		     struct export_tables *t)
{
	sqlite3_stmt *rows;
	int i = t->n;
	int rc;

	if (i == MAX_TABLES)
		return SQLITE_TOOBIG;
	rc = select_all(db, name, false, anchors, &rows);
	if (rc != SQLITE_OK)
		return rc;
	for (int k = 0; k < sqlite3_column_count(rows) && since_utc != INT64_MIN; k++) {
		if (strcmp(sqlite3_column_name(rows, k), "wall_utc") != 0)
			continue;
		sqlite3_finalize(rows);
		rc = select_all(db, name, true, anchors, &rows);
		if (rc != SQLITE_OK)
			return rc;
		sqlite3_bind_int64(rows, 1, since_utc);
		break;
	}
	t->rows[i] = rows;
	t->names[i] = sqlite3_mprintf("%s", name);
	t->n++;
	if (t->names[i] == NULL)
		return SQLITE_NOMEM;
	for (int c = 0; c < MAX_COLUMNS; c++)
		t->column_of[i][c] = -1;
	for (int k = 0; k < sqlite3_column_count(rows); k++) {
		const char *col = sqlite3_column_name(rows, k);
		int c = find_column(t, col);

		if (c < 0) {
			if (t->n_columns == MAX_COLUMNS)
				return SQLITE_TOOBIG;
			c = t->n_columns;
			t->columns[c] = sqlite3_mprintf("%s", col);
			if (t->columns[c] == NULL)
				return SQLITE_NOMEM;
			t->n_columns++;
		}
		t->column_of[i][c] = k;
	}
	return SQLITE_OK;
}

static int prepare_tables(sqlite3 *db, int64_t since_utc, struct export_tables *t)
{
	sqlite3_stmt *list;
	char *anchors = anchor_sql(db);
	int rc;

	rc = sqlite3_prepare_v2(db,
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
				"LIKE 'sqlite\\_%' ESCAPE '\\' AND name != 'boots' ORDER BY CASE "
				"name WHEN 'presses' "
				"THEN 0 WHEN 'sessions' THEN 1 WHEN 'prompts_shown' THEN 2 ELSE 3 "
				"END, name",
				-1, &list, NULL);
	if (rc != SQLITE_OK)
		goto free_anchors;
	while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
		rc = add_table(db, (const char *)sqlite3_column_text(list, 0), since_utc, anchors,
			       t);
		if (rc != SQLITE_OK)
			break;
	}
	sqlite3_finalize(list);
free_anchors:
	sqlite3_free(anchors);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* One JSON object with an array per table, one row object per line:
 * {"presses": [
 * {"id": 1, "wall_utc": 1767225600, ...},
 * ...
 * ],
 * "sessions": [
 * ]} */
static int export_json(FILE *out, struct export_tables *t)
{
	int rc = SQLITE_DONE;

	fputc('{', out);
	for (int i = 0; i < t->n && rc == SQLITE_DONE; i++) {
		sqlite3_stmt *rows = t->rows[i];
		bool first = true;

		if (i > 0)
			fputs(",\n", out);
		json_string(out, (const unsigned char *)t->names[i], strlen(t->names[i]));
		fputs(": [", out);
		while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
			fputs(first ? "\n{" : ",\n{", out);
			first = false;
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const char *col = sqlite3_column_name(rows, c);

				if (c > 0)
					fputs(", ", out);
				json_string(out, (const unsigned char *)col, strlen(col));
				fputs(": ", out);
				write_value(out, FORMAT_JSON, rows, c);
			}
			fputc('}', out);
		}
		fputs("\n]", out);
	}
	fputs("}\n", out);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* One CSV table (RFC 4180, CRLF line ends): a header of "table" and every column name of any
 * table, then every row of every table, with empty fields for columns its table lacks. */
static int export_csv(FILE *out, struct export_tables *t)
{
	int rc = SQLITE_DONE;

	fputs("table", out);
	for (int c = 0; c < t->n_columns; c++) {
		fputc(',', out);
		csv_text(out, (const unsigned char *)t->columns[c], strlen(t->columns[c]));
	}
	fputs("\r\n", out);
	for (int i = 0; i < t->n && rc == SQLITE_DONE; i++) {
		sqlite3_stmt *rows = t->rows[i];

		while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
			csv_text(out, (const unsigned char *)t->names[i], strlen(t->names[i]));
			for (int c = 0; c < t->n_columns; c++) {
				fputc(',', out);
				if (t->column_of[i][c] >= 0)
					write_value(out, FORMAT_CSV, rows, t->column_of[i][c]);
			}
			fputs("\r\n", out);
		}
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int run_export(const struct log_request *rq, sqlite3 *db)
{
	struct export_tables *t = calloc(1, sizeof(*t));
	int rc;

	if (t == NULL) {
		fprintf(rq->err, "calm-prompt log export: out of memory\n");
		return EXIT_FAILED;
	}
	/* One read transaction: the export is a single moment of the log, even while the app
	 * goes on writing. */
	rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = prepare_tables(db, rq->since_utc, t);
	if (rc == SQLITE_OK)
		rc = rq->format == FORMAT_JSON ? export_json(rq->out, t) : export_csv(rq->out, t);
	if (rc != SQLITE_OK)
		fprintf(rq->err, "calm-prompt log export: %s\n", sqlite3_errmsg(db));
	free_tables(t);
	free(t);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK && (fflush(rq->out) != 0 || ferror(rq->out))) {
		fprintf(rq->err, "calm-prompt log export: cannot write the output: %s\n",
			strerror(errno));
		return EXIT_FAILED;
	}
	return rc == SQLITE_OK ? 0 : EXIT_FAILED;
}

/* ---- forget ---- */

static void say_counts(FILE *out, const struct eventlog_counts *c)
{
	fprintf(out, "%lld press%s, %lld session%s and %lld prompt%s shown", (long long)c->presses,
		c->presses == 1 ? "" : "es", (long long)c->sessions, c->sessions == 1 ? "" : "s",
		(long long)c->prompts_shown, c->prompts_shown == 1 ? "" : "s");
	if (c->clock_changes > 0)
		fprintf(out, ", %lld setting%s of the clock", (long long)c->clock_changes,
			c->clock_changes == 1 ? "" : "s");
	fprintf(out, " (%lld rows)",
		(long long)(c->presses + c->sessions + c->prompts_shown + c->clock_changes));
}

static int run_forget(const struct log_request *rq, const char *path)
{
	struct eventlog_counts counts;
	struct eventlog *log;
	char msg[PATH_MAX + 300];
	int ret = 0;

	if (!exists(rq, path))
		return EXIT_FAILED;
	if (eventlog_open_existing(path, &log, msg, sizeof(msg)) != 0) {
		fprintf(rq->err, "calm-prompt log forget: %s\n", msg);
		return EXIT_FAILED;
	}
	if (eventlog_forget(log, rq->before_utc, !rq->yes, false, &counts, msg, sizeof(msg)) != 0) {
		fprintf(rq->err, "calm-prompt log forget: %s\n", msg);
		ret = EXIT_FAILED;
	} else if (!rq->yes) {
		fputs("calm-prompt log forget: this would delete ", rq->err);
		say_counts(rq->err, &counts);
		fprintf(rq->err, " from before %s in %s; add --yes to delete them\n", rq->before,
			path);
		ret = EXIT_USAGE;
	} else {
		fputs("deleted ", rq->out);
		say_counts(rq->out, &counts);
		fprintf(rq->out, " from before %s\n", rq->before);
	}
	eventlog_close(log);
	return ret;
}

int logreport_run(const struct log_request *rq, const char *path)
{
	sqlite3 *db;
	int version;
	int ret;

	if (rq->command == CMD_FORGET)
		return run_forget(rq, path);
	db = open_reader(rq, path, &version);
	if (db == NULL)
		return EXIT_FAILED;
	ret = rq->command == CMD_STATS ? run_stats(rq, db, version) : run_export(rq, db);
	sqlite3_close(db);
	return ret;
}
