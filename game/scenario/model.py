"""The typed scenario model: what an author may write in a scenario YAML file.

Every field has a description (it becomes editor hover help through the JSON Schema). Structural rules live
here; rules that look across the file (references, dates, reachability) live in checks.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, StringConstraints, model_validator

from game.i18n import N_

from .limits import MAX_NUMBER
from .names import INSTRUMENT_KINDS, PARTY_ROLES

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
VariableNumber = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER)]
InstrumentKind = Literal[INSTRUMENT_KINDS]  # the built-in kinds, listed once in names.py
PartyRole = Literal[PARTY_ROLES]
MAX_VARIANTS = 8


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Source(Node):
    """A published source the scenario relies on; events and notes cite it by id."""

    id: Id = Field(
        description="Id of this source; events, proposals and notes cite it with 'source: ID'.",
        examples=["kennedy1969"],
    )
    citation: Text = Field(
        description="Author, title, publisher or journal, year.",
        examples=["R. F. Kennedy, Thirteen Days, W. W. Norton, 1969."],
    )
    url: ShortText | None = Field(
        default=None, description="Where a reader can find it, if online.", examples=["https://example.org/report"]
    )


class Calendar(Node):
    """The real dates the game covers and how long one turn is."""

    start: dt.date = Field(description="First turn's date (YYYY-MM-DD).", examples=["1962-10-16"])
    end: dt.date = Field(description="Last turn's date (YYYY-MM-DD), inclusive.", examples=["1962-10-28"])
    turn_unit: Literal["day", "week", "month"] = Field(
        description="How much time one turn covers: 'day', 'week' or 'month'.", examples=["day", "week"]
    )

    @model_validator(mode="after")
    def _ordered(self) -> Calendar:
        if self.end < self.start:
            raise ValueError("the calendar ends before it starts: 'end' must be on or after 'start'")
        return self


class Rung(Node):
    """One rung of the escalation ladder."""

    name: ShortText = Field(description="What this rung looks like, e.g. 'confrontation'.", examples=["brink"])
    threshold: StrictBool = Field(
        default=False,
        description="True when crossing up into this rung is hard (extra pressure) and sticky once crossed.",
        examples=[True],
    )


DEFAULT_LADDER: tuple[Rung, ...] = (
    Rung(name=N_("stable peace")),
    Rung(name=N_("tension")),
    Rung(name=N_("crisis")),
    Rung(name=N_("confrontation")),
    Rung(name=N_("brink"), threshold=True),
    Rung(name=N_("armed clashes"), threshold=True),
    Rung(name=N_("war"), threshold=True),
    Rung(name=N_("catastrophe"), threshold=True),
)


class ReactionLine(Node):
    """A line of reaction that only makes sense in part of the crisis: shown only on the turns from `from` to
    `until` (either may be left out)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, populate_by_name=True)

    text: ShortText = Field(description="What the party says or does.",
                            examples=["Some Soviet ships slow down and change course."])
    from_: dt.date | None = Field(
        default=None, alias="from", description="The first day the line may be shown (YYYY-MM-DD): for a line "
        "that speaks of something that has not happened before then.", examples=["1962-10-24"])
    until: dt.date | None = Field(
        default=None, description="The last day the line may be shown (YYYY-MM-DD): for a line that no longer fits "
        "after then.", examples=["1962-10-21"])

    def shown_on(self, day: dt.date) -> bool:
        """Whether the line may be shown on `day`."""
        return (self.from_ is None or day >= self.from_) and (self.until is None or day <= self.until)


ReactionLines = Annotated[list[ShortText | ReactionLine], Field(min_length=1, max_length=12)]


class Reactions(Node):
    """What a party says or does in reply to the Secretary-General, by situation, in the scenario's own words.

    After each turn the game finds each party's situation from what happened (the first that applies, in this
    order) and shows the next of its lines that may be shown on that date. A line is a text, or a text with the
    dates it is limited to: `{text: "...", from: 1962-10-24}`, `{text: "...", until: 1962-10-21}`."""

    accepted: ReactionLines | None = Field(
        default=None, description="It accepted your good offices or one of your proposals this turn.",
        examples=[["Moscow calls the formula 'a basis for a settlement'."]])
    rebuffed: ReactionLines | None = Field(
        default=None, description="It turned down your good offices, your proposal or your appeal this turn.",
        examples=[["Washington says the time for talking is past."]])
    pressed_publicly: ReactionLines | None = Field(
        default=None, description="You addressed it (or its dispute) in public: an appeal, a public proposal, a "
        "referral to the Council, a visit.", examples=[["The State Department calls the appeal 'even-handed to a "
                                                         "fault'."]])
    approached: ReactionLines | None = Field(
        default=None, description="You worked on it (or its dispute) in private: good offices, an envoy, Track "
        "II, a private proposal.", examples=[["Your envoy is received at once, and kept late."]])
    escalated: ReactionLines | None = Field(
        default=None, description="You did nothing that touched it, and it escalated.",
        examples=[["The ships sail on."]])
    stepped_back: ReactionLines | None = Field(
        default=None, description="You did nothing that touched it, and it stepped back.",
        examples=[["Twelve ships turn back in mid-Atlantic."]])
    quiet: ReactionLines | None = Field(
        default=None, description="You did nothing that touched it, and it held its position.",
        examples=[["No word from Havana."]])


class Party(Node):
    """A state, movement or organisation whose decisions move the crisis."""

    id: Id = Field(
        description="Id of the party, used in pairs and conditions (e.g. 'usa.hostility').", examples=["usa"]
    )
    name: ShortText = Field(description="Name shown to the player.", examples=["United States"])
    kind: Literal["state", "movement", "organisation"] = Field(
        default="state", description="What sort of actor it is: 'state', 'movement' or 'organisation'.",
        examples=["movement"],
    )
    leader: ShortText | None = Field(
        default=None, description="Who decides for this party, for the briefing.", examples=["John F. Kennedy"]
    )
    initials: Annotated[StrictStr, StringConstraints(pattern=r"^[^\W\d_]{1,3}$")] | None = Field(
        default=None,
        description="One to three letters for the leader's monogram on the party card; by default the initials "
                    "of the leader's first and last names, the same in every language.",
        examples=["JK"],
    )
    description: Text | None = Field(
        default=None, description="A paragraph for the briefing.", examples=["Upstream; built the dam for power."]
    )
    power: Unit = Field(
        default=0.5, description="Relative power, 0-1; a large gap in a pair weakens mediation.", examples=[0.6]
    )
    hostility: Unit = Field(
        description="Initial hostility (Richardson x), 0-1: 0 calm, 1 bent on fighting.", examples=[0.4]
    )
    restraint: Unit = Field(
        default=0.3, description="Richardson restraint m, 0-1: how fast hostility decays.", examples=[0.3]
    )
    grievance: Annotated[float, Field(ge=-1.0, le=1.0)] = Field(
        default=0.05,
        description="Richardson grievance g, -1 to 1: a standing push per turn (negative calms).",
        examples=[0.05, -0.02],
    )
    resolve: Unit = Field(
        default=0.5, description="How hard the party is to move once committed, 0-1.", examples=[0.7]
    )
    trust: Unit = Field(
        default=0.5, description="Trust in the Secretary-General's impartiality, 0-1.", examples=[0.5]
    )
    domestic_pressure: Unit = Field(
        default=0.3, description="Pressure at home against backing down, 0-1.", examples=[0.6]
    )
    receptivity: Unit = Field(default=0.5, description="Openness to third-party help, 0-1.", examples=[0.4])
    intention: Literal["escalate", "hold", "settle"] = Field(
        default="hold",
        description="Hidden from the player: what the party really means to do ('escalate', 'hold' or 'settle').",
        examples=["escalate"],
    )
    reactions: Reactions | None = Field(
        default=None,
        description="Lines of reaction the party's card shows after a turn, per situation (each a list; the game "
        "takes them in turn). A line that only fits part of the crisis gives its dates: {text: ..., from: DATE, "
        "until: DATE}. A situation left out, or with no line for the date, gets the game's own line.",
        examples=[{"approached": ["Khrushchev's reply is long, personal and unexpectedly warm."],
                   "pressed_publicly": ["Kennedy's aides say the appeal puts the aggressor and the victim on a par."]}],
    )
    role: PartyRole = Field(
        default="disputant",
        description="'disputant' (in pairs, decides every turn), 'mediator' (in no pair; strengthens your "
        "mediation on the pairs it mediates) or 'observer' (in no pair; decides nothing).",
        examples=["mediator"],
    )
    mediates: list[Id] = Field(
        default_factory=list,
        description="For a mediator: the pairs whose good offices, envoys and proposals it strengthens.",
        examples=[["north_south"]],
    )


class PairSecret(Node):
    """A dispute whose real place on the ladder is not known yet (a crisis kept secret): until `until` the player
    sees the rung the world sees, and no reading of the pressure; until `public` the world's attention and opinion
    follow that rung, not the real one."""

    until: dt.date = Field(
        description="The first date (YYYY-MM-DD) on which the office knows where the dispute really stands.",
        examples=["1962-10-20"],
    )
    rung: Annotated[int, Field(ge=0)] = Field(
        description="The rung the world sees until then (0 is the lowest).", examples=[1]
    )
    public: dt.date | None = Field(
        default=None,
        description="The first date on which the world knows it (default: `until`); from then on the world's "
        "attention and opinion follow the real rung, and its jump from `rung` counts as a climb seen that day.",
        examples=["1962-10-22"],
    )


class Pair(Node):
    """Two parties in dispute; each pair has its own place on the escalation ladder."""

    id: Id = Field(
        description="Id of the pair, used as an instrument target and in conditions (e.g. 'usa_ussr.rung').",
        examples=["usa_ussr"],
    )
    between: Annotated[list[Id], Field(min_length=2, max_length=2)] = Field(
        description="The two party ids.", examples=[["usa", "ussr"]]
    )
    pressure: Annotated[float, Field(ge=0.0, le=20.0)] = Field(
        description="Initial escalation pressure in rungs (2.5 sits half-way up rung 2).", examples=[2.5]
    )
    reaction: Annotated[list[Unit], Field(min_length=2, max_length=2)] = Field(
        default=[0.3, 0.3],
        description="Richardson reaction (a, b): how strongly each side answers the other's hostility.",
        examples=[[0.2, 0.3]],
    )
    momentum: Unit = Field(
        default=0.3, description="How much of last turn's movement carries over, 0-1.", examples=[0.3]
    )
    issue: Literal["resources", "ethnic", "ideology", "sovereignty", "security"] = Field(
        default="security",
        description="What the dispute is about; sets mediation's base success rate "
        "('resources', 'ethnic', 'ideology', 'sovereignty' or 'security').",
        examples=["resources"],
    )
    ladder: list[Rung] | None = Field(
        default=None,
        min_length=3,
        max_length=12,
        description="This pair's own ladder, if not the scenario's.",
        examples=[[{"name": "calm"}, {"name": "tension"}, {"name": "clashes", "threshold": True}]],
    )
    incidents_from: dt.date | None = Field(
        default=None,
        description="No random incidents between this pair before this date (YYYY-MM-DD), e.g. while a crisis is "
        "still secret; the scenario's own events still happen.",
        examples=["1962-10-22"],
    )
    secret: PairSecret | None = Field(
        default=None,
        description="While the crisis is secret: until `until`, the player sees `rung` (what the world sees) "
        "instead of the real rung, and no reading of the pressure; until `public`, the world's attention and "
        "opinion follow `rung`. The parties and the crisis itself run on the real rung.",
        examples=[{"until": "1962-10-20", "rung": 1, "public": "1962-10-22"}],
    )


class SecretaryGeneral(Node):
    """The player's office and starting resources."""

    name: ShortText = Field(description="The Secretary-General in office, e.g. 'U Thant'.", examples=["U Thant"])
    prestige: Annotated[float, Field(ge=0, le=100)] = Field(
        default=50, description="Political capital, 0-100: pays for initiatives and scales their effect.",
        examples=[55],
    )
    envoys: Annotated[int, Field(ge=0, le=20)] = Field(
        default=2, description="Envoys and senior staff, a whole number.", examples=[2]
    )
    budget: Annotated[float, Field(ge=0, le=10000)] = Field(
        default=10, description="Discretionary money (US$m).", examples=[12]
    )
    budget_per_turn: Annotated[float, Field(ge=0, le=1000)] = Field(
        default=0, description="Money added each turn (US$m).", examples=[0.5]
    )
    attention: Annotated[int, Field(ge=1, le=10)] = Field(
        default=3, description="Initiatives that can run at once, a whole number.", examples=[2]
    )
    intelligence: Unit = Field(
        default=0.3, description="Quality of early warning, 0-1: 0 blind, 1 perfect.", examples=[0.35]
    )
    coordination: Unit = Field(
        default=0.5, description="Coordination among UN bodies and partners, 0-1.", examples=[0.5]
    )
    visibility: Unit = Field(
        default=0.3, description="How much the world is watching this crisis, 0-1.", examples=[0.25]
    )


class CouncilMember(Node):
    """A Security Council member whose vote matters for mandates, referrals and renewals."""

    id: Id = Field(description="Id of the member, used in conditions as 'council.ID'.", examples=["china"])
    name: ShortText = Field(description="Name shown to the player.", examples=["China"])
    permanent: StrictBool = Field(
        default=True, description="Permanent members can veto; false for an elected member.", examples=[False]
    )
    support: Unit = Field(
        description="Initial support for the Secretary-General's initiatives, 0-1.", examples=[0.55]
    )
    party: Id | None = Field(
        default=None, description="The party this member is, if it is one (e.g. usa).", examples=["usa"]
    )


class Distraction(Node):
    """A highly visible emergency elsewhere that draws attention and money away from this crisis."""

    id: Id = Field(description="Id of the distraction.", examples=["earthquake"])
    name: ShortText = Field(description="What it is, as shown to the player.", examples=["Earthquake relief"])
    start: dt.date = Field(description="First day it draws attention (YYYY-MM-DD).", examples=["2030-04-01"])
    end: dt.date = Field(description="Last day it draws attention (YYYY-MM-DD).", examples=["2030-04-21"])
    attention: Annotated[int, Field(ge=0, le=10)] = Field(
        default=1, description="Attention slots it takes while it lasts.", examples=[1]
    )
    budget_per_turn: Annotated[float, Field(ge=0, le=1000)] = Field(
        default=0, description="Money it drains each turn (US$m).", examples=[0.5]
    )
    source: Id | None = Field(default=None, description="Id of the source it rests on.", examples=["un_yearbook"])


class Cost(Node):
    """What using something costs the office."""

    prestige: Annotated[float, Field(ge=0, le=100)] = Field(
        default=0, description="Prestige spent, 0-100.", examples=[6]
    )
    budget: Annotated[float, Field(ge=0, le=10000)] = Field(
        default=0, description="Money spent (US$m).", examples=[1.5]
    )
    envoys: Annotated[int, Field(ge=0, le=10)] = Field(
        default=0, description="Envoys tied up, a whole number.", examples=[1]
    )


class Instrument(Node):
    """A built-in instrument offered in this scenario, optionally renamed and tuned."""

    use: InstrumentKind = Field(description="Which built-in instrument this is.", examples=["good_offices"])
    id: Id | None = Field(
        default=None, description="Id in this scenario; defaults to the value of 'use'.", examples=["quiet_talks"]
    )
    name: ShortText | None = Field(
        default=None, description="Name shown to the player.", examples=["Quiet talks in Geneva"]
    )
    description: Text | None = Field(
        default=None, description="A sentence shown with the instrument.", examples=["Meet both foreign ministers."]
    )
    cost: Cost | None = Field(
        default=None, description="Overrides the built-in cost.", examples=[{"prestige": 4, "budget": 1}]
    )
    delay: Annotated[int, Field(ge=0, le=24)] | None = Field(
        default=None, description="Turns before effect (overrides the built-in delay).", examples=[1]
    )
    duration: Annotated[int, Field(ge=1, le=48)] | None = Field(
        default=None, description="Turns an envoy or attention slot stays tied up.", examples=[3]
    )
    power: Annotated[float, Field(ge=0, le=5)] | Expr = Field(
        default=1.0,
        description="Multiplier on the effect (1 = built-in strength): a number, or an expression read each turn "
        "the instrument acts (kept within 0-5).",
        examples=[0.8, "1.4 if talks_open else 0.8"],
    )
    requires: Expr | None = Field(
        default=None, description="Condition under which it can be used.", examples=["usa_ussr.rung >= 2"]
    )
    requires_label: ShortText | None = Field(
        default=None,
        description="The condition in plain words, as the player reads it (otherwise the game words it itself).",
        examples=["once the crisis is at least a confrontation"],
    )
    available_from: dt.date | None = Field(
        default=None, description="First date it can be used (YYYY-MM-DD).", examples=["1962-10-22"]
    )
    available_until: dt.date | None = Field(
        default=None, description="Last date it can be used (YYYY-MM-DD).", examples=["1962-10-27"]
    )

    @property
    def key(self) -> str:
        return self.id or self.use


class Proposal(Node):
    """A face-saving formula written for this scenario that the player can float privately or publicly."""

    id: Id = Field(description="Id of the proposal, used in 'accepted.ID'.", examples=["trade_missiles"])
    name: ShortText = Field(description="Short name shown to the player.", examples=["A missile trade"])
    text: Text = Field(
        description="The formula in full, as the parties would read it.",
        examples=["Missiles out of Cuba, in exchange for a pledge not to invade."],
    )
    pair: Id = Field(description="The pair it is put to.", examples=["usa_ussr"])
    modes: list[Literal["private", "public"]] = Field(
        default=["private", "public"],
        min_length=1,
        description="How it may be floated: 'private', 'public' or both.",
        examples=[["private"]],
    )
    cost: Cost = Field(default_factory=Cost, description="What floating it costs.", examples=[{"prestige": 6}])
    requires: Expr | None = Field(
        default=None, description="Condition under which it can be floated.", examples=["usa_ussr.rung <= 4"]
    )
    requires_label: ShortText | None = Field(
        default=None,
        description="The condition in plain words, as the player reads it (otherwise the game words it itself).",
        examples=["while the parties are not yet at the brink"],
    )
    acceptance: Unit = Field(
        default=0.4, description="Base chance both sides accept, 0-1, before the state's effect.", examples=[0.45]
    )
    on_accept: list[Expr] = Field(
        default_factory=list, description="Effects when accepted.", examples=[["usa_ussr.pressure -= 1.2"]]
    )
    on_reject: list[Expr] = Field(
        default_factory=list, description="Effects when rejected.", examples=[["prestige -= 4"]]
    )
    source: Id | None = Field(default=None, description="Id of the source it rests on.", examples=["kennedy1969"])


class Variant(Node):
    """Other words for an event or an ending, used when a condition holds at the moment it happens."""

    when: Expr = Field(description="Use these words when this condition holds.", examples=["deal"])
    title: ShortText | None = Field(
        default=None, description="The headline in this case (else the usual one).", examples=["Ships hold back"]
    )
    text: Text | None = Field(
        default=None, description="The text in this case (else the usual one).",
        examples=["With a deal agreed, the ships stay in port."],
    )

    @model_validator(mode="after")
    def _says_something(self) -> Variant:
        if self.title is None and self.text is None:
            raise ValueError("a variant needs words to use when its condition holds: add a 'title' or a 'text'")
        return self


class ChoiceVariant(Node):
    """Other words for a choice, used when a condition holds as its event fires."""

    when: Expr = Field(description="Use these words when this condition holds.", examples=["fired.inspectors"])
    label: ShortText | None = Field(
        default=None, description="The button's text in this case (else the usual one).",
        examples=["Press again for inspectors"],
    )
    text: Text | None = Field(
        default=None, description="The sentence in this case (else the usual one).",
        examples=["They said no once already."],
    )

    @model_validator(mode="after")
    def _says_something(self) -> ChoiceVariant:
        if self.label is None and self.text is None:
            raise ValueError("a variant needs words to use when its condition holds: add a 'label' or a 'text'")
        return self


class Choice(Node):
    """An option the player is offered when an event fires."""

    id: Id = Field(description="Id of the choice, used in 'chose.EVENT.CHOICE'.", examples=["call_restraint"])
    label: ShortText = Field(description="The button's text.", examples=["Call both sides to restraint"])
    text: Text | None = Field(
        default=None, description="A sentence saying what this choice means.", examples=["A short statement."]
    )
    cost: Cost = Field(
        default_factory=Cost,
        description="What choosing it costs; a choice the office cannot pay for cannot be taken.",
        examples=[{"prestige": 2}],
    )
    effects: list[Expr] = Field(
        default_factory=list, description="Effects when chosen.", examples=[["north_south.pressure -= 0.2"]]
    )
    variants: list[ChoiceVariant] = Field(
        default_factory=list,
        max_length=MAX_VARIANTS,
        description="Other labels or texts, checked in order as the event fires; the first whose 'when' holds is "
        "used.",
        examples=[[{"when": "fired.inspectors", "label": "Press again for inspectors"}]],
    )
    invented: StrictBool = Field(
        default=False, description="True when this option is not one the real decision-maker had.", examples=[True]
    )


class Event(Node):
    """Something that happens: on a date (scheduled), when a condition holds (triggered), or by chance (random)."""

    id: Id = Field(description="Id of the event, used in 'fired.ID'.", examples=["border_shooting"])
    title: ShortText = Field(description="Headline shown to the player.", examples=["Shots at the dam"])
    text: Text = Field(
        description="What happened, in a few sentences.", examples=["A patrol and border guards exchange fire."]
    )
    date: dt.date | None = Field(
        default=None, description="Scheduled: fires on the turn covering this date.", examples=["1962-10-22"]
    )
    until: dt.date | None = Field(
        default=None,
        description="With 'date': when 'when' is false on the date, the event may still fire on the first later "
        "turn, up to this date, on which it holds (without 'until' it is skipped).",
        examples=["1962-10-26"],
    )
    when: Expr | None = Field(
        default=None, description="Fires only when this condition holds.", examples=["north_south.rung >= 3"]
    )
    chance: Annotated[float, Field(ge=0, le=1)] | Expr | None = Field(
        default=None,
        description="Chance per turn (a number or an expression) when the other conditions hold.",
        examples=[0.2, "0.1 + 0.05 * north_south.rung"],
    )
    repeat: StrictBool = Field(
        default=False, description="May fire more than once (never twice in a turn).", examples=[True]
    )
    public: StrictBool = Field(
        default=True, description="Public events raise the crisis's visibility.", examples=[False]
    )
    effects: list[Expr] = Field(
        default_factory=list, description="Effects when it fires.", examples=[["north.hostility += 0.05"]]
    )
    choices: list[Choice] = Field(
        default_factory=list,
        max_length=6,
        description="Options offered to the player when it fires (at most 6).",
        examples=[[{"id": "speak", "label": "Speak out"}, {"id": "wait", "label": "Wait"}]],
    )
    default_choice: Id | None = Field(
        default=None, description="Chosen when the player does not choose.", examples=["wait"]
    )
    source: Id | None = Field(default=None, description="Id of the source it rests on.", examples=["kennedy1969"])
    invented: StrictBool = Field(
        default=False, description="True when the event is not historical.", examples=[True]
    )
    variants: list[Variant] = Field(
        default_factory=list,
        max_length=MAX_VARIANTS,
        description="Other titles or texts, checked in order as the event fires (before its effects); the first "
        "whose 'when' holds is used.",
        examples=[[{"when": "deal", "title": "The ships stay in port"}]],
    )

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
        if self.until is not None and self.date is None:
            raise ValueError("'until' needs a 'date' (it lets a scheduled event fire later); add one, or for a "
                             "triggered event write the limit in 'when', e.g. 'date <= 1962-10-26'")
        if self.until is not None and self.date is not None and self.until < self.date:
            raise ValueError("'until' is before 'date'; put it on or after the event's date")
        return self


class Ending(Node):
    """One way the game can end. Endings are checked in file order after every turn."""

    id: Id = Field(description="Id of the ending.", examples=["war"])
    title: ShortText = Field(description="Headline of the ending.", examples=["War on the river"])
    rating: Literal["success", "partial", "failure"] = Field(
        description="How the ending counts: 'success', 'partial' or 'failure'.", examples=["failure"]
    )
    text: Text = Field(
        description="What the player reads when the game ends this way.", examples=["The army crosses the border."]
    )
    when: Expr | None = Field(
        default=None, description="Ends the game as soon as this holds.", examples=["north_south.rung >= 6"]
    )
    at_end: StrictBool = Field(
        default=False, description="Checked only when the calendar runs out (with 'when', if given).", examples=[True]
    )
    score: Annotated[float, Field(ge=-100, le=100)] | None = Field(
        default=None, description="Base score, -100 to 100; defaults to 100 success, 40 partial, -100 failure.",
        examples=[60],
    )
    variants: list[Variant] = Field(
        default_factory=list,
        max_length=MAX_VARIANTS,
        description="Other titles or texts, checked in order when the game ends this way; the first whose 'when' "
        "holds is used.",
        examples=[[{"when": "not verified", "text": "The missiles leave, and nobody checks."}]],
    )

    @model_validator(mode="after")
    def _reachable_form(self) -> Ending:
        if self.when is None and not self.at_end:
            raise ValueError("an ending needs a 'when' condition or 'at_end: true'")
        return self


class Track(Node):
    """A measure of progress that is not escalation (voters registered, refugees returned, troops withdrawn)."""

    id: Id = Field(
        description="Id of the track, read and set in expressions by this name (e.g. 'registered += 5').",
        examples=["registered"],
    )
    name: ShortText = Field(description="Label shown to the player.", examples=["Voters registered"])
    description: Text | None = Field(
        default=None, description="A sentence saying what it measures.",
        examples=["Share of eligible voters on the roll, in per cent."],
    )
    min: Annotated[float, Field(ge=-1e6, le=1e6)] = Field(default=0, description="Lowest value.", examples=[0])
    max: Annotated[float, Field(ge=-1e6, le=1e6)] = Field(default=100, description="Highest value.", examples=[100])
    start: Annotated[float, Field(ge=-1e6, le=1e6)] | None = Field(
        default=None, description="Value at the start (default: 'min').", examples=[10]
    )
    unit: Annotated[StrictStr, StringConstraints(min_length=1, max_length=20)] | None = Field(
        default=None, description="Unit written after the value, e.g. '%' or 'thousand'.", examples=["%"]
    )
    visibility: Literal["exact", "estimated", "hidden"] = Field(
        default="exact",
        description="What the player sees during the game: 'exact', 'estimated' (a late, noisy estimate like "
        "the parties' numbers) or 'hidden' (revealed in the debrief).",
        examples=["estimated"],
    )
    per_turn: Expr | None = Field(
        default=None,
        description="Added to the track at the end of every turn (an expression; negative to fall).",
        examples=["2 + 3 * (north_south.rung <= 2)"],
    )

    @property
    def initial(self) -> float:
        return self.min if self.start is None else self.start

    @model_validator(mode="after")
    def _range(self) -> Track:
        if self.max <= self.min:
            raise ValueError("a track's 'max' must be above its 'min'; change one of them")
        if not self.min <= self.initial <= self.max:
            raise ValueError(f"'start' ({self.initial:g}) must lie between 'min' ({self.min:g}) and 'max' "
                             f"({self.max:g}); change 'start'")
        return self


class Briefing(Node):
    """What the player reads before the first turn."""

    situation: Text = Field(
        description="The situation as the player takes office in it.", examples=["Both armies are on the river."]
    )
    aims: Text = Field(description="What the player is trying to achieve.", examples=["Keep the peace until May."])
    role: Text | None = Field(
        default=None, description="Who the player is in this story.", examples=["You are the Secretary-General."]
    )


class Note(Node):
    """What really happened, for the debrief."""

    date: dt.date = Field(description="When it happened (YYYY-MM-DD).", examples=["1962-10-27"])
    text: Text = Field(description="What really happened.", examples=["U Thant's appeal gave both sides time."])
    source: Id | None = Field(default=None, description="Id of the source it rests on.", examples=["kennedy1969"])


class Discussion(Node):
    """A pause point with a question for a class."""

    id: Id = Field(description="Id of the discussion point.", examples=["quiet_or_loud"])
    date: dt.date | None = Field(
        default=None, description="Pause on the turn covering this date (or use 'after_event').",
        examples=["2030-03-25"],
    )
    after_event: Id | None = Field(
        default=None, description="Pause after this event fires (or use 'date').", examples=["border_shooting"]
    )
    question: Text = Field(description="The question for the class.", examples=["Speak publicly or privately?"])

    @model_validator(mode="after")
    def _anchored(self) -> Discussion:
        if (self.date is None) == (self.after_event is None):
            raise ValueError("a discussion point needs exactly one of 'date' or 'after_event'")
        return self


class GlossaryEntry(Node):
    """A term explained for the player."""

    term: ShortText = Field(description="The term.", examples=["Good offices"])
    definition: Text = Field(
        description="What it means, in a sentence or two.",
        examples=["The Secretary-General's personal help in bringing parties to talk."],
    )


class Action(Node):
    """One move of the player: an instrument or a proposal, with its target."""

    use: Id = Field(description="An instrument id or a proposal id.", examples=["good_offices"])
    target: Id | None = Field(
        default=None, description="A pair or party id, when the instrument needs one.", examples=["usa_ussr"]
    )
    mode: Literal["private", "public"] | None = Field(
        default=None, description="For proposals: 'private' or 'public'.", examples=["private"]
    )


class HistoricalStep(Node):
    """What the real Secretary-General did on a date, for the 'historical' policy."""

    date: dt.date = Field(description="The turn covering this date (YYYY-MM-DD).", examples=["1962-10-24"])
    actions: list[Action] = Field(
        default_factory=list,
        description="What was done that turn.",
        examples=[[{"use": "good_offices", "target": "usa_ussr"}]],
    )
    choices: dict[Id, Id] = Field(
        default_factory=dict,
        description="Event id -> choice id taken that turn.",
        examples=[{"border_shooting": "call_restraint"}],
    )
    note: Text | None = Field(
        default=None, description="What the record says about it.", examples=["U Thant's first appeal."]
    )


class Tuning(Node):
    """Scenario-level tuning of the shared mechanics. Defaults suit most crises."""

    incident_rate: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0.04, description="Chance of a random incident per rung of escalation per turn.", examples=[0.03]
    )
    incident_size: Annotated[float, Field(ge=0, le=5)] = Field(
        default=0.5, description="Pressure an incident adds, in rungs.", examples=[0.4]
    )
    threshold_margin: Annotated[float, Field(ge=0, le=2)] = Field(
        default=0.35,
        description="Extra pressure needed to cross a threshold rung, and held once crossed.",
        examples=[0.5],
    )
    hostility_to_pressure: Annotated[float, Field(ge=0, le=2)] = Field(
        default=0.35, description="How fast a pair's pressure follows its parties' hostility.", examples=[0.3]
    )
    step: Annotated[float, Field(gt=0, le=1)] = Field(
        default=0.5, description="Time step of the Richardson dynamics per turn.", examples=[0.5]
    )
    intel_delay: Annotated[int, Field(ge=0, le=6)] = Field(
        default=2, description="Turns of delay in estimates at zero intelligence.", examples=[2]
    )
    prestige_recovery: Annotated[float, Field(ge=0, le=10)] = Field(
        default=0.5, description="Prestige the office recovers every turn.", examples=[1.0]
    )
    prestige_rebound: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0.0,
        description="Share of what prestige has fallen below its starting level that comes back every turn, as "
        "failures fade from memory.",
        examples=[0.06],
    )


OpinionWeight = Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)]


class OpinionLevels(Node):
    """Where each audience of world opinion starts: its regard for the Secretary-General, 0-1 (0.5 neutral)."""

    nonaligned: Unit = Field(default=0.5, description="The non-aligned and smaller states of the General Assembly.",
                             examples=[0.6])
    press: Unit = Field(default=0.5, description="The world's press.", examples=[0.5])
    council: Unit = Field(default=0.5, description="The Security Council as a body.", examples=[0.4])


class OpinionWeights(Node):
    """How strongly one kind of happening moves each audience of world opinion (-1 to 1 per unit); an audience
    left out keeps the game's default (docs/model.md, "World opinion")."""

    nonaligned: OpinionWeight | None = Field(default=None, description="Effect on the non-aligned.",
                                             examples=[0.05])
    press: OpinionWeight | None = Field(default=None, description="Effect on the press.", examples=[0.06])
    council: OpinionWeight | None = Field(default=None, description="Effect on the Council.", examples=[-0.01])


class WorldOpinion(Node):
    """The wider world's regard for the Secretary-General (docs/model.md, "World opinion"): it moves with the
    player's public moves, with the crisis as the world sees it, and with deals, each scaled by visibility, and
    fades back toward where it started. Defaults suit most crises."""

    start: OpinionLevels = Field(default_factory=OpinionLevels, description="Where each audience starts.",
                                 examples=[{"nonaligned": 0.6, "council": 0.45}])
    public_move: OpinionWeights = Field(
        default_factory=OpinionWeights,
        description="Gained per public move (appeal, referral, visit, public proposal…), at average visibility; "
        "the defaults are 0.1 (non-aligned), 0.12 (press) and -0.02 (Council).",
        examples=[{"nonaligned": 0.08, "press": 0.06, "council": -0.03}])
    escalation: OpinionWeights = Field(
        default_factory=OpinionWeights,
        description="Lost per rung a dispute climbs (gained per rung it comes down), at full visibility; the "
        "defaults are 0.08, 0.1 and 0.05.",
        examples=[{"nonaligned": 0.06, "press": 0.08, "council": 0.02}])
    deal: OpinionWeights = Field(
        default_factory=OpinionWeights,
        description="Gained per proposal of yours accepted, at average visibility; the defaults are 0.12, 0.12 "
        "and 0.1.",
        examples=[{"nonaligned": 0.1, "press": 0.1, "council": 0.08}])
    council_follow: Annotated[float, Field(ge=0.0, le=2.0)] = Field(
        default=0.6, description="How far the Council's regard follows a change in its members' mean support.",
        examples=[0.5])
    memory: Annotated[float, Field(ge=0.0, le=1.0)] = Field(
        default=0.08, description="Share of the way back to where each audience started, every turn.",
        examples=[0.1])


# ------------------------------------------------------------------------------------------------- the map
Lon = Annotated[float, Field(ge=-180.0, le=180.0)]
Lat = Annotated[float, Field(ge=-85.0, le=85.0)]
LonLat = Annotated[tuple[Lon, Lat], Field(description="A point as [longitude, latitude] in degrees (east and north "
                                                        "positive).", examples=[[-82.38, 23.13]])]
MapColour = Literal["accent", "good", "warn", "danger", "muted", "text", "party"]


class MapRegion(Node):
    """The part of the world the map shows, in degrees; the view widens it to fill the screen's shape."""

    west: Lon = Field(description="Western edge (longitude).", examples=[-88.0])
    east: Lon = Field(description="Eastern edge (longitude).", examples=[-72.0])
    south: Lat = Field(description="Southern edge (latitude).", examples=[18.0])
    north: Lat = Field(description="Northern edge (latitude).", examples=[30.0])

    @model_validator(mode="after")
    def _ordered(self) -> MapRegion:
        if self.east <= self.west:
            raise ValueError("the map region's 'east' must be greater than its 'west'")
        if self.north <= self.south:
            raise ValueError("the map region's 'north' must be greater than its 'south'")
        return self


class MapChange(Node):
    """A change to a map feature while a condition holds; later changes in the list win over earlier ones."""

    when: Expr = Field(description="Condition under which the change applies.", examples=["date >= 1962-10-24"])
    at: LonLat | None = Field(default=None, description="A place's position while the condition holds.",
                              examples=[[-66.9, 27.0]])
    points: list[LonLat] | None = Field(
        default=None, min_length=2, description="A line's or area's points while the condition holds.",
        examples=[[[-80.0, 26.0], [-72.0, 21.0]]],
    )
    colour: MapColour | None = Field(
        default=None, description="Colour while the condition holds (a palette role).", examples=["good"]
    )
    label: ShortText | None = Field(default=None, description="Label while the condition holds.",
                                    examples=["Ships turned back"])


class MapFeature(Node):
    """What places, lines and areas share: an id, a label, a condition for being shown, changes."""

    id: Id = Field(description="Id of the feature (unique within the map).", examples=["havana"])
    name: ShortText = Field(description="The label shown on the map.", examples=["Havana"])
    when: Expr | None = Field(default=None, description="Shown only while this condition holds (always if absent).",
                              examples=["date >= 1962-10-24"])
    colour: MapColour | None = Field(
        default=None,
        description="A palette role: accent, good, warn, danger, muted, text, or 'party' (the party's stance).",
        examples=["danger"],
    )
    changes: list[MapChange] = Field(default_factory=list, max_length=16,
                                     description="Position, colour or label changes, each under a condition.",
                                     examples=[[{"when": "ships_held", "at": [-63.2, 28.6], "colour": "good"}]])


class MapPlace(MapFeature):
    """A point on the map: a capital, a city, a base, a UN post, a ship."""

    at: LonLat = Field(description="Where it is, as [longitude, latitude].", examples=[[-82.38, 23.13]])
    kind: Literal["capital", "city", "base", "post", "ship", "site"] = Field(
        default="city", description="How it is drawn: capital, city, base, post (a UN post), ship or site.",
        examples=["capital"],
    )
    label: Literal["auto", "right", "left", "above", "below"] = Field(
        default="auto", description="Where the label goes; 'auto' picks a side that overlaps nothing.",
        examples=["left"],
    )


class MapLine(MapFeature):
    """A line: a border, a ceasefire line, a blockade, a route."""

    points: list[LonLat] = Field(min_length=2, max_length=200, description="The line's points, in order.",
                                 examples=[[[-80.0, 26.0], [-72.0, 21.0]]])
    style: Literal["solid", "dashed"] = Field(default="solid", description="'solid' or 'dashed'.",
                                              examples=["dashed"])


class MapArea(MapFeature):
    """A shaded area: a zone, a province, or (with 'land: true') invented geography drawn as land."""

    points: list[LonLat] = Field(min_length=3, max_length=400, description="The outline's points, in order.",
                                 examples=[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]])
    party: Id | None = Field(default=None, description="The party whose territory this is (shaded by its stance).",
                             examples=["lowmark"])
    land: StrictBool = Field(default=False, description="Drawn as land with a coast (for invented geography).",
                             examples=[True])


class Territory(Node):
    """Which Natural Earth countries are a party's territory, shaded on the map by the party's stance."""

    party: Id = Field(description="The party.", examples=["cuba"])
    countries: list[ShortText] = Field(min_length=1, description="Country names as Natural Earth spells them.",
                                       examples=[["Cuba"]])


class MapBlock(Node):
    """The map of the theatre: the region, its places, lines and areas, and whose territory is whose."""

    region: MapRegion = Field(description="The part of the world to show.",
                              examples=[{"west": -88, "east": -72, "south": 18, "north": 30}])
    base: Literal["natural_earth", "none"] = Field(
        default="natural_earth",
        description="'natural_earth' draws real coasts and borders; 'none' draws only the scenario's areas "
                    "(invented geography).",
        examples=["none"],
    )
    caption: ShortText | None = Field(default=None, description="A line under the map, e.g. a note on borders.",
                                      examples=["Borders as of today"])
    territories: list[Territory] = Field(default_factory=list, description="Parties' countries.",
                                         examples=[[{"party": "cuba", "countries": ["Cuba"]}]])
    areas: list[MapArea] = Field(
        default_factory=list, max_length=40, description="Shaded areas, drawn first.",
        examples=[[{"id": "zone", "name": "Buffer zone", "points": [[0, 0], [1, 0], [1, 1]], "colour": "accent"}]])
    lines: list[MapLine] = Field(
        default_factory=list, max_length=40, description="Lines, drawn over the areas.",
        examples=[[{"id": "border", "name": "Border", "points": [[0, 0], [1, 1]], "style": "dashed"}]])
    places: list[MapPlace] = Field(
        default_factory=list, max_length=60, description="Places, drawn on top.",
        examples=[[{"id": "havana", "name": "Havana", "at": [-82.38, 23.13], "kind": "capital"}]])


class Scenario(Node):
    """A crisis the Secretary-General can face."""

    format: Literal[1] = Field(default=1, description="Version of the scenario format (1).", examples=[1])
    id: Id = Field(
        description="Id of the scenario; a shipped file is named ID.yaml.", examples=["cuban_missile_crisis"]
    )
    title: ShortText = Field(description="Title shown in the scenario picker.", examples=["The Varta Dam Dispute"])
    summary: Text = Field(
        description="Two or three sentences for the picker and 'info'.",
        examples=["Two neighbours quarrel over a dam; can the Secretary-General keep it from becoming a war?"],
    )
    period: ShortText = Field(
        description="The historical period in words, e.g. 'October 1962'.", examples=["October 1962"]
    )
    authors: list[ShortText] = Field(min_length=1, description="Who wrote the scenario.", examples=[["A. Teacher"]])
    licence: ShortText = Field(description="Licence of this file, e.g. 'CC-BY-4.0'.", examples=["CC-BY-4.0"])
    difficulty: Literal["introductory", "standard", "hard"] = Field(
        default="standard",
        description="How hard it is for a new player: 'introductory', 'standard' or 'hard'.",
        examples=["introductory"],
    )
    sources: list[Source] = Field(
        min_length=1,
        description="Published sources the scenario relies on (at least one).",
        examples=[[{"id": "kennedy1969", "citation": "R. F. Kennedy, Thirteen Days, 1969."}]],
    )
    notes: Text | None = Field(
        default=None,
        description="Author's notes: what is invented, what is uncertain.",
        examples=["The dates are real; the Lowmark army's plans are invented."],
    )
    calendar: Calendar = Field(
        description="The dates the game covers and how long a turn is.",
        examples=[{"start": "1962-10-16", "end": "1962-10-28", "turn_unit": "day"}],
    )
    ladder: list[Rung] = Field(
        default_factory=lambda: list(DEFAULT_LADDER),
        min_length=3,
        max_length=12,
        description="The escalation ladder, lowest rung first (3-12 rungs); the default has 8.",
        examples=[[{"name": "calm"}, {"name": "tension"}, {"name": "crisis"}, {"name": "war", "threshold": True}]],
    )
    parties: list[Party] = Field(
        min_length=2,
        max_length=16,
        description="The states, movements or organisations in the crisis (2-16).",
        examples=[[{"id": "north", "name": "North", "hostility": 0.4}, {"id": "south", "name": "South",
                                                                         "hostility": 0.3}]],
    )
    pairs: list[Pair] = Field(
        min_length=1,
        max_length=24,
        description="Pairs of parties in dispute, each with its own place on the ladder (1-24).",
        examples=[[{"id": "north_south", "between": ["north", "south"], "pressure": 2.0}]],
    )
    secretary_general: SecretaryGeneral = Field(
        description="The player's office and its starting resources.",
        examples=[{"name": "U Thant", "prestige": 50, "envoys": 2, "budget": 10}],
    )
    council: list[CouncilMember] = Field(
        default_factory=list,
        max_length=15,
        description="Security Council members whose votes matter (at most 15).",
        examples=[[{"id": "usa", "name": "United States", "support": 0.6}]],
    )
    distractions: list[Distraction] = Field(
        default_factory=list,
        description="Emergencies elsewhere that draw attention and money away.",
        examples=[[{"id": "quake", "name": "Earthquake relief", "start": "2030-04-01", "end": "2030-04-21"}]],
    )
    variables: dict[Id, VariableNumber | StrictBool] = Field(
        default_factory=dict,
        description="Scenario variables (numbers or true/false) used by conditions.",
        examples=[{"talks_open": False, "refugees": 0}],
    )
    variable_names: dict[Id, ShortText] = Field(
        default_factory=dict,
        description="How the player reads a variable where the game shows it (a condition, a change): words, "
        "translatable; a variable left out reads as its id in words ('talks_open' → 'talks open').",
        examples=[{"talks_open": "Talks under way"}],
    )
    tracks: list[Track] = Field(
        default_factory=list,
        max_length=12,
        description="Measures of progress shown to the player and charted in the debrief (at most 12).",
        examples=[[{"id": "registered", "name": "Voters registered", "unit": "%"}]],
    )
    instruments: list[Instrument] = Field(
        min_length=1,
        description="The built-in instruments offered in this scenario, optionally renamed and tuned (at least one).",
        examples=[[{"use": "good_offices"}, {"use": "public_appeal"}, {"use": "wait"}]],
    )
    proposals: list[Proposal] = Field(
        default_factory=list,
        description="Face-saving formulas the player can float.",
        examples=[[{"id": "joint_commission", "name": "A joint commission", "text": "Both sides name experts.",
                    "pair": "north_south"}]],
    )
    events: list[Event] = Field(
        default_factory=list,
        description="Things that happen: scheduled (date), triggered (when) or random (chance).",
        examples=[[{"id": "march", "title": "Farmers march", "text": "Farmers block the roads.",
                    "date": "2030-03-18"}]],
    )
    endings: list[Ending] = Field(
        min_length=1,
        description="The ways the game can end, checked in file order after every turn.",
        examples=[[{"id": "war", "title": "War", "rating": "failure", "text": "War breaks out.",
                    "when": "north_south.rung >= 6"}]],
    )
    briefing: Briefing = Field(
        description="The briefing: the player's role, the situation and the aims.",
        examples=[{"situation": "Both armies are on the river.", "aims": "Keep the peace until May."}],
    )
    historical_notes: list[Note] = Field(
        default_factory=list,
        description="What really happened, shown in the debrief.",
        examples=[[{"date": "1962-10-24", "text": "U Thant appealed to both leaders."}]],
    )
    discussion: list[Discussion] = Field(
        default_factory=list,
        description="Pause points with a question for a class.",
        examples=[[{"id": "loud_or_quiet", "date": "2030-03-25", "question": "Speak publicly or privately?"}]],
    )
    glossary: list[GlossaryEntry] = Field(
        default_factory=list,
        description="Terms explained for the player.",
        examples=[[{"term": "Track II", "definition": "Unofficial talks between experts."}]],
    )
    historical_policy: list[HistoricalStep] = Field(
        default_factory=list,
        description="What the real Secretary-General did, turn by turn, for the 'historical' policy.",
        examples=[[{"date": "1962-10-24", "actions": [{"use": "public_appeal", "target": "usa_ussr"}]}]],
    )
    tuning: Tuning = Field(
        default_factory=Tuning,
        description="Scenario-level tuning of the shared mechanics; the defaults suit most crises.",
        examples=[{"incident_rate": 0.03}],
    )
    opinion: WorldOpinion = Field(
        default_factory=WorldOpinion,
        description="How world opinion (the non-aligned, the press, the Council) regards the Secretary-General and "
        "how fast it moves; the defaults suit most crises.",
        examples=[{"start": {"nonaligned": 0.6}, "public_move": {"nonaligned": 0.08}}],
    )
    map: MapBlock | None = Field(
        default=None,
        description="The map of the theatre shown in the game (region, places, lines, areas, territories).",
        examples=[{"region": {"west": -88, "east": -72, "south": 18, "north": 30},
                   "places": [{"id": "havana", "name": "Havana", "at": [-82.38, 23.13], "kind": "capital"}]}],
    )
