/*
 * C anchor for src/solvers/lq.ts with a one-component linear policy y = a·z_u: backward
 * induction with W2 = zᵀPz, W1 = qᵀz, W0 = L. Per agent, the same steps as lqStage.ts: the
 * basis matrices B_1, B_a, B_aa of M(a) = B_1 + a·B_a + a²·B_aa, X_βδ = γα·tr(B_β Σ B_δᵀ P), the
 * linear terms, the best real root of the cubic J′ (general cubic, shifted to a depressed one),
 * then P ← kkᵀ + γMᵀPM, q ← k + γMᵀq, L ← 1 + γL. The arithmetic in the TypeScript's order.
 *
 *   lq forms.bin actions.bin repeats inner
 * forms.bin (doubles): N, γ, d, u, goal, trainable[d], Q_yy, w[d], Q_zz[d²], α, μ, δ, Σ[d²], ℓ[N].
 */
#include <math.h>
#include <string.h>
#include "workload.h"
#include "cubic.h"

#define D 4
#define TIE 1e-12

static long N, d, u, goal;
static double gamma_, qyy, alpha, mu, delta_;
static double trainable[D], w[D], qzz[D * D], sigma[D * D], sigmaGoal[D];
static const double *rates;

static void multiply(const double *a, const double *b, double *out) {
  for (int i = 0; i < d; i++)
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int k = 0; k < d; k++) sum += a[i * d + k] * b[k * d + j];
      out[i * d + j] = sum;
    }
}
static void multiply_transposed(const double *a, const double *b, double *out) {
  for (int i = 0; i < d; i++)
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int k = 0; k < d; k++) sum += a[k * d + i] * b[k * d + j];
      out[i * d + j] = sum;
    }
}
static double trace_of_product(const double *a, const double *b) {
  double sum = 0;
  for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) sum += a[i * d + k] * b[k * d + i];
  return sum;
}

static int quadratic_roots(double c2, double c1, double c0, double *roots) {
  if (c2 == 0) { if (c1 == 0) return 0; roots[0] = -c0 / c1; return 1; }
  double disc = c1 * c1 - 4 * c2 * c0;
  if (disc < 0) return 0;
  double t = -0.5 * (c1 + (c1 > 0 ? 1 : c1 < 0 ? -1 : 1) * sqrt(disc));
  roots[0] = t / c2;
  roots[1] = t == 0 ? 0 : c0 / t;
  return 2;
}
static int cubic_roots(double c3, double c2, double c1, double c0, double *roots) {
  if (c3 == 0) return quadratic_roots(c2, c1, c0, roots);
  double shift = c2 / (3 * c3);
  double p = (3 * c3 * c1 - c2 * c2) / (3 * c3 * c3);
  double q = (2 * c2 * c2 * c2 - 9 * c3 * c2 * c1 + 27 * c3 * c3 * c0) / (27 * c3 * c3 * c3);
  int ok = isfinite(p) && isfinite(q);
  int count = ok ? depressed_roots(1, p, q, roots) : quadratic_roots(c2, c1, c0, roots);
  for (int i = 0; i < count; i++) {
    double x = ok ? roots[i] - shift : roots[i];
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      double slope = (3 * c3 * x + 2 * c2) * x + c1;
      if (slope == 0) break;
      double dl = (((c3 * x + c2) * x + c1) * x + c0) / slope;
      if (!isfinite(dl)) break;
      x -= dl;
      if (fabs(dl) <= NEWTON_TOLERANCE * fabs(x)) break;
    }
    roots[i] = x;
  }
  return count;
}

static void solve(double *out) {
  double P[D * D] = {0}, q[D] = {0}, L = 0;
  double basis[3][D * D], bst[3][D * D], t1[D * D], gram[9], linear[3], M[D * D], pm[D * D], k[D], qn[D];
  for (long n = N - 1; n >= 0; n--) {
    double rate = rates[n], s = -2 * rate;
    for (int t = 0; t < 3; t++) {
      for (int r = 0; r < d; r++) {
        double row = s * trainable[r];
        for (int c = 0; c < d; c++) {
          double g;
          if (t == 0) g = qzz[r * d + c];
          else if (t == 1) g = (c == u ? w[r] : 0) + (r == u ? w[c] : 0);
          else g = qyy * ((r == u && c == u ? 1 : 0) + 0);
          basis[t][r * d + c] = (t == 0 && r == c ? 1 : 0) + row * g;
        }
      }
      multiply_transposed(basis[t], P, t1);
      multiply(sigma, t1, bst[t]);
    }
    for (int a = 0; a < 3; a++)
      for (int b = a; b < 3; b++) gram[a * 3 + b] = gram[b * 3 + a] = gamma_ * alpha * trace_of_product(basis[a], bst[b]);
    double sigmaGG = sigma[goal * d + goal];
    for (int t = 0; t < 3; t++) {
      double qb = 0;
      for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) qb += q[i] * basis[t][i * d + j] * sigmaGoal[j];
      double h = 2 * gamma_ * mu * qb;
      if (t == 1) h += 2 * mu * sigmaGoal[u];
      if (t == 2) h += alpha * sigma[u * d + u] * 1;
      linear[t] = h;
    }
    double constant = delta_ * sigmaGG + gamma_ * delta_ * sigmaGG * L;
    double c4 = gram[8], c3 = 2 * gram[5], c2 = gram[4] + 2 * gram[2] + linear[2], c1 = 2 * gram[1] + linear[1];
    double c0 = gram[0] + linear[0] + constant;
    double roots[3], costs[3] = {INFINITY, INFINITY, INFINITY}, bestCost = INFINITY;
    int count = cubic_roots(4 * c4, 3 * c3, 2 * c2, c1, roots);
    for (int i = 0; i < count; i++) {
      double a = roots[i];
      costs[i] = (((c4 * a + c3) * a + c2) * a + c1) * a + c0;
      if (costs[i] < bestCost) bestCost = costs[i];
    }
    double best = NAN;
    for (int i = 0; i < count; i++) {
      if (!(costs[i] <= bestCost + TIE * fabs(bestCost))) continue;
      if (isnan(best)) best = roots[i];
      else if (fabs(roots[i] - best) > 1e-9 * fmax(1, fabs(best))) best = fmin(best, roots[i]);
    }
    out[n] = best;
    for (int i = 0; i < d; i++) k[i] = 0;
    k[u] += best;
    for (int i = 0; i < d; i++)
      for (int j = 0; j < d; j++) {
        double g = qzz[i * d + j] + w[i] * k[j] + k[i] * w[j] + qyy * k[i] * k[j];
        M[i * d + j] = (i == j ? 1 : 0) + s * trainable[i] * g;
      }
    multiply(P, M, pm);
    multiply_transposed(M, pm, P);
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int i = 0; i < d; i++) sum += M[i * d + j] * q[i];
      qn[j] = sum;
    }
    for (int i = 0; i < d; i++) {
      q[i] = k[i] + gamma_ * qn[i];
      for (int j = 0; j < d; j++) P[i * d + j] = k[i] * k[j] + gamma_ * P[i * d + j];
    }
    L = 1 + gamma_ * L;
  }
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s forms.bin actions.bin repeats inner\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  double *data = malloc(bytes);
  if (fread(data, 1, bytes, f) != (size_t)bytes) { perror("read"); return 2; }
  fclose(f);
  const double *p = data;
  N = (long)*p++; gamma_ = *p++; d = (long)*p++; u = (long)*p++; goal = (long)*p++;
  if (d > D) { fprintf(stderr, "d = %ld > %d\n", d, D); return 2; }
  for (int i = 0; i < d; i++) trainable[i] = *p++;
  qyy = *p++;
  for (int i = 0; i < d; i++) w[i] = *p++;
  for (int i = 0; i < d * d; i++) qzz[i] = *p++;
  alpha = *p++; mu = *p++; delta_ = *p++;
  for (int i = 0; i < d * d; i++) sigma[i] = *p++;
  for (int i = 0; i < d; i++) sigmaGoal[i] = sigma[i * d + goal];
  rates = p;
  int repeats = atoi(argv[3]), inner = atoi(argv[4]);
  double *out = malloc(sizeof(double) * N);
  memset(out, 0, sizeof(double) * N);
  for (int r = 0; r < repeats; r++) {
    double start = now_ms();
    for (int i = 0; i < inner; i++) solve(out);
    printf("%.6f\n", (now_ms() - start) / inner);
  }
  f = fopen(argv[2], "wb");
  if (!f || fwrite(out, sizeof(double), N, f) != (size_t)N) { perror(argv[2]); return 2; }
  fclose(f);
  return 0;
}
