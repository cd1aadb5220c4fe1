"""Bad input raises ScenarioError with the CLI's located messages."""
import pytest

import entente


def test_bad_file_gives_the_cli_message_and_location(cli, source_dir):
    path = "tests/data/bad/salience_out_of_range.yaml"
    code, _, err = cli("validate", path)
    assert code == 2
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(source_dir / path)
    assert e.value.line == 15 and e.value.field == "salience"
    assert e.value.file.endswith("salience_out_of_range.yaml")
    # The CLI prints the same text after "error: ", with the path as given.
    assert str(e.value).replace(str(source_dir) + "/", "") == err.splitlines()[0][len("error: "):]


def test_every_problem_is_reported(cli, source_dir):
    path = "tests/data/bad/many_problems.yaml"
    _, _, err = cli("validate", path)
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(source_dir / path)
    assert [p.line for p in e.value.errors] == [7, 14, 15]
    assert [p.field for p in e.value.errors] == ["scale", "salience", "actor"]
    expected = [line[len("error: "):] for line in err.splitlines() if line.startswith("error: ")]
    assert [p.text.replace(str(source_dir) + "/", "") for p in e.value.errors] == expected


def test_yaml_syntax_and_bundle_errors_are_located(source_dir):
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(source_dir / "tests/data/bad/yaml_syntax.yaml")
    assert e.value.line > 0
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(source_dir / "tests/data/bad/bundle_cell_errors")
    assert all(p.file.endswith(".csv") and p.line > 1 for p in e.value.errors)


def test_missing_file_and_unknown_format():
    with pytest.raises(entente.ScenarioError):
        entente.load("/nonexistent/scenario.yaml")
    with pytest.raises(entente.ScenarioError):
        entente.load("/tmp/lonely.csv")


def test_bad_dict_names_the_field(flagship):
    d = flagship.to_dict()
    d["issues"][1]["stances"][0]["salience"] = 1.5
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_dict(d)
    # A dict has no lines: the path in it and the names of who is concerned locate the problem.
    assert e.value.file == "dict" and e.value.field == "salience" and e.value.line == 0
    problem = e.value.errors[0]
    assert str(problem).startswith("dict.issues[1].stances[0] (US on opcon_transfer): salience 1.5 is outside")
    d = flagship.to_dict()
    d["issues"][0]["statusquo"] = 3
    with pytest.raises(entente.ScenarioError, match="statusquo"):
        entente.from_dict(d)


def test_bad_frame_row_is_located(flagship):
    frame = flagship.to_frame()
    frame.loc[4, "salience"] = 2.0
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_frame(frame)
    # By frame, row label and column, not by the CSV text the frame became.
    problem = e.value.errors[0]
    assert (problem.frame, problem.row, problem.column) == ("frame", 4, "salience")
    assert e.value.field == "salience"
    who = f"{frame.loc[4, 'actor']} on {frame.loc[4, 'issue']}"
    assert str(problem).startswith(f"frame 'frame', row 4 ({who}), column 'salience': salience 2")
    assert "<frames>" not in str(e.value)


def test_frame_rows_keep_their_labels(flagship):
    frames = flagship.to_frames()
    stances = frames["stances"].set_index(frames["stances"].index + 100)
    stances["position"] = stances["position"].astype(object)
    stances.loc[103, "position"] = "high"
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_frames(stances, frames["issues"], frames["actors"])
    assert [(p.frame, p.row, p.column) for p in e.value.errors] == [("stances", 103, "position")]


def test_broken_issues_frame_does_not_cascade_over_stances(flagship):
    frames = flagship.to_frames()
    issues = frames["issues"].drop(columns=["scale_max"])
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_frames(frames["stances"], issues, frames["actors"])
    # One problem, in the issues frame's header: not one "unknown issue" per stance row.
    assert [(p.frame, p.row) for p in e.value.errors] == [("issues", None)]
    assert str(e.value.errors[0]).startswith("frame 'issues', header: missing column 'scale_max'")


def test_minimal_frame_problems_name_row_and_column():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"Actor": ["NL", "UK", "FR"], "Capability": [0.08, 0.16, "x"],
                          "Position": [4, 10, 10], "Salience": [0.8, 1.9, 0.6]},
                         index=["a", "b", "c"])
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_frame(frame)
    assert [(p.frame, p.row, p.column) for p in e.value.errors] == [("frame", "c", "Capability")]
    frame.loc["c", "Capability"] = 0.16
    with pytest.raises(entente.ScenarioError) as e:
        entente.from_frame(frame)
    assert [(p.frame, p.row, p.column) for p in e.value.errors] == [("frame", "b", "Salience")]
    assert str(e.value.errors[0]).startswith("frame 'frame', row 'b' (UK), column 'Salience': salience 1.9")


def test_edited_scenario_is_checked_before_running(flagship):
    s = flagship.copy()
    s.issue("opcon_transfer").stance("US").salience = -1
    with pytest.raises(entente.ScenarioError) as e:
        entente.forecast(s, "median")
    assert e.value.field == "salience"
    with pytest.raises(entente.ScenarioError):
        s.validate()


def test_unknown_model_and_bad_options_are_input_errors(flagship):
    with pytest.raises(entente.InputError, match="unknown model|known models|no model") as e:
        entente.forecast(flagship, "nosuchmodel")
    assert not isinstance(e.value, entente.ScenarioError)
    with pytest.raises(entente.InputError):
        entente.forecast(flagship, "eu", rounds="many")
    with pytest.raises(entente.InputError):
        entente.forecast(flagship, "median", rounds=3)  # static models take no options
    with pytest.raises(entente.InputError):
        entente.simulate(flagship, draws=0)
    with pytest.raises(entente.InputError):
        entente.simulate(flagship, draws=10, thresholds={"nosuchissue": 1})
    with pytest.raises(entente.InputError):
        entente.advise(flagship, "NOBODY")
    with pytest.raises(entente.InputError):
        entente.compare(flagship, ["no-such-move"])
    with pytest.raises(ValueError):  # InputError is a ValueError for generic handlers
        entente.Stance("US", 1, 0.5, 1, basis="hunch")


def test_parameter_errors_name_the_field_not_a_cli_flag(flagship):
    with pytest.raises(entente.InputError) as e:
        entente.simulate(flagship, draws=0)
    assert not isinstance(e.value, entente.ScenarioError)
    assert e.value.errors[0].field == "draws" and "--" not in str(e.value)
    with pytest.raises(entente.InputError) as e:
        entente.simulate(flagship, draws=10, threads=-1)
    assert e.value.errors[0].field == "threads"
    with pytest.raises(entente.InputError) as e:
        entente.advise(flagship, "NOBODY")
    assert e.value.errors[0].field == "actor" and "--" not in str(e.value)


def test_write_refuses_to_replace_a_bundle(flagship, tmp_path):
    flagship.save(tmp_path / "b")
    with pytest.raises(entente.ScenarioError):
        flagship.save(tmp_path / "b")
    flagship.save(tmp_path / "b", overwrite=True)


def test_text_that_is_not_utf8_is_the_cli_error_not_an_internal_one(cli, source_dir):
    # Issue #16 item 5: a Latin-1 CSV bundle passed validate, then failed as "internal error".
    path = "tests/data/bad/latin1_bundle"
    code, _, err = cli("validate", path)
    assert code == 2
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(source_dir / path)
    assert e.value.line == 2 and e.value.file.endswith("issues.csv")
    assert str(e.value).replace(str(source_dir) + "/", "") == err.splitlines()[0][len("error: "):]
    # Bytes handed over directly follow the same rule as files.
    with pytest.raises(entente.ScenarioError, match="not UTF-8: byte 0xE9"):
        entente._core.parse_yaml(b"title: S\xe9curit\xe9\n", "s.yaml")
    # UTF-16 with a byte-order mark is read like UTF-8.
    a = entente.load(source_dir / "tests/data/encoding/utf16le.yaml")
    b = entente.load(source_dir / "tests/data/encoding/utf8_bom.yaml")
    assert a.to_yaml() == b.to_yaml()


def test_save_overwrite_deleted_files_that_were_not_the_bundles(flagship, tmp_path):
    bundle = tmp_path / "b"
    flagship.save(bundle)
    (bundle / "notes.txt").write_text("mine")
    with pytest.raises(entente.ScenarioError) as e:
        flagship.save(bundle, overwrite=True)
    assert "notes.txt" in str(e.value)
    assert (bundle / "notes.txt").read_text() == "mine"
    assert entente.load(bundle) == flagship


def test_save_to_an_unwritable_path_raised_scenario_error(flagship, tmp_path):
    with pytest.raises(OSError):
        flagship.save(tmp_path / "no-such-folder" / "s.yaml")
    with pytest.raises(OSError):
        flagship.save(tmp_path / "no-such-folder" / "bundle")


@pytest.mark.parametrize("threads", [-1, 65537, 2**40])
def test_thread_counts_out_of_range_crashed_the_interpreter(flagship, threads):
    with pytest.raises(ValueError, match="threads"):
        entente.simulate(flagship, draws=10, threads=threads)
    with pytest.raises(ValueError, match="threads"):
        entente.report(flagship, draws=10, threads=threads)


def test_bytes_that_are_not_utf8_in_a_built_scenario_are_a_scenario_error(source_dir):
    # pybind11 lets bytes through as text; validation names the field, and a message that
    # quotes such bytes still reaches Python (read as Windows-1252), not UnicodeDecodeError.
    s = entente.load(source_dir / "tests/data/encoding/utf8_bom.yaml")
    s.actors = [entente.Actor(b"X\xe9"), entente.Actor(b"X\xe9", b"N\xe9")] + list(s.actors)
    with pytest.raises(entente.ScenarioError) as e:
        s.validate()
    text = str(e.value)
    assert "duplicate actor id 'X\u00e9'" in text
    assert "name is not UTF-8 text: byte 0xE9 at byte 2" in text
