"""A party's own players answering what the office puts to it this turn: a proposal floated to a pair the party
belongs to (accept or refuse) and a private appeal to it that acts this turn (hear it or brush it off).

A seated answer replaces the engine's draw for that one outcome, the way a seated decision replaces a party's own
choice; a party nobody answers for is left to the draw, as in any game.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .record import Refusal

if TYPE_CHECKING:
    from .game import Action
    from .rules import Rules
    from .state import GameState

PROPOSAL, APPEAL = "proposal", "appeal"
ACCEPT, REFUSE = "accept", "refuse"
HEARD, BRUSH_OFF = "heard", "brush_off"
ANSWERS = {PROPOSAL: (ACCEPT, REFUSE), APPEAL: (HEARD, BRUSH_OFF)}
YES = frozenset({ACCEPT, HEARD})  # the answers that give the office what it asked
APPEAL_KIND = "private_appeal"  # the instrument kind whose outcome a party's answer can decide


@dataclass(frozen=True, slots=True)
class Question:
    """Something the office puts to a party this turn: a proposal (`subject` its id, `mode` private or public)
    or a private appeal (`subject` the instrument's id)."""

    party: str
    subject: str
    kind: str
    mode: str = ""

    @property
    def answers(self) -> tuple[str, str]:
        return ANSWERS[self.kind]


def questions(rules: Rules, state: GameState, actions: Sequence[Action]) -> list[Question]:
    """What the orders `actions` (legal this turn) and the initiatives acting this turn put to the parties that
    decide: every such member of a pair a proposal is floated to, and the target of a private appeal that acts
    this turn (launched now without delay, or earlier and maturing now)."""
    t = state.turn
    out: list[Question] = []
    for action in actions:
        prop = rules.proposals.get(action.use)
        if prop is not None:
            out += [Question(rules.party_ids[i], prop.key, PROPOSAL, action.mode or "private")
                    for i in rules.pair_members[prop.pair] if i in rules.deciders]
            continue
        ins = rules.instruments.get(action.use)
        if (ins is not None and ins.kind == APPEAL_KIND and ins.delay == 0 and ins.duration > 0
                and action.target in rules.party_ids and rules.party_ids.index(action.target) in rules.deciders):
            out.append(Question(action.target, ins.key, APPEAL))
    for ini in state.initiatives:
        acting = ini.started < t and ini.matures <= t <= ini.ends  # launched before, acting now
        if ini.kind == APPEAL_KIND and acting and ini.target in rules.deciders:
            out.append(Question(rules.party_ids[ini.target], ini.key, APPEAL))
    return list(dict.fromkeys(out))


def seated(rules: Rules, state: GameState, actions: Sequence[Action], answers: Iterable[tuple[str, str, str]]
           ) -> dict[tuple[int, str], bool]:
    """(party index, subject) -> whether the party gives the office what it asked, for answers given in parties'
    seats. Raises AnswerRefused for an answer to nothing asked of that party this turn, a word that does not
    answer it, or two answers to one question."""
    asked = {(q.party, q.subject): q for q in questions(rules, state, actions)}
    out: dict[tuple[int, str], bool] = {}
    for party, subject, answer in answers:
        question = asked.get((party, subject))
        if question is None:
            raise AnswerRefused(Refusal("not_asked", (party, subject)))
        if answer not in question.answers:
            raise AnswerRefused(Refusal("bad_answer", (subject, answer, question.kind)))
        key = (rules.party_ids.index(party), subject)
        if key in out:
            raise AnswerRefused(Refusal("answered_twice", (party, subject)))
        out[key] = answer in YES
    return out


class AnswerRefused(Exception):
    """An answer that cannot be taken (game.py turns it into IllegalAction)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.code, *refusal.args)
        self.refusal = refusal
