/* SPDX-License-Identifier: MIT */
/* One function per screen, each in its screen_*.c file; render.c picks one per frame. */
#ifndef CALM_SCREENS_H
#define CALM_SCREENS_H

#include "draw.h"
#include "i18n.h"

/* The session screens (screen_session.c). */
void draw_breathe(struct render *r, const struct render_scene *s);
void draw_checkin(struct render *r, const struct render_scene *s);
void draw_settle(struct render *r, const struct render_scene *s);
void draw_done(struct render *r, const struct render_scene *s);

/* The clock and the appreciation note (screen_ambient.c). */
void draw_ambient(struct render *r, const struct render_scene *s);
void draw_note(struct render *r, const struct render_scene *s);

/* Setting the clock by hand (screen_clockset.c). */
void draw_clockset(struct render *r, const struct render_scene *s);

/* A connection prompt (screen_prompt.c). */
void draw_prompt(struct render *r, const struct render_scene *s);

/* The week at a glance, and who is here (screen_history.c). */
void draw_history(struct render *r, const struct render_scene *s);
void draw_member_chip(struct render *r, const struct render_scene *s);

#endif
