"""Scenario translations: a file beside the scenario gives its text by field id; unknown ids, missing texts and
stale translations are reported at FILE:LINE:COL; a translation changes only text, never the rules or the save."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli.translate import run_translate
from game.cli.validate import run_validate
from game.engine import Game, build_rules
from game.i18n import using
from game.scenario.catalogue import expand_paths, shipped
from game.scenario.loader import load_scenario
from game.scenario.translation import (
    is_translation_file,
    read_translation,
    source_hash,
    text_fields,
    translate_raw,
    translation_path,
)
from game.scenario.yamlload import load_yaml

FIXTURE = Path(__file__).parents[1] / "fixtures" / "translation" / "minimal.yaml"
SHIPPED_FRENCH = ("cuban_missile_crisis_1962", "sample_river_dispute")


def english(path: Path) -> dict:
    return load_yaml(path.read_bytes(), str(path))[0]


@pytest.fixture
def scenario(tmp_path) -> Path:
    path = tmp_path / "minimal.yaml"
    shutil.copy(FIXTURE, path)
    return path


def write_translation(scenario: Path, texts: dict[str, str], *, stale: tuple[str, ...] = (), extra: str = "") -> Path:
    fields = text_fields(english(scenario))
    lines = ["language: fr", "scenario: minimal", "text:"]
    for fid, text in texts.items():
        source = "0badc0de" if fid in stale else source_hash(fields[fid].text) if fid in fields else "12345678"
        lines += [f"  {fid}:", f'    source: "{source}"', f'    text: "{text}"']
    path = translation_path(scenario, "fr")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


ALL_FRENCH = {
    "title": "Un différend minimal", "summary": "Deux voisins se querellent.", "period": "Un mois imaginaire",
    "parties.north.name": "Nordland", "parties.south.name": "Sudland",
    "secretary_general.name": "Le Secrétaire général",
    "endings.calm.title": "Le calme revient", "endings.calm.text": "La querelle s'apaise.",
    "briefing.situation": "Deux voisins se querellent.", "briefing.aims": "Préserver la paix.",
}


def test_field_ids_name_list_items_by_their_ids():
    ids = set(text_fields(english(FIXTURE)))
    assert {"parties.north.name", "endings.calm.text", "briefing.aims", "title"} <= ids
    assert not any("when" in i or "citation" in i for i in ids)


def test_a_translation_gives_the_text_and_nothing_else(scenario):
    write_translation(scenario, ALL_FRENCH)
    english_result, french = load_scenario(scenario, lang="en"), load_scenario(scenario, lang="fr")
    assert french.ok and french.scenario.title == "Un différend minimal"
    assert french.scenario.parties[0].name == "Nordland"
    assert english_result.scenario.title == "A Minimal Dispute"
    assert french.digest == english_result.digest  # saves and session codes do not depend on the language
    assert [p.id for p in french.scenario.parties] == [p.id for p in english_result.scenario.parties]
    a, b = Game(build_rules(english_result.scenario), 3), Game(build_rules(french.scenario), 3)
    for _ in range(3):
        a.step()
        b.step()
    assert a.state == b.state


def test_a_partys_reaction_lines_are_translated_one_by_one(scenario):
    raw = english(scenario)
    raw["parties"][0]["reactions"] = {"approached": ["North listens.", "North listens again."]}
    scenario.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    fields = text_fields(raw)
    assert fields["parties.north.reactions.approached.1"].text == "North listens again."
    write_translation(scenario, ALL_FRENCH | {"parties.north.reactions.approached.1": "Nordland écoute encore."})
    french = load_scenario(scenario, lang="fr")
    assert french.ok and french.scenario.parties[0].reactions.approached == ["North listens.",
                                                                             "Nordland écoute encore."]


def test_the_default_ladder_is_given_in_the_language(scenario):
    write_translation(scenario, ALL_FRENCH)
    rules = build_rules(load_scenario(scenario, lang="fr").scenario)
    assert rules.ladders[0][0] == "paix stable" and rules.ladders[0][-1] == "catastrophe"


def test_an_unknown_id_is_an_error_where_it_is_written(scenario):
    path = write_translation(scenario, {**ALL_FRENCH, "parties.nort.name": "Nordland"})
    result = read_translation(path, english(scenario), "minimal")
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert len(errors) == 1
    line = path.read_text(encoding="utf-8").splitlines().index("  parties.nort.name:") + 1
    assert (errors[0].line, errors[0].col) == (line, 3)
    assert "did you mean 'parties.north.name'" in errors[0].message
    assert load_scenario(scenario, lang="fr").scenario.title == "A Minimal Dispute"  # a broken file is not used


def test_missing_texts_are_warnings_and_count_against_completeness(scenario):
    texts = dict(list(ALL_FRENCH.items())[:5])
    path = write_translation(scenario, texts)
    result = read_translation(path, english(scenario), "minimal")
    assert result.ok and result.done == 5 and result.fields == 10 and result.complete == 0.5
    missing = [d for d in result.diagnostics if "no French text" in d.message]
    assert len(missing) == 5 and all(d.line == 3 for d in missing)
    assert "briefing.aims" in " ".join(d.message for d in missing)
    french = load_scenario(scenario, lang="fr").scenario
    assert french.title == "Un différend minimal" and french.briefing.aims == "Keep the peace."


def test_a_translation_of_changed_english_is_stale(scenario):
    path = write_translation(scenario, ALL_FRENCH, stale=("endings.calm.text",))
    result = read_translation(path, english(scenario), "minimal")
    stale = [d for d in result.diagnostics if "has changed since" in d.message]
    assert len(stale) == 1 and stale[0].severity == "warning"
    line = path.read_text(encoding="utf-8").splitlines().index("  endings.calm.text:") + 2
    assert stale[0].line == line and source_hash("The quarrel cools.") in stale[0].message
    assert result.done == 9


def test_changing_the_english_makes_its_translation_stale(scenario):
    path = write_translation(scenario, ALL_FRENCH)
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("Keep the peace.", "Keep the peace at all costs."),
                        encoding="utf-8")
    result = read_translation(path, english(scenario), "minimal")
    assert [d.message.split("'")[1] for d in result.diagnostics] == ["briefing.aims"]


@pytest.mark.parametrize("body, expect", [
    ("language: fr\nscenario: other\ntext: {}\n", "`scenario:` must be 'minimal'"),
    ("language: de\nscenario: minimal\ntext: {}\n", "`language:` must be 'fr'"),
    ("language: fr\nscenario: minimal\n", "needs a `text:` mapping"),
    ("language: fr\nscenario: minimal\ntext:\n  title: Un titre\n", "must be {source:"),
    ("language: fr\nscenario: minimal\ntext:\n  title: {source: 'x', text: 'y', note: 'z'}\n", "unknown field 'note'"),
    ("language: fr\nscenario: minimal\ncolour: red\ntext: {}\n", "unknown field 'colour'"),
    ("language: fr\nscenario: minimal\ntext: [\n", ""),
])
def test_a_malformed_translation_is_one_located_error_each(scenario, body, expect):
    path = translation_path(scenario, "fr")
    path.write_text(body, encoding="utf-8")
    result = read_translation(path, english(scenario), "minimal")
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors and all(d.file == str(path) and d.line >= 1 and d.col >= 1 for d in errors)
    assert expect in " ".join(d.message for d in errors)


def test_translation_files_are_not_scenarios(scenario):
    write_translation(scenario, ALL_FRENCH)
    files, _ = expand_paths([str(scenario.parent)])
    assert files == [scenario]
    assert is_translation_file(translation_path(scenario, "fr")) and not is_translation_file(scenario)
    assert all(not is_translation_file(s.path) for s in shipped())


def test_validate_reports_how_complete_each_translation_is(scenario):
    write_translation(scenario, dict(list(ALL_FRENCH.items())[:7]))
    out, err = io.StringIO(), io.StringIO()
    assert run_validate([str(scenario.parent)], out, err) == 0
    assert "minimal.fr.yaml: French, 7 of 10 texts translated (70%)" in err.getvalue()
    assert "2 files checked: 2 valid" in err.getvalue()
    assert out.getvalue().count("warning: no French text") == 3


def test_validate_fails_on_a_translation_with_errors(scenario):
    write_translation(scenario, {**ALL_FRENCH, "endings.nope.title": "Non"})
    out = io.StringIO()
    assert run_validate([str(translation_path(scenario, "fr"))], out, io.StringIO()) == 1
    assert "error: the scenario has no text 'endings.nope.title'" in out.getvalue()


def test_translate_writes_every_text_and_keeps_what_is_done(scenario):
    write_translation(scenario, {"title": "Un différend minimal"})
    assert run_translate(str(scenario), "fr", io.StringIO()) == 0
    path = translation_path(scenario, "fr")
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(written["text"]) == set(text_fields(english(scenario)))
    assert written["text"]["title"]["text"] == "Un différend minimal"
    assert written["text"]["briefing.aims"] == {"source": source_hash("Keep the peace."), "text": None}
    assert "# Keep the peace." in path.read_text(encoding="utf-8")
    result = read_translation(path, english(scenario), "minimal")
    assert result.ok and result.done == 1


def test_translate_counts_only_current_translations_and_names_the_stale(scenario, monkeypatch):
    write_translation(scenario, ALL_FRENCH, stale=("endings.calm.text",))
    out = io.StringIO()
    monkeypatch.chdir(scenario.parent)
    assert run_translate(str(scenario), "fr", out) == 0
    assert "9 of 10 texts translated" in out.getvalue()
    assert "1 translation is of English that has changed since" in out.getvalue()
    header = translation_path(scenario, "fr").read_text(encoding="utf-8").splitlines()[2]
    assert header.endswith("python main.py validate minimal.yaml"), header


@given(st.dictionaries(st.sampled_from(sorted(ALL_FRENCH) + ["nope", "title.x", ""]),
                       st.one_of(st.text(max_size=30), st.none(), st.integers(), st.lists(st.text(max_size=5)),
                                 st.fixed_dictionaries({"source": st.text(max_size=9), "text": st.text(max_size=30)})),
                       max_size=8))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_any_translation_content_gives_diagnostics_never_a_crash(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("fuzz")
    scenario = folder / "minimal.yaml"
    shutil.copy(FIXTURE, scenario)
    path = translation_path(scenario, "fr")
    path.write_text(yaml.safe_dump({"language": "fr", "scenario": "minimal", "text": texts}, allow_unicode=True),
                    encoding="utf-8")
    result = read_translation(path, english(scenario), "minimal")
    assert all(d.line >= 1 and d.col >= 1 for d in result.diagnostics)
    loaded = load_scenario(scenario, lang="fr")
    assert loaded.digest == load_scenario(scenario, lang="en").digest


def test_translating_every_text_to_itself_changes_nothing():
    raw = english(FIXTURE)
    from game.scenario.translation import Entry, Translation

    same = Translation("x", "fr", {f.id: Entry(f.id, source_hash(f.text), f.text) for f in text_fields(raw).values()})
    assert translate_raw(raw, same) == raw


@pytest.mark.parametrize("scenario_id", SHIPPED_FRENCH)
def test_shipped_french_is_whole_and_current(scenario_id):
    item = next(s for s in shipped() if s.id == scenario_id)
    result = read_translation(translation_path(item.path, "fr"), english(item.path), scenario_id)
    assert result.diagnostics == [] and result.complete == 1.0
    french = load_scenario(item.path, lang="fr")
    assert french.ok, french.diagnostics


def test_validator_messages_are_in_the_language_at_the_same_place():
    bad = Path(__file__).parents[1] / "fixtures" / "invalid" / "out_of_range.yaml"
    english = load_scenario(bad, lang="en").diagnostics
    with using("fr"):
        french = load_scenario(bad).diagnostics
    assert [(d.line, d.col, d.severity) for d in english] == [(d.line, d.col, d.severity) for d in french]
    assert "must be a number from 0 to 1" in english[0].message
    assert "doit être un nombre de 0 à 1" in french[0].message


def test_a_reaction_line_with_dates_is_translated_and_keeps_its_dates(scenario):
    import datetime as dt

    raw = english(scenario)
    raw["parties"][0]["reactions"] = {"approached": ["North listens.",
                                                     {"text": "North listens late.", "from": dt.date(2030, 1, 15)}]}
    scenario.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    fields = text_fields(raw)
    assert fields["parties.north.reactions.approached.1"].text == "North listens late."
    write_translation(scenario, ALL_FRENCH | {"parties.north.reactions.approached.1": "Nordland écoute tard."})
    french = load_scenario(scenario, lang="fr")
    line = french.scenario.parties[0].reactions.approached[1]
    assert french.ok and line.text == "Nordland écoute tard." and line.from_ == dt.date(2030, 1, 15)
