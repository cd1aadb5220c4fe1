"""entente.sweep() locally: the CLI's bytes (`entente sweep --format json/csv`, table), the same
on one thread and on all cores, and the same through the shard-and-merge path as whole."""
import os
import subprocess

import pytest

import entente

SOURCE = os.environ.get("ENTENTE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC = os.path.join(SOURCE, "examples", "sweep-us-rok.yaml")


def _cli(*args):
    exe = os.environ.get("ENTENTE_CLI")
    if not exe:
        pytest.skip("ENTENTE_CLI is not set (run under ctest)")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True,
                          cwd=SOURCE).stdout


def test_sweep_prints_what_the_cli_prints():
    r = entente.sweep(SPEC)
    assert r.to_json() == _cli("sweep", SPEC, "--format", "json")
    assert r.to_csv() == _cli("sweep", SPEC, "--format", "csv")
    assert str(r) == _cli("sweep", SPEC)
    frame = r.to_frame()
    assert len(frame) == 5 * 2 * 10  # points x models x issues
    assert set(frame["model"]) == {"median", "ktab-smp"}


def test_sweep_threads_never_change_the_rows():
    assert entente.sweep(SPEC, threads=1).to_json() == entente.sweep(SPEC, threads=2).to_json()


def test_a_bad_sweep_file_names_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"scenario: {SOURCE}/scenarios/us-rok-2021.yaml\ngrid:\n  noise: [5]\n")
    with pytest.raises(entente.InputError, match="bad.yaml:3"):
        entente.sweep(bad)
