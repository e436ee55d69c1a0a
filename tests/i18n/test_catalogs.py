"""The message catalogs: every message marked in the sources is in the template, the French catalog translates
every one of them (every plural form, no placeholder the code does not fill), and the compiled catalogs shipped
in the package are those of the .po files, so that `pip install -e .` gives working French."""

from __future__ import annotations

import re

import pytest

from game.i18n import LANGUAGES

from .catalog_tools import catalogs

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def test_the_template_holds_exactly_the_marked_messages():
    marked, held = catalogs.extracted_ids(), catalogs.catalog_ids(catalogs.template())
    missing = sorted(map(str, marked - held))[:5]
    assert not missing, f"not in messages.pot (run python tools/catalogs.py): {missing}"
    assert not held - marked, f"messages.pot holds messages no longer used: {sorted(map(str, held - marked))[:5]}"


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated(lang):
    catalog = catalogs.po(lang)
    assert catalogs.catalog_ids(catalog) == catalogs.catalog_ids(catalogs.template())
    untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not all(
        (m.string,) if isinstance(m.string, str) else m.string))]
    assert not untranslated, f"{len(untranslated)} messages without {lang}: {untranslated[:8]}"


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_translations_keep_the_placeholders(lang):
    wrong = []
    for m in catalogs.po(lang):
        if not m.id:
            continue
        ids = (m.id,) if isinstance(m.id, str) else m.id
        strings = (m.string,) if isinstance(m.string, str) else m.string
        want = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for s in strings:
            # a translation may leave out what its language does not need (an English article, the count of a
            # singular: "un émissaire"), but a placeholder the code does not fill would break the sentence
            if set(PLACEHOLDER.findall(s)) - want:
                wrong.append((ids[0], s))
    assert not wrong, wrong[:5]


def test_the_compiled_catalogs_are_current():
    assert catalogs.stale_catalogs() == []
