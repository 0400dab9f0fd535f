/* SPDX-License-Identifier: MIT */
/* The prompt linter: loads decks as the app does and checks each prompt against the real font at
 * the smallest screen, with the renderer's own measure. */
#include "promptlint.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deckfiles.h"
#include "language.h"
#include "measure.h"
#include "utf8.h"
#include "wording.h"

struct lint {
	FILE *out;
	const struct deck *deck; /* the decks loaded, for the names of their files */
	int errors;   /* lines the app cannot use, prompts it cannot show */
	int warnings; /* words against the writing guide: the prompt still loads */
};

__attribute__((format(printf, 2, 3))) static void report(struct lint *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(l->out, fmt, ap);
	va_end(ap);
	fputc('\n', l->out);
	l->errors++;
}

/* A prompt whose words go against docs/writing-prompts.md, as far as words can tell. */
static void on_wording(void *user, const struct prompt *p, const char *message)
{
	struct lint *l = user;

	fprintf(l->out, "%s:%d: '%s': warning: %s\n", deck_source(l->deck, p), p->line, p->id,
		message);
	l->warnings++;
}

/* Bad lines, bad tags and repeated ids, as the parser finds them. */
static void on_deck_problem(void *user, const char *source, int line, const char *message)
{
	struct lint *l = user;

	if (line > 0)
		report(l, "%s:%d: %s", source, line, message);
	else
		report(l, "%s: %s", source, message);
}

/* Every character of the text must be valid UTF-8 and drawn by the font, not as a box. */
static void check_characters(struct lint *l, const struct deck *deck, const struct prompt *p,
			     struct text_measure *measure)
{
	const unsigned char *s = (const unsigned char *)p->text;
	size_t left = strlen(p->text);

	while (left > 0) {
		const unsigned char *at = s;
		uint32_t c;
		size_t len = utf8_decode(s, left, &c);

		s += len;
		left -= len;
		if (len == 0) {
			report(l, "%s:%d: '%s': the text is not valid UTF-8", deck_source(deck, p),
			       p->line, p->id);
			return;
		}
		if (!measure_has_glyph(measure, c)) {
			report(l, "%s:%d: '%s': the font has no '%.*s' (U+%04X)",
			       deck_source(deck, p), p->line, p->id, (int)(s - at),
			       (const char *)at, (unsigned)c);
			return;
		}
	}
}

/* The text as compared for duplicates: lower case, runs of spaces as one, trimmed. */
static char *fold_text(const char *text)
{
	char *out = malloc(strlen(text) + 1);
	size_t n = 0;
	bool space = false;

	if (!out)
		return NULL;
	for (const char *s = text; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (isspace(c)) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)tolower(c);
	}
	out[n] = '\0';
	return out;
}

static int check_duplicate_texts(struct lint *l, const struct deck *deck)
{
	size_t count = deck_count(deck);
	char **folded = calloc(count ? count : 1, sizeof(*folded));
	int ret = -1;

	if (!folded)
		return -1;
	for (size_t i = 0; i < count; i++) {
		folded[i] = fold_text(deck_get(deck, i)->text);
		if (!folded[i])
			goto free_folded;
	}
	for (size_t i = 0; i < count; i++) {
		for (size_t j = 0; j < i; j++) {
			const struct prompt *p = deck_get(deck, i), *first = deck_get(deck, j);

			if (strcmp(folded[i], folded[j]) != 0)
				continue;
			report(l, "%s:%d: '%s': the same text as '%s' (%s:%d)",
			       deck_source(deck, p), p->line, p->id, first->id,
			       deck_source(deck, first), first->line);
			break;
		}
	}
	ret = 0;
free_folded:
	for (size_t i = 0; i < count; i++)
		free(folded[i]);
	free(folded);
	return ret;
}

static void print_counts(FILE *out, const struct deck *deck)
{
	int pathways[PATHWAY_COUNT] = {0}, audiences[AUDIENCE_COUNT] = {0}, times[TIME_COUNT] = {0};
	int shared = 0;

	for (size_t i = 0; i < deck_count(deck); i++) {
		const struct prompt *p = deck_get(deck, i);

		pathways[p->pathway]++;
		for (int a = 0; a < AUDIENCE_COUNT; a++)
			audiences[a] += (p->audiences >> a) & 1u;
		for (int t = 0; t < TIME_COUNT; t++)
			times[t] += (p->times >> t) & 1u;
		shared += p->shared;
	}
	for (int i = 0; i < PATHWAY_COUNT; i++)
		fprintf(out, "pathway  %-11s %4d\n", pathway_name((enum pathway)i), pathways[i]);
	for (int i = 0; i < AUDIENCE_COUNT; i++)
		fprintf(out, "audience %-11s %4d\n", audience_name(i), audiences[i]);
	for (int i = 0; i < TIME_COUNT; i++)
		fprintf(out, "time     %-11s %4d\n", time_name(i), times[i]);
	/* The set the clock's prompt of the day comes from. */
	fprintf(out, "tag      %-11s %4d\n", "shared", shared);
}

const char *promptlint_dir_language(const char *path, const char *spoken)
{
	static char name[LANGUAGE_MAX];
	const char *slash;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	slash = path + n;
	while (slash > path && slash[-1] != '/')
		slash--;
	n -= (size_t)(slash - path);
	if (n >= sizeof(name))
		return spoken;
	memcpy(name, slash, n);
	name[n] = '\0';
	if (language_valid(name) && strcspn(name, "_@") == 2)
		return name;
	return spoken;
}

/* Loads the folders as the app does: a missing optional one is skipped without a word. Sets
 * ends[i] to the number of prompts loaded once folder i is. */
static void load_dirs(struct lint *l, struct deck *deck, const struct promptlint_dir *dirs,
		      size_t n_dirs, size_t *ends)
{
	for (size_t i = 0; i < n_dirs; i++) {
		int n = deckfiles_load(deck, dirs[i].path, on_deck_problem, l);

		ends[i] = deck_count(deck);
		if (n >= 0)
			continue;
		if (dirs[i].optional && errno == ENOENT)
			continue;
		report(l, "%s: cannot read the folder: %s", dirs[i].path, strerror(errno));
	}
}

int promptlint_run(const struct promptlint_dir *dirs, size_t n_dirs, const char *font_path,
		   FILE *out, char *msg, size_t msg_len)
{
	struct lint l = {.out = out};
	struct deck *deck;
	struct text_measure *measure;
	size_t *ends = NULL;
	int ret = -1;

	deck = deck_new();
	if (!deck) {
		snprintf(msg, msg_len, "out of memory");
		return -1;
	}
	/* Measured the way the prompt screen draws it. */
	measure = measure_open(font_path, msg, msg_len);
	if (!measure)
		goto free_deck;
	ends = calloc(n_dirs ? n_dirs : 1, sizeof(*ends));
	if (!ends) {
		snprintf(msg, msg_len, "out of memory");
		goto close_measure;
	}
	load_dirs(&l, deck, dirs, n_dirs, ends);
	l.deck = deck;
	for (size_t i = 0, dir = 0; i < deck_count(deck); i++) {
		const struct prompt *p = deck_get(deck, i);

		while (dir + 1 < n_dirs && i >= ends[dir])
			dir++;
		for (int turn = 0; turn < 2; turn++) {
			int w = turn ? PROMPTLINT_SCREEN_H : PROMPTLINT_SCREEN_W;
			int h = turn ? PROMPTLINT_SCREEN_W : PROMPTLINT_SCREEN_H;

			if (measure_prompt_px(measure, p->text, w, h) > 0)
				continue;
			report(&l,
			       "%s:%d: '%s': too long to fit a %dx%d screen even at the smallest "
			       "type size",
			       deck_source(deck, p), p->line, p->id, w, h);
			break;
		}
		check_characters(&l, deck, p, measure);
		wording_check_in(p, n_dirs ? dirs[dir].language : "", on_wording, &l);
	}
	if (check_duplicate_texts(&l, deck) != 0) {
		snprintf(msg, msg_len, "out of memory");
		goto close_measure;
	}
	print_counts(out, deck);
	fprintf(out, "%zu prompts: %d error%s, %d warning%s\n", deck_count(deck), l.errors,
		l.errors == 1 ? "" : "s", l.warnings, l.warnings == 1 ? "" : "s");
	ret = l.errors > 0 ? 1 : 0;
close_measure:
	free(ends);
	measure_close(measure);
free_deck:
	deck_free(deck);
	return ret;
}
