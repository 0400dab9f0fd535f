/* SPDX-License-Identifier: MIT */
/* libFuzzer: the pattern parser (core/pattern.c). The input is the body of a [pattern NAME]
 * section, "key = value" lines; every key is set, the pattern finished, written as text and put
 * in a set, as the settings reader does. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Spaces off both ends, as the settings reader gives keys and values. */
static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pattern_set set;
	struct breath_pattern p;
	char msg[256], phases[512];
	char *text = malloc(size + 1);
	char *line, *save = NULL;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	pattern_init(&p, "fuzz");
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');

		if (eq == NULL)
			continue;
		*eq = '\0';
		pattern_set_key(&p, trim(line), trim(eq + 1), msg, sizeof(msg));
	}
	if (pattern_finish(&p, msg, sizeof(msg)) == 0) {
		pattern_phases_text(&p, phases, sizeof(phases));
		if (set.count == PATTERN_SET_MAX)
			set.count = 0;
		pattern_put(&set, &p);
		pattern_find(&set, "fuzz");
	}
	free(text);
	return 0;
}
