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
