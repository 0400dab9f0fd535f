/* SPDX-License-Identifier: MIT */
/* A writer killed at random moments: a child process appends to the event log in a loop and,
 * after each append returns, tells the parent through a pipe how many presses it knows are
 * committed; the parent SIGKILLs it after a random 0-30 ms, then checks with its own SQLite
 * connection that the file is intact and holds every row reported (and at most the one in
 * flight). Hundreds of times, on one growing file. CALM_KILL_SEED=N repeats a run,
 * CALM_KILLS=N changes how many kills. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "eventlog.h"

#define KILLS_DEFAULT 200
#define DELAY_MAX_MS  30
#define BOOT_ID       "0f3c2a8e-5d1b-4c6e-9a7f-1b2c3d4e5f60"

/* xorshift64*: a small generator whose whole run follows from the printed seed. */
static uint64_t next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The child: appends forever, reporting each committed press count. Never returns. Press n
 * carries mono_ms n, so the parent can tell the rows are the right ones and in order. */
static void write_until_killed(const char *path, int report_fd, int64_t committed)
{
	struct prompt shown = {.id = "safety-sit", .pathway = PATHWAY_SAFETY};
	struct eventlog *log;
	char msg[PATH_MAX + 512];

	if (eventlog_open(path, &log, msg, sizeof(msg)) == EVENTLOG_FAILED) {
		fprintf(stderr, "child: %s\n", msg);
		_exit(3);
	}
	for (;;) {
		int64_t n = committed + 1;
		struct wall_stamp when = {
			.utc_s = 1767225600 + n,
			.utc_offset_min = 60,
			.mono_ms = n,
			.boot_id = BOOT_ID,
			.synced = true,
		};
		struct device_report r = {
			.button = 0,
			.gesture = GESTURE_SHORT,
			.action = ACTION_NONE,
			.screen_before = SCREEN_AMBIENT,
			.screen_after = SCREEN_AMBIENT,
		};

		/* Some reports write more than a press: a session begun or ended, a prompt. */
		if (n % 5 == 0) {
			r.session_started = true;
			r.pattern = "resonance";
			r.session_planned_ms = 300000;
		} else if (n % 5 == 2) {
			r.session_stopped = true;
			r.session_how = SESSION_ENDED_EARLY;
			r.session_ms = 2000;
		}
		if (n % 3 == 0)
			r.prompt = &shown;
		if (eventlog_append(log, &r, "main", &when, msg, sizeof(msg)) != EVENTLOG_WRITTEN) {
			fprintf(stderr, "child: %s\n", msg);
			_exit(4);
		}
		committed = n;
		/* 8 bytes: a pipe write this small is atomic, so the parent reads whole counts. */
		if (write(report_fd, &committed, sizeof(committed)) != sizeof(committed))
			_exit(5);
	}
}

static int64_t int_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	else
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return v;
}

/* Checks the file after a kill; returns how many presses it holds. */
static int64_t check_file(const char *path, int64_t reported, int kill_no)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	const unsigned char *verdict;
	int64_t rows;

	/* Killed before its first commit, the child may have left no file, or one without
	 * tables yet: fine, as long as it reported nothing. */
	if (access(path, F_OK) != 0 && reported == 0)
		return 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("kill %d: cannot open %s: %s", kill_no, path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	verdict = sqlite3_column_text(stmt, 0);
	if (verdict == NULL || strcmp((const char *)verdict, "ok") != 0)
		fail_msg("kill %d: integrity_check: %s", kill_no,
			 verdict ? (const char *)verdict : "(null)");
	sqlite3_finalize(stmt);
	if (int_of(db, "SELECT count(*) FROM sqlite_master WHERE name = 'presses'") == 0) {
		if (reported != 0)
			fail_msg("kill %d: no presses table, %lld presses reported committed",
				 kill_no, (long long)reported);
		sqlite3_close(db);
		return 0;
	}

	rows = int_of(db, "SELECT count(*) FROM presses");
	if (rows < reported || rows > reported + 1)
		fail_msg("kill %d: %lld presses in the file, %lld reported committed", kill_no,
			 (long long)rows, (long long)reported);
	/* The rows are the ones written, in order, with none missing in between. */
	assert_int_equal(int_of(db, "SELECT count(*) FROM presses WHERE mono_ms != id"), 0);
	assert_int_equal(int_of(db, "SELECT ifnull(max(id), 0) FROM presses"), rows);
	/* A session or prompt row never outlives the press it was committed with. */
	assert_int_equal(int_of(db, "SELECT count(*) FROM sessions WHERE press_id > "
				    "(SELECT ifnull(max(id), 0) FROM presses)"),
			 0);
	assert_int_equal(int_of(db, "SELECT count(*) FROM prompts_shown WHERE press_id NOT IN "
				    "(SELECT id FROM presses)"),
			 0);
	sqlite3_close(db);
	return rows;
}

/* Runs one child, kills it after delay_ms, and returns the last count it reported (or
 * committed when it reported none). The delay counts from the fork, so a kill can land while
 * the file is being opened, or (after_commit) from the child's first reported commit, so that
 * however slow the machine, those kills land in the middle of writing. */
static int64_t kill_a_writer(const char *path, int64_t committed, int delay_ms, bool after_commit,
			     int kill_no)
{
	struct timespec delay = {.tv_sec = 0, .tv_nsec = (long)delay_ms * 1000000L};
	int64_t reported = committed, value;
	int fds[2], status;
	ssize_t got;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL); /* nothing buffered may be written twice by the child */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		write_until_killed(path, fds[1], committed);
	}
	close(fds[1]);
	if (after_commit) {
		do
			got = read(fds[0], &value, sizeof(value));
		while (got < 0 && errno == EINTR);
		if (got != (ssize_t)sizeof(value))
			fail_msg("kill %d: the writer ended before its first commit", kill_no);
		reported = value;
	}
	while (nanosleep(&delay, &delay) != 0 && errno == EINTR)
		;
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	/* A child that ended by itself failed to write: that is a failure, not a kill. */
	if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
		fail_msg("kill %d: the writer ended by itself (status %d)", kill_no, status);
	while ((got = read(fds[0], &value, sizeof(value))) == (ssize_t)sizeof(value))
		reported = value;
	assert_int_equal(got, 0);
	close(fds[0]);
	return reported;
}

static void remove_log(const char *dir, const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char name[PATH_MAX];

	for (size_t i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
		unlink(name);
	}
	rmdir(dir);
}

static void committed_rows_survive_a_killed_writer(void **state)
{
	const char *base = getenv("TMPDIR");
	const char *seed_text = getenv("CALM_KILL_SEED");
	const char *kills_text = getenv("CALM_KILLS");
	uint64_t seed = seed_text ? strtoull(seed_text, NULL, 10)
				  : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20);
	int kills = kills_text ? atoi(kills_text) : KILLS_DEFAULT;
	uint64_t rng = seed ? seed : 1;
	char dir[PATH_MAX - 16], path[PATH_MAX];
	int64_t committed = 0, reported_total = 0;
	int mid_open = 0; /* kills that came before the child reported anything */
	double start = seconds_now();
	(void)state;

	print_message("seed %llu (CALM_KILL_SEED=%llu repeats this run)\n",
		      (unsigned long long)seed, (unsigned long long)seed);
	snprintf(dir, sizeof(dir), "%s/calm-killwrite-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/events.db", dir);

	for (int k = 1; k <= kills; k++) {
		int delay_ms = (int)(next_random(&rng) % (DELAY_MAX_MS + 1));
		int64_t reported = kill_a_writer(path, committed, delay_ms, k % 2 == 0, k);

		if (reported == committed)
			mid_open++;
		reported_total += reported - committed;
		committed = check_file(path, reported, k);
	}
	print_message("%d kills (%d before the writer's first commit), %lld rows in the file: "
		      "%lld reported committed before their kill, %lld more in flight that made "
		      "it; %.1f s\n",
		      kills, mid_open, (long long)committed, (long long)reported_total,
		      (long long)(committed - reported_total), seconds_now() - start);
	/* The run must have written something, or it proved nothing: every other writer was
	 * killed only after its first commit. */
	assert_true(committed >= kills / 2);
	remove_log(dir, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(committed_rows_survive_a_killed_writer),
	};

	return cmocka_run_group_tests_name("killwrite", tests, NULL, NULL);
}
