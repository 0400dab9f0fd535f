/* SPDX-License-Identifier: MIT */
/* Compares two PNG images pixel by pixel within a tolerance; prints what differs.
 * Usage: png_compare EXPECTED.png ACTUAL.png [CHANNEL_TOLERANCE] [MAX_DIFFERING_PERMILLE] */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv)
{
	SDL_Surface *a, *b;
	int tolerance = argc > 3 ? atoi(argv[3]) : 24;
	double max_permille = argc > 4 ? atof(argv[4]) : 2.0;
	long differing = 0;
	int worst = 0;
	int ret = 1;

	if (argc < 3) {
		fprintf(stderr, "usage: png_compare EXPECTED.png ACTUAL.png [TOL] [PERMILLE]\n");
		return 2;
	}
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
		const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;

		for (int x = 0; x < a->w * 4; x += 4) {
			int d = 0;

			for (int c = 0; c < 4; c++) {
				int dc = abs(pa[x + c] - pb[x + c]);

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
