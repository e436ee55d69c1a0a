"""`new-scenario PATH [--from ID]`: write a commented starting scenario (or a copy of a shipped one) that
validates and plays as it is, with the editor modeline pointing at the JSON Schema (design §4, issue 8)."""

from __future__ import annotations

import os
import re
import shlex
import sys
from importlib import resources
from pathlib import Path
from typing import TextIO

from game.i18n import _, tr
from game.scenario.catalogue import SCENARIO_SUFFIXES, SHIPPED_DIR, ScenarioNotFound, kind_of, resolve
from game.scenario.schema import schema_text

from .errors import EXIT_OK, CliError

SCHEMA_NAME = "scenario.schema.json"
MODELINE = "# yaml-language-server: $schema="  # i18n: not shown
NAME_MAX = 255  # bytes in one file or folder name on the common file systems
TOP_LEVEL_ID = re.compile(r"^id:[ \t]*[^\s#]*", re.MULTILINE)


def template_text() -> str:
    """The commented starting scenario shipped in the package."""
    return resources.files("game.scenario").joinpath("template.yaml").read_text(encoding="utf-8")


def scenario_id_for(path: Path) -> str:
    """The scenario id a file name stands for: its stem, made into a valid id (lower case, '_' for the rest)."""
    ident = re.sub(r"[^a-z0-9_]+", "_", path.stem.lower()).strip("_")
    if not ident:
        return "my_scenario"
    if not ident[0].isalpha():
        ident = "scenario_" + ident
    return ident[:48].rstrip("_")


def with_id(text: str, ident: str) -> str:
    """The scenario text with its top-level `id:` set to `ident`."""
    if not TOP_LEVEL_ID.search(text):
        raise CliError(_("the source scenario has no top-level 'id:' line to replace"))
    return TOP_LEVEL_ID.sub(f"id: {ident}", text, count=1)


def with_modeline(text: str, schema_ref: str) -> str:
    """The text with its first line the yaml-language-server modeline for `schema_ref` (replaced or added)."""
    line = MODELINE + schema_ref
    first, newline, rest = text.partition("\n")
    if first.startswith(MODELINE):
        return line + newline + rest
    return line + "\n" + text


def schema_reference(target: Path) -> tuple[str, bool]:
    """How the new file at `target` should name the schema, and whether a copy must be written beside it.

    A schema already beside the file is used as it is; inside this project the committed schema is named by a
    relative path; anywhere else a copy beside the file keeps the folder self-contained when it is moved."""
    folder = target.parent.resolve()
    if (folder / SCHEMA_NAME).is_file():
        return f"./{SCHEMA_NAME}", False
    shipped = SHIPPED_DIR / SCHEMA_NAME
    project = SHIPPED_DIR.parent
    if shipped.is_file() and folder.is_relative_to(project):
        return Path(os.path.relpath(shipped, folder)).as_posix(), False
    return f"./{SCHEMA_NAME}", True


def run_new_scenario(path: str, source: str | None, out: TextIO | None = None) -> int:
    """Write the starting file (or the copy of `source`) at `path`; refuse to overwrite anything."""
    out = out or sys.stdout
    target = Path(path)
    shown = path if len(path) <= 80 else path[:80] + "…"
    if target.suffix not in SCENARIO_SUFFIXES:
        raise CliError(tr("'{shown_value}': a scenario file name must end in .yaml, e.g. {name}",
                          shown_value=shown, name=target.with_suffix('.yaml').name))
    too_long = [part for part in target.parts if len(os.fsencode(part)) > NAME_MAX]
    if too_long:
        raise CliError(tr("'{shown_value}': a file or folder name may be at most {NAME_MAX} bytes long; choose a "
                          "shorter one",
                          shown_value=shown, NAME_MAX=NAME_MAX))
    kind = kind_of(target)
    if kind != "missing" or target.is_symlink():
        what = {"folder": _("a folder"), "file": _("a file")}.get(kind) or _("something that is not a scenario file")
        raise CliError(tr("'{shown_value}' already exists ({what}); choose another name — new-scenario never "
                          "overwrites",
                          shown_value=shown, what=what))
    text = _source_text(source)
    ident = scenario_id_for(target)
    schema_ref, copy_schema = schema_reference(target)
    text = with_modeline(with_id(text, ident), schema_ref)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if copy_schema:
            (target.parent / SCHEMA_NAME).write_text(schema_text(), encoding="utf-8", newline="\n")
    except OSError as exc:
        raise CliError(tr("cannot write '{shown_value}': {value}; check the folder and its permissions",
                          shown_value=shown, value=exc.strerror or exc)) from None
    origin = tr("a copy of '{source}'", source=source) if source else _("a commented starting scenario")
    print(tr("Wrote {target}: {origin} with id '{ident}'.", target=target, origin=origin, ident=ident), file=out)
    if ident != target.stem:
        print(tr("Note: '{stem}' is not a valid id, so the id is '{ident}'; consider naming the file "
                 "{ident}{suffix}.",
                 stem=target.stem, ident=ident, suffix=target.suffix), file=out)
    if copy_schema:
        print(tr("Wrote {value} beside it, for editor help.", value=target.parent / SCHEMA_NAME), file=out)
    shown = shlex.quote(str(target))
    print(tr("Next: python main.py validate {shown_value}   then   python main.py play {shown_value} --text",
             shown_value=shown), file=out)
    print(_("Guide: docs/authoring.md"), file=out)
    return EXIT_OK


def _source_text(source: str | None) -> str:
    """The template, or the text of the shipped scenario (or file) `source` names."""
    if source is None:
        return template_text()
    try:
        found = resolve(source)
    except ScenarioNotFound as exc:
        raise CliError(tr("--from: {exc}", exc=exc)) from None
    try:
        return found.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(tr("--from: cannot read '{found}': {exc}", found=found, exc=exc)) from None
