"""How fast the geocoder loads and resolves, and how much memory it holds."""

from __future__ import annotations

import resource
import time

from eventwire.geo.context import GeoContext

_NAMES = (
    "Aleppo", "Idlib", "Saraqib", "Khan Younis", "Kharkiv", "Bakhmut", "Goma", "Tripoli",
    "Mogadishu", "Maiduguri", "Kabul", "Sanaa", "Marib", "El Fasher", "Gao", "Bangui",
    "Jenin", "Mosul", "Lashio", "Culiacan", "Deir Ezzor", "Odessa", "Raqqa", "Homs",
)  # fmt: skip


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_geocoder(n: int = 20_000, cold: bool = True) -> dict:
    """Load seconds, resolutions per second, event-place choices per second, RSS in MB.

    ``resolutions_per_second`` cycles through a list of conflict places (``cold`` clears the
    lookup cache first, so their first reads hit SQLite); ``uncached_resolutions_per_second``
    resolves distinct names from the index, each one a fresh SQLite read."""
    from eventwire.geo.locate import Geocoder

    rss0 = _rss_mb()
    t0 = time.perf_counter()
    geocoder = Geocoder.load()
    geocoder.resolve("Aleppo", GeoContext())
    load_s = time.perf_counter() - t0
    if cold:
        geocoder.gazetteer.lookup.cache_clear()
    contexts = [GeoContext(countries=[c]) for c in ("SYR", "UKR", "COD", "LBY", "")]
    t1 = time.perf_counter()
    for i in range(n):
        geocoder.resolve(_NAMES[i % len(_NAMES)], contexts[i % len(contexts)])
    per_s = n / (time.perf_counter() - t1)
    t2 = time.perf_counter()
    text = "Shelling near Saraqib, in Idlib province, killed six; talks in Moscow followed."
    for _ in range(n // 20):
        geocoder.event_location(text, (0, 8), contexts[0])
    sentences_per_s = (n // 20) / (time.perf_counter() - t2)
    # distinct names straight from the index: every lookup is a cache miss (SQLite read)
    distinct = [
        k for (k,) in geocoder.gazetteer._con().execute(
            "SELECT key FROM names WHERE rowid % 397 = 0 LIMIT ?", (n // 4,)
        )
    ]  # fmt: skip
    t3 = time.perf_counter()
    for i, name in enumerate(distinct):
        geocoder.resolve(name, contexts[i % len(contexts)])
    uncached_per_s = len(distinct) / max(1e-9, time.perf_counter() - t3)
    return {
        "load_seconds": round(load_s, 3),
        "resolutions_per_second": round(per_s),
        "uncached_resolutions_per_second": round(uncached_per_s),
        "event_locations_per_second": round(sentences_per_s),
        "rss_mb": round(_rss_mb(), 1),
        "rss_added_mb": round(_rss_mb() - rss0, 1),
    }
