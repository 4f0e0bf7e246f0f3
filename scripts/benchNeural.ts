/**
 * `npx tsx scripts/benchNeural.ts`: the neural solver on seed-1's schedule (20 training episodes
 * at ℓ = 1, then 80 at ℓ = 0; θ₀ = 0.8; prior linspace(−1, 1, 11)) with a 2×16 tanh MLP:
 * - wall and CPU time and cost evaluations;
 * - the first agent's network f_{w_0}(θ) and f′_{w_0}(θ) at a few θ (prior points and between);
 * - f_{w_0}(0.8) against the linear class's a_0·0.8 (exact solver);
 * - per training episode, at the prior points, mean |f_n(θ_i) − θ_i| and mean |f′_n(θ_i)|: an
 *   agent that gradient-hacks has the first small (output near its goal) and the second near 0
 *   (the base optimizer's step 2ℓ·f·f′ vanishes); the linear class has f′ = a, so it cannot;
 * - the rollout from θ₀ and each agent's cost J_n next to the linear equilibrium's.
 * Only measured numbers; nothing is judged here.
 */
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { parseScenarioConfig } from '../src/model/config.ts';
import { mlpForward, type MlpShape } from '../src/model/policies/mlp.ts';
import { rolloutGame } from '../src/rollout/gameRollout.ts';
import { seed1 } from '../src/scenarios/seed.ts';
import { solveExact } from '../src/solvers/exact/exact.ts';
import { solveNeural } from '../src/solvers/neural/neural.ts';

const SHAPE: MlpShape = { hidden: [16, 16], activation: 'tanh' };
/** `npx tsx scripts/benchNeural.ts [restarts] [seed]`. */
const OPTIONS = { restarts: Number(process.argv[2] ?? 0), seed: Number(process.argv[3] ?? 1) };
const PROBES = [-1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 0.8, 0.85, 1];

const { game } = parseGameConfig({ ...seed1, policy: { type: 'mlp', ...SHAPE } });
const scenario = parseScenarioConfig(seed1).scenario;
const prior = game.parameters[0].prior;
const episodes = game.schedule.length;
const training = game.schedule.findIndex((rate) => rate === 0);

const start = performance.now();
const cpuStart = process.cpuUsage();
const eq = solveNeural(game, OPTIONS);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const p = eq.actionNames.length;
const f = (n: number, theta: number) => mlpForward(SHAPE, eq.actions.subarray(n * p, (n + 1) * p), theta);
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
/** Fixed-point, or scientific below 10⁻³ so that "0.0000" never hides a small number. */
const fmt = (x: number, width = 8) => (x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(1) : x.toFixed(4)).padStart(width);

console.log(`neural on seed-1 (N = ${episodes}, ${training} training at ℓ = 1, θ₀ = 0.8, K = ${prior.length}), MLP ${SHAPE.hidden.join('×')} ${SHAPE.activation} (${p} weights), seed ${OPTIONS.seed}, restarts ${OPTIONS.restarts}`);
console.log(`  wall time ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s: on a busy machine the wall time overstates), ${sum(eq.evaluations)} cost evaluations`);

console.log('first episode: θ, f_{w_0}(θ), f′_{w_0}(θ)');
for (const theta of PROBES) {
  const { y, dydx } = f(0, theta);
  console.log(`  ${theta.toFixed(2).padStart(5)}  ${fmt(y)}  ${fmt(dydx)}`);
}

const linear = solveExact(scenario).coefficients;
console.log(`f_{w_0}(0.8) = ${fmt(f(0, 0.8).y, 0)}; linear class a_0·0.8 = ${linear[0].toFixed(4)}·0.8 = ${(linear[0] * 0.8).toFixed(4)}`);

console.log('training episodes: n, winning start, mean|f_n(θ_i) − θ_i|, mean|f′_n(θ_i)| over the prior; linear |a_n − 1|·E|θ|, |a_n|');
const meanAbsTheta = sum(prior.map(Math.abs)) / prior.length;
for (let n = 0; n < training; n++) {
  const miss = sum(prior.map((t) => Math.abs(f(n, t).y - t))) / prior.length;
  const slope = sum(prior.map((t) => Math.abs(f(n, t).dydx))) / prior.length;
  const a = linear[n];
  console.log(`  ${String(n).padStart(2)}  ${eq.starts[n].padEnd(8)}  ${fmt(miss)}  ${fmt(slope)}   linear ${(Math.abs(a - 1) * meanAbsTheta).toFixed(4)}  ${Math.abs(a).toFixed(4)}`);
}

/** J_n of a policy plan by direct simulation: Σ_{k≥n} (y_k − θ_n)², θ ← θ − ℓ_k·2y·dy/dθ, prior-averaged. */
function agentCost(n: number, policy: (k: number, theta: number) => { y: number; dydx: number }): number {
  let total = 0;
  for (const goal of prior) {
    let theta = goal;
    for (let k = n; k < episodes; k++) {
      const { y, dydx } = policy(k, theta);
      total += (y - goal) ** 2;
      theta -= game.schedule[k] * 2 * y * dydx;
    }
  }
  return total / prior.length;
}

const trajectory = rolloutGame(game, eq);
const linearPolicy = (k: number, theta: number) => ({ y: linear[k] * theta, dydx: linear[k] });
console.log('rollout from θ₀ = 0.8 and costs: n, θ_n, y_n, f′_n(θ_n), J_n neural, J_n linear');
for (const n of [0, 1, 2, 5, 10, 15, 18, 19, 20, 50, 99]) {
  const theta = trajectory.parameters.theta[n];
  console.log(`  ${String(n).padStart(2)}  ${theta.toFixed(4)}  ${fmt(trajectory.output[n])}  ${fmt(f(n, theta).dydx)}   ${eq.costs[n].toFixed(4)}  ${agentCost(n, linearPolicy).toFixed(4)}`);
}
console.log(`θ after training: neural ${trajectory.parameters.theta[training].toFixed(4)}`);
