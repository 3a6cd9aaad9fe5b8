"""Cross-document dedup: records of one real-world event from different documents → one cluster.

Machine-coded datasets count reports, not events; this stage links the reports. Modules:
``score`` (blocking and the pair score), ``days`` (an event's stated day against the day it
was reported), ``merge`` (one record from a cluster's reports),
``cluster`` (the clustering itself, batch or incremental, and its explanation), ``window``
(what an incremental run reads from the store).

Example:
    >>> from eventwire.dedup import cluster_events, explain
    >>> cluster_events([])
    []
"""

from eventwire.dedup.cluster import assign_cluster_ids, cluster_events, explain
from eventwire.dedup.merge import cluster_id_for, merge_cluster
from eventwire.dedup.score import PairScore, score_pair

__all__ = [
    "PairScore",
    "assign_cluster_ids",
    "cluster_events",
    "cluster_id_for",
    "explain",
    "merge_cluster",
    "score_pair",
]
