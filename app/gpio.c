/* libgpiod glue. The API differs between v1 and v2; CALM_GPIOD_API says which we built with. */
#include "gpio.h"

#include <gpiod.h>

const char *gpio_library_version(void)
{
#if CALM_GPIOD_API >= 2
	return gpiod_api_version();
#else
	return gpiod_version_string();
#endif
}
