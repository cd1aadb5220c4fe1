"""entente.backtest(): the CLI's backtest as DataFrames, from a path with outcomes or a Scenario
with outcomes given separately."""
import json

import pytest

import entente


def test_backtest_of_a_file_with_outcomes_matches_the_cli(cli, source_dir):
    path = source_dir / "tests" / "data" / "backtest_small.yaml"
    r = entente.backtest(path, models="compromise,median", bootstrap=500)
    code, out, err = cli("backtest", path, "--models", "compromise,median", "--bootstrap", "500",
                         "--format", "json", "--no-db")
    assert code == 0, err
    assert r.to_dict() == json.loads(out)
    scores = r.scores
    assert list(scores.index) == ["compromise", "median"]
    assert scores.loc["compromise", "n"] == 5
    assert scores.loc["compromise", "mae_lo"] <= scores.loc["compromise", "mae"] <= scores.loc["compromise", "mae_hi"]
    assert scores.loc["median", "mae_vs_compromise"] == pytest.approx(
        scores.loc["median", "mae"] - scores.loc["compromise", "mae"])
    issues = r.issues
    assert list(issues.columns) == ["group", "outcome", "compromise", "median", "closest"]
    assert issues.loc["p1_scope", "group"] == "p1"
    assert r.errors.loc["p2_rate", "median"] == pytest.approx(issues.loc["p2_rate", "median"] - 50)


def test_outcomes_given_as_a_mapping_and_subsets(flagship):
    r = entente.backtest(flagship, {"sma_2021_increase": 13.9, "opcon_transfer": 90},
                         models=["compromise", "median"], by="group", bootstrap=200)
    assert r.to_dict()["n"] == 2
    assert r.scores.loc["compromise", "n"] == 2
    assert set(r.subsets.index.get_level_values("model")) == {"compromise", "median"}


def test_draws_add_probabilistic_scores(source_dir):
    path = source_dir / "tests" / "data" / "backtest_small.yaml"
    r = entente.backtest(path, models=["compromise"], draws=300, noise=20, bootstrap=200)
    row = r.scores.loc["compromise"]
    assert 0 <= row["coverage90"] <= 1
    assert row["crps"] < row["mae"]


def test_no_outcomes_is_an_input_error(flagship):
    with pytest.raises(entente.InputError):
        entente.backtest(flagship, models="compromise")


def test_deu_reader_options_reach_the_reader(shared_dir):
    path = shared_dir / "validation" / "deu-i" / "deu_proposals_1996_2001.tsv"
    r = entente.backtest(path, models="compromise", bootstrap=100)
    assert r.scores.loc["compromise", "mae"] == pytest.approx(23.966194850073084)
    fixed = entente.backtest(path, models="compromise", bootstrap=100,
                             reader_options={"com_ep_capability": 0})
    assert fixed.scores.loc["compromise", "mae"] != pytest.approx(23.966194850073084)
