/**
 * Subgame-perfect equilibria of the history games by brute force, independent of the DP: every
 * agent's best reply is found by simulating each candidate coefficient with the later agents'
 * own best replies to the exact history S they then face (memoised on (episode, S)). θ-homogeneous,
 * so θ_n = 1 for the deciding agent. Exponential in N: for 2–4 episodes and small grids only.
 */
export type Rule = { kind: 'steps'; data: 'newest' | 'all'; steps: number } | { kind: 'full' };

function factor(a: number, s: number, rate: number, rule: Rule): { f: number; s: number } {
  if (!(rate > 0)) return { f: 1, s };
  const next = s + a * a;
  if (rule.kind === 'full') return { f: next > 0 ? 0 : 1, s: next };
  const x = rule.data === 'all' ? next : a * a;
  return { f: (1 - 2 * rate * x) ** rule.steps, s: rule.data === 'all' ? next : s };
}

export interface SpeResult {
  path: number[];
  /** On-path episodes where two coefficients tie exactly. */
  ties: number[];
}

export function bruteForceSpe(schedule: number[], grid: number[], rule: Rule, discount: number): SpeResult {
  const memo = new Map<string, { a: number; tied: boolean }>();
  const reply = (n: number, s: number): { a: number; tied: boolean } => {
    const key = `${n}:${s}`;
    const cached = memo.get(key);
    if (cached) return cached;
    let best = { a: NaN, cost: Infinity, tied: false };
    for (const a of grid) {
      const c = costOf(n, s, a);
      if (best.cost === Infinity || c < best.cost - 1e-12 * Math.abs(best.cost)) best = { a, cost: c, tied: false };
      else if (Math.abs(c - best.cost) <= 1e-12 * Math.abs(best.cost)) best.tied = true;
    }
    const result = { a: best.a, tied: best.tied };
    memo.set(key, result);
    return result;
  };
  const costOf = (n: number, s: number, a: number): number => {
    let theta = 1;
    let state = s;
    let cost = 0;
    for (let k = n; k < schedule.length; k++) {
      const coefficient = k === n ? a : reply(k, state).a;
      cost += discount ** (k - n) * (coefficient * theta - 1) ** 2;
      const next = factor(coefficient, state, schedule[k], rule);
      theta *= next.f;
      state = next.s;
    }
    return cost;
  };
  const path: number[] = [];
  const ties: number[] = [];
  let s = 0;
  let theta = 1;
  for (let n = 0; n < schedule.length; n++) {
    const r = reply(n, s);
    path.push(r.a);
    if (r.tied && theta !== 0) ties.push(n);
    const next = factor(r.a, s, schedule[n], rule);
    theta *= next.f;
    s = next.s;
  }
  return { path, ties };
}
