"""The CLI, `entente serve` and the Python module take one run contract from the library: the same
request gives the same run parameters (as the runs database stores them), the same defaults and
the same results, whichever front end it came through."""
import json
import os
import re
import sqlite3
import subprocess
import urllib.error
import urllib.request

import pytest

import entente


@pytest.fixture()
def db(tmp_path):
    return str(tmp_path / "runs.db")


@pytest.fixture()
def server(db):
    exe = os.environ.get("ENTENTE_CLI")
    if not exe or not os.path.exists(exe):
        pytest.skip("ENTENTE_CLI is not set to the built `entente` executable (run through ctest)")
    proc = subprocess.Popen([exe, "serve", "--port", "0", "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    match = re.search(r"listening on (http://\S+)/", proc.stdout.readline())
    if not match:
        proc.kill()
        raise RuntimeError(f"server did not start: {proc.stderr.read()}")
    url = match.group(1)

    def post(path, body):
        req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as res:
            return json.loads(res.read())

    def get(path):
        with urllib.request.urlopen(url + path, timeout=30) as res:
            return json.loads(res.read())

    post.get = get  # type: ignore[attr-defined]
    yield post
    proc.terminate()
    proc.wait(timeout=15)


def stored(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT kind, model, seed, options_json, scenario_hash FROM runs ORDER BY id").fetchall()


def test_a_simulation_is_the_same_run_from_every_front_end(cli, server, flagship_path, db):
    yaml = flagship_path.read_text()
    code, out, err = cli("simulate", flagship_path, "-m", "eu", "--option", "rounds=5", "-n", 120, "--seed", 5,
                         "--noise", "7.5%", "--threshold", "sanctions_relief:30", "-f", "json", "--db", db)
    assert code == 0, err
    api = server("/api/simulate", {"yaml": yaml, "model": "eu", "model_options": {"rounds": 5}, "draws": 120,
                                   "seed": 5, "noise_percent": 7.5,
                                   "thresholds": [{"issue": "sanctions_relief", "value": 30}], "save": True})
    py = entente.simulate(flagship_path, "eu", draws=120, seed=5, noise="7.5%", thresholds={"sanctions_relief": 30},
                          rounds=5)
    py.save(db)
    assert json.loads(out) == api["simulation"] == py.to_dict()
    runs = stored(db)
    assert len(runs) == 3
    assert runs[0] == runs[1] == runs[2]  # kind, model, seed, options, scenario
    options = json.loads(runs[0][3])
    assert options == {"model": "eu", "model_options": {"rounds": "5"}, "draws": 120, "seed": 5,
                       "noise_percent": 7.5, "thresholds": [{"issue": "sanctions_relief", "value": 30.0}],
                       "sensitivity": False}


def test_defaults_are_the_same_everywhere(cli, server, flagship_path, db):
    code, out, _ = cli("models", "--format", "json")
    assert code == 0
    assert json.loads(out)["defaults"] == server.get("/api/models")["defaults"]
    assert json.loads(out)["defaults"] == {k: entente.DEFAULTS[k] for k in json.loads(out)["defaults"]}
    # A simulation and a forecast asked for with nothing but the scenario.
    code, _, err = cli("simulate", flagship_path, "-n", 200, "--db", db)
    assert code == 0, err
    server("/api/simulate", {"yaml": flagship_path.read_text(), "draws": 200, "save": True})
    entente.simulate(flagship_path, draws=200).save(db)
    code, _, err = cli("forecast", flagship_path, "--db", db)
    assert code == 0, err
    server("/api/forecast", {"yaml": flagship_path.read_text(), "save": True})
    entente.forecast(flagship_path).save(db)
    runs = stored(db)
    assert runs[0] == runs[1] == runs[2] and runs[3] == runs[4] == runs[5]
    assert json.loads(runs[0][3])["noise_percent"] == 10 and runs[3][1] == "median"


def test_noise_means_percent_and_ambiguity_is_refused_everywhere(cli, server, flagship_path):
    code, _, err = cli("simulate", flagship_path, "--noise", "0.1", "--no-db")
    assert code == 2 and "0.1 percent, or the fraction 0.1 (10 percent)" in err
    with pytest.raises(entente.InputError, match="ambiguous") as e:
        entente.simulate(flagship_path, noise=0.1)
    assert e.value.errors[0].field == "noise"
    with pytest.raises(urllib.error.HTTPError) as h:
        server("/api/simulate", {"yaml": flagship_path.read_text(), "noise_percent": "0.1"})
    assert h.value.code == 400 and "ambiguous" in h.value.read().decode()


def test_model_options_are_declared_once(cli, server):
    code, out, _ = cli("models", "--format", "json")
    assert code == 0
    listed = json.loads(out)["models"]
    assert listed == server.get("/api/models")["models"]
    assert [m.name for m in entente.models()] == [m["name"] for m in listed]
    eu = next(m for m in listed if m["name"] == "eu")
    q = next(o for o in eu["options"] if o["name"] == "q")
    assert q == {"name": "q", "type": "number", "default": 1.0, "min": 0.0, "max": 1.0,
                 "help": q["help"]} and q["help"]
    assert all(o["help"] and "type" in o and "default" in o for m in listed for o in m["options"])
    assert "q (number, default 1.0; 0 to 1)" in entente.forecast.__doc__


def test_a_backtest_is_the_same_run_from_every_front_end(cli, server, source_dir, db):
    path = source_dir / "tests" / "data" / "backtest_small.yaml"
    code, out, err = cli("backtest", path, "--models", "compromise,median", "--option", "median.tie=lower",
                         "--bootstrap", 200, "--seed", 4, "--draws", 100, "--noise", "20%", "-f", "json",
                         "--db", db)
    assert code == 0, err
    py = entente.backtest(path, models=["compromise", "median"], model_options={"median": {"tie": "lower"}},
                          bootstrap=200, seed=4, draws=100, noise=20)
    py.save(db)
    cli_json = json.loads(out)
    outcomes = [{"issue": i["id"], "value": i["outcome"]} for i in cli_json["issues"]]
    api = server("/api/backtest", {"yaml": path.read_text(), "outcomes": outcomes,
                                   "models": ["compromise", "median"], "options": {"median": {"tie": "lower"}},
                                   "bootstrap": 200, "seed": 4, "draws": 100, "noise_percent": 20})
    assert cli_json == py.to_dict() == api["backtest"]
    assert cli_json["noise_percent"] == 20
    runs = stored(db)
    assert len(runs) == 2 and runs[0][0] == "backtest"
    assert runs[0][1:3] == runs[1][1:3] and json.loads(runs[0][3]) == json.loads(runs[1][3])
    options = json.loads(runs[0][3])
    assert options["models"] == ["compromise", "median"]
    assert options["model_options"] == {"compromise": {}, "median": {"tie": "lower"}} or \
        options["model_options"] == {"median": {"tie": "lower"}}
    assert options["noise_percent"] == 20 and options["bootstrap"] == 200
