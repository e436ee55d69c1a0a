"""The built-in explanations: what each instrument does (docs/model.md in plain words), the ladder, the terms,
and how to play with the mouse or the keyboard."""

from __future__ import annotations

from game.i18n import N_

EFFECTS: dict[str, str] = {
    "good_offices": N_("One attempt at mediation. Accepted: pressure falls by about a rung's worth (−0.8), "
                       "hostility and grievance ease, trust rises, +3 prestige. Rebuffed: −4 prestige. Reveals "
                       "what both sides intend. 1.4× stronger once a Track II channel on the pair has matured."),
    "special_envoy": N_("Each turn of the mission, a smaller attempt: pressure −0.35 and hostility down when it "
                        "lands. Ties up an envoy. Reveals intentions."),
    "public_appeal": N_("Pressure down and restraint up, more so when the world is watching (high visibility). "
                        "Raises audience costs: leaders find it harder to back down later."),
    "private_appeal": N_("One leader: hostility and grievance down through trust. May be brushed off (−1 "
                         "prestige). No audience cost."),
    "track_two": N_("Nothing until it matures; then each turn grievance falls, receptivity rises and pressure "
                    "eases (−0.08). Reveals intentions and makes good offices or an envoy on the pair stronger."),
    "early_warning": N_("Intelligence +0.05 a turn while it runs: estimates get sharper and less delayed."),
    "article_99": N_("Below rung 2 the Council sees no threat (−3 prestige). Otherwise a vote in which a "
                     "permanent member may veto — likelier with low support or when it is a party. Adopted: "
                     "restraint and audience costs up, pressure −0.4, +4 prestige. Vetoed: −6 prestige."),
    "preventive_deployment": N_("Needs a Council mandate (a veto is possible). While deployed: incidents ×0.4, "
                                "pressure −0.15 and hostility down each turn, $1m a turn upkeep. Renewal vote at "
                                "the end of each mandate."),
    "task_force": N_("Coordination +0.07 a turn: every instrument works better, and contradictory signals become "
                     "rarer."),
    "visit": N_("One party: trust and receptivity up, its intention revealed, visibility up. A cold reception "
                "when it is very hostile and distrustful."),
    "wait": N_("Nothing new. Prestige recovers by 0.5 each turn in any case."),
    "proposal": N_("Decided at once. The chance of acceptance rests on the proposal, the parties' openness, the "
                   "mediation factor and your leverage. Public: helped by visibility, hurt by audience costs, and "
                   "a rejection hardens positions. Private: helped by trust. Accepted: its effects, and audience "
                   "costs fall (face is saved)."),
}

LADDER_TEXT = (
    N_("Each pair of parties stands on an escalation ladder, by default: stable peace, tension, crisis, "
       "confrontation, brink, armed clashes, war, catastrophe. Everyone sees the rung (while a crisis is still "
       "secret, you see only the rung the world sees, and no reading of its pressure). Underneath, a hidden "
       "pressure pushes toward the next rung; you see your analysts' estimate of it with a 90% band. Some rungs "
       "are thresholds: climbing onto them takes extra pressure, and once there a pair falls back only well below "
       "(sticky). Escalation feeds itself — each side reacts to the other, incidents grow likelier higher up — "
       "and restraint, your instruments and fear near the top hold it back.")
)

GLOSSARY: tuple[tuple[str, str], ...] = (
    (N_("Rung"), N_("A step on the escalation ladder, from stable peace to catastrophe. Public.")),
    (N_("Pressure"), N_("How hard the crisis pushes toward the next rung. Hidden: you see an estimate.")),
    (N_("90% band"), N_("Your analysts are {p} sure the true value lies in the shaded range. Early warning and "
                    "contact narrow it; a move, an event or an incident that touches the value widens it.")),
    (N_("Estimates"), N_("Your analysts' belief about each party, built up from reports a few turns old and noisy: it "
                     "moves only as far as the news warrants. Intelligence sharpens the reports and shortens the "
                     "delay.")),
    (N_("Intention"), N_("What a party really means to do (escalate, hold, settle). Known only after contact: good "
                     "offices, an envoy, Track II or a visit. It may change later.")),
    (N_("Prestige"), N_("The political capital of your office, 0–100. Spent by acting, earned by success, lost by "
                    "rebuffs. It scales the force of every instrument (leverage).")),
    (N_("Envoys"), N_("Senior staff. A mission ties one up for several turns.")),
    (N_("Attention"), N_("How many initiatives can run at once. Emergencies elsewhere draw it away.")),
    (N_("Coordination"), N_("How well UN bodies, regional organisations and NGOs act together. Below 40%, instruments "
                        "may send contradictory signals.")),
    (N_("Visibility"), N_("How much the world is watching. Brings Council attention, but public positions lock "
                      "leaders in (audience costs).")),
    (N_("Audience costs"), N_("The domestic price a leader pays for backing down after a public stand (Fearon).")),
    (N_("Council support"),
     N_("Each Security Council member's support for your initiatives; low support risks a veto.")),
    (N_("World opinion"), N_("How the non-aligned (NAM), the press and the Security Council as a body regard you, "
                             "50% neutral. Public moves raise it, the more so when visibility is high (the Council "
                             "dislikes being lectured in public); a dispute that climbs lowers it, a deal raises it; "
                             "it fades back with time. It shows how your conduct reads abroad; it does not move the "
                             "parties.")),
    (N_("Reactions"), N_("After each turn every party's card says in a line how it took what you did: what it "
                         "accepted or refused, how it took a public or a private move, or what it did while you "
                         "looked elsewhere.")),
    (N_("Score"), N_("The ending's value, plus 50 if a war happened without you but not with you, plus 8 per rung of "
                 "peak escalation spared, plus the change in prestige ÷ 5 — compared with a no-intervention game "
                 "on the same seed.")),
)

HOW_TO_PLAY: tuple[tuple[str, str], ...] = (
    (N_("A turn"), N_("Read the situation: the ladder on the left, each party's estimated stance, your resources at "
                  "the top. Choose an instrument in the middle, pick its target (and for a proposal, private or "
                  "public), and add it to your orders. Answer any event that awaits your decision. Then end the "
                  "turn: the parties decide, the crisis moves, and a report shows what changed and why.")),
    (N_("Trade-offs"), N_("Everything costs something: prestige, money, an envoy, an attention slot. Some instruments "
                      "act late (Track II matures after three turns). Public moves are strong but lock leaders in.")),
    (N_("Uncertainty"), N_("You never see the parties' true state: only your analysts' estimates, built from late, "
                       "noisy reports, with a band that widens when something moves a value and narrows with "
                       "early warning and contact. A party's intention shows only after contact, and only for a "
                       "few turns.")),
    (N_("The end"), N_("The game ends when an ending's condition holds or the calendar runs out. The debrief compares "
                   "your game with a Secretary-General who did nothing, on the same seed.")),
    (N_("Mouse"), N_("Click to choose; hover over anything greyed out to see why it is not possible now, and over a "
                 "shortened name to read it whole. The wheel scrolls lists.")),
    (N_("Reading the news"), N_("Each item carries a mark: a tick for a success, a cross on a filled disc for a "
                            "failure (a rebuff, a refusal, a veto, a proposal turned down), a triangle up for "
                            "escalation and down for calm, an eye for intelligence. The colour-blind palette "
                            "keeps the marks.")),
    (N_("Your resources"), N_("The top bar shows prestige, budget, free envoys and free attention; once orders or "
                          "answers are queued it shows what they leave: '57.5 → 54.5'. The orders panel says what "
                          "they commit.")),
    (N_("Keyboard"), N_("Tab and the arrow keys move the focus, Enter or Space activates, Esc goes back or opens the "
                    "menu. On the turn screen: 1–9 and 0 choose an instrument, W waiting (the same key in every "
                    "crisis), T the next target, M private/public, A adds to the orders, E ends the turn, R shows "
                    "the last report, D the pending decision, B the briefing, G the map of the theatre (G again "
                    "goes back), F1 this help, Ctrl+S saves. A decision is only taken by its number, a click, or "
                    "Enter on the answer you moved to with Tab.")),
    (N_("Teachers and authors"), N_("In facilitator mode (Settings) the game pauses at the scenario's discussion "
                                "points and F9 opens the facilitator's panel: fire an event, set a party's "
                                "decision, hold a class vote. F5 reloads the scenario file after an edit, keeping "
                                "the game.")),
)
