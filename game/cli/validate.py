"""`validate PATH...`: check scenario files and folders, one `FILE:LINE:COL: severity: message` per problem."""

from __future__ import annotations

import sys
from typing import TextIO

from game.scenario.catalogue import expand_paths
from game.scenario.loader import load_scenario

from .errors import EXIT_INVALID, EXIT_OK, CliError


def run_validate(paths: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Validate every file; print all problems; exit 1 if any file has an error."""
    files, missing = expand_paths(paths)
    if missing:
        shown = [m if len(m) <= 80 else m[:80] + "…" for m in missing]
        raise CliError(f"no such file or folder: {', '.join(repr(m) for m in shown)}")
    if not files:
        raise CliError(f"no scenario files (*.yaml, *.yml) found in {', '.join(paths)}")
    errors = warnings = bad_files = 0
    for path in files:
        result = load_scenario(path)
        for diag in result.diagnostics:
            print(diag, file=out)
        n_err = sum(d.severity == "error" for d in result.diagnostics)
        errors += n_err
        warnings += len(result.diagnostics) - n_err
        bad_files += n_err > 0
    print(
        f"{len(files)} file{'s' * (len(files) != 1)} checked: {len(files) - bad_files} valid, "
        f"{bad_files} with errors ({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})",
        file=err,
    )
    return EXIT_INVALID if bad_files else EXIT_OK
