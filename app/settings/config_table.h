/* SPDX-License-Identifier: MIT */
/* The settings, one row per key (config_table.c): the parser, the built-in defaults, the
 * annotated sample, the README's table and the man page all come from these rows or are checked
 * against them. A new setting is one row here plus the field it fills. */
#ifndef CALM_CONFIG_TABLE_H
#define CALM_CONFIG_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"

struct config_row;
struct config_reader;

/* Parses value into dst (the row's field). Returns false with why set (a short phrase such as
 * "expected true or false") when the value is not good. */
typedef bool (*config_parse_fn)(struct config_reader *rd, const struct config_row *row,
				const char *value, void *dst, char *why, size_t why_len);

/* What a row's offset is counted from. */
enum config_base {
	BASE_CONFIG = 0,  /* struct config */
	BASE_BUTTON,      /* [button NAME]: the button's struct device_button */
	BASE_BUTTON_GPIO, /* [button NAME]: the button's struct button_gpio */
	BASE_BUTTON_KEYS, /* [button NAME]: the button's struct button_keys */
	BASE_MEMBER,      /* [member NAME]: the member's index (the parser places it) */
};

struct config_row {
	const char *section; /* "display"; "button NAME" and "member NAME" for named sections */
	const char *key;
	config_parse_fn parse;
	enum config_base base;
	size_t offset; /* where the value goes, from base */
	long min, max; /* for numbers: the range allowed */
	const char *def;    /* the default as the file would write it; "" for empty */
	const char *values; /* what may be written, for errors and the docs */
	const char *help;   /* one line for the docs */
};

extern const struct config_row config_rows[];
extern const size_t config_n_rows;

/* The parsers rows use (config.c). */
bool config_parse_bool(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len);
bool config_parse_int(struct config_reader *rd, const struct config_row *row, const char *value,
		      void *dst, char *why, size_t why_len);
bool config_parse_ms_from_s(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len);
bool config_parse_path(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len);
bool config_parse_language(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len);
bool config_parse_size_value(struct config_reader *rd, const struct config_row *row,
			     const char *value, void *dst, char *why, size_t why_len);
bool config_parse_clock_hours(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len);
bool config_parse_rotation(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len);
bool config_parse_time_of_day(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len);
bool config_parse_night_screen(struct config_reader *rd, const struct config_row *row,
			       const char *value, void *dst, char *why, size_t why_len);
bool config_parse_session_minutes(struct config_reader *rd, const struct config_row *row,
				  const char *value, void *dst, char *why, size_t why_len);
bool config_parse_press(struct config_reader *rd, const struct config_row *row, const char *value,
			void *dst, char *why, size_t why_len);
bool config_parse_answers(struct config_reader *rd, const struct config_row *row,
			  const char *value, void *dst, char *why, size_t why_len);
bool config_parse_pattern_name(struct config_reader *rd, const struct config_row *row,
			       const char *value, void *dst, char *why, size_t why_len);
bool config_parse_audiences(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len);
bool config_parse_pathways(struct config_reader *rd, const struct config_row *row,
			   const char *value, void *dst, char *why, size_t why_len);
bool config_parse_auto_yes_no(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len);
bool config_parse_gesture_action(struct config_reader *rd, const struct config_row *row,
				 const char *value, void *dst, char *why, size_t why_len);
bool config_parse_line_name(struct config_reader *rd, const struct config_row *row,
			    const char *value, void *dst, char *why, size_t why_len);
bool config_parse_chip(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len);
bool config_parse_line_offset(struct config_reader *rd, const struct config_row *row,
			      const char *value, void *dst, char *why, size_t why_len);
bool config_parse_bias(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len);
bool config_parse_keys(struct config_reader *rd, const struct config_row *row, const char *value,
		       void *dst, char *why, size_t why_len);
bool config_parse_zones(struct config_reader *rd, const struct config_row *row, const char *value,
			void *dst, char *why, size_t why_len);
bool config_parse_colour(struct config_reader *rd, const struct config_row *row,
			 const char *value, void *dst, char *why, size_t why_len);

/* The rows' own docs: "markdown" (the README's table), "man" (the man page's SETTINGS) or
 * "ini" (every key with its default, section by section). Returns false for another format. */
bool config_print_rows(FILE *out, const char *format);

#endif
