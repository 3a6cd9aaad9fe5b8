"""Let the rules and the sentence classifier vote on an event's PLOVER type and ACLED sub-type.

The rules read structure (who acts on whom, modality, the weapon) and keep every other field;
the classifier (``events.classifier``) reads the sentence's wording. The policy, whose
thresholds are data (``data/models/combine_policy.json``, fitted on dev splits only):

- PLOVER: when the classifier is confident in a type no event of the sentence has, the
  sentence's main event takes that type (its mode, which belonged to the old type, is dropped),
  unless that would turn something said (accusing, demanding, threatening) into a deed, or
  help, a release or a withdrawal into an act of force;
- ACLED, for events that happened (not future, hypothetical or negated):
  * rules gave no sub-type and the classifier is confident in one → take it;
  * rules and classifier disagree and the classifier is very confident → take the classifier's,
    unless the rules read the fact that decides (the weapon the sentence names, a weapon stopped
    in flight, armed men on both sides, who took a place);
  * rules gave a sub-type, the classifier is very confident it is out of ACLED's scope → drop it;
  a sub-type is only taken when the event's PLOVER type is one the training data pairs with it
  (``compatible`` in the policy), so the two codings never contradict each other.
- the ACLED inter codes follow the sub-type (protesters 6, rioters 5, civilian victims 7);
- a drone or missile shot down in flight is coded as the team's gold codes air defence (PLOVER
  ASSAULT, ACLED Disrupted weapons use).

Example:
    >>> # events = combine(events_of_one_sentence, predict_span(sent))
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from eventwire.events.acled import SUB_EVENT_TYPES, interaction
from eventwire.events.classifier import NONE, Prediction
from eventwire.events.lexicon import QUAD_CLASS
from eventwire.model import Acled, Actor, Event
from eventwire.resources import data_path

POLICY = "models/combine_policy.json"
_REAL = {"asserted", "reported", "historical"}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_EVENT_TYPE_OF = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}
_CIVILIAN_VICTIMS = {"Attack", "Sexual violence", "Abduction/forced disappearance"}
_ALWAYS_IN_SCOPE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# ACLED counts force on protesters and mob violence as both political violence and demonstrations
_BOTH_DISORDERS = {"Excessive force against protesters", "Mob violence"}


@dataclass(frozen=True)
class Policy:
    """Thresholds on the classifier's probability, and which PLOVER types go with a sub-type."""

    plover: float
    acled_add: float
    acled_swap: float
    acled_drop: float
    new_event: float
    compatible: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def load_policy() -> Policy:
    """The shipped policy (``data/models/combine_policy.json``)."""
    raw = json.loads(data_path(POLICY).read_text(encoding="utf-8"))
    return policy_from_dict(raw)


def policy_from_dict(raw: dict) -> Policy:
    """A policy from its JSON form."""
    t = raw["thresholds"]
    return Policy(
        plover=float(t["plover"]),
        acled_add=float(t["acled_add"]),
        acled_swap=float(t["acled_swap"]),
        acled_drop=float(t["acled_drop"]),
        new_event=float(t.get("new_event", 1.01)),
        compatible={k: frozenset(v) for k, v in raw["compatible"].items()},
    )


def acled_record(sub_event: str, actor: Actor | None, recipient: Actor | None) -> Acled:
    """The ACLED record of a sub-event type, with the inter codes of the two sides."""
    event_type = _EVENT_TYPE_OF[sub_event]
    disorder = _DISORDER[event_type]
    if sub_event in _BOTH_DISORDERS:
        disorder = "Political violence; Demonstrations"
    i1 = actor.inter if actor else None
    i2 = recipient.inter if recipient else None
    return Acled(
        disorder_type=disorder,
        event_type=event_type,
        sub_event_type=sub_event,
        inter1=i1,
        inter2=i2,
        interaction=interaction(i1, i2),
    )


def _with_inter(actor: Actor | None, inter: int, replace: set[int | None]) -> Actor | None:
    if actor is None or actor.inter not in replace:
        return actor
    return actor.model_copy(update={"inter": inter})


def consistent_sides(sub_event: str, actor: Actor | None, recipient: Actor | None):
    """The two sides with the inter codes ACLED's sub-type implies for unarmed parties."""
    event_type = _EVENT_TYPE_OF[sub_event]
    if event_type == "Protests":
        actor = _with_inter(actor, 6, {None, 5, 7})  # a crowd that protests is protesters
    elif sub_event == "Violent demonstration":
        actor = _with_inter(actor, 5, {None, 6, 7})  # a violent crowd is rioters
    elif sub_event in _CIVILIAN_VICTIMS:
        recipient = _with_inter(recipient, 7, {None, 5, 6})  # unarmed victims are civilians
    return actor, recipient


def _main_index(events: list[Event]) -> int:
    """The event the sentence is about: the first material-conflict event, else the first."""
    return next((i for i, e in enumerate(events) if e.quad_class == 4), 0)


# Relabels the classifier may not make. An arrest, a seizure, a deployment or a sanction named
# by its verb stays what it is however violent the sentence around it sounds: the bag of words
# hears the weapons and militants of the context and says ASSAULT (dev splits and the team's
# wire-style sentences: every such relabel was wrong or no better). Likewise a refusal stays a
# refusal: "rejected an offer to host a summit on a peace agreement" is full of the words of
# what was refused.
_KEEP_RULE = frozenset(
    {("COERCE", "ASSAULT"), ("MOBILIZE", "ASSAULT"), ("SANCTION", "ASSAULT")}
    | {("REJECT", kind) for kind in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "CONSULT")}
)


def _said_not_done(event: Event, new_type: str) -> bool:
    """True when a verbal frame would become a material act: "accused Rada of firing on its
    positions" is an accusation; a bag of words sees only the firing, the frame sees who speaks."""
    return event.quad_class in (1, 3) and QUAD_CLASS[new_type] in (2, 4)


def _help_turned_harm(event: Event, new_type: str) -> bool:
    """True when a frame of help, release or withdrawal would become an act of force: "police
    freed the detained journalists", "peacekeepers deployed to protect the displaced" — the bag
    of words hears the custody and the troops around the verb; the verb says which it is. The
    other way it may relabel: "armed groups merged" is cooperation the rules call a build-up."""
    return event.quad_class == 2 and QUAD_CLASS[new_type] == 4


def _agreed_to_talk(event: Event, new_type: str) -> bool:
    """True when the verb "agree" would become the talks agreed on: "officials agreed to begin
    direct negotiations" is a promise (AGREE), whatever the bag of words hears of the talks."""
    agreed = (event.trigger or "").lower().startswith("agree")
    return event.event_type == "AGREE" and new_type == "CONSULT" and agreed


def _relabel_plover(event: Event, event_type: str) -> Event:
    return event.model_copy(
        update={"event_type": event_type, "mode": None, "quad_class": QUAD_CLASS[event_type], "cameo": None}
    )


def _choose_acled(event: Event, pred: Prediction, policy: Policy) -> str | None:
    """The sub-event type the event should carry (None: outside ACLED's scope)."""
    rule = event.acled.sub_event_type if event.acled else None
    cls, p = pred.acled, pred.acled_p
    ok = cls == NONE or event.event_type in policy.compatible.get(cls, frozenset())
    if event.factuality not in _REAL or cls == (rule or NONE) or not ok:
        return rule
    if rule is None:
        return cls if p >= policy.acled_add else None
    if cls == NONE:
        deadly = event.event_type == "ASSAULT" and bool(event.fatalities and event.fatalities.best)
        # violence that happened is always in ACLED's scope, however the sentence is worded; so
        # are a weapon stopped, ground given up and a ceasefire two parties agreed. Digest and
        # encyclopedia wording ("is killed in an airstrike on ...", "the army withdraws from")
        # the bag of words has not seen sounds out of scope to it. What it may still drop is a
        # development the rules read from words alone: one side declaring a truce, a release,
        # a build-up of troops.
        sure = (
            _EVENT_TYPE_OF[rule] in _ALWAYS_IN_SCOPE
            or rule in ("Disrupted weapons use", "Non-violent transfer of territory")
            or (event.event_type == "AGREE" and event.mode == "ceasefire")
        )
        return None if p >= policy.acled_drop and not (deadly or sure) else rule
    if {rule, cls} <= _TAKEN_BY_WHO:
        return rule  # who took the place (state forces or not) decides, and the rules know who
    if rule == "Armed clash" and cls in _CIVILIAN_VICTIMS and _armed(event.actor) and _armed(event.recipient):
        return rule  # "militants were shot dead by soldiers": armed on both sides is a clash however worded
    if rule == "Disrupted weapons use" and cls in _BY_WEAPON:
        return rule  # "intercepted the missiles": the rules read the stopping, the words the weapon
    if rule in _EXPLOSIONS and cls in _BY_WEAPON and event.mode in _WEAPON_MODES:
        return rule  # the weapon the sentence names decides; "missile strikes" are not airstrikes
    return cls if p >= policy.acled_swap else rule


def _armed(side: Actor | None) -> bool:
    return side is not None and side.inter in _ARMED_INTER


_ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# Sub-types told apart only by the taker's inter code, not by the words around the taking
_TAKEN_BY_WHO = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# Sub-types told apart by the weapon: when the rules read one from the sentence's own weapon
# words (the mode says which), a bag of words that hears "strike" and answers "airstrike" has
# less to go on than they do. A chemical agent is not a way of delivering a weapon but what it
# delivers ("drones dropped chloropicrin"): the classifier may still name one the rules missed,
# but not unname one they read ("chlorine-laden shells").
_EXPLOSIONS = frozenset(SUB_EVENT_TYPES["Explosions/Remote violence"])
_BY_WEAPON = _EXPLOSIONS - {"Chemical weapon"}
_WEAPON_MODES = frozenset(
    {"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "unconventional"}
)


def combine(events: list[Event], pred: Prediction | None, policy: Policy | None = None) -> list[Event]:
    """The events of one sentence after the classifier's vote (see the module docstring)."""
    if not events or pred is None:
        return events
    policy = policy or load_policy()
    events = list(events)
    k = _main_index(events)
    main = events[k]
    if (
        pred.plover_p >= policy.plover
        and pred.plover in QUAD_CLASS
        and all(e.event_type != pred.plover for e in events)
        and not _said_not_done(main, pred.plover)
        and not _help_turned_harm(main, pred.plover)
        and (main.event_type, pred.plover) not in _KEEP_RULE
        and not _agreed_to_talk(main, pred.plover)
    ):
        main = _relabel_plover(main, pred.plover)
    sub = _choose_acled(main, pred, policy)
    if main is not events[k] and sub is not None and main.event_type not in policy.compatible.get(sub, ()):
        main = events[k]  # the new type would contradict the ACLED coding: keep the rules' type
        sub = _choose_acled(main, pred, policy)
    if sub is None:
        main = main.model_copy(update={"acled": None})
    elif main.acled is None or main.acled.sub_event_type != sub:
        actor, recipient = consistent_sides(sub, main.actor, main.recipient)
        main = main.model_copy(
            update={"actor": actor, "recipient": recipient, "acled": acled_record(sub, actor, recipient)}
        )
    events[k] = _as_air_defence(main)
    return events


def _as_air_defence(event: Event) -> Event:
    """A weapon shot down in flight, coded as the team's gold and training code air defence:
    PLOVER ASSAULT (drone or aerial), ACLED Disrupted weapons use. The rules read the stopping
    verb as coercion, which stays right for a truck intercepted or a bomb defused on the ground."""
    stopped = event.acled is not None and event.acled.sub_event_type == "Disrupted weapons use"
    if event.event_type != "COERCE" or not stopped:
        return event
    words = {w.strip(".,;:'\"()").lower() for w in event.evidence.sentence.split()}
    if not words & _IN_FLIGHT:
        return event
    mode = "drone" if words & _DRONES else "aerial"
    return event.model_copy(update={"event_type": "ASSAULT", "mode": mode, "quad_class": 4, "cameo": "190"})


_DRONES = frozenset({"drone", "drones", "uav", "uavs", "shahed", "shaheds"})
_IN_FLIGHT = _DRONES | {"missile", "missiles", "rocket", "rockets", "projectile", "projectiles"}
