"""A scenario's text in another language: a file beside the scenario (`cuban_missile_crisis_1962.fr.yaml`) that
gives the text of its fields by id, each with a short hash of the English it was translated from, so that a
translation of text that has changed since is found (docs/translating.md).

    language: fr
    scenario: cuban_missile_crisis_1962
    text:
      events.quarantine.title: {source: 3f2a9c1e, text: "La quarantaine"}

A field's id is its path in the scenario, each list item named by its id (`parties.ussr.leader`,
`events.quarantine.choices.appeal.label`, `glossary.DEFCON.definition`) or, where it has none, by its place
(`historical_notes.3.text`). Only text is translated: ids, dates, numbers and rules stay the scenario's own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import N_, _, tr

from .diagnostics import Diagnostic, did_you_mean
from .yamlload import MAX_BYTES, Marks, YamlLoadError, load_yaml

TEXT_KEYS = frozenset({
    "title", "summary", "period", "notes", "name", "leader", "description", "text", "label", "requires_label",
    "term", "definition", "question", "role", "situation", "aims", "caption", "note",
})
ITEM_KEYS = ("id", "use", "term")  # what names a list item in a field's id, in this order
PLACE_WORDS = frozenset({"above", "below", "left", "right"})  # a map place's `label`: where its name goes
LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}
HASH_CHARS = 8


def source_hash(text: str) -> str:
    """The short hash of an English text that a translation records as its source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def translation_path(scenario: str | os.PathLike, lang: str) -> Path:
    """Where the `lang` translation of a scenario file lives: beside it, `NAME.LANG.yaml`."""
    path = Path(scenario)
    return path.with_name(f"{path.stem}.{lang}{path.suffix or '.yaml'}")


def language_of(path: str | os.PathLike) -> str:
    """The language code a file's name gives ('fr' for `NAME.fr.yaml`), or ''."""
    suffixes = Path(path).suffixes
    code = suffixes[-2][1:] if len(suffixes) >= 2 else ""
    return code if re.fullmatch(r"[a-z]{2}", code) else ""


def is_translation_file(path: str | os.PathLike) -> bool:
    """True for `NAME.fr.yaml` and the like, which are translations, not scenarios."""
    return bool(language_of(path))


def scenario_of(path: str | os.PathLike) -> Path:
    """The scenario file a translation file translates: `NAME.fr.yaml` → `NAME.yaml`."""
    path = Path(path)
    return path.with_name(path.name.split(".")[0] + path.suffix)


@dataclass(frozen=True)
class TextField:
    """One translatable text of a scenario: its id, its path in the data and its English."""

    id: str
    path: tuple
    text: str


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ITEM_KEYS:
            value = item.get(key)
            if isinstance(value, str) and value:
                return value
    return str(index)


def text_fields(raw: Any) -> dict[str, TextField]:
    """Every text of a scenario's data, by field id, in the order of the file."""
    found: dict[str, TextField] = {}

    def walk(node: Any, path: tuple, name: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    continue
                if isinstance(value, str) and key in TEXT_KEYS:
                    if key == "label" and value in PLACE_WORDS:
                        continue
                    fid = ".".join((*name, key))
                    found.setdefault(fid, TextField(fid, (*path, key), value))
                elif isinstance(value, str) and name == ("variable_names",):  # a variable's words, by its id
                    fid = ".".join((*name, key))
                    found.setdefault(fid, TextField(fid, (*path, key), value))
                elif isinstance(value, list) and name[-1:] == ("reactions",):  # a party's lines, by situation
                    for i, line in enumerate(value):
                        fid = ".".join((*name, key, str(i)))
                        if isinstance(line, str):
                            found.setdefault(fid, TextField(fid, (*path, key, i), line))
                        elif isinstance(line, dict) and isinstance(line.get("text"), str):  # a line with dates
                            found.setdefault(fid, TextField(fid, (*path, key, i, "text"), line["text"]))
                elif isinstance(value, dict | list):
                    walk(value, (*path, key), (*name, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i), (*name, _item_name(item, i)))

    walk(raw, (), ())
    return found


@dataclass(frozen=True)
class Entry:
    """One translated text: the hash of the English it was made from and the text."""

    id: str
    source: str
    text: str


@dataclass
class Translation:
    """A translation file as read: its entries (the usable ones) and what is wrong with it."""

    path: str
    language: str
    entries: dict[str, Entry] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fields: int = 0  # how many texts the scenario has
    done: int = 0  # how many of them this file translates from their current English

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def complete(self) -> float:
        return self.done / self.fields if self.fields else 1.0


def read_translation(path: str | os.PathLike, raw_scenario: Any, scenario_id: str) -> Translation:
    """Read and check a translation file against the scenario's data: unknown ids, missing texts, stale
    translations (the English changed since) and malformed entries, each at FILE:LINE:COL."""
    name = os.fsdecode(path)
    lang = language_of(name)
    result = Translation(name, lang)
    fields = text_fields(raw_scenario)
    result.fields = len(fields)

    def problem(line: int, col: int, severity: str, message: str) -> None:
        result.diagnostics.append(Diagnostic(name, line, col, severity, message))  # type: ignore[arg-type]

    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        raw, marks = load_yaml(data, name)
    except YamlLoadError as exc:
        problem(exc.line, exc.col, "error", exc.message)
        return result
    except OSError as exc:
        problem(1, 1, "error", tr("this translation cannot be read ({value})", value=exc.strerror or exc))
        return result
    _check_header(raw, marks, lang, scenario_id, problem)
    texts = raw.get("text")
    if not isinstance(texts, dict):
        mark = marks.get(("text",)) or marks.get(())
        problem(mark.line if mark else 1, mark.col if mark else 1, "error",
                _('a translation needs a `text:` mapping of field ids to {source: HASH, text: "…"}'))
        return result
    broken: set[str] = set()
    for fid, entry in texts.items():
        key_mark = marks.get(("text", fid))
        line, col = (key_mark.key_line or key_mark.line, key_mark.key_col or key_mark.col) if key_mark else (1, 1)
        if fid not in fields:
            problem(line, col, "error", tr("the scenario has no text '{fid}'{did_you_mean}; remove this entry or "
                                           "correct its id",
                                           fid=fid, did_you_mean=did_you_mean(str(fid), fields)))
            continue
        if isinstance(entry, dict) and entry.get("text") is None and isinstance(entry.get("source"), str):
            continue  # not translated yet: counted as missing below
        if not (isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip()
                and isinstance(entry.get("source"), str)):
            problem(line, col, "error", tr('\'{fid}\' must be {{source: "{source_hash}", text: "…"}} with the '
                                           "translated text",
                                           fid=fid, source_hash=source_hash(fields[fid].text)))
            broken.add(fid)
            continue
        unknown = sorted(set(entry) - {"source", "text"})
        if unknown:
            problem(line, col, "error", tr("'{fid}' has an unknown field '{unknown}'; only `source` and `text`",
                                           fid=fid, unknown=unknown[0]))
            broken.add(fid)
            continue
        result.entries[fid] = Entry(fid, entry["source"], entry["text"])
        now = source_hash(fields[fid].text)
        if entry["source"] != now:
            source_mark = marks.get(("text", fid, "source"), key_mark)
            problem(source_mark.line if source_mark else line, source_mark.col if source_mark else col, "warning",
                    tr("the English of '{fid}' has changed since this was translated (source {entry}, now {now}): "
                       "check the translation against it, then set source: {now}",
                       fid=fid, entry=entry['source'], now=now))
        else:
            result.done += 1
    text_mark = marks.get(("text",))
    missing = [fid for fid in fields if fid not in result.entries and fid not in broken]
    for fid in missing:
        problem(text_mark.key_line or text_mark.line if text_mark else 1,
                text_mark.key_col or text_mark.col if text_mark else 1, "warning",
                tr("no {get} text for '{fid}' yet: the player reads it in English",
                   get=_(LANGUAGE_NAMES[lang]) if lang in LANGUAGE_NAMES else lang, fid=fid))
    return result


def _check_header(raw: dict, marks: Marks, lang: str, scenario_id: str, problem) -> None:
    for key in sorted(set(raw) - {"language", "scenario", "text"}):
        mark = marks.get((key,))
        problem(mark.key_line or mark.line if mark else 1, mark.key_col or mark.col if mark else 1, "error",
                tr("unknown field '{key}' in a translation; it holds only `language`, `scenario` and `text`",
                   key=key))
    for key, want in (("language", lang), ("scenario", scenario_id)):
        got = raw.get(key)
        if got != want:
            mark = marks.get((key,))
            where = (mark.line, mark.col) if mark else (1, 1)
            problem(*where, "error", tr("`{key}:` must be '{want}' (the file name says so), not '{got}'",
                                        key=key, want=want, got=got)
                    if got is not None else tr("`{key}: {want}` is missing at the top of the file",
                                               key=key, want=want))


def translate_raw(raw: Any, translation: Translation, default_ladder: tuple[tuple[str, bool], ...] = ()) -> Any:
    """A copy of a scenario's data with every translated text put in its place; `default_ladder` is the default
    ladder (rung names in the language, thresholds), used when the scenario keeps the default."""
    out = _copy(raw)
    fields = text_fields(raw)
    for fid, entry in translation.entries.items():
        target = fields.get(fid)
        if target is None:
            continue
        node = out
        for part in target.path[:-1]:
            node = node[part]
        node[target.path[-1]] = entry.text
    if default_ladder and isinstance(out, dict) and "ladder" not in out:
        out["ladder"] = [{"name": name, "threshold": threshold} for name, threshold in default_ladder]
    return out


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def translations_of(path: str | os.PathLike) -> Iterator[Path]:
    """The translation files beside a scenario file, by language."""
    scenario = Path(path)
    for candidate in sorted(scenario.parent.glob(f"{scenario.stem}.*{scenario.suffix}")):
        if is_translation_file(candidate) and scenario_of(candidate) == scenario:
            yield candidate


def skeleton(raw: Any, lang: str, scenario_file: str, existing: Translation | None = None) -> str:
    """The text of a translation file for a scenario's data: every text, with its English as a comment above it,
    the translation kept from `existing` where there is one (with the source it was made from) and `text: null`
    where there is none yet."""
    fields = text_fields(raw)
    scenario_id = raw.get("id", Path(scenario_file).stem) if isinstance(raw, dict) else Path(scenario_file).stem
    lines = [
        f"# {LANGUAGE_NAMES.get(lang, lang)} text of {Path(scenario_file).name} (docs/translating.md). Each entry is",
        "# a text of the scenario by its id: `source` is the hash of the English it was translated from, `text`",
        "# the translation (null until it is done). Check it with: python main.py validate " + scenario_file,
        f"language: {lang}",
        f"scenario: {scenario_id}",
        "text:",
    ]
    for fid, text_field in fields.items():
        old = existing.entries.get(fid) if existing else None
        english = " ".join(text_field.text.split())
        lines += [f"  # {part}" for part in _wrapped(english, 112)]
        lines.append(f"  {fid if re.fullmatch(r'[A-Za-z0-9_.]+', fid) else _quoted(fid)}:")
        lines.append(f"    source: {_quoted(old.source if old else source_hash(text_field.text))}")
        lines.append(f"    text: {_quoted(old.text) if old else 'null'}")
    return "\n".join(lines) + "\n"


def _wrapped(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*out, line]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)
