/* SPDX-License-Identifier: MIT */
/* Default locations, following systemd's and the XDG base directory conventions. */
#include "paths.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int paths_default_db(char *out, size_t len, char *msg, size_t msg_len)
{
	const char *state = getenv("STATE_DIRECTORY");
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (state && state[0]) {
		/* systemd may list several folders separated by ':'; ours is the first. */
		size_t first = strcspn(state, ":");

		n = snprintf(out, len, "%.*s/events.db", (int)first, state);
	} else if (xdg && xdg[0] == '/') {
		n = snprintf(out, len, "%s/calm-prompt/events.db", xdg);
	} else if (home && home[0]) {
		n = snprintf(out, len, "%s/.local/state/calm-prompt/events.db", home);
	} else {
		snprintf(msg, msg_len,
			 "no place for the database: set --db, [log] database, or HOME");
		return -1;
	}
	if (n < 0 || (size_t)n >= len) {
		snprintf(msg, msg_len, "the database path is too long");
		return -1;
	}
	return 0;
}

int paths_make_parent(const char *path)
{
	char buf[1024];
	size_t n = strlen(path);

	if (n >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/* The folder named name beside the binary, as the kernel knows it (never the current
 * directory); false when there is none. */
static bool beside_binary(const char *name, char *out, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	struct stat st;

	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash || (size_t)(slash - exe) + strlen(name) + 2 > len)
		return false;
	snprintf(out, len, "%.*s/%s", (int)(slash - exe), exe, name);
	return stat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

void paths_locale_dir(char *out, size_t len)
{
	if (!beside_binary("locale", out, len))
		snprintf(out, len, "%s", CALM_LOCALEDIR);
}

void paths_assets_dir(char *out, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	struct stat st;

	/* The binary's own folder, as the kernel knows it: never the current directory. */
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash && (size_t)(slash - exe) + sizeof("/assets") <= len) {
			snprintf(out, len, "%.*s/assets", (int)(slash - exe), exe);
			if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
				return;
		}
	}
	snprintf(out, len, "%s", CALM_DATADIR);
}

int paths_asset(char *out, size_t len, const char *name)
{
	char dir[PATH_MAX];
	int n;

	paths_assets_dir(dir, sizeof(dir));
	n = snprintf(out, len, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= len) {
		if (len > 0)
			out[0] = '\0';
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}
