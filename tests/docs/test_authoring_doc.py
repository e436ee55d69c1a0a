"""docs/authoring.md cannot drift from the format: its tutorial builds a valid, playable scenario, and its
reference names every field of the model and every name of the expression language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from game.cli.new_scenario import template_text
from game.cli.simulate import run_simulate
from game.scenario import model
from game.scenario.expr import Symbols, compile_effect, compile_expression
from game.scenario.loader import load_scenario
from game.scenario.names import (
    FUNCTIONS,
    GLOBALS,
    INSTRUMENT_KINDS,
    INSTRUMENT_TARGETS,
    NAMESPACES,
    PAIR_ATTRS,
    PARTY_ATTRS,
)

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "authoring.md"
TUTORIAL_BLOCK = re.compile(r"^```yaml tutorial\n(.*?)^```$", re.MULTILINE | re.DOTALL)

# The reference section (a `### heading` per node kind) that documents each model class.
SECTIONS = {
    "Scenario": "top level",
    "Source": "sources",
    "Calendar": "calendar",
    "Rung": "ladder",
    "Party": "parties",
    "Pair": "pairs",
    "PairSecret": "secret",
    "SecretaryGeneral": "secretary_general",
    "CouncilMember": "council",
    "Distraction": "distractions",
    "Instrument": "instruments",
    "Cost": "cost",
    "Proposal": "proposals",
    "Event": "events",
    "Choice": "choices",
    "Variant": "variants",
    "ChoiceVariant": "choice variants",
    "Track": "tracks",
    "Ending": "endings",
    "Briefing": "briefing",
    "Note": "historical_notes",
    "Discussion": "discussion",
    "GlossaryEntry": "glossary",
    "HistoricalStep": "historical_policy",
    "Action": "actions",
    "Tuning": "tuning",
    "Reactions": "reactions",
    "ReactionLine": "reaction lines",
    "WorldOpinion": "opinion",
    "OpinionLevels": "opinion start",
    "OpinionWeights": "opinion weights",
    "MapBlock": "map",
    "MapRegion": "region",
    "Territory": "territories",
    "MapFeature": "map features",
    "MapPlace": "places",
    "MapLine": "lines",
    "MapArea": "areas",
    "MapChange": "changes",
}


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def tutorial_scenario() -> str:
    """The tutorial's YAML blocks, in order, joined as the text tells the reader to (each added at the end)."""
    blocks = TUTORIAL_BLOCK.findall(guide())
    assert len(blocks) >= 10, "the tutorial's blocks are marked ```yaml tutorial"
    return "".join(blocks)


def section(name: str) -> str:
    """The text of the reference section `### name`, up to the next heading."""
    match = re.search(rf"^### {re.escape(name)}\n(.*?)(?=^#{{2,3}} )", guide(), re.MULTILINE | re.DOTALL)
    assert match, f"docs/authoring.md has no reference section '### {name}'"
    return match[1]


@pytest.fixture(scope="module")
def tutorial_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tutorial") / "fishing_banks.yaml"
    path.write_text(tutorial_scenario(), encoding="utf-8")
    return path


def test_the_tutorial_builds_a_scenario_that_validates_cleanly(tutorial_file):
    result = load_scenario(tutorial_file)
    assert [str(d) for d in result.diagnostics] == []
    assert result.scenario is not None and result.scenario.id == "fishing_banks"


def test_the_tutorial_touches_every_part_of_a_scenario(tutorial_file):
    scn = load_scenario(tutorial_file).scenario
    kinds = {event.kind for event in scn.events}
    assert kinds == {"scheduled", "triggered", "random"}
    assert any(event.choices for event in scn.events)
    assert scn.proposals and scn.variables and scn.council
    assert scn.historical_notes and scn.discussion and scn.glossary and scn.historical_policy
    assert {e.rating for e in scn.endings} == {"success", "partial", "failure"}


@pytest.mark.parametrize("policy", ["passive", "random", "greedy", "historical"])
def test_the_tutorial_scenario_plays_through_simulate(tutorial_file, policy):
    out, err = io.StringIO(), io.StringIO()
    assert run_simulate(str(tutorial_file), 10, policy, 0, 1, False, out, err) == 0
    assert "10 games" in out.getvalue()


def test_the_tutorial_scenario_is_the_new_scenario_template():
    tutorial = yaml.safe_load(tutorial_scenario())
    template = yaml.safe_load(template_text())
    assert tutorial == template, "the tutorial and game/scenario/template.yaml tell different stories"


def _models() -> list[type[BaseModel]]:
    return [
        obj for obj in vars(model).values()
        if isinstance(obj, type) and issubclass(obj, model.Node) and obj is not model.Node
    ]


def test_every_model_class_has_a_reference_section():
    assert {cls.__name__ for cls in _models()} == set(SECTIONS)


@pytest.mark.parametrize("cls", _models(), ids=lambda cls: cls.__name__)
def test_every_field_of_the_model_appears_in_its_reference_table(cls):
    text = section(SECTIONS[cls.__name__])
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.MULTILINE))
    fields = {f.alias or name for name, f in cls.model_fields.items()}  # as the author writes them ('from')
    assert rows == fields, f"### {SECTIONS[cls.__name__]}: fields in the model vs the table"


def test_every_name_of_the_expression_language_is_documented():
    text = guide()[guide().index("## Expressions") :]
    for name in (*GLOBALS, *PARTY_ATTRS, *PAIR_ATTRS, *NAMESPACES, *FUNCTIONS):
        assert re.search(rf"`[^`]*\b{name}\b[^`]*`", text), f"'{name}' is not documented under Expressions"


def test_every_instrument_kind_is_named():
    for kind in INSTRUMENT_KINDS:
        assert f"`{kind}`" in guide(), kind


def test_relative_links_point_at_files_that_exist():
    for target in re.findall(r"\]\(([a-z_\-]+\.md)(?:#[^)]*)?\)", guide()):
        if target == "balance.md" and not (GUIDE.parent / target).exists():
            continue  # written by the balance command's author
        assert (GUIDE.parent / target).is_file(), target


def test_the_format_page_links_the_guide():
    assert "authoring.md" in (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}


@pytest.mark.parametrize("name", ["authoring.md", "model.md", "scenario-format.md"])
def test_links_to_sections_point_at_headings_that_exist(name):
    docs = ROOT / "docs"
    for target, anchor in re.findall(r"\]\(([a-z_\-]*\.md)?#([^)]+)\)", (docs / name).read_text(encoding="utf-8")):
        page = docs / (target or name)
        if not page.exists():
            continue  # a page another part of the project has yet to write (balance.md)
        assert anchor in _anchors(page), f"{name}: no heading for {target or name}#{anchor}"


def test_the_guide_states_each_instruments_target_as_the_engine_has_it():
    text = guide()
    start = text.index("a `target` when the instrument needs one")
    sentence = text[start : text.index("for a proposal", start)]
    for kind, wants in INSTRUMENT_TARGETS.items():
        clause = {"pair": "a pair for", "party": "a party for", "none": "none for"}[wants]
        part = sentence[sentence.index(clause) :].split(";")[0]
        assert f"`{kind}`" in part, f"{kind} should be listed under '{clause}'"


def test_every_example_expression_compiles_against_the_tutorial_scenario(tutorial_file):
    symbols = Symbols.from_scenario(load_scenario(tutorial_file).scenario)
    table = guide()[guide().index("### Examples") : guide().index("## What the numbers do")]
    examples = re.findall(r'^\| [^|]+ \| `"(.+)"` \|$', table, re.MULTILINE)
    assert len(examples) >= 10
    for text in examples:
        is_effect = re.match(r"^[\w.]+ (=|\+=|-=|\*=) ", text)
        compiled, errors = (compile_effect if is_effect else compile_expression)(text, symbols)
        assert compiled is not None and not errors, f"{text}: {[str(e) for e in errors]}"
