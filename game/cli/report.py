"""`report SAVE... --out FILE`: one game's debrief, or a class summary over many saves (files or folders).

The output format comes from --format or the suffix of --out (.html, .md, .json). The file is written
atomically, and a report is never written over a save.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.i18n import _, tr, trn
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
        raise CliError(tr("--runs must be 0 or more, not {runs}", runs=runs))
    check_range("--runs", runs, 0, MAX_REPORT_RUNS)
    if jobs is not None and jobs <= 0:
        raise CliError(tr("--jobs must be at least 1 (the number of processes); got {jobs}", jobs=jobs))
    jobs = useful_jobs(cores() if jobs is None else jobs, cores())
    files, folders = expand(saves)
    target = Path(out)
    refuse_overwriting(target, files)
    try:
        if len(files) == 1 and not folders and not as_class:
            document = debrief_of(files[0], runs=runs, jobs=jobs)
            what = tr("debrief of {files}", files=files[0])
        else:
            progress = progress_bar(stderr, _("saves")) if len(files) > 1 and is_tty(stderr) else None
            try:
                document = class_summary_of(files, warn=lambda m: print(("\n" if progress else "")
                                                                        + tr("warning: skipped {m}", m=m),
                                                                        file=stderr),
                                            progress=progress, jobs=jobs)
            finally:
                if progress:
                    print(file=stderr)
            what = trn("class summary of {n} game", "class summary of {n} games", document.games)
    except ReportError as exc:
        raise CliError(exc.message, EXIT_INVALID) from None
    write_atomic(target, render(document, fmt))
    print(tr("Wrote the {what} to {target}", what=what, target=target), file=stdout)
    return 0


def output_format(out: str, fmt: str | None) -> str:
    """The format asked for, else the one the suffix of `out` names."""
    if fmt is not None:
        return fmt
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIXES:
        raise CliError(tr("cannot tell the format of '{out}': end it in .html, .md or .json, or give --format",
                          out=out))
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
                raise CliError(tr("{arg}: no save files (*{SAVE_SUFFIX}) in this folder",
                                  arg=arg, SAVE_SUFFIX=SAVE_SUFFIX))
            folders.append(p)
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise CliError(tr("{arg}: there is no such file or folder; check the path", arg=arg))
    return files, folders


def refuse_overwriting(target: Path, inputs: list[Path]) -> None:
    """Stop before writing over one of the saves read, or over any save file, or into a folder."""
    if target.is_dir():
        raise CliError(tr("--out {target} is a folder; give a file name such as {value}",
                          target=target, value=target / 'report.html'))
    if not target.exists():
        return
    same = any(target.resolve() == p.resolve() for p in inputs)
    if same or looks_like_save(target):
        raise CliError(tr("--out {target} is a saved game and would be overwritten; write the report to another "
                          "file",
                          target=target),
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
        raise CliError(tr("cannot write in {parent}: {value}",
                          parent=target.parent, value=exc.strerror or exc), EXIT_INVALID) from None
    except OSError as exc:
        raise CliError(tr("cannot write {target}: {value}",
                          target=target, value=exc.strerror or exc), EXIT_INVALID) from None
    except UnicodeEncodeError:
        raise CliError(tr("cannot write {target}: a text in the report is not valid Unicode",
                          target=target), EXIT_INVALID) from None
