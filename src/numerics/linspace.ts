/**
 * `count` evenly spaced points from `start` to `stop` inclusive, computed as numpy.linspace does
 * (start + i·step, last point exactly `stop`) so grids match the seed's Python to the last bit:
 * linspace(−2, 2, 401) contains 0 and 1 exactly.
 */
export function linspace(start: number, stop: number, count: number): Float64Array {
  const points = new Float64Array(count);
  if (count === 1) {
    points[0] = start;
    return points;
  }
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) points[i] = i * step + start;
  points[count - 1] = stop;
  return points;
}
