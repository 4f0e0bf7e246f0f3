/**
 * Seeded initial weights for the scalar MLP of mlp.ts: every weight and bias of a layer with
 * fan-in m is drawn uniformly from [−√(3/m), √(3/m)] (variance 1/m, so pre-activations stay of
 * order one for inputs of order one; the biases spread the first layer's kinks over the input's
 * range). The generator is pure-rand's xoroshiro128+, passed in, so the same seed gives the
 * same weights.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { mlpWeightCount } from '../game.ts';

/** Fresh weights for the given hidden layers, drawing from `rng` (which advances). */
export function mlpInitialWeights(hidden: readonly number[], rng: RandomGenerator): Float64Array {
  const w = new Float64Array(mlpWeightCount(hidden));
  let offset = 0;
  let fanIn = 1;
  for (const width of [...hidden, 1]) {
    const bound = Math.sqrt(3 / fanIn);
    const size = width * fanIn + width;
    for (let i = offset; i < offset + size; i++) w[i] = bound * (2 * uniformFloat64(rng) - 1);
    offset += size;
    fanIn = width;
  }
  return w;
}
