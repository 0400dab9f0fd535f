/* SPDX-License-Identifier: MIT */
/* libFuzzer: the settings reader (settings/config.c), config_load from a file holding the
 * input, then the device's and the GPIO's settings derived from it. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const char *file, int line, const char *key, const char *problem)
{
	(void)user;
	(void)file;
	(void)line;
	(void)key;
	(void)problem;
}

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	static struct device_config dcfg;
	struct gpio_wiring wiring;
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/calm-fuzz-config-%ld.conf", (long)getpid());
	f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	config_defaults(&cfg);
	config_load(&cfg, path, false, ignore, NULL);
	config_device(&cfg, &dcfg);
	config_wiring(&cfg, &wiring);
	unlink(path);
	return 0;
}
