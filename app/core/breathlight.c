/* SPDX-License-Identifier: MIT */
/* The breathing light's curve. An LED's light is proportional to its duty cycle, but the eye
 * sees brightness on a curve (about the 2.2 power), so a linear ramp would seem to rush up
 * and linger at the top. */
#include "breathlight.h"

#include <math.h>

double breath_light(double size, int percent)
{
	double s = size < 0.0 ? 0.0 : size > 1.0 ? 1.0 : size;
	double p = percent < 0 ? 0.0 : percent > 100 ? 1.0 : percent / 100.0;

	return p * (BREATHLIGHT_FLOOR + (1.0 - BREATHLIGHT_FLOOR) * pow(s, 2.2));
}
