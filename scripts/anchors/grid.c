/*
 * C anchor for src/solvers/grid.ts: backward induction on the coefficient grid with the suffix
 * moments A, B, L; agent n minimises g(a) = (a − 1)² + γ(f·(f·A) − 2fB + L), f = 1 − 2ℓ(a² + λ),
 * under the tie rule (costs within a relative 1e−12 of the least are equal, the first wins).
 * Two searches, chosen by the program name's last letter ("grid_scan" or "grid_fast"):
 *   scan: g at every grid point, O(N·G);
 *   fast: the certified convex walk of gridConvex.ts from the last choice (from the point next to
 *         1 for deployment agents, ℓ = 0), where C1 > its rounding slack proves g convex, the
 *         same error bound E, and the full scan elsewhere (the TypeScript tries its root runs
 *         there first; on the bench's workloads that branch is rare).
 */
#include <math.h>
#include <string.h>
#include "workload.h"

#define TIE 1e-12
#define U (2.220446049250313e-16 / 2)

static int fast_search = 1;
static double tiny, tiny1000;

static inline double cost(double a, double rate, double regularizer, double A, double B, double L, double discount) {
  double f = 1 - 2 * rate * (a * a + regularizer);
  return (a - 1) * (a - 1) + discount * (f * (f * A) - 2 * f * B + L);
}

static long scan(const Scenario *sc, double rate, double A, double B, double L, double *costs) {
  double minimum = INFINITY;
  for (long i = 0; i < sc->g; i++) {
    costs[i] = cost(sc->grid[i], rate, sc->regularizer, A, B, L, sc->discount);
    if (costs[i] < minimum) minimum = costs[i];
  }
  if (!isfinite(minimum)) return -1;
  double threshold = minimum + TIE * fabs(minimum);
  for (long i = 0; i < sc->g; i++) if (costs[i] <= threshold) return i;
  return -1;
}

/* The convex walk; -1 when a cost or the reach is not finite. */
static long walk(const Scenario *sc, double rate, double A, double B, double L, long start, double span, double square, double *costs) {
  const double *grid = sc->grid;
  const double regularizer = sc->regularizer, discount = sc->discount;
  long last = sc->g - 1;
  double factor = 1 + 2 * fabs(rate) * (square + fabs(regularizer));
  double tail = discount * (factor * factor * A + 2 * factor * fabs(B) + L);
  double slack = 2 * (32 * U * (span + tail) + tiny1000 * (1 + factor * factor));
  long lo = start, hi = start, i = start;
  double minimum = INFINITY, threshold = NAN, reach = NAN;
  for (;;) {
    costs[i] = cost(grid[i], rate, regularizer, A, B, L, discount);
    if (!isfinite(costs[i])) return -1;
    if (costs[i] < minimum) {
      minimum = costs[i];
      threshold = minimum + TIE * fabs(minimum);
      reach = threshold + slack;
      if (!(reach < INFINITY)) return -1;
    }
    if (lo > 0 && costs[lo] <= reach) i = --lo;
    else if (hi < last && costs[hi] <= reach) i = ++hi;
    else break;
  }
  for (long k = lo; k <= hi; k++) if (costs[k] <= threshold) return k;
  return -1;
}

static double *costs_buffer;
static long costs_size;

static void solve(const Scenario *sc, double *out) {
  if (costs_size < sc->g) { free(costs_buffer); costs_buffer = malloc(sizeof(double) * sc->g); costs_size = sc->g; }
  double *costs = costs_buffer;
  const double *grid = sc->grid;
  const double discount = sc->discount, regularizer = sc->regularizer;
  double first = grid[0], lastPoint = grid[sc->g - 1];
  double span = fmax((first - 1) * (first - 1), (lastPoint - 1) * (lastPoint - 1));
  double square = fmax(first * first, lastPoint * lastPoint);
  long myopic = 0;
  while (myopic < sc->g && grid[myopic] < 1) myopic++;
  if (myopic > sc->g - 1) myopic = sc->g - 1;
  long hint = myopic;
  double A = 0, B = 0, L = 0;
  for (long n = sc->n - 1; n >= 0; n--) {
    double rate = sc->rates[n];
    long index = -1;
    if (fast_search) {
      if (rate == 0) {
        index = walk(sc, 0, A, B, L, myopic, span, square, costs);
        if (index >= 0) hint = index;
      } else {
        double gl = discount * rate, shrink = 1 + 2 * fabs(rate * regularizer);
        double k1 = 2 + 8 * fabs(gl) * shrink * A + 8 * fabs(gl * B);
        double c1 = 2 - 8 * gl * (1 - 2 * rate * regularizer) * A + 8 * gl * B;
        double c1Slack = 2 * (8 * U * k1 + tiny * (1 + 8 * shrink * A + 8 * fabs(B)));
        if (c1 > c1Slack && c1 < INFINITY) {
          index = walk(sc, rate, A, B, L, hint, span, square, costs);
          if (index >= 0) hint = index;
        }
      }
    }
    if (index < 0) index = scan(sc, rate, A, B, L, costs);
    double a = index < 0 ? NAN : grid[index];
    out[n] = a;
    double f = 1 - 2 * rate * (a * a + regularizer);
    A = a * a + discount * f * (f * A);
    B = a + discount * f * B;
    L = 1 + discount * L;
  }
}

int main(int argc, char **argv) {
  tiny = ldexp(1, -1070);
  tiny1000 = ldexp(1, -1000);
  size_t len = strlen(argv[0]);
  fast_search = !(len >= 4 && strcmp(argv[0] + len - 4, "scan") == 0);
  return run_anchor(argc, argv, solve);
}
