"""A variable's words: the author's `variable_names` where given, checked against the declared variables, and
translated with the rest of the scenario's text."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.engine import build_rules
from game.present.values import target_label, variable_name
from game.scenario.loader import load_scenario

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal.yaml"


def _write(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "named.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_named_variable_reads_as_its_words_and_others_as_their_id_in_words(tmp_path):
    path = _write(tmp_path, variables={"talks_open": False, "refugees": 0},
                  variable_names={"talks_open": "Talks under way"})
    result = load_scenario(path)
    assert result.ok, [str(d) for d in result.diagnostics]
    rules = build_rules(result.scenario)
    assert variable_name(rules, "talks_open") == "Talks under way"
    assert variable_name(rules, "refugees") == "refugees"
    assert target_label(rules, "talks_open") == "Talks under way"


def test_a_name_for_an_undeclared_variable_is_a_located_error(tmp_path):
    path = _write(tmp_path, variables={"talks_open": False}, variable_names={"talks_opn": "Talks under way"})
    result = load_scenario(path)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert len(errors) == 1
    assert "'talks_opn' is not a variable" in errors[0].message and "talks_open" in errors[0].message
    assert errors[0].line == path.read_text(encoding="utf-8").splitlines().index("  talks_opn: Talks under way") + 1


def test_the_cuban_variables_read_in_french():
    result = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "cuban_missile_crisis_1962.yaml",
                           lang="fr")
    rules = build_rules(result.scenario)
    assert variable_name(rules, "ships_held") == "navires soviétiques retenus"
    assert "ships" not in " ".join(variable_name(rules, v) for v in result.scenario.variables).lower()
