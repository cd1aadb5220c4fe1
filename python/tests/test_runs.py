"""result.save(): Python runs land in the same runs database, in the same shape, as CLI runs."""
import json
import sqlite3

import entente


def rows(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


def test_saved_forecast_is_stored_as_the_cli_stores_it(cli, flagship_path, tmp_path):
    db = tmp_path / "runs.db"
    code, _, err = cli("forecast", flagship_path, "--model", "eu", "--rounds", "3", "--db", db)
    assert code == 0, err
    f = entente.forecast(flagship_path, "eu", rounds=3)
    assert f.save(db) == 2
    (cli_run, py_run) = rows(db, "SELECT kind, model, scenario_hash, options_json, result_json, "
                                 "scenario_path FROM runs ORDER BY id")
    assert py_run[:4] == cli_run[:4]  # kind, model, scenario hash, options
    assert json.loads(py_run[4]) == json.loads(cli_run[4])
    assert py_run[5] == str(flagship_path)
    counts = rows(db, "SELECT run_id, count(*) FROM outcomes GROUP BY run_id ORDER BY run_id")
    assert counts == [(1, 10), (2, 10)]
    assert rows(db, "SELECT count(*) FROM rounds WHERE run_id = 2")[0][0] > 0
    code, out, _ = cli("runs", "show", "2", "--db", db)
    assert code == 0 and "model eu" in out


def test_simulations_keep_their_seed_and_exchanges_their_rows(flagship, tmp_path):
    db = str(tmp_path / "runs.db")
    sim = entente.simulate(flagship, "compromise", draws=500, seed=77, noise=10)
    run_id = sim.save(db)
    (seed, options), = rows(db, "SELECT seed, options_json FROM runs WHERE id = ?", run_id)
    assert seed == 77
    assert json.loads(options)["draws"] == 500
    x = entente.forecast(flagship, "exchange")
    x_id = x.save(db)
    stored = rows(db, "SELECT first_actor, first_issue, second_actor, second_issue FROM exchanges "
                      "WHERE run_id = ? ORDER BY seq", x_id)
    expected = [(e["first"]["actor"], e["first"]["issue"], e["second"]["actor"], e["second"]["issue"])
                for e in x.to_dict()["exchanges"]]
    assert stored == expected and stored


def test_default_database_is_entente_db_env(flagship, tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_DB", str(tmp_path / "env.db"))
    assert entente.cohesion(flagship).save() == 1
    assert rows(str(tmp_path / "env.db"), "SELECT kind FROM runs") == [("cohesion",)]
