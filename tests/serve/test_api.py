"""API tests against the real `entente serve` binary: every endpoint, good and bad input."""
import copy
import json
import os
import subprocess

import pytest
from conftest import Server


def test_health(server):
    status, body = server.json("GET", "/api/health")
    assert status == 200
    assert body["status"] == "ok"
    assert body["scenarios"] == 2  # scenarios/: the flagship's YAML and its two-coder bundle
    assert body["database"] == server.db


def test_models(server):
    status, body = server.json("GET", "/api/models")
    assert status == 200
    names = [m["name"] for m in body["models"]]
    assert {"median", "compromise", "eu"} <= set(names)


def test_scenarios_list_and_get(server, flagship):
    status, body = server.json("GET", "/api/scenarios")
    assert status == 200
    assert body["scenarios"][0] == {"name": "us-rok-2021", "title": "U.S.-ROK alliance management, February 2021"}
    assert [s["name"] for s in body["scenarios"]] == ["us-rok-2021", "us-rok-2021-two-coders"]
    assert flagship["issues"][0]["id"] == "sma_2021_increase"


@pytest.mark.parametrize("path", [
    "/api/scenarios/nope",
    "/api/scenarios/..%2F..%2Fetc%2Fpasswd",
    "/api/scenarios/%2Fetc%2Fpasswd",
    "/api/scenarios/..%2FCMakeLists.txt",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/CMakeLists.txt",
])
def test_no_path_reaches_the_file_system(server, path):
    status, _, content = server.call("GET", path)
    assert status == 404
    assert b"root:" not in content and b"cmake_minimum_required" not in content
    assert "errors" in json.loads(content)


def test_validate(server, flagship):
    status, body = server.json("POST", "/api/validate", {"scenario": flagship})
    assert status == 200 and body["valid"] is True and body["issues"] == len(flagship["issues"])


def test_validate_yaml_locates_by_line(server):
    with open(os.path.join(os.path.dirname(__file__), "../data/bad/salience_out_of_range.yaml")) as f:
        text = f.read()
    status, body = server.json("POST", "/api/validate", {"yaml": text})
    assert status == 400
    # The same message as `entente validate` gives for the file, under the name scenario.yaml.
    assert [e["text"] for e in body["errors"]] == [
        "scenario.yaml:15: salience 1.5 is outside [0, 1] (field 'salience'); fix: give a value between 0 and 1"]
    assert body["errors"][0]["line"] == 15


def test_invalid_scenario_is_400_with_every_problem_located(server, flagship):
    bad = copy.deepcopy(flagship)
    bad["issues"][0]["stances"][1]["salience"] = 1.5
    bad["issues"][2]["stances"][0]["position"] = "far"
    status, body = server.json("POST", "/api/forecast", {"scenario": bad})
    assert status == 400
    # Structure first: the string is reported; ranges are checked once the structure is sound.
    assert [(e["where"], e["field"]) for e in body["errors"]] == [("scenario.issues[2].stances[0]", "position")]
    bad["issues"][2]["stances"][0]["position"] = 15
    status, body = server.json("POST", "/api/forecast", {"scenario": bad})
    assert status == 400
    # Located by the path in the tree and by who it concerns, as the CLI would print it.
    assert body["errors"][0]["text"].startswith(
        "scenario.issues[0].stances[1] (ROK on sma_2021_increase): salience 1.5 is outside [0, 1]")
    assert body["errors"][0]["path"] == "issues[0].stances[1]"
    assert body["errors"][0]["names"] == "ROK on sma_2021_increase"


def test_forecast_two_models(server, flagship, binary):
    status, body = server.json("POST", "/api/forecast", {"scenario": flagship, "models": ["compromise", "eu"]})
    assert status == 200
    assert [r["model"] for r in body["results"]] == ["compromise", "eu"]
    cli = subprocess.run([binary, "forecast",
                          os.path.join(os.path.dirname(__file__), "../../scenarios/us-rok-2021.yaml"),
                          "-m", "eu", "-f", "json", "--no-db"], capture_output=True, text=True, check=True)
    assert body["results"][1]["forecast"] == json.loads(cli.stdout)


def test_forecast_with_moves_and_save(server, flagship):
    move = flagship["moves"][0]["id"]
    # The compromise model moves with every input (the default median may not).
    status, base = server.json("POST", "/api/forecast", {"scenario": flagship, "model": "compromise"})
    status, moved = server.json("POST", "/api/forecast", {"scenario": flagship, "model": "compromise", "moves": [move],
                                                          "save": True})
    assert status == 200
    assert moved["results"][0]["forecast"] != base["results"][0]["forecast"]
    run_id = moved["results"][0]["run_id"]
    assert isinstance(run_id, int)
    status, runs = server.json("GET", "/api/runs")
    assert status == 200
    assert runs["runs"][0]["id"] == run_id and runs["runs"][0]["kind"] == "forecast"


@pytest.mark.parametrize("body,field", [
    ({"models": "eu"}, "models"),
    ({"model": "nope"}, ""),
    ({"moves": ["no_such_move"]}, "moves"),
    ({"moves": "x"}, "moves"),
    ({"options": {"eu": {"rounds": "many"}}, "model": "eu"}, ""),
])
def test_forecast_bad_requests(server, flagship, body, field):
    status, answer = server.json("POST", "/api/forecast", {"scenario": flagship, **body})
    assert status == 400
    assert answer["errors"][0]["text"]
    if field:
        assert answer["errors"][0]["field"] == field


@pytest.mark.parametrize("raw", [b"", b"{", b"[1,2]", b"null", b'{"scenario": {"issues": 3}}', b'{"yaml": 3}',
                                 b"\xff\xfe", b'{"scenario": {}, "yaml": ""}'])
def test_bad_json_is_400(server, raw):
    status, _, content = server.call("POST", "/api/forecast", raw=raw)
    assert status == 400
    assert json.loads(content)["errors"]


def test_oversize_body_is_413(server):
    status, _, content = server.call("POST", "/api/forecast", raw=b" " * (3 * 1024 * 1024))
    assert status == 413
    assert "larger than" in json.loads(content)["errors"][0]["message"]


def test_form_encoded_body_is_explained(server, flagship):
    status, _, content = server.call("POST", "/api/forecast", raw=json.dumps({"scenario": flagship}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    assert "application/json" in json.loads(content)["errors"][0]["hint"]


def test_simulate(server, flagship):
    body = {"scenario": flagship, "draws": 300, "seed": 7, "noise_percent": 10}
    status, a = server.json("POST", "/api/simulate", body)
    assert status == 200
    assert a["simulation"]["draws"] == 300
    assert server.json("POST", "/api/simulate", body)[1] == a  # same seed, same answer
    assert server.json("POST", "/api/simulate", {**body, "draws": 10 ** 9})[0] == 400
    assert server.json("POST", "/api/simulate", {**body, "seed": -1})[0] == 400


def test_advise(server, flagship):
    status, body = server.json("POST", "/api/advise", {"scenario": flagship, "actor": "US", "issue": "opcon_transfer"})
    assert status == 200
    assert body["advice"]["issues"][0]["summary"]
    assert server.json("POST", "/api/advise", {"scenario": flagship, "actor": "NOBODY"})[0] == 400
    assert server.json("POST", "/api/advise", {"scenario": flagship})[0] == 400


def test_export_yaml(server, flagship, binary, tmp_path):
    edited = copy.deepcopy(flagship)
    edited["issues"][0]["stances"][0]["position"] = 40
    status, headers, content = server.call("POST", "/api/export/yaml", {"scenario": edited, "filename": "edited.yaml"})
    assert status == 200
    assert 'filename="edited.yaml"' in headers["Content-Disposition"]
    path = tmp_path / "edited.yaml"
    path.write_bytes(content)
    check = subprocess.run([binary, "validate", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert server.json("POST", "/api/export/yaml", {"scenario": edited, "filename": "../x.yaml"})[0] == 400


def test_export_report(server, flagship):
    assert server.json("GET", "/api/health")[1]["report"] is True
    status, headers, content = server.call(
        "POST", "/api/export/report", {"scenario": flagship, "models": ["compromise", "eu"], "draws": 200})
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert 'filename="report.html"' in headers["Content-Disposition"]
    html = content.decode()
    assert html.count("<section class=\"issue\"") == len(flagship["issues"])
    assert "forecast with the compromise model" in html
    status, body = server.json("POST", "/api/export/report", {"scenario": flagship, "models": ["nash"]})
    assert status == 400 and "nash" in body["errors"][0]["message"]
    status, headers, content = server.call("POST", "/api/export/report",
                                           {"scenario": flagship, "format": "md", "draws": 100})
    assert status == 200 and content.decode().startswith("# ")


def test_unknown_endpoint_is_404_json(server):
    status, body = server.json("POST", "/api/nothing", {})
    assert status == 404 and body["errors"]


def test_dashboard_or_explanation(server):
    status, headers, content = server.call("GET", "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    health = server.json("GET", "/api/health")[1]
    assert (b"<script" in content) if health["dashboard"] else (b"dashboard is not built" in content)


def test_non_loopback_host_needs_allow_remote(binary):
    r = subprocess.run([binary, "serve", "--host", "0.0.0.0", "--port", "0", "--no-db"],
                       capture_output=True, text=True, timeout=20)
    assert r.returncode == 2
    assert "--allow-remote" in r.stderr


def test_allow_remote_warns(binary):
    # Binds all addresses but is only ever contacted over loopback, then stopped at once.
    s = Server(binary, ["--host", "0.0.0.0", "--allow-remote"], ":memory:")
    assert s.stop() == 0
    assert "warning" in s.proc.stderr.read()


def test_missing_scenario_path_is_exit_2(binary):
    r = subprocess.run([binary, "serve", "no/such/folder", "--port", "0", "--no-db"],
                       capture_output=True, text=True, timeout=20)
    assert r.returncode == 2
    assert "no/such/folder" in r.stderr


def test_backtest_scores_the_requests_outcomes(server, flagship):
    outcomes = [{"issue": "sma_2021_increase", "value": 13.9}, {"issue": "opcon_transfer", "value": 90}]
    status, body = server.json("POST", "/api/backtest", {"scenario": flagship, "outcomes": outcomes,
                                                         "models": ["compromise", "median"],
                                                         "bootstrap": 200})
    assert status == 200, body
    b = body["backtest"]
    assert b["n"] == 2
    assert [m["model"] for m in b["models"]] == ["compromise", "median"]
    assert b["models"][0]["mae_ci"][0] <= b["models"][0]["mae"] <= b["models"][0]["mae_ci"][1]
    status, body = server.json("POST", "/api/backtest", {"scenario": flagship, "outcomes": [
        {"issue": "opcon_transfer", "value": 1000}]})
    assert status == 400 and "outside its scale" in body["errors"][0]["text"]
    status, body = server.json("POST", "/api/backtest", {"scenario": flagship})
    assert status == 400 and body["errors"][0]["field"] == "outcomes"


def test_served_scenario_with_outcomes_brings_them_beside_it(binary, tmp_path):
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    s = Server(binary, [os.path.join(source, "tests", "data", "backtest_small.yaml")],
               str(tmp_path / "runs.db"))
    try:
        status, body = s.json("GET", "/api/scenarios/backtest_small")
        assert status == 200
        assert len(body["outcomes"]) == 5
        assert all("outcome" not in issue for issue in body["scenario"]["issues"])
    finally:
        s.stop()


# Calibrations and the editor's endpoints over HTTP (issues #19, #20, #21).
@pytest.fixture(scope="module")
def calibrated(binary, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("caldb") / "runs.db")
    from conftest import SOURCE_DIR
    s = Server(binary, [os.path.join(SOURCE_DIR, "scenarios"), "--calibration",
                        os.path.join(SOURCE_DIR, "calibrations")], db)
    yield s
    assert s.stop() == 0


def test_calibrations_listed_and_used_by_name(calibrated, flagship):
    status, body = calibrated.json("GET", "/api/calibrations")
    assert status == 200
    assert [c["name"] for c in body["calibrations"]] == ["deu-1996-2001"]
    assert "resemblance" in body["calibrations"][0]["caveat"]
    status, body = calibrated.json("POST", "/api/forecast", {
        "scenario": flagship, "models": ["compromise", "ensemble"], "calibration": "deu-1996-2001",
        "events": False})
    assert status == 200, body
    q = body["results"][1]["forecast"]["issues"][0]["quantiles"]
    assert list(q) == ["0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95"]


@pytest.mark.parametrize("name", ["/etc/passwd", "../calibrations/deu-1996-2001.yaml",
                                  "calibrations/deu-1996-2001.yaml"])
def test_calibration_paths_are_never_read(calibrated, flagship, name):
    status, body = calibrated.json("POST", "/api/forecast", {"scenario": flagship, "calibration": name})
    assert status == 400
    assert "offers no calibration" in body["errors"][0]["message"]


def test_rules_and_import(server):
    status, body = server.json("GET", "/api/rules")
    assert status == 200
    assert "bicameral" in body["kinds"]
    assert "un_security_council" in [p["name"] for p in body["presets"]]
    from conftest import SOURCE_DIR
    with open(os.path.join(SOURCE_DIR, "scenarios", "us-rok-2021.yaml"), encoding="utf-8") as f:
        text = f.read()
    status, body = server.json("POST", "/api/import", {"yaml": text, "filename": "mine.yaml"})
    assert status == 200, body
    assert body["name"] == "mine" and body["errors"] == []
    status, body = server.json("POST", "/api/import", {"yaml": "entente: 1\nactors: 3\n",
                                                       "filename": "bad.yaml"})
    assert status == 400
    assert body["errors"][0]["text"].startswith("bad.yaml:") and body["errors"][0]["line"] > 0


def test_coders_of_the_two_coder_flagship(server, flagship):
    """POST /api/coders over HTTP: the analysis the dashboard's coders panel shows."""
    status, body = server.json("GET", "/api/scenarios/us-rok-2021-two-coders")
    assert status == 200
    status, answer = server.json("POST", "/api/coders", {"scenario": body["scenario"], "model": "median"})
    assert status == 200, answer
    coders = answer["coders"]
    assert coders["coders"] == ["analyst_a", "analyst_b"] and coders["model"] == "median"
    assert [i["issue"] for i in coders["issues"]] == [i["id"] for i in body["scenario"]["issues"]]
    assert len(coders["stances"]) == 64
    status, refused = server.json("POST", "/api/coders", {"scenario": flagship})
    assert status == 400 and refused["errors"][0]["field"] == "scenario"
