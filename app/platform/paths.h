/* SPDX-License-Identifier: MIT */
/* Where things live: the config file, the database, the shipped assets. */
#ifndef CALM_PATHS_H
#define CALM_PATHS_H

#include <stddef.h>

#define PATHS_DEFAULT_CONFIG "/etc/calm-prompt/calm-prompt.conf"

/* The database path when neither --db nor the config names one: the service's StateDirectory,
 * else $XDG_STATE_HOME/calm-prompt, else ~/.local/state/calm-prompt; file events.db.
 * Returns 0, or -1 with msg set when no home can be found. */
int paths_default_db(char *out, size_t len, char *msg, size_t msg_len);

/* Creates the folders above path (like mkdir -p of its parent). Returns 0 or -1 (errno set). */
int paths_make_parent(const char *path);

/* The folder of shipped assets: "assets" beside the binary (a build tree), else the installed
 * data folder. */
void paths_assets_dir(char *out, size_t len);

/* A file or folder among the shipped assets: "<paths_assets_dir>/<name>". Returns 0, or -1
 * (errno ENAMETOOLONG, out empty) when it does not fit in len bytes: never a path cut short. */
int paths_asset(char *out, size_t len, const char *name);

/* The folder of the translations (<language>/LC_MESSAGES/calm-prompt.mo): "locale" beside the
 * binary (a build tree), else the installed share/locale. */
void paths_locale_dir(char *out, size_t len);

#endif
