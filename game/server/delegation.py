"""A delegations class: one shared world whose seats are teams — the Secretary-General's office and each party.

Each turn every team that has a seat sends its orders (the office: actions and answers as in the game; a party:
escalate, hold or step back, and its answer to each proposal or appeal the office's orders put to it — those
parties answer once the office has sent them); the turn resolves when every seated team has sent all of it, or when
the teacher's timer runs out or the teacher advances it (the engine's draw decides what a team did not answer).
A party nobody sits in decides as the engine's model does; an office nobody sits in acts as history did (the
scenario's historical policy); a seated team that sent nothing leaves its party to the model, or its office
waiting. The input the turn is resolved with is committed before it is resolved, so the world is replayed from
the database exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.engine import Action, Game, IllegalAction, Intervention, TurnInput, Vote, replay
from game.engine.answers import Question
from game.engine.facilitator import DECISIONS, decision_of, winner
from game.engine.rules import Rules
from game.present.delegations import seat_ids
from game.sim.policies import Historical, historical_plan

from .errors import SeatError
from .store import MessageRow, Store

SG = "sg"  # the Secretary-General's office: the role every other seat is a party id
MAX_MESSAGE_TEXT = 600  # characters of one team message
MAX_MESSAGES_SHOWN = 80  # the latest messages a page carries
MAX_CANDIDATES = 8  # actions a class vote can offer


@dataclass
class Poll:
    """A class vote under way: the office's candidate actions and each seat's ballot (an index into them)."""

    id: int
    turn: int
    candidates: tuple[Action, ...]
    ballots: dict[int, int] = field(default_factory=dict)

    def counts(self) -> tuple[tuple[str, int], ...]:
        """Each candidate as written in orders, with its votes, in the teacher's order."""
        tally = [0] * len(self.candidates)
        for choice in self.ballots.values():
            tally[choice] += 1
        return tuple((str(a), n) for a, n in zip(self.candidates, tally, strict=True))


@dataclass(frozen=True)
class Sent:
    """One team's orders for the current turn, as stored."""

    seat_id: int
    orders: TurnInput  # the office's actions and answers (empty for a party)
    decision: str  # a party's decision ('' for the office)


def roles(rules: Rules) -> list[str]:
    """Every seat of a delegations class: the office first, then the parties that decide each turn (not mediators
    or observers), in the scenario's order."""
    return seat_ids(rules)


@dataclass
class World:
    """The shared game, the orders sent for its current turn, the teacher's timer and the teams' messages."""

    store: Store
    session_id: int
    rules: Rules
    game: Game
    sent: dict[str, Sent] = field(default_factory=dict)
    messages: list[MessageRow] = field(default_factory=list)
    timer: int = 0  # seconds per turn, 0 none
    deadline: float | None = None  # when the current turn resolves without the late teams (time.time())
    left: float | None = None  # while paused: the seconds the timer still had
    poll: Poll | None = None  # a class vote under way
    votes: list[Vote] = field(default_factory=list)  # the class votes held, in order
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # this turn's: party -> subject -> answer
    seated_roles: set[str] = field(default_factory=set)  # the seats a team sits in (kept by the classroom)
    _planned: tuple[tuple, tuple[Action, ...]] | None = None  # the historical office's orders, by (turn, …)

    @classmethod
    def new(cls, store: Store, session_id: int, rules: Rules, seed: int) -> World:
        return cls(store, session_id, rules, Game(rules, seed))

    @classmethod
    def resume(cls, store: Store, session_id: int, rules: Rules, seed: int, timer: int) -> World:
        """The world as it was: its resolved turns replayed, with the teacher's events, and this turn's orders."""
        game = replay(rules, seed, store.resolved(session_id), store.world_interventions(session_id))
        world = cls(store, session_id, rules, game, timer=timer)
        for role, seat_id, orders, decision in store.orders(session_id, game.turn):
            world.sent[role] = Sent(seat_id, orders, decision)
        world.answers = store.answers(session_id, game.turn)
        world.messages = store.messages(session_id)
        for row in store.polls(session_id):
            poll = Poll(row.id, row.turn, row.candidates, dict(row.ballots))
            if row.closed:
                world.votes.append(Vote(row.closed_turn, poll.counts(), winner(poll.counts())))
            else:
                world.poll = poll
        return world

    # -- orders ------------------------------------------------------------------------------------------------
    def send_orders(self, role: str, seat_id: int, turn: int, actions: Sequence[Action], choices: Mapping[str, str]
                    ) -> None:
        """The office's orders for `turn`, checked on a copy of the world, then committed."""
        if role != SG:
            raise SeatError("not_your_seat")
        self._check_turn(role, turn)
        try:
            self.game.check(actions, choices)
        except IllegalAction as exc:
            raise SeatError("illegal", exc.refusal) from None
        orders = TurnInput(tuple(actions), tuple(sorted(choices.items())))
        self.store.add_order(self.session_id, turn, role, seat_id, orders.actions, dict(choices), "")
        self.sent[role] = Sent(seat_id, orders, "")

    def send_decision(self, role: str, seat_id: int, turn: int, decision: str,
                      answers: Mapping[str, str] | None = None) -> None:
        """A party's decision for `turn` (escalate, hold or step back) with its answers to what the office put to
        it (proposal or instrument id -> answer: every question asked of it so far), committed together."""
        if role == SG or role not in roles(self.rules):
            raise SeatError("not_your_seat")
        self._check_turn(role, turn)
        decision = decision_of(decision)
        if decision not in DECISIONS:
            raise SeatError("bad_decision")
        answers = dict(answers or {})
        self._check_answers(role, answers)
        if any(q.subject not in answers for q in self.questions(role)):
            raise SeatError("answer_first")
        self.store.add_order(self.session_id, turn, role, seat_id, (), {}, decision, answers)
        self.sent[role] = Sent(seat_id, TurnInput((), ()), decision)
        if answers:
            self.answers[role] = answers

    def send_answers(self, role: str, seat_id: int, turn: int, answers: Mapping[str, str]) -> None:
        """A party's answers for `turn` to what the office's orders put to it after the party had decided."""
        if role == SG or role not in roles(self.rules):
            raise SeatError("not_your_seat")
        if self.game.done:
            raise SeatError("game_over")
        if turn != self.game.turn:
            raise SeatError("stale_turn")
        answers = dict(answers)
        if not answers:
            raise SeatError("bad_answer")
        self._check_answers(role, answers)
        self.store.add_answers(self.session_id, turn, role, seat_id, answers)
        self.answers[role] = self.answers.get(role, {}) | answers

    def _check_answers(self, role: str, answers: Mapping[str, str]) -> None:
        """Each answer is to a question asked of this party now, in one of its two words, and not answered yet."""
        asked = {q.subject: q for q in self.questions(role)}
        given = self.answers.get(role, {})
        for subject, answer in answers.items():
            question = asked.get(subject)
            if question is None:
                raise SeatError("not_asked")
            if answer not in question.answers:
                raise SeatError("bad_answer")
            if subject in given:
                raise SeatError("already_answered")

    # -- what the office's orders put to the parties ------------------------------------------------------------
    def office_orders(self, seated: set[str]) -> tuple[Action, ...] | None:
        """The office's orders for this turn as they stand: its team's, else (no team in the office) the class's
        vote or history's; None while the office's team has not sent them."""
        if SG in self.sent:
            return self.sent[SG].orders.actions
        if SG in seated:
            return None
        voted = self.voted()
        if voted is not None:
            return (voted,)
        key = (self.game.turn, len(self.game.interventions))
        if self._planned is None or self._planned[0] != key:
            planned, __ = Historical(historical_plan(self.rules)).decide(self.game)
            self._planned = (key, tuple(planned))
        return self._planned[1]

    def questions(self, role: str, seated: set[str] | None = None) -> list[Question]:
        """What the office's orders as they stand (and the appeals arriving now) put to the party `role`."""
        if role == SG or self.game.done:
            return []
        orders = self.office_orders(self.seated_roles if seated is None else seated) or ()
        return [q for q in self.game.questions(list(orders)) if q.party == role]

    def unanswered(self, role: str, seated: set[str] | None = None) -> list[Question]:
        """The questions asked of the party that its team has not answered yet."""
        given = self.answers.get(role, {})
        return [q for q in self.questions(role, seated) if q.subject not in given]

    def done(self, role: str, seated: set[str]) -> bool:
        """Whether the team has sent everything the turn needs from it: its orders or decision, and the party's
        answer to every question asked of it."""
        return role in self.sent and not (role != SG and self.unanswered(role, seated))

    def _check_turn(self, role: str, turn: int) -> None:
        if self.game.done:
            raise SeatError("game_over")
        if turn != self.game.turn:
            raise SeatError("stale_turn")
        if role in self.sent:
            raise SeatError("already_sent")

    def all_sent(self, seated: set[str]) -> bool:
        """True when every seated team has sent its orders and answers (and at least one team sits)."""
        return bool(seated) and all(self.done(role, seated) for role in seated)

    def finished(self, seated: set[str]) -> set[str]:
        """The seats that have sent everything the turn needs from them."""
        return {role for role in self.sent if self.done(role, seated)}

    # -- resolving ---------------------------------------------------------------------------------------------
    def turn_input(self, seated: set[str]) -> TurnInput:
        """What the turn is resolved with: the teams' orders, the model or history for the rest.

        The office's orders were legal when sent; if the teacher fired an event since and they no longer are,
        the office waits this turn instead (the same rule on replay, since the stored input is what is replayed)."""
        decisions = tuple(sorted((role, s.decision) for role, s in self.sent.items() if role != SG))
        if SG in self.sent:
            orders = self.sent[SG].orders
            actions, choices = orders.actions, orders.choices
        elif SG not in seated and self.voted() is not None:
            actions, choices = (self.voted(),), ()
        elif SG not in seated:
            planned, answers = Historical(historical_plan(self.rules)).decide(self.game)
            actions, choices = tuple(planned), tuple(sorted(answers.items()))
        else:
            actions, choices = (), ()
        candidate = TurnInput(actions, choices, decisions, self._answers_to(actions))
        try:
            self.game.check(actions, dict(choices), dict(decisions), candidate.answers)
        except IllegalAction:
            return TurnInput((), (), decisions, self._answers_to(()))
        return candidate

    def _answers_to(self, actions: Sequence[Action]) -> tuple[tuple[str, str, str], ...]:
        """The teams' answers to what `actions` put to them (an answer to an order no longer given is dropped)."""
        asked = {(q.party, q.subject) for q in self.game.questions(list(actions))}
        return tuple(sorted((role, subject, answer) for role, given in self.answers.items()
                            for subject, answer in given.items() if (role, subject) in asked))

    def resolve(self, seated: set[str], now: float) -> None:
        """Resolve the current turn (committed first) and start the next one's timer."""
        if self.game.done:
            raise SeatError("game_over")
        turn_input = self.turn_input(seated)
        self.store.add_resolved(self.session_id, self.game.turn, turn_input)
        self.game.play(turn_input)
        self.sent, self.answers = {}, {}
        self.restart_timer(now)

    # -- the teacher's timer and events ------------------------------------------------------------------------
    def set_timer(self, seconds: int, now: float, *, paused: bool) -> None:
        self.store.set_timer(self.session_id, seconds)
        self.timer = seconds
        self.left = None
        if paused:
            self.deadline, self.left = None, (float(seconds) if seconds else None)
        else:
            self.restart_timer(now)

    def restart_timer(self, now: float) -> None:
        self.deadline = now + self.timer if self.timer and not self.game.done else None

    def pause(self, now: float) -> None:
        if self.deadline is not None:
            self.left, self.deadline = max(0.0, self.deadline - now), None

    def unpause(self, now: float) -> None:
        if self.left is not None:
            self.deadline, self.left = now + self.left, None

    def due(self, now: float) -> bool:
        """True when the timer has run out on a turn still to be played."""
        return self.deadline is not None and now >= self.deadline and not self.game.done

    def fire(self, event_key: str) -> bool:
        """Fire a scenario event in the shared world now; False when it cannot fire now (it awaits an answer)."""
        iv = Intervention(self.game.turn, "inject", event_key)
        if self.game.done or self.game.why_not_intervene(iv) is not None:
            return False
        self.store.add_world_intervention(self.session_id, iv)
        self.game.intervene(iv)
        return True

    # -- class votes -------------------------------------------------------------------------------------------
    def start_poll(self, candidates: Sequence[Action]) -> Poll:
        """A class vote on the office's next action among `candidates` (each open now, 2 to 8 of them)."""
        if self.game.done:
            raise SeatError("game_over")
        if self.poll is not None:
            raise SeatError("vote_open")
        unique = tuple(dict.fromkeys(candidates))
        if not 2 <= len(unique) <= MAX_CANDIDATES or any(self.game.why_illegal(a) for a in unique):
            raise SeatError("bad_vote")
        self.poll = Poll(self.store.add_poll(self.session_id, self.game.turn, unique), self.game.turn, unique)
        return self.poll

    def ballot(self, seat_id: int, choice: int) -> None:
        """A student's ballot in the vote under way, once per seat."""
        if self.poll is None:
            raise SeatError("no_vote")
        if not 0 <= choice < len(self.poll.candidates):
            raise SeatError("bad_vote")
        if seat_id in self.poll.ballots:
            raise SeatError("already_voted")
        self.store.add_ballot(self.poll.id, seat_id, choice)
        self.poll.ballots[seat_id] = choice

    def close_poll(self) -> Vote:
        """Count the ballots: the winner is the office's order this turn if no team sits in the office, and the
        vote is kept with the game (the debrief shows it)."""
        if self.poll is None:
            raise SeatError("no_vote")
        counts = self.poll.counts()
        self.store.close_poll(self.poll.id, self.game.turn)
        vote = Vote(self.game.turn, counts, winner(counts))
        self.votes.append(vote)
        self.poll = None
        return vote

    def voted(self) -> Action | None:
        """The action the class voted for on this turn, if a vote was closed on it."""
        vote = next((v for v in reversed(self.votes) if v.turn == self.game.turn), None)
        if vote is None:
            return None
        return next((a for a in self.game.legal_actions() if str(a) == vote.chosen), None)

    # -- messages ----------------------------------------------------------------------------------------------
    def send_message(self, sender: str, recipient: str, author: str, text: str) -> MessageRow:
        """A private message from one team to another, kept for the debrief."""
        clean = " ".join(text.split())[:MAX_MESSAGE_TEXT]
        if not clean:
            raise SeatError("empty_message")
        if recipient not in roles(self.rules) or recipient == sender:
            raise SeatError("no_such_seat")
        row = self.store.add_message(self.session_id, self.game.turn, sender, recipient, author, clean)
        self.messages.append(row)
        return row

    def messages_of(self, role: str | None) -> list[MessageRow]:
        """The latest messages a team sent or received (all of them for the teacher, role None)."""
        mine = [m for m in self.messages if role is None or role in (m.sender, m.recipient)]
        return mine[-MAX_MESSAGES_SHOWN:]
