"""Cross-document clustering: link the records of different documents that report one event.

Reports are taken one at a time in a stable order (publication date, document id, the
document's main record first — ``main.main_records`` —, offset, the most specific record of a
sentence first, event id — see ``merge.report_key``), so shuffled input gives the same clusters.
A main record prefers a cluster holding other reports' main records (two reports of one event
share their main event); echoes (a second record of one sentence's event, a vague side record)
never link reports. Scoring reads each record with what its sentence's other records add.

Each report is compared only with clusters in its *block* (same type
group, dates within reach; an index by week keeps this cheap), scored against each cluster's
merged record (so that clusters do not chain from member to member), and joins the best-scoring
cluster whose score reaches the threshold and no member of which rules it out (same document,
incompatible date, place, type or direction); clusters holding a specific record (placed by two
of day, place, toll) go before clusters of vague echoes only. Otherwise it founds a new cluster.

Cluster ids: ``cl_`` + a hash of the founding (earliest) member's id. Existing clusters keep
their ids whatever joins them, so incremental coding (``existing=``) never renames a cluster;
when new reports are published after the existing ones, incremental and batch clustering give
the same clusters.

Example:
    >>> # clusters = cluster_events(events, published={"doc1": date(2024, 5, 3)})
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.dedup.main import main_records, sentence_views
from eventwire.dedup.merge import cluster_id_for, merge_cluster, merge_location, report_key, vagueness
from eventwire.dedup.score import (
    SLACK_DAYS,
    PairScore,
    content_words,
    date_interval,
    score_pair,
    threshold,
    type_group,
)
from eventwire.model import Cluster, Event, Location, MergeReason


@dataclass
class _Working:
    """A cluster being built: its known member records and what is known of the others."""

    id: str
    rep: Event
    member_ids: list[str]
    members: list[Event]
    docs: set[str]
    outlets: set[str]
    mains: set[str] = field(default_factory=set)  # documents whose main record is a member
    closed: bool = False  # founded by an echo (``echoes``): no report joins it
    extra_outlets: int = 0  # outlets of existing members whose records were not given
    reasons: list[MergeReason] = field(default_factory=list)

    @property
    def specific(self) -> bool:
        """True when a member (or the merged record) is placed by at least two of day, place, toll."""
        return any(vagueness(m) <= 1 for m in [self.rep, *self.members])

    def to_cluster(self) -> Cluster:
        return Cluster(
            id=self.id,
            event=self.rep,
            member_ids=list(self.member_ids),
            n_reports=len(self.member_ids),
            n_outlets=len(self.outlets) + self.extra_outlets,
            reasons=list(self.reasons),
        )


class _BlockIndex:
    """Clusters by (type group, week number) so that a report meets only clusters in its block."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, int | None], list[int]] = defaultdict(list)
        self._groups: dict[str, set[int]] = defaultdict(set)

    @staticmethod
    def _weeks(event: Event, published: dt.date | None) -> list[int | None]:
        span = date_interval(event, published, loose=True)
        if span is None:
            return [None]
        first = (span[0] - dt.timedelta(days=SLACK_DAYS)).toordinal() // 7
        last = (span[1] + dt.timedelta(days=SLACK_DAYS)).toordinal() // 7
        return list(range(first, last + 1))

    def add(self, event: Event, published: dt.date | None, cluster: int) -> None:
        group = type_group(event.event_type)
        self._groups[group].add(cluster)
        for week in self._weeks(event, published):
            if cluster not in self._keys[(group, week)]:
                self._keys[(group, week)].append(cluster)

    def query(self, event: Event, published: dt.date | None) -> list[int]:
        group = type_group(event.event_type)
        weeks = self._weeks(event, published)
        if weeks == [None]:  # undated and unpublished: anything of its type group may match
            return sorted(self._groups[group])
        found = set(self._keys[(group, None)])
        for week in weeks:
            found.update(self._keys[(group, week)])
        return sorted(found)


def report_words(events: Iterable[Event]) -> dict[str, frozenset[str]]:
    """Content words of each document (by id), from the evidence sentences of its events."""
    sentences: dict[str, dict[str, None]] = defaultdict(dict)
    for e in events:
        sentences[e.evidence.doc_id][e.evidence.sentence] = None  # ordered set
    return {doc: content_words(" ".join(sents)) for doc, sents in sentences.items()}


def document_places(events: Iterable[Event]) -> dict[str, Location]:
    """The place of each document (by id): its most precise, most often named event place.

    A follow-up report often names the place in one sentence and the event in another ("The
    toll ... rose to 21 on Thursday"); for comparing reports, the document's place stands in for
    a record without one. Only scoring uses it; merged records keep what each report said.
    """
    places: dict[str, list[Location]] = defaultdict(list)
    for e in events:
        if e.location is not None:
            places[e.evidence.doc_id].append(e.location)
    return {doc: loc for doc, locs in places.items() if (loc := merge_location(locs)) is not None}


def echoes(events: Iterable[Event], order: Callable[[Event], tuple]) -> set[str]:
    """Ids of the records that repeat an earlier record (by ``order``) of their sentence and
    type group: "four soldiers were killed when rebels attacked..." coded as a killing and an
    attack is one event, already linked through the first record; the second joining another
    report's cluster would put one event in two clusters."""
    first: dict[tuple[str, int, str], tuple] = {}
    keyed = [(order(e), e) for e in events]
    for key, e in keyed:
        slot = (e.evidence.doc_id, e.evidence.start, type_group(e.event_type))
        if slot not in first or key < first[slot]:
            first[slot] = key
    return {
        e.id
        for key, e in keyed
        if first[(e.evidence.doc_id, e.evidence.start, type_group(e.event_type))] != key
    }


def _publisher(event: Event, publishers: Mapping[str, str]) -> str:
    # without a publisher, each document counts as its own outlet
    return publishers.get(event.evidence.doc_id) or event.evidence.doc_id


@dataclass(frozen=True)
class _Context:
    """What scoring knows beyond each record: publication dates, place views, report words."""

    published: Mapping[str, dt.date]
    places: Mapping[str, Location]
    words: Mapping[str, frozenset[str]]
    views: Mapping[str, Event] = field(default_factory=dict)

    def score(self, a: Event, b: Event) -> PairScore:
        # each record read with what its sentence's other records add (``main.sentence_views``)
        a, b = self.views.get(a.id, a), self.views.get(b.id, b)
        da, db = a.evidence.doc_id, b.evidence.doc_id
        wa = self.words.get(da) or content_words(a.evidence.sentence)
        wb = self.words.get(db) or content_words(b.evidence.sentence)
        return score_pair(
            a,
            b,
            self.published.get(da),
            self.published.get(db),
            words=(wa, wb),
            places=(a.location or self.places.get(da), b.location or self.places.get(db)),
        )


def _link(event: Event, work: _Working, ctx: _Context) -> PairScore | None:
    """A report's pair score with a cluster's merged record, or None when any member rules it out.

    Scoring against the merged record (not the best-matching member) keeps a cluster from
    chaining: a report that resembles only its latest member (same town, four days on) does not
    join unless it matches the event as the reports so far tell it.
    """
    for other in work.members:
        if ctx.score(event, other).blocked is not None:
            return None
    pair = ctx.score(event, work.rep)
    return None if pair.blocked is not None else pair


def cluster_events(
    events: Sequence[Event],
    *,
    existing: Sequence[Cluster] = (),
    publishers: Mapping[str, str] | None = None,
    published: Mapping[str, dt.date] | None = None,
    members: Mapping[str, Event] | None = None,
) -> list[Cluster]:
    """Cluster event records of different documents into real-world events.

    ``existing`` clusters (from an earlier run) are updated in place of being recomputed: only
    the new ``events`` are compared with them. ``members`` (event id → record) lets new reports be
    compared with existing clusters' member records too, not only with their merged record.
    ``publishers``/``published`` are keyed by document id (``event.evidence.doc_id``).
    Returns the existing clusters (updated, in their order) followed by new ones.
    """
    publishers = publishers or {}
    published = published or {}
    members = members or {}
    works: list[_Working] = []
    index = _BlockIndex()
    seen: set[str] = set()
    for cluster in existing:
        known = [members[m] for m in cluster.member_ids if m in members]
        docs = {m.evidence.doc_id for m in known} | {cluster.event.evidence.doc_id}
        outlets = {_publisher(m, publishers) for m in known}
        work = _Working(
            id=cluster.id,
            rep=cluster.event,
            member_ids=list(cluster.member_ids),
            members=known,
            docs=docs,
            outlets=outlets,
            extra_outlets=max(0, cluster.n_outlets - len(outlets)),
            reasons=list(cluster.reasons),
        )
        works.append(work)
        seen.update(cluster.member_ids)
        for m in [cluster.event, *known]:
            index.add(m, published.get(m.evidence.doc_id), len(works) - 1)

    limit = threshold()
    # sorted, so that ties in the document context never depend on the input order
    known = sorted([*members.values(), *events], key=lambda e: report_key(e, published))
    ctx = _Context(published, document_places(known), report_words(known), sentence_views(known))
    mains = main_records(known)
    main_ids = set(mains.values())
    for work in works:
        work.mains = {m.evidence.doc_id for m in work.members if m.id in main_ids}

    def order(e: Event) -> tuple:
        # a document's main record goes first, so that it meets the other reports' clusters
        # before the document's echoes take their place
        key = report_key(e, published)
        return (*key[:2], e.id not in main_ids, *key[2:])

    loners = echoes(known, order) | {e.id for e in known if e.id not in main_ids and vagueness(e) >= 2}
    for work in works:  # an existing cluster an echo founded stays closed, as in a batch run
        work.closed = len(work.member_ids) == 1 and work.member_ids[0] in loners
    for event in sorted(events, key=order):
        if event.id in seen:  # already clustered: re-running a batch changes nothing
            continue
        seen.add(event.id)
        doc = event.evidence.doc_id
        pub = published.get(doc)
        is_main = event.id in main_ids
        choice: tuple[int, PairScore] | None = None
        rank: tuple[bool, bool, float] = (False, False, -1.0)
        # an echo of a sentence's record, or a vague side record of a report, is the report's
        # event told again or a passing mention: it never links reports (see ``echoes``)
        for k in [] if event.id in loners else index.query(event, pub):
            if doc in works[k].docs or works[k].closed:  # never two records of one document
                continue
            pair = _link(event, works[k], ctx)
            if pair is None or pair.score < limit:
                continue
            # a report's main record goes to a cluster of other reports' main records when one
            # will take it (two reports of one event share their main event); a cluster of
            # echoes only ("homes were burned", undated, unplaced) takes a report only when no
            # cluster with a specific record of an event will
            here = (is_main and bool(works[k].mains), works[k].specific, pair.score)
            if choice is None or here > rank:
                choice, rank = (k, pair), here
        if choice is None:
            cid = cluster_id_for(event.id)
            works.append(
                _Working(
                    id=cid,
                    rep=merge_cluster([event], published=published, cluster_id=cid),
                    member_ids=[event.id],
                    members=[event],
                    docs={doc},
                    outlets={_publisher(event, publishers)},
                    mains={doc} if is_main else set(),
                    closed=event.id in loners,
                )
            )
            index.add(event, pub, len(works) - 1)
            continue
        k, pair = choice
        work = works[k]
        work.member_ids.append(event.id)
        work.docs.add(doc)
        if is_main:
            work.mains.add(doc)
        work.outlets.add(_publisher(event, publishers))
        work.reasons.append(
            MergeReason(
                event_id=event.id,
                score=pair.score,
                agreed=list(pair.agreed),
                disagreed=list(pair.disagreed),
            )
        )
        # with every member's record, merge afresh; otherwise fold the newcomer into the merge
        basis = (
            [*work.members, event]
            if len(work.members) == len(work.member_ids) - 1
            else [
                work.rep,
                *work.members,
                event,
            ]
        )
        work.members.append(event)
        work.rep = merge_cluster(basis, published=published, cluster_id=work.id)
        index.add(event, pub, k)
    return [w.to_cluster() for w in works]


def assign_cluster_ids(events: Iterable[Event], clusters: Iterable[Cluster]) -> list[Event]:
    """The events with ``cluster_id`` set from the clusters that hold them."""
    owner = {m: c.id for c in clusters for m in c.member_ids}
    return [e.model_copy(update={"cluster_id": owner.get(e.id, e.cluster_id)}) for e in events]


def explain(cluster: Cluster) -> str:
    """A readable account of a cluster: the merged event and why each report joined it."""
    e = cluster.event
    place = e.location.name if e.location else "no place"
    toll = e.fatalities.best if e.fatalities and e.fatalities.best is not None else "-"
    lines = [
        f"{cluster.id}: {e.event_type} on {e.date or 'unknown date'} at {place}, "
        f"fatalities {toll}; {cluster.n_reports} report(s) from {cluster.n_outlets} outlet(s)",
        f"  founded by {cluster.member_ids[0]}",
    ]
    for r in cluster.reasons:
        agreed = ", ".join(r.agreed) or "nothing"
        line = f"  {r.event_id} joined with score {r.score:.2f}: agreed on {agreed}"
        if r.disagreed:
            line += f"; disagreed on {', '.join(r.disagreed)}"
        lines.append(line)
    return "\n".join(lines)
