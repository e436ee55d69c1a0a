"""`validate PATH...`: check scenario files and folders, one `FILE:LINE:COL: severity: message` per problem, and
the translations beside each scenario, with how complete each one is."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.i18n import SOURCE, _, tr, trn
from game.scenario.catalogue import expand_paths
from game.scenario.loader import load_scenario
from game.scenario.translation import (
    LANGUAGE_NAMES,
    Translation,
    is_translation_file,
    read_translation,
    scenario_of,
    translations_of,
)
from game.scenario.yamlload import YamlLoadError, load_yaml

from .errors import EXIT_INVALID, EXIT_OK, CliError


def run_validate(paths: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Validate every file; print all problems; exit 1 if any file has an error."""
    files, missing = expand_paths(paths)
    if missing:
        shown = [m if len(m) <= 80 else m[:80] + "…" for m in missing]
        raise CliError(tr("no such file or folder: {names}", names=", ".join(repr(m) for m in shown)))
    if not files:
        raise CliError(tr("no scenario files (*.yaml, *.yml) found in {paths}", paths=", ".join(paths)))
    errors = warnings = bad_files = 0
    checked = 0
    for path in files:
        if is_translation_file(path):
            scenario, translations = scenario_of(path), [path]
        else:
            scenario, translations = path, list(translations_of(path))
            result = load_scenario(path, lang=SOURCE)
            checked += 1
            for diag in result.diagnostics:
                print(diag, file=out)
            n_err = sum(d.severity == "error" for d in result.diagnostics)
            errors += n_err
            warnings += len(result.diagnostics) - n_err
            bad_files += n_err > 0
            if not result.ok:
                continue
        for translation in (check_translation(scenario, t) for t in translations):
            checked += 1
            for diag in translation.diagnostics:
                print(diag, file=out)
            n_err = sum(d.severity == "error" for d in translation.diagnostics)
            errors += n_err
            warnings += len(translation.diagnostics) - n_err
            bad_files += n_err > 0
            print(completeness_line(translation), file=err)
    print(tr("{files}: {valid} valid, {bad} with errors ({errors}, {warnings})",
             files=trn("{n} file checked", "{n} files checked", checked), valid=checked - bad_files, bad=bad_files,
             errors=trn("{n} error", "{n} errors", errors), warnings=trn("{n} warning", "{n} warnings", warnings)),
          file=err)
    return EXIT_INVALID if bad_files else EXIT_OK


def check_translation(scenario: Path, path: Path) -> Translation:
    """A translation read and checked against the English of its scenario, and the scenario loaded with it."""
    try:
        raw, _marks = load_yaml(scenario.read_bytes(), str(scenario))
    except (OSError, YamlLoadError):
        raw = {}
    translation = read_translation(path, raw, str(raw.get("id", scenario.stem)) if isinstance(raw, dict) else "")
    if translation.ok and translation.entries:
        loaded = load_scenario(scenario, lang=translation.language)
        for diag in loaded.diagnostics:
            if diag.severity == "error":
                translation.diagnostics.append(type(diag)(
                    str(path), 1, 1, "error",
                    tr("with this translation the scenario does not load: {where}: {message}",
                       where=":".join((diag.file, str(diag.line), str(diag.col))), message=diag.message)))
    return translation


def completeness_line(translation: Translation) -> str:
    """'scenarios/x.fr.yaml: French, 412 of 412 texts (100%)'."""
    name = _(LANGUAGE_NAMES[translation.language]) if translation.language in LANGUAGE_NAMES else translation.language
    return trn("{path}: {language}, {done} of {total} texts translated ({percent}%)",
               "{path}: {language}, {done} of {total} texts translated ({percent}%)", translation.done,
               path=translation.path, language=name, done=translation.done, total=translation.fields,
               percent=int(100 * translation.complete))
