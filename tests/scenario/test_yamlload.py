"""Tests for the safe, bounded YAML reader: values, marks, limits and hostile input, on both PyYAML backends."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import yamlload
from game.scenario.yamlload import MAX_BYTES, MAX_DEPTH, MAX_NODES, Mark, YamlLoadError, load_yaml

BACKENDS = [pytest.param(yaml.SafeLoader, id="python")]
if getattr(yaml, "CSafeLoader", None) is not None:
    BACKENDS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=BACKENDS, autouse=True)
def backend(request, monkeypatch):
    """Run every test with the C parser (when present) and the pure-Python one: they must agree."""
    monkeypatch.setattr(yamlload, "_Base", request.param)
    return request.param


def load(text: str | bytes):
    return load_yaml(text.encode() if isinstance(text, str) else text, "test.yaml")


def error(text: str | bytes) -> YamlLoadError:
    with pytest.raises(YamlLoadError) as info:
        load(text)
    return info.value


# ---- values and marks ---------------------------------------------------------------------------------------


def test_values_follow_pyyaml_safe_load():
    text = "a: 1\nb: [x, 'y', 2.5, true, ~]\nc:\n  d: 2030-01-02\n  e: |\n    two\n    lines\n"
    data, _ = load(text)
    assert data == yaml.safe_load(text)


def test_marks_give_value_and_key_positions():
    _, marks = load("title: 'Hello'\nparties:\n  - id: north\n    name: Northland\n")
    assert marks[("title",)] == Mark(1, 8, 1, 1, False, "Hello", False, "'", "title")
    assert marks[("parties", 0, "name")].line == 4
    assert marks[("parties", 0, "name")].col == 11
    assert (marks[("parties", 0, "name")].key_line, marks[("parties", 0, "name")].key_col) == (4, 5)
    assert marks[("parties", 0)].key_line is None
    assert marks[("parties", 0)].text is None
    assert marks[()].line == 1


def test_columns_count_characters_not_bytes():
    _, marks = load("a: {b: é, c: x}\n")
    assert marks[("a", "c")].col == 14


def test_block_scalars_are_multiline_and_not_plain():
    _, marks = load('a: |\n  one\nb: plain\nc: "quoted"\n')
    assert marks[("a",)].multiline and not marks[("a",)].plain and marks[("a",)].style == "|"
    assert marks[("b",)].plain and not marks[("b",)].multiline and marks[("b",)].style is None
    assert marks[("c",)].style == '"'


def test_yaml_11_traps_keep_the_original_text():
    data, marks = load("name: NO\ntime: 12:30\nwhen: 2020-01-02\nmode: off\nn: 010\n")
    assert data == {"name": False, "time": 750, "when": dt.date(2020, 1, 2), "mode": False, "n": 8}
    assert marks[("name",)].text == "NO" and marks[("name",)].plain
    assert marks[("time",)].text == "12:30"


def test_non_string_keys_keep_their_text():
    data, marks = load("on: 1\n")
    assert data == {True: 1}
    assert marks[(True,)].key_text == "on"


def test_utf8_bom_is_accepted():
    data, marks = load(b"\xef\xbb\xbfid: x\n")
    assert data == {"id": "x"}
    assert marks[("id",)].col == 5


def test_empty_value_is_none():
    data, _ = load("a:\nb: 1\n")
    assert data == {"a": None, "b": 1}


def test_plain_equals_sign_is_text():
    assert load("a: =\n")[0] == {"a": "="}


# ---- aliases and merges -------------------------------------------------------------------------------------


def test_small_aliases_work_and_children_get_marks():
    data, marks = load("base: &b {x: 1, y: [2, 3]}\ncopy: *b\n")
    assert data["copy"] == {"x": 1, "y": [2, 3]}
    assert (marks[("copy",)].line, marks[("copy",)].col) == (2, 7)
    assert marks[("copy",)].key_line == 2
    assert marks[("copy", "y", 1)].line == 1


def test_merge_keys_fill_in_missing_fields_only():
    data, marks = load("d: &d {a: 1, b: 2}\ne: &e {b: 3, c: 4}\nx:\n  <<: [*d, *e]\n  a: 9\n")
    assert data["x"] == {"a": 9, "b": 2, "c": 4}
    assert marks[("x", "a")].line == 5
    assert marks[("x", "c")].line == 2


def test_merge_of_a_non_mapping_is_refused():
    assert "'<<'" in error("a: &a [1]\nb:\n  <<: *a\n").message


def test_alias_bomb_is_refused():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    exc = error("\n".join(lines) + "\n")
    assert f"{MAX_NODES:,}" in exc.message
    assert exc.line > 1


def test_alias_expansion_counts_against_the_node_budget():
    per = 1000
    text = "a: &a [" + ", ".join(["0"] * per) + "]\nb: [" + ", ".join(["*a"] * (MAX_NODES // per + 1)) + "]\n"
    assert "values" in error(text).message


def test_aliases_cannot_deepen_nesting_past_the_limit():
    deep = "[" * 40 + "]" * 40
    exc = error(f"a: &a {deep}\nb: {'[' * 30}*a{']' * 30}\n")
    assert "nested" in exc.message


def test_recursive_unknown_and_duplicate_anchors():
    assert "inside the value it names" in error("a: &x [*x]\n").message
    assert "unknown alias '*y'" in error("a: *y\n").message
    assert "defined twice" in error("a: &x 1\nb: &x 2\n").message


# ---- errors with positions ----------------------------------------------------------------------------------


def test_duplicate_key_points_at_second_occurrence():
    exc = error("title: a\nsummary: b\nid: x\nname: y\nid: z\n")
    assert (exc.line, exc.col) == (5, 1)
    assert "duplicate key 'id' (first at line 3)" in exc.message


def test_duplicate_keys_in_nested_mapping():
    exc = error("a:\n  b: 1\n  b: 2\n")
    assert (exc.line, exc.col) == (3, 3)


def test_unsafe_tags_are_refused_and_nothing_is_constructed(tmp_path):
    target = tmp_path / "pwned"
    exc = error(f'id: !!python/object/apply:os.system ["touch {target}"]\n')
    assert "!!python/object/apply:os.system" in exc.message
    assert "not allowed" in exc.message
    assert (exc.line, exc.col) == (1, 5)
    assert not target.exists()


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/name:os.system\n",
        "a: !!python/object:os.Foo {x: 1}\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x}\n",
        "a: !!omap [x: 1]\n",
        "a: !custom 1\n",
        "a: !<tag:example.com,2000:x> 1\n",
    ],
)
def test_other_tags_are_refused(text):
    assert "not allowed" in error(text).message


def test_standard_scalar_tags_are_allowed():
    assert load("a: !!str 12:30\nb: !!int '7'\nc: !!float 1\n")[0] == {"a": "12:30", "b": 7, "c": 1.0}


@pytest.mark.parametrize("text", ["a: !!int abc\n", "a: !!bool maybe\n", "a: !!timestamp soon\n", "a: 2020-13-45\n"])
def test_scalars_that_do_not_fit_their_tag_are_errors(text):
    exc = error(text)
    assert (exc.line, exc.col) == (1, 4)


@pytest.mark.parametrize("number", ["9" * 5000, ":".join(["1"] * 300_000), "0x" + "f" * 200, "1." + "5" * 200])
def test_overlong_numbers_are_refused_before_conversion(number):
    exc = error("a: " + number + "\n")
    assert "characters long" in exc.message
    assert (exc.line, exc.col) == (1, 4)


def test_long_text_that_looks_numeric_when_quoted_is_fine():
    assert load("a: '" + "9" * 5000 + "'\n")[0]["a"] == "9" * 5000


def test_not_utf8_gives_position_of_first_bad_byte():
    exc = error(b"id: x\ntitle: caf\xe9\n")
    assert exc.message == "the file is not UTF-8 text; save it as UTF-8"
    assert (exc.line, exc.col) == (2, 11)


def test_not_utf8_column_counts_characters_before_it():
    exc = error("a: é".encode() + b"\xff\n")
    assert (exc.line, exc.col) == (1, 5)


def test_nul_byte_means_binary():
    exc = error(b"id: x\nab\x00cd\n")
    assert "binary" in exc.message
    assert (exc.line, exc.col) == (2, 3)


def test_utf16_is_refused():
    assert "UTF-16" in error("id: x\n".encode("utf-16")).message


def test_control_characters_are_refused_with_position():
    exc = error("a: 1\nb: x\x07y\n")
    assert "U+0007" in exc.message
    assert (exc.line, exc.col) == (2, 5)


def test_size_limit_is_checked_before_decoding():
    exc = error(b"\xff" * (MAX_BYTES + 1))
    assert "too big" in exc.message


def test_size_limit_allows_a_full_mebibyte():
    body = b"a: '" + b"x" * (MAX_BYTES - 6) + b"'\n"
    assert len(body) == MAX_BYTES
    assert len(load(body)[0]["a"]) == MAX_BYTES - 6


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20000,
        "[" * 20000 + "]" * 20000,
        "{a: " * 20000,
        "- " * 20000 + "x",
        "a:\n" + "".join(" " * i + "- \n" for i in range(1, 200)),
    ],
    ids=["flow-seq", "closed-flow-seq", "flow-map", "block-seq", "block-indented"],
)
def test_deep_nesting_fails_fast(text):
    exc = error(text)
    assert "nested more than 64" in exc.message


def test_nesting_at_the_limit_is_allowed():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    data, _ = load(text)
    depth, node = 1, data["a"]
    while isinstance(node, list):
        depth, node = depth + 1, node[0] if node else None
    assert depth == MAX_DEPTH
    exc = error("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert exc.col == 3 + MAX_DEPTH


def test_mapping_nesting_at_the_limit_is_allowed():
    text = "{a: " * MAX_DEPTH + "1" + "}" * MAX_DEPTH
    data, marks = load(text)
    assert marks[("a",) * (MAX_DEPTH - 1)].line == 1
    assert "nested" in error("{a: " * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1)).message


def test_node_limit(monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_NODES", 1000)
    load("a: [" + ",".join(["0"] * 997) + "]\n")  # root, key and list make 1,000
    exc = error("a: [" + ",".join(["0"] * 998) + "]\n")
    assert "more than 1,000 values" in exc.message


def test_node_limit_at_full_size(backend):
    if backend is not BACKENDS[-1].values[0]:
        pytest.skip("one backend is enough for the slow full-size check")
    assert f"more than {MAX_NODES:,} values" in error("a: [" + ",".join(["0"] * MAX_NODES) + "]\n").message


def test_empty_and_comment_only_files():
    for text in ["", "\n\n", "# nothing\n  # still nothing\n", "---\n", b"\xef\xbb\xbf"]:
        assert error(text).message.startswith("the file is empty")


def test_top_level_must_be_a_mapping():
    for text in ["- a\n- b\n", "just text\n", "42\n"]:
        exc = error(text)
        assert "must be a mapping of fields like `id:`, `title:`" in exc.message
        assert (exc.line, exc.col) == (1, 1)


def test_second_document_is_refused():
    exc = error("a: 1\n---\nb: 2\n")
    assert (exc.line, exc.col) == (2, 1)
    assert "second YAML document" in exc.message


def test_complex_keys_are_refused():
    assert "field name" in error("[1, 2]: x\n").message
    assert "field name" in error("? {a: 1}\n: x\n").message


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: b: c\n", (1, 5), "': '"),
        ("a:\n  b: 1\n c: 2\n", (3, 2), "indentation"),
        ("a: 'unterminated\nb: 1\n", (1, 4), "quoted"),
        ("a:\n\tb: 1\n", (2, 1), "tab"),
        ("a: [1, 2\nb: 3\n", None, "]"),
        ('a: "\\q"\n', None, "escape"),
        ("a: @x\n", (1, 4), "'@'"),
        ("a: `x`\n", (1, 4), "'`'"),
    ],
)
def test_syntax_errors_are_plain_and_located(text, where, words):
    exc = error(text)
    assert words in exc.message
    if where is not None:
        assert (exc.line, exc.col) == where
    assert exc.line >= 1 and exc.col >= 1
    assert "\n" not in exc.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=300) | st.text(alphabet="ab:-[]{}&*!|>'\"#\n \t,?%@`0123456789", max_size=120).map(str.encode)
)
def test_arbitrary_input_only_ever_raises_yamlloaderror(data):
    try:
        value, marks = load_yaml(data, "fuzz.yaml")
    except YamlLoadError as exc:
        assert exc.line >= 1 and exc.col >= 1
        assert exc.message and "\n" not in exc.message
    else:
        assert isinstance(value, dict)
        assert all(m.line >= 1 and m.col >= 1 for m in marks.values())
