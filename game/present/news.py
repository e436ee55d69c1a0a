"""The news feed and the causes of changes in words: record.Message and record.Cause, as a person reads them.

Each item of news also has a tone — a success, a failure (a rebuff, a refusal, a veto), escalation, calm, a
warning, intelligence or plain news — that every front end shows the same way (colour and icon in the window,
a marker in the text mode), so that a failure never looks like good news.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import Rules
from game.engine.proposals import ACCEPTED, REFUSED
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
    Change,
    Message,
)
from game.i18n import N_, _, tr
from game.i18n.formats import localized

from . import opinion
from .known import hides_message
from .odds import percent, reasons_lines
from .tracks import track_name
from .variants import event_words
from .words import pair_name, party_name, target_name, use_name

# Tones of news, in the order a reader cares about them.
SUCCESS, FAILURE, DANGER, CALM, WARNING, INTEL, NEWS = "success", "failure", "danger", "calm", "warning", "intel", \
    "news"
TONES = (SUCCESS, FAILURE, DANGER, CALM, WARNING, INTEL, NEWS)
# A mark before an item of news where there is no icon (the text mode, the web pages), so that a failure never
# reads like a success without colour.
TONE_MARKERS = {SUCCESS: "✓", FAILURE: "✗"}
CODE_TONES = {
    "good_offices_accepted": SUCCESS, "envoy_progress": SUCCESS, "track_two_matured": SUCCESS, "adopted": SUCCESS,
    "proposal_accepted": SUCCESS,
    "good_offices_rebuffed": FAILURE, "appeal_brushed_off": FAILURE, "veto": FAILURE, "proposal_rejected": FAILURE,
    "received_coldly": FAILURE, "no_threat_yet": FAILURE,
    "incident": DANGER, "hardens": DANGER,
    "restraint": CALM,
    "mixed_signals": WARNING, "deployment_withdrawn": WARNING, "mandate_ends": WARNING, "distraction": WARNING,
    "revealed": INTEL,
    "event": NEWS, "facilitator_decides": NEWS,
}

DECISION_VERBS = {"escalate": N_("escalate"), "hold": N_("hold its position"), "step_back": N_("step back")}
DYNAMICS_LABELS = {
    "richardson": N_("Richardson dynamics: reaction to the other side, restraint, grievance"),
    "pressure": N_("pressure follows the parties' hostility, with momentum"),
    "decay": N_("engagement and audience costs fade with time"),
    "visibility": N_("the world's attention follows the escalation"),
}
RESOURCE_LABELS = {"income": N_("the office's budget for this turn"), "recovery": N_("prestige recovers with time")}
FIXED_MESSAGES = {
    "no_threat_yet": N_("The Council sees no threat to peace yet and takes no action. The referral looks alarmist."),
    "mandate_ends": N_("The mandate will end: the troops withdraw."),
    "mixed_signals": N_("Poor coordination: UN bodies and partners send contradictory signals, blunting the "
                        "effort."),
}


PER_UNIT = {"day": N_("a day"), "week": N_("a week"), "month": N_("a month")}


def recovery_label(rules: Rules) -> str:
    """How prestige comes back, with the scenario's own figures: 'prestige recovers with time: 0.5 a month, and 4%
    of what it lies below its start (55)'. Nothing else gives it back but a success, and a success gives back
    less than it cost (success_note), so a player who keeps working sees it fall; this says by how much it returns."""
    tuning = rules.tuning
    per = _(PER_UNIT.get(rules.scenario.calendar.turn_unit, N_("a turn")))
    base = tr("{points} {per}", points=localized(f"{tuning.prestige_recovery:g}"), per=per)
    if tuning.prestige_rebound:
        return tr("prestige recovers with time: {base}, and {share} of what it lies below its start ({start})",
                  base=base, share=percent(tuning.prestige_rebound),
                  start=localized(f"{rules.scenario.secretary_general.prestige:g}"))
    return tr("prestige recovers with time: {base}", base=base)


def success_note(rules: Rules, msg: Message, changes: Sequence[Change]) -> str:
    """Under an accepted offer or proposal: how much of its price in prestige the success gave back (from the
    report's own changes), since a success earns less than it costs and a quiet success earns nothing."""
    if msg.code not in ("good_offices_accepted", "proposal_accepted") or msg.cause is None:
        return ""
    item = rules.instruments.get(msg.cause.id) or rules.proposals.get(msg.cause.id)
    cost = item.cost.prestige if item is not None else 0
    back = sum(c.after - c.before for c in changes
               if c.target == "prestige" and c.cause == msg.cause and c.after > c.before)
    if not cost or back <= 0:
        return ""
    if back >= cost:
        return tr("It earns back {back} prestige, more than the {cost} it cost.", back=localized(f"{back:g}"),
                  cost=localized(f"{cost:g}"))
    return tr("It gives back {back} of the {cost} prestige it cost: a success earns less than it costs, and "
              "prestige otherwise returns only with time.", back=localized(f"{back:g}"), cost=localized(f"{cost:g}"))


@dataclass(frozen=True)
class NewsItem:
    """One item of news as every front end shows it: the sentence, its tone, the turn whose date it belongs to,
    and notes to show under it (the reasons behind a result, when the engine gives them)."""

    text: str
    tone: str
    turn: int
    kind: str
    code: str
    notes: tuple[str, ...] = ()


def in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: 'The war in Bosnia' → 'the war in Bosnia', but 'NATO…' and 'Srebrenica'
    stay."""
    first, __, rest = name.partition(" ")
    if first in ("The", "A", "An") and rest:
        return first.lower() + " " + rest
    return name


RATINGS = {"success": N_("success"), "partial": N_("partial"), "failure": N_("failure"),
           "unfinished": N_("unfinished")}


def rating_words(rating: str) -> str:
    """How an ending is rated, in words: 'success', 'partial', 'failure'."""
    return _(RATINGS[rating]) if rating in RATINGS else rating


DIFFICULTIES = {"introductory": N_("introductory"), "standard": N_("standard"), "hard": N_("hard")}


def difficulty_words(difficulty: str) -> str:
    """A scenario's difficulty, in words: 'introductory', 'standard', 'hard'."""
    return _(DIFFICULTIES[difficulty]) if difficulty in DIFFICULTIES else difficulty


INTENTIONS = {"escalate": N_("escalate"), "hold": N_("hold"), "settle": N_("settle")}
ROLES = {"disputant": N_("disputant"), "mediator": N_("mediator"), "observer": N_("observer")}


def intention_words(intention: str) -> str:
    """What a party means to do, in words: 'escalate', 'hold', 'settle'."""
    return _(INTENTIONS[intention]) if intention in INTENTIONS else intention


def role_words(role: str) -> str:
    """A party's part in the scenario, in words: 'mediator', 'observer'."""
    return _(ROLES[role]) if role in ROLES else role


# What a party's delegation answered to a proposal or an appeal (game/engine/answers.py), as every page says it.
ANSWER_SENTENCES = {
    "accept": N_("{party}'s delegation accepted the proposal {name}."),
    "refuse": N_("{party}'s delegation refused the proposal {name}."),
    "heard": N_("{party}'s delegation heard the appeal ({name})."),
    "brush_off": N_("{party}'s delegation brushed off the appeal ({name})."),
}


def answer_text(rules: Rules, party: int | str, subject: str, answer: str) -> str:
    """"Cuba's delegation refused the proposal 'UN verification'.": a seat's answer, in the news and debriefs."""
    sentence = ANSWER_SENTENCES.get(answer)
    if sentence is None:
        return f"{party_name(rules, party)}: {answer}"
    return tr(sentence, party=party_name(rules, party), name=use_name(rules, subject))


def decision_words(decision: str) -> str:
    """'escalate', 'hold its position', 'step back'."""
    return _(DECISION_VERBS[decision]) if decision in DECISION_VERBS else decision.replace("_", " ")


def event_title(rules: Rules, key: str) -> str:
    return next((e.title for e in rules.events if e.key == key), key)


def choice_label(rules: Rules, event_key: str, choice_key: str) -> str:
    ev = next((e for e in rules.events if e.key == event_key), None)
    choice = next((c for c in ev.choices if c.key == choice_key), None) if ev else None
    return choice.label if choice else choice_key


def _listing(items: tuple) -> str:
    """Names in a sentence: 'a, b and c', or 'a; b; c' when a name has its own commas or 'and' in it."""
    names = [in_sentence(str(x)) for x in items]
    if len(names) <= 1:
        return names[0] if names else ""
    if any(", " in n or " and " in n or _(" and ") in n for n in names):
        return _("; ").join(names)
    return ", ".join(names[:-1]) + _(" and ") + names[-1]


def cause_label(rules: Rules, cause: Cause) -> str:
    """What made a change, in words: 'Good offices → Karelia – Lowmark', "your answer to 'Cuban request': refuse"."""
    kind, key, args = cause.kind, cause.id, cause.args
    if kind == INSTRUMENT:
        ins = rules.instruments.get(key)
        name = ins.name if ins else key
        target = args[0] if args else None
        return f"{name} → {target_name(rules, target)}" if target else name
    if kind == PROPOSAL:
        prop = rules.proposals.get(key)
        mode = args[0] if args else "private"
        name = prop.name if prop else key
        answer = args[1] if len(args) > 1 else None
        if answer == ACCEPTED:
            return tr("'{name}': accepted", name=name)
        if answer == REFUSED:
            return tr("'{name}': refused", name=name)
        return tr("'{name}', floated publicly", name=name) if mode == "public" else tr(
            "'{name}', floated privately", name=name)
    if kind == EVENT:
        return event_title(rules, key)
    if kind == CHOICE:
        return tr("your answer to '{event_title}': {choice_label}",
                  event_title=event_title(rules, key), choice_label=choice_label(rules, key, args[0]))
    if kind == DECISION:
        if args and args[0] == "aims":
            return tr("{party_name} changed its aims", party_name=party_name(rules, key))
        return tr("{party_name} decided to {decision_words}",
                  party_name=party_name(rules, key), decision_words=decision_words(args[0] if args else 'hold'))
    if kind == DYNAMICS:
        if key == "ladder":
            k, rung = args
            return tr("pressure crossed into '{value}'", value=rules.ladders[k][rung])
        if key == "track":
            return tr("the turn's trend for {lower}", lower=track_name(rules, args[0]).lower())
        if key == "opinion_ladder":
            return opinion.ladder_cause(rules, args)
        if key in DYNAMICS_LABELS:
            return _(DYNAMICS_LABELS[key])
        return _(opinion.CAUSES[key]) if key in opinion.CAUSES else key
    if kind == INCIDENT:
        return tr("an incident between {pair_name}", pair_name=pair_name(rules, key, ' and '))
    if kind == COUNCIL:
        name = rules.council_names[rules.council_ids.index(key)] if key in rules.council_ids else key
        return tr("veto by {name}", name=name)
    if kind == RESOURCES:
        if key == "recovery":
            return recovery_label(rules)
        return _(RESOURCE_LABELS[key]) if key in RESOURCE_LABELS else key
    if kind == DISTRACTION:
        if key == "budget":
            return tr("money drawn away by {listing}",
                      listing=_listing(args)) if args else _("money drawn away by emergencies "
                                                                          "elsewhere")
        return _listing(args) or _("emergencies elsewhere")
    if kind == FACILITATOR:
        what, *rest = args or ("inject", "")
        note = rest[-1] if rest else ""
        if what == "override":
            text = tr("the facilitator set {party_name}'s decision", party_name=party_name(rules, key))
        else:
            text = tr("the facilitator fired '{event_title}'", event_title=event_title(rules, key))
        return text + (f" ({note})" if note else "")
    return key.replace("_", " ")


def _vote(vote: str, rules: Rules, k: int) -> str:
    pair = pair_name(rules, k, " and ")
    if vote == "mandate":
        return tr("mandate for a preventive deployment between {pair}", pair=pair)
    if vote == "renewal":
        return tr("renewal of the mandate between {pair}", pair=pair)
    return tr("resolution on {pair}", pair=pair)


def message_text(rules: Rules, msg: Message) -> str:
    """One item of news as a sentence (the names of parties may be plural, so no verb agrees with one)."""
    code, args = msg.code, msg.args
    if code in FIXED_MESSAGES:
        return _(FIXED_MESSAGES[code])
    if code == "event":
        if not any(e.key == args[0] for e in rules.events):
            return event_title(rules, args[0])
        title, text = event_words(rules, args[0], {}, args[1] if len(args) > 1 else None)
        return f"{title}. {text}"
    if code == "distraction":
        return tr("Emergency elsewhere: {args}. It draws the world's attention, and your staff's, away.",
                  args=args[0])
    if code == "incident":
        a, b = (party_name(rules, i) for i in rules.pair_members[args[0]])
        return tr("Incident: {a} and {b} forces clash; each blames the other.", a=a, b=b)
    if code == "rung":
        k, old, new = args
        if new > old:
            return tr("Escalation between {pair_name}: up to '{value}'.",
                      pair_name=pair_name(rules, k, ' and '), value=rules.ladders[k][new])
        return tr("Escalation between {pair_name}: down to '{value}'.",
                  pair_name=pair_name(rules, k, ' and '), value=rules.ladders[k][new])
    if code == "hardens":
        return tr("A harder line from {party_name}.", party_name=party_name(rules, args[0]))
    if code == "restraint":
        return tr("Signs of restraint from {party_name}.", party_name=party_name(rules, args[0]))
    if code == "revealed":
        return tr("You now have a read on the intentions of {party_name}.", party_name=party_name(rules, args[0]))
    if code == "good_offices_accepted":
        return tr("Your good offices between {pair_name} are accepted: both sides agree to talk.",
                  pair_name=pair_name(rules, args[0], ' and '))
    if code == "good_offices_rebuffed":
        return tr("Your good offices between {pair_name} are rebuffed.",
                  pair_name=pair_name(rules, args[0], ' and '))
    if code == "envoy_progress":
        return tr("Your envoy makes progress between {pair_name}.", pair_name=pair_name(rules, args[0], ' and '))
    if code == "appeal_brushed_off":
        return tr("Your private appeal to {party_name} is brushed off.", party_name=party_name(rules, args[0]))
    if code == "track_two_matured":
        return (tr("The Track II channel between {pair_name} has matured: official mediation there now works "
                   "better.",
                   pair_name=pair_name(rules, args[0], ' and ')))
    if code == "veto":
        m, vote, k = args
        return tr("{council_names} vetoes the {vote}.",
                  council_names=rules.council_names[m], vote=_vote(vote, rules, k))
    if code == "adopted":
        vote, k = args
        return tr("The Security Council adopts the {vote}.", vote=_vote(vote, rules, k))
    if code == "deployment_withdrawn":
        return tr("The preventive deployment between {pair_name} is withdrawn.",
                  pair_name=pair_name(rules, args[0], ' and '))
    if code == "received_coldly":
        return tr("You are received coldly by {party_name}.", party_name=party_name(rules, args[0]))
    if code == "proposal_accepted":
        return tr("Both sides accept '{name}'.", name=rules.proposals[args[0]].name)
    if code == "proposal_rejected":
        return tr("The parties turn down '{name}'.", name=rules.proposals[args[0]].name)
    if code == "effect_overflow":
        text, target, limit = args
        if limit is None:
            return tr("A scenario effect ('{text}') gave no number: {target} kept its value.",
                      text=text, target=target)
        return tr("A scenario effect ('{text}') went past {limit:g} in size: {target} is held at the limit.",
                  text=text, limit=limit, target=target)
    if code == "seat_answered":
        return answer_text(rules, *args)
    if code == "facilitator_decides":
        party, decision = args
        return tr("The facilitator decides for {party_name} this turn: {decision_words}.",
                  party_name=party_name(rules, party), decision_words=decision_words(decision))
    return code.replace("_", " ").capitalize() + "."


def message_tone(msg: Message) -> str:
    """Whether the news is a success, a failure, escalation, calm, a warning, intelligence or plain news."""
    if msg.code == "rung":
        __, old, new = msg.args
        return DANGER if new > old else CALM
    if msg.code == "seat_answered":
        return SUCCESS if msg.args[2] in ("accept", "heard") else FAILURE
    return CODE_TONES.get(msg.code, NEWS)


def news_item(rules: Rules, msg: Message, changes: Sequence[Change] = ()) -> NewsItem:
    """A message as the feed shows it, with the reasons behind a failure (odds.py) as its notes, and under a
    success what it gave back of its price (success_note, from the report's `changes`)."""
    notes = list(reasons_lines(rules, msg))
    gave = success_note(rules, msg, changes)
    if gave:
        notes.append(gave)
    return NewsItem(message_text(rules, msg), message_tone(msg), msg.turn, msg.kind, msg.code, tuple(notes))


def news_by_date(rules: Rules, reports, dates: int = 4) -> list[tuple[int, list[NewsItem]]]:
    """The news of the last `dates` dates, newest first, each item under the date it belongs to (an event that
    opened a turn is news of that turn, though the report of the turn before recorded it)."""
    by_turn: dict[int, list[NewsItem]] = {}
    for report in reports[-(dates + 1):]:
        for msg in report.messages:
            if not hides_message(rules, msg):
                by_turn.setdefault(max(msg.turn, 0), []).append(news_item(rules, msg, report.changes))
    for report in reports[-(dates + 1):]:
        by_turn.setdefault(max(report.turn, 0), [])
    newest = sorted(by_turn, reverse=True)[:dates]
    return [(t, by_turn[t]) for t in newest]
