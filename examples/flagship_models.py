# %% [markdown]
# # The U.S.-ROK flagship from Python
#
# A notebook in plain Python (`# %%` cells: open it in Jupyter with jupytext, VS Code or
# Spyder, or run it whole). It loads the flagship scenario, runs every model side by side,
# simulates the forecasts under 10% input noise and plots their distributions.
#
#     make python
#     PYTHONPATH=build/release/python /usr/bin/python3 examples/flagship_models.py [out.png]

# %%
import sys
from pathlib import Path

import matplotlib

if __name__ == "__main__" and "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # run as a script: write a file instead of opening a window
import matplotlib.pyplot as plt
import pandas as pd

import entente

ROOT = Path(__file__).resolve().parents[1]
scenario = entente.load(ROOT / "scenarios" / "us-rok-2021.yaml")
scenario

# %% [markdown]
# ## Every model, side by side
# One column per model: the outcome after each issue's decision rule (veto players).

# %%
models = [m.name for m in entente.models()]
# The ensemble takes its weights from a calibration; the one shipped was fitted on EU
# legislation (DEU I), so read its column as an experiment, not as calibrated for this case.
CALIBRATION = ROOT / "calibrations" / "deu-1996-2001.yaml"
forecasts = {m: entente.forecast(scenario, m, calibration=CALIBRATION if m == "ensemble" else None)
             for m in models}
side_by_side = pd.DataFrame({m: f.outcomes for m, f in forecasts.items()})
side_by_side["status_quo"] = forecasts[models[0]].to_frame()["status_quo"]
print(side_by_side.round(1).to_string())

# %% [markdown]
# The expected-utility model bargains in rounds; its trajectory is a numpy array
# (rounds x actors) that views the engine's memory.

# %%
eu = forecasts["eu"]
print(eu.trajectory_frame("opcon_transfer").round(1).tail(3).to_string())

# %% [markdown]
# ## Forecast distributions under 10% input noise
# Every draw's outcome comes back as a draws x issues numpy array (no copy).

# %%
# The static models take microseconds per draw; the bargaining models (eu, ...) milliseconds.
simulated = models
draws = {m: (20000 if m in ("median", "compromise") else 1000) for m in simulated}
sims = {m: entente.simulate(scenario, m, draws=draws[m], seed=1, noise=10,
                            calibration=CALIBRATION if m == "ensemble" else None)
        for m in simulated}
summary = pd.concat({m: s.to_frame()[["point", "mean", "p05", "p95", "p_status_quo"]] for m, s in sims.items()},
                    axis=1)
print(summary.round(2).to_string())

# %%
issues = [i.id for i in scenario.issues]
fig, axes = plt.subplots(len(issues), 1, figsize=(8, 1.7 * len(issues)), sharex=False)
for k, (ax, issue) in enumerate(zip(axes, scenario.issues)):
    for m in simulated:
        ax.hist(sims[m].draws[:, k], bins=40, range=(issue.scale.min, issue.scale.max), density=True,
                histtype="step", linewidth=1.4, label=m)
    if issue.status_quo is not None:
        ax.axvline(issue.status_quo, color="grey", linestyle=":", linewidth=1)
    ax.set_ylabel(issue.id, rotation=0, ha="right", fontsize=8)
    ax.set_yticks([])
axes[0].legend(loc="upper right", fontsize=8, ncol=len(simulated))
axes[-1].set_xlabel("outcome on the issue's scale (dotted: status quo)")
fig.suptitle(scenario.title)
fig.tight_layout()

out = Path(sys.argv[1]) if __name__ == "__main__" and len(sys.argv) > 1 else Path("flagship_distribution.png")
fig.savefig(out, dpi=90)
print(f"wrote {out}")
