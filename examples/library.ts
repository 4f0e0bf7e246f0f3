// Solve the seed's first experiment with the library and print its first coefficient.
import { computeMetrics, linearScenario, rollout, solveGrid } from 'mesalab';

const scenario = linearScenario({ schedule: '1x20,0x80', theta0: 0.8 });
const { coefficients } = solveGrid(scenario);
const metrics = computeMetrics(rollout(scenario, coefficients));
console.log(`first coefficient ${metrics.firstCoefficient.toFixed(2)}, goal retained ${metrics.goalRetained?.toFixed(3)}`);
