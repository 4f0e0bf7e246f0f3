/*
 * The benchmark's workload file and timing, shared by the C anchors (a measuring stick for
 * scripts/bench.ts, not part of the package). The file is little-endian doubles:
 *   S, then per scenario: N, discount, regularizer, G, grid[G], rates[N].
 * Each anchor is run as  anchor workload.bin coefficients.bin repeats inner : it solves every
 * scenario `inner` times per timed repeat, prints one line per repeat (CPU milliseconds for one pass
 * over the workload, i.e. the repeat's time / inner), and writes the coefficients of the last pass
 * (all scenarios, in order) to coefficients.bin, for the bench to check against mesalab's.
 */
#ifndef WORKLOAD_H
#define WORKLOAD_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  long n;
  double discount, regularizer;
  long g;
  const double *grid;
  const double *rates;
} Scenario;

typedef struct {
  long count, episodes;
  Scenario *scenarios;
  double *data;
} Workload;

__attribute__((unused)) static Workload read_workload(const char *path) {
  Workload w = {0, 0, NULL, NULL};
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  w.data = malloc(bytes);
  if (fread(w.data, 1, bytes, f) != (size_t)bytes) { perror("read"); exit(2); }
  fclose(f);
  const double *p = w.data;
  w.count = (long)*p++;
  w.scenarios = malloc(sizeof(Scenario) * w.count);
  for (long s = 0; s < w.count; s++) {
    Scenario *sc = &w.scenarios[s];
    sc->n = (long)*p++;
    sc->discount = *p++;
    sc->regularizer = *p++;
    sc->g = (long)*p++;
    sc->grid = p;
    p += sc->g;
    sc->rates = p;
    p += sc->n;
    w.episodes += sc->n;
  }
  return w;
}

/* CPU time of this process, not wall time: the bench machine is shared, and CPU time barely
   depends on how many other processes compete for the cores. */
static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Solves scenario `sc` into `out` (length sc->n). */
typedef void (*SolveFn)(const Scenario *sc, double *out);

__attribute__((unused)) static int run_anchor(int argc, char **argv, SolveFn solve) {
  if (argc != 5) { fprintf(stderr, "usage: %s workload.bin coefficients.bin repeats inner\n", argv[0]); return 2; }
  Workload w = read_workload(argv[1]);
  int repeats = atoi(argv[3]), inner = atoi(argv[4]);
  double *out = malloc(sizeof(double) * (w.episodes > 0 ? w.episodes : 1));
  memset(out, 0, sizeof(double) * w.episodes); /* touched before timing: no page faults in the timed passes */
  for (int r = 0; r < repeats; r++) {
    double start = now_ms();
    for (int i = 0; i < inner; i++) {
      double *o = out;
      for (long s = 0; s < w.count; s++) { solve(&w.scenarios[s], o); o += w.scenarios[s].n; }
    }
    printf("%.6f\n", (now_ms() - start) / inner);
  }
  FILE *f = fopen(argv[2], "wb");
  if (!f || fwrite(out, sizeof(double), w.episodes, f) != (size_t)w.episodes) { perror(argv[2]); return 2; }
  fclose(f);
  return 0;
}
#endif
