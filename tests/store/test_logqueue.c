/* SPDX-License-Identifier: MIT */
/* Tests of the log queue against real SQLite files: rows held in memory while the file cannot be
 * written (cannot be opened, read-only folder, full disk, damaged file), written in order once it
 * can, the journal told once per episode; and retention. */
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
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sqlite_probe.h"
#include "logqueue.h"

#define BOOT_ID "0f3c2a8e-5d1b-4c6e-9a7f-1b2c3d4e5f60"
#define T0      1767225600 /* 2026-01-01T00:00:00Z */
#define NOBODY  65534      /* the unprivileged user a root run drops to */

/* ---- helpers ---- */

/* What the queue told the journal. */
struct notices {
	int count[LOGQUEUE_LOST + 1];
	char last[LOGQUEUE_LOST + 1][1024];
};

static void collect(void *user, enum logqueue_notice what, const char *msg)
{
	struct notices *n = user;

	n->count[what]++;
	/* SHOW_NOTICES=1 prints what the journal would get, to read the wording. */
	if (getenv("SHOW_NOTICES"))
		print_message("notice %d: %s\n", (int)what, msg);
	snprintf(n->last[what], sizeof(n->last[what]), "%s", msg);
}

static int make_dir(void **state)
{
	const char *base = getenv("TMPDIR");
	char *dir = malloc(PATH_MAX);

	if (dir == NULL)
		return -1;
	snprintf(dir, PATH_MAX, "%s/calm-logqueue-XXXXXX", base && *base ? base : "/tmp");
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static void remove_tree(const char *dir)
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
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			chmod(path, 0700);
			remove_tree(path);
		} else {
			unlink(path);
		}
	}
	closedir(d);
	rmdir(dir);
}

static int remove_dir(void **state)
{
	remove_tree(*state);
	free(*state);
	return 0;
}

/* Undoes what a test may have changed for the whole process, even when it failed halfway. */
static int restore_process(void **state)
{
	struct rlimit unlimited;

	(void)state;
	signal(SIGXFSZ, SIG_DFL);
	if (geteuid() != getuid() && seteuid(getuid()) != 0)
		return -1;
	if (getrlimit(RLIMIT_FSIZE, &unlimited) == 0) {
		unlimited.rlim_cur = unlimited.rlim_max;
		setrlimit(RLIMIT_FSIZE, &unlimited);
	}
	return 0;
}

static void path_in(void **state, const char *name, char path[PATH_MAX])
{
	assert_true(snprintf(path, PATH_MAX, "%s/%s", (const char *)*state, name) < PATH_MAX);
}

/* The first column of the first row of sql, run on the file at path by a fresh connection. */
#define assert_file_text(path, sql, expected)                                                      \
	do {                                                                                       \
		char text_[1024];                                                                  \
		sqlite3 *db_ = reader(path);                                                       \
		assert_string_equal(text_of(db_, sql, text_, sizeof(text_)), expected);            \
		sqlite3_close(db_);                                                                \
	} while (0)

/* Which presses the file has, as "mono_ms:button" in order. */
#define PRESSES                                                                                    \
	"SELECT ifnull(group_concat(mono_ms || ':' || button, ' '), '') FROM (SELECT * "           \
	"FROM presses ORDER BY id)"

static struct wall_stamp stamp_at(int64_t seconds)
{
	struct wall_stamp s = {
		.utc_s = T0 + seconds,
		.utc_offset_min = 60,
		.mono_ms = seconds * 1000,
		.boot_id = BOOT_ID,
		.synced = true,
	};
	return s;
}

static struct device_report a_press(void)
{
	struct device_report r = {
		.button = 0,
		.gesture = GESTURE_SHORT,
		.action = ACTION_NONE,
		.screen_before = SCREEN_AMBIENT,
		.screen_after = SCREEN_AMBIENT,
	};
	return r;
}

/* A press at the given second, by button "main". */
static bool press_at(struct logqueue *q, int64_t seconds)
{
	struct device_report r = a_press();
	struct wall_stamp when = stamp_at(seconds);

	return logqueue_append(q, &r, "main", &when, seconds * 1000);
}

static struct logqueue *open_queue(const char *path, struct notices *n, size_t hold_max,
				   int keep_days)
{
	struct logqueue_settings settings = {
		.hold_max = hold_max, .keep_days = keep_days, .notice = collect, .user = n};
	struct logqueue *q = logqueue_open(path, &settings);

	assert_non_null(q);
	return q;
}

/* ---- writing, holding, retrying ---- */

static void rows_are_written_at_once_when_all_is_well(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;

	path_in(state, "well.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_false(logqueue_trouble(q));
	assert_int_equal(logqueue_deadline(q), -1);
	assert_true(press_at(q, 1));
	/* Committed on return, visible to anyone. */
	assert_file_text(path, PRESSES, "1000:main");
	assert_true(press_at(q, 2));
	assert_false(logqueue_trouble(q));
	assert_int_equal(logqueue_held(q), 0);
	logqueue_close(q);
	assert_file_text(path, PRESSES, "1000:main 2000:main");
	for (int i = 0; i <= LOGQUEUE_LOST; i++)
		assert_int_equal(n.count[i], 0);
}

static void close_accepts_null(void **state)
{
	(void)state;
	logqueue_close(NULL);
}

static void a_log_that_cannot_be_opened_holds_rows_until_it_can(void **state)
{
	struct notices n = {0};
	char blocker[PATH_MAX], path[PATH_MAX];
	struct logqueue *q;
	FILE *f;

	/* The folder of the log is a plain file: no one, root included, can open the log. */
	path_in(state, "blocker", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker/events.db", path);

	q = open_queue(path, &n, 0, 0);
	assert_true(logqueue_trouble(q));
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_FAILING], path));
	assert_non_null(strstr(n.last[LOGQUEUE_FAILING], "holding rows in memory"));

	/* Presses keep coming; each is held, in order, and the journal heard only once. */
	assert_false(press_at(q, 1));
	assert_false(press_at(q, 2));
	assert_false(press_at(q, 3));
	assert_int_equal(logqueue_held(q), 3);
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	assert_true(logqueue_trouble(q));
	assert_true(logqueue_deadline(q) > 3000);

	/* The folder appears; the next retry that is due writes everything, oldest first. */
	assert_int_equal(unlink(blocker), 0);
	assert_int_equal(mkdir(blocker, 0700), 0);
	logqueue_tick(q, logqueue_deadline(q), T0, true);
	assert_false(logqueue_trouble(q));
	assert_int_equal(logqueue_held(q), 0);
	assert_int_equal(logqueue_deadline(q), -1);
	assert_int_equal(n.count[LOGQUEUE_RECOVERED], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_RECOVERED], "3 held rows written"));
	assert_file_text(path, PRESSES, "1000:main 2000:main 3000:main");
	/* Each row keeps the moment it happened, not the moment it was written. */
	assert_file_text(path,
			 "SELECT group_concat((wall_utc - 1767225600) || '/' || utc_offset_min || "
			 "'/' || boot_id || '/' || clock_synced, ' ') FROM presses",
			 "1/60/" BOOT_ID "/1 2/60/" BOOT_ID "/1 3/60/" BOOT_ID "/1");
	assert_true(press_at(q, 9));
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	logqueue_close(q);
	assert_int_equal(n.count[LOGQUEUE_LOST], 0);
}

static void retries_back_off_and_wait_for_their_time(void **state)
{
	struct notices n = {0};
	char blocker[PATH_MAX], path[PATH_MAX];
	struct logqueue *q;
	int64_t now = 100000, wait = LOGQUEUE_RETRY_MIN_MS;
	FILE *f;

	path_in(state, "blocker2", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker2/events.db", path);
	q = open_queue(path, &n, 0, 0);
	/* The first time given starts the clock, with a retry due at once. */
	logqueue_tick(q, now, T0, true);
	for (int i = 0; i < 10; i++) {
		int64_t due = logqueue_deadline(q);

		assert_int_equal(due, now + wait);
		/* Not yet due: nothing is tried, the deadline stays. */
		logqueue_tick(q, due - 1, T0, true);
		assert_int_equal(logqueue_deadline(q), due);
		now = due;
		logqueue_tick(q, now, T0, true);
		wait = wait * 2 > LOGQUEUE_RETRY_MAX_MS ? LOGQUEUE_RETRY_MAX_MS : wait * 2;
	}
	assert_int_equal(logqueue_deadline(q) - now, LOGQUEUE_RETRY_MAX_MS);
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	logqueue_close(q);
}

/* Makes this process's effective user unprivileged when it is root, since permissions do not
 * stop root, and checks that user can work in dir. False (root kept) when that cannot be done
 * here: no permission to change user, or a TMPDIR that user cannot reach. */
static bool drop_root(const char *dir)
{
	char probe[PATH_MAX + 16]; /* room for dir (at most PATH_MAX) and the name */
	FILE *f;

	if (geteuid() != 0)
		return true;
	if (seteuid(NOBODY) != 0)
		return false;
	snprintf(probe, sizeof(probe), "%s/probe", dir);
	f = fopen(probe, "w");
	if (f != NULL) {
		fclose(f);
		unlink(probe);
		return true;
	}
	/* Back to root: the saved set-user-id allows it. */
	if (seteuid(0) != 0)
		abort();
	return false;
}

static void a_read_only_folder_holds_rows_until_it_is_writable(void **state)
{
	struct notices n = {0};
	char dir[PATH_MAX], path[PATH_MAX];
	struct logqueue *q;

	path_in(state, "ro", dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	if (geteuid() == 0) {
		/* Root ignores permissions: the folder goes to an unprivileged user who then
		 * runs the test (the group's folder must be passable for it). */
		assert_int_equal(chown(dir, NOBODY, NOBODY), 0);
		assert_int_equal(chmod(*state, 0711), 0);
		if (!drop_root(dir)) {
			print_message(
				"SKIPPED: running as root, and uid %d cannot be used here "
				"(no CAP_SETUID, or TMPDIR out of its reach); permissions do "
				"not stop root (the unopenable-path and full-disk cases still "
				"run)\n",
				NOBODY);
			skip();
		}
	}
	path_in(state, "ro/events.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_true(press_at(q, 1));
	logqueue_close(q);

	/* Read-only now: with no -wal to be made, the log cannot even be read. */
	assert_int_equal(chmod(dir, 0555), 0);
	q = open_queue(path, &n, 0, 0);
	assert_true(logqueue_trouble(q));
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	assert_false(press_at(q, 2));
	assert_false(press_at(q, 3));
	assert_int_equal(logqueue_held(q), 2);

	assert_int_equal(chmod(dir, 0755), 0);
	logqueue_tick(q, logqueue_deadline(q), T0, true);
	assert_false(logqueue_trouble(q));
	assert_int_equal(n.count[LOGQUEUE_RECOVERED], 1);
	logqueue_close(q);
	assert_file_text(path, PRESSES, "1000:main 2000:main 3000:main");
	assert_int_equal(seteuid(getuid()), 0);
}

/* Makes every write of this process past its first bytes fail, as on a full disk. */
static void fill_disk(bool full)
{
	struct rlimit limit;

	assert_int_equal(getrlimit(RLIMIT_FSIZE, &limit), 0);
	limit.rlim_cur = full ? 0 : limit.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &limit), 0);
}

static void a_full_disk_holds_rows_and_the_next_append_writes_them(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;

	/* Past the limit the kernel would send SIGXFSZ, which kills; ignored, writes fail. */
	signal(SIGXFSZ, SIG_IGN);
	path_in(state, "full.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_true(press_at(q, 1));

	fill_disk(true);
	assert_false(press_at(q, 2));
	assert_false(press_at(q, 3)); /* tried again on the next append, and held */
	assert_int_equal(logqueue_held(q), 2);
	assert_int_equal(n.count[LOGQUEUE_FAILING], 1);
	fill_disk(false);

	/* Room again: the next append writes the held rows first, then its own. */
	assert_true(press_at(q, 4));
	assert_false(logqueue_trouble(q));
	assert_int_equal(n.count[LOGQUEUE_RECOVERED], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_RECOVERED], "2 held rows written"));
	assert_non_null(strstr(n.last[LOGQUEUE_FAILING], "cannot write to the event log"));
	assert_non_null(strstr(n.last[LOGQUEUE_FAILING], path));
	logqueue_close(q);
	assert_file_text(path, PRESSES, "1000:main 2000:main 3000:main 4000:main");
	assert_file_text(path, "PRAGMA integrity_check", "ok");
	signal(SIGXFSZ, SIG_DFL);
}

static void the_hold_is_bounded_and_drops_the_oldest(void **state)
{
	struct notices n = {0};
	char blocker[PATH_MAX], path[PATH_MAX];
	struct logqueue *q;
	FILE *f;

	path_in(state, "blocker3", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker3/events.db", path);
	q = open_queue(path, &n, 5, 0);
	for (int s = 1; s <= 8; s++)
		assert_false(press_at(q, s));
	assert_int_equal(logqueue_held(q), 5);
	/* One line for the journal, however many are dropped. */
	assert_int_equal(n.count[LOGQUEUE_DROPPING], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_DROPPING], "dropping the oldest"));

	assert_int_equal(unlink(blocker), 0);
	assert_int_equal(mkdir(blocker, 0700), 0);
	logqueue_tick(q, logqueue_deadline(q), T0, true);
	assert_false(logqueue_trouble(q));
	assert_non_null(strstr(n.last[LOGQUEUE_RECOVERED], "5 held rows written, 3 dropped"));
	logqueue_close(q);
	assert_file_text(path, PRESSES, "4000:main 5000:main 6000:main 7000:main 8000:main");
}

static void held_rows_own_what_they_point_to(void **state)
{
	struct notices n = {0};
	struct prompt shown = {.id = "trust-tiny-promise", .pathway = PATHWAY_TRUST};
	char blocker[PATH_MAX], path[PATH_MAX];
	char button[16], pattern[24], reason[24];
	struct device_report r = a_press();
	struct wall_stamp when = stamp_at(5);
	struct logqueue *q;
	FILE *f;

	path_in(state, "blocker4", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker4/events.db", path);
	q = open_queue(path, &n, 0, 0);

	snprintf(button, sizeof(button), "left");
	snprintf(pattern, sizeof(pattern), "4-7-8");
	snprintf(reason, sizeof(reason), "start");
	r.action = ACTION_BREATHE;
	r.session_started = true;
	r.pattern = pattern;
	r.session_planned_ms = 60000;
	r.reason = reason;
	r.prompt = &shown;
	assert_false(logqueue_append(q, &r, button, &when, 5000));
	/* The device and the config reuse their memory long before the file is back. */
	memset(button, 'x', sizeof(button) - 1);
	memset(pattern, 'y', sizeof(pattern) - 1);
	memset(reason, 'z', sizeof(reason) - 1);
	snprintf(shown.id, sizeof(shown.id), "changed");

	assert_int_equal(unlink(blocker), 0);
	assert_int_equal(mkdir(blocker, 0700), 0);
	logqueue_tick(q, logqueue_deadline(q), T0, true);
	assert_false(logqueue_trouble(q));
	logqueue_close(q);
	assert_file_text(path, PRESSES, "5000:left");
	assert_file_text(path,
			 "SELECT pattern || '|' || planned_ms || '|' || press_id FROM sessions",
			 "4-7-8|60000|1");
	assert_file_text(path, "SELECT prompt_id || '|' || press_id FROM prompts_shown",
			 "trust-tiny-promise|1");
}

/* More rows wait than the ring first has room for: it grows, and every held row still knows
 * its own prompt (each row's prompt lives inside the ring, which moves as it grows). */
static void held_prompts_survive_the_hold_growing(void **state)
{
	struct notices n = {0};
	char blocker[PATH_MAX], path[PATH_MAX], expected[1024] = "";
	struct logqueue *q;
	FILE *f;

	path_in(state, "blocker6", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker6/events.db", path);
	q = open_queue(path, &n, 0, 0);
	for (int i = 1; i <= 40; i++) {
		struct prompt shown = {.pathway = PATHWAY_TRUST};
		struct device_report r = a_press();
		struct wall_stamp when = stamp_at(i);
		size_t len = strlen(expected);

		snprintf(shown.id, sizeof(shown.id), "prompt-%02d", i);
		snprintf(expected + len, sizeof(expected) - len, "%sprompt-%02d", i > 1 ? " " : "",
			 i);
		r.action = ACTION_PROMPT;
		r.prompt = &shown;
		assert_false(logqueue_append(q, &r, "main", &when, i * 1000));
	}
	assert_int_equal(logqueue_held(q), 40);

	assert_int_equal(unlink(blocker), 0);
	assert_int_equal(mkdir(blocker, 0700), 0);
	logqueue_tick(q, logqueue_deadline(q), T0, true);
	assert_false(logqueue_trouble(q));
	logqueue_close(q);
	assert_file_text(path,
			 "SELECT group_concat(prompt_id, ' ') FROM (SELECT * FROM prompts_shown "
			 "ORDER BY id)",
			 expected);
}

static int count_damaged(void **state, const char *base)
{
	char prefix[128];
	struct dirent *e;
	DIR *d = opendir(*state);
	int n = 0;

	assert_non_null(d);
	snprintf(prefix, sizeof(prefix), "%s.damaged-", base);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 &&
		    !(len > 4 && (strcmp(e->d_name + len - 4, "-wal") == 0 ||
				  strcmp(e->d_name + len - 4, "-shm") == 0)))
			n++;
	}
	closedir(d);
	return n;
}

static void a_damaged_file_at_open_is_moved_aside_and_no_row_waits(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;
	FILE *f;

	path_in(state, "garbage.db", path);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 200; i++)
		fputs("this is a shopping list, not a database\n", f);
	fclose(f);

	q = open_queue(path, &n, 0, 0);
	assert_int_equal(n.count[LOGQUEUE_MOVED_ASIDE], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_MOVED_ASIDE], "garbage.db.damaged-"));
	assert_int_equal(n.count[LOGQUEUE_FAILING], 0);
	assert_false(logqueue_trouble(q));
	assert_true(press_at(q, 1));
	logqueue_close(q);
	assert_int_equal(count_damaged(state, "garbage.db"), 1);
	assert_file_text(path, PRESSES, "1000:main");
}

static void a_file_damaged_while_running_is_moved_aside_and_rows_go_on(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX], page[4096];
	struct logqueue *q;
	sqlite3 *db;
	FILE *f;

	path_in(state, "rot.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_true(press_at(q, 1));

	/* Another connection writes and checkpoints everything into the main file, so the
	 * queue's connection must read pages from it again; then the SD card rots the pages of
	 * the tables (page 1, the schema, is left readable). */
	db = reader(path);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, "
				      "boot_id, clock_synced, button, gesture, action, screen) "
				      "VALUES (0, 0, 1500, 'x', 0, 'other', 'short', 'none', "
				      "'ambient'); PRAGMA wal_checkpoint(TRUNCATE);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	memset(page, 0xa5, sizeof(page));
	f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, 4096, SEEK_SET), 0);
	for (int i = 0; i < 6; i++)
		assert_int_equal(fwrite(page, 1, sizeof(page), f), sizeof(page));
	fclose(f);

	/* The press is not lost: the damaged file goes aside and a new one takes it. */
	assert_true(press_at(q, 2));
	assert_false(logqueue_trouble(q));
	assert_int_equal(n.count[LOGQUEUE_MOVED_ASIDE], 1);
	assert_int_equal(n.count[LOGQUEUE_FAILING], 0);
	assert_int_equal(count_damaged(state, "rot.db"), 1);
	assert_true(press_at(q, 3));
	logqueue_close(q);
	assert_file_text(path, PRESSES, "2000:main 3000:main");
	assert_file_text(path, "PRAGMA integrity_check", "ok");
}

static void closing_says_how_many_rows_are_lost(void **state)
{
	struct notices n = {0};
	char blocker[PATH_MAX], path[PATH_MAX];
	struct logqueue *q;
	FILE *f;

	path_in(state, "blocker5", blocker);
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in(state, "blocker5/events.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_false(press_at(q, 1));
	assert_false(press_at(q, 2));
	logqueue_close(q);
	assert_int_equal(n.count[LOGQUEUE_LOST], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_LOST], "2 rows could not be written"));
	assert_int_equal(n.count[LOGQUEUE_RECOVERED], 0);
}

/* ---- retention ---- */

static void retention_deletes_old_rows_once_a_day_with_a_trusted_clock(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;
	const int64_t day = LOGQUEUE_DAY_S;
	int64_t now_ms = 30 * day * 1000; /* the presses below are at their own second's ms */
	sqlite3 *db;

	path_in(state, "keep.db", path);
	q = open_queue(path, &n, 0, 7);
	/* Presses 10, 8, 7 and 1 days before "now" (T0 + 30 days). */
	assert_true(press_at(q, 20 * day));
	assert_true(press_at(q, 22 * day));
	assert_true(press_at(q, 23 * day + 1));
	assert_true(press_at(q, 29 * day));

	/* An unsynchronised clock may be years ahead: nothing is deleted on its word. */
	logqueue_tick(q, now_ms, T0 + 30 * day, false);
	assert_file_text(path, "SELECT count(*) FROM presses", "4");
	assert_int_equal(n.count[LOGQUEUE_PRUNED], 0);

	logqueue_tick(q, now_ms, T0 + 30 * day, true);
	assert_file_text(path, "SELECT group_concat((wall_utc - 1767225600) / 86400) FROM presses",
			 "23,29");
	assert_int_equal(n.count[LOGQUEUE_PRUNED], 1);
	assert_non_null(strstr(n.last[LOGQUEUE_PRUNED], "deleted 2 presses"));

	/* Within the day, no second run: an old row written meanwhile stays. */
	db = reader(path);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, "
				      "boot_id, clock_synced, button, gesture, action, screen) "
				      "VALUES (1767225600, 0, 0, 'x', 1, 'old', 'short', "
				      "'none', 'ambient')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	logqueue_tick(q, now_ms + LOGQUEUE_PRUNE_MS - 1, T0 + 31 * day, true);
	assert_file_text(path, "SELECT count(*) FROM presses", "3");
	logqueue_tick(q, now_ms + LOGQUEUE_PRUNE_MS, T0 + 31 * day, true);
	assert_file_text(path, "SELECT group_concat((wall_utc - 1767225600) / 86400) FROM presses",
			 "29");
	assert_int_equal(n.count[LOGQUEUE_PRUNED], 2);
	logqueue_close(q);
}

/* A press stamped by the given clock: utc_s as the wall clock said, mono_ms since boot. */
static void press_stamped(struct logqueue *q, const char *boot_id, int64_t utc_s, int64_t mono_ms,
			  bool synced, const char *button)
{
	struct device_report r = a_press();
	struct wall_stamp when = {.utc_s = utc_s, .mono_ms = mono_ms, .synced = synced};

	snprintf(when.boot_id, sizeof(when.boot_id), "%s", boot_id);
	assert_true(logqueue_append(q, &r, button, &when, mono_ms));
}

/* A Pi without a real-time clock boots believing an old time; what it stamps before the clock
 * is synchronised is not judged by that stamp: it is dated from its own boot's first
 * synchronised row, or left alone when its boot never had one. */
static void retention_never_trusts_a_stamp_from_an_unsynchronised_clock(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;
	const int64_t day = LOGQUEUE_DAY_S;
	const int64_t now = T0 + 30 * day;

	path_in(state, "stale.db", path);
	q = open_queue(path, &n, 0, 7);
	/* Today's boot: two presses while the clock still said last year, then the sync. */
	press_stamped(q, "boot-today", T0 - 300 * day, 20000, false, "today-early");
	press_stamped(q, "boot-today", T0 - 300 * day + 40, 60000, false, "today-later");
	press_stamped(q, "boot-today", now - 3600, 3600000, true, "today-synced");
	/* A boot that never synchronised: nothing says when it was. */
	press_stamped(q, "boot-unknown", T0 - 300 * day, 5000, false, "unknown");
	/* A boot 20 days ago: a press before its sync really is that old. */
	press_stamped(q, "boot-old", T0 - 400 * day, 1000, false, "old-early");
	press_stamped(q, "boot-old", now - 20 * day, 61000, true, "old-synced");

	logqueue_tick(q, 4000000, now, true);
	assert_file_text(path,
			 "SELECT group_concat(button, ' ') FROM (SELECT button FROM presses "
			 "ORDER BY id)",
			 "today-early today-later today-synced unknown");
	assert_non_null(strstr(n.last[LOGQUEUE_PRUNED], "deleted 2 presses"));
	logqueue_close(q);
}

static void keep_days_0_keeps_everything(void **state)
{
	struct notices n = {0};
	char path[PATH_MAX];
	struct logqueue *q;

	path_in(state, "all.db", path);
	q = open_queue(path, &n, 0, 0);
	assert_true(press_at(q, 0));
	logqueue_tick(q, 1000, T0 + 3650LL * LOGQUEUE_DAY_S, true);
	logqueue_tick(q, 1000 + LOGQUEUE_PRUNE_MS, T0 + 3651LL * LOGQUEUE_DAY_S, true);
	logqueue_close(q);
	assert_file_text(path, "SELECT count(*) FROM presses", "1");
	assert_int_equal(n.count[LOGQUEUE_PRUNED], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_are_written_at_once_when_all_is_well),
		cmocka_unit_test(close_accepts_null),
		cmocka_unit_test(a_log_that_cannot_be_opened_holds_rows_until_it_can),
		cmocka_unit_test(retries_back_off_and_wait_for_their_time),
		cmocka_unit_test_teardown(a_read_only_folder_holds_rows_until_it_is_writable,
					  restore_process),
		cmocka_unit_test_teardown(a_full_disk_holds_rows_and_the_next_append_writes_them,
					  restore_process),
		cmocka_unit_test(the_hold_is_bounded_and_drops_the_oldest),
		cmocka_unit_test(held_rows_own_what_they_point_to),
		cmocka_unit_test(held_prompts_survive_the_hold_growing),
		cmocka_unit_test(a_damaged_file_at_open_is_moved_aside_and_no_row_waits),
		cmocka_unit_test(a_file_damaged_while_running_is_moved_aside_and_rows_go_on),
		cmocka_unit_test(closing_says_how_many_rows_are_lost),
		cmocka_unit_test(retention_deletes_old_rows_once_a_day_with_a_trusted_clock),
		cmocka_unit_test(retention_never_trusts_a_stamp_from_an_unsynchronised_clock),
		cmocka_unit_test(keep_days_0_keeps_everything),
	};

	return cmocka_run_group_tests_name("logqueue", tests, make_dir, remove_dir);
}
