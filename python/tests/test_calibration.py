"""entente.forecast(..., calibration=FILE): predictive quantiles and the ensemble's weights, the
same numbers as the CLI's `forecast --calibration`."""
import json

import pytest

import entente

LEVELS = ["0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95"]


@pytest.fixture(scope="module")
def calibration(source_dir):
    return source_dir / "calibrations" / "deu-1996-2001.yaml"


def test_quantiles_match_the_cli(cli, flagship_path, calibration):
    r = entente.forecast(flagship_path, "compromise", calibration=calibration)
    code, out, err = cli("forecast", flagship_path, "--model", "compromise", "--calibration",
                         calibration, "--format", "json", "--no-db")
    assert code == 0, err
    assert r.to_dict() == json.loads(out)
    frame = r.to_frame()
    for level in LEVELS:
        assert "q" + level in frame.columns
    row = frame.iloc[0]
    qs = [row["q" + level] for level in LEVELS]
    assert qs == sorted(qs)


def test_the_ensemble_takes_its_weights_from_the_calibration(flagship, calibration):
    r = entente.forecast(flagship, "ensemble", calibration=calibration)
    assert r.model == "ensemble"
    assert "q0.5" in r.to_frame().columns
    with pytest.raises(entente.InputError):
        entente.forecast(flagship, "ensemble")  # no weights without a calibration
    with pytest.raises(entente.InputError):
        entente.forecast(flagship, "ensemble", calibration=calibration, q=0.5)
