"""The bindings give the CLI's numbers on the flagship: every model, every analysis."""
import json

import numpy as np
import pytest

import entente


@pytest.mark.parametrize("model", [m.name for m in entente.models()])
def test_forecast_matches_cli_json(cli, flagship, flagship_path, source_dir, model):
    # The ensemble takes its weights from a calibration: both sides read the shipped one.
    cal = str(source_dir / "calibrations" / "deu-1996-2001.yaml") if model == "ensemble" else None
    extra = ["--calibration", cal] if cal else []
    code, out, err = cli("forecast", flagship_path, "--model", model, *extra, "--format", "json", "--no-db")
    assert code == 0, err
    expected = json.loads(out)
    f = entente.forecast(flagship, model, calibration=cal)
    assert f.to_dict() == expected
    frame = f.to_frame()
    for issue in expected["issues"]:
        assert frame.loc[issue["id"], "outcome"] == issue["outcome"]
        assert frame.loc[issue["id"], "unconstrained"] == issue["unconstrained"]
        assert frame.loc[issue["id"], "binding_veto"] == issue["binding_veto"]
    # Trajectories (dynamic models) are the rounds of the JSON, as numpy.
    for k, issue in enumerate(expected["issues"]):
        rounds = issue.get("rounds", [])
        traj = f.trajectory(k)
        assert traj.shape == (len(rounds), len(flagship.issues[k].stances))
        for r, round_ in enumerate(rounds):
            assert list(traj[r]) == [round_["positions"][a] for a in f.actors(k)]


def test_forecast_with_options_matches_cli(cli, flagship, flagship_path):
    code, out, err = cli("forecast", flagship_path, "-m", "eu", "--rounds", "3", "-f", "json", "--no-db")
    assert code == 0, err
    assert entente.forecast(flagship, "eu", rounds=3).to_dict() == json.loads(out)


@pytest.mark.parametrize("model", [m.name for m in entente.models()])
def test_simulate_matches_cli_json(cli, flagship, flagship_path, source_dir, model):
    draws = 3000 if model in ("median", "compromise") else 300  # dynamic models cost more per draw
    # The ensemble takes its weights from a calibration: both sides read the shipped one.
    cal = str(source_dir / "calibrations" / "deu-1996-2001.yaml") if model == "ensemble" else None
    extra = ["--calibration", cal] if cal else []
    code, out, err = cli("simulate", flagship_path, "-m", model, *extra, "-n", draws, "--seed", 3, "--noise", "10%",
                         "--threshold", "sanctions_relief:30", "-f", "json", "--no-db")
    assert code == 0, err
    r = entente.simulate(flagship, model, draws=draws, seed=3, noise=10, thresholds={"sanctions_relief": 30},
                         threads=2, calibration=cal)
    assert r.to_dict() == json.loads(out)
    assert r.draws.shape == (draws, len(flagship.issues))
    frame = r.to_frame()
    np.testing.assert_allclose(r.draws.mean(axis=0), frame["mean"].to_numpy(), rtol=0, atol=1e-6)
    np.testing.assert_array_equal(r.draws.min(axis=0), frame["min"].to_numpy())


def test_simulate_with_a_calibration_adds_the_models_error(cli, flagship, flagship_path, source_dir):
    # With a calibration the draws spread by the model's held-out error too: wider than input
    # noise alone, and the same numbers as the CLI's --calibration.
    cal = str(source_dir / "calibrations" / "deu-1996-2001.yaml")
    plain = entente.simulate(flagship, "compromise", draws=2000, seed=5, noise=10)
    with_error = entente.simulate(flagship, "compromise", draws=2000, seed=5, noise=10, calibration=cal)
    assert (with_error.draws.std(axis=0) >= plain.draws.std(axis=0) - 1e-9).all()
    assert with_error.draws.std(axis=0).sum() > plain.draws.std(axis=0).sum()
    code, out, err = cli("simulate", flagship_path, "-m", "compromise", "--calibration", cal, "-n", 2000,
                         "--seed", 5, "--noise", "10%", "-f", "json", "--no-db")
    assert code == 0, err
    assert with_error.to_dict() == json.loads(out)


def test_simulate_with_a_calibration_adds_the_models_error(cli, flagship, flagship_path, source_dir):
    # With a calibration the draws spread by the model's held-out error too: wider than input
    # noise alone, and the same numbers as the CLI's --calibration.
    cal = str(source_dir / "calibrations" / "deu-1996-2001.yaml")
    plain = entente.simulate(flagship, "compromise", draws=2000, seed=5, noise=10)
    with_error = entente.simulate(flagship, "compromise", draws=2000, seed=5, noise=10, calibration=cal)
    assert with_error.draws.std(axis=0).sum() > plain.draws.std(axis=0).sum()
    code, out, err = cli("simulate", flagship_path, "-m", "compromise", "--calibration", cal, "-n", 2000,
                         "--seed", 5, "--noise", "10%", "-f", "json", "--no-db")
    assert code == 0, err
    assert with_error.to_dict() == json.loads(out)


def test_advise_cohesion_compare_match_cli(cli, flagship, flagship_path):
    code, out, _ = cli("advise", flagship_path, "--actor", "US", "-f", "json", "--no-db")
    assert code == 0
    a = entente.advise(flagship, "US")
    assert a.to_dict() == json.loads(out)
    assert a.to_frame().loc["opcon_transfer", "target"] == 95.0
    code, out, _ = cli("cohesion", flagship_path, "-m", "compromise", "-f", "json", "--no-db")
    assert code == 0
    assert entente.cohesion(flagship, "compromise").to_dict() == json.loads(out)
    code, out, _ = cli("compare", flagship_path, "--moves", "press-opcon,counsel-caution", "-f", "json", "--no-db")
    assert code == 0
    c = entente.compare(flagship, "press-opcon,counsel-caution")
    assert c.to_dict() == json.loads(out)
    assert list(c.outcomes().index) == ["baseline", "press-opcon", "counsel-caution", "press-opcon+counsel-caution"]
    code, out, _ = cli("compare", flagship_path, "--moves", "press-opcon", "--draws", 500, "--seed", 2, "-f",
                       "json", "--no-db")
    assert code == 0
    assert entente.compare(flagship, ["press-opcon"], draws=500, seed=2).to_dict() == json.loads(out)


def test_table_text_is_the_cli_table(cli, flagship, flagship_path):
    code, out, _ = cli("forecast", flagship_path, "-m", "median", "--no-db")
    assert code == 0
    assert str(entente.forecast(flagship, "median")) == out


def test_sensitivity_matches_cli_json(cli, flagship, flagship_path):
    code, out, err = cli("sensitivity", flagship_path, "-m", "compromise", "-n", 2000, "--seed", 4, "--noise", "10%",
                         "-f", "json", "--no-db")
    assert code == 0, err
    r = entente.simulate(flagship, "compromise", draws=2000, seed=4, noise=10, sensitivity=True)
    assert r.to_dict() == json.loads(out)
    frame = r.sensitivity()
    assert {"outcome_issue", "actor", "field", "first_order", "outcome_low", "outcome_high"} <= set(frame.columns)
    assert len(frame) > 0
