"""The initiatives under way say what each is really doing: preparing, accepted, rebuffed, acting, in its last
turn — the same words in the window's cards, the text mode and the class pages."""

from __future__ import annotations

from game.cli.textmode import render_initiatives
from game.engine import Action, Game, build_rules
from game.present import web
from game.present.news import FAILURE, SUCCESS
from game.present.underway import ACCEPTED, ACTING, ENDING, PREPARING, REBUFFED, underway
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from tests.ui.driver import SAMPLE

GOOD_OFFICES = Action("good_offices", "karelia_lowmark")


def rules():
    return build_rules(load_scenario(resolve(SAMPLE)).scenario)


def offered(result: str) -> Game:
    """A sample game, one turn after good offices were offered and answered with `result` (the first seed that
    gives it)."""
    r = rules()
    for seed in range(200):
        game = Game(r, seed)
        game.step([GOOD_OFFICES])
        game.step([])
        codes = {m.code for m in game.reports[-1].messages}
        if f"good_offices_{result}" in codes:
            return game
    raise AssertionError(f"no seed under 200 gives good offices {result}")


def test_an_initiative_not_yet_acting_says_when_it_will():
    r = rules()
    game = Game(r, 1)
    game.step([Action("track_two", "karelia_lowmark")])
    (ini,) = underway(r, game.observation(), game.reports)
    assert ini.state == PREPARING
    assert "acts in 2" in ini.status


def test_a_rebuffed_offer_says_so_until_it_ends_and_reads_as_a_failure():
    game = offered("rebuffed")
    obs = game.observation()
    (ini,) = underway(game.rules, obs, game.reports)
    assert ini.state == REBUFFED and ini.tone == FAILURE
    assert "rebuffed" in ini.status and "acting now" not in ini.status
    text = "\n".join(render_initiatives(game.rules, obs, game.reports))
    assert "rebuffed" in text and "acting now" not in text and "✗" in text
    assert any("rebuffed" in line for line in web.office(game.rules, obs, None, game.reports)["underway"])


def test_an_accepted_offer_says_so_and_reads_as_a_success():
    game = offered("accepted")
    (ini,) = underway(game.rules, game.observation(), game.reports)
    assert ini.state == ACCEPTED and ini.tone == SUCCESS
    assert "accepted" in ini.status


def test_the_last_turn_of_an_initiative_is_named():
    r = rules()
    game = Game(r, 3)
    game.step([Action("special_envoy", "karelia_lowmark")])
    while True:
        (ini,) = underway(r, game.observation(), game.reports)
        if game.observation().initiatives[0].ends_in == 0:
            break
        game.step([])
    assert ini.state == ENDING and "last time" in ini.status


def test_a_result_of_an_earlier_initiative_is_not_carried_over_to_a_new_one():
    game = offered("rebuffed")
    while game.observation().initiatives:
        game.step([])
    game.step([GOOD_OFFICES])
    (ini,) = underway(game.rules, game.observation(), game.reports)
    assert ini.state == ACTING and ini.status == "acting now"  # it acts this turn; its answer is not in yet


class _Counted(list):
    """A game's reports that count how many of them are read through (a look at one, by its index, is no reading)."""

    reads = 0

    def __getitem__(self, i):
        got = super().__getitem__(i)
        self.reads += len(got) if isinstance(i, slice) else 0
        return got

    def __iter__(self):
        for r in super().__iter__():
            self.reads += 1
            yield r


def _oracle(ini, reports):
    """The result on an initiative by reading every report, as the panel did before it kept a record."""
    from game.engine.record import INSTRUMENT, PROPOSAL
    from game.present.underway import OUTCOMES

    found = None
    for m in (m for r in reports for m in r.messages if m.code in OUTCOMES):
        cause = m.cause
        if cause is None or cause.kind not in (INSTRUMENT, PROPOSAL) or cause.id != ini.key or m.turn < ini.started:
            continue
        if ini.target and cause.kind == INSTRUMENT and cause.args[:1] != (ini.target,):
            continue
        found = OUTCOMES[m.code]
    return found


def test_a_kept_record_reads_each_report_once_and_says_what_a_full_reading_says():
    from game.present.underway import Outcomes

    r = rules()
    moves = [GOOD_OFFICES, Action("private_appeal", "karelia"), Action("visit", "lowmark"),
             Action("public_appeal", "karelia_lowmark")]
    for seed in range(6):
        game, record, counted = Game(r, seed), Outcomes(), _Counted()
        per_turn = []
        while not game.done:
            taken = []
            for a in moves:
                if len(taken) < 2 and game.why_illegal(a, taken) is None:
                    taken.append(a)
            game.step(taken)
            counted.append(game.reports[-1])
            before = counted.reads
            obs = game.observation()
            kept = underway(r, obs, counted, record)
            per_turn.append(counted.reads - before)
            assert [i.state for i in kept] == [i.state for i in underway(r, obs, game.reports)]
            for ini, view in zip(kept, obs.initiatives, strict=True):
                if view.matures_in == 0 and ini.state in (ACCEPTED, REBUFFED):
                    assert ini.state == _oracle(view, game.reports)
        # each report read once in the whole game: a call reads only what came since the last (none when nothing
        # is under way), on the first turn as on the last
        assert sum(per_turn) <= len(game.reports) and max(per_turn) <= 2, per_turn
