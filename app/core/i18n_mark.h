/* SPDX-License-Identifier: MIT */
/* Marks for the words the app shows. The core holds some of them (a phase's words, the default
 * check-in answers, day and month names) but translates nothing: it marks them, xgettext finds
 * them (po/make-pot.sh), and the screen that shows them translates them (platform/i18n.h). */
#ifndef CALM_I18N_MARK_H
#define CALM_I18N_MARK_H

/* A string to translate later, as it is. */
#define N_(text) text
/* The same, translated later in a context (the same English word can need two translations). */
#define NC_(context, text) text

#endif
