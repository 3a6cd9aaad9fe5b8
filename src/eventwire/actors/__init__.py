"""Actor resolution: who a phrase names (country, PLOVER sector, ACLED inter code).

Vocabularies are data files (``actors_*.tsv``, ``actors_armed_groups.jsonl``); ``resolve.py``
applies them; ``patterns.py`` turns them into spaCy EntityRuler patterns.
"""

from eventwire.actors.patterns import entity_patterns
from eventwire.actors.resolve import Resolution, inter_code, resolve_actor, resolve_actor_detail

__all__ = ["Resolution", "entity_patterns", "inter_code", "resolve_actor", "resolve_actor_detail"]
