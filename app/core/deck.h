/* Connection prompt decks: parsing deck text into tagged prompts, and picking without repeats. */
#ifndef CALM_DECK_H
#define CALM_DECK_H

#include <stddef.h>
#include <stdint.h>

#define PROMPT_ID_MAX 32

enum pathway {
	PATHWAY_SAFETY = 0,
	PATHWAY_EMPATHY,
	PATHWAY_REPAIR,
	PATHWAY_TRUST,
	PATHWAY_RESILIENCE,
	PATHWAY_REFLECTION,
	PATHWAY_COUNT,
};

/* Audience and time-of-day tags are bit sets: a prompt may carry several. */
enum audience_bit {
	AUDIENCE_SELF = 1u << 0,
	AUDIENCE_PARTNER = 1u << 1,
	AUDIENCE_FAMILY = 1u << 2,
	AUDIENCE_KIDS = 1u << 3,
	AUDIENCE_FRIENDS = 1u << 4,
};
#define AUDIENCE_COUNT 5

enum time_bit {
	TIME_MORNING = 1u << 0,
	TIME_DAY = 1u << 1,
	TIME_EVENING = 1u << 2,
	TIME_BEDTIME = 1u << 3,
	TIME_ANY = 1u << 4,
};
#define TIME_COUNT 5

struct prompt {
	char id[PROMPT_ID_MAX + 1]; /* stable: the log refers to prompts by it */
	enum pathway pathway;
	unsigned audiences; /* enum audience_bit set */
	unsigned times;     /* enum time_bit set */
	char *text;         /* UTF-8, owned by the deck */
};

struct deck;

/* Called once per rejected line; line is 1-based. */
typedef void (*deck_error_fn)(void *user, const char *source, int line, const char *message);

struct deck *deck_new(void);
void deck_free(struct deck *deck);

/* Parses deck text (one `id | pathway | audiences | times | text` per line, `#` comments) and
 * adds its good prompts. A bad line or a repeated id is reported through on_error and skipped;
 * the rest still loads. Returns the number of prompts added, or -1 when out of memory. */
int deck_parse(struct deck *deck, const char *source, const char *text, size_t len,
	       deck_error_fn on_error, void *user);

size_t deck_count(const struct deck *deck);
const struct prompt *deck_get(const struct deck *deck, size_t index);
const struct prompt *deck_find(const struct deck *deck, const char *id);

const char *pathway_name(enum pathway pathway);

/* Hands out deck indices in a shuffled order: none repeats until all have been shown. */
struct picker;

struct picker *picker_new(size_t count, uint64_t seed);
void picker_free(struct picker *picker);
/* The next index, or (size_t)-1 for an empty deck. */
size_t picker_next(struct picker *picker);

#endif
