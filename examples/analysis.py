#!/usr/bin/env python3
"""Analyse mesalab's output in Python: a run's per-episode table and a sweep's phase diagram.

    mesalab run seed-1 --out out                       # out/seed-1/{trajectory.csv,result.json,...}
    mesalab sweep training-x-deployment --out out/sweep
    /usr/bin/python3 examples/analysis.py out/seed-1 out/sweep out/phase-diagram.png [METRIC]

Needs pandas and matplotlib (Debian: python3-pandas python3-matplotlib). Prints the run's
headline numbers and the sweep's size, and writes the phase diagram of METRIC (default: the
sweep's first metric) over its two swept parameters as a PNG.
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: draw straight to a file
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def load_run(run_dir):
    """The run's result.json and its per-episode table.

    trajectory.csv loads directly: one row per episode n (theta is θ_n before the episode), then a
    last row with θ_N after the final update and the other columns empty (NaN). result.json holds
    the same numbers as columns, where theta has N + 1 entries and the others N; dropping θ_N
    gives the same per-episode table.
    """
    run_dir = Path(run_dir)
    result = json.loads((run_dir / "result.json").read_text())
    # mesalab writes every number in its shortest round-trip form; "round_trip" reads it back to
    # the same double (pandas' default fast parser can be off by one unit in the last place).
    table = pd.read_csv(run_dir / "trajectory.csv", float_precision="round_trip")
    episodes = pd.DataFrame(
        {
            "theta": result["theta"][:-1],
            "coefficient": result["coefficients"],
            "learningRate": result["learningRate"],
            "output": result["output"],
        }
    )
    per_episode = table.dropna(subset=["coefficient"])
    assert len(per_episode) == len(episodes), "trajectory.csv and result.json disagree"
    assert (per_episode["coefficient"].to_numpy() == episodes["coefficient"].to_numpy()).all()
    return result, table


def load_sweep(sweep_dir):
    """The sweep's description (sweep.json) and its results, one row per point (results.csv)."""
    sweep_dir = Path(sweep_dir)
    meta = json.loads((sweep_dir / "sweep.json").read_text())
    results = pd.read_csv(sweep_dir / "results.csv", float_precision="round_trip")
    return meta, results


def phase_diagram(meta, results, metric, out_png):
    """A heatmap of `metric` over the sweep's two parameters: the last across, the first up."""
    if len(meta["axes"]) != 2:
        raise SystemExit(f"a phase diagram needs a sweep of two parameters, not {len(meta['axes'])}")
    y, x = (axis["path"] for axis in meta["axes"])
    grid = results.pivot(index=y, columns=x, values=metric).sort_index()
    values = grid.to_numpy()
    # The sweep file may ask for a log colour scale (logMetrics), as mesalab's own figures use.
    log = metric in meta["spec"].get("logMetrics", []) and (values > 0).all()
    norm = matplotlib.colors.LogNorm() if log else None
    fig, ax = plt.subplots(figsize=(7, 5), dpi=120)
    mesh = ax.pcolormesh(grid.columns, grid.index, values, shading="nearest", cmap="viridis", norm=norm)
    fig.colorbar(mesh, ax=ax, label=metric)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title(f"{meta['name']}: {metric}")
    fig.tight_layout()
    fig.savefig(out_png)
    plt.close(fig)
    return grid.shape


def main(argv):
    if len(argv) not in (4, 5):
        raise SystemExit(__doc__)
    run_dir, sweep_dir, out_png = argv[1:4]
    result, table = load_run(run_dir)
    metrics = result["metrics"]
    print(f"{result['scenario']}: {len(table) - 1} episodes, first coefficient {metrics['firstCoefficient']:.2f}, "
          f"final theta {table['theta'].iloc[-1]:.4f}")
    meta, results = load_sweep(sweep_dir)
    metric = argv[4] if len(argv) == 5 else meta["metrics"][0]
    rows, columns = phase_diagram(meta, results, metric, out_png)
    print(f"{meta['name']}: {len(results)} points, {metric} on a {rows} x {columns} grid -> {out_png}")


if __name__ == "__main__":
    main(sys.argv)
