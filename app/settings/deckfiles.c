/* SPDX-License-Identifier: MIT */
/* Reads deck files from disk and hands their text to the core's parser. */
#include "deckfiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_deck(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".deck") == 0;
}

/* Reads a whole file; NULL on failure (errno set). */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto err_close;
	buf = malloc((size_t)size + 1);
	if (!buf)
		goto err_close;
	*len = fread(buf, 1, (size_t)size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;

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
		size_t len = 0;
		char *text;
		int added;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		text = read_file(path, &len);
		if (!text) {
			if (on_error)
				on_error(user, path, 0, strerror(errno));
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
