/* SPDX-License-Identifier: MIT */
/* How long the history screen's week takes to read from an event log: the median of RUNS reads
 * of eventlog_week (everyone, then one member), and how long opening the log took (its checks).
 * Run by tests/bench/log_figures.sh; not a test.
 * Usage: bench_week DB LOCAL_DAY [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "eventlog.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static const char answers[2][CHECKIN_ANSWER_MAX + 1] = {"calm", "tense"};
	struct history_week week;
	struct eventlog *log;
	char msg[1024];
	double open_ms, t, took[2][101];
	int64_t today;
	int runs;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_week DB LOCAL_DAY [RUNS]\n");
		return 2;
	}
	today = strtoll(argv[2], NULL, 10);
	runs = argc > 3 ? atoi(argv[3]) : 21;
	if (runs < 1 || runs > 101)
		runs = 21;
	t = now_ms();
	if (eventlog_open(argv[1], &log, msg, sizeof(msg)) == EVENTLOG_FAILED) {
		fprintf(stderr, "%s\n", msg);
		return 1;
	}
	open_ms = now_ms() - t;
	for (int m = 0; m < 2; m++) {
		for (int i = 0; i < runs; i++) {
			t = now_ms();
			if (eventlog_week(log, today, m ? "Ana" : NULL, answers, 2, &week, msg,
					  sizeof(msg)) != 0) {
				fprintf(stderr, "%s\n", msg);
				return 1;
			}
			took[m][i] = now_ms() - t;
		}
		qsort(took[m], (size_t)runs, sizeof(double), by_value);
	}
	eventlog_close(log);
	printf("%.2f %.2f %.2f\n", took[0][runs / 2], took[1][runs / 2], open_ms);
	return 0;
}
