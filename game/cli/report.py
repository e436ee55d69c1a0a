"""`report SAVE... --out FILE`: one game's debrief, or a class summary over many saves (files or folders).

The output format comes from --format or the suffix of --out (.html, .md, .json). The file is written
atomically, and a report is never written over a save.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.report.build import class_summary_of, debrief_of, render
from game.report.loading import ReportError
from game.saves import SAVE_FORMAT
from game.saves.store import FolderError, replace_file

from .errors import EXIT_INVALID, EXIT_USAGE, CliError
from .numbers import MAX_REPORT_RUNS, check_range, cores, useful_jobs
from .simulate import is_tty, progress_bar

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}
SAVE_SUFFIX = ".json"


def run_report(saves: list[str], out: str, fmt: str | None, runs: int, as_class: bool, *,
               stdout: TextIO | None = None, stderr: TextIO | None = None, jobs: int | None = None) -> int:
    """Write the debrief of one save, or the class summary of several saves or folders of saves, to `out`; the
    decisions that mattered are looked for on `jobs` processes (default: one per core)."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    fmt = output_format(out, fmt)
    if runs < 0:
        raise CliError(f"--runs must be 0 or more, not {runs}")
    check_range("--runs", runs, 0, MAX_REPORT_RUNS)
    if jobs is not None and jobs <= 0:
        raise CliError(f"--jobs must be at least 1 (the number of processes); got {jobs}")
    jobs = useful_jobs(cores() if jobs is None else jobs, cores())
    files, folders = expand(saves)
    target = Path(out)
    refuse_overwriting(target, files)
    try:
        if len(files) == 1 and not folders and not as_class:
            document = debrief_of(files[0], runs=runs, jobs=jobs)
            what = f"debrief of {files[0]}"
        else:
            progress = progress_bar(stderr, "saves") if len(files) > 1 and is_tty(stderr) else None
            try:
                document = class_summary_of(files, warn=lambda m: print(f"\nwarning: skipped {m}" if progress else
                                                                        f"warning: skipped {m}", file=stderr),
                                            progress=progress, jobs=jobs)
            finally:
                if progress:
                    print(file=stderr)
            what = f"class summary of {document.games} game(s)"
    except ReportError as exc:
        raise CliError(exc.message, EXIT_INVALID) from None
    write_atomic(target, render(document, fmt))
    print(f"Wrote the {what} to {target}", file=stdout)
    return 0


def output_format(out: str, fmt: str | None) -> str:
    """The format asked for, else the one the suffix of `out` names."""
    if fmt is not None:
        return fmt
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIXES:
        raise CliError(f"cannot tell the format of '{out}': end it in .html, .md or .json, or give --format")
    return SUFFIXES[suffix]


def expand(args: list[str]) -> tuple[list[Path], list[Path]]:
    """The save files named, plus every *.json file under the folders named (sorted); and those folders."""
    files: list[Path] = []
    folders: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = sorted(f for f in p.rglob(f"*{SAVE_SUFFIX}") if f.is_file() and not f.name.startswith("."))
            if not found:
                raise CliError(f"{arg}: no save files (*{SAVE_SUFFIX}) in this folder")
            folders.append(p)
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise CliError(f"{arg}: there is no such file or folder; check the path")
    return files, folders


def refuse_overwriting(target: Path, inputs: list[Path]) -> None:
    """Stop before writing over one of the saves read, or over any save file, or into a folder."""
    if target.is_dir():
        raise CliError(f"--out {target} is a folder; give a file name such as {target / 'report.html'}")
    if not target.exists():
        return
    same = any(target.resolve() == p.resolve() for p in inputs)
    if same or looks_like_save(target):
        raise CliError(f"--out {target} is a saved game and would be overwritten; write the report to another file",
                       EXIT_USAGE)


def looks_like_save(path: Path) -> bool:
    """True when the file starts like a Good Offices save (the format tag in its first kilobytes)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return SAVE_FORMAT.encode() in head


def write_atomic(target: Path, text: str) -> None:
    """Write `text` to `target` all at once: a failure part-way leaves any old file as it was and no temp file."""
    try:
        replace_file(target, text)
    except FolderError as exc:
        raise CliError(f"cannot write in {target.parent}: {exc.strerror or exc}", EXIT_INVALID) from None
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}", EXIT_INVALID) from None
    except UnicodeEncodeError:
        raise CliError(f"cannot write {target}: a text in the report is not valid Unicode", EXIT_INVALID) from None
