"""entente.calibrate() locally: the calibration file `entente calibrate` writes, byte for byte,
and the same when written to a path."""
import os

import entente

SOURCE = os.environ.get("ENTENTE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TRAIN = [os.path.join(SOURCE, "tests", "data", "backtest_small.yaml"),
         os.path.join(SOURCE, "tests", "data", "bdm1994_ec_emissions.yaml")]
SETTINGS = dict(models=["compromise", "median", "eu"], grid={"eu": {"q": [0.5, 1]}},
                features=["status_quo", "mean"], folds=2, inner_folds=2, bootstrap=200, seed=9,
                date="2026-12-07")


def test_calibrate_writes_what_the_cli_writes(cli, tmp_path):
    code, expected, err = cli("calibrate", *TRAIN, "--models", "compromise,median,eu", "--grid",
                              "eu.q=0.5,1", "--features", "status_quo,mean", "--folds", "2",
                              "--inner-folds", "2", "--bootstrap", "200", "--seed", "9",
                              "--date", "2026-12-07")
    assert code == 0, err
    assert "weights" in expected
    out = tmp_path / "cal.yaml"
    assert entente.calibrate(TRAIN, path=out, **SETTINGS) == expected
    assert out.read_text() == expected


def test_calibrate_defaults_are_the_librarys_and_the_clis(cli):
    # One definition (analysis/calibration_record.hpp): calibrate()'s signature and the CLI's
    # --help both show it; a default written again in either would drift from it.
    import inspect
    d = entente.CALIBRATION_DEFAULTS
    params = inspect.signature(entente.calibrate).parameters
    for name in ("folds", "inner_folds", "floor", "bootstrap", "seed"):
        assert params[name].default == d[name], name
    assert list(params["models"].default) == d["models"]
    assert list(params["features"].default) == d["features"]
    code, help_text, _ = cli("calibrate", "--help")
    assert code == 0
    assert ",".join(d["models"]) in help_text and ",".join(d["features"]) in help_text
    assert str(d["seed"]) in help_text and str(d["bootstrap"]) in help_text


def test_too_few_bootstrap_resamples_are_refused_by_the_library():
    import pytest
    with pytest.raises(entente.InputError, match="--bootstrap must be at least 100"):
        entente.calibrate(TRAIN, **{**SETTINGS, "bootstrap": 50})
