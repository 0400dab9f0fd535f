/* SPDX-License-Identifier: MIT */
/* The benchmark's floor: the least an SDL2 program can do to show the breathing guide's disc
 * and label at the same size and frame rate. It clears, draws one disc and one cached label,
 * presents, and sleeps until the next frame; calm-prompt's breathe screen is measured
 * against it. With "glow", the disc is the guide's glowing one: a radial texture made once
 * and scaled each frame, as cheap as such a disc gets.
 * Usage: bench_floor WIDTH HEIGHT SECONDS FONT [glow] */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define FPS      30
#define SEGMENTS 96

int main(int argc, char **argv)
{
	int w, h, m;
	double seconds;
	SDL_Window *win;
	SDL_Renderer *ren;
	TTF_Font *font;
	SDL_Surface *surf;
	SDL_Texture *label;
	SDL_Vertex v[SEGMENTS + 1];
	int idx[SEGMENTS * 3];
	Uint64 start, next;

	SDL_Texture *glow = NULL;

	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: bench_floor WIDTH HEIGHT SECONDS FONT [glow]\n");
		return 2;
	}
	w = atoi(argv[1]);
	h = atoi(argv[2]);
	seconds = atof(argv[3]);
	m = w < h ? w : h;
	if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
		fprintf(stderr, "bench_floor: %s\n", SDL_GetError());
		return 1;
	}
	win = SDL_CreateWindow("floor", 0, 0, w, h, SDL_WINDOW_SHOWN);
	ren = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
	font = TTF_OpenFont(argv[4], m * 8 / 100);
	if (!ren || !font) {
		fprintf(stderr, "bench_floor: %s\n", SDL_GetError());
		return 1;
	}
	if (argc == 6) {
		SDL_Surface *g =
			SDL_CreateRGBSurfaceWithFormat(0, 512, 512, 32, SDL_PIXELFORMAT_ARGB8888);

		for (int y = 0; y < 512; y++)
			for (int x = 0; x < 512; x++) {
				double d = hypot(x - 255.5, y - 255.5) / 256 * 1.3;
				double a = d < 1 ? 1 : d < 1.3 ? 0.2 * (1.3 - d) / 0.3 : 0;

				((Uint32 *)g->pixels)[y * 512 + x] =
					(Uint32)(a * 255) << 24 | 0xffffff;
			}
		glow = SDL_CreateTextureFromSurface(ren, g);
		SDL_SetTextureBlendMode(glow, SDL_BLENDMODE_BLEND);
		SDL_SetTextureColorMod(glow, 102, 190, 186);
		SDL_FreeSurface(g);
	}
	surf = TTF_RenderUTF8_Blended(font, "Breathe in", (SDL_Color){242, 237, 228, 255});
	label = SDL_CreateTextureFromSurface(ren, surf);
	for (int i = 0; i < SEGMENTS; i++) {
		idx[3 * i] = 0;
		idx[3 * i + 1] = 1 + i;
		idx[3 * i + 2] = 1 + (i + 1) % SEGMENTS;
	}
	start = SDL_GetTicks64();
	next = start;
	while (SDL_GetTicks64() - start < (Uint64)(seconds * 1000)) {
		double t = (double)(SDL_GetTicks64() - start) / 1000.0;
		float radius =
			(float)m * (0.10f + 0.19f * (float)(0.5 - 0.5 * cos(t * M_PI / 5.5)));
		SDL_Color c = {102, 190, 186, 255};
		SDL_Rect dst = {(w - surf->w) / 2, h * 3 / 4, surf->w, surf->h};
		SDL_Event ev;

		while (SDL_PollEvent(&ev))
			;
		v[0] = (SDL_Vertex){{(float)w / 2, (float)h * 0.42f}, c, {0, 0}};
		for (int i = 0; i < SEGMENTS; i++) {
			double a = 2 * M_PI * i / SEGMENTS;

			v[1 + i] = (SDL_Vertex){{(float)w / 2 + radius * (float)cos(a),
						 (float)h * 0.42f + radius * (float)sin(a)},
						c,
						{0, 0}};
		}
		SDL_SetRenderDrawColor(ren, 12, 22, 30, 255);
		SDL_RenderClear(ren);
		if (glow) {
			float half = radius * 1.3f;
			SDL_FRect d = {(float)w / 2 - half, (float)h * 0.42f - half, 2 * half,
				       2 * half};

			SDL_RenderCopyF(ren, glow, NULL, &d);
		} else {
			SDL_RenderGeometry(ren, NULL, v, SEGMENTS + 1, idx, SEGMENTS * 3);
		}
		SDL_RenderCopy(ren, label, NULL, &dst);
		SDL_RenderPresent(ren);
		next += 1000 / FPS;
		if (next > SDL_GetTicks64())
			SDL_Delay((Uint32)(next - SDL_GetTicks64()));
	}
	SDL_DestroyTexture(label);
	if (glow)
		SDL_DestroyTexture(glow);
	SDL_FreeSurface(surf);
	TTF_CloseFont(font);
	SDL_DestroyRenderer(ren);
	SDL_DestroyWindow(win);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
