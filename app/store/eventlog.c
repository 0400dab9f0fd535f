/* SPDX-License-Identifier: MIT */
/* The event log in SQLite: schema migrations, moving damaged files aside, one transaction per
 * report. */
#include "eventlog.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "paths.h"
#include "stamps.h"

/* Long enough to ride out a backup or a sqlite3 shell reading the file, short enough that a
 * press still feels answered. */
#define BUSY_TIMEOUT_MS 2000

/* Schema 6's trigger on a stamped table: a row trusted (the condition) may be its boot's new
 * anchor; a row not trusted, stamped before the anchor, widens its boot's stale range. Part of
 * a shipped migration: never edit. */
#define BOOT_TRIGGER(table, trusted)                                                               \
	"CREATE TRIGGER " table "_boots AFTER INSERT ON " table " BEGIN "                          \
	"INSERT OR IGNORE INTO boots(boot_id) VALUES (NEW.boot_id);"                               \
	"UPDATE boots SET "                                                                        \
	"anchor_wall = CASE WHEN " trusted " AND (anchor_mono IS NULL OR NEW.mono_ms < "           \
	"anchor_mono) THEN NEW.wall_utc ELSE anchor_wall END, "                                    \
	"anchor_mono = CASE WHEN " trusted " AND (anchor_mono IS NULL OR NEW.mono_ms < "           \
	"anchor_mono) THEN NEW.mono_ms ELSE anchor_mono END, "                                     \
	"stale_from = CASE WHEN NOT " trusted " AND (anchor_mono IS NULL OR NEW.mono_ms < "        \
	"anchor_mono) THEN min(ifnull(stale_from, NEW.wall_utc), NEW.wall_utc) ELSE stale_from "   \
	"END, "                                                                                    \
	"stale_to = CASE WHEN NOT " trusted " AND (anchor_mono IS NULL OR NEW.mono_ms < "          \
	"anchor_mono) THEN max(ifnull(stale_to, NEW.wall_utc), NEW.wall_utc) ELSE stale_to END "   \
	"WHERE boot_id = NEW.boot_id; END;"

/* migrations[v] takes a file from schema v to v + 1. Append a step for each new version; never
 * edit one that has shipped, since files in the field have already run it. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE presses("
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
	"CREATE INDEX prompts_shown_wall_utc ON prompts_shown(wall_utc);",
	/* 1 -> 2: the household member a row belongs to (NULL: nobody chosen). ADD COLUMN with
	 * no default rewrites no rows: old rows read as NULL. */
	"ALTER TABLE presses ADD COLUMN member TEXT;"
	"ALTER TABLE sessions ADD COLUMN member TEXT;"
	"ALTER TABLE prompts_shown ADD COLUMN member TEXT;",
	/* 2 -> 3: the before/after check-in answers of a session (in parentheses: one step of
	 * two statements, not two steps missing a comma) */
	("ALTER TABLE sessions ADD COLUMN checkin_before TEXT;"
	 "ALTER TABLE sessions ADD COLUMN checkin_after TEXT;"),
	/* 3 -> 4: where a press came from: "gpio", a key's name, "touch" (NULL: not known, as in
	 * every older row) */
	"ALTER TABLE presses ADD COLUMN source TEXT;",
	/* 4 -> 5: the wall clock set by hand, from what to what, and how it went ('set',
	 * 'refused', 'automatic', 'unavailable'); stamped after the attempt */
	("CREATE TABLE clock_changes("
	 "  id INTEGER PRIMARY KEY,"
	 "  wall_utc INTEGER NOT NULL,"
	 "  utc_offset_min INTEGER NOT NULL,"
	 "  mono_ms INTEGER NOT NULL,"
	 "  boot_id TEXT NOT NULL,"
	 "  clock_synced INTEGER NOT NULL,"
	 "  from_utc INTEGER NOT NULL,"
	 "  to_utc INTEGER NOT NULL,"
	 "  outcome TEXT NOT NULL);"
	 "CREATE INDEX clock_changes_wall_utc ON clock_changes(wall_utc);"),
	/* 5 -> 6: each boot's anchor, its first trustworthy stamp (synchronised, or the clock
	 * set by hand), which dates the rows stamped before it; and the range of wall times
	 * stamped untrusted before it, where the index finds those rows. Kept by triggers, so
	 * every insert keeps it, however written; filled here from the rows there are. */
	/* clang-format off */
	("CREATE TABLE boots("
	 "  boot_id TEXT PRIMARY KEY,"
	 "  anchor_wall INTEGER,"
	 "  anchor_mono INTEGER,"
	 "  stale_from INTEGER,"
	 "  stale_to INTEGER);" BOOT_TRIGGER("presses", "NEW.clock_synced = 1")
		 BOOT_TRIGGER("sessions", "NEW.clock_synced = 1")
			 BOOT_TRIGGER("prompts_shown", "NEW.clock_synced = 1")
				 BOOT_TRIGGER("clock_changes",
					       "(NEW.clock_synced = 1 OR NEW.outcome = 'set')")
	 "INSERT INTO boots(boot_id, anchor_wall, anchor_mono) "
	 "SELECT boot_id, wall_utc, min(mono_ms) FROM ("
	 "  SELECT boot_id, wall_utc, mono_ms FROM presses WHERE clock_synced = 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM sessions WHERE clock_synced = 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM prompts_shown WHERE clock_synced = 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM clock_changes"
	 "    WHERE clock_synced = 1 OR outcome = 'set')"
	 "GROUP BY boot_id;"
	 "CREATE TEMP TABLE stale AS SELECT s.boot_id, min(s.wall_utc) AS lo, max(s.wall_utc) AS hi "
	 "FROM ("
	 "  SELECT boot_id, wall_utc, mono_ms FROM presses WHERE clock_synced != 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM sessions WHERE clock_synced != 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM prompts_shown WHERE clock_synced != 1"
	 "  UNION ALL SELECT boot_id, wall_utc, mono_ms FROM clock_changes"
	 "    WHERE clock_synced != 1 AND outcome != 'set') AS s "
	 "LEFT JOIN boots AS b ON b.boot_id = s.boot_id "
	 "WHERE b.anchor_mono IS NULL OR s.mono_ms < b.anchor_mono GROUP BY s.boot_id;"
	 "INSERT OR IGNORE INTO boots(boot_id) SELECT boot_id FROM temp.stale;"
	 "UPDATE boots SET stale_from = lo, stale_to = hi FROM temp.stale "
	 "WHERE boots.boot_id = stale.boot_id;"
	 "DROP TABLE temp.stale;"),
	/* clang-format on */
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == EVENTLOG_SCHEMA_VERSION,
	       "one migration step per schema version");

/* The statements eventlog_append needs, prepared once at open. Every row insert binds its
 * stamp as ?1 to ?5 (see bind_stamp). */
enum statement {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_INSERT_PRESS,
	STMT_STOP_SESSION,
	STMT_INSERT_SESSION,
	STMT_INSERT_PROMPT,
	STMT_CHECKIN_BEFORE,
	STMT_CHECKIN_AFTER,
	STMT_SESSION_LENGTH,
	STMT_INSERT_CLOCK,
	STMT_COUNT,
};

static const char *const statement_sql[STMT_COUNT] = {
	/* IMMEDIATE takes the write lock up front, so a busy file fails at BEGIN, not halfway. */
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_INSERT_PRESS] = "INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, boot_id, "
			      "clock_synced, button, gesture, action, screen, member, source) "
			      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[STMT_STOP_SESSION] = "UPDATE sessions SET actual_ms = ?1, ended = ?2, ended_wall_utc = ?3 "
			      "WHERE id = ?4 AND ended = 'running'",
	[STMT_INSERT_SESSION] = "INSERT INTO sessions(wall_utc, utc_offset_min, mono_ms, boot_id, "
				"clock_synced, press_id, pattern, planned_ms, member) "
				"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_INSERT_PROMPT] = "INSERT INTO prompts_shown(wall_utc, utc_offset_min, mono_ms, "
			       "boot_id, clock_synced, press_id, prompt_id, member) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_CHECKIN_BEFORE] = "UPDATE sessions SET checkin_before = ?1 WHERE id = ?2",
	[STMT_CHECKIN_AFTER] = "UPDATE sessions SET checkin_after = ?1 WHERE id = ?2",
	[STMT_SESSION_LENGTH] = "UPDATE sessions SET planned_ms = ?1 WHERE id = ?2 AND ended = "
				"'running'",
	[STMT_INSERT_CLOCK] = "INSERT INTO clock_changes(wall_utc, utc_offset_min, mono_ms, "
			      "boot_id, clock_synced, from_utc, to_utc, outcome) "
			      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

struct eventlog {
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT_COUNT];
	sqlite3_int64 session_id; /* the session row this log started last and has not seen stop;
				     0 when none (a session from before a restart is not ours) */
	sqlite3_int64 last_session_id; /* the session row this log started last, stopped or not:
					  the answer after a session goes there */
};

/* What to say of a file a newer build wrote: it is left exactly as it is. */
static void newer_schema(const char *path, int version, char *msg, size_t msg_len)
{
	snprintf(msg, msg_len,
		 "the event log '%s' was written by a newer calm-prompt (schema %d, this build "
		 "knows "
		 "%d); leaving it untouched",
		 path, version, EVENTLOG_SCHEMA_VERSION);
}

enum open_outcome {
	OUTCOME_READY,
	OUTCOME_DAMAGED, /* the file is not a database or is corrupt: move it aside */
	OUTCOME_FAILED,  /* anything else: leave the file alone */
};

/* Only these say the file itself is bad; busy, read-only or I/O errors say nothing about its
 * contents, and moving a good file aside over them would hide the household's history. */
static bool is_damage(int rc)
{
	int primary = rc & 0xff;

	return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

/* Runs sql and copies the first column of its first row into out ("" when there is none). */
static int query_text(sqlite3 *db, const char *sql, char *out, size_t out_len)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	out[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);

		snprintf(out, out_len, "%s", text ? (const char *)text : "");
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	/* finalize keeps the step's error message for the caller's sqlite3_errmsg. */
	sqlite3_finalize(stmt);
	return rc;
}

static int query_int(sqlite3 *db, const char *sql, int *out)
{
	char text[32];
	int rc = query_text(db, sql, text, sizeof(text));

	if (rc == SQLITE_OK)
		*out = atoi(text);
	return rc;
}

/* Brings the schema up to EVENTLOG_SCHEMA_VERSION, one transaction per step so a power cut
 * leaves the file at some whole version. On failure, detail gets SQLite's reason, taken before
 * the rollback replaces it. */
static int migrate(sqlite3 *db, char *detail, size_t detail_len)
{
	for (;;) {
		char bump[48];
		int version;
		int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

		if (rc != SQLITE_OK) {
			snprintf(detail, detail_len, "%s", sqlite3_errmsg(db));
			return rc;
		}
		/* Read again under the write lock: another process may have migrated meanwhile. */
		rc = query_int(db, "PRAGMA user_version", &version);
		if (rc != SQLITE_OK)
			goto err_rollback;
		if (version >= EVENTLOG_SCHEMA_VERSION) {
			rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				goto err_rollback;
			return SQLITE_OK;
		}
		rc = sqlite3_exec(db, migrations[version], NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			goto err_rollback;
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", version + 1);
		rc = sqlite3_exec(db, bump, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			goto err_rollback;
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			goto err_rollback;
		continue;

	err_rollback:
		snprintf(detail, detail_len, "%s", sqlite3_errmsg(db));
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
}

/* Opens path and makes it ready: checked, WAL, synchronous=FULL, migrated, earlier sessions
 * closed. On OUTCOME_DAMAGED, reason says what is wrong with the file; on OUTCOME_FAILED, msg
 * says why the log cannot be used. */
static enum open_outcome open_db(const char *path, sqlite3 **out, char *reason, size_t reason_len,
				 char *msg, size_t msg_len)
{
	enum open_outcome outcome;
	char detail[200] = ""; /* SQLite's reason, when a step saved it before errmsg changed */
	char text[200];
	const char *what;
	sqlite3 *db;
	int version;
	int rc;

	*out = NULL;
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (db == NULL) {
		snprintf(msg, msg_len, "cannot open the event log '%s': %s", path,
			 sqlite3_errstr(rc));
		return OUTCOME_FAILED;
	}
	if (rc != SQLITE_OK) {
		snprintf(msg, msg_len, "cannot open the event log '%s': %s", path,
			 sqlite3_errmsg(db));
		sqlite3_close(db);
		return OUTCOME_FAILED;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	rc = stamps_register(db);
	if (rc != SQLITE_OK) {
		snprintf(msg, msg_len, "cannot open the event log '%s': %s", path,
			 sqlite3_errmsg(db));
		sqlite3_close(db);
		return OUTCOME_FAILED;
	}
	/* Until the file has passed its checks, closing must not checkpoint: that would write a
	 * -wal into a file about to be moved aside or left alone, then delete the -wal. */
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);

	/* The first read of the header is where a file that is not a database shows. */
	what = "reading its schema version";
	rc = query_int(db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK)
		goto err_close_db;
	what = "checking it";
	rc = query_text(db, "PRAGMA quick_check", text, sizeof(text));
	if (rc != SQLITE_OK)
		goto err_close_db;
	if (strcmp(text, "ok") != 0) {
		/* SQLite's report spans lines; the journal wants one. */
		for (char *nl = strchr(text, '\n'); nl != NULL; nl = strchr(nl, '\n'))
			*nl = ' ';
		snprintf(reason, reason_len, "quick check: %s", text);
		sqlite3_close(db);
		return OUTCOME_DAMAGED;
	}
	/* Checked before anything writes, so a newer build's file is left exactly as it was. */
	if (version > EVENTLOG_SCHEMA_VERSION) {
		newer_schema(path, version, msg, msg_len);
		sqlite3_close(db);
		return OUTCOME_FAILED;
	}
	if (version < 0) {
		snprintf(msg, msg_len,
			 "the event log '%s' has schema version %d, which no calm-prompt "
			 "writes; leaving it untouched",
			 path, version);
		sqlite3_close(db);
		return OUTCOME_FAILED;
	}

	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);

	/* WAL with synchronous=FULL: a commit is on disk when COMMIT returns, and a power cut
	 * loses at most the transaction in flight, never the file. */
	what = "switching it to WAL mode";
	rc = query_text(db, "PRAGMA journal_mode=WAL", text, sizeof(text));
	if (rc != SQLITE_OK)
		goto err_close_db;
	if (strcmp(text, "wal") != 0) {
		snprintf(msg, msg_len,
			 "cannot use the event log '%s': WAL mode refused (mode is '%s')", path,
			 text);
		sqlite3_close(db);
		return OUTCOME_FAILED;
	}
	what = "setting synchronous=FULL";
	rc = sqlite3_exec(db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err_close_db;
	what = "creating or migrating its schema";
	rc = migrate(db, detail, sizeof(detail));
	if (rc != SQLITE_OK)
		goto err_close_db;

	/* A session still 'running' belongs to a run that stopped without ending it: a power cut
	 * or a crash. Its length is unknown, so it stays NULL. */
	what = "closing sessions of an earlier run";
	rc = sqlite3_exec(db, "UPDATE sessions SET ended = 'interrupted' WHERE ended = 'running'",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err_close_db;

	*out = db;
	return OUTCOME_READY;

err_close_db:
	if (detail[0] == '\0')
		snprintf(detail, sizeof(detail), "%s", sqlite3_errmsg(db));
	outcome = is_damage(rc) ? OUTCOME_DAMAGED : OUTCOME_FAILED;
	if (outcome == OUTCOME_DAMAGED)
		snprintf(reason, reason_len, "%s", detail);
	else
		snprintf(msg, msg_len, "cannot open the event log '%s': %s: %s", path, what,
			 detail);
	sqlite3_close(db);
	return outcome;
}

/* Whether path, or a -wal or -shm beside it, exists (or cannot be checked: then assume so). */
static bool name_taken(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char name[PATH_MAX];
	struct stat st;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
		if (lstat(name, &st) == 0 || errno != ENOENT)
			return true;
	}
	return false;
}

/* Renames path (and its -wal and -shm, which belong to it) to a free
 * "<path>.damaged-YYYYMMDD-HHMMSS[-N]", returned in aside. Never overwrites and never deletes:
 * the household's history may still be recoverable by hand. On failure, msg says why, with the
 * reason the file was found damaged. */
static int move_aside(const char *path, const char *reason, char aside[PATH_MAX], char *msg,
		      size_t msg_len)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char from[PATH_MAX], to[PATH_MAX];
	char stamp[32];
	time_t now = (time_t)(wall_now_ms() / 1000);
	struct tm tm;
	int n;

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof(stamp), "unknown-time");
	for (n = 1; n <= 1000; n++) {
		int len = n == 1 ? snprintf(aside, PATH_MAX, "%s.damaged-%s", path, stamp)
				 : snprintf(aside, PATH_MAX, "%s.damaged-%s-%d", path, stamp, n);

		/* Room for the "-wal" suffix too, or the sidecar names would be cut short. */
		if (len < 0 || (size_t)len + 5 > PATH_MAX) {
			snprintf(msg, msg_len,
				 "the event log '%s' is damaged (%s) and its path is too long to "
				 "move it aside",
				 path, reason);
			return -1;
		}
		if (!name_taken(aside))
			break;
	}
	if (n > 1000) {
		snprintf(msg, msg_len,
			 "the event log '%s' is damaged (%s) and no free name was left to move it "
			 "aside",
			 path, reason);
		return -1;
	}
	/* The main file first: a -wal left behind under the old name would be replayed into a new
	 * log, so a failure here stops before one is started. */
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		int err;

		snprintf(from, sizeof(from), "%s%s", path, suffixes[i]);
		snprintf(to, sizeof(to), "%s%s", aside, suffixes[i]);
		if (rename(from, to) == 0)
			continue;
		err = errno;
		if (i > 0 && err == ENOENT)
			continue;
		snprintf(msg, msg_len,
			 "the event log '%s' is damaged (%s) and moving '%s' to '%s' failed: %s",
			 path, reason, from, to, strerror(err));
		return -1;
	}
	return 0;
}

static int prepare_statements(struct eventlog *log, const char *path, char *msg, size_t msg_len)
{
	for (int i = 0; i < STMT_COUNT; i++) {
		if (sqlite3_prepare_v2(log->db, statement_sql[i], -1, &log->stmt[i], NULL) !=
		    SQLITE_OK) {
			snprintf(msg, msg_len,
				 "cannot open the event log '%s': preparing statements: %s", path,
				 sqlite3_errmsg(log->db));
			return -1;
		}
	}
	return 0;
}

enum eventlog_open_result eventlog_open(const char *path, struct eventlog **out, char *msg,
					size_t msg_len)
{
	enum eventlog_open_result result = EVENTLOG_OPENED;
	enum open_outcome outcome;
	struct eventlog *log;
	char aside[PATH_MAX];
	char reason[256]; /* room for a 200-character quick check line and its label */
	char fresh_reason[256];
	char fresh_msg[PATH_MAX + 300];

	*out = NULL;
	log = calloc(1, sizeof(*log));
	if (log == NULL) {
		snprintf(msg, msg_len, "cannot open the event log '%s': out of memory", path);
		return EVENTLOG_FAILED;
	}
	outcome = open_db(path, &log->db, reason, sizeof(reason), msg, msg_len);
	if (outcome == OUTCOME_DAMAGED) {
		if (move_aside(path, reason, aside, msg, msg_len) != 0)
			goto err_free_log;
		result = EVENTLOG_MOVED_ASIDE;
		/* A new file cannot be damaged; if it reads so, something else is wrong. */
		outcome = open_db(path, &log->db, fresh_reason, sizeof(fresh_reason), fresh_msg,
				  sizeof(fresh_msg));
		if (outcome != OUTCOME_READY) {
			snprintf(msg, msg_len,
				 "the event log '%s' was damaged (%s) and moved to '%s', but a new "
				 "one could not be started: %s",
				 path, reason, aside,
				 outcome == OUTCOME_DAMAGED ? fresh_reason : fresh_msg);
			goto err_free_log;
		}
		snprintf(msg, msg_len,
			 "the event log '%s' was damaged (%s); moved it to '%s' and started a new "
			 "one",
			 path, reason, aside);
	}
	if (outcome != OUTCOME_READY)
		goto err_free_log;

	if (prepare_statements(log, path, msg, msg_len) != 0)
		goto err_close_log;
	*out = log;
	return result;

err_close_log:
	eventlog_close(log);
	return EVENTLOG_FAILED;
err_free_log:
	free(log);
	return EVENTLOG_FAILED;
}

int eventlog_open_existing(const char *path, struct eventlog **out, char *msg, size_t msg_len)
{
	struct eventlog *log;
	int version;
	int rc;

	*out = NULL;
	log = calloc(1, sizeof(*log));
	if (log == NULL) {
		snprintf(msg, msg_len, "cannot open the event log '%s': out of memory", path);
		return -1;
	}
	/* No SQLITE_OPEN_CREATE: a mistyped --db must not leave an empty log behind. */
	rc = sqlite3_open_v2(path, &log->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(msg, msg_len, "cannot open the event log '%s': %s", path,
			 log->db ? sqlite3_errmsg(log->db) : sqlite3_errstr(rc));
		goto err_close_log;
	}
	sqlite3_busy_timeout(log->db, BUSY_TIMEOUT_MS);
	rc = stamps_register(log->db);
	if (rc == SQLITE_OK)
		rc = query_int(log->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		snprintf(msg, msg_len, "cannot read the event log '%s': %s", path,
			 sqlite3_errmsg(log->db));
		goto err_close_log;
	}
	if (version < 1) {
		snprintf(msg, msg_len, "'%s' is not a calm-prompt event log (schema %d)", path,
			 version);
		goto err_close_log;
	}
	if (version > EVENTLOG_SCHEMA_VERSION) {
		newer_schema(path, version, msg, msg_len);
		goto err_close_log;
	}
	/* What it deletes is as durable as what the app writes. */
	rc = sqlite3_exec(log->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(msg, msg_len, "cannot use the event log '%s': %s", path,
			 sqlite3_errmsg(log->db));
		goto err_close_log;
	}
	if (prepare_statements(log, path, msg, msg_len) != 0)
		goto err_close_log;
	*out = log;
	return 0;

err_close_log:
	eventlog_close(log);
	return -1;
}

int eventlog_choose_path(const char *db_option, const char *config_database, char *out, size_t len,
			 char *msg, size_t msg_len)
{
	const char *chosen = db_option;

	if (chosen == NULL && config_database != NULL && config_database[0] != '\0')
		chosen = config_database;
	if (chosen == NULL)
		return paths_default_db(out, len, msg, msg_len);
	if (strlen(chosen) >= len) {
		snprintf(msg, msg_len, "the database path '%s' is too long", chosen);
		return -1;
	}
	snprintf(out, len, "%s", chosen);
	return 0;
}

/* Runs a statement that returns no rows and leaves it ready for reuse. Returns SQLITE_OK, or
 * SQLite's error code with msg saying what was being done and SQLite's reason, read before
 * anything else can replace it. */
static int run(struct eventlog *log, enum statement which, const char *what, char *msg,
	       size_t msg_len)
{
	sqlite3_stmt *stmt = log->stmt[which];
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE)
		snprintf(msg, msg_len, "%s: %s", what, sqlite3_errmsg(log->db));
	sqlite3_reset(stmt);
	/* Drops pointers to the caller's strings, bound without copying. */
	sqlite3_clear_bindings(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Binding a number or a static text to a valid index cannot fail, so results go unchecked;
 * a missing value would still be caught by the NOT NULL columns. */
static void bind_stamp(sqlite3_stmt *stmt, const struct wall_stamp *when)
{
	sqlite3_bind_int64(stmt, 1, when->utc_s);
	sqlite3_bind_int(stmt, 2, when->utc_offset_min);
	sqlite3_bind_int64(stmt, 3, when->mono_ms);
	sqlite3_bind_text(stmt, 4, when->boot_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 5, when->synced ? 1 : 0);
}

static void bind_press_id(sqlite3_stmt *stmt, int index, sqlite3_int64 press_id)
{
	if (press_id != 0)
		sqlite3_bind_int64(stmt, index, press_id);
	else
		sqlite3_bind_null(stmt, index);
}

enum eventlog_append_result eventlog_append(struct eventlog *log,
					    const struct device_report *report,
					    const char *button_name, const struct wall_stamp *when,
					    char *msg, size_t msg_len)
{
	/* Changes to the struct wait for COMMIT, so a rolled-back report leaves no trace. */
	sqlite3_int64 session_id = log->session_id;
	sqlite3_int64 last_session_id = log->last_session_id;
	sqlite3_int64 press_id = 0;
	sqlite3_stmt *stmt;
	int rc;

	rc = run(log, STMT_BEGIN, "starting a transaction", msg, msg_len);
	if (rc != SQLITE_OK)
		return is_damage(rc) ? EVENTLOG_DAMAGED : EVENTLOG_NOT_WRITTEN;

	if (button_name != NULL) {
		stmt = log->stmt[STMT_INSERT_PRESS];
		bind_stamp(stmt, when);
		sqlite3_bind_text(stmt, 6, button_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, gesture_name(report->gesture), -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 8, action_name(report->action), -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 9, screen_name(report->screen_before), -1, SQLITE_STATIC);
		if (report->member) /* unbound parameters are NULL: everyone */
			sqlite3_bind_text(stmt, 10, report->member, -1, SQLITE_STATIC);
		if (report->source)
			sqlite3_bind_text(stmt, 11, report->source, -1, SQLITE_STATIC);
		rc = run(log, STMT_INSERT_PRESS, "writing a press", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
		press_id = sqlite3_last_insert_rowid(log->db);
	}
	/* Stop before start: one press can end a session and begin the next. A session begun
	 * before a restart has no row of ours and was already marked interrupted. */
	if (report->session_stopped && session_id != 0) {
		stmt = log->stmt[STMT_STOP_SESSION];
		sqlite3_bind_int64(stmt, 1, report->session_ms);
		sqlite3_bind_text(stmt, 2, session_end_name(report->session_how), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, when->utc_s);
		sqlite3_bind_int64(stmt, 4, session_id);
		rc = run(log, STMT_STOP_SESSION, "ending a session", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
		session_id = 0;
	}
	if (report->session_started) {
		stmt = log->stmt[STMT_INSERT_SESSION];
		bind_stamp(stmt, when);
		bind_press_id(stmt, 6, press_id);
		sqlite3_bind_text(stmt, 7, report->pattern ? report->pattern : "unknown", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 8, report->session_planned_ms);
		if (report->member)
			sqlite3_bind_text(stmt, 9, report->member, -1, SQLITE_STATIC);
		rc = run(log, STMT_INSERT_SESSION, "writing a session", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
		session_id = sqlite3_last_insert_rowid(log->db);
		last_session_id = session_id;
	}
	if (report->action == ACTION_LENGTH && session_id != 0) {
		stmt = log->stmt[STMT_SESSION_LENGTH];
		sqlite3_bind_int64(stmt, 1, report->session_planned_ms);
		sqlite3_bind_int64(stmt, 2, session_id);
		rc = run(log, STMT_SESSION_LENGTH, "changing a session's length", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
	}
	if (report->answer != NULL && last_session_id != 0) {
		enum statement which =
			report->answer_after ? STMT_CHECKIN_AFTER : STMT_CHECKIN_BEFORE;

		stmt = log->stmt[which];
		sqlite3_bind_text(stmt, 1, report->answer, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, last_session_id);
		rc = run(log, which, "writing a check-in answer", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
	}
	if (report->prompt != NULL) {
		stmt = log->stmt[STMT_INSERT_PROMPT];
		bind_stamp(stmt, when);
		bind_press_id(stmt, 6, press_id);
		sqlite3_bind_text(stmt, 7, report->prompt->id, -1, SQLITE_STATIC);
		if (report->member)
			sqlite3_bind_text(stmt, 8, report->member, -1, SQLITE_STATIC);
		rc = run(log, STMT_INSERT_PROMPT, "writing a prompt shown", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
	}
	if (report->clock_changed) {
		stmt = log->stmt[STMT_INSERT_CLOCK];
		bind_stamp(stmt, when);
		sqlite3_bind_int64(stmt, 6, report->clock.from_utc_s);
		sqlite3_bind_int64(stmt, 7, report->clock.to_utc_s);
		sqlite3_bind_text(stmt, 8, clock_outcome_name(report->clock.outcome), -1,
				  SQLITE_STATIC);
		rc = run(log, STMT_INSERT_CLOCK, "writing a change of the clock", msg, msg_len);
		if (rc != SQLITE_OK)
			goto err_rollback;
	}
	rc = run(log, STMT_COMMIT, "committing", msg, msg_len);
	if (rc != SQLITE_OK)
		goto err_rollback;
	log->session_id = session_id;
	log->last_session_id = last_session_id;
	return EVENTLOG_WRITTEN;

err_rollback:
	/* msg already holds the failure; the rollback's own outcome would only bury it. A failed
	 * COMMIT may have ended the transaction already. */
	if (!sqlite3_get_autocommit(log->db))
		run(log, STMT_ROLLBACK, "rolling back", NULL, 0);
	return is_damage(rc) ? EVENTLOG_DAMAGED : EVENTLOG_NOT_WRITTEN;
}

/* Counts, or deletes, the rows of one table from before before_utc_s; n gets how many. With
 * redate, a row stamped while the clock was not synchronised (a Pi without a real-time clock
 * boots at a stale time) is not judged by its stamp: it goes only when the time it really
 * happened, from its boot's anchor (the week's and the export's definition), is before the
 * moment; when its boot has no anchor it stays. Redating needs schema 6's boots. */
static int forget_in(sqlite3 *db, const char *table, int64_t before_utc_s, bool dry_run,
		     bool redate, int64_t *n)
{
	char sql[640];
	sqlite3_stmt *stmt;
	int rc;

	if (redate)
		snprintf(sql, sizeof(sql),
			 "%s FROM %s WHERE (clock_synced != 0 AND wall_utc < ?1) OR id IN ("
			 "SELECT r.id FROM %s AS r JOIN boots AS b ON b.boot_id = r.boot_id "
			 "WHERE r.clock_synced = 0 AND b.anchor_mono IS NOT NULL AND "
			 "coalesce(corrected_utc(r.mono_ms, r.clock_synced, b.anchor_wall, "
			 "b.anchor_mono), r.wall_utc) < ?1)",
			 dry_run ? "SELECT count(*)" : "DELETE", table, table);
	else
		snprintf(sql, sizeof(sql), "%s FROM %s WHERE wall_utc < ?1",
			 dry_run ? "SELECT count(*)" : "DELETE", table);
	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, before_utc_s);
	rc = sqlite3_step(stmt);
	if (dry_run && rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(stmt, 0);
		rc = SQLITE_OK;
	} else if (!dry_run && rc == SQLITE_DONE) {
		*n = sqlite3_changes64(db);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Forgets the boots whose anchor and stale stamps are all from before the moment: the rows
 * they could date are gone (with redate) or date themselves (after the anchor). A file older
 * than schema 6 has none. */
static int forget_boots(sqlite3 *db, int64_t before_utc_s)
{
	sqlite3_stmt *stmt;
	int has_boots;
	int rc = query_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'boots'",
			   &has_boots);

	if (rc != SQLITE_OK || !has_boots)
		return rc;
	rc = sqlite3_prepare_v2(db,
				"DELETE FROM boots WHERE anchor_wall < ?1 AND (stale_to IS NULL OR "
				"stale_to < ?1)",
				-1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, before_utc_s);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int eventlog_forget(struct eventlog *log, int64_t before_utc_s, bool dry_run, bool redate,
		    struct eventlog_counts *counts, char *msg, size_t msg_len)
{
	struct {
		const char *table;
		int64_t *n;
	} tables[] = {
		{"presses", &counts->presses},
		{"sessions", &counts->sessions},
		{"prompts_shown", &counts->prompts_shown},
		{"clock_changes", &counts->clock_changes},
	};
	const char *what = "turning on secure_delete";
	int rc;

	memset(counts, 0, sizeof(*counts));
	/* Forgotten rows are overwritten, not left readable in the file's free pages. */
	rc = sqlite3_exec(log->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err;
	what = "starting a transaction";
	/* IMMEDIATE for a delete, so a busy file fails here rather than halfway; a dry run only
	 * needs its counts to agree with each other. */
	rc = sqlite3_exec(log->db, dry_run ? "BEGIN" : "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		what = tables[i].table;
		rc = forget_in(log->db, tables[i].table, before_utc_s, dry_run, redate,
			       tables[i].n);
		if (rc != SQLITE_OK)
			goto err_rollback;
	}
	what = "boots";
	rc = dry_run ? SQLITE_OK : forget_boots(log->db, before_utc_s);
	if (rc != SQLITE_OK)
		goto err_rollback;
	what = "committing";
	rc = sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto err_rollback;
	return 0;

err_rollback:
	snprintf(msg, msg_len, "event log: %s rows before %lld: %s: %s",
		 dry_run ? "counting" : "deleting", (long long)before_utc_s, what,
		 sqlite3_errmsg(log->db));
	if (!sqlite3_get_autocommit(log->db))
		sqlite3_exec(log->db, "ROLLBACK", NULL, NULL, NULL);
	memset(counts, 0, sizeof(*counts));
	return -1;
err:
	snprintf(msg, msg_len, "event log: %s: %s", what, sqlite3_errmsg(log->db));
	return -1;
}

/* How calm an answer says one was: the first answer 1, the last 0; -1 when not an answer. */
static double calmness(const char *answer, const char (*answers)[CHECKIN_ANSWER_MAX + 1], int n)
{
	for (int i = 0; answer && i < n; i++)
		if (strcmp(answer, answers[i]) == 0)
			return n > 1 ? 1.0 - (double)i / (n - 1) : 1.0;
	return -1;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int eventlog_week(struct eventlog *log, int64_t today, const char *member,
		  const char (*answers)[CHECKIN_ANSWER_MAX + 1], int n_answers,
		  struct history_week *week, char *msg, size_t msg_len)
{
	/* Each row at the time it really happened (as stamped, or dated from its boot's anchor
	 * when stamped before the clock was right), moved by its own offset to its local day, so
	 * history stays right across a change of time zone or summer time. Two ranges the index
	 * answers: the rows stamped in the week widened by a day each side (more than any offset;
	 * ?1, ?2), and the rows stamped elsewhere before an anchor no earlier than that (only an
	 * anchor that late can date a row into the week), within the stale ranges of those boots,
	 * read once whatever the number of boots (a Pi without a saved clock starts each boot in
	 * 1970: their ranges overlap). The day is then picked exactly. */
#define WEEK_ROWS(columns, table)                                                                  \
	"SELECT coalesce(corrected_utc(t.mono_ms, t.clock_synced, b.anchor_wall, b.anchor_mono), " \
	"t.wall_utc), t.utc_offset_min" columns " FROM " table " AS t LEFT JOIN boots AS b ON "    \
	"b.boot_id = t.boot_id AND t.clock_synced = 0 WHERE t.wall_utc >= ?1 AND t.wall_utc < ?2 " \
	"AND (?3 IS NULL OR t.member = ?3) UNION ALL "                                             \
	"SELECT corrected_utc(t.mono_ms, t.clock_synced, b.anchor_wall, b.anchor_mono), "          \
	"t.utc_offset_min" columns " FROM " table                                                  \
	" AS t JOIN boots AS b ON b.boot_id = t.boot_id "                                          \
	"WHERE t.wall_utc BETWEEN (SELECT min(stale_from) FROM boots WHERE anchor_wall >= ?1) "    \
	"AND (SELECT max(stale_to) FROM boots WHERE anchor_wall >= ?1) AND b.anchor_wall >= ?1 "   \
	"AND NOT (t.wall_utc >= ?1 AND t.wall_utc < ?2) AND t.clock_synced = 0 AND t.mono_ms < "   \
	"b.anchor_mono AND (?3 IS NULL OR t.member = ?3)"
	static const char *const sql[2] = {
		WEEK_ROWS(", ifnull(t.actual_ms, 0), t.checkin_after", "sessions"),
		WEEK_ROWS("", "prompts_shown"),
	};
#undef WEEK_ROWS
	int64_t first = today - (HISTORY_DAYS - 1);
	double calm_sum[HISTORY_DAYS] = {0};

	memset(week, 0, sizeof(*week));
	week->member = member;
	for (int i = 0; i < HISTORY_DAYS; i++)
		week->days[i].day = first + i;
	for (int q = 0; q < 2; q++) {
		sqlite3_stmt *stmt;
		int rc = sqlite3_prepare_v2(log->db, sql[q], -1, &stmt, NULL);

		if (rc != SQLITE_OK) {
			snprintf(msg, msg_len, "reading the week: %s", sqlite3_errmsg(log->db));
			return -1;
		}
		sqlite3_bind_int64(stmt, 1, (first - 1) * 86400);
		sqlite3_bind_int64(stmt, 2, (today + 2) * 86400);
		if (member)
			sqlite3_bind_text(stmt, 3, member, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			int64_t utc = sqlite3_column_int64(stmt, 0);
			int64_t offset_min = sqlite3_column_int64(stmt, 1);
			int64_t day;
			struct history_day *d;
			double calm;

			/* An offset of more than a day is no local time (and no overflow). */
			if (sqlite3_column_type(stmt, 0) != SQLITE_INTEGER || offset_min < -1440 ||
			    offset_min > 1440 || utc < (first - 2) * 86400 ||
			    utc > (today + 3) * 86400)
				continue;
			day = floor_div(utc + offset_min * 60, 86400);
			if (day < first || day > today)
				continue;
			d = &week->days[day - first];
			if (q == 1) {
				d->prompts++;
				continue;
			}
			d->breathed_ms += sqlite3_column_int64(stmt, 2);
			/* How someone felt is theirs: only their own week shows it. The whole
			 * household's week shows no answers, not even a mean, which one member
			 * could take their own answers out of to read another's. */
			if (!member)
				continue;
			calm = calmness((const char *)sqlite3_column_text(stmt, 3), answers,
					n_answers);
			if (calm >= 0) {
				calm_sum[d - week->days] += calm;
				d->answered++;
			}
		}
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE) {
			snprintf(msg, msg_len, "reading the week: %s", sqlite3_errmsg(log->db));
			return -1;
		}
	}
	for (int i = 0; i < HISTORY_DAYS; i++)
		if (week->days[i].answered)
			week->days[i].calm_after = calm_sum[i] / week->days[i].answered;
	return 0;
}

void eventlog_close(struct eventlog *log)
{
	if (log == NULL)
		return;
	for (int i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(log->stmt[i]);
	/* All statements are finalized, so this cannot be refused as busy; the last connection
	 * checkpoints the WAL into the main file here. */
	sqlite3_close(log->db);
	free(log);
}

int eventlog_appreciation_waiting(struct eventlog *log, char *msg, size_t msg_len)
{
	sqlite3_stmt *stmt;
	int waiting = 0;
	int rc = sqlite3_prepare_v2(log->db,
				    "SELECT action FROM presses WHERE action IN ('appreciation', "
				    "'seen') ORDER BY id DESC LIMIT 1",
				    -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		goto err;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		waiting = strcmp((const char *)sqlite3_column_text(stmt, 0), "appreciation") == 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto err;
	return waiting;

err:
	snprintf(msg, msg_len, "event log: reading the last appreciation: %s",
		 sqlite3_errmsg(log->db));
	return -1;
}

int eventlog_clock_set_in_boot(struct eventlog *log, const char *boot_id, char *msg, size_t msg_len)
{
	sqlite3_stmt *stmt;
	int found;
	int rc = sqlite3_prepare_v2(log->db,
				    "SELECT count(*) FROM clock_changes WHERE boot_id = ?1 AND "
				    "outcome = 'set'",
				    -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		goto err;
	sqlite3_bind_text(stmt, 1, boot_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	found = rc == SQLITE_ROW && sqlite3_column_int64(stmt, 0) > 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		goto err;
	return found;

err:
	snprintf(msg, msg_len, "event log: reading whether the clock was set by hand: %s",
		 sqlite3_errmsg(log->db));
	return -1;
}

int eventlog_recent_prompts(struct eventlog *log, size_t max, eventlog_prompt_fn fn, void *user,
			    char *msg, size_t msg_len)
{
	sqlite3_stmt *stmt;
	int n = 0;
	int rc = sqlite3_prepare_v2(log->db,
				    "SELECT prompt_id FROM prompts_shown ORDER BY id DESC LIMIT ?1",
				    -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		goto err;
	sqlite3_bind_int64(stmt, 1, max > INT_MAX ? INT_MAX : (sqlite3_int64)max);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *id = sqlite3_column_text(stmt, 0);

		if (id) {
			fn(user, (const char *)id);
			n++;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		goto err;
	return n;

err:
	snprintf(msg, msg_len, "event log: reading the prompts shown: %s", sqlite3_errmsg(log->db));
	return -1;
}

const char *eventlog_library_version(void)
{
	return sqlite3_libversion();
}
