/* SPDX-License-Identifier: MIT */
/* Sets the clock as the app does and prints what came of it: the result's name on the first
 * line, the message on the second.
 * Usage: timedate_probe USEC_UTC [thread|drop]
 *   (none)  timedate_set_time(), waiting for the answer
 *   thread  timedate_call_start() as the app's loop uses it: the loop turns every 100 ms while it
 *           waits to be woken; a third line says how many times it turned before the answer
 *   drop    starts the call and lets go of it at once, then waits 3 s (the call ends unheard) */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "timedate_call.h"

static const char *const names[] = {"set", "refused", "automatic", "unavailable"};

static void wake(void *user)
{
	char byte = 1;

	if (write(*(int *)user, &byte, 1) != 1)
		abort();
}

static int in_thread(int64_t usec)
{
	int fds[2];
	struct timedate_call *call;
	enum timedate_result r;
	char msg[512] = "";
	long turns = 0;

	if (pipe(fds) != 0 || !(call = timedate_call_start(usec, wake, &fds[1]))) {
		perror("timedate_probe");
		return 1;
	}
	for (;;) {
		struct pollfd p = {.fd = fds[0], .events = POLLIN};

		if (poll(&p, 1, 100) > 0)
			break;
		turns++;
	}
	if (!timedate_call_done(call, &r, msg, sizeof(msg))) {
		printf("woken before the answer was in\n");
		return 1;
	}
	timedate_call_free(call);
	printf("%s\n%s\nturns %ld\n", names[r], msg, turns);
	return 0;
}

int main(int argc, char **argv)
{
	const char *how = argc == 3 ? argv[2] : "";
	char msg[512] = "";
	int64_t usec;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: timedate_probe USEC_UTC [thread|drop]\n");
		return 2;
	}
	usec = strtoll(argv[1], NULL, 10);
	if (strcmp(how, "thread") == 0)
		return in_thread(usec);
	if (strcmp(how, "drop") == 0) {
		int unused = -1;

		timedate_call_free(timedate_call_start(usec, wake, &unused));
		sleep(3);
		printf("dropped\n");
		return 0;
	}
	printf("%s\n%s\n", names[timedate_set_time(usec, msg, sizeof(msg))], msg);
	return 0;
}
