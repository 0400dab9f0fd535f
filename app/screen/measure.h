/* SPDX-License-Identifier: MIT */
/* Measuring prompt text the way the prompt screen draws it, for --check-prompts: whether a
 * text fits a screen at a legible size, and whether the font has each character. */
#ifndef CALM_MEASURE_H
#define CALM_MEASURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct text_measure;

/* NULL with msg set when the font cannot be opened. */
struct text_measure *measure_open(const char *font_path, char *msg, size_t len);
void measure_close(struct text_measure *m);

/* The type size text is drawn at on a w x h screen; 0 when it does not fit. */
int measure_prompt_px(struct text_measure *m, const char *text, int w, int h);

/* Whether the font draws this Unicode code point. */
bool measure_has_glyph(struct text_measure *m, uint32_t code_point);

#endif
