/* SPDX-License-Identifier: MIT */
/* Checks a recording of the breath's sound (raw signed 16-bit mono, as SDL's disk audio driver
 * writes it) against the breathing pattern, on its own arithmetic (not the app's pacer):
 *   - every phase edge in the recording has its cue, starting within 30 ms of the edge, and
 *     there is no cue anywhere else;
 *   - breathing in (and a top-up) rises in pitch, breathing out falls;
 *   - holds are silent once their mark has died away;
 *   - no clicks: the waveform never bends more than a smooth tone does;
 *   - the level is the volume's (peak within the gain the volume gives, and at least half).
 * Usage: analyse_sound FILE RATE ANCHOR BUFFER VOLUME PHASES
 *   ANCHOR: the stream sample at breathing time 0 (the app's debug line says it). SDL writes
 *     whole buffers (BUFFER samples) of silence to the file while the device opens paused,
 *     before the app's first sample; how many (0 to 2) is up to SDL's thread, so the one
 *     that fits best is taken.
 *   PHASES: as in the settings, e.g. "inhale 4, hold 4, exhale 4, hold 4"
 * Exit 0 when all holds, 1 with the reasons otherwise. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PHASES   8
#define TOLERANCE_MS 30.0
#define MARK_MS      400.0 /* a hold is silent after this */

enum kind { INHALE, TOPUP, HOLD, EXHALE };

struct phase {
	enum kind kind;
	double ms;
};

static int failures;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	failures++;
}

static int parse_phases(const char *text, struct phase *out)
{
	int n = 0;
	char word[16];
	double seconds;
	int used;

	while (n < MAX_PHASES && sscanf(text, " %15[a-z-] %lf%n", word, &seconds, &used) == 2) {
		if (strcmp(word, "inhale") == 0)
			out[n].kind = INHALE;
		else if (strcmp(word, "topup") == 0)
			out[n].kind = TOPUP;
		else if (strcmp(word, "exhale") == 0)
			out[n].kind = EXHALE;
		else if (strcmp(word, "hold") == 0 || strcmp(word, "hold-out") == 0)
			out[n].kind = HOLD;
		else
			return -1;
		out[n++].ms = seconds * 1000.0;
		text += used;
		while (*text == ',' || *text == ' ')
			text++;
	}
	return *text ? -1 : n;
}

static short *samples;
static long count;
static double rate; /* samples per second */

static double ms_of(long n)
{
	return (double)n * 1000.0 / rate;
}

static long at_ms(double ms)
{
	return lround(ms * rate / 1000.0);
}

static double peak(long from, long to)
{
	double m = 0.0;

	for (long i = from < 0 ? 0 : from; i < to && i < count; i++)
		m = fmax(m, fabs((double)samples[i]));
	return m;
}

/* The frequency over a stretch, from its upward zero crossings. */
static double frequency(long from, long to)
{
	double first = -1.0, last = -1.0;
	int crossings = 0;

	for (long i = from + 1; i < to && i < count; i++)
		if (samples[i - 1] < 0 && samples[i] >= 0) {
			double x = (double)(i - 1) +
				   samples[i - 1] / (double)(samples[i - 1] - samples[i]);

			if (first < 0.0)
				first = x;
			last = x;
			crossings++;
		}
	return crossings < 10 ? 0.0 : (crossings - 1) * rate / (last - first);
}

/* The edge of phase k (counting from the first breath's inhale) at this anchor, in samples;
 * its breathing time in *start. */
static long edge_of(long k, long anchor, const struct phase *phases, int n_phases,
		    double breath, double *start)
{
	*start = (double)(k / n_phases) * breath;
	for (int i = 0; i < (int)(k % n_phases); i++)
		*start += phases[i].ms;
	return anchor + at_ms(*start);
}

/* How many buffers of SDL's silence (0 to 2) put the edges nearest the cues found. */
static long leading_silence(long anchor, long buffer, const struct phase *phases, int n_phases,
			    double breath, const long *onsets, int n_onsets)
{
	long best = 0;
	double best_err = INFINITY;

	for (long m = 0; m <= 2; m++) {
		double err = 0.0, start;

		for (int i = 0; i < n_onsets; i++) {
			double nearest = INFINITY;

			for (long k = 0;; k++) {
				long e = edge_of(k, anchor + m * buffer, phases, n_phases, breath,
						 &start);

				nearest = fmin(nearest, fabs((double)(onsets[i] - e)));
				if (e > onsets[i])
					break;
			}
			err += nearest;
		}
		if (err < best_err) {
			best_err = err;
			best = m;
		}
	}
	if (getenv("ANALYSE_VERBOSE"))
		printf("%ld buffer(s) of silence before the app's first sample\n", best);
	return best;
}

int main(int argc, char **argv)
{
	struct phase phases[MAX_PHASES];
	int n_phases, volume, cues = 0;
	long anchor, buffer;
	double gain, quiet, loud, top, bend = 0.0, worst = 0.0, breath = 0.0;
	FILE *f;
	long onsets[4096], *noisy;
	int n_onsets = 0;

	if (argc != 7) {
		fprintf(stderr, "usage: analyse_sound FILE RATE ANCHOR BUFFER VOLUME PHASES\n");
		return 2;
	}
	rate = atof(argv[2]);
	anchor = atol(argv[3]);
	buffer = atol(argv[4]);
	volume = atoi(argv[5]);
	n_phases = parse_phases(argv[6], phases);
	if (n_phases <= 0 || rate <= 0) {
		fprintf(stderr, "analyse_sound: bad phases or rate\n");
		return 2;
	}
	for (int i = 0; i < n_phases; i++)
		breath += phases[i].ms;
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fseek(f, 0, SEEK_END);
	count = ftell(f) / 2;
	fseek(f, 0, SEEK_SET);
	samples = malloc(sizeof(short) * (size_t)(count + 1));
	if (!samples || fread(samples, 2, (size_t)count, f) != (size_t)count) {
		fprintf(stderr, "analyse_sound: cannot read %s\n", argv[1]);
		return 2;
	}
	fclose(f);
	/* The volume's gain: 0.5 (v/100)^2 of full scale, as the settings promise. */
	gain = 0.5 * (volume / 100.0) * (volume / 100.0) * 32767.0;
	quiet = 0.06 * gain;
	loud = 0.15 * gain;

	/* The level. */
	top = peak(0, count);
	if (top > gain * 1.01 + 1 || top < gain * 0.5)
		fail("peak %.0f is not the volume's level (gain %.0f)", top, gain);

	/* Clicks: a smooth tone at this level bends at most ~0.6% of the gain per sample. */
	for (long i = 2; i < count; i++)
		bend = fmax(bend, fabs((double)samples[i] - 2.0 * samples[i - 1] + samples[i - 2]));
	if (bend > 0.012 * gain + 2)
		fail("a click: the wave bends %.0f in one sample (at most %.0f)", bend,
		     0.012 * gain + 2);

	/* Cues: sound clearly there after 40 ms of near silence (counted: noisy[i] is the
	 * number of samples before i that are not near silence). */
	noisy = calloc((size_t)count + 1, sizeof(long));
	if (!noisy) {
		free(samples);
		return 2;
	}
	for (long i = 0; i < count; i++)
		noisy[i + 1] = noisy[i] + (abs(samples[i]) >= quiet);
	for (long i = at_ms(40); i < count && n_onsets < 4096; i++) {
		if (abs(samples[i]) <= loud || noisy[i - at_ms(3)] != noisy[i - at_ms(40)])
			continue;
		onsets[n_onsets++] = i;
		i += at_ms(300);
	}

	anchor += buffer * leading_silence(anchor, buffer, phases, n_phases, breath, onsets,
					   n_onsets);

	/* Each edge in the recording (leaving the first 100 ms, while the level comes up, and
	 * the last 400 ms) has its cue within the tolerance, with the tone going the right way
	 * and holds silent. */
	for (long k = 0;; k++) {
		double start;
		const struct phase *p = &phases[k % n_phases];
		long edge = edge_of(k, anchor, phases, n_phases, breath, &start), next;
		int found = -1;

		next = edge + at_ms(p->ms);
		if (edge > count - at_ms(400))
			break;
		if (edge < at_ms(100))
			continue;
		for (int i = 0; i < n_onsets; i++)
			if (labs(onsets[i] - edge) <= at_ms(TOLERANCE_MS))
				found = i;
		if (found < 0) {
			fail("no cue within 30 ms of the edge at %.0f ms (breathing time %.0f ms)",
			     ms_of(edge), start);
			continue;
		}
		worst = fmax(worst, ms_of(labs(onsets[found] - edge)));
		if (getenv("ANALYSE_VERBOSE"))
			printf("edge %ld, cue %ld (%+.1f ms)\n", edge, onsets[found],
			       ms_of(onsets[found] - edge));
		onsets[found] = -1000000000L; /* matched */
		cues++;
		if (next > count)
			continue;
		if (p->kind == HOLD) {
			double m = peak(edge + at_ms(MARK_MS), next - at_ms(2));

			if (m > 1)
				fail("a hold is not silent: %.0f at %.0f ms", m, ms_of(edge));
		} else {
			double early, late;

			if (p->kind == TOPUP) {
				early = frequency(edge + at_ms(360), edge + at_ms(500));
				late = frequency(edge + at_ms(700), edge + at_ms(850));
			} else {
				early = frequency(edge + at_ms(400), edge + at_ms(600));
				late = frequency(next - at_ms(500), next - at_ms(300));
			}
			if (early <= 0 || late <= 0)
				fail("no tone to measure at %.0f ms (%.0f Hz)", ms_of(edge),
				     early);
			else if (p->kind == EXHALE ? !(late < early / 1.02) : !(late > early * 1.02))
				fail(p->kind == EXHALE ? "breathing out does not fall: %.0f Hz to %.0f Hz"
						       : "breathing in does not rise: %.0f Hz to %.0f Hz",
				     early, late);
		}
	}
	for (int i = 0; i < n_onsets; i++)
		if (onsets[i] >= 0 && onsets[i] <= count - at_ms(400) - at_ms(TOLERANCE_MS))
			fail("a cue at %.0f ms where no phase begins", ms_of(onsets[i]));
	if (cues < 3)
		fail("only %d cues in the recording", cues);
	printf("%d cues, the latest %.1f ms from its edge; peak %.0f of gain %.0f; largest "
	       "bend %.0f\n",
	       cues, worst, top, gain, bend);
	free(noisy);
	free(samples);
	return failures ? 1 : 0;
}
