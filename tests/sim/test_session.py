"""Session codes: short, readable, typo-proof codes that give every student the same world."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import Action, Game, build_rules
from game.engine.checker import fingerprint
from game.saves import from_json, save_game
from game.saves.format import to_json
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.sim.session import (
    ALPHABET,
    SESSION_SEEDS,
    Session,
    SessionCodeError,
    assign_tags,
    check_char,
    decode,
    encode,
    shipped_tags,
    tag_candidates,
    with_scenario,
)

from .conftest import SAMPLE

CATALOGUE = assign_tags(["cuban_missile_crisis_1962", "sample_river_dispute", "suez_crisis_1956"])


def test_tags_are_short_uppercase_words_of_the_id():
    assert CATALOGUE == {"CUBA": "cuban_missile_crisis_1962", "RIVE": "sample_river_dispute",
                         "SUEZ": "suez_crisis_1956"}
    assert tag_candidates("cuban_missile_crisis_1962")[0] == "CUBA"


def test_tags_are_unique_over_the_shipped_catalogue():
    ids = [s.id for s in shipped()]
    tags = shipped_tags()
    assert sorted(tags.values()) == sorted(ids)
    assert all(tag.isalpha() and tag.isupper() and 2 <= len(tag) <= 4 for tag in tags)


def test_colliding_ids_get_different_tags():
    tags = assign_tags(["cuban_missile_crisis_1962", "cuban_revolution_1959"])
    assert len(tags) == 2 and "CUBA" in tags


def test_a_code_looks_like_the_board_example():
    code = encode(Session("cuban_missile_crisis_1962", 1234), CATALOGUE)
    tag, payload = code.split("-")
    assert tag == "CUBA" and len(payload) == 4 and set(payload) <= set(ALPHABET)


@given(st.integers(min_value=0, max_value=2**40), st.booleans())
def test_decode_inverts_encode(seed, facilitator):
    session = Session("sample_river_dispute", seed, facilitator)
    assert decode(encode(session, CATALOGUE), CATALOGUE) == session


def test_random_session_seeds_fit_the_shortest_code():
    assert len(encode(Session("suez_crisis_1956", SESSION_SEEDS - 1), CATALOGUE)) == len("SUEZ-XXXX")
    assert len(encode(Session("suez_crisis_1956", SESSION_SEEDS), CATALOGUE)) == len("SUEZ-XXXXX")


def test_reading_forgives_case_dashes_spaces_and_look_alike_characters():
    code = encode(Session("cuban_missile_crisis_1962", 4021), CATALOGUE)
    expected = decode(code, CATALOGUE)
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert decode(sloppy, CATALOGUE) == expected
    assert decode(code.replace("-", ""), CATALOGUE) == expected
    assert decode(f"  {code}\n", CATALOGUE) == expected


def _codes():
    return [encode(Session("sample_river_dispute", seed), CATALOGUE) for seed in (0, 7, 300, 8191, 99999)]


@pytest.mark.parametrize("code", _codes())
def test_every_single_wrong_character_is_caught(code):
    tag, rest = code.split("-")
    for i, ch in enumerate(rest):
        for other in ALPHABET:
            if other == ch:
                continue
            typo = f"{tag}-{rest[:i]}{other}{rest[i + 1:]}"
            with pytest.raises(SessionCodeError, match="has a typo"):
                decode(typo, CATALOGUE)


@pytest.mark.parametrize("code", _codes())
def test_every_swap_of_neighbours_is_caught(code):
    tag, rest = code.split("-")
    for i in range(len(rest) - 1):
        if rest[i] == rest[i + 1]:
            continue
        swapped = f"{tag}-{rest[:i]}{rest[i + 1]}{rest[i]}{rest[i + 2:]}"
        with pytest.raises(SessionCodeError, match="has a typo"):
            decode(swapped, CATALOGUE)


def test_a_typo_is_one_line_naming_the_code():
    code = encode(Session("cuban_missile_crisis_1962", 77), CATALOGUE)
    typo = code[:-1] + ("X" if code[-1] != "X" else "Y")
    with pytest.raises(SessionCodeError) as err:
        decode(typo, CATALOGUE)
    assert err.value.message == f"session code {typo} has a typo: check each character against the board"


def test_an_unknown_tag_lists_the_known_ones():
    with pytest.raises(SessionCodeError) as err:
        decode("KORE-1234", CATALOGUE)
    message = err.value.message
    assert "\n" not in message and "'KORE'" in message
    assert "CUBA (cuban_missile_crisis_1962)" in message and "RIVE (sample_river_dispute)" in message


@pytest.mark.parametrize(("code", "words"), [("", "empty"), ("CUBA-12", "too short"), ("CUBA-U12K", "'U'"),
                                             ("ZZZZ1234", "no known scenario")])
def test_malformed_codes_say_what_is_wrong(code, words):
    with pytest.raises(SessionCodeError, match=words):
        decode(code, CATALOGUE)


def test_a_code_from_a_newer_version_is_refused():
    newer = Session("sample_river_dispute", 5)
    code = encode(newer, CATALOGUE)
    value = (5 << 2) | 0b10  # a settings bit this version does not know
    payload = "".join(ALPHABET[(value >> s) & 31] for s in (10, 5, 0))
    forged = f"RIVE-{payload}{check_char('RIVE', payload)}"
    assert forged != code
    with pytest.raises(SessionCodeError, match="newer version"):
        decode(forged, CATALOGUE)


def test_negative_seeds_have_no_code():
    with pytest.raises(SessionCodeError, match="0 or more"):
        encode(Session("sample_river_dispute", -1), CATALOGUE)


def test_a_teachers_own_scenario_gets_a_tag_that_decodes_with_it():
    catalogue = with_scenario(CATALOGUE, "river_of_my_own")
    code = encode(Session("river_of_my_own", 12), catalogue)
    assert decode(code, catalogue) == Session("river_of_my_own", 12)
    assert code.split("-")[0] not in CATALOGUE


def _machine(code: str):
    """What one student's laptop does with a code: decode it, load the scenario from disk, start the game."""
    session = decode(code, CATALOGUE)
    result = load_scenario(SAMPLE)
    return Game(build_rules(result.scenario), session.seed)


def test_the_same_code_gives_the_same_game_on_two_machines():
    code = encode(Session("sample_river_dispute", 2718), CATALOGUE)
    first, second = _machine(code), _machine(code)
    orders = [[Action("track_two", "karelia_lowmark")], [], [Action("private_appeal", "lowmark")], []]
    for turn in range(first.rules.turns):
        if first.done:
            break
        wanted = orders[turn % len(orders)]
        legal = [a for a in wanted if first.why_illegal(a) is None]
        answers = {key: options[0][0] for key, _, options in first.pending()}
        first.step(legal, answers)
        second.step(legal, answers)
        assert fingerprint(first.state) == fingerprint(second.state)
    assert first.done and second.done and first.ending == second.ending
    assert first.score() == second.score()


def test_different_codes_give_different_worlds():
    a = _machine(encode(Session("sample_river_dispute", 1), CATALOGUE))
    b = _machine(encode(Session("sample_river_dispute", 2), CATALOGUE))
    for _ in range(a.rules.turns):
        if a.done or b.done:
            break
        a.step()
        b.step()
    assert fingerprint(a.state) != fingerprint(b.state)


def test_a_save_carries_its_session_code_and_old_saves_still_load(tmp_path, rules):
    result = load_scenario(SAMPLE)
    game = Game(rules, 9)
    game.step()
    path = save_game(game, tmp_path, "plain", "Ana", scenario_path=str(SAMPLE), digest=result.digest)
    old = from_json(path.read_text(encoding="utf-8"), "plain.json")
    assert "session" not in path.read_text(encoding="utf-8") and old.session == ""
    code = encode(Session("sample_river_dispute", 9), CATALOGUE)
    text = to_json(dataclasses.replace(old, session=code))
    assert from_json(text, "with-code.json").session == code
