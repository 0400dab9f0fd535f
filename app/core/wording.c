/* SPDX-License-Identifier: MIT */
/* Word checks on prompts: the parts of the writing guide a program can check. */
#include "wording.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Touching another person. "hand on" and "touch" also name the reader's own body ("a hand on
 * your chest"): see own_body(). */
static const char *const touch_words[] = {
	"hug",
	"hugs",
	"hugging",
	"cuddle",
	"cuddles",
	"cuddling",
	"kiss",
	"kisses",
	"kissing",
	"snuggle",
	"snuggles",
	"snuggling",
	"embrace",
	"touch",
	"touches",
	"touching",
	"hold hands",
	"holding hands",
	"hold their hand",
	"take their hand",
	"hold each other",
	"hand on",
	"hands on",
	"massage",
	"shoulder rub",
	"back rub",
	"foreheads together",
};

/* Wording that makes touch an offer or a question, never an instruction. */
static const char *const offer_words[] = {
	"ask",
	"asks",
	"asked",
	"asking",
	"offer",
	"offers",
	"offered",
	"offering",
	"invite",
	"invites",
	"would you like",
	"would they like",
	"if they'd like",
	"if they would like",
	"if they want",
	"if you'd both like",
	"if you both want",
	"if you'd like",
	"if yes",
	"they choose",
	"no thank you",
	"wanted",
};

/* A second person, in a prompt that must be doable alone. */
static const char *const two_people[] = {
	"each other",         "one another",       "together",         "someone here",
	"person next to you", "person beside you", "the other person", "side by side",
	"both of you",        "you both",          "your partner",     "take turns",
};

static const char *const any_time_words[] = {"today", "tonight", "this morning", "this evening"};

static const char *const secret_words[] = {"secret", "secrets"};

static const char *const grade_words[] = {"well done", "good job", "good girl", "good boy"};

/* Not for the clock everyone walks past: help and counselling, bed, conflict, intimacy. */
static const char *const private_words[] = {
	"counsellor", "counselor", "counselling", "counseling", "therapist", "therapy",
	"helpline",   "bedtime",   "bed",         "argument",   "fight",     "kiss",
	"sex",        "sorry",     "apologise",   "apologize",
};

static bool is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The length of text at s that spells the lower-case phrase, in any case and with a curly
 * apostrophe (U+2019) for a straight one; 0 when it does not. */
static size_t spells(const char *s, const char *phrase)
{
	const char *start = s;

	for (; *phrase; phrase++) {
		if (*phrase == '\'' && strncmp(s, "\xe2\x80\x99", 3) == 0) {
			s += 3;
			continue;
		}
		if (lower(*s) != *phrase)
			return 0;
		s++;
	}
	return (size_t)(s - start);
}

/* The first place, at or after from, where text holds the phrase as whole words; NULL if
 * none. *len is set to the length matched. */
static const char *find_phrase(const char *text, const char *from, const char *phrase, size_t *len)
{
	for (const char *s = from; *s; s++) {
		size_t n;

		if (s > text && is_word_char((unsigned char)s[-1]))
			continue;
		n = spells(s, phrase);
		if (n && !is_word_char((unsigned char)s[n])) {
			*len = n;
			return s;
		}
	}
	return NULL;
}

/* Whether the word right after `after` (past spaces) is one of the words. */
static bool next_word_is(const char *after, const char *const *words, size_t n)
{
	size_t len;

	while (*after == ' ')
		after++;
	for (size_t i = 0; i < n; i++)
		if ((len = spells(after, words[i])) && !is_word_char((unsigned char)after[len]))
			return true;
	return false;
}

/* Whether the word right before `at` (past spaces) is one of the words. */
static bool previous_word_is(const char *text, const char *at, const char *const *words, size_t n)
{
	const char *end = at, *start;

	while (end > text && end[-1] == ' ')
		end--;
	start = end;
	while (start > text && is_word_char((unsigned char)start[-1]))
		start--;
	for (size_t i = 0; i < n; i++)
		if (spells(start, words[i]) == (size_t)(end - start) && end > start)
			return true;
	return false;
}

/* Skips an occurrence of a word that does not count where it stands. */
typedef bool (*skip_fn)(const char *text, const char *at, size_t len);

/* "a hand on your chest", "touch your toes": the reader's own body, not someone else's. */
static bool own_body(const char *text, const char *at, size_t len)
{
	static const char *const own[] = {"your", "yourself", "my", "myself"};

	(void)text;
	return next_word_is(at + len, own, COUNT(own));
}

/* "rub your hands together": one body, nobody else needed. */
static bool together_alone(const char *text, const char *at, size_t len)
{
	static const char *const one_body[] = {"hands", "palms", "fingers", "feet",
					       "knees", "heels", "it"};

	return strncmp(at, "together", len) == 0 &&
	       previous_word_is(text, at, one_body, COUNT(one_body));
}

/* The first of the words the text holds, in the list's order, that skip (if any) lets count;
 * NULL when none. */
static const char *first_of(const char *text, const char *const *words, size_t n, skip_fn skip)
{
	for (size_t i = 0; i < n; i++) {
		size_t len;

		for (const char *at = find_phrase(text, text, words[i], &len); at;
		     at = find_phrase(text, at + len, words[i], &len))
			if (!skip || !skip(text, at, len))
				return words[i];
	}
	return NULL;
}

__attribute__((format(printf, 4, 5))) static int warn(wording_fn fn, void *user,
						      const struct prompt *p, const char *fmt, ...)
{
	char message[240];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (fn)
		fn(user, p, message);
	return 1;
}

int wording_check(const struct prompt *p, wording_fn fn, void *user)
{
	const char *text = p->text, *w;
	int n = 0;

	/* Someone alone has nobody to touch without asking. */
	if ((p->audiences & ~(unsigned)AUDIENCE_SELF) &&
	    (w = first_of(text, touch_words, COUNT(touch_words), own_body)) &&
	    !first_of(text, offer_words, COUNT(offer_words), NULL))
		n += warn(fn, user, p,
			  "'%s' with no offer or ask: touch is only ever offered (\"ask if "
			  "they'd like...\")",
			  w);
	if ((p->audiences & AUDIENCE_SELF) &&
	    (w = first_of(text, two_people, COUNT(two_people), together_alone)))
		n += warn(fn, user, p,
			  "tagged self, but '%s' needs a second person: a self prompt is done "
			  "alone",
			  w);
	if ((p->times & TIME_ANY) &&
	    (w = first_of(text, any_time_words, COUNT(any_time_words), NULL)))
		n += warn(fn, user, p,
			  "'%s' in a prompt for any time, which may be read at 2 a.m.: say "
			  "'lately', or leave it out",
			  w);
	if ((w = first_of(text, secret_words, COUNT(secret_words), NULL)))
		n += warn(fn, user, p,
			  "'%s': say 'surprise' (something fun, told soon); a child is never asked "
			  "to keep a secret",
			  w);
	if ((w = first_of(text, grade_words, COUNT(grade_words), NULL)))
		n += warn(fn, user, p, "'%s' grades the reader: leave it out", w);
	if (p->shared && (w = first_of(text, private_words, COUNT(private_words), NULL)))
		n += warn(fn, user, p,
			  "shared, but '%s' is not for the clock everyone walks past (no help, "
			  "bed, conflict or intimacy there)",
			  w);
	return n;
}
