/* SPDX-License-Identifier: MIT */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

#define DOMAIN     "calm-prompt"
#define CHECK_LANG "en@check"
#define MARK_OPEN  "\xe2\x9f\xa6" /* U+27E6, the check catalogue's brackets */
#define MARK_CLOSE "\xe2\x9f\xa7"
#define MARK_LEN   3

static char language[64];
static bool checking;
static char session[4][128];
static bool session_taken;

static void take_session_env(void)
{
	static const char *const names[4] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};

	if (session_taken)
		return;
	for (int i = 0; i < 4; i++)
		snprintf(session[i], sizeof(session[i]), "%s",
			 getenv(names[i]) ? getenv(names[i]) : "");
	session_taken = true;
}

void i18n_session_env(struct language_env *env)
{
	take_session_env();
	*env = (struct language_env){session[0], session[1], session[2], session[3]};
}

bool i18n_init(const char *lang)
{
	char dir[512];
	const char *loc;

	take_session_env();
	checking = getenv("CALM_I18N_CHECK") && strcmp(getenv("CALM_I18N_CHECK"), "1") == 0;
	snprintf(language, sizeof(language), "%s", checking ? CHECK_LANG : lang ? lang : "");
	/* GNU gettext reads the language from LANGUAGE whenever the messages' locale is not C:
	 * C.UTF-8 is always there (no locale needs generating), and only the messages use it. */
	setenv("LANGUAGE", language[0] ? language : "en", 1);
	loc = setlocale(LC_MESSAGES, "");
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		loc = setlocale(LC_MESSAGES, "C.UTF-8");
	paths_locale_dir(dir, sizeof(dir));
	bindtextdomain(DOMAIN, dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN); /* also forgets the translations found for the language before */
	return loc != NULL || !language[0];
}

const char *i18n_language(void)
{
	return language;
}

const char *tr(const char *msgid)
{
	return dgettext(DOMAIN, msgid);
}

const char *trc(const char *context, const char *msgid)
{
	char key[512];
	const char *found;
	int n = snprintf(key, sizeof(key), "%s\004%s", context, msgid);

	if (n < 0 || (size_t)n >= sizeof(key))
		return msgid;
	found = dgettext(DOMAIN, key);
	return found == key ? msgid : found;
}

const char *trn(const char *one, const char *many, unsigned long n)
{
	return dngettext(DOMAIN, one, many, n);
}

const char *i18n_data(const char *text)
{
	static char ring[4][1024];
	static unsigned next;
	char *out;

	if (!checking)
		return text;
	out = ring[next++ % 4];
	snprintf(out, sizeof(ring[0]), MARK_OPEN "%s" MARK_CLOSE, text);
	return out;
}

bool i18n_checking(void)
{
	return checking;
}

bool i18n_check_drawn(const char *text, char *plain, size_t len)
{
	int depth = 0;
	bool marked = true;
	size_t o = 0;

	for (const char *p = text; *p; p++) {
		if (strncmp(p, MARK_OPEN, MARK_LEN) == 0) {
			depth++;
			p += MARK_LEN - 1;
			continue;
		}
		if (strncmp(p, MARK_CLOSE, MARK_LEN) == 0) {
			depth -= depth > 0;
			p += MARK_LEN - 1;
			continue;
		}
		if (depth == 0 && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			marked = false;
		if (o + 1 < len)
			plain[o++] = *p;
	}
	if (len > 0)
		plain[o] = '\0';
	return marked;
}
