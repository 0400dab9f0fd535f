/* SPDX-License-Identifier: MIT */
/* Calls timedate_set_time() as the app does and prints what came of it: the result's name on
 * the first line, the message on the second. Usage: timedate_probe USEC_UTC */
#include <stdio.h>
#include <stdlib.h>

#include "timedate.h"

int main(int argc, char **argv)
{
	static const char *const names[] = {"set", "refused", "automatic", "unavailable"};
	char msg[512] = "";
	enum timedate_result r;

	if (argc != 2) {
		fprintf(stderr, "usage: timedate_probe USEC_UTC\n");
		return 2;
	}
	r = timedate_set_time(strtoll(argv[1], NULL, 10), msg, sizeof(msg));
	printf("%s\n%s\n", names[r], msg);
	return 0;
}
