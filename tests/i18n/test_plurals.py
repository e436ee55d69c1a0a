"""Counts and turn units in French: a message whose words depend on a count has real plural forms (never
'restant(s)'), and a phrase that joins a turn unit to an adjective or an article agrees with it ('la semaine
précédente', 'le jour précédent')."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.i18n import LANGUAGES, trn, using
from game.present.dates import UNIT_COUNTS, UNIT_PHRASES, unit_count, unit_phrase

from .catalog_tools import catalogs

UNITS = ("day", "week", "month")
# '(s)', '(e)', '(es)', 'un(e)': a form left for the reader to choose, where the count or the unit should choose it.
CHOOSE_YOURSELF = re.compile(r"\w\((?:s|e|es|x|nt)\)")
FOREIGN = [code for code in LANGUAGES if code != "en"]


@pytest.mark.parametrize("lang", ["en", *FOREIGN])
def test_no_message_leaves_a_plural_or_an_agreement_to_the_reader(lang):
    catalog = catalogs.template() if lang == "en" else catalogs.po(lang)
    found = []
    for m in catalog:
        if not m.id:
            continue
        texts = (m.id,) if isinstance(m.id, str) else m.id
        if lang != "en":
            texts = (m.string,) if isinstance(m.string, str) else m.string
        found += [t for t in texts if CHOOSE_YOURSELF.search(t)]
    assert found == [], found[:5]


@pytest.mark.parametrize("lang", FOREIGN)
def test_every_plural_message_has_every_form_of_the_language(lang):
    catalog = catalogs.po(lang)
    forms = catalog.num_plurals
    plurals = [m for m in catalog if m.id and not isinstance(m.id, str)]
    assert len(plurals) > 40  # the counted messages of the game are plural entries, not '(s)'
    short = [m.id[0] for m in plurals if len(m.string) != forms or not all(m.string)]
    assert short == [], short[:5]


def test_a_plural_form_follows_its_count_in_french():
    with using("fr"):
        assert unit_count("left", 1, "day") == "1 jour restant"
        assert unit_count("left", 9, "day") == "9 jours restants"
        assert unit_count("left", 1, "week") == "1 semaine restante"
        assert unit_count("left", 3, "week") == "3 semaines restantes"
        assert unit_count("played", 5, "week", total=12) == "5 semaines jouées sur 12"
        assert trn("{n} game", "{n} games", 0) == "0 partie"  # French: 0 takes the singular
        assert trn("{n} game", "{n} games", 2) == "2 parties"
    assert unit_count("left", 1, "day") == "1 day left" and unit_count("left", 9, "day") == "9 days left"


def test_phrases_with_a_turn_unit_agree_with_it():
    with using("fr"):
        assert unit_phrase("last", "day", what="a tenu") == "jour précédent\u00a0: a tenu"
        assert unit_phrase("last", "week", what="a tenu") == "semaine précédente\u00a0: a tenu"
        assert unit_phrase("end", "week", n=4) == "Finir la semaine 4"
        assert unit_phrase("end", "day", n=5) == "Finir le jour 5"
        assert unit_phrase("over", "week") == "Sur la semaine"
        assert unit_phrase("then", "week", n=3, date="18 mars") == "Puis, au début de la semaine 3 (18 mars)\u00a0:"
        assert unit_phrase("then", "day", n=5, date="20 octobre") == "Puis, au début du jour 5 (20 octobre)\u00a0:"
    assert unit_phrase("last", "week", what="held") == "last week: held"


@pytest.mark.parametrize("table", [UNIT_PHRASES, UNIT_COUNTS], ids=["phrases", "counts"])
def test_every_unit_phrase_is_written_for_every_unit(table):
    for phrase, by_unit in table.items():
        assert set(by_unit) >= set(UNITS), phrase


@given(st.integers(0, 2000), st.sampled_from(UNITS), st.sampled_from(sorted(UNIT_COUNTS)))
def test_a_unit_count_shows_its_number_and_no_placeholder(n, unit, phrase):
    with using("fr"):
        text = unit_count(phrase, n, unit, total=n + 1)
    assert str(n) in text.replace("\u202f", "") and "{" not in text
