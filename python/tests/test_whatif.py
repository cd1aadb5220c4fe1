"""set= what-if edits (issue #21): the library's --set, from a list or a dict, recorded when saved."""
import json
import sqlite3

import pytest

import entente

EDITS = ["ROK.opcon_transfer.salience=0.1", "opcon_transfer.status_quo=60"]


def test_set_matches_the_cli_and_is_stored(cli, flagship_path, tmp_path):
    db = tmp_path / "runs.db"
    code, _, err = cli("forecast", flagship_path, "--model", "compromise", "--set", EDITS[0],
                       "--set", EDITS[1], "--db", db)
    assert code == 0, err
    f = entente.forecast(flagship_path, "compromise", set=EDITS)
    assert f.to_dict()["issues"][1]["status_quo"] == 60
    assert f.save(db) == 2
    with sqlite3.connect(db) as c:
        (cli_run, py_run) = c.execute("SELECT scenario_hash, options_json, result_json FROM runs "
                                      "ORDER BY id").fetchall()
    assert py_run[:2] == cli_run[:2]  # the edited scenario's hash, the edits in the options
    assert json.loads(py_run[1])["set"] == EDITS
    assert json.loads(py_run[2]) == json.loads(cli_run[2])


def test_set_as_a_dict_and_on_every_call(flagship):
    base = entente.forecast(flagship, "compromise").to_dict()
    edited = entente.forecast(flagship, "compromise", set={"opcon_transfer.status_quo": 60}).to_dict()
    assert base["issues"][1]["outcome"] != edited["issues"][1]["outcome"]
    assert flagship.issues[1].status_quo == 85  # the scenario itself is untouched
    entente.simulate(flagship, "compromise", draws=50, set=EDITS)
    entente.cohesion(flagship, "compromise", set=EDITS)
    entente.advise(flagship, "US", issue="opcon_transfer", model="compromise", set=EDITS)
    entente.compare(flagship, ["press-opcon"], "compromise", set=EDITS)
    assert "what-if ROK.opcon_transfer.salience=0.1" in entente.report(
        flagship, format="md", draws=0, models=["median"], set=EDITS)


def test_bad_edits_and_report_files(flagship, tmp_path):
    with pytest.raises(entente.InputError, match="unknown actor 'KOREA'"):
        entente.forecast(flagship, set=["KOREA.opcon_transfer.salience=0.5"])
    with pytest.raises(entente.InputError, match="salience 1.5"):
        entente.forecast(flagship, set={"US.opcon_transfer.salience": 1.5})
    with pytest.raises(entente.InputError, match=r"cannot write a report as \.pdf"):
        entente.report(flagship, tmp_path / "r.pdf", draws=0)
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(entente.InputError, match="contradicts"):
        entente.report(flagship, tmp_path / "r.md", format="html", draws=0)
