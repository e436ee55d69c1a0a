"""No sentence in the code of the front ends escapes the catalogs: every string literal in game/present, game/ui,
game/cli and game/report that reads as words for a person is marked (_, N_, tr, trn, ngettext), unless it is a
docstring, an id or key, a comparison, or is kept out on purpose with a `# i18n: not shown` comment on its line
(file names, HTML and CSS scaffolding, machine formats)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("game/present", "game/ui", "game/cli", "game/report")
MARKERS = {"_", "N_", "N_plural", "tr", "trn", "ngettext"}
NOT_TEXT_CALLS = {"get", "startswith", "endswith", "split", "partition", "rpartition", "replace", "index", "count",
                  "find", "strip", "rstrip", "lstrip", "pop", "setdefault", "compile", "match", "search", "sub",
                  "fullmatch", "findall", "encode", "decode", "open", "Path", "joinpath", "with_suffix", "glob",
                  "rglob", "getattr", "hasattr", "setattr", "fromisoformat", "strftime", "strptime", "isinstance",
                  "write_text", "read_text", "getenv", "removeprefix", "removesuffix", "rsplit", "dumps", "loads",
                  "execute", "executemany", "debug", "info", "warning", "exception", "format_date", "join", "pair_name",
                  "plural", "unit_phrase", "unit_count", "turn_unit_phrase"}
# English words that hold a sentence together between its placeholders (f"{n} of {total}", f"until {date}").
SMALL_WORDS = "|".join(("of", "and", "or", "to", "on", "in", "at", "by", "for", "per", "until", "from", "with", "the",
                        "a", "an", "is", "old", "left", "peak", "costs", "finished", "pressure", "estimates", "yes",
                        "no", "key", "waiting"))
NOT_TEXT_KEYWORDS = {"key", "group", "kind", "style", "encoding", "sep", "role", "name", "dest", "metavar", "hotkey",
                     "font", "size", "align", "mode", "colour"}


def prose(text: str) -> bool:
    """Whether a literal reads as words for a person (not an id, a key, a path, a format or markup)."""
    if text.count(";") > 3 and "{" in text:
        return False
    t = re.sub(r"<[^<>]*>", " ", text)
    t = re.sub(r"&[a-z]+;", " ", t)
    t = re.sub(r"\s+", " ", re.sub(r"\{[^{}]*\}", " ", t))  # a placeholder stands between words
    if " " in t and re.search(rf"(^|[^\w\-./])({SMALL_WORDS})([^\w\-./=]|$)", t):
        return True  # ' of ', 'until ', ' and ': the words between a sentence's placeholders
    if re.search(r"[A-Za-z]{2,}", t) is None or re.fullmatch(r"[a-z0-9_.\-/*:%]+", t.strip()):
        return False
    t = re.sub(r"^#+ ", "", t.lstrip())  # a Markdown heading is words
    if re.fullmatch(r"[A-Z0-9_]+", t.strip()) or "\\" in t or "://" in t or t.startswith(("/", "*.", "#")):
        return False
    return bool(re.search(r"[a-zA-Z][a-z]+ [a-zA-Z]", t) or re.search(r"[A-Z][a-z]+", t)
                or re.search(r"[a-z]{3,}[.:!?]", t))


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def unmarked(path: Path) -> list[str]:
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    lines = src.splitlines()
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if not prose(text) or any("i18n: not shown" in lines[n - 1] for n in range(node.lineno, node.end_lineno + 1)):
            continue
        up, ok = node, False
        while up in parent and not ok:
            child, up = up, parent[up]
            ok = _exempt(up, child, node)
            if isinstance(up, ast.stmt):
                break
        if not ok:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:90]!r}")
    return found


def _exempt(up: ast.AST, child: ast.AST, literal: ast.AST) -> bool:
    """Whether `child`'s place in `up` makes a literal below it no text for a person."""
    if isinstance(up, ast.Expr):
        return child is literal  # a docstring
    if isinstance(up, ast.Subscript):
        return child is up.slice  # a key, not the dict or list of words it picks from
    if isinstance(up, (ast.JoinedStr, ast.Compare, ast.arguments)):
        return True
    if isinstance(up, ast.Dict):
        return child in up.keys
    if isinstance(up, ast.keyword):
        return up.arg in NOT_TEXT_KEYWORDS
    if isinstance(up, ast.Call):
        name = _name(up.func)
        method_of_literal = isinstance(up.func, ast.Attribute) and isinstance(up.func.value, ast.Constant)
        # a marker's message, or a direct argument of a call that takes no text; a sentence built inside such a
        # call (an f-string in a generator given to join, a value given to tr) is still looked at
        return child in up.args and (name in MARKERS or (child is literal and (name in NOT_TEXT_CALLS
                                                                              or method_of_literal)))
    return False


FILES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_every_sentence_is_in_the_catalog(path):
    found = unmarked(path)
    assert not found, "not marked for translation:\n" + "\n".join(found[:30])


def test_the_scan_finds_an_unmarked_sentence(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('def f(n):\n    """A docstring."""\n    return f"{n} turns left"\n', encoding="utf-8")
    assert len(unmarked_at(sample)) == 1
    sample.write_text('from game.i18n import tr\n\ndef f(n):\n    return tr("{n} turns left", n=n)\n', encoding="utf-8")
    assert unmarked_at(sample) == []


def unmarked_at(path: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return unmarked(path)
    finally:
        ROOT = saved
