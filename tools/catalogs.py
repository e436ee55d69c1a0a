"""Extract, update and compile the game's message catalogs with Babel (docs/translating.md):

    python tools/catalogs.py            # extract messages.pot, update every .po, compile every .mo
    python tools/catalogs.py --check    # exit 1 if the template or a compiled catalog is out of date

The same steps as pybabel's `extract`, `update` and `compile`, with the game's keywords, so that nobody has to
remember them."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "game" / "i18n" / "locale"
TEMPLATE = LOCALE / "messages.pot"
KEYWORDS = ["-k", "tr", "-k", "trn:1,2", "-k", "N_"]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(out: Path = TEMPLATE) -> None:
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--sort-by-file", "--no-wrap",
            "--project", "Good Offices", "--copyright-holder", "Good Offices authors", "-o", str(out), str(ROOT))


def update() -> None:
    pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE), "--no-wrap", "--ignore-obsolete")


def compile_all() -> None:
    pybabel("compile", "-d", str(LOCALE), "--statistics")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        sys.path.insert(0, str(ROOT))
        from tests.i18n.catalogs import stale_catalogs

        problems = stale_catalogs()
        print("\n".join(problems) or "catalogs up to date")
        return 1 if problems else 0
    extract()
    update()
    compile_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
