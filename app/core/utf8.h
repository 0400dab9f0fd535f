/* SPDX-License-Identifier: MIT */
/* The one UTF-8 decoder: the prompt linter and the log's JSON export both read text with it. */
#ifndef CALM_UTF8_H
#define CALM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length (1 to 4) of the well-formed UTF-8 sequence at s, at most n bytes, with its code
 * point in *code_point; 0 when it is not one: no overlong forms, no surrogates, nothing past
 * U+10FFFF, no sequence cut short. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *code_point);

#endif
