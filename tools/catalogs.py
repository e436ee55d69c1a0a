"""Extract, update and compile the game's message catalogs with Babel (docs/translating.md):

    python tools/catalogs.py            # extract messages.pot, update every .po, compile every .mo
    python tools/catalogs.py --check    # exit 1 if the template or a compiled catalog is out of date

The same steps as pybabel's `extract`, `update` and `compile`, with the game's keywords (tr, trn as well as _,
N_ and ngettext), so that nobody has to remember them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import CommandLineInterface, parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "game" / "i18n" / "locale"
TEMPLATE = LOCALE / "messages.pot"
KEYWORDS = {**DEFAULT_KEYWORDS, "tr": None, "trn": (1, 2), "N_plural": (1, 2)}
KEYWORD_ARGS = ["-k", "tr", "-k", "trn:1,2", "-k", "N_plural:1,2"]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), *KEYWORD_ARGS, "--sort-by-file", "--no-wrap",
            "--no-location", "--project", "Good Offices", "--copyright-holder", "Good Offices authors",
            "-o", str(TEMPLATE), str(ROOT))
    _drop_percent_flags(TEMPLATE)


def update() -> None:
    pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE), "--no-wrap", "--ignore-obsolete")
    for lang in languages():
        _drop_percent_flags(LOCALE / lang / "LC_MESSAGES" / "messages.po", lang)


def _drop_percent_flags(path: Path, lang: str | None = None) -> None:
    """The game formats with {placeholders}, never with %: Babel's guess that '90% sure' is a %-format would make
    it refuse '90 % sûrs' when compiling, so that flag goes."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        message.flags.discard("python-format")
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def compile_all() -> None:
    pybabel("compile", "-d", str(LOCALE), "--statistics")


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())


def po(lang: str) -> Catalog:
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def template() -> Catalog:
    with open(TEMPLATE, "rb") as handle:
        return read_po(handle)


def extracted_ids() -> set[str | tuple[str, ...]]:
    """Every message marked in the game's sources, as the template should hold it."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT), method_map, options_map,
                                                                       keywords=KEYWORDS):
        ids.add(message if isinstance(message, str) else tuple(message))
    return ids


def catalog_ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def stale_catalogs() -> list[str]:
    """What is out of date: the template against the sources, each .po against the template, each .mo against
    its .po. Empty when all is current."""
    problems = []
    marked, held = extracted_ids(), catalog_ids(template())
    for message in sorted(map(str, marked - held))[:10]:
        problems.append(f"messages.pot lacks a marked message: {message!r} (run python tools/catalogs.py)")
    for message in sorted(map(str, held - marked))[:10]:
        problems.append(f"messages.pot holds a message no longer in the sources: {message!r}")
    for lang in languages():
        catalog = po(lang)
        if catalog_ids(catalog) != held:
            problems.append(f"{lang}/messages.po does not hold the template's messages (run python tools/catalogs.py)")
        mo_path = LOCALE / lang / "LC_MESSAGES" / "messages.mo"
        if not mo_path.is_file():
            problems.append(f"{lang}/messages.mo is missing (run python tools/catalogs.py)")
            continue
        fresh = io.BytesIO()
        write_mo(fresh, catalog)
        if mo_path.read_bytes() != fresh.getvalue():
            problems.append(f"{lang}/messages.mo is older than its .po (run python tools/catalogs.py)")
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale_catalogs()
        print("\n".join(problems) or "catalogs up to date")
        return 1 if problems else 0
    extract()
    update()
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
