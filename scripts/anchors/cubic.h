/*
 * The real roots of c3·x³ + c1·x + c0 (no x² term), as src/numerics/cubic.ts finds them:
 * Cardano's closed form, or the trigonometric form for three roots, each root polished by Newton;
 * where the closed form overflows, the far-field approximations. Shared by the exact and lq anchors.
 */
#ifndef ANCHOR_CUBIC_H
#define ANCHOR_CUBIC_H
#include <math.h>

#define NEWTON_TOLERANCE 1e-15
#define MAX_NEWTON_STEPS 8

static double polish(double c3, double c1, double c0, double x) {
  for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
    double slope = 3 * c3 * x * x + c1;
    if (slope == 0) break;
    double dl = (c3 * x * x * x + c1 * x + c0) / slope;
    if (!isfinite(dl)) break;
    x -= dl;
    if (fabs(dl) <= NEWTON_TOLERANCE * fabs(x)) break;
  }
  return x;
}
static int closed_form(double p, double q, double *roots) {
  double halfQ = q / 2, thirdP = p / 3;
  double disc = halfQ * halfQ + thirdP * thirdP * thirdP;
  if (!isfinite(disc)) return 0;
  if (disc >= 0) {
    double s = sqrt(disc);
    double v = cbrt(halfQ > 0 ? -halfQ - s : -halfQ + s);
    roots[0] = v == 0 ? 0 : v - thirdP / v;
    return 1;
  }
  double m = -thirdP;
  double cosPhi = fmin(1, fmax(-1, -halfQ / (m * sqrt(m))));
  double phi = acos(cosPhi), r = 2 * sqrt(m);
  for (int k = 0; k < 3; k++) roots[k] = r * cos((phi - 2 * M_PI * k) / 3);
  return 3;
}
static int far_field(double c3, double c1, double c0, double *roots) {
  if (c1 == 0) { roots[0] = cbrt(-c0 / c3); return 1; }
  roots[0] = -c0 / c1;
  double ratio = -c1 / c3;
  if (!(ratio > 0)) return 1;
  roots[1] = sqrt(ratio);
  roots[2] = -roots[1];
  return 3;
}
static int depressed_roots(double c3, double c1, double c0, double *roots) {
  if (c3 == 0) { if (c1 == 0) return 0; roots[0] = -c0 / c1; return 1; }
  int count = closed_form(c1 / c3, c0 / c3, roots);
  if (!count) count = far_field(c3, c1, c0, roots);
  for (int i = 0; i < count; i++) roots[i] = polish(c3, c1, c0, roots[i]);
  return count;
}

#endif
