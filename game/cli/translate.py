"""`translate SCENARIO --lang fr`: write or bring up to date the translation file beside a scenario, with every
text of the scenario, its English as a comment and what is already translated kept (docs/translating.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.i18n import tr, trn
from game.scenario.catalogue import ScenarioNotFound, resolve
from game.scenario.loader import load_scenario
from game.scenario.translation import read_translation, skeleton, text_fields, translation_path
from game.scenario.yamlload import load_yaml

from .errors import EXIT_INVALID, EXIT_OK, CliError


def run_translate(scenario: str, lang: str, out: TextIO = sys.stdout) -> int:
    try:
        path = resolve(scenario)
    except ScenarioNotFound as exc:
        raise CliError(str(exc)) from exc
    result = load_scenario(path, lang="en")
    if not result.ok:
        for diag in result.diagnostics:
            print(diag, file=out)
        raise CliError(tr("{path} has errors: correct them before translating it", path=path), EXIT_INVALID)
    raw, _marks = load_yaml(path.read_bytes(), str(path))
    target = translation_path(path, lang)
    existing = read_translation(target, raw, str(raw.get("id", path.stem))) if target.is_file() else None
    if existing is not None and not existing.ok:
        for diag in existing.diagnostics:
            if diag.severity == "error":
                print(diag, file=out)
        raise CliError(tr("{path} has errors: correct them first, so that no translation is lost", path=target),
                       EXIT_INVALID)
    target.write_text(skeleton(raw, lang, _shown(path), existing), encoding="utf-8")
    done = existing.done if existing else 0
    print(trn("{path}: {done} of {total} texts translated", "{path}: {done} of {total} texts translated", done,
              path=target, done=done, total=len(text_fields(raw))), file=out)
    stale = len(existing.entries) - existing.done if existing else 0
    if stale:
        print(trn("{n} translation is of English that has changed since: `validate` says which",
                  "{n} translations are of English that has changed since: `validate` says which", stale),
              file=out)
    return EXIT_OK


def _shown(path: Path) -> str:
    """The scenario's path as the file's header gives it: relative to the current folder when it lies below it,
    so that a shipped file does not carry one developer's home folder."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
