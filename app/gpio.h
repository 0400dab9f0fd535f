/* GPIO buttons through libgpiod (v1 or v2, chosen at build time). */
#ifndef CALM_GPIO_H
#define CALM_GPIO_H

/* The libgpiod version the app runs with, e.g. "1.6.3". */
const char *gpio_library_version(void);

#endif
