/* SPDX-License-Identifier: MIT */
/* Reads deck files from disk and hands their text to the core's parser. */
#include "deckfiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_deck(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".deck") == 0;
}

/* Reads a whole deck file of at most DECKFILES_MAX_BYTES; NULL on failure, with why (at most
 * why_len bytes). */
static char *read_file(const char *path, size_t *len, char *why, size_t why_len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t got;
	struct stat st;

	if (!f) {
		snprintf(why, why_len, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) != 0) {
		snprintf(why, why_len, "%s", strerror(errno));
		goto err_close;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, why_len, "not a plain file");
		goto err_close;
	}
	if (st.st_size > DECKFILES_MAX_BYTES) {
		snprintf(why, why_len,
			 "the file is larger than 1 MiB (%lld bytes); split it into smaller decks",
			 (long long)st.st_size);
		goto err_close;
	}
	/* One byte more than the limit: a file that grew since fstat is caught too. */
	buf = malloc(DECKFILES_MAX_BYTES + 2);
	if (!buf) {
		snprintf(why, why_len, "out of memory");
		goto err_close;
	}
	got = fread(buf, 1, DECKFILES_MAX_BYTES + 1, f);
	if (ferror(f)) {
		snprintf(why, why_len, "%s", strerror(errno));
		goto err_free;
	}
	if (got > DECKFILES_MAX_BYTES) {
		snprintf(why, why_len, "the file is larger than 1 MiB; split it into smaller decks");
		goto err_free;
	}
	buf[got] = '\0';
	*len = got;
	fclose(f);
	return buf;

err_free:
	free(buf);
err_close:
	fclose(f);
	return NULL;
}

int deckfiles_load(struct deck *deck, const char *dir, deck_error_fn on_error, void *user)
{
	struct dirent **names;
	int n = scandir(dir, &names, is_deck, alphasort);
	int total = 0;

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		char path[1024];
		char why[128];
		size_t len = 0;
		char *text;
		int added;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		text = read_file(path, &len, why, sizeof(why));
		if (!text) {
			if (on_error)
				on_error(user, path, 0, why);
			continue;
		}
		added = deck_parse(deck, path, text, len, on_error, user);
		free(text);
		if (added > 0)
			total += added;
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return total;
}
