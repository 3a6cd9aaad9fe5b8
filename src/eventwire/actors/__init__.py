"""Actor resolution: who a phrase names (country, PLOVER sector, ACLED inter code).

Vocabularies are data files (``actors_*.tsv``, ``actors_armed_groups.jsonl``); ``vocab.py``
loads them; ``resolve.py`` applies them to one phrase; ``mentions.py`` finds actor phrases in
a sentence; ``targets.py`` reads who a struck thing stands for and the hidden other side
of a fight; ``fallback.py`` handles misspelt country names and cities; ``patterns.py`` turns
the vocabularies into spaCy EntityRuler patterns.
"""

from eventwire.actors.mentions import find_actor_mentions
from eventwire.actors.patterns import entity_patterns
from eventwire.actors.resolve import Resolution, inter_code, resolve_actor, resolve_actor_detail
from eventwire.actors.targets import as_people_hit, communal_sides, fight_recipient, struck

__all__ = [
    "as_people_hit",
    "communal_sides",
    "Resolution",
    "entity_patterns",
    "fight_recipient",
    "find_actor_mentions",
    "inter_code",
    "resolve_actor",
    "resolve_actor_detail",
    "struck",
]
