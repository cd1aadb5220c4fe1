"""Scenarios in and out: every file format, dicts, DataFrames, editing in code."""
import pandas as pd
import pytest

import entente


def test_yaml_and_csv_bundle_load_to_equal_scenarios(flagship, tmp_path):
    bundle = tmp_path / "bundle"
    flagship.save(bundle)
    again = entente.load(bundle)
    assert again == flagship
    yaml_path = tmp_path / "copy.yaml"
    flagship.save(yaml_path)
    assert entente.load(str(yaml_path)) == flagship


def test_shared_reference_bundle_loads(shared_dir):
    s = entente.load(shared_dir / "scenarios" / "us-rok-2021")
    assert len(s.issues) >= 1 and len(s.actors) >= 1


def test_dict_round_trip_is_lossless(flagship):
    d = flagship.to_dict()
    assert d["issues"][0]["stances"][0]["actor"] == flagship.issues[0].stances[0].actor
    assert entente.from_dict(d) == flagship
    assert entente.load(d) == flagship


def test_rules_beyond_the_plain_forms_come_as_dicts(flagship):
    sanctions = flagship.issue("sanctions_relief")
    assert sanctions.decision_rule == "qualified_majority"
    assert sanctions.rule == {"kind": "qualified_majority", "preset": "un_security_council",
                              "members": ["US", "CHINA", "RUSSIA"],
                              "veto_players": ["US", "CHINA", "RUSSIA"], "absent": "support"}
    assert flagship.issue("opcon_transfer").rule is None
    d = flagship.to_dict()
    assert d["issues"][2]["decision_rule"]["preset"] == "un_security_council"
    f = entente.forecast(flagship, "median").to_dict()
    proc = f["issues"][2]["procedure"]
    assert proc["binding_test"] == "veto" and proc["blocking"] == ["US"]


def test_dict_round_trip_keeps_spreads(source_dir):
    s = entente.load(source_dir / "tests" / "data" / "uncertain.yaml")
    kinds = {st.position_spread.kind for i in s.issues for st in i.stances}
    assert kinds - {"none"}, "the test scenario should carry spreads"
    assert entente.from_dict(s.to_dict()) == s


def test_frames_round_trip_is_lossless(flagship):
    frames = flagship.to_frames()
    assert set(frames) >= {"stances", "issues", "actors", "meta", "alliances", "moves", "rules"}
    st = frames["stances"]
    assert pd.api.types.is_float_dtype(st["position"]) and pd.api.types.is_float_dtype(st["salience"])
    assert len(st) == sum(len(i.stances) for i in flagship.issues)
    again = entente.from_frames(frames["stances"], frames["issues"], frames["actors"], meta=frames["meta"],
                                alliances=frames["alliances"], moves=frames["moves"], rules=frames["rules"])
    assert again == flagship


def test_one_frame_per_actor_and_issue_round_trips_issues_and_stances(flagship):
    frame = flagship.to_frame()
    assert {"issue", "actor", "position", "salience", "capability", "scale_min", "status_quo"} <= set(frame.columns)
    again = entente.from_frame(frame, rules=flagship.to_frames()["rules"])
    assert list(again.issues) == list(flagship.issues)
    with_stances = {st.actor for i in flagship.issues for st in i.stances}
    assert {a.id for a in again.actors} == with_stances


def test_frame_edited_in_pandas_changes_the_forecast(flagship):
    frame = flagship.to_frame()
    base = entente.forecast(flagship, "compromise").outcomes["opcon_transfer"]
    frame.loc[(frame.issue == "opcon_transfer") & (frame.actor == "US"), "position"] = 0.0
    back = entente.from_frame(frame)
    moved = entente.forecast(back, "compromise").outcomes["opcon_transfer"]
    assert moved < base
    # The Security Council rule of sanctions_relief travelled in frame.attrs through the edit.
    assert back.issue("sanctions_relief").rule == flagship.issue("sanctions_relief").rule


def test_edits_in_code_land_in_the_scenario(flagship):
    s = flagship.copy()
    s.issue("opcon_transfer").stance("US").position = 0.0
    k = [i.id for i in s.issues].index("opcon_transfer")
    assert [st.position for st in s.issues[k].stances if st.actor == "US"] == [0.0]
    assert flagship.issue("opcon_transfer").stance("US").position != 0.0, "copy() must be independent"
    s.actors.append(entente.Actor("UN", "United Nations"))
    s.issue("opcon_transfer").stances.append(entente.Stance("UN", 50, 0.2, 10, basis="judgement"))
    assert len(s.issue("opcon_transfer").stances) == len(flagship.issue("opcon_transfer").stances) + 1
    s.validate()


def test_scenario_built_from_scratch_forecasts():
    s = entente.Scenario()
    s.title = "toy"
    s.actors = [entente.Actor("A", "Alpha"), entente.Actor("B", "Beta")]
    issue = entente.Issue("tax", "Tax rate", entente.Scale(0, 100, "%", [entente.Anchor(0, "none")]),
                          status_quo=20, decision_rule="unanimity", veto_players=["A"])
    issue.stances = [entente.Stance("A", 10, 0.5, 1), entente.Stance("B", 90, 0.5, 3)]
    s.issues = [issue]
    s.validate()
    f = entente.forecast(s, "compromise")
    assert f.to_frame().loc["tax", "unconstrained"] == pytest.approx(70.0)
    assert f.to_frame().loc["tax", "outcome"] == pytest.approx(20.0)  # A's veto: nothing beats q
    assert f.to_frame().loc["tax", "binding_veto"] == "A"


def test_numeric_looking_ids_stay_text_through_frames(flagship):
    s = flagship.copy()
    # Rules beyond the plain forms (the Security Council issue) name actors in members too,
    # which Python cannot rename in place; the plain issues are enough here.
    s.issues = [i for i in s.issues if i.rule is None]
    for i in s.issues:
        for st in i.stances:
            if st.actor == "US":
                st.actor = "1"
        i.veto_players = ["1" if v == "US" else v for v in i.veto_players]
    s.actor("US").id = "1"
    s.alliances = []
    s.moves = []
    frames = s.to_frames()
    assert "1" in list(frames["stances"]["actor"])
    assert entente.from_frames(frames["stances"], frames["issues"], frames["actors"], meta=frames["meta"]) == s


def test_dict_with_nan_or_numpy_numbers(flagship):
    import numpy as np
    d = flagship.to_dict()
    d["issues"][0]["stances"][0]["capability"] = np.float64(50)
    d["issues"][0]["stances"][1]["capability"] = np.int64(40)
    s = entente.from_dict(d)
    assert s.issues[0].stances[1].capability == 40
    d["issues"][0]["stances"][0]["salience"] = float("nan")
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_dict(d)
    assert e.value.field == "salience"


def test_minimal_frame_is_a_one_table_sheet():
    pd = pytest.importorskip("pandas")
    # BDM (1994) Table 1, the EC car-emission case, as an analyst would type it.
    frame = pd.DataFrame({
        "Actor": ["Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK",
                  "Ireland", "Denmark", "Greece"],
        "Capability": [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08],
        "Position": [4, 7, 4, 4, 10, 10, 10, 7, 4, 7],
        "Salience": [0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7]})
    s = entente.from_frame(frame)
    assert len(s.actors) == 10 and len(s.issues) == 1
    issue = s.issues[0]
    assert (issue.scale.min, issue.scale.max) == (4, 10)  # inferred from the positions
    assert entente.forecast(s, "median").outcomes[issue.id] == 7.0
    assert entente.forecast(s, "compromise").outcomes[issue.id] == pytest.approx(7.389956, abs=1e-6)
    # With an issue column and a status quo: several issues, each with its own.
    two = pd.concat([frame.assign(issue="a", sq=5), frame.assign(issue="b", sq=6)])
    s2 = entente.from_frame(two)
    assert [i.id for i in s2.issues] == ["a", "b"]
    assert [i.status_quo for i in s2.issues] == [5, 6]


def test_examples_load_from_python(source_dir):
    sheet = entente.load(source_dir / "examples" / "ec-emissions-1994-sheet.csv")
    yaml = entente.load(source_dir / "examples" / "ec-emissions-1994.yaml")
    assert [st.salience for st in sheet.issues[0].stances] == [st.salience for st in yaml.issues[0].stances]


def test_frames_carry_the_issue_group_when_the_scenario_has_groups(source_dir, flagship):
    """Regression: to_frame dropped the `group` the CLI's JSON and CSV give (issue #21)."""
    import entente
    grouped = entente.load(source_dir / "tests" / "data" / "backtest_small.yaml")
    frame = entente.forecast(grouped, model="compromise").to_frame()
    assert frame.loc["p1_scope", "group"] == "p1"
    assert frame.loc["p2_reach", "group"] == "p2"
    sim = entente.simulate(grouped, model="compromise", draws=20, seed=1).to_frame()
    assert list(sim["group"]) == list(frame["group"])
    # A scenario without groups keeps the columns it always had.
    assert "group" not in entente.forecast(flagship, model="compromise").to_frame().columns
