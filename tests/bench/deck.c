/* SPDX-License-Identifier: MIT */
/* How long a folder of decks takes to load (deckfiles_load): the median of RUNS loads, in ms of
 * CPU time. Run by tests/bench/deck_figures.sh; not a test.
 * Usage: bench_deck DIR [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "deckfiles.h"

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void count_problem(void *user, const char *source, int line, const char *message)
{
	int *n = user;

	if ((*n)++ == 0)
		fprintf(stderr, "%s:%d: %s\n", source, line, message);
}

int main(int argc, char **argv)
{
	double took[15];
	int runs, loaded = 0, problems = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_deck DIR [RUNS]\n");
		return 2;
	}
	runs = argc > 2 ? atoi(argv[2]) : 3;
	if (runs < 1 || runs > 15)
		runs = 3;
	for (int i = 0; i < runs; i++) {
		struct deck *deck = deck_new();
		double t = cpu_ms();

		if (deck == NULL)
			return 1;
		loaded = deckfiles_load(deck, argv[1], count_problem, &problems);
		took[i] = cpu_ms() - t;
		deck_free(deck);
	}
	qsort(took, (size_t)runs, sizeof(double), by_value);
	printf("%d %.1f %d\n", loaded, took[runs / 2], problems / runs);
	return 0;
}
