"""The typed scenario model: what an author may write in a scenario YAML file.

Every field has a description (it becomes editor hover help through the JSON Schema). Structural rules live
here; rules that look across the file (references, dates, reachability) live in checks.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, StringConstraints, model_validator

from .names import INSTRUMENT_KINDS

Id = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=48),
    Field(description="An identifier: lower-case letters, digits and underscores, starting with a letter."),
]
Text = Annotated[StrictStr, StringConstraints(min_length=1, max_length=20000)]
ShortText = Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]
Expr = Annotated[
    StrictStr,
    StringConstraints(min_length=1, max_length=2000),
    Field(description="An expression in the scenario expression language (see docs/authoring.md)."),
]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
InstrumentKind = Literal[INSTRUMENT_KINDS]  # the built-in kinds, listed once in names.py


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Source(Node):
    """A published source the scenario relies on; events and notes cite it by id."""

    id: Id
    citation: Text = Field(description="Author, title, publisher or journal, year.")
    url: ShortText | None = Field(default=None, description="Where a reader can find it, if online.")


class Calendar(Node):
    """The real dates the game covers and how long one turn is."""

    start: dt.date = Field(description="First turn's date (YYYY-MM-DD).", examples=["1962-10-16"])
    end: dt.date = Field(description="Last turn's date (YYYY-MM-DD), inclusive.", examples=["1962-10-28"])
    turn_unit: Literal["day", "week", "month"] = Field(description="How much time one turn covers.")

    @model_validator(mode="after")
    def _ordered(self) -> Calendar:
        if self.end < self.start:
            raise ValueError("the calendar ends before it starts: 'end' must be on or after 'start'")
        return self


class Rung(Node):
    """One rung of the escalation ladder."""

    name: ShortText = Field(description="What this rung looks like, e.g. 'confrontation'.")
    threshold: StrictBool = Field(
        default=False,
        description="True when crossing up into this rung is hard (extra pressure) and sticky once crossed.",
    )


DEFAULT_LADDER: tuple[Rung, ...] = (
    Rung(name="stable peace"),
    Rung(name="tension"),
    Rung(name="crisis"),
    Rung(name="confrontation"),
    Rung(name="brink", threshold=True),
    Rung(name="armed clashes", threshold=True),
    Rung(name="war", threshold=True),
    Rung(name="catastrophe", threshold=True),
)


class Party(Node):
    """A state, movement or organisation whose decisions move the crisis."""

    id: Id
    name: ShortText
    kind: Literal["state", "movement", "organisation"] = "state"
    leader: ShortText | None = Field(default=None, description="Who decides for this party, for the briefing.")
    description: Text | None = Field(default=None, description="A paragraph for the briefing.")
    power: Unit = Field(default=0.5, description="Relative power; a large gap in a pair weakens mediation.")
    hostility: Unit = Field(description="Initial hostility (Richardson x): 0 calm, 1 bent on fighting.")
    restraint: Unit = Field(default=0.3, description="Richardson restraint m: how fast hostility decays.")
    grievance: Annotated[float, Field(ge=-1.0, le=1.0)] = Field(
        default=0.05, description="Richardson grievance g: a standing push per turn (negative calms)."
    )
    resolve: Unit = Field(default=0.5, description="How hard the party is to move once committed.")
    trust: Unit = Field(default=0.5, description="Trust in the Secretary-General's impartiality.")
    domestic_pressure: Unit = Field(default=0.3, description="Pressure at home against backing down.")
    receptivity: Unit = Field(default=0.5, description="Openness to third-party help.")
    intention: Literal["escalate", "hold", "settle"] = Field(
        default="hold", description="Hidden from the player: what the party really means to do."
    )


class Pair(Node):
    """Two parties in dispute; each pair has its own place on the escalation ladder."""

    id: Id
    between: Annotated[list[Id], Field(min_length=2, max_length=2)] = Field(description="The two party ids.")
    pressure: Annotated[float, Field(ge=0.0, le=20.0)] = Field(
        description="Initial escalation pressure in rungs (2.5 sits half-way up rung 2)."
    )
    reaction: Annotated[list[Unit], Field(min_length=2, max_length=2)] = Field(
        default=[0.3, 0.3],
        description="Richardson reaction (a, b): how strongly each side answers the other's hostility.",
    )
    momentum: Unit = Field(default=0.3, description="How much of last turn's movement carries over.")
    issue: Literal["resources", "ethnic", "ideology", "sovereignty", "security"] = Field(
        default="security", description="What the dispute is about; sets mediation's base success rate."
    )
    ladder: list[Rung] | None = Field(
        default=None, min_length=3, max_length=12, description="This pair's own ladder, if not the scenario's."
    )


class SecretaryGeneral(Node):
    """The player's office and starting resources."""

    name: ShortText = Field(description="The Secretary-General in office, e.g. 'U Thant'.")
    prestige: Annotated[float, Field(ge=0, le=100)] = Field(default=50, description="Political capital, 0-100.")
    envoys: Annotated[int, Field(ge=0, le=20)] = Field(default=2, description="Envoys and senior staff.")
    budget: Annotated[float, Field(ge=0, le=10000)] = Field(default=10, description="Discretionary money (US$m).")
    budget_per_turn: Annotated[float, Field(ge=0, le=1000)] = Field(default=0, description="Money added each turn.")
    attention: Annotated[int, Field(ge=1, le=10)] = Field(default=3, description="Initiatives that can run at once.")
    intelligence: Unit = Field(default=0.3, description="Quality of early warning: 0 blind, 1 perfect.")
    coordination: Unit = Field(default=0.5, description="Coordination among UN bodies and partners.")
    visibility: Unit = Field(default=0.3, description="How much the world is watching this crisis.")


class CouncilMember(Node):
    """A Security Council member whose vote matters for mandates, referrals and renewals."""

    id: Id
    name: ShortText
    permanent: StrictBool = Field(default=True, description="Permanent members can veto.")
    support: Unit = Field(description="Initial support for the Secretary-General's initiatives.")
    party: Id | None = Field(default=None, description="The party this member is, if it is one (e.g. usa).")


class Distraction(Node):
    """A highly visible emergency elsewhere that draws attention and money away from this crisis."""

    id: Id
    name: ShortText
    start: dt.date
    end: dt.date
    attention: Annotated[int, Field(ge=0, le=10)] = Field(default=1, description="Attention slots it takes.")
    budget_per_turn: Annotated[float, Field(ge=0, le=1000)] = Field(default=0, description="Money it drains.")
    source: Id | None = None


class Cost(Node):
    prestige: Annotated[float, Field(ge=0, le=100)] = 0
    budget: Annotated[float, Field(ge=0, le=10000)] = 0
    envoys: Annotated[int, Field(ge=0, le=10)] = 0


class Instrument(Node):
    """A built-in instrument offered in this scenario, optionally renamed and tuned."""

    use: InstrumentKind = Field(description="Which built-in instrument this is.")
    id: Id | None = Field(default=None, description="Id in this scenario; defaults to the value of 'use'.")
    name: ShortText | None = Field(default=None, description="Name shown to the player.")
    description: Text | None = None
    cost: Cost | None = Field(default=None, description="Overrides the built-in cost.")
    delay: Annotated[int, Field(ge=0, le=24)] | None = Field(default=None, description="Turns before effect.")
    duration: Annotated[int, Field(ge=1, le=48)] | None = Field(
        default=None, description="Turns an envoy or attention slot stays tied up."
    )
    power: Annotated[float, Field(ge=0, le=5)] = Field(default=1.0, description="Multiplier on the effect.")
    requires: Expr | None = Field(default=None, description="Condition under which it can be used.")
    available_from: dt.date | None = None
    available_until: dt.date | None = None

    @property
    def key(self) -> str:
        return self.id or self.use


class Proposal(Node):
    """A face-saving formula written for this scenario that the player can float privately or publicly."""

    id: Id
    name: ShortText
    text: Text
    pair: Id = Field(description="The pair it is put to.")
    modes: list[Literal["private", "public"]] = Field(default=["private", "public"], min_length=1)
    cost: Cost = Field(default_factory=Cost)
    requires: Expr | None = None
    acceptance: Unit = Field(default=0.4, description="Base chance both sides accept, before the state's effect.")
    on_accept: list[Expr] = Field(default_factory=list, description="Effects when accepted.")
    on_reject: list[Expr] = Field(default_factory=list, description="Effects when rejected.")
    source: Id | None = None


class Choice(Node):
    """An option the player is offered when an event fires."""

    id: Id
    label: ShortText
    text: Text | None = None
    cost: Cost = Field(default_factory=Cost)
    effects: list[Expr] = Field(default_factory=list)


class Event(Node):
    """Something that happens: on a date (scheduled), when a condition holds (triggered), or by chance (random)."""

    id: Id
    title: ShortText
    text: Text
    date: dt.date | None = Field(default=None, description="Scheduled: fires on the turn covering this date.")
    when: Expr | None = Field(default=None, description="Fires only when this condition holds.")
    chance: Annotated[float, Field(ge=0, le=1)] | Expr | None = Field(
        default=None, description="Chance per turn (a number or an expression) when the other conditions hold."
    )
    repeat: StrictBool = Field(default=False, description="May fire more than once (never twice in a turn).")
    public: StrictBool = Field(default=True, description="Public events raise the crisis's visibility.")
    effects: list[Expr] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list, max_length=6)
    default_choice: Id | None = Field(default=None, description="Chosen when the player does not choose.")
    source: Id | None = None
    invented: StrictBool = Field(default=False, description="True when the event is not historical.")

    @property
    def kind(self) -> str:
        if self.date is not None:
            return "scheduled"
        if self.chance is not None:
            return "random"
        return "triggered"

    @model_validator(mode="after")
    def _has_trigger(self) -> Event:
        if self.date is None and self.when is None and self.chance is None:
            raise ValueError("an event needs a 'date', a 'when' condition or a 'chance' to ever fire")
        return self


class Ending(Node):
    """One way the game can end. Endings are checked in file order after every turn."""

    id: Id
    title: ShortText
    rating: Literal["success", "partial", "failure"]
    text: Text
    when: Expr | None = Field(default=None, description="Ends the game as soon as this holds.")
    at_end: StrictBool = Field(
        default=False, description="Checked only when the calendar runs out (with 'when', if given)."
    )
    score: Annotated[float, Field(ge=-100, le=100)] | None = Field(
        default=None, description="Base score; defaults to 100 success, 40 partial, -100 failure."
    )

    @model_validator(mode="after")
    def _reachable_form(self) -> Ending:
        if self.when is None and not self.at_end:
            raise ValueError("an ending needs a 'when' condition or 'at_end: true'")
        return self


class Briefing(Node):
    situation: Text = Field(description="The situation as the player takes office in it.")
    aims: Text = Field(description="What the player is trying to achieve.")
    role: Text | None = Field(default=None, description="Who the player is in this story.")


class Note(Node):
    """What really happened, for the debrief."""

    date: dt.date
    text: Text
    source: Id | None = None


class Discussion(Node):
    """A pause point with a question for a class."""

    id: Id
    date: dt.date | None = None
    after_event: Id | None = None
    question: Text

    @model_validator(mode="after")
    def _anchored(self) -> Discussion:
        if (self.date is None) == (self.after_event is None):
            raise ValueError("a discussion point needs exactly one of 'date' or 'after_event'")
        return self


class GlossaryEntry(Node):
    term: ShortText
    definition: Text


class Action(Node):
    """One move of the player: an instrument or a proposal, with its target."""

    use: Id = Field(description="An instrument id or a proposal id.")
    target: Id | None = Field(default=None, description="A pair or party id, when the instrument needs one.")
    mode: Literal["private", "public"] | None = Field(default=None, description="For proposals.")


class HistoricalStep(Node):
    """What the real Secretary-General did on a date, for the 'historical' policy."""

    date: dt.date
    actions: list[Action] = Field(default_factory=list)
    choices: dict[Id, Id] = Field(default_factory=dict, description="Event id -> choice id taken that turn.")
    note: Text | None = None


class Tuning(Node):
    """Scenario-level tuning of the shared mechanics. Defaults suit most crises."""

    incident_rate: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0.04, description="Chance of a random incident per rung of escalation per turn."
    )
    incident_size: Annotated[float, Field(ge=0, le=5)] = Field(default=0.5, description="Pressure an incident adds.")
    threshold_margin: Annotated[float, Field(ge=0, le=2)] = Field(
        default=0.35, description="Extra pressure needed to cross a threshold rung, and held once crossed."
    )
    hostility_to_pressure: Annotated[float, Field(ge=0, le=2)] = Field(
        default=0.35, description="How fast a pair's pressure follows its parties' hostility."
    )
    step: Annotated[float, Field(gt=0, le=1)] = Field(
        default=0.5, description="Time step of the Richardson dynamics per turn."
    )
    intel_delay: Annotated[int, Field(ge=0, le=6)] = Field(
        default=2, description="Turns of delay in estimates at zero intelligence."
    )


class Scenario(Node):
    """A crisis the Secretary-General can face."""

    format: Literal[1] = Field(default=1, description="Version of the scenario format.")
    id: Id
    title: ShortText
    summary: Text
    period: ShortText = Field(description="The historical period in words, e.g. 'October 1962'.")
    authors: list[ShortText] = Field(min_length=1)
    licence: ShortText = Field(description="Licence of this file, e.g. 'CC-BY-4.0'.")
    difficulty: Literal["introductory", "standard", "hard"] = "standard"
    sources: list[Source] = Field(min_length=1)
    notes: Text | None = Field(default=None, description="Author's notes: what is invented, what is uncertain.")
    calendar: Calendar
    ladder: list[Rung] = Field(default_factory=lambda: list(DEFAULT_LADDER), min_length=3, max_length=12)
    parties: list[Party] = Field(min_length=2, max_length=16)
    pairs: list[Pair] = Field(min_length=1, max_length=24)
    secretary_general: SecretaryGeneral
    council: list[CouncilMember] = Field(default_factory=list, max_length=15)
    distractions: list[Distraction] = Field(default_factory=list)
    variables: dict[Id, float | StrictBool] = Field(
        default_factory=dict, description="Scenario variables (numbers or true/false) used by conditions."
    )
    instruments: list[Instrument] = Field(min_length=1)
    proposals: list[Proposal] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    endings: list[Ending] = Field(min_length=1)
    briefing: Briefing
    historical_notes: list[Note] = Field(default_factory=list)
    discussion: list[Discussion] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    historical_policy: list[HistoricalStep] = Field(default_factory=list)
    tuning: Tuning = Field(default_factory=Tuning)
