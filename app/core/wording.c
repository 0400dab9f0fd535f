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

/* Whether the character ending right before at is a letter or digit: an ASCII one, or a letter
 * with an accent from U+00C0 to U+00FF (UTF-8 0xC3, then one byte), as in "mañana". */
static bool word_before(const char *text, const char *at)
{
	unsigned char c = at > text ? (unsigned char)at[-1] : 0;

	if (c >= 0x80 && c <= 0xbf)
		return at - 1 > text && (unsigned char)at[-2] == 0xc3;
	return is_word_char(c);
}

/* Whether the character at at is a letter or digit (see word_before). */
static bool word_at(const char *at)
{
	return is_word_char((unsigned char)*at) || (unsigned char)*at == 0xc3;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The length of text at s that spells the lower-case phrase, in any case and with a curly
 * apostrophe (U+2019) for a straight one; 0 when it does not. A phrase ending in '*' is the
 * start of a word ("abraz*": abrazo, abrazar...): it matches to the end of that word. */
static size_t spells(const char *s, const char *phrase)
{
	const char *start = s;

	for (; *phrase; phrase++) {
		if (phrase[0] == '*' && phrase[1] == '\0') {
			while (word_at(s))
				s += (unsigned char)*s == 0xc3 && s[1] ? 2 : 1;
			break;
		}
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

		if (word_before(text, s))
			continue;
		n = spells(s, phrase);
		if (n && !word_at(s + n)) {
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
		if ((len = spells(after, words[i])) && !word_at(after + len))
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
	while (word_before(text, start))
		start -= (unsigned char)start[-1] >= 0x80 ? 2 : 1;
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

/* The first of the words the text holds, in the list's order, that skip (if any) lets count,
 * into found (a word's start, "abraz*", as the whole word written, in lower case); NULL when
 * none. */
static const char *first_of(const char *text, const char *const *words, size_t n, skip_fn skip,
			    char *found, size_t found_len)
{
	for (size_t i = 0; i < n; i++) {
		size_t len;

		for (const char *at = find_phrase(text, text, words[i], &len); at;
		     at = find_phrase(text, at + len, words[i], &len))
			if (!skip || !skip(text, at, len)) {
				if (found && words[i][strlen(words[i]) - 1] == '*') {
					snprintf(found, found_len, "%.*s", (int)len, at);
					for (char *c = found; *c; c++)
						*c = lower(*c);
				} else if (found) {
					snprintf(found, found_len, "%s", words[i]);
				}
				return words[i];
			}
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

/* A touch word followed by tu, tus, mi or mis: the reader's own body ("un masaje en tus pies").
 * "mano en" is no touch word in Spanish: "una mano en el pecho" is one's own. */
static bool es_own_body(const char *text, const char *at, size_t len)
{
	static const char *const own[] = {"tu", "tus", "mi", "mis"};

	(void)text;
	return next_word_is(at + len, own, COUNT(own));
}

/* "con las dos manos": one body, nobody else needed. */
static bool es_two_alone(const char *text, const char *at, size_t len)
{
	static const char *const body[] = {"manos", "pies", "brazos", "piernas", "ojos", "orejas"};

	(void)text;
	return next_word_is(at + len, body, COUNT(body));
}

/* The Spanish words for the same promises (the decks of assets/prompts/es): "*" ends the start
 * of a word, so one entry holds a verb's forms. */
static const char *const es_touch_words[] = {
	"abraz*",   "beso",     "besos",   "besar*",     "besit*",
	"caricia*", "acurruc*", "masaje*", "de la mano",
};
static const char *const es_offer_words[] = {
	"pregunt*",    "ofrec*",         "si quiere*", "si le apetece", "si te apetece",
	"no, gracias", "se puede pedir", "pide*",      "pedir",
};
static const char *const es_two_people[] = {
	"juntos",  "juntas",    "el uno al otro", "la una a la otra", "los dos",
	"las dos", "tu pareja", "por turnos",     "cada persona",     "alguien de aquí",
};
static const char *const es_any_time_words[] = {"hoy", "esta noche", "esta mañana", "esta tarde"};
static const char *const es_secret_words[] = {"secreto", "secretos", "secreta", "secretas"};
static const char *const es_grade_words[] = {"bien hecho", "buen trabajo", "buen chico",
					     "buena chica"};
static const char *const es_private_words[] = {
	"terapia", "terapeuta", "psicólogo", "psicóloga", "cama", "dormir", "pelea*", "discusi*",
	"perdón",  "perdona*",  "lo siento", "disculp*",  "beso", "besos",  "abraz*", "sexo",
};

/* One language's words and the advice given with them. */
struct word_lists {
	const char *language;
	const char *const *touch,
		*const *offer, *const *two, *const *any_time,
						    *const *secret, *const *grade, *const *private_;
	size_t n_touch, n_offer, n_two, n_any_time, n_secret, n_grade, n_private;
	const char *offer_example, *lately, *surprise;
	skip_fn touch_skip, two_skip;
};

static const struct word_lists languages[] = {
	{"en",
	 touch_words,
	 offer_words,
	 two_people,
	 any_time_words,
	 secret_words,
	 grade_words,
	 private_words,
	 COUNT(touch_words),
	 COUNT(offer_words),
	 COUNT(two_people),
	 COUNT(any_time_words),
	 COUNT(secret_words),
	 COUNT(grade_words),
	 COUNT(private_words),
	 "ask if they'd like...",
	 "lately",
	 "surprise",
	 own_body,
	 together_alone},
	{"es",
	 es_touch_words,
	 es_offer_words,
	 es_two_people,
	 es_any_time_words,
	 es_secret_words,
	 es_grade_words,
	 es_private_words,
	 COUNT(es_touch_words),
	 COUNT(es_offer_words),
	 COUNT(es_two_people),
	 COUNT(es_any_time_words),
	 COUNT(es_secret_words),
	 COUNT(es_grade_words),
	 COUNT(es_private_words),
	 "pregunta si le apetece...",
	 "últimamente",
	 "sorpresa",
	 es_own_body,
	 es_two_alone},
};

/* The lists for a language ("es", "es_MX"); NULL when there are none. */
static const struct word_lists *lists_for(const char *language)
{
	size_t base;

	if (!language || !language[0])
		return &languages[0];
	base = strcspn(language, "_@.");
	for (size_t i = 0; i < COUNT(languages); i++)
		if (strlen(languages[i].language) == base &&
		    strncmp(languages[i].language, language, base) == 0)
			return &languages[i];
	return NULL;
}

bool wording_knows(const char *language)
{
	return lists_for(language) != NULL;
}

int wording_check(const struct prompt *p, wording_fn fn, void *user)
{
	return wording_check_in(p, "en", fn, user);
}

int wording_check_in(const struct prompt *p, const char *language, wording_fn fn, void *user)
{
	const struct word_lists *L = lists_for(language);
	const char *text = p->text;
	char w[64];
	int n = 0;

	if (!L)
		return 0;
	/* Someone alone has nobody to touch without asking. */
	if ((p->audiences & ~(unsigned)AUDIENCE_SELF) &&
	    first_of(text, L->touch, L->n_touch, L->touch_skip, w, sizeof(w)) &&
	    !first_of(text, L->offer, L->n_offer, NULL, NULL, 0))
		n += warn(fn, user, p,
			  "'%s' with no offer or ask: touch is only ever offered (\"%s\")", w,
			  L->offer_example);
	if ((p->audiences & AUDIENCE_SELF) &&
	    first_of(text, L->two, L->n_two, L->two_skip, w, sizeof(w)))
		n += warn(fn, user, p,
			  "tagged self, but '%s' needs a second person: a self prompt is done "
			  "alone",
			  w);
	if ((p->times & TIME_ANY) && first_of(text, L->any_time, L->n_any_time, NULL, w, sizeof(w)))
		n += warn(fn, user, p,
			  "'%s' in a prompt for any time, which may be read at 2 a.m.: say "
			  "'%s', or leave it out",
			  w, L->lately);
	if (first_of(text, L->secret, L->n_secret, NULL, w, sizeof(w)))
		n += warn(fn, user, p,
			  "'%s': say '%s' (something fun, told soon); a child is never asked "
			  "to keep a secret",
			  w, L->surprise);
	if (first_of(text, L->grade, L->n_grade, NULL, w, sizeof(w)))
		n += warn(fn, user, p, "'%s' grades the reader: leave it out", w);
	if (p->shared && first_of(text, L->private_, L->n_private, NULL, w, sizeof(w)))
		n += warn(fn, user, p,
			  "shared, but '%s' is not for the clock everyone walks past (no help, "
			  "bed, conflict or intimacy there)",
			  w);
	return n;
}
