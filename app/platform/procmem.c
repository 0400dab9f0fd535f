/* SPDX-License-Identifier: MIT */
/* This process's peak and current resident memory, from /proc/self/status. */
#include "procmem.h"

#include <errno.h>
#include <stdio.h>

int procmem_read(long *peak_kb, long *now_kb)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int found = 0;

	if (!f)
		return -1;
	*peak_kb = *now_kb = -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "VmHWM: %ld kB", peak_kb) == 1 ||
		    sscanf(line, "VmRSS: %ld kB", now_kb) == 1)
			found++;
	}
	fclose(f);
	if (found < 2 || *peak_kb < 0 || *now_kb < 0) {
		errno = ENOENT;
		return -1;
	}
	return 0;
}
