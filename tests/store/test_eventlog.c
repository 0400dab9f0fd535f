/* SPDX-License-Identifier: MIT */
/* Tests of the event log against real SQLite files in a fresh temporary folder, read back with
 * a separate SQLite connection; and of the wall-clock stamps and fixed times the log relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sqlite_probe.h"
#include "eventlog.h"
#include "wallclock.h"

#define BOOT_ID "0f3c2a8e-5d1b-4c6e-9a7f-1b2c3d4e5f60"

/* ---- helpers ---- */

/* The group's folder, e.g. /tmp/calm-eventlog-XXXXXX; every test uses its own file in it. */
static int make_dir(void **state)
{
	const char *base = getenv("TMPDIR");
	char *dir = malloc(PATH_MAX);

	if (dir == NULL)
		return -1;
	snprintf(dir, PATH_MAX, "%s/calm-eventlog-XXXXXX", base && *base ? base : "/tmp");
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

/* The folder is flat but for the one "occupied" folder a test makes, so two levels suffice. */
static void remove_tree(const char *dir, int depth)
{
	char path[PATH_MAX];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path))
			continue;
		if (depth > 0 && lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path, depth - 1);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int remove_dir(void **state)
{
	remove_tree(*state, 1);
	free(*state);
	return 0;
}

/* a followed by b, into out; a path too long for the test is a failure, not a cut name. */
static void join(char out[PATH_MAX], const char *a, const char *b)
{
	assert_true(snprintf(out, PATH_MAX, "%s%s", a, b) < PATH_MAX);
}

static void path_in(void **state, const char *name, char path[PATH_MAX])
{
	assert_true(snprintf(path, PATH_MAX, "%s/%s", (const char *)*state, name) < PATH_MAX);
}

static bool exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void write_bytes(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The whole file, malloc'd; *len gets its size. */
static char *read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *bytes;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	bytes = malloc((size_t)size + 1);
	assert_non_null(bytes);
	assert_int_equal(fread(bytes, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	*len = (size_t)size;
	return bytes;
}

static bool contains(const char *bytes, size_t len, const char *text)
{
	size_t n = strlen(text);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(bytes + i, text, n) == 0)
			return true;
	return false;
}

static void assert_same_bytes(const char *path, const char *expected, size_t expected_len)
{
	size_t len;
	char *bytes = read_bytes(path, &len);

	assert_int_equal(len, expected_len);
	assert_memory_equal(bytes, expected, len);
	free(bytes);
}

#define assert_sql_text(db, sql, expected)                                                         \
	do {                                                                                       \
		char text_[256];                                                                   \
		assert_string_equal(text_of(db, sql, text_, sizeof(text_)), expected);             \
	} while (0)

static void assert_integrity_ok(const char *path)
{
	sqlite3 *db = reader(path);

	assert_sql_text(db, "PRAGMA integrity_check", "ok");
	sqlite3_close(db);
}

static struct eventlog *open_ok(const char *path)
{
	struct eventlog *log = NULL;
	char msg[512] = "";

	if (eventlog_open(path, &log, msg, sizeof(msg)) != EVENTLOG_OPENED)
		fail_msg("eventlog_open(%s): %s", path, msg);
	assert_non_null(log);
	return log;
}

static void append_ok(struct eventlog *log, const struct device_report *report,
		      const char *button_name, const struct wall_stamp *when)
{
	char msg[512] = "";

	if (eventlog_append(log, report, button_name, when, msg, sizeof(msg)) != 0)
		fail_msg("eventlog_append: %s", msg);
}

/* A stamp seconds after 2026-01-01T00:00:00Z, in a zone an hour east of UTC. */
static struct wall_stamp stamp_at(int64_t seconds)
{
	struct wall_stamp s = {
		.utc_s = 1767225600 + seconds,
		.utc_offset_min = 60,
		.mono_ms = 5000 + seconds * 1000,
		.boot_id = BOOT_ID,
		.synced = true,
	};
	return s;
}

static struct device_report press(enum gesture gesture, enum action action, enum screen before,
				  enum screen after)
{
	struct device_report r = {
		.button = 0,
		.gesture = gesture,
		.action = action,
		.screen_before = before,
		.screen_after = after,
	};
	return r;
}

static struct device_report by_device(enum action action, enum screen before, enum screen after,
				      const char *reason)
{
	struct device_report r = {
		.button = -1,
		.gesture = GESTURE_NONE,
		.action = action,
		.screen_before = before,
		.screen_after = after,
		.reason = reason,
	};
	return r;
}

static void start_session(struct device_report *r, const char *pattern, int64_t planned_ms)
{
	r->session_started = true;
	r->pattern = pattern;
	r->session_planned_ms = planned_ms;
}

static void stop_session(struct device_report *r, enum session_end how, int64_t ran_ms)
{
	r->session_stopped = true;
	r->session_how = how;
	r->session_ms = ran_ms;
}

static int count_damaged(void **state, const char *base, char found[PATH_MAX]);

/* ---- the log ---- */

/* The schema of version 1 exactly as it shipped: files in the field start from here. */
static const char schema_v1[] = "CREATE TABLE presses("
				"  id INTEGER PRIMARY KEY,"
				"  wall_utc INTEGER NOT NULL,"
				"  utc_offset_min INTEGER NOT NULL,"
				"  mono_ms INTEGER NOT NULL,"
				"  boot_id TEXT NOT NULL,"
				"  clock_synced INTEGER NOT NULL,"
				"  button TEXT NOT NULL,"
				"  gesture TEXT NOT NULL,"
				"  action TEXT NOT NULL,"
				"  screen TEXT NOT NULL);"
				"CREATE TABLE sessions("
				"  id INTEGER PRIMARY KEY,"
				"  press_id INTEGER REFERENCES presses(id),"
				"  wall_utc INTEGER NOT NULL,"
				"  utc_offset_min INTEGER NOT NULL,"
				"  mono_ms INTEGER NOT NULL,"
				"  boot_id TEXT NOT NULL,"
				"  clock_synced INTEGER NOT NULL,"
				"  pattern TEXT NOT NULL,"
				"  planned_ms INTEGER NOT NULL,"
				"  actual_ms INTEGER,"
				"  ended TEXT NOT NULL DEFAULT 'running',"
				"  ended_wall_utc INTEGER);"
				"CREATE TABLE prompts_shown("
				"  id INTEGER PRIMARY KEY,"
				"  press_id INTEGER REFERENCES presses(id),"
				"  wall_utc INTEGER NOT NULL,"
				"  utc_offset_min INTEGER NOT NULL,"
				"  mono_ms INTEGER NOT NULL,"
				"  boot_id TEXT NOT NULL,"
				"  clock_synced INTEGER NOT NULL,"
				"  prompt_id TEXT NOT NULL);"
				"CREATE INDEX presses_wall_utc ON presses(wall_utc);"
				"CREATE INDEX sessions_wall_utc ON sessions(wall_utc);"
				"CREATE INDEX prompts_shown_wall_utc ON prompts_shown(wall_utc);";

/* Every table has the member column of schema 2, nullable and without a default. */
static void assert_member_columns(sqlite3 *db)
{
	static const char *const tables[] = {"presses", "sessions", "prompts_shown"};

	for (size_t i = 0; i < 3; i++) {
		char sql[160];

		snprintf(sql, sizeof(sql),
			 "SELECT type || '|' || \"notnull\" || '|' || ifnull(dflt_value, 'none') "
			 "FROM pragma_table_info('%s') WHERE name = 'member'",
			 tables[i]);
		assert_sql_text(db, sql, "TEXT|0|none");
	}
}

static void creates_a_wal_file_at_schema_2(void **state)
{
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "new.db", path);
	log = open_ok(path);
	db = reader(path);
	/* WAL is recorded in the file, so any connection sees it. */
	assert_sql_text(db, "PRAGMA journal_mode", "wal");
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_member_columns(db);
	assert_int_equal(int_of(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
				    "name IN ('presses', 'sessions', 'prompts_shown', "
				    "'clock_changes')"),
			 4);
	assert_int_equal(int_of(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
				    "sql LIKE '%(wall_utc)'"),
			 4);
	sqlite3_close(db);
	eventlog_close(log);

	/* Opening it again is a plain open: nothing to migrate, nothing moved. */
	log = open_ok(path);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void an_empty_file_at_schema_0_is_migrated_to_2(void **state)
{
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	/* Zero bytes is a valid, empty SQLite database at user_version 0, as when a file was
	 * created but nothing was ever committed into it. */
	path_in(state, "empty.db", path);
	write_bytes(path, "", 0);
	log = open_ok(path);
	eventlog_close(log);
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_int_equal(int_of(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), 5);
	assert_member_columns(db);
	sqlite3_close(db);
	assert_integrity_ok(path);
}

/* Every column of every row of the three tables as they were in schema 1, as one text. */
#define V1_ROWS                                                                                    \
	"SELECT (SELECT group_concat(id || ',' || wall_utc || ',' || utc_offset_min || ',' || "    \
	"mono_ms || ',' || boot_id || ',' || clock_synced || ',' || button || ',' || gesture || "  \
	"',' || action || ',' || screen, ';') FROM presses) || ' / ' || (SELECT "                  \
	"group_concat(id || ',' || ifnull(press_id, 'null') || ',' || wall_utc || ',' || "         \
	"utc_offset_min || ',' || mono_ms || ',' || boot_id || ',' || clock_synced || ',' || "     \
	"pattern || ',' || planned_ms || ',' || ifnull(actual_ms, 'null') || ',' || ended || ',' " \
	"|| ifnull(ended_wall_utc, 'null'), ';') FROM sessions) || ' / ' || (SELECT "              \
	"group_concat(id || ',' || ifnull(press_id, 'null') || ',' || wall_utc || ',' || "         \
	"utc_offset_min || ',' || mono_ms || ',' || boot_id || ',' || clock_synced || ',' || "     \
	"prompt_id, ';') FROM prompts_shown)"

static void a_schema_1_file_is_migrated_with_its_rows_kept(void **state)
{
	struct device_report r = press(GESTURE_SHORT, ACTION_NONE, SCREEN_AMBIENT, SCREEN_AMBIENT);
	struct wall_stamp when = stamp_at(500);
	char path[PATH_MAX], before[1024], after[1024];
	struct eventlog *log;
	sqlite3 *db;

	/* A file as a schema-1 build left it: WAL, rows in every table, a session still running
	 * (the power went). */
	path_in(state, "v1.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "PRAGMA journal_mode = WAL");
	run_sql(db, schema_v1);
	run_sql(db, "INSERT INTO presses VALUES"
		    " (1, 1767225601, 60, 6000, '" BOOT_ID "', 1, 'main', 'short', 'breathe', "
		    "'ambient'),"
		    " (2, 1767225700, 60, 105000, '" BOOT_ID "', 0, 'main', 'long', 'prompt', "
		    "'breathe'),"
		    " (3, 1767312000, -300, 700, 'another-boot', 1, 'left', 'double', 'none', "
		    "'prompt');"
		    "INSERT INTO sessions VALUES"
		    " (1, 1, 1767225601, 60, 6000, '" BOOT_ID "', 1, 'resonance', 300000, 99000, "
		    "'ended early', 1767225700),"
		    " (2, NULL, 1767312000, -300, 700, 'another-boot', 1, '4-7-8', 60000, NULL, "
		    "'running', NULL);"
		    "INSERT INTO prompts_shown VALUES"
		    " (1, 2, 1767225700, 60, 105000, '" BOOT_ID "', 0, 'trust-tiny-promise'),"
		    " (2, NULL, 1767225760, 60, 165000, '" BOOT_ID "', 0, 'safety-sit');"
		    "PRAGMA user_version = 1;");
	text_of(db, V1_ROWS, before, sizeof(before));
	sqlite3_close(db);
	/* The snapshot is whole, and holds the one running session that opening will close. */
	assert_non_null(strstr(before, "trust-tiny-promise"));
	assert_non_null(strstr(before, ",4-7-8,60000,null,running,null"));

	log = open_ok(path);
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_member_columns(db);
	/* Every row as it was, but for the session of the run that never ended it; no member. */
	text_of(db, "SELECT replace((" V1_ROWS "), ',running,', ',interrupted,')", after,
		sizeof(after));
	assert_string_equal(text_of(db, V1_ROWS, before, sizeof(before)), after);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses WHERE member IS NULL"), 3);
	assert_int_equal(int_of(db, "SELECT count(*) FROM sessions WHERE member IS NULL"), 2);
	assert_int_equal(int_of(db, "SELECT count(*) FROM prompts_shown WHERE member IS NULL"), 2);
	/* The indexes of schema 1 are still there (and schema 4's), and new rows follow the old
	 * ones. */
	assert_int_equal(int_of(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
				    "sql LIKE '%(wall_utc)'"),
			 4);
	append_ok(log, &r, "main", &when);
	assert_sql_text(db,
			"SELECT id || '|' || ifnull(member, 'null') FROM presses ORDER BY id "
			"DESC LIMIT 1",
			"4|null");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void a_failed_migration_step_leaves_the_file_at_its_version(void **state)
{
	char path[PATH_MAX], found[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";
	sqlite3 *db;

	/* A schema-1 file someone already gave a member column by hand: step 1 -> 2 fails on
	 * its second statement, after the first has run. */
	path_in(state, "halfway.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "PRAGMA journal_mode = WAL");
	run_sql(db, schema_v1);
	run_sql(db, "ALTER TABLE sessions ADD COLUMN member TEXT; PRAGMA user_version = 1;");
	sqlite3_close(db);

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_FAILED);
	assert_null(log);
	assert_non_null(strstr(msg, "migrating"));
	assert_non_null(strstr(msg, "duplicate column name: member"));
	/* The whole step was rolled back: still schema 1, presses without the column. */
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), 1);
	assert_int_equal(int_of(db, "SELECT count(*) FROM pragma_table_info('presses') WHERE "
				    "name = 'member'"),
			 0);
	sqlite3_close(db);
	/* Not damage: the file stays where it is. */
	assert_int_equal(count_damaged(state, "halfway.db", found), 0);
	assert_integrity_ok(path);
}

static void the_member_column_stays_null(void **state)
{
	struct prompt shown = {.id = "safety-sit", .pathway = PATHWAY_SAFETY, .text = "Sit."};
	struct device_report r =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct wall_stamp when = stamp_at(1);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&r, "box", 60000);
	r.prompt = &shown;
	path_in(state, "member.db", path);
	log = open_ok(path);
	append_ok(log, &r, "main", &when);
	eventlog_close(log);
	db = reader(path);
	assert_sql_text(db,
			"SELECT (SELECT typeof(member) FROM presses) || (SELECT typeof(member) "
			"FROM sessions) || (SELECT typeof(member) FROM prompts_shown)",
			"nullnullnull");
	sqlite3_close(db);
}

static void close_accepts_null(void **state)
{
	(void)state;
	eventlog_close(NULL);
}

static void a_press_row_records_every_column(void **state)
{
	struct device_report r = press(GESTURE_LONG, ACTION_NONE, SCREEN_PROMPT, SCREEN_PROMPT);
	struct wall_stamp when = stamp_at(7);
	struct wall_stamp unsynced = stamp_at(9);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "press.db", path);
	log = open_ok(path);
	append_ok(log, &r, "left", &when);
	unsynced.synced = false;
	unsynced.utc_offset_min = -300;
	r = press(GESTURE_DOUBLE, ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT);
	append_ok(log, &r, "right", &unsynced);
	eventlog_close(log);

	db = reader(path);
	assert_sql_text(
		db,
		"SELECT id || '|' || wall_utc || '|' || utc_offset_min || '|' || mono_ms || "
		"'|' || boot_id || '|' || clock_synced || '|' || button || '|' || gesture || "
		"'|' || action || '|' || screen FROM presses ORDER BY id LIMIT 1",
		"1|1767225607|60|12000|" BOOT_ID "|1|left|long|none|prompt");
	assert_sql_text(
		db,
		"SELECT id || '|' || wall_utc || '|' || utc_offset_min || '|' || mono_ms || "
		"'|' || boot_id || '|' || clock_synced || '|' || button || '|' || gesture || "
		"'|' || action || '|' || screen FROM presses ORDER BY id LIMIT 1 OFFSET 1",
		"2|1767225609|-300|14000|" BOOT_ID "|0|right|double|prompt|ambient");
	/* Stored as integers, so queries can sum and compare them. */
	assert_sql_text(db,
			"SELECT typeof(wall_utc) || typeof(utc_offset_min) || typeof(mono_ms) || "
			"typeof(clock_synced) FROM presses WHERE id = 1",
			"integerintegerintegerinteger");
	assert_int_equal(int_of(db, "SELECT count(*) FROM sessions"), 0);
	assert_int_equal(int_of(db, "SELECT count(*) FROM prompts_shown"), 0);
	sqlite3_close(db);
	assert_integrity_ok(path);
}

static void a_session_is_started_and_ended_early_by_presses(void **state)
{
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct wall_stamp t0 = stamp_at(100), t1 = stamp_at(142);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, "4-7-8", 300000);
	stop_session(&end, SESSION_ENDED_EARLY, 42000);
	path_in(state, "session.db", path);
	log = open_ok(path);
	append_ok(log, &start, "left", &t0);

	/* While it runs, the row says so. */
	db = reader(path);
	assert_sql_text(db, "SELECT ended || '|' || ifnull(actual_ms, 'null') FROM sessions",
			"running|null");

	append_ok(log, &end, "left", &t1);
	assert_int_equal(int_of(db, "SELECT count(*) FROM sessions"), 1);
	assert_sql_text(
		db,
		"SELECT press_id || '|' || wall_utc || '|' || utc_offset_min || '|' || "
		"mono_ms || '|' || boot_id || '|' || clock_synced || '|' || pattern || '|' || "
		"planned_ms || '|' || actual_ms || '|' || ended || '|' || ended_wall_utc "
		"FROM sessions",
		"1|1767225700|60|105000|" BOOT_ID "|1|4-7-8|300000|42000|ended early|1767225742");
	/* press_id points at the press that started it. */
	assert_sql_text(db,
			"SELECT p.action || '|' || p.screen FROM sessions s JOIN presses p ON "
			"p.id = s.press_id",
			"breathe|ambient");
	assert_sql_text(db, "SELECT action || '|' || screen FROM presses WHERE id = 2",
			"end|breathe");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void checkin_answers_and_a_new_length_go_to_the_session(void **state)
{
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_CHECKIN);
	struct device_report before =
		press(GESTURE_LONG, ACTION_CHECKIN, SCREEN_CHECKIN, SCREEN_SETTLE);
	struct device_report length =
		press(GESTURE_SHORT, ACTION_LENGTH, SCREEN_SETTLE, SCREEN_SETTLE);
	struct device_report done =
		by_device(ACTION_DONE, SCREEN_BREATHE, SCREEN_CHECKIN, "session complete");
	struct device_report after =
		press(GESTURE_SHORT, ACTION_CHECKIN, SCREEN_CHECKIN, SCREEN_DONE);
	struct wall_stamp t = stamp_at(100);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, "resonance", 300000);
	before.answer = "tense";
	length.session_planned_ms = 480000;
	stop_session(&done, SESSION_COMPLETED, 480000);
	after.answer = "calm";
	after.answer_after = true;
	path_in(state, "checkin.db", path);
	log = open_ok(path);
	append_ok(log, &start, "main", &t);
	append_ok(log, &before, "main", &t);
	append_ok(log, &length, "main", &t);
	append_ok(log, &done, NULL, &t);
	/* The answer after comes once the session has ended, and still finds its row. */
	append_ok(log, &after, "main", &t);
	db = reader(path);
	assert_sql_text(db,
			"SELECT planned_ms || '|' || actual_ms || '|' || ended || '|' || "
			"checkin_before || '|' || checkin_after FROM sessions",
			"480000|480000|completed|tense|calm");
	assert_sql_text(db, "SELECT group_concat(action, ',') FROM presses",
			"breathe,checkin,length,checkin");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void a_schema_2_file_gets_the_checkin_columns(void **state)
{
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "v2.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, schema_v1);
	run_sql(db, "ALTER TABLE presses ADD COLUMN member TEXT;"
		    "ALTER TABLE sessions ADD COLUMN member TEXT;"
		    "ALTER TABLE prompts_shown ADD COLUMN member TEXT;"
		    "INSERT INTO sessions VALUES (1, NULL, 1767225601, 60, 6000, '" BOOT_ID "', 1, "
		    "'box', 180000, 180000, 'completed', 1767225781, NULL);"
		    "PRAGMA user_version = 2;");
	sqlite3_close(db);
	log = open_ok(path);
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_sql_text(
		db,
		"SELECT pattern || '|' || ended || '|' || ifnull(checkin_before, 'null') || "
		"'|' || ifnull(checkin_after, 'null') FROM sessions",
		"box|completed|null|null");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* Schema 3 files get the press's source: old rows read NULL (not known), new rows say it. */
static void a_schema_3_file_gets_the_source_column(void **state)
{
	struct device_report r =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_SETTLE);
	struct wall_stamp when = stamp_at(10);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "v3.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, schema_v1);
	run_sql(db, "ALTER TABLE presses ADD COLUMN member TEXT;"
		    "ALTER TABLE sessions ADD COLUMN member TEXT;"
		    "ALTER TABLE prompts_shown ADD COLUMN member TEXT;"
		    "ALTER TABLE sessions ADD COLUMN checkin_before TEXT;"
		    "ALTER TABLE sessions ADD COLUMN checkin_after TEXT;"
		    "INSERT INTO presses VALUES (1, 1767225601, 60, 6000, '" BOOT_ID "', 1, "
		    "'main', 'short', 'breathe', 'ambient', NULL);"
		    "PRAGMA user_version = 3;");
	sqlite3_close(db);
	log = open_ok(path);
	r.source = "touch";
	append_ok(log, &r, "main", &when);
	r.source = "KP Enter";
	append_ok(log, &r, "main", &when);
	r.source = NULL;
	append_ok(log, &r, "main", &when);
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_sql_text(db,
			"SELECT group_concat(ifnull(source, 'null'), '|') FROM (SELECT source "
			"FROM presses ORDER BY id)",
			"null|touch|KP Enter|null");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* The week at a glance, everyone's and each member's; how someone felt only on their own. */
static void the_week_sums_each_day_and_each_member(void **state)
{
	static const char answers[2][CHECKIN_ANSWER_MAX + 1] = {"calm", "tense"};
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_SETTLE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct device_report after =
		press(GESTURE_SHORT, ACTION_CHECKIN, SCREEN_CHECKIN, SCREEN_DONE);
	struct wall_stamp day0 = stamp_at(100), day0b = stamp_at(400);
	struct wall_stamp prev = stamp_at(100 - 2 * 86400);
	struct history_week week;
	char path[PATH_MAX], msg[256];
	struct eventlog *log;
	/* 2026-01-01 00:01:40 UTC is 01:01:40 at +60 min: local day 20454. */
	const int64_t today = 20454;

	start_session(&start, "resonance", 300000);
	stop_session(&end, SESSION_ENDED_EARLY, 120000);
	after.answer = "tense";
	after.answer_after = true;
	path_in(state, "week.db", path);
	log = open_ok(path);
	append_ok(log, &start, "main", &day0);
	append_ok(log, &end, "main", &day0);
	start.member = end.member = after.member = "Ana";
	append_ok(log, &start, "main", &day0b);
	append_ok(log, &end, "main", &day0b);
	append_ok(log, &after, "main", &day0b);
	start.member = end.member = NULL;
	append_ok(log, &start, "main", &prev);
	append_ok(log, &end, "main", &prev);

	/* Ben and someone who chose no name answer "calm" the same day. */
	after.answer = "calm";
	start.member = end.member = after.member = "Ben";
	append_ok(log, &start, "main", &day0b);
	append_ok(log, &end, "main", &day0b);
	append_ok(log, &after, "main", &day0b);
	start.member = end.member = after.member = NULL;
	append_ok(log, &start, "main", &day0b);
	append_ok(log, &end, "main", &day0b);
	append_ok(log, &after, "main", &day0b);

	/* Everyone's week: what was breathed, but nobody's answers, not even their mean. */
	assert_int_equal(eventlog_week(log, today, NULL, answers, 2, &week, msg, sizeof(msg)), 0);
	assert_null(week.member);
	assert_int_equal(week.days[6].day, today);
	assert_int_equal(week.days[6].breathed_ms, 4 * 120000);
	assert_int_equal(week.days[4].breathed_ms, 120000);
	assert_int_equal(week.days[5].breathed_ms, 0);
	for (int i = 0; i < HISTORY_DAYS; i++) {
		assert_int_equal(week.days[i].answered, 0);
		assert_true(week.days[i].calm_after == 0.0);
	}
	/* A member's own week: their sessions and their answers only. */
	assert_int_equal(eventlog_week(log, today, "Ana", answers, 2, &week, msg, sizeof(msg)), 0);
	assert_string_equal(week.member, "Ana");
	assert_int_equal(week.days[6].breathed_ms, 120000);
	assert_int_equal(week.days[4].breathed_ms, 0);
	assert_int_equal(week.days[6].answered, 1);
	assert_true(week.days[6].calm_after < 0.01); /* "tense": the last answer */
	assert_int_equal(eventlog_week(log, today, "Ben", answers, 2, &week, msg, sizeof(msg)), 0);
	assert_int_equal(week.days[6].answered, 1);
	assert_true(week.days[6].calm_after > 0.99); /* "calm": the first answer */
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* The week is read by a range of wall_utc, then each row's own local day: rows at the edges of
 * the week in the zones furthest east (+14 h) and west (-12 h) land on the right day, and those
 * a second outside it stay out. */
static void the_week_keeps_its_edges_in_every_time_zone(void **state)
{
	static const char answers[2][CHECKIN_ANSWER_MAX + 1] = {"calm", "tense"};
	const int64_t today = 20454, first = today - 6;
	const struct {
		int64_t local_s;
		int offset_min;
		int64_t ran_ms;
	} rows[] = {
		{first * 86400, 840, 1000},            /* the first second of the week, far east */
		{first * 86400 - 1, 840, 2000},        /* a second before it: out */
		{(today + 1) * 86400 - 1, -720, 4000}, /* the last second of the week, far west */
		{(today + 1) * 86400, -720, 8000},     /* a second after it: out */
		{first * 86400, -720, 16000},          /* the first second, far west */
		{(today + 1) * 86400 - 1, 840, 32000}, /* the last second, far east */
	};
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_SETTLE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct history_week week;
	char path[PATH_MAX], msg[256];
	struct eventlog *log;

	start_session(&start, "resonance", 300000);
	path_in(state, "edges.db", path);
	log = open_ok(path);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct wall_stamp when = stamp_at(0);

		when.utc_s = rows[i].local_s - rows[i].offset_min * 60;
		when.utc_offset_min = rows[i].offset_min;
		stop_session(&end, SESSION_ENDED_EARLY, rows[i].ran_ms);
		append_ok(log, &start, "main", &when);
		append_ok(log, &end, "main", &when);
	}
	assert_int_equal(eventlog_week(log, today, NULL, answers, 2, &week, msg, sizeof(msg)), 0);
	assert_int_equal(week.days[0].breathed_ms, 1000 + 16000);
	assert_int_equal(week.days[6].breathed_ms, 4000 + 32000);
	for (int d = 1; d < 6; d++)
		assert_int_equal(week.days[d].breathed_ms, 0);
	eventlog_close(log);
}

/* A Pi with no real-time clock boots at a stale time: its rows until the clock is set (by hand
 * here, or synchronised) are stamped wrong. The week puts them on the day they really happened,
 * from the boot's first trustworthy stamp and the monotonic time between, both ways: a row
 * stamped in 1970 that belongs in the week, and a row stamped inside the week that does not. */
static void the_week_dates_rows_from_before_the_clock_was_set(void **state)
{
	static const char answers[2][CHECKIN_ANSWER_MAX + 1] = {"calm", "tense"};
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_SETTLE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct device_report set =
		by_device(ACTION_CLOCK_SET, SCREEN_CLOCKSET, SCREEN_CLOCKSET, "set");
	struct prompt shown = {.id = "trust-tiny-promise", .pathway = PATHWAY_TRUST};
	struct device_report prompt = by_device(ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT, "x");
	/* 2026-01-01 00:01:40 UTC is local day 20454 at +60 min: today. */
	const int64_t today = 20454;
	struct wall_stamp stale = stamp_at(100), ahead = stamp_at(100), setting = stamp_at(100);
	struct history_week week;
	char path[PATH_MAX], msg[256];
	struct eventlog *log;

	start_session(&start, "resonance", 300000);
	prompt.prompt = &shown;
	path_in(state, "stale.db", path);
	log = open_ok(path);
	/* Boot "stale": started in 1970; two days and an hour of monotonic time later the clock is
	 * set by hand to today's 00:01:40 UTC. A session and a prompt at its start really were two
	 * days and an hour earlier: local day 20452. */
	snprintf(stale.boot_id, sizeof(stale.boot_id), "stale");
	stale.synced = false;
	stale.utc_s = 86400 + 5;
	stale.mono_ms = 5000;
	stop_session(&end, SESSION_ENDED_EARLY, 60000);
	append_ok(log, &start, "main", &stale);
	append_ok(log, &end, "main", &stale);
	append_ok(log, &prompt, NULL, &stale);
	setting = stale;
	setting.utc_s = 1767225600 + 100;
	setting.mono_ms = 5000 + (2 * 86400 + 3600) * 1000LL;
	set.clock_changed = true;
	set.clock = (struct clock_result){CLOCK_OUTCOME_SET, 86400 + 5 + 2 * 86400 + 3600,
					  setting.utc_s};
	append_ok(log, &set, NULL, &setting);
	/* Boot "ahead": its stale clock said today, but a sync 20 days of monotonic time later,
	 * an hour after that stamp, says that session was 20 days ago: not in the week. The
	 * prompt shown at the sync is today. */
	snprintf(ahead.boot_id, sizeof(ahead.boot_id), "ahead");
	ahead.synced = false;
	ahead.mono_ms = 1000;
	stop_session(&end, SESSION_ENDED_EARLY, 4000);
	append_ok(log, &start, "main", &ahead);
	append_ok(log, &end, "main", &ahead);
	ahead.synced = true;
	ahead.utc_s = 1767225600 + 100 + 3600;
	ahead.mono_ms = 1000 + 20 * 86400 * 1000LL;
	append_ok(log, &prompt, NULL, &ahead);
	/* Today, on a synchronised clock: as stamped. */
	stop_session(&end, SESSION_ENDED_EARLY, 2000);
	{
		struct wall_stamp now = stamp_at(200);

		append_ok(log, &start, "main", &now);
		append_ok(log, &end, "main", &now);
	}

	assert_int_equal(eventlog_week(log, today, NULL, answers, 2, &week, msg, sizeof(msg)), 0);
	assert_int_equal(week.days[4].breathed_ms, 60000);
	assert_int_equal(week.days[4].prompts, 1);
	assert_int_equal(week.days[6].breathed_ms, 2000);
	assert_int_equal(week.days[6].prompts, 1);
	for (int d = 0; d < HISTORY_DAYS; d++)
		if (d != 4 && d != 6)
			assert_int_equal(week.days[d].breathed_ms + week.days[d].prompts, 0);
	/* The week two days and an hour later by the stale clock's own stamps holds nothing. */
	assert_int_equal(eventlog_week(log, 1, NULL, answers, 2, &week, msg, sizeof(msg)), 0);
	for (int d = 0; d < HISTORY_DAYS; d++)
		assert_int_equal(week.days[d].breathed_ms + week.days[d].prompts, 0);
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* A schema 5 file's rows get their boots when it is brought to schema 6: a boot set by hand
 * after its stale start has its anchor (the set) and the range of its stale stamps, a boot
 * never right only its range, a synchronised boot only its anchor; and the week then dates
 * the stale rows. */
static void schema_6_finds_the_boots_of_the_rows_there_are(void **state)
{
	static const char answers[2][CHECKIN_ANSWER_MAX + 1] = {"calm", "tense"};
	struct history_week week;
	char path[PATH_MAX], msg[256];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "v5.db", path);
	log = open_ok(path);
	eventlog_close(log);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db,
		"DROP TABLE boots; DROP TRIGGER presses_boots; DROP TRIGGER sessions_boots; "
		"DROP TRIGGER prompts_shown_boots; DROP TRIGGER clock_changes_boots; "
		"PRAGMA user_version = 5;"
		"INSERT INTO sessions(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, "
		"pattern, planned_ms, actual_ms, ended) VALUES "
		"(86405, 60, 5000, 'stale', 0, 'resonance', 300000, 60000, 'completed'),"
		"(86465, 60, 65000, 'stale', 0, 'resonance', 300000, 1000, 'completed'),"
		"(500, 0, 1000, 'never', 0, 'resonance', 300000, 1, 'completed'),"
		"(1767225000, 60, 9000, 'synced', 1, 'resonance', 300000, 2000, 'completed');"
		"INSERT INTO clock_changes(wall_utc, utc_offset_min, mono_ms, boot_id, "
		"clock_synced, from_utc, to_utc, outcome) VALUES "
		"(1767225700, 60, 176405000, 'stale', 0, 262805, 1767225700, 'set');");
	sqlite3_close(db);
	log = open_ok(path);
	db = reader(path);
	assert_sql_text(db,
			"SELECT group_concat(boot_id || '|' || ifnull(anchor_wall, '-') || '|' || "
			"ifnull(anchor_mono, '-') || '|' || ifnull(stale_from, '-') || '|' || "
			"ifnull(stale_to, '-'), ' ') FROM (SELECT * FROM boots ORDER BY boot_id)",
			"never|-|-|500|500 stale|1767225700|176405000|86405|86465 "
			"synced|1767225000|9000|-|-");
	sqlite3_close(db);
	/* 2026-01-01, local day 20454: the stale sessions were two days and an hour before the
	 * set (day 20452); the synchronised one was that day. */
	assert_int_equal(eventlog_week(log, 20454, NULL, answers, 2, &week, msg, sizeof(msg)), 0);
	assert_int_equal(week.days[4].breathed_ms, 61000);
	assert_int_equal(week.days[6].breathed_ms, 2000);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void one_report_can_end_a_session_and_start_the_next(void **state)
{
	struct device_report first =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct device_report again =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_BREATHE, SCREEN_BREATHE);
	struct wall_stamp t0 = stamp_at(0), t1 = stamp_at(30);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&first, "box", 60000);
	stop_session(&again, SESSION_ENDED_EARLY, 30000);
	start_session(&again, "box", 60000);
	path_in(state, "restart.db", path);
	log = open_ok(path);
	append_ok(log, &first, "left", &t0);
	append_ok(log, &again, "left", &t1);
	eventlog_close(log);

	db = reader(path);
	assert_sql_text(db,
			"SELECT group_concat(id || ':' || press_id || ':' || ended || ':' || "
			"ifnull(actual_ms, 'null'), ' ') FROM (SELECT * FROM sessions ORDER BY id)",
			"1:1:ended early:30000 2:2:running:null");
	sqlite3_close(db);
	assert_integrity_ok(path);
}

static void a_shown_prompt_gets_a_row(void **state)
{
	struct prompt shown = {.id = "safety-sit", .pathway = PATHWAY_SAFETY, .text = "Sit close."};
	struct prompt next = {.id = "trust-ask", .pathway = PATHWAY_TRUST, .text = "Ask."};
	struct device_report r = press(GESTURE_SHORT, ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT);
	struct device_report opened =
		by_device(ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT, "start");
	struct wall_stamp t0 = stamp_at(3), t1 = stamp_at(4);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	r.prompt = &shown;
	opened.prompt = &next;
	path_in(state, "prompt.db", path);
	log = open_ok(path);
	append_ok(log, &r, "middle", &t0);
	append_ok(log, &opened, NULL, &t1);
	eventlog_close(log);

	db = reader(path);
	assert_sql_text(
		db,
		"SELECT group_concat(ifnull(press_id, 'null') || '|' || wall_utc || '|' || "
		"utc_offset_min || '|' || mono_ms || '|' || boot_id || '|' || clock_synced || "
		"'|' || prompt_id, ' ') FROM (SELECT * FROM prompts_shown ORDER BY id)",
		"1|1767225603|60|8000|" BOOT_ID "|1|safety-sit "
		"null|1767225604|60|9000|" BOOT_ID "|1|trust-ask");
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 1);
	sqlite3_close(db);
	assert_integrity_ok(path);
}

static void a_clock_set_by_hand_gets_a_row_of_its_own(void **state)
{
	struct device_report confirm =
		press(GESTURE_LONG, ACTION_CLOCK_CONFIRM, SCREEN_CLOCKSET, SCREEN_CLOCKSET);
	struct device_report set =
		by_device(ACTION_CLOCK_SET, SCREEN_CLOCKSET, SCREEN_CLOCKSET, "set");
	struct device_report refused =
		by_device(ACTION_CLOCK_SET, SCREEN_CLOCKSET, SCREEN_CLOCKSET, "refused");
	struct wall_stamp t0 = stamp_at(1), t1 = stamp_at(2), t2 = stamp_at(3);
	char path[PATH_MAX];
	struct eventlog *log;
	struct eventlog_counts counts;
	char msg[512] = "";
	sqlite3 *db;

	set.clock_changed = true;
	set.clock = (struct clock_result){CLOCK_OUTCOME_SET, 86400, 1767225602};
	refused.clock_changed = true;
	refused.clock = (struct clock_result){CLOCK_OUTCOME_REFUSED, 1767225603, 1767225700};
	t0.synced = t1.synced = t2.synced = false;
	path_in(state, "clock.db", path);
	log = open_ok(path);
	append_ok(log, &confirm, "main", &t0);
	append_ok(log, &set, NULL, &t1);
	append_ok(log, &refused, NULL, &t2);
	db = reader(path);
	assert_sql_text(db,
			"SELECT group_concat(wall_utc || '|' || mono_ms || '|' || clock_synced || "
			"'|' || from_utc || '|' || to_utc || '|' || outcome, ' ') FROM "
			"(SELECT * FROM clock_changes ORDER BY id)",
			"1767225602|7000|0|86400|1767225602|set "
			"1767225603|8000|0|1767225603|1767225700|refused");
	assert_sql_text(db, "SELECT action || '|' || screen FROM presses", "clockconfirm|clockset");
	sqlite3_close(db);
	/* A restart in the same boot still knows the clock was set by hand; another boot not. */
	assert_int_equal(eventlog_clock_set_in_boot(log, BOOT_ID, msg, sizeof(msg)), 1);
	assert_int_equal(eventlog_clock_set_in_boot(log, "another-boot", msg, sizeof(msg)), 0);
	/* Forgetting takes them with the rest. */
	assert_int_equal(eventlog_forget(log, 1767225603, false, false, &counts, msg, sizeof(msg)),
			 0);
	assert_int_equal(counts.clock_changes, 1);
	assert_int_equal(counts.presses, 1);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void a_device_report_writes_no_press_row(void **state)
{
	struct device_report start =
		by_device(ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE, "start");
	struct device_report done =
		by_device(ACTION_AMBIENT, SCREEN_BREATHE, SCREEN_AMBIENT, "session complete");
	struct device_report idle =
		by_device(ACTION_AMBIENT, SCREEN_PROMPT, SCREEN_AMBIENT, "idle");
	struct wall_stamp t0 = stamp_at(0), t1 = stamp_at(60), t2 = stamp_at(90);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, NULL, 60000);
	stop_session(&done, SESSION_COMPLETED, 60000);
	path_in(state, "device.db", path);
	log = open_ok(path);
	append_ok(log, &start, NULL, &t0);
	append_ok(log, &done, NULL, &t1);
	/* Nothing to record at all is still a successful, empty transaction. */
	append_ok(log, &idle, NULL, &t2);
	eventlog_close(log);

	db = reader(path);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 0);
	/* Without a pattern name the row still says something rather than nothing. */
	assert_sql_text(db,
			"SELECT ifnull(press_id, 'null') || '|' || pattern || '|' || planned_ms || "
			"'|' || actual_ms || '|' || ended || '|' || ended_wall_utc FROM sessions",
			"null|unknown|60000|60000|completed|1767225660");
	sqlite3_close(db);
	assert_integrity_ok(path);
}

static void reopening_keeps_rows_and_interrupts_a_running_session(void **state)
{
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct wall_stamp t0 = stamp_at(0), t1 = stamp_at(20);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, "4-7-8", 300000);
	stop_session(&end, SESSION_ENDED_EARLY, 20000);
	path_in(state, "reopen.db", path);
	log = open_ok(path);
	append_ok(log, &start, "left", &t0);
	eventlog_close(log); /* as if the power went, mid-session */

	log = open_ok(path);
	db = reader(path);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 1);
	assert_sql_text(db, "SELECT ended || '|' || ifnull(actual_ms, 'null') FROM sessions",
			"interrupted|null");
	/* A stop for a session this run did not start is recorded as a press and nothing more. */
	append_ok(log, &end, "left", &t1);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 2);
	assert_sql_text(db,
			"SELECT ended || '|' || ifnull(actual_ms, 'null') || '|' || "
			"ifnull(ended_wall_utc, 'null') FROM sessions",
			"interrupted|null|null");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* How many files in the folder are named "<base>.damaged-*" (sidecars aside); found gets the
 * last one's path. */
static int count_damaged(void **state, const char *base, char found[PATH_MAX])
{
	char prefix[128];
	struct dirent *e;
	DIR *d = opendir(*state);
	int n = 0;

	assert_non_null(d);
	snprintf(prefix, sizeof(prefix), "%s.damaged-", base);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		if (len > 4 && (strcmp(e->d_name + len - 4, "-wal") == 0 ||
				strcmp(e->d_name + len - 4, "-shm") == 0))
			continue;
		path_in(state, e->d_name, found);
		n++;
	}
	closedir(d);
	return n;
}

static void garbage_is_moved_aside_and_a_new_log_started(void **state)
{
	struct device_report r = press(GESTURE_SHORT, ACTION_NONE, SCREEN_AMBIENT, SCREEN_AMBIENT);
	struct wall_stamp when = stamp_at(1);
	char garbage[4096], wal[100];
	char path[PATH_MAX], wal_path[PATH_MAX], aside[PATH_MAX], aside_wal[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";
	sqlite3 *db;

	for (size_t i = 0; i < sizeof(garbage); i++)
		garbage[i] = "not a database, just a shopping list\n"[i % 37];
	memset(wal, 0x5a, sizeof(wal));
	path_in(state, "garbage.db", path);
	write_bytes(path, garbage, sizeof(garbage));
	/* A -wal beside it belongs to it and must go with it, or a new log would replay it. */
	join(wal_path, path, "-wal");
	write_bytes(wal_path, wal, sizeof(wal));

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_MOVED_ASIDE);
	assert_non_null(log);
	assert_int_equal(count_damaged(state, "garbage.db", aside), 1);
	assert_non_null(strstr(msg, aside));
	assert_same_bytes(aside, garbage, sizeof(garbage));
	join(aside_wal, aside, "-wal");
	assert_same_bytes(aside_wal, wal, sizeof(wal));

	/* The new log works. */
	append_ok(log, &r, "left", &when);
	eventlog_close(log);
	assert_false(exists(wal_path)); /* only the new log's own WAL was there, checkpointed */
	db = reader(path);
	assert_int_equal(int_of(db, "PRAGMA user_version"), EVENTLOG_SCHEMA_VERSION);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 1);
	sqlite3_close(db);
	assert_integrity_ok(path);
}

static void a_damaged_name_already_taken_is_never_overwritten(void **state)
{
	const char keep[] = "an earlier damaged log, to be kept";
	const char garbage[] = "garbage garbage garbage garbage garbage garbage garbage garbage!";
	char path[PATH_MAX], taken[PATH_MAX], stamp[32];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";
	time_t now = time(NULL);

	path_in(state, "taken.db", path);
	write_bytes(path, garbage, sizeof(garbage));
	/* Occupy the names for the next few seconds, so the move has to pick a "-2". */
	for (int s = 0; s < 5; s++) {
		time_t t = now + s;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(stamp, sizeof(stamp), ".damaged-%Y%m%d-%H%M%S", &tm);
		join(taken, path, stamp);
		write_bytes(taken, keep, sizeof(keep));
	}

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_MOVED_ASIDE);
	eventlog_close(log);
	assert_non_null(strstr(msg, "-2'"));
	for (int s = 0; s < 5; s++) {
		time_t t = now + s;
		struct tm tm;
		char moved[PATH_MAX];

		gmtime_r(&t, &tm);
		strftime(stamp, sizeof(stamp), ".damaged-%Y%m%d-%H%M%S", &tm);
		join(taken, path, stamp);
		assert_same_bytes(taken, keep, sizeof(keep));
		join(moved, taken, "-2");
		if (strstr(msg, moved))
			assert_same_bytes(moved, garbage, sizeof(garbage));
	}
	assert_integrity_ok(path);
}

static void a_corrupt_page_is_moved_aside(void **state)
{
	char path[PATH_MAX], aside[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";
	char page[4096];
	sqlite3 *db;
	FILE *f;

	path_in(state, "corrupt.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "PRAGMA page_size = 4096; CREATE TABLE t(x TEXT);"
		    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
		    "INSERT INTO t SELECT printf('row %d of many', i) FROM n;");
	sqlite3_close(db);
	/* A valid header, but page 2 (the table's root) scribbled over, as a bad SD card might. */
	memset(page, 0xff, sizeof(page));
	f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, 4096, SEEK_SET), 0);
	assert_int_equal(fwrite(page, 1, sizeof(page), f), sizeof(page));
	fclose(f);

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_MOVED_ASIDE);
	eventlog_close(log);
	assert_int_equal(count_damaged(state, "corrupt.db", aside), 1);
	assert_non_null(strstr(msg, aside));
	assert_integrity_ok(path);
}

static void a_newer_schema_is_refused_and_left_untouched(void **state)
{
	char path[PATH_MAX], wal_path[PATH_MAX], found[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";
	size_t len;
	char *before;
	sqlite3 *db;

	path_in(state, "newer.db", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	run_sql(db, "CREATE TABLE presses(id INTEGER PRIMARY KEY, whatever TEXT);"
		    "INSERT INTO presses(whatever) VALUES ('from the future');"
		    "PRAGMA user_version = 99;");
	sqlite3_close(db);
	before = read_bytes(path, &len);

	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_FAILED);
	assert_null(log);
	assert_non_null(strstr(msg, path));
	assert_non_null(strstr(msg, "newer calm-prompt (schema 99, this build knows 6)"));
	assert_same_bytes(path, before, len);
	join(wal_path, path, "-wal");
	assert_false(exists(wal_path));
	assert_int_equal(count_damaged(state, "newer.db", found), 0);
	free(before);
	assert_integrity_ok(path);
}

static void a_missing_folder_fails_naming_the_path(void **state)
{
	char path[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";

	path_in(state, "no-such-folder/events.db", path);
	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_FAILED);
	assert_null(log);
	assert_non_null(strstr(msg, path));
	assert_false(exists(path));
}

static void a_path_that_is_a_folder_is_not_moved_aside(void **state)
{
	char path[PATH_MAX], found[PATH_MAX];
	struct eventlog *log = NULL;
	char msg[PATH_MAX + 512] = "";

	path_in(state, "occupied", path);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(eventlog_open(path, &log, msg, sizeof(msg)), EVENTLOG_FAILED);
	assert_null(log);
	assert_non_null(strstr(msg, path));
	assert_int_equal(count_damaged(state, "occupied", found), 0);
}

static void committed_rows_are_visible_to_another_connection_at_once(void **state)
{
	struct device_report r = press(GESTURE_SHORT, ACTION_NONE, SCREEN_AMBIENT, SCREEN_AMBIENT);
	char path[PATH_MAX];
	struct eventlog *log;
	sqlite3 *db;

	path_in(state, "visible.db", path);
	log = open_ok(path);
	db = reader(path);
	for (int i = 1; i <= 3; i++) {
		struct wall_stamp when = stamp_at(i);
		char sql[64];

		append_ok(log, &r, "left", &when);
		/* Committed on return: no close, no checkpoint, no later call needed. */
		assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), i);
		snprintf(sql, sizeof(sql), "SELECT wall_utc FROM presses WHERE id = %d", i);
		assert_int_equal(int_of(db, sql), 1767225600 + i);
	}
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void a_busy_file_fails_one_append_and_the_log_carries_on(void **state)
{
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct wall_stamp t0 = stamp_at(0), t1 = stamp_at(10), t2 = stamp_at(12);
	char path[PATH_MAX];
	char msg[512] = "";
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, "box", 60000);
	stop_session(&end, SESSION_ENDED_EARLY, 12000);
	path_in(state, "busy.db", path);
	log = open_ok(path);
	append_ok(log, &start, "left", &t0);

	/* Someone else holds the write lock past the busy timeout. */
	db = reader(path);
	run_sql(db, "BEGIN IMMEDIATE");
	assert_int_equal(eventlog_append(log, &end, "left", &t1, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "locked"));
	run_sql(db, "ROLLBACK");

	/* The failed report left nothing; the session it would have ended can still end. */
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 1);
	append_ok(log, &end, "left", &t2);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 2);
	assert_sql_text(db,
			"SELECT actual_ms || '|' || ended || '|' || ended_wall_utc FROM sessions",
			"12000|ended early|1767225612");
	sqlite3_close(db);
	eventlog_close(log);
	assert_integrity_ok(path);
}

/* ---- forgetting, and opening for the household's own commands ---- */

static void forget_counts_first_and_deletes_only_when_asked(void **state)
{
	struct prompt shown = {.id = "trust-ask", .pathway = PATHWAY_TRUST, .text = "Ask."};
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct device_report end = press(GESTURE_SHORT, ACTION_END, SCREEN_BREATHE, SCREEN_AMBIENT);
	struct device_report opened =
		by_device(ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT, "idle");
	struct wall_stamp t0 = stamp_at(0), t1 = stamp_at(60), t2 = stamp_at(100),
			  t3 = stamp_at(200);
	struct eventlog_counts counts;
	char path[PATH_MAX], msg[512] = "";
	struct eventlog *log;
	sqlite3 *db;

	start_session(&start, "box", 60000);
	stop_session(&end, SESSION_ENDED_EARLY, 60000);
	opened.prompt = &shown;
	path_in(state, "forget.db", path);
	log = open_ok(path);
	append_ok(log, &start, "main", &t0); /* a press and a session at 0 */
	append_ok(log, &end, "main", &t1);   /* a press at 60 */
	append_ok(log, &opened, NULL, &t2);  /* a prompt at 100 */
	append_ok(log, &start, "main", &t3); /* a press and a session at 200 */

	/* A dry run counts what is strictly before the moment, and changes nothing. */
	assert_int_equal(eventlog_forget(log, t2.utc_s, true, false, &counts, msg, sizeof(msg)), 0);
	assert_int_equal(counts.presses, 2);
	assert_int_equal(counts.sessions, 1);
	assert_int_equal(counts.prompts_shown, 0);
	db = reader(path);
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses"), 3);

	assert_int_equal(
		eventlog_forget(log, t2.utc_s + 1, false, false, &counts, msg, sizeof(msg)), 0);
	assert_int_equal(counts.presses, 2);
	assert_int_equal(counts.sessions, 1);
	assert_int_equal(counts.prompts_shown, 1);
	assert_sql_text(
		db,
		"SELECT (SELECT group_concat(wall_utc - 1767225600) FROM presses) || '/' || "
		"(SELECT group_concat(wall_utc - 1767225600) FROM sessions) || '/' || "
		"(SELECT count(*) FROM prompts_shown)",
		"200/200/0");
	sqlite3_close(db);

	/* Nothing before: nothing to do, and no trouble. */
	assert_int_equal(eventlog_forget(log, 0, false, false, &counts, msg, sizeof(msg)), 0);
	assert_int_equal(counts.presses + counts.sessions + counts.prompts_shown, 0);
	eventlog_close(log);
	assert_integrity_ok(path);
}

static void forgotten_text_is_gone_from_the_file(void **state)
{
	struct prompt secret = {
		.id = "repair-secret-words", .pathway = PATHWAY_REPAIR, .text = "."};
	struct device_report r = by_device(ACTION_PROMPT, SCREEN_AMBIENT, SCREEN_PROMPT, "idle");
	struct wall_stamp t0 = stamp_at(0);
	struct eventlog_counts counts;
	char path[PATH_MAX], msg[512] = "";
	struct eventlog *log;
	size_t len;
	char *bytes;

	r.prompt = &secret;
	path_in(state, "secure.db", path);
	log = open_ok(path);
	append_ok(log, &r, NULL, &t0);
	eventlog_close(log); /* checkpointed into the main file */
	bytes = read_bytes(path, &len);
	assert_true(contains(bytes, len, "repair-secret-words"));
	free(bytes);

	assert_int_equal(eventlog_open_existing(path, &log, msg, sizeof(msg)), 0);
	assert_int_equal(
		eventlog_forget(log, t0.utc_s + 1, false, false, &counts, msg, sizeof(msg)), 0);
	assert_int_equal(counts.prompts_shown, 1);
	eventlog_close(log);
	bytes = read_bytes(path, &len);
	assert_false(contains(bytes, len, "repair-secret-words"));
	free(bytes);
	assert_integrity_ok(path);
}

static void open_existing_creates_and_changes_nothing(void **state)
{
	struct device_report start =
		press(GESTURE_SHORT, ACTION_BREATHE, SCREEN_AMBIENT, SCREEN_BREATHE);
	struct wall_stamp t0 = stamp_at(0);
	char path[PATH_MAX], empty[PATH_MAX], newer[PATH_MAX];
	char msg[PATH_MAX + 512] = "";
	struct eventlog *app, *cli = NULL;
	sqlite3 *db;

	start_session(&start, "box", 60000);
	path_in(state, "no-such.db", path);
	assert_int_equal(eventlog_open_existing(path, &cli, msg, sizeof(msg)), -1);
	assert_null(cli);
	assert_non_null(strstr(msg, path));
	assert_false(exists(path));

	path_in(state, "zero.db", empty);
	write_bytes(empty, "", 0);
	assert_int_equal(eventlog_open_existing(empty, &cli, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "not a calm-prompt event log (schema 0)"));

	path_in(state, "newer2.db", newer);
	assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
	run_sql(db, "PRAGMA user_version = 7");
	sqlite3_close(db);
	assert_int_equal(eventlog_open_existing(newer, &cli, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "newer calm-prompt (schema 7, this build knows 6)"));

	/* While the app has a session running, the household's command leaves it running. */
	path_in(state, "shared.db", path);
	app = open_ok(path);
	append_ok(app, &start, "main", &t0);
	assert_int_equal(eventlog_open_existing(path, &cli, msg, sizeof(msg)), 0);
	assert_non_null(cli);
	eventlog_close(cli);
	db = reader(path);
	assert_sql_text(db, "SELECT ended FROM sessions", "running");
	sqlite3_close(db);
	eventlog_close(app);
}

static void the_path_is_the_option_then_the_config_then_the_default(void **state)
{
	char out[PATH_MAX], msg[256];
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	(void)state;

	assert_int_equal(
		eventlog_choose_path("/a/b.db", "/c/d.db", out, sizeof(out), msg, sizeof(msg)), 0);
	assert_string_equal(out, "/a/b.db");
	assert_int_equal(eventlog_choose_path(NULL, "/c/d.db", out, sizeof(out), msg, sizeof(msg)),
			 0);
	assert_string_equal(out, "/c/d.db");
	unsetenv("STATE_DIRECTORY");
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/someone", 1);
	assert_int_equal(eventlog_choose_path(NULL, "", out, sizeof(out), msg, sizeof(msg)), 0);
	assert_string_equal(out, "/home/someone/.local/state/calm-prompt/events.db");
	setenv("STATE_DIRECTORY", "/var/lib/calm-prompt", 1);
	assert_int_equal(eventlog_choose_path(NULL, NULL, out, sizeof(out), msg, sizeof(msg)), 0);
	assert_string_equal(out, "/var/lib/calm-prompt/events.db");
	unsetenv("STATE_DIRECTORY");
	assert_int_equal(eventlog_choose_path("/much/too/long", NULL, out, 8, msg, sizeof(msg)),
			 -1);
	assert_non_null(strstr(msg, "too long"));
	if (home) {
		setenv("HOME", home, 1);
		free(home);
	}
}

/* ---- the stamps and fixed times the log relies on ---- */

static void set_tz(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void wallclock_stamp_is_sane(void **state)
{
	struct wall_stamp s;
	int64_t before = (int64_t)time(NULL);
	int64_t m0 = mono_now_ms();
	(void)state;

	wallclock_stamp(&s);
	assert_true(s.utc_s >= before && s.utc_s <= (int64_t)time(NULL));
	assert_true(s.mono_ms >= m0 && s.mono_ms <= mono_now_ms());
	/* A 36-character id, or the agreed word where /proc is unreadable. */
	assert_true(strlen(s.boot_id) == 36 || strcmp(s.boot_id, "unknown") == 0);
	assert_null(strchr(s.boot_id, '\n'));
}

static void wallclock_offset_follows_daylight_saving(void **state)
{
	(void)state;
	set_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	assert_int_equal(wallclock_offset_min(1768478400), 60);  /* 2026-01-15 */
	assert_int_equal(wallclock_offset_min(1782900000), 120); /* 2026-07-01 */
	set_tz("UTC0");
	assert_int_equal(wallclock_offset_min(1782900000), 0);
	set_tz(NULL);
}

static void wallclock_parses_fixed_times(void **state)
{
	char msg[200];
	int64_t t = 0;
	(void)state;

	set_tz("UTC0");
	/* now: 2026-03-10 12:34:56 */
	assert_int_equal(wallclock_parse_fixed("07:05", NULL, 1773146096, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1773126300);
	assert_int_equal(
		wallclock_parse_fixed(NULL, "2026-02-28", 1773146096, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1772282096);
	assert_int_equal(
		wallclock_parse_fixed("21:30", "2024-02-29", 1773146096, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1709242200);
	assert_int_equal(wallclock_parse_fixed(NULL, NULL, 1773146096, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1773146096);

	/* Local time, with the DST of the day asked for, not of today. */
	set_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	assert_int_equal(wallclock_parse_fixed("06:30", NULL, 1768478400, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1768455000);
	assert_int_equal(
		wallclock_parse_fixed("12:00", "2026-07-01", 1768478400, &t, msg, sizeof(msg)), 0);
	assert_int_equal(t, 1782900000);
	set_tz(NULL);
}

static void wallclock_rejects_bad_fixed_times(void **state)
{
	static const char *const clocks[] = {"25:00", "24:00",  "12:60", "7:05", "07:5",
					     "07-05", "07:05 ", "",      "ab:cd"};
	static const char *const dates[] = {"2026-02-30", "2100-02-29", "2026-13-01",
					    "2026-00-10", "2026-04-31", "2026-2-3",
					    "26-02-03",   "2026/02/03", "2026-02-03x"};
	char msg[200], expected[200];
	int64_t t = 42;
	(void)state;

	for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		assert_int_equal(wallclock_parse_fixed(clocks[i], NULL, 0, &t, msg, sizeof(msg)),
				 -1);
		snprintf(expected, sizeof(expected),
			 "--clock '%s': expected HH:MM (00:00 to 23:59)", clocks[i]);
		assert_string_equal(msg, expected);
	}
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		assert_int_equal(wallclock_parse_fixed(NULL, dates[i], 0, &t, msg, sizeof(msg)),
				 -1);
		snprintf(expected, sizeof(expected),
			 "--date '%s': expected a real date as YYYY-MM-DD", dates[i]);
		assert_string_equal(msg, expected);
	}
	assert_int_equal(wallclock_parse_fixed(NULL, "1969-12-31", 0, &t, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "1970"));
	assert_int_equal(t, 42); /* untouched on failure */
}

int main(void)
{
	const struct CMUnitTest log_tests[] = {
		cmocka_unit_test(creates_a_wal_file_at_schema_2),
		cmocka_unit_test(an_empty_file_at_schema_0_is_migrated_to_2),
		cmocka_unit_test(a_schema_1_file_is_migrated_with_its_rows_kept),
		cmocka_unit_test(a_failed_migration_step_leaves_the_file_at_its_version),
		cmocka_unit_test(the_member_column_stays_null),
		cmocka_unit_test(close_accepts_null),
		cmocka_unit_test(a_press_row_records_every_column),
		cmocka_unit_test(a_session_is_started_and_ended_early_by_presses),
		cmocka_unit_test(one_report_can_end_a_session_and_start_the_next),
		cmocka_unit_test(checkin_answers_and_a_new_length_go_to_the_session),
		cmocka_unit_test(a_schema_2_file_gets_the_checkin_columns),
		cmocka_unit_test(a_schema_3_file_gets_the_source_column),
		cmocka_unit_test(the_week_sums_each_day_and_each_member),
		cmocka_unit_test(the_week_keeps_its_edges_in_every_time_zone),
		cmocka_unit_test(the_week_dates_rows_from_before_the_clock_was_set),
		cmocka_unit_test(schema_6_finds_the_boots_of_the_rows_there_are),
		cmocka_unit_test(a_shown_prompt_gets_a_row),
		cmocka_unit_test(a_device_report_writes_no_press_row),
		cmocka_unit_test(a_clock_set_by_hand_gets_a_row_of_its_own),
		cmocka_unit_test(reopening_keeps_rows_and_interrupts_a_running_session),
		cmocka_unit_test(garbage_is_moved_aside_and_a_new_log_started),
		cmocka_unit_test(a_damaged_name_already_taken_is_never_overwritten),
		cmocka_unit_test(a_corrupt_page_is_moved_aside),
		cmocka_unit_test(a_newer_schema_is_refused_and_left_untouched),
		cmocka_unit_test(a_missing_folder_fails_naming_the_path),
		cmocka_unit_test(a_path_that_is_a_folder_is_not_moved_aside),
		cmocka_unit_test(committed_rows_are_visible_to_another_connection_at_once),
		cmocka_unit_test(a_busy_file_fails_one_append_and_the_log_carries_on),
		cmocka_unit_test(forget_counts_first_and_deletes_only_when_asked),
		cmocka_unit_test(forgotten_text_is_gone_from_the_file),
		cmocka_unit_test(open_existing_creates_and_changes_nothing),
		cmocka_unit_test(the_path_is_the_option_then_the_config_then_the_default),
	};
	const struct CMUnitTest wallclock_tests[] = {
		cmocka_unit_test(wallclock_stamp_is_sane),
		cmocka_unit_test(wallclock_offset_follows_daylight_saving),
		cmocka_unit_test(wallclock_parses_fixed_times),
		cmocka_unit_test(wallclock_rejects_bad_fixed_times),
	};
	int failed = cmocka_run_group_tests_name("eventlog", log_tests, make_dir, remove_dir);

	return failed + cmocka_run_group_tests_name("wallclock", wallclock_tests, NULL, NULL);
}
