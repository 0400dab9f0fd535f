/* Deck parsing and the no-repeat picker; pure (text in, prompts out). */
#include "deck.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct deck {
	struct prompt *prompts;
	size_t count;
	size_t cap;
};

static const char *const pathway_names[PATHWAY_COUNT] = {
	"safety", "empathy", "repair", "trust", "resilience", "reflection",
};
static const char *const audience_names[AUDIENCE_COUNT] = {
	"self", "partner", "family", "kids", "friends",
};
static const char *const time_names[TIME_COUNT] = {
	"morning", "day", "evening", "bedtime", "any",
};

struct deck *deck_new(void)
{
	return calloc(1, sizeof(struct deck));
}

void deck_free(struct deck *deck)
{
	if (!deck)
		return;
	for (size_t i = 0; i < deck->count; i++)
		free(deck->prompts[i].text);
	free(deck->prompts);
	free(deck);
}

size_t deck_count(const struct deck *deck)
{
	return deck->count;
}

const struct prompt *deck_get(const struct deck *deck, size_t index)
{
	return index < deck->count ? &deck->prompts[index] : NULL;
}

const struct prompt *deck_find(const struct deck *deck, const char *id)
{
	for (size_t i = 0; i < deck->count; i++)
		if (strcmp(deck->prompts[i].id, id) == 0)
			return &deck->prompts[i];
	return NULL;
}

const char *pathway_name(enum pathway pathway)
{
	return (unsigned)pathway < PATHWAY_COUNT ? pathway_names[pathway] : "?";
}

/* A field of a line: a slice of the input, trimmed of spaces. */
struct field {
	const char *s;
	size_t n;
};

static struct field trim(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return (struct field){s, n};
}

static bool field_is(struct field f, const char *word)
{
	return strlen(word) == f.n && memcmp(f.s, word, f.n) == 0;
}

static int name_index(struct field f, const char *const *names, int count)
{
	for (int i = 0; i < count; i++)
		if (field_is(f, names[i]))
			return i;
	return -1;
}

/* Parses a comma list of tag names into a bit set; 0 with *bad set to the bad tag on error. */
static unsigned parse_tags(struct field f, const char *const *names, int count, struct field *bad)
{
	unsigned bits = 0;
	size_t start = 0;

	for (size_t i = 0; i <= f.n; i++) {
		if (i < f.n && f.s[i] != ',')
			continue;
		struct field tag = trim(f.s + start, i - start);
		int idx = name_index(tag, names, count);

		if (idx < 0) {
			*bad = tag;
			return 0;
		}
		bits |= 1u << idx;
		start = i + 1;
	}
	return bits;
}

static bool valid_id(struct field f)
{
	if (f.n == 0 || f.n > PROMPT_ID_MAX)
		return false;
	for (size_t i = 0; i < f.n; i++) {
		char c = f.s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

static bool deck_grow(struct deck *deck)
{
	size_t cap = deck->cap ? deck->cap * 2 : 64;
	struct prompt *p = realloc(deck->prompts, cap * sizeof(*p));

	if (!p)
		return false;
	deck->prompts = p;
	deck->cap = cap;
	return true;
}

enum line_result { LINE_SKIP, LINE_PROMPT, LINE_BAD, LINE_NOMEM };

/* Parses one line into *out; on LINE_BAD, msg holds why. */
static enum line_result parse_line(const struct deck *deck, struct field line, struct prompt *out,
				   char *msg, size_t msg_len)
{
	struct field fields[5];
	int n = 0;
	size_t start = 0;
	struct field bad = {"", 0};

	line = trim(line.s, line.n);
	if (line.n == 0 || line.s[0] == '#')
		return LINE_SKIP;
	for (size_t i = 0; i <= line.n; i++) {
		if (i < line.n && line.s[i] != '|')
			continue;
		if (n == 5) {
			snprintf(msg, msg_len,
				 "more than 5 fields ('|' is not allowed in the text)");
			return LINE_BAD;
		}
		fields[n++] = trim(line.s + start, i - start);
		start = i + 1;
	}
	if (n != 5) {
		snprintf(msg, msg_len,
			 "expected 5 fields 'id | pathway | audiences | times | text', found %d",
			 n);
		return LINE_BAD;
	}
	if (!valid_id(fields[0])) {
		snprintf(msg, msg_len, "id '%.*s': use 1-%d characters a-z, 0-9 and '-'",
			 (int)fields[0].n, fields[0].s, PROMPT_ID_MAX);
		return LINE_BAD;
	}
	memcpy(out->id, fields[0].s, fields[0].n);
	out->id[fields[0].n] = '\0';
	if (deck_find(deck, out->id)) {
		snprintf(msg, msg_len, "id '%s' is already used by another prompt", out->id);
		return LINE_BAD;
	}
	int pw = name_index(fields[1], pathway_names, PATHWAY_COUNT);
	if (pw < 0) {
		snprintf(msg, msg_len,
			 "pathway '%.*s': use safety, empathy, repair, trust, resilience or "
			 "reflection",
			 (int)fields[1].n, fields[1].s);
		return LINE_BAD;
	}
	out->pathway = (enum pathway)pw;
	out->audiences = parse_tags(fields[2], audience_names, AUDIENCE_COUNT, &bad);
	if (!out->audiences) {
		snprintf(msg, msg_len,
			 "audience '%.*s': use self, partner, family, kids or friends", (int)bad.n,
			 bad.s);
		return LINE_BAD;
	}
	out->times = parse_tags(fields[3], time_names, TIME_COUNT, &bad);
	if (!out->times) {
		snprintf(msg, msg_len, "time '%.*s': use morning, day, evening, bedtime or any",
			 (int)bad.n, bad.s);
		return LINE_BAD;
	}
	if (fields[4].n == 0) {
		snprintf(msg, msg_len, "the prompt text is empty");
		return LINE_BAD;
	}
	out->text = malloc(fields[4].n + 1);
	if (!out->text)
		return LINE_NOMEM;
	memcpy(out->text, fields[4].s, fields[4].n);
	out->text[fields[4].n] = '\0';
	return LINE_PROMPT;
}

int deck_parse(struct deck *deck, const char *source, const char *text, size_t len,
	       deck_error_fn on_error, void *user)
{
	int added = 0;
	int line_no = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct prompt p = {0};
		char msg[160];

		line_no++;
		switch (parse_line(deck, (struct field){text + pos, end - pos}, &p, msg,
				   sizeof(msg))) {
		case LINE_SKIP:
			break;
		case LINE_BAD:
			if (on_error)
				on_error(user, source, line_no, msg);
			break;
		case LINE_NOMEM:
			return -1;
		case LINE_PROMPT:
			if (deck->count == deck->cap && !deck_grow(deck)) {
				free(p.text);
				return -1;
			}
			deck->prompts[deck->count++] = p;
			added++;
			break;
		}
		pos = end + 1;
	}
	return added;
}

/* --- picker --- */

struct picker {
	size_t *order; /* a permutation of 0..count-1 */
	size_t count;
	size_t next;  /* position in order of the next index to hand out */
	uint64_t rng; /* xorshift64 state, never 0 */
};

static uint64_t rng_next(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

static void picker_shuffle(struct picker *p)
{
	for (size_t i = p->count; i > 1; i--) {
		size_t j = (size_t)(rng_next(&p->rng) % i);
		size_t tmp = p->order[i - 1];

		p->order[i - 1] = p->order[j];
		p->order[j] = tmp;
	}
	p->next = 0;
}

struct picker *picker_new(size_t count, uint64_t seed)
{
	struct picker *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->order = calloc(count ? count : 1, sizeof(size_t));
	if (!p->order) {
		free(p);
		return NULL;
	}
	p->count = count;
	p->rng = seed ? seed : 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < count; i++)
		p->order[i] = i;
	picker_shuffle(p);
	return p;
}

void picker_free(struct picker *picker)
{
	if (!picker)
		return;
	free(picker->order);
	free(picker);
}

size_t picker_next(struct picker *picker)
{
	if (picker->count == 0)
		return (size_t)-1;
	if (picker->next == picker->count) {
		size_t last = picker->order[picker->count - 1];

		picker_shuffle(picker);
		/* A new round never opens with the prompt that closed the last one. */
		if (picker->count > 1 && picker->order[0] == last) {
			picker->order[0] = picker->order[1];
			picker->order[1] = last;
		}
	}
	return picker->order[picker->next++];
}
