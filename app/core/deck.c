/* SPDX-License-Identifier: MIT */
/* Deck parsing and the no-repeat picker; pure (text in, prompts out). */
#include "deck.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An id a `# retired:` line named: never to be used again, since old log rows refer to it. */
struct retired_id {
	char id[PROMPT_ID_MAX + 1];
	size_t source; /* where it was retired, as in struct prompt */
	int line;
};

/* Ids found by hashing, so a deck loads in time linear in its lines: open addressing, each slot
 * 0 (free) or 1 + an index into the prompts or the retired ids; at most half full. */
struct id_index {
	size_t *slots;
	size_t cap; /* a power of two, or 0 */
};

struct deck {
	struct prompt *prompts;
	size_t count;
	size_t cap;
	char **sources; /* the source names given to deck_parse, in order */
	size_t n_sources;
	struct retired_id *retired;
	size_t n_retired, retired_cap;
	struct id_index prompt_ids, retired_ids;
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
/* The optional tags column; one tag so far. */
enum tag_bit {
	TAG_SHARED = 1u << 0,
};
static const char *const tag_names[] = {"shared"};
#define TAG_COUNT ((int)(sizeof(tag_names) / sizeof(tag_names[0])))

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
	for (size_t i = 0; i < deck->n_sources; i++)
		free(deck->sources[i]);
	free(deck->sources);
	free(deck->retired);
	free(deck->prompt_ids.slots);
	free(deck->retired_ids.slots);
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

/* FNV-1a, its bits then mixed (MurmurHash3's finalizer) so that the low ones the table uses
 * differ for ids that differ only at the end. */
static size_t hash_id(const char *id)
{
	uint64_t h = 14695981039346656037u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211u;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return (size_t)h;
}

static const char *prompt_id(const struct deck *deck, size_t i)
{
	return deck->prompts[i].id;
}

static const char *retired_id(const struct deck *deck, size_t i)
{
	return deck->retired[i].id;
}

/* The slot holding id, or the free slot where it would go; NULL when the index is empty. */
static size_t *id_slot(const struct deck *deck, const struct id_index *ix,
		       const char *(*id_of)(const struct deck *, size_t), const char *id)
{
	if (ix->cap == 0)
		return NULL;
	for (size_t at = hash_id(id) & (ix->cap - 1);; at = (at + 1) & (ix->cap - 1)) {
		size_t *slot = &ix->slots[at];

		if (*slot == 0 || strcmp(id_of(deck, *slot - 1), id) == 0)
			return slot;
	}
}

/* Indexes item i (of n items, all but i already indexed); false when out of memory. */
static bool id_add(const struct deck *deck, struct id_index *ix,
		   const char *(*id_of)(const struct deck *, size_t), size_t i, size_t n)
{
	if (n * 2 > ix->cap) {
		struct id_index bigger = {.cap = ix->cap ? ix->cap * 2 : 64};

		bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
		if (bigger.slots == NULL)
			return false;
		for (size_t k = 0; k < n; k++)
			if (k != i)
				*id_slot(deck, &bigger, id_of, id_of(deck, k)) = k + 1;
		free(ix->slots);
		*ix = bigger;
	}
	*id_slot(deck, ix, id_of, id_of(deck, i)) = i + 1;
	return true;
}

const struct prompt *deck_find(const struct deck *deck, const char *id)
{
	const size_t *slot = id_slot(deck, &deck->prompt_ids, prompt_id, id);

	return slot && *slot ? &deck->prompts[*slot - 1] : NULL;
}

static const struct retired_id *find_retired(const struct deck *deck, const char *id)
{
	const size_t *slot = id_slot(deck, &deck->retired_ids, retired_id, id);

	return slot && *slot ? &deck->retired[*slot - 1] : NULL;
}

bool deck_is_retired(const struct deck *deck, const char *id)
{
	return find_retired(deck, id) != NULL;
}

static const char *source_name(const struct deck *deck, size_t source)
{
	return source < deck->n_sources ? deck->sources[source] : "?";
}

const char *deck_source(const struct deck *deck, const struct prompt *prompt)
{
	return source_name(deck, prompt->source);
}

/* Keeps a copy of a source's name; false when out of memory. */
static bool add_source(struct deck *deck, const char *source)
{
	char **s = realloc(deck->sources, (deck->n_sources + 1) * sizeof(*s));
	size_t n = strlen(source);

	if (!s)
		return false;
	deck->sources = s;
	s[deck->n_sources] = malloc(n + 1);
	if (!s[deck->n_sources])
		return false;
	memcpy(s[deck->n_sources], source, n + 1);
	deck->n_sources++;
	return true;
}

const char *pathway_name(enum pathway pathway)
{
	return (unsigned)pathway < PATHWAY_COUNT ? pathway_names[pathway] : "?";
}

const char *audience_name(int i)
{
	return i >= 0 && i < AUDIENCE_COUNT ? audience_names[i] : "?";
}

const char *time_name(int i)
{
	return i >= 0 && i < TIME_COUNT ? time_names[i] : "?";
}

unsigned deck_part_of_day(int64_t ms_of_day)
{
	int64_t hour;

	if (ms_of_day < 0)
		return 0;
	hour = ms_of_day % 86400000 / 3600000;
	if (hour >= 5 && hour < 11)
		return TIME_MORNING;
	if (hour >= 11 && hour < 17)
		return TIME_DAY;
	if (hour >= 17 && hour < 21)
		return TIME_EVENING;
	return TIME_BEDTIME;
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
	struct field fields[6];
	struct field text;
	int n = 0;
	size_t start = 0;
	struct field bad = {"", 0};
	const struct retired_id *retired;

	line = trim(line.s, line.n);
	if (line.n == 0 || line.s[0] == '#')
		return LINE_SKIP;
	for (size_t i = 0; i <= line.n; i++) {
		if (i < line.n && line.s[i] != '|')
			continue;
		if (n == 6) {
			snprintf(msg, msg_len,
				 "more than 6 fields ('|' is not allowed in the text)");
			return LINE_BAD;
		}
		fields[n++] = trim(line.s + start, i - start);
		start = i + 1;
	}
	if (n < 5) {
		snprintf(msg, msg_len,
			 "expected 'id | pathway | audiences | times | text' (a tags column before "
			 "the text is optional), found %d fields",
			 n);
		return LINE_BAD;
	}
	text = fields[n - 1];
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
	retired = find_retired(deck, out->id);
	if (retired) {
		snprintf(msg, msg_len, "id '%s' is retired (%s:%d): give the prompt a new id",
			 out->id, source_name(deck, retired->source), retired->line);
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
	/* An empty tags column is no tags. */
	if (n == 6 && fields[4].n > 0) {
		unsigned tags = parse_tags(fields[4], tag_names, TAG_COUNT, &bad);

		if (!tags) {
			snprintf(msg, msg_len, "tag '%.*s': the only tag is shared", (int)bad.n,
				 bad.s);
			return LINE_BAD;
		}
		out->shared = (tags & TAG_SHARED) != 0;
	}
	/* The shared screen is seen all day and all night: a prompt made for one part of the
	 * day would be out of place there at another. */
	if (out->shared && out->times != TIME_ANY) {
		snprintf(msg, msg_len, "a shared prompt is for any time: its times must be 'any'");
		return LINE_BAD;
	}
	if (text.n == 0) {
		snprintf(msg, msg_len, "the prompt text is empty");
		return LINE_BAD;
	}
	out->text = malloc(text.n + 1);
	if (!out->text)
		return LINE_NOMEM;
	memcpy(out->text, text.s, text.n);
	out->text[text.n] = '\0';
	return LINE_PROMPT;
}

/* The ids of a `# retired: a, b` comment, after the colon; an empty field when the line is
 * something else. */
static struct field retired_list(struct field line)
{
	static const char key[] = "retired:";
	struct field f = trim(line.s, line.n);

	if (f.n == 0 || f.s[0] != '#')
		return (struct field){"", 0};
	f = trim(f.s + 1, f.n - 1);
	if (f.n < sizeof(key) - 1 || memcmp(f.s, key, sizeof(key) - 1) != 0)
		return (struct field){"", 0};
	return trim(f.s + sizeof(key) - 1, f.n - (sizeof(key) - 1));
}

/* Records the ids of a retired list; bad ids and ids in use are reported. -1 when out of
 * memory. */
static int retire_ids(struct deck *deck, struct field list, int line_no, deck_error_fn on_error,
		      void *user)
{
	const char *source = deck->sources[deck->n_sources - 1];
	size_t start = 0;
	char msg[256];

	for (size_t i = 0; i <= list.n; i++) {
		if (i < list.n && list.s[i] != ',')
			continue;
		struct field id = trim(list.s + start, i - start);
		char name[PROMPT_ID_MAX + 1];
		const struct prompt *used;

		start = i + 1;
		if (id.n == 0) /* a trailing comma */
			continue;
		if (!valid_id(id)) {
			snprintf(msg, sizeof(msg),
				 "retired id '%.*s': use 1-%d characters a-z, 0-9 and '-'",
				 (int)id.n, id.s, PROMPT_ID_MAX);
			if (on_error)
				on_error(user, source, line_no, msg);
			continue;
		}
		memcpy(name, id.s, id.n);
		name[id.n] = '\0';
		used = deck_find(deck, name);
		if (used && on_error) {
			snprintf(msg, sizeof(msg),
				 "id '%s' is retired but a prompt uses it (%s:%d)", name,
				 deck_source(deck, used), used->line);
			on_error(user, source, line_no, msg);
		}
		if (find_retired(deck, name))
			continue;
		if (deck->n_retired == deck->retired_cap) {
			size_t cap = deck->retired_cap ? deck->retired_cap * 2 : 16;
			struct retired_id *grown = realloc(deck->retired, cap * sizeof(*grown));

			if (!grown)
				return -1;
			deck->retired = grown;
			deck->retired_cap = cap;
		}
		struct retired_id *r = &deck->retired[deck->n_retired];
		memcpy(r->id, name, id.n + 1);
		r->source = deck->n_sources - 1;
		r->line = line_no;
		if (!id_add(deck, &deck->retired_ids, retired_id, deck->n_retired,
			    deck->n_retired + 1))
			return -1;
		deck->n_retired++;
	}
	return 0;
}

int deck_parse(struct deck *deck, const char *source, const char *text, size_t len,
	       deck_error_fn on_error, void *user)
{
	int added = 0;
	int line_no = 0;
	size_t pos = 0;

	if (!add_source(deck, source))
		return -1;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct prompt p = {0};
		struct field line = {text + pos, end - pos};
		struct field retired = retired_list(line);
		char msg[256];

		line_no++;
		if (retired.n > 0 && retire_ids(deck, retired, line_no, on_error, user) != 0)
			return -1;
		switch (parse_line(deck, line, &p, msg, sizeof(msg))) {
		case LINE_SKIP:
			break;
		case LINE_BAD:
			if (on_error)
				on_error(user, source, line_no, msg);
			break;
		case LINE_NOMEM:
			return -1;
		case LINE_PROMPT:
			p.source = deck->n_sources - 1;
			p.line = line_no;
			if (deck->count == deck->cap && !deck_grow(deck)) {
				free(p.text);
				return -1;
			}
			deck->prompts[deck->count] = p;
			if (!id_add(deck, &deck->prompt_ids, prompt_id, deck->count,
				    deck->count + 1)) {
				free(p.text);
				return -1;
			}
			deck->count++;
			added++;
			break;
		}
		pos = end + 1;
	}
	return added;
}

bool deck_tags_parse(enum deck_tag_kind kind, const char *list, unsigned *bits, char *bad,
		     size_t bad_len)
{
	const char *const *names = kind == DECK_TAG_PATHWAY    ? pathway_names
				   : kind == DECK_TAG_AUDIENCE ? audience_names
							       : time_names;
	int count = kind == DECK_TAG_PATHWAY    ? PATHWAY_COUNT
		    : kind == DECK_TAG_AUDIENCE ? AUDIENCE_COUNT
						: TIME_COUNT;
	struct field bad_tag = {"", 0};

	*bits = parse_tags(trim(list, strlen(list)), names, count, &bad_tag);
	if (*bits == 0) {
		snprintf(bad, bad_len, "%.*s", (int)bad_tag.n, bad_tag.s);
		return false;
	}
	return true;
}

bool prompt_eligible(const struct prompt *prompt, unsigned audiences, unsigned pathways)
{
	return (prompt->audiences & audiences) && (pathways & (1u << prompt->pathway));
}

bool prompt_for_the_clock(const struct prompt *prompt, unsigned audiences, unsigned pathways)
{
	/* The parser only lets 'shared' go with 'any'; the time is checked again because a
	 * prompt for bedtime on the clock at breakfast is exactly what must never happen. */
	return prompt->shared && prompt->times == TIME_ANY &&
	       prompt_eligible(prompt, audiences, pathways);
}

/* --- picker --- */

/* Relative chances of an unshown prompt being next: one made for this part of the day is four
 * times as likely as one for any time, which is four times as likely as one made for another
 * part of the day (still shown within its round, so nothing is left out for good). */
#define WEIGHT_NOW   16
#define WEIGHT_ANY   4
#define WEIGHT_OTHER 1

#define NONE ((size_t)-1)

enum pick_state {
	PICK_INELIGIBLE = 0, /* not for this household's audiences or pathways */
	PICK_WAITING,        /* not shown yet in this round */
	PICK_SHOWN,          /* shown in this round */
};

struct picker {
	const struct deck *deck;
	unsigned char *state; /* enum pick_state per deck index */
	size_t count;         /* prompts in the deck */
	size_t eligible;      /* of those, eligible */
	size_t left;          /* eligible ones still waiting in this round */
	size_t last;          /* deck index shown last, or NONE */
	uint64_t rng;         /* xorshift64 state, never 0 */
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

/* Every eligible prompt waits again. */
static void new_round(struct picker *p)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->state[i] != PICK_INELIGIBLE)
			p->state[i] = PICK_WAITING;
	p->left = p->eligible;
}

struct picker *picker_new(const struct deck *deck, unsigned audiences, unsigned pathways,
			  uint64_t seed)
{
	struct picker *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->deck = deck;
	p->count = deck ? deck->count : 0;
	p->state = calloc(p->count ? p->count : 1, 1);
	if (!p->state) {
		free(p);
		return NULL;
	}
	for (size_t i = 0; i < p->count; i++) {
		const struct prompt *q = &deck->prompts[i];

		if (prompt_eligible(q, audiences, pathways)) {
			p->state[i] = PICK_WAITING;
			p->eligible++;
		}
	}
	p->left = p->eligible;
	p->last = NONE;
	p->rng = seed ? seed : 0x9e3779b97f4a7c15ull;
	/* Stir the seed, so nearby seeds do not start alike. */
	for (int i = 0; i < 4; i++)
		rng_next(&p->rng);
	return p;
}

void picker_free(struct picker *picker)
{
	if (!picker)
		return;
	free(picker->state);
	free(picker);
}

size_t picker_eligible(const struct picker *picker)
{
	return picker->eligible;
}

size_t picker_left(const struct picker *picker)
{
	return picker->left;
}

static size_t deck_index(const struct deck *deck, const char *id)
{
	const struct prompt *q = deck ? deck_find(deck, id) : NULL;

	return q ? (size_t)(q - deck->prompts) : NONE;
}

void picker_restore(struct picker *picker, const char *const *ids_newest_first, size_t n)
{
	new_round(picker);
	picker->last = NONE;
	/* The round in progress is at most the newest run of distinct ids: going back in time,
	 * the first id seen twice was shown in an earlier round. Taking the longest such run
	 * never lets a prompt repeat within a round. */
	for (size_t k = 0; k < n && picker->left > 0; k++) {
		size_t i = deck_index(picker->deck, ids_newest_first[k]);

		if (i == NONE || picker->state[i] == PICK_INELIGIBLE)
			continue;
		if (picker->state[i] == PICK_SHOWN)
			break;
		picker->state[i] = PICK_SHOWN;
		picker->left--;
		if (picker->last == NONE)
			picker->last = i;
	}
}

static uint64_t weight(const struct prompt *q, unsigned now)
{
	if (!now)
		return 1;
	if (q->times & now)
		return WEIGHT_NOW;
	return q->times & TIME_ANY ? WEIGHT_ANY : WEIGHT_OTHER;
}

size_t picker_next(struct picker *picker, int64_t ms_of_day)
{
	unsigned now = deck_part_of_day(ms_of_day);
	size_t avoid = NONE;
	uint64_t total = 0, r;

	if (picker->eligible == 0)
		return NONE;
	if (picker->left == 0) {
		new_round(picker);
		/* A new round never opens with the prompt that closed the last one. */
		if (picker->eligible > 1)
			avoid = picker->last;
	}
	for (size_t i = 0; i < picker->count; i++)
		if (picker->state[i] == PICK_WAITING && i != avoid)
			total += weight(&picker->deck->prompts[i], now);
	r = rng_next(&picker->rng) % total;
	for (size_t i = 0; i < picker->count; i++) {
		uint64_t w;

		if (picker->state[i] != PICK_WAITING || i == avoid)
			continue;
		w = weight(&picker->deck->prompts[i], now);
		if (r < w) {
			picker->state[i] = PICK_SHOWN;
			picker->left--;
			picker->last = i;
			return i;
		}
		r -= w;
	}
	return NONE; /* not reached: r < total */
}
