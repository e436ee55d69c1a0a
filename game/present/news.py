"""The news feed and the causes of changes in words: record.Message and record.Cause, as a person reads them."""

from __future__ import annotations

from game.engine import Rules
from game.engine.record import (
    CHOICE,
    COUNCIL,
    DECISION,
    DISTRACTION,
    DYNAMICS,
    EVENT,
    FACILITATOR,
    INCIDENT,
    INSTRUMENT,
    PROPOSAL,
    RESOURCES,
    Cause,
    Message,
)

from .tracks import track_name
from .variants import event_words
from .words import pair_name, party_name

DECISION_VERBS = {"escalate": "escalate", "hold": "hold its position", "step_back": "step back"}
DYNAMICS_LABELS = {
    "richardson": "Richardson dynamics: reaction to the other side, restraint, grievance",
    "pressure": "pressure follows the parties' hostility, with momentum",
    "decay": "engagement and audience costs fade with time",
    "visibility": "the world's attention follows the escalation",
}
RESOURCE_LABELS = {"income": "the office's budget for this turn", "recovery": "prestige recovers with time"}
FIXED_MESSAGES = {
    "no_threat_yet": "The Council sees no threat to peace yet and takes no action. The referral looks alarmist.",
    "mandate_ends": "The mandate will end: the troops withdraw.",
    "mixed_signals": "Poor coordination: UN bodies and partners send contradictory signals, blunting the effort.",
}


def decision_words(decision: str) -> str:
    """'escalate', 'hold its position', 'step back'."""
    return DECISION_VERBS.get(decision, decision.replace("_", " "))


def _event_title(rules: Rules, key: str) -> str:
    return next((e.title for e in rules.events if e.key == key), key)


def _choice_label(rules: Rules, event_key: str, choice_key: str) -> str:
    ev = next((e for e in rules.events if e.key == event_key), None)
    choice = next((c for c in ev.choices if c.key == choice_key), None) if ev else None
    return choice.label if choice else choice_key


def _names(items: tuple) -> str:
    return ", ".join(str(x) for x in items)


def cause_label(rules: Rules, cause: Cause) -> str:
    """What made a change, in words: 'Good offices', "your response to 'Cuban request': refuse"."""
    kind, key, args = cause.kind, cause.id, cause.args
    if kind == INSTRUMENT:
        ins = rules.instruments.get(key)
        return ins.name if ins else key
    if kind == PROPOSAL:
        prop = rules.proposals.get(key)
        return f"your {args[0] if args else 'private'} proposal: {prop.name if prop else key}"
    if kind == EVENT:
        return _event_title(rules, key)
    if kind == CHOICE:
        return f"your response to '{_event_title(rules, key)}': {_choice_label(rules, key, args[0])}"
    if kind == DECISION:
        if args and args[0] == "aims":
            return f"{party_name(rules, key)} changed its aims"
        return f"{party_name(rules, key)} decided to {decision_words(args[0] if args else 'hold')}"
    if kind == DYNAMICS:
        if key == "ladder":
            k, rung = args
            return f"pressure crossed into '{rules.ladders[k][rung]}'"
        if key == "track":
            return f"the turn's trend for {track_name(rules, args[0]).lower()}"
        return DYNAMICS_LABELS.get(key, key)
    if kind == INCIDENT:
        return f"an incident between {pair_name(rules, key, ' and ')}"
    if kind == COUNCIL:
        name = rules.council_names[rules.council_ids.index(key)] if key in rules.council_ids else key
        return f"veto by {name}"
    if kind == RESOURCES:
        return RESOURCE_LABELS.get(key, key)
    if kind == DISTRACTION:
        if key == "budget":
            return f"money drawn away by emergencies elsewhere: {_names(args)}"
        return _names(args) or key
    if kind == FACILITATOR:
        what, *rest = args or ("inject", "")
        note = rest[-1] if rest else ""
        if what == "override":
            text = f"the facilitator set {party_name(rules, key)}'s decision"
        else:
            text = f"the facilitator: {_event_title(rules, key)}"
        return text + (f" ({note})" if note else "")
    return key


def _vote(vote: str, rules: Rules, k: int) -> str:
    pair = pair_name(rules, k, " and ")
    if vote == "mandate":
        return f"mandate for a preventive deployment between {pair}"
    if vote == "renewal":
        return f"renewal of the mandate between {pair}"
    return f"resolution on {pair}"


def message_text(rules: Rules, msg: Message) -> str:
    """One item of news as a sentence."""
    code, args = msg.code, msg.args
    if code in FIXED_MESSAGES:
        return FIXED_MESSAGES[code]
    if code == "event":
        if not any(e.key == args[0] for e in rules.events):
            return args[0]
        title, text = event_words(rules, args[0], {}, args[1] if len(args) > 1 else None)
        return f"{title}. {text}"
    if code == "distraction":
        return f"Elsewhere: {args[0]} draws the world's attention and your staff's."
    if code == "incident":
        a, b = (party_name(rules, i) for i in rules.pair_members[args[0]])
        return f"Incident: {a} and {b} forces clash; each blames the other."
    if code == "rung":
        k, old, new = args
        verb = "escalates" if new > old else "steps back"
        return f"{pair_name(rules, k)} {verb} to '{rules.ladders[k][new]}'."
    if code == "hardens":
        return f"{party_name(rules, args[0])} hardens its stance."
    if code == "restraint":
        return f"{party_name(rules, args[0])} signals restraint."
    if code == "revealed":
        return f"{party_name(rules, args[0])}: you now have a read on its intentions."
    if code == "good_offices_accepted":
        return f"Your good offices between {pair_name(rules, args[0], ' and ')} are accepted: both sides agree to talk."
    if code == "good_offices_rebuffed":
        return f"Your good offices between {pair_name(rules, args[0], ' and ')} are rebuffed."
    if code == "envoy_progress":
        return f"Your envoy makes progress between {pair_name(rules, args[0], ' and ')}."
    if code == "appeal_brushed_off":
        return f"{party_name(rules, args[0])} brushes off your private appeal."
    if code == "track_two_matured":
        return (f"The Track II channel between {pair_name(rules, args[0], ' and ')} has matured: official mediation "
                "there now works better.")
    if code == "veto":
        m, vote, k = args
        return f"{rules.council_names[m]} vetoes the {_vote(vote, rules, k)}."
    if code == "adopted":
        vote, k = args
        return f"The Security Council adopts the {_vote(vote, rules, k)}."
    if code == "deployment_withdrawn":
        return f"The preventive deployment between {pair_name(rules, args[0], ' and ')} is withdrawn."
    if code == "received_coldly":
        return f"{party_name(rules, args[0])} receives you coldly."
    if code == "proposal_accepted":
        return f"Both sides accept '{rules.proposals[args[0]].name}'."
    if code == "proposal_rejected":
        return f"The parties turn down '{rules.proposals[args[0]].name}'."
    if code == "effect_overflow":
        text, target, limit = args
        if limit is None:
            return f"A scenario effect ('{text}') gave no number: {target} kept its value."
        return f"A scenario effect ('{text}') went past {limit:g} in size: {target} is held at the limit."
    if code == "facilitator_decides":
        party, decision = args
        return f"The facilitator decides for {party_name(rules, party)} this turn: {decision_words(decision)}."
    return code.replace("_", " ")
