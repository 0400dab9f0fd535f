/* SPDX-License-Identifier: MIT */
/* The breathing light: how bright an LED (or how strong a small motor) is at a moment of the
 * breath. */
#ifndef CALM_BREATHLIGHT_H
#define CALM_BREATHLIGHT_H

/* The level with empty lungs: a faint glow, so the light is never lost in the dark. */
#define BREATHLIGHT_FLOOR 0.04

/* The light's level, 0..1 of full, for lungs filled to size (0..1) and a brightness in
 * percent: from BREATHLIGHT_FLOOR to 1 of that brightness, along the eye's curve (gamma
 * 2.2) so that the light seems to swell and ebb evenly. 0 when percent is 0. */
double breath_light(double size, int percent);

#endif
