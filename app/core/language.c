/* SPDX-License-Identifier: MIT */
#include "language.h"

#include <stdio.h>
#include <string.h>

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_plain(const char *locale)
{
	return !locale || !locale[0] || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
	       strncmp(locale, "C.", 2) == 0;
}

/* Copies a locale name without its codeset: "es_ES.UTF-8@euro" -> "es_ES@euro". */
static void without_codeset(const char *name, size_t n, char *out, size_t len)
{
	size_t o = 0;
	bool in_codeset = false;

	for (size_t i = 0; i < n && o + 1 < len; i++) {
		if (name[i] == '.')
			in_codeset = true;
		else if (name[i] == '@')
			in_codeset = false;
		if (!in_codeset)
			out[o++] = name[i];
	}
	if (len > 0)
		out[o] = '\0';
}

void language_pick(const char *configured, const struct language_env *env, char *out, size_t len)
{
	const char *locale = NULL;

	if (len == 0)
		return;
	out[0] = '\0';
	if (configured && configured[0]) {
		without_codeset(configured, strlen(configured), out, len);
		return;
	}
	if (env->lc_all && env->lc_all[0])
		locale = env->lc_all;
	else if (env->lc_messages && env->lc_messages[0])
		locale = env->lc_messages;
	else
		locale = env->lang;
	if (is_plain(locale))
		return;
	if (env->language && env->language[0] && env->language[0] != ':') {
		without_codeset(env->language, strcspn(env->language, ":"), out, len);
		return;
	}
	without_codeset(locale, strlen(locale), out, len);
}

bool language_valid(const char *name)
{
	size_t i = 0, n = strlen(name);

	if (n == 0 || n >= LANGUAGE_MAX)
		return false;
	while (is_letter(name[i]))
		i++;
	if (i < 2)
		return false;
	if (name[i] == '_') {
		size_t start = ++i;

		while (is_letter(name[i]) || (name[i] >= '0' && name[i] <= '9'))
			i++;
		if (i == start)
			return false;
	}
	if (name[i] == '@') {
		size_t start = ++i;

		while (is_letter(name[i]))
			i++;
		if (i == start)
			return false;
	}
	return name[i] == '\0';
}

int language_candidates(const char *language, char out[2][LANGUAGE_MAX])
{
	size_t base;

	if (!language || !language[0] || !language_valid(language))
		return 0;
	snprintf(out[0], LANGUAGE_MAX, "%s", language);
	base = strcspn(language, "_@");
	if (language[base] == '\0')
		return 1;
	snprintf(out[1], LANGUAGE_MAX, "%.*s", (int)base, language);
	return 2;
}
