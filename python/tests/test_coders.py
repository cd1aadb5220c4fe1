"""pool= for scenarios coded by several analysts (issue #23): the CLI's --pool, mixtures
reproducible at any thread count."""
import numpy as np
import pytest

import entente


def test_pool_changes_the_point_forecast_like_the_cli(cli, source_dir):
    path = source_dir / "tests" / "data" / "coders" / "three_coders.yaml"
    mean = entente.forecast(path, "compromise").to_dict()["issues"][0]["outcome"]
    median = entente.forecast(path, "compromise", pool="median").to_dict()["issues"][0]["outcome"]
    assert mean != median
    code, out, err = cli("forecast", path, "--model", "compromise", "--pool", "median",
                         "--format", "json")
    assert code == 0, err
    import json
    assert json.loads(out)["issues"][0]["outcome"] == median


def test_mixture_draws_are_the_same_at_one_and_four_threads(source_dir):
    path = source_dir / "tests" / "data" / "coders" / "three_coders.yaml"
    one = entente.simulate(path, "compromise", draws=500, noise=5, seed=9, threads=1, pool="mixture")
    four = entente.simulate(path, "compromise", draws=500, noise=5, seed=9, threads=4, pool="mixture")
    assert np.array_equal(one.draws, four.draws)
    plain = entente.simulate(path, "compromise", draws=500, noise=5, seed=9, threads=1)
    assert not np.array_equal(one.draws, plain.draws)


def test_backtest_pools_the_coders_as_the_cli_does(source_dir, cli):
    """Python's backtest(pool=) scores the pooled scenario, as `entente backtest --pool`."""
    scenario = source_dir / "tests" / "data" / "coders" / "three_coders.yaml"
    outcomes = source_dir / "tests" / "data" / "coders" / "three_coders_outcomes.csv"
    pooled = entente.backtest(scenario, outcomes=str(outcomes), models="compromise,median",
                              bootstrap=0, pool="median")
    mean = entente.backtest(scenario, outcomes=str(outcomes), models="compromise,median",
                            bootstrap=0)
    code, out, err = cli("backtest", scenario, "--outcomes", outcomes, "--models", "compromise,median",
                         "--bootstrap", "0", "--pool", "median", "--format", "json", "--no-db")
    assert code == 0, err
    import json
    want = {m["model"]: m["mae"] for m in json.loads(out)["models"]}
    got = pooled.scores["mae"].to_dict() if "model" not in pooled.scores.columns else \
        dict(zip(pooled.scores["model"], pooled.scores["mae"]))
    assert got == pytest.approx(want)
    other = mean.scores["mae"].to_dict() if "model" not in mean.scores.columns else \
        dict(zip(mean.scores["model"], mean.scores["mae"]))
    assert other != pytest.approx(want)  # the pool changes the scores
