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


def test_backtest_scores_one_coder_like_the_cli_and_records_it(source_dir, cli, tmp_path):
    """backtest(coder=) scores that coder's own scenario, as `entente backtest --coder`, and the
    saved run stores the coder beside the other run parameters (`runs list` shows it)."""
    import json
    import sqlite3
    scenario = source_dir / "tests" / "data" / "coders" / "three_coders.yaml"
    outcomes = source_dir / "tests" / "data" / "coders" / "three_coders_outcomes.csv"
    db = tmp_path / "runs.db"
    code, out, err = cli("backtest", scenario, "--outcomes", outcomes, "--models", "compromise,median",
                         "--bootstrap", "0", "--coder", "ann", "--format", "json", "--db", db)
    assert code == 0, err
    want = {m["model"]: m["mae"] for m in json.loads(out)["models"]}
    ann = entente.backtest(scenario, outcomes=str(outcomes), models="compromise,median",
                           bootstrap=0, coder="ann")
    got = dict(zip(ann.scores["model"], ann.scores["mae"])) if "model" in ann.scores.columns \
        else ann.scores["mae"].to_dict()
    assert got == pytest.approx(want)
    pooled = entente.backtest(scenario, outcomes=str(outcomes), models="compromise,median",
                              bootstrap=0)
    other = dict(zip(pooled.scores["model"], pooled.scores["mae"])) if "model" in pooled.scores.columns \
        else pooled.scores["mae"].to_dict()
    assert other != pytest.approx(want)  # ann alone scores differently from the pool
    assert ann.save(db) == 2
    with sqlite3.connect(db) as c:
        (cli_run, py_run) = c.execute("SELECT scenario_hash, options_json FROM runs ORDER BY id").fetchall()
    assert py_run[0] == cli_run[0]  # ann's own scenario, stored as the CLI stores it
    assert json.loads(cli_run[1])["coder"] == "ann"
    assert json.loads(py_run[1])["coder"] == "ann"
    code, out, err = cli("runs", "list", "--db", db, "--format", "json")
    assert code == 0, err
    assert [r["coder"] for r in json.loads(out)] == ["ann", "ann"]


def test_backtest_refuses_an_unknown_coder_and_a_coder_with_a_pool(source_dir):
    scenario = source_dir / "tests" / "data" / "coders" / "three_coders.yaml"
    outcomes = source_dir / "tests" / "data" / "coders" / "three_coders_outcomes.csv"
    with pytest.raises(entente.InputError, match="coder 'zed' is not one of the scenario's coders.*ann, bob, cy"):
        entente.backtest(scenario, outcomes=str(outcomes), models="compromise", coder="zed")
    with pytest.raises(entente.InputError, match="coder 'ann'.*pool 'median'"):
        entente.backtest(scenario, outcomes=str(outcomes), models="compromise", coder="ann",
                         pool="median")
