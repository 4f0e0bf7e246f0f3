/** The linear policy y = Σ_i k_i·s_{inputs[i]}; ∂y/∂s_j = k_i where inputs[i] = j. */
export function linearOutput(inputs: readonly number[], action: ArrayLike<number>, state: ArrayLike<number>, slope?: Float64Array): number {
  let y = 0;
  if (slope) slope.fill(0);
  for (let i = 0; i < inputs.length; i++) {
    y += action[i] * state[inputs[i]];
    if (slope) slope[inputs[i]] += action[i];
  }
  return y;
}
