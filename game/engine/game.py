"""The engine's API, in the spirit of Gymnasium: start, legal actions, step → turn report, observation, ending.

Deterministic given the rules, the seed and the player's choices. No I/O, no printing, no pygame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import answers as seat_answers
from . import escalation, events, facilitator, instruments, intel, opinion, parties
from .context import Ctx
from .endings import Score, reached, score
from .facilitator import Intervention
from .observation import Observation, observe
from .proposals import ACCEPTED, float_proposal
from .record import DISTRACTION, DYNAMICS, INSTRUMENT, PROPOSAL, RESOURCES, Cause, Refusal, TurnReport
from .rng import Dice
from .rules import ChoiceRule, Rules
from .state import GameState, Initiative, Office, PairState, PartyState

PROPOSAL_COOLDOWN = 3  # turns before a rejected proposal can be floated again
MAX_POWER = 5.0  # the strongest an instrument's power expression can make it
INCOME = Cause(RESOURCES, "income")  # the office's budget for this turn
RECOVERY = Cause(RESOURCES, "recovery")  # prestige recovers with time


class IllegalAction(ValueError):
    """Something that cannot be done now; `refusal` says why (game/present puts it into words)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.code, *refusal.args)
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class Action:
    """One move: an instrument or a proposal id, its target (pair or party id) and, for proposals, the mode."""

    use: str
    target: str | None = None
    mode: str | None = None

    def __str__(self) -> str:
        parts = [self.use]
        if self.target:
            parts.append(self.target)
        if self.mode:
            parts.append(self.mode)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class TurnInput:
    """What the player decided on one turn: the record a save keeps and a replay feeds back."""

    actions: tuple[Action, ...]
    choices: tuple[tuple[str, str], ...]  # (event id, choice id)
    decisions: tuple[tuple[str, str], ...] = ()  # (party id, decision) taken by a party's own players this turn
    # (party id, proposal or instrument id, answer) given by a party's own players to what the office put to it
    answers: tuple[tuple[str, str, str], ...] = ()

    def __repr__(self) -> str:
        """As the dataclass writes it, without `answers` when there are none: the record of a game without
        answering seats reads exactly as before they existed (benchmarks/fingerprints.py hashes it)."""
        extra = f", answers={self.answers!r}" if self.answers else ""
        return (f"TurnInput(actions={self.actions!r}, choices={self.choices!r}, decisions={self.decisions!r}"
                f"{extra})")


def initial_state(rules: Rules, seed: int) -> GameState:
    scn = rules.scenario
    sg = scn.secretary_general
    ps = [
        PartyState(
            p.hostility,
            p.resolve,
            p.trust,
            p.domestic_pressure,
            p.receptivity,
            p.restraint,
            p.grievance,
            p.power,
            0.0,
            p.intention,
        )
        for p in scn.parties
    ]
    pairs = []
    for k, p in enumerate(scn.pairs):
        rung = escalation.rung_for(p.pressure, 0, rules.thresholds[k], 0.0)
        pairs.append(PairState(p.pressure, 0.0, rung, rung, p.momentum))
    office = Office(sg.prestige, sg.budget, sg.envoys, sg.attention, sg.intelligence, sg.coordination, sg.visibility)
    variables = {**scn.variables, **{t.id: float(t.initial) for t in scn.tracks}}
    return GameState(seed, 0, ps, pairs, office, [m.support for m in scn.council], variables,
                     opinion=opinion.start_levels(scn))


class Game:
    """One game in progress."""

    def __init__(self, rules: Rules, seed: int, *, dice: Dice | None = None, record: bool = True) -> None:
        """A new game on `seed`; `dice` replaces the seed's own draws (a reseeded future, see fork).

        With `record` False the turn reports carry only the decisions, events and ending, not every change and
        message: batch runs are faster and play exactly the same game.
        """
        self.rules = rules
        self.seed = seed
        self.dice = dice or Dice(seed)
        self.record = record
        self.state = initial_state(rules, seed)
        self.inputs: list[TurnInput] = []
        self.interventions: list[Intervention] = []  # a facilitator's, in the order made
        self.filter = intel.Filter()  # the player's beliefs, kept between observations (derived data, not state)
        opening = TurnReport(turn=-1, date=rules.dates[0].isoformat())
        ctx = Ctx(rules, self.state, self.dice, opening, record)
        self._distraction_news(ctx, 0)
        events.fire_due(ctx)
        self.state.history.append(intel.snapshot(self.state))
        self.state.intel.append(intel.log_row(self.state, ctx.touched, ctx.contacts))
        self._check_ending(opening)
        self.reports: list[TurnReport] = [opening]
        self._start_prestige = self.state.office.prestige

    def fork(self, reseed: int | None = None, *, record: bool | None = None, state: GameState | None = None
             ) -> Game:
        """An independent copy to look ahead with (reports are not copied; the copy's future is its own).

        With `reseed`, every draw from this turn on comes from that seed instead: the same past, another sample
        of the future. Such a copy cannot be replayed from its seed and inputs alone (its score still can: the
        baseline it is scored against shares its dice). `record` (default: as this game) sets whether the
        copy's turn reports record every change. `state` (the copy's own, at this turn) replaces a copy of this
        game's state: a world drawn from what the player knows, for the advisor.
        """
        twin = object.__new__(Game)
        twin.rules, twin.seed = self.rules, self.seed
        twin.record = self.record if record is None else record
        twin.dice = self.dice if reseed is None else self.dice.reseeded(self.state.turn, reseed)
        twin.state = self.state.clone() if state is None else state
        twin.filter = intel.Filter()
        twin.inputs = list(self.inputs)
        twin.interventions = list(self.interventions)
        twin.reports = []
        twin._start_prestige = self._start_prestige
        return twin

    def portable(self) -> tuple:
        """The game as another process can receive it (pickled): all but its rules, whose compiled closures
        cannot be pickled, its reports and its kept beliefs. `Game.resumed` rebuilds it there."""
        return self.seed, self.dice, self.record, self.state, self.inputs, self.interventions, self._start_prestige

    @classmethod
    def resumed(cls, rules: Rules, portable: tuple) -> Game:
        """A game from `portable()`, on `rules` built from the same scenario: it plays on exactly as the original
        would (as a fork does: no reports, beliefs started afresh)."""
        twin = object.__new__(cls)
        twin.rules = rules
        twin.seed, twin.dice, twin.record, twin.state, twin.inputs, twin.interventions, twin._start_prestige = portable
        twin.filter = intel.Filter()
        twin.reports = []
        return twin

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.state.ending is not None

    @property
    def ending(self) -> str | None:
        return self.state.ending

    @property
    def turn(self) -> int:
        return self.state.turn

    def observation(self) -> Observation:
        return observe(self.rules, self.state, self.filter)

    def pending(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Events awaiting an answer: (event id, title, [(choice id, label)]), in the words used when it fired."""
        out = []
        texts = self.state.texts
        for idx in self.state.pending:
            ev = self.rules.events[idx]
            title = events.words(ev.variants, texts, f"event:{ev.key}", ev.title, ev.text)[0]
            labels = [(c.key, events.words(c.variants, texts, f"choice:{ev.key}.{c.key}", c.label, c.text)[0])
                      for c in ev.choices]
            out.append((ev.key, title, labels))
        return out

    # -- legality --------------------------------------------------------------------------------------------
    def legal_actions(self) -> list[Action]:
        """Every single action that could be taken now (each on its own; together they may exceed resources).

        The same checks as `why_illegal`, with what does not depend on the move (the resources left, the
        initiatives under way) worked out once, and what does not depend on the target once per instrument."""
        if self.done:
            return []
        rules, s = self.rules, self.state
        free = self._free(self._spent(()))
        busy = {(i.key, i.target) for i in s.initiatives}
        out: list[Action] = []
        affords, is_open = _affords, self._is_open
        for key, ins in rules.instruments.items():
            if not (affords(ins.cost, ins.attention, free) and is_open(ins)):
                continue
            moves = _moves(rules, key)
            if busy or ins.kind == "preventive_deployment":
                targets = rules.pair_ids if ins.target == "pair" else rules.party_ids
                index = range(len(moves)) if ins.target != "none" else [-1]
                out += [a for a, k in zip(moves, index, strict=True)
                        if (key, k) not in busy and (ins.target == "none" or not self._why_busy(ins, targets[k], k))]
            else:
                out += moves
        for key, prop in rules.proposals.items():
            if affords(prop.cost, False, free) and self._why_proposal_closed(prop) is None:
                out += _moves(rules, key)
        return out

    def why_illegal(
        self, action: Action, taken: Sequence[Action] = (), choices: Mapping[str, str] | None = None
    ) -> Refusal | None:
        """None if `action` can be taken now, after `taken` this turn and paying for the answers to pending
        events (`choices`, defaults where unanswered), else why not."""
        if self.done:
            return Refusal("game_over")
        if action in taken:
            return Refusal("already_ordered", (action.use, action.target, action.mode))
        if action.use in self.rules.proposals:
            return self._why_not_proposal(action, taken, choices)
        ins = self.rules.instruments.get(action.use)
        if ins is None:
            return Refusal("unknown_action", (action.use,))
        reason = self._why_bad_target(ins.key, ins.target, action.target) or self._why_closed(ins)
        if reason:
            return reason
        target = self._target_index(ins.target, action.target)
        if any(i.key == ins.key and i.target == target for i in self.state.initiatives):
            return Refusal("under_way", (ins.key, action.target))
        reason = self._why_busy(ins, action.target, target)
        if reason:
            return reason
        return self._why_unaffordable(ins.key, ins.cost, ins.attention, self._free(self._spent(taken, choices)))

    def _is_open(self, ins) -> bool:
        """Whether the instrument is open this turn, whatever the target: within its dates, its requirement met."""
        t = self.state.turn
        return ins.first_turn <= t <= ins.last_turn and (ins.requires is None or bool(ins.requires(self.state)))

    def _why_closed(self, ins) -> Refusal | None:
        """Why the instrument is not open this turn (`_is_open`): out of its dates, or else its requirement."""
        if self._is_open(ins):
            return None
        if not ins.first_turn <= self.state.turn <= ins.last_turn:
            return Refusal("not_available", (ins.key, ins.first_turn, ins.last_turn))
        return Refusal("requirement", (ins.key,))

    def _why_busy(self, ins, target_id: str | None, target: int) -> Refusal | None:
        """Why the instrument cannot go to this target besides one already under way: too late for a deployment."""
        if ins.kind == "preventive_deployment" and self.state.pairs[target].rung >= self.rules.tops[target] - 1:
            return Refusal("too_late", (ins.key, target_id))
        return None

    def _why_not_proposal(
        self, action: Action, taken: Sequence[Action], choices: Mapping[str, str] | None
    ) -> Refusal | None:
        prop = self.rules.proposals[action.use]
        if any(a.use == action.use for a in taken):
            return Refusal("already_ordered", (action.use, None, None))
        if action.mode not in prop.modes:
            return Refusal("proposal_mode", (prop.key,))
        if action.target not in (None, self.rules.pair_ids[prop.pair]):
            return Refusal("proposal_target", (prop.key,))
        return self._why_proposal_closed(prop) or self._why_unaffordable(
            prop.key, prop.cost, False, self._free(self._spent(taken, choices)))

    def _why_proposal_closed(self, prop) -> Refusal | None:
        """Why the proposal cannot be floated this turn in any mode: accepted already, cooling down, requirement."""
        if prop.key in self.state.accepted:
            return Refusal("proposal_accepted", (prop.key,))
        last = self.state.last_launch.get(prop.key)
        if last is not None and self.state.turn - last < PROPOSAL_COOLDOWN:
            return Refusal("proposal_cooldown", (prop.key, last, min(last + PROPOSAL_COOLDOWN, self.rules.turns - 1)))
        if prop.requires is not None and not prop.requires(self.state):
            return Refusal("requirement", (prop.key,))
        return None

    def _why_bad_target(self, key: str, kind: str, target: str | None) -> Refusal | None:
        if kind == "none":
            return None if target is None else Refusal("takes_no_target", (key,))
        valid = self.rules.pair_ids if kind == "pair" else self.rules.party_ids
        if target is None:
            return Refusal("needs_target", (key, kind))
        if target not in valid:
            return Refusal("not_a_target", (key, target, kind))
        return None

    def _target_index(self, kind: str, target: str | None) -> int:
        return opinion.target_index(self.rules, kind, target)

    def committed(
        self, taken: Sequence[Action], choices: Mapping[str, str] | None = None
    ) -> tuple[float, float, int, int]:
        """Prestige, budget, envoys and attention that `taken` and the answers `choices` would commit now."""
        return self._spent(taken, choices)

    def _spent(
        self, taken: Sequence[Action], choices: Mapping[str, str] | None = None
    ) -> tuple[float, float, int, int]:
        """Prestige, budget, envoys and attention committed this turn by answers to events and orders so far."""
        prestige = budget = 0.0
        envoys = attention = 0
        if self.state.pending:
            for choice in self._chosen(choices or {}):
                prestige, budget = prestige + choice.cost.prestige, budget + choice.cost.budget
        for a in taken:
            if a.use in self.rules.instruments:
                ins = self.rules.instruments[a.use]
                prestige, budget = prestige + ins.cost.prestige, budget + ins.cost.budget
                envoys, attention = envoys + ins.cost.envoys, attention + ins.attention
            elif a.use in self.rules.proposals:
                cost = self.rules.proposals[a.use].cost
                prestige, budget, envoys = prestige + cost.prestige, budget + cost.budget, envoys + cost.envoys
        return prestige, budget, envoys, attention

    def why_not_choice(self, event_id: str, choice_id: str, choices: Mapping[str, str] | None = None,
                       taken: Sequence[Action] = ()) -> Refusal | None:
        """None if the pending event `event_id` can be answered with `choice_id` now, given the other answers
        (`choices`) and the orders `taken` this turn, else why not (a choice the office cannot pay for)."""
        pending = {self.rules.events[i].key: self.rules.events[i] for i in self.state.pending}
        ev = pending.get(event_id)
        if ev is None:
            return Refusal("not_pending", (event_id,))
        choice = next((c for c in ev.choices if c.key == choice_id), None)
        if choice is None:
            return Refusal("no_such_choice", (event_id, choice_id))
        if ev.choices[ev.default_choice].key == choice_id:
            return None  # the default is what happens when nobody decides: always possible, paid as far as it can be
        prestige = budget = 0.0
        for key, answer in (choices or {}).items():  # the other answers that are not their event's default
            other = pending.get(key)
            picked = next((n for n, c in enumerate(other.choices) if c.key == answer), None) if other else None
            if key != event_id and picked is not None and picked != other.default_choice:
                cost = other.choices[picked].cost
                prestige, budget = prestige + cost.prestige, budget + cost.budget
        if taken:  # and the orders, without the answers counted with them
            with_orders, answers = self._spent(taken, choices), self._spent((), choices)
            prestige, budget = prestige + with_orders[0] - answers[0], budget + with_orders[1] - answers[1]
        spent = (prestige, budget)
        office = self.state.office
        for resource, need, have in (("prestige", choice.cost.prestige, office.prestige - spent[0]),
                                     ("budget", choice.cost.budget, office.budget - spent[1])):
            if need and have < need:
                return Refusal("choice_unaffordable", (event_id, choice_id, resource, need, max(have, 0.0)))
        return None

    def _chosen(self, choices: Mapping[str, str]) -> list[ChoiceRule]:
        """The options that will be taken for the pending events: the player's, else each event's default."""
        out = []
        for idx in self.state.pending:
            ev = self.rules.events[idx]
            out.append(next((c for c in ev.choices if c.key == choices.get(ev.key)), ev.choices[ev.default_choice]))
        return out

    def _free(self, spent: tuple[float, float, int, int]) -> tuple[float, float, int, int, int]:
        """What is left after `spent`: prestige, budget, free envoys, free attention, and the attention capacity."""
        s, rules = self.state, self.rules
        capacity = rules.attention_capacity(s)
        return (s.office.prestige - spent[0], s.office.budget - spent[1],
                s.office.envoys - rules.envoys_busy(s) - spent[2],
                capacity - rules.attention_used(s) - spent[3], capacity)

    def _why_unaffordable(
        self, key: str, cost, attention: bool, free: tuple[float, float, int, int, int]
    ) -> Refusal | None:
        """Why the office cannot pay for it (`_affords`): the first resource short."""
        if _affords(cost, attention, free):
            return None
        if free[0] < cost.prestige:
            return Refusal("needs_prestige", (key, cost.prestige, free[0]))
        if free[1] < cost.budget:
            return Refusal("needs_budget", (key, cost.budget, free[1]))
        if free[2] < cost.envoys:
            return Refusal("needs_envoys", (key, cost.envoys, max(free[2], 0)))
        if attention and free[3] < 1:
            turn = min(self.state.turn, self.rules.turns - 1)
            return Refusal("no_attention", (free[4], self.rules.distraction_attention[turn]))
        return None

    def check(self, actions: Sequence[Action] = (), choices: Mapping[str, str] | None = None,
              decisions: Mapping[str, str] | None = None, answers: Iterable[tuple[str, str, str]] = ()) -> None:
        """Raise IllegalAction exactly when `step` with these orders would, without playing the turn: a server
        stores orders it has checked before it resolves them."""
        if self.done:
            raise IllegalAction(Refusal("game_over"))
        if actions or choices or self.state.pending:
            self._validate(actions, dict(choices or {}))
        if decisions:
            self._seated(decisions)
        if answers:
            self._answers(actions, answers)

    def questions(self, actions: Sequence[Action] = ()) -> list[seat_answers.Question]:
        """What the orders `actions` and the initiatives acting this turn put to the parties that decide, for
        their own players to answer (answers.py)."""
        return seat_answers.questions(self.rules, self.state, actions)

    # -- the turn --------------------------------------------------------------------------------------------
    def step(self, actions: Sequence[Action] = (), choices: Mapping[str, str] | None = None,
             decisions: Mapping[str, str] | None = None, answers: Iterable[tuple[str, str, str]] = ()
             ) -> TurnReport:
        """Resolve one turn with the player's actions and answers to pending events; return what happened.

        `decisions` (party id -> escalate, hold or step_back) are taken by players in those parties' seats: they
        replace those parties' own choices this turn (a facilitator's override still has the last word).
        `answers` ((party id, proposal or instrument id, answer), see answers.py) are those players' answers to
        what `actions` and the initiatives acting now put to them: each replaces the draw for that outcome."""
        if self.done:
            raise IllegalAction(Refusal("game_over"))
        choices = dict(choices or {})
        s, rules = self.state, self.rules
        if actions or choices or s.pending:
            self._validate(actions, choices)
        seated = self._seated(decisions) if decisions else None
        answers = tuple(sorted(tuple(a) for a in answers)) if answers else ()
        answered_in_seats = self._answers(actions, answers) if answers else None
        t = s.turn
        report = TurnReport(t, rules.iso_dates[t], [], [], [], {})
        ctx = Ctx(rules, s, self.dice, report, self.record, self.filter)
        if answered_in_seats:
            ctx.answers = answered_in_seats
        starts = [p.pressure for p in s.pairs]
        # what the world saw of the rungs yesterday: a secret crisis revealed today is a climb the world sees today
        rungs = [rules.world_rung(k, t - 1, p.rung) for k, p in enumerate(s.pairs)]
        support = opinion.mean_council(s)
        accepted = set(s.accepted) if actions else None  # to tell this turn's deals (only orders make them)
        answered = self._answer_pending(ctx, choices)
        for action in actions:
            self._launch(ctx, action)
        if s.initiatives:
            for ini in list(s.initiatives):
                if ini.matures <= t <= ini.ends:
                    instruments.act(ctx, ini, self._power(rules.instruments[ini.key]))
        forced = self._forced(ctx) if self.interventions else None
        if seated:
            forced = seated | (forced or {})
        parties.decide_all(ctx, forced)
        escalation.step_escalation(ctx, starts)
        self._resources(ctx)
        if s.initiatives:
            s.initiatives = [i for i in s.initiatives if i.ends > t]
        s.turn = t + 1
        if s.turn < rules.turns:
            nxt = Ctx(rules, s, self.dice, report, self.record)
            self._distraction_news(nxt, s.turn)
            events.fire_due(nxt)
            ctx.touched += nxt.touched
        if actions:
            deals = [rules.cause(PROPOSAL, a.use, (a.mode or "private", ACCEPTED)) for a in actions
                     if a.use in s.accepted and a.use not in accepted]
            opinion.update(ctx, opinion.public_causes(rules, actions, s, t), rungs, deals, support)
        else:
            opinion.update(ctx, (), rungs, (), support)
        s.history.append(intel.snapshot(s))
        s.intel.append(intel.log_row(s, ctx.touched, ctx.contacts))
        self._check_ending(report)
        self.inputs.append(TurnInput(tuple(actions), tuple(sorted(answered.items())) if answered else (),
                                     tuple(sorted(decisions.items())) if decisions else (), answers))
        self.reports.append(report)
        return report

    def play(self, turn_input: TurnInput) -> TurnReport:
        """Resolve one turn with a recorded input, every part of it (a replay's step)."""
        return self.step(turn_input.actions, dict(turn_input.choices), dict(turn_input.decisions),
                         turn_input.answers)

    def _power(self, ins) -> float:
        """An instrument's strength now: its number, or its expression read on this turn's state (within 0-5)."""
        if ins.power_expr is None:
            return ins.power
        value = float(ins.power_expr(self.state))
        return 0.0 if not value > 0.0 else min(value, MAX_POWER)

    # -- a facilitator's interventions ------------------------------------------------------------------------
    def why_not_intervene(self, intervention: Intervention) -> Refusal | None:
        """None if the intervention can be made now, between turns, else why not."""
        return facilitator.why_not(self.rules, self.state, self.state.turn, intervention)

    def intervene(self, intervention: Intervention) -> None:
        """Apply a facilitator's intervention before this turn is resolved, and keep it for saves and replays.

        An injected event fires now (recorded in the last turn's report, with a facilitator cause); an override
        forces a party's decision when this turn is resolved."""
        reason = self.why_not_intervene(intervention)
        if reason:
            raise IllegalAction(reason)
        self.interventions.append(intervention)
        if intervention.kind != facilitator.INJECT:
            return
        s = self.state
        report = facilitator.between_turns_report(self.reports, s.turn, self.rules.iso_dates[s.turn])
        ctx = Ctx(self.rules, s, self.dice, report, self.record)
        facilitator.inject(ctx, intervention.target, intervention.note)
        s.history[-1] = intel.snapshot(s)  # the state at the start of this turn now includes the event
        row = s.intel[-1]
        s.intel[-1] = intel.log_row(s, [*row.touched, *ctx.touched], list(row.contacts))
        self._check_ending(report)

    def _forced(self, ctx: Ctx) -> dict[int, str]:
        """The facilitator's overrides for this turn, announced in the turn's news."""
        for iv in self.interventions:
            if iv.kind == facilitator.OVERRIDE and iv.turn == ctx.turn:
                facilitator.announce_override(ctx, iv.target, facilitator.decision_of(iv.value), iv.note)
        return facilitator.forced(self.interventions, self.rules, ctx.turn)

    def _seated(self, decisions: Mapping[str, str]) -> dict[int, str]:
        """Party index -> decision for the decisions taken in parties' seats, or IllegalAction for a bad one."""
        out = {}
        for party, value in decisions.items():
            if party not in self.rules.party_ids or self.rules.party_ids.index(party) not in self.rules.deciders:
                raise IllegalAction(Refusal("not_a_party", (party,)))  # mediators and observers decide nothing
            decision = facilitator.decision_of(value)
            if decision not in facilitator.DECISIONS:
                raise IllegalAction(Refusal("bad_decision", (value,)))
            out[self.rules.party_ids.index(party)] = decision
        return out

    def _answers(self, actions: Sequence[Action], answers: Iterable[tuple[str, str, str]]
                 ) -> dict[tuple[int, str], bool]:
        """The answers given in parties' seats as the turn's context takes them, or IllegalAction for a bad one."""
        try:
            return seat_answers.seated(self.rules, self.state, actions, answers)
        except seat_answers.AnswerRefused as exc:
            raise IllegalAction(exc.refusal) from None

    def _validate(self, actions: Sequence[Action], choices: Mapping[str, str]) -> None:
        taken: list[Action] = []
        pending = {self.rules.events[i].key: self.rules.events[i] for i in self.state.pending}
        for ev_id, choice_id in choices.items():
            if ev_id not in pending:
                raise IllegalAction(Refusal("not_pending", (ev_id,)))
            ev = pending[ev_id]
            if choice_id not in {c.key for c in ev.choices}:
                raise IllegalAction(Refusal("no_such_choice", (ev_id, choice_id)))
            reason = self.why_not_choice(ev_id, choice_id, choices)
            if reason:
                raise IllegalAction(reason)
        # only the answers given other than the defaults must be affordable: a default is what happens when nobody
        # decides (a replay gives it as an answer), paid as far as the office can — else an event whose default
        # costs more than there is would stop the game
        asked = [c for e, k in choices.items() for n, c in enumerate(pending[e].choices)
                 if c.key == k and n != pending[e].default_choice]
        prestige, budget = sum(c.cost.prestige for c in asked), sum(c.cost.budget for c in asked)
        if prestige > self.state.office.prestige or budget > self.state.office.budget:
            raise IllegalAction(Refusal("answers_unaffordable", (prestige, budget)))
        for action in actions:
            reason = self.why_illegal(action, taken, choices)
            if reason:
                raise IllegalAction(reason)
            taken.append(action)

    def _answer_pending(self, ctx: Ctx, choices: Mapping[str, str]) -> dict[str, str]:
        answered: dict[str, str] = {}
        if not self.state.pending:
            return answered
        for idx in self.state.pending:
            ev = self.rules.events[idx]
            wanted = choices.get(ev.key)
            choice = next((c for c in ev.choices if c.key == wanted), None)
            if choice is None or not events.affordable(ctx, choice):
                choice = ev.choices[ev.default_choice]
            events.resolve_choice(ctx, ev, choice)
            answered[ev.key] = choice.key
        self.state.pending = []
        return answered

    def _launch(self, ctx: Ctx, action: Action) -> None:
        s, t = self.state, self.state.turn
        s.used[action.use] = s.used.get(action.use, 0) + 1
        if action.use in self.rules.proposals:
            prop = self.rules.proposals[action.use]
            instruments.record_launch(s, prop.key, prop.pair)
            cause = self.rules.cause(PROPOSAL, prop.key, (action.mode or "private",))
            self._pay(ctx, prop.cost, cause)
            float_proposal(ctx, prop, action.mode or "private")
            return
        ins = self.rules.instruments[action.use]
        cause = self.rules.cause(INSTRUMENT, ins.key, (action.target,) if action.target else ())
        self._pay(ctx, ins.cost, cause)
        if ins.kind == "wait":
            return
        target = self._target_index(ins.target, action.target)
        initiative = Initiative(
            ins.key, ins.kind, target, t, t + ins.delay, t + ins.delay + ins.duration - 1, ins.cost.envoys,
            int(ins.attention),
        )
        initiative.fatigue = instruments.fatigue(ctx, initiative)
        instruments.record_launch(s, ins.key, target)
        s.initiatives.append(initiative)
        if ins.public:  # the world's notice wears with repetition, as the effect does
            ctx.office("visibility", instruments.LAUNCH_VISIBILITY * initiative.fatigue, cause)

    @staticmethod
    def _pay(ctx: Ctx, cost, cause: Cause) -> None:
        if cost.prestige:
            ctx.office("prestige", -cost.prestige, cause)
        if cost.budget:
            ctx.office("budget", -cost.budget, cause)

    def _resources(self, ctx: Ctx) -> None:
        t = self.state.turn
        if self.rules.budget_income:
            ctx.office("budget", self.rules.budget_income, INCOME)
        drain = self.rules.distraction_budget[t]
        if drain:
            names = tuple(self.rules.distraction_names[t])
            ctx.office("budget", -drain, self.rules.cause(DISTRACTION, "budget", names))
        ctx.office("prestige", prestige_recovery(self.rules, self.state.office.prestige), RECOVERY)
        for track in self.rules.tracks:
            if track.per_turn is not None:
                ctx.apply(track.slot, "+=", float(track.per_turn(self.state)),
                          self.rules.cause(DYNAMICS, "track", (track.key,)))

    def _distraction_news(self, ctx: Ctx, t: int) -> None:
        for name in self.rules.distractions_new[t]:
            ctx.say("news", "distraction", (name,), Cause(DISTRACTION, "attention", (name,)))

    def _check_ending(self, report: TurnReport) -> None:
        end = reached(self.rules, self.state)
        if end is not None:
            self.state.ending = end.key
            report.ending = end.key
            events.choose_words(self.state, end.variants, f"ending:{end.key}")

    # -- scoring ---------------------------------------------------------------------------------------------
    def score(self) -> Score:
        """The final score against a no-intervention game on the same seed (only when the game is over)."""
        if not self.done:
            raise IllegalAction(Refusal("game_not_over"))
        return score(self.rules, self.state, self.baseline_state(), self._start_prestige)

    def baseline_state(self) -> GameState:
        """The final state of this world (same seed and dice) with a Secretary-General who does nothing."""
        return baseline(self.rules, self.seed, self.dice, record=False).state

    def score_against(self, baseline_state: GameState) -> Score:
        """The score against a baseline already played (batch tools share one baseline between games)."""
        if not self.done:
            raise IllegalAction(Refusal("game_not_over"))
        return score(self.rules, self.state, baseline_state, self._start_prestige)


def _affords(cost, attention: bool, free: tuple[float, float, int, int, int]) -> bool:
    """Whether what is `free` (Game._free) pays for `cost`, and for an attention slot if `attention`."""
    return not (free[0] < cost.prestige or free[1] < cost.budget or free[2] < cost.envoys
                or (attention and free[3] < 1))


def _moves(rules: Rules, key: str) -> list[Action]:
    """Every action of one instrument (one per target) or proposal (one per mode), made once per scenario: actions
    are immutable, and legal_actions hands the same ones out every turn."""
    moves = rules.moves.get(key)
    if moves is None:
        if key in rules.proposals:
            moves = [Action(key, None, m) for m in rules.proposals[key].modes]
        else:
            kind = rules.instruments[key].target
            targets = rules.pair_ids if kind == "pair" else rules.party_ids if kind == "party" else [None]
            moves = [Action(key, t) for t in targets]
        rules.moves[key] = moves
    return moves


def prestige_recovery(rules: Rules, prestige: float) -> float:
    """What the office's prestige recovers in a turn: the scenario's `prestige_recovery`, and its
    `prestige_rebound` share of what prestige has fallen below where it started — failures fade, so a deep fall
    comes back faster than a shallow one."""
    tuning = rules.tuning
    shortfall = rules.scenario.secretary_general.prestige - prestige
    return tuning.prestige_recovery + (tuning.prestige_rebound * shortfall if shortfall > 0 else 0.0)


def baseline(rules: Rules, seed: int, dice: Dice | None = None, *, record: bool = True) -> Game:
    """The same world with a Secretary-General who does nothing: events take their default choices."""
    game = Game(rules, seed, dice=dice, record=record)
    while not game.done:
        game.step()
    return game


def replay(rules: Rules, seed: int, inputs: Sequence[TurnInput], interventions: Sequence[Intervention] = ()
           ) -> Game:
    """Play the recorded inputs again from the start, with a facilitator's interventions at the turns they were
    made; the result is identical to the original game."""
    game = Game(rules, seed)
    for turn, turn_input in enumerate(inputs):
        intervene_at(game, interventions, turn)
        game.play(turn_input)
    intervene_at(game, interventions, len(inputs))
    return game


def intervene_at(game: Game, interventions: Sequence[Intervention], turn: int) -> None:
    """Make the recorded interventions of `turn` (in their order) on a game replayed to that turn."""
    for iv in interventions:
        if iv.turn == turn and not game.done:
            game.intervene(iv)
