/* SPDX-License-Identifier: MIT */
/* Compares two PNG images pixel by pixel within a tolerance; prints what differs.
 * Usage: png_compare [--shift DX DY] EXPECTED.png ACTUAL.png [CHANNEL_TOLERANCE]
 *                    [MAX_DIFFERING_PERMILLE]
 * The defaults are tight: the goldens are drawn bit for bit the same by the pinned renderer
 * (tests/golden/rendered-with), so a channel may differ by 2 (rounding) on at most 0.01 per
 * mille of the pixels (one pixel or so). The ambient glow at its faintest differs by up to 9, a
 * one-pixel shift of the text moves thousands of pixels, and the log-trouble mark is dozens.
 * --shift compares ACTUAL moved by DX, DY pixels (what is moved in from outside is black): how
 * the sensitivity test makes a one-pixel shift. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load_rgba(const char *path)
{
	SDL_Surface *raw = IMG_Load(path);
	SDL_Surface *rgba;

	if (!raw) {
		fprintf(stderr, "png_compare: cannot load %s: %s\n", path, IMG_GetError());
		return NULL;
	}
	rgba = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
	SDL_FreeSurface(raw);
	return rgba;
}

#define DEFAULT_TOLERANCE 2
#define DEFAULT_PERMILLE  0.01

int main(int argc, char **argv)
{
	SDL_Surface *a, *b;
	int dx = 0, dy = 0;
	int tolerance;
	double max_permille;
	long differing = 0;
	int worst = 0;
	int ret = 1;

	if (argc > 3 && strcmp(argv[1], "--shift") == 0) {
		dx = atoi(argv[2]);
		dy = atoi(argv[3]);
		argc -= 3;
		argv += 3;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: png_compare [--shift DX DY] EXPECTED.png ACTUAL.png [TOL] "
				"[PERMILLE]\n");
		return 2;
	}
	tolerance = argc > 3 ? atoi(argv[3]) : DEFAULT_TOLERANCE;
	max_permille = argc > 4 ? atof(argv[4]) : DEFAULT_PERMILLE;
	a = load_rgba(argv[1]);
	b = load_rgba(argv[2]);
	if (!a || !b)
		goto out;
	if (a->w != b->w || a->h != b->h) {
		fprintf(stderr, "png_compare: size %dx%d, expected %dx%d\n", b->w, b->h, a->w,
			a->h);
		goto out;
	}
	for (int y = 0; y < a->h; y++) {
		const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
		const Uint8 *pb = (const Uint8 *)b->pixels + (y - dy) * b->pitch;
		static const Uint8 black[4] = {0, 0, 0, 255};

		for (int x = 0; x < a->w * 4; x += 4) {
			int bx = x / 4 - dx;
			bool inside = bx >= 0 && bx < b->w && y - dy >= 0 && y - dy < b->h;
			const Uint8 *q = inside ? pb + bx * 4 : black;
			int d = 0;

			for (int c = 0; c < 4; c++) {
				int dc = abs(pa[x + c] - q[c]);

				d = dc > d ? dc : d;
			}
			worst = d > worst ? d : worst;
			differing += d > tolerance;
		}
	}
	{
		double permille = 1000.0 * (double)differing / ((double)a->w * a->h);

		printf("%s: %ld pixels differ by more than %d (%.2f per mille, allowed %.2f); "
		       "largest difference %d\n",
		       argv[2], differing, tolerance, permille, max_permille, worst);
		ret = permille <= max_permille ? 0 : 1;
	}
out:
	SDL_FreeSurface(a);
	SDL_FreeSurface(b);
	return ret;
}
