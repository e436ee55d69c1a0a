"""Save files on disk: atomic writes, autosave, loading, and resuming a game by replaying its inputs.

A write goes to a temporary file in the same folder and replaces the target only once it is complete and on
disk, so a save interrupted half-way leaves the previous one intact. Loading never writes anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from game.engine import Game, IllegalAction, Rules, Vote, replay

from .format import SaveData, SaveError, from_json, to_json
from .snapshot import state_to_dict

SAVES_ENV = "GOOD_OFFICES_SAVES"
SUFFIX = ".json"
MAX_SAVE_BYTES = 32 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def saves_directory(environ: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Path:
    """Where saves go: $GOOD_OFFICES_SAVES if set, else `saves/` under the current folder."""
    chosen = environ.get(SAVES_ENV)
    if chosen:
        return Path(chosen)
    return (cwd or Path.cwd()) / "saves"


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp, as saves record it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def save_data(game: Game, *, scenario_path: str, digest: str, player: str = "", created: str | None = None,
              session: str = "", votes: Sequence[Vote] = ()) -> SaveData:
    """What a save of `game` holds now (with the session code it came from and the class's votes, if any)."""
    stamp = now()
    return SaveData(
        scenario_id=game.rules.scenario.id,
        scenario_digest=digest,
        scenario_path=scenario_path,
        seed=game.seed,
        player=player,
        inputs=list(game.inputs),
        snapshot=state_to_dict(game.state),
        ending=game.ending,
        created=created or stamp,
        updated=stamp,
        session=session,
        interventions=list(game.interventions),
        votes=list(votes),
    )


def file_name(scenario_id: str, name: str | None = None) -> str:
    """A safe file name: the given name sanitised, or the scenario id and the local time."""
    if name is None:
        return f"{scenario_id}-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
    stem = name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
    stem = _UNSAFE.sub("-", stem).strip("-_")[:64]
    if not stem:
        raise SaveError(f"'{name}' cannot be a save name: use letters, digits, '-' or '_'")
    return stem + SUFFIX


def save_game(
    game: Game,
    directory: str | os.PathLike,
    name: str | None = None,
    player: str = "",
    *,
    scenario_path: str,
    digest: str,
    created: str | None = None,
    session: str = "",
    votes: Sequence[Vote] = (),
) -> Path:
    """Write a save of `game` into `directory` (created if needed) and return its path.

    With a `name` an existing save of that name is replaced; without one, a new file is named after the
    scenario and the time.
    """
    folder = Path(directory)
    target = folder / file_name(game.rules.scenario.id, name)
    if name is None:
        target = _unused(target)
    data = save_data(game, scenario_path=scenario_path, digest=digest, player=player, created=created,
                     session=session, votes=votes)
    write_atomic(target, to_json(data))
    return target


def autosave(
    game: Game,
    directory: str | os.PathLike,
    player: str = "",
    *,
    scenario_path: str,
    digest: str,
    created: str | None = None,
    session: str = "",
    votes: Sequence[Vote] = (),
) -> Path:
    """Save into the scenario's one autosave slot, `autosave-<scenario id>.json`."""
    return save_game(
        game,
        directory,
        autosave_name(game.rules.scenario.id),
        player,
        scenario_path=scenario_path,
        digest=digest,
        created=created,
        session=session,
        votes=votes,
    )


def autosave_name(scenario_id: str) -> str:
    return f"autosave-{scenario_id}{SUFFIX}"


def _unused(target: Path) -> Path:
    """`target`, or the same name with -2, -3… when a file of that name already exists."""
    candidate, n = target, 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate


def write_atomic(target: Path, text: str) -> None:
    """Replace the save `target` with `text` all at once: a crash part-way leaves the old file and no temporary."""
    try:
        replace_file(target, text, _mode_for(target))
    except FolderError as exc:
        raise SaveError(f"cannot save in {target.parent}: {exc.strerror or exc}") from None
    except OSError as exc:
        raise SaveError(f"cannot save to {target}: {exc.strerror or exc}; the previous save is unchanged") from None


class FolderError(OSError):
    """The folder to write in could not be made or written to (nothing was written)."""


def replace_file(target: Path, text: str, mode: int = 0o644) -> None:
    """Write `text` to `target` all at once (temporary file, fsync, rename, folder sync); any OSError leaves the
    old file as it was and no temporary file behind. Shared by saves and reports."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FolderError(exc.errno, exc.strerror) from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permissions a save gets: those of the file it replaces, else readable by all, writable by the owner."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX); elsewhere this does nothing."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def load_save(path: str | os.PathLike) -> SaveData:
    """Read and check a save file; every problem becomes a SaveError naming the file."""
    where = os.fsdecode(path)
    try:
        if Path(where).is_dir():
            raise SaveError(f"{where}: this is a folder, not a save file")
        with open(where, "rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(f"{where}: there is no save file here; check the path") from None
    except OSError as exc:
        raise SaveError(f"{where}: the save file cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{where}: this file is far too large to be a Good Offices save")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{where}: the save file is truncated or corrupt") from None
    return from_json(text, where)


def resume(save: SaveData, rules: Rules, digest: str) -> Game:
    """The saved game, rebuilt by replaying its inputs on `rules` and checked against the saved snapshot."""
    scenario_id = rules.scenario.id
    if save.scenario_id != scenario_id:
        raise SaveError(
            f"this save is for scenario '{save.scenario_id}', not '{scenario_id}'; "
            f"play it with: python main.py play {save.scenario_id} --load SAVE"
        )
    if save.scenario_digest != digest:
        raise SaveError(
            "the scenario file has changed since this game was saved, so the game cannot be replayed "
            "exactly; restore the scenario file as it was, or start a new game"
        )
    try:
        game = replay(rules, save.seed, save.inputs, save.interventions)
    except (IllegalAction, ValueError, LookupError, TypeError, ArithmeticError):
        raise SaveError(
            "the save is inconsistent with its scenario: its moves cannot be replayed; the file may have been edited"
        ) from None
    if state_to_dict(game.state) != save.snapshot:
        raise SaveError(
            "the save is inconsistent with its scenario: replaying its moves does not give the saved "
            "game; the file may have been edited"
        )
    return game
