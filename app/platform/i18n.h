/* SPDX-License-Identifier: MIT */
/* The words on screen in the household's language, through GNU gettext: the catalogues are the
 * app's own (po/LANG.po, built into locale/<language>/LC_MESSAGES/calm-prompt.mo), so no system
 * locale needs to be generated for them. A word a catalogue lacks is shown in English.
 *
 * Test mode (CALM_I18N_CHECK=1 in the environment): the language is the build tree's
 * "en@check", whose catalogue brackets every word; the drawing path then finds any text on
 * screen that did not come through tr() (or i18n_data(), for words that are the household's
 * own, such as a prompt or a name) and says so on stderr. */
#ifndef CALM_I18N_H
#define CALM_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n_mark.h"
#include "language.h"

/* The environment that names the locale, as it was before i18n_init first changed LANGUAGE. */
void i18n_session_env(struct language_env *env);

/* Speaks language (as language_pick gives it; "" is English). Called again on a reload.
 * Returns false when it cannot: the messages' locale cannot be set (not even C.UTF-8), so
 * the screen stays English. */
bool i18n_init(const char *language);

/* The language spoken, "" for English. */
const char *i18n_language(void);

/* A message in the language spoken (msgid itself when there is no translation). */
const char *tr(const char *msgid) __attribute__((format_arg(1)));
/* The same in a context (see NC_ in i18n_mark.h). */
const char *trc(const char *context, const char *msgid) __attribute__((format_arg(2)));
/* A message with a number in it: one or many, as the language counts. */
const char *trn(const char *one, const char *many, unsigned long n) __attribute__((format_arg(1)))
__attribute__((format_arg(2)));

/* Text shown as it is, not the app's own words (a prompt, a member's name). */
const char *i18n_data(const char *text);

/* Test mode: whether it is on, and the check of one text about to be drawn: copies it into
 * plain without the marks, and returns false when some letters came through no tr(). */
bool i18n_checking(void);
bool i18n_check_drawn(const char *text, char *plain, size_t len);

#endif
