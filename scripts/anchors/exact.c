/*
 * C anchor for src/solvers/exact.ts: backward induction with the suffix moments A, B, L and each
 * agent's continuous minimiser, the real root of the depressed cubic
 *   16γℓ²A·a³ + (2 − 8γℓ(1 − 2ℓλ)A + 8γℓB)·a − 2 = 0
 * with the least cost. Newton from the later agent's coefficient where the cubic is increasing
 * (c3, c1 ≥ 0), else Cardano / the trigonometric form polished by Newton, the roots compared by
 * cost with the 1e−12 tie rule. The same arithmetic, in the same order, as the TypeScript.
 */
#include <math.h>
#include "workload.h"
#include "cubic.h"

#define MAX_GUIDED_STEPS 40
#define TIE 1e-12

static double increasing_root(double c3, double c1, double c0, double guess) {
  double x = guess;
  for (int step = 0; step < MAX_GUIDED_STEPS; step++) {
    double delta = (c3 * x * x * x + c1 * x + c0) / (3 * c3 * x * x + c1);
    x -= delta;
    if (fabs(delta) <= NEWTON_TOLERANCE * x) return x;
  }
  return NAN;
}


/* The general minimiser: the real root with the least g(a) = (a − 1)² + γ(f·(f·A) − 2fB + L). */
static double general(double c3, double c1, double rate, double discount, double regularizer,
                      double A, double B, double L) {
  double roots[3], costs[3];
  int count = depressed_roots(c3, c1, -2, roots);
  if (count == 1) return roots[0];
  double minimum = INFINITY;
  for (int i = 0; i < count; i++) {
    double a = roots[i], f = 1 - 2 * rate * (a * a + regularizer);
    costs[i] = (a - 1) * (a - 1) + discount * (f * (f * A) - 2 * f * B + L);
    if (costs[i] < minimum) minimum = costs[i];
  }
  double threshold = minimum + TIE * minimum, best = NAN;
  for (int i = 0; i < count; i++) {
    if (!(costs[i] <= threshold)) continue;
    best = isnan(best) ? roots[i] : fmin(best, roots[i]);
  }
  return best;
}

static void solve(const Scenario *sc, double *out) {
  const double discount = sc->discount, regularizer = sc->regularizer;
  double A = 0, B = 0, L = 0, previous = NAN;
  for (long n = sc->n - 1; n >= 0; n--) {
    double rate = sc->rates[n], gl = discount * rate;
    double c3 = 16 * gl * rate * A;
    double c1 = 2 - 8 * gl * (1 - 2 * rate * regularizer) * A + 8 * gl * B;
    double a = c3 >= 0 && c1 >= 0 && previous > 0 ? increasing_root(c3, c1, -2, previous) : NAN;
    if (!isfinite(a)) a = general(c3, c1, rate, discount, regularizer, A, B, L);
    previous = a;
    out[n] = a;
    double f = 1 - 2 * rate * (a * a + regularizer);
    A = a * a + discount * f * (f * A);
    B = a + discount * f * B;
    L = 1 + discount * L;
  }
}

int main(int argc, char **argv) { return run_anchor(argc, argv, solve); }
