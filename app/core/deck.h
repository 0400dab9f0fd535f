/* SPDX-License-Identifier: MIT */
/* Connection prompt decks: parsing deck text into tagged prompts, and picking without repeats. */
#ifndef CALM_DECK_H
#define CALM_DECK_H

#include <stdbool.h>
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
	bool shared;        /* tagged 'shared': fit for the screen everyone walks past */
	char *text;         /* UTF-8, owned by the deck */
	size_t source;      /* which deck_parse call it came from: see deck_source() */
	int line;           /* its line there, 1-based */
};

struct deck;

/* Called once per rejected line; line is 1-based. */
typedef void (*deck_error_fn)(void *user, const char *source, int line, const char *message);

struct deck *deck_new(void);
void deck_free(struct deck *deck);

/* Parses deck text and adds its good prompts. One prompt a line,
 *   id | pathway | audiences | times | text          or
 *   id | pathway | audiences | times | tags | text
 * where tags is a comma list (only "shared", which needs times "any"); `#` starts a comment.
 * A comment `# retired: id, id` retires ids for good: a prompt using one, now or in a later
 * deck_parse, is refused, and so is retiring an id a prompt already uses. A bad line, a repeated
 * or retired id is reported through on_error and skipped; the rest still loads. Returns the
 * number of prompts added, or -1 when out of memory. */
int deck_parse(struct deck *deck, const char *source, const char *text, size_t len,
	       deck_error_fn on_error, void *user);

size_t deck_count(const struct deck *deck);
const struct prompt *deck_get(const struct deck *deck, size_t index);
const struct prompt *deck_find(const struct deck *deck, const char *id);
/* Whether a `# retired:` line of any deck parsed so far named this id. */
bool deck_is_retired(const struct deck *deck, const char *id);
/* The source name a prompt was parsed from (as given to deck_parse). */
const char *deck_source(const struct deck *deck, const struct prompt *prompt);

const char *pathway_name(enum pathway pathway);
/* The name of the audience or time with bit index i (0 <= i < AUDIENCE_COUNT / TIME_COUNT). */
const char *audience_name(int i);
const char *time_name(int i);

/* Whether a prompt is for the household: it shares an audience with `audiences` (enum
 * audience_bit) and its pathway is in `pathways` (1 << enum pathway). */
bool prompt_eligible(const struct prompt *prompt, unsigned audiences, unsigned pathways);

/* Whether a prompt may be the clock's prompt of the day, which everyone walking past reads:
 * tagged shared (so for any time of day) and eligible for the household as above. */
bool prompt_for_the_clock(const struct prompt *prompt, unsigned audiences, unsigned pathways);

/* Which tag list deck_tags_parse reads. */
enum deck_tag_kind {
	DECK_TAG_PATHWAY,  /* bits: 1 << enum pathway */
	DECK_TAG_AUDIENCE, /* bits: enum audience_bit */
	DECK_TAG_TIME,     /* bits: enum time_bit */
};

#define DECK_ALL_PATHWAYS  ((1u << PATHWAY_COUNT) - 1)
#define DECK_ALL_AUDIENCES ((1u << AUDIENCE_COUNT) - 1)

/* Parses a comma list of tag names ("self, partner") into a bit set. Returns false for an empty
 * list or an unknown name, with the offending name (or "") copied into bad. */
bool deck_tags_parse(enum deck_tag_kind kind, const char *list, unsigned *bits, char *bad,
		     size_t bad_len);

/* The part of the day a local time falls in: TIME_MORNING 05:00-11:00, TIME_DAY 11:00-17:00,
 * TIME_EVENING 17:00-21:00, TIME_BEDTIME 21:00-05:00; 0 when ms_of_day is negative (unknown). */
unsigned deck_part_of_day(int64_t ms_of_day);

/* Hands out the eligible prompts of a deck in rounds: none repeats until every eligible prompt
 * has been shown, and within a round those tagged for the current part of the day tend to come
 * first. The same seed and the same history give the same order. */
struct picker;

/* A prompt is eligible when it shares an audience with `audiences` and its pathway is in
 * `pathways` (1 << enum pathway). The deck is borrowed and must not change while the picker
 * lives. NULL when out of memory. */
struct picker *picker_new(const struct deck *deck, unsigned audiences, unsigned pathways,
			  uint64_t seed);
void picker_free(struct picker *picker);

/* How many prompts of the deck are eligible. */
size_t picker_eligible(const struct picker *picker);
/* How many eligible prompts the current round has not shown yet. */
size_t picker_left(const struct picker *picker);

/* Restores the current round from the prompts shown before (a restart), ids newest first: the
 * newest run of distinct eligible ids is taken as shown in this round, the newest of them as
 * the last one shown. Unknown and ineligible ids are skipped. Call before the first pick. */
void picker_restore(struct picker *picker, const char *const *ids_newest_first, size_t n);

/* The deck index of the next prompt, at local time of day ms_of_day (-1: unknown, every
 * prompt weighs alike); (size_t)-1 when no prompt is eligible. */
size_t picker_next(struct picker *picker, int64_t ms_of_day);

#endif
