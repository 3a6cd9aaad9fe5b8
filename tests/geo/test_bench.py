"""The geocoder benchmark reports its figures (no timing is asserted)."""

from __future__ import annotations

from eventwire.geo.bench import bench_geocoder


def test_bench_reports_load_rate_and_memory() -> None:
    result = bench_geocoder(n=200)
    assert set(result) == {
        "load_seconds",
        "resolutions_per_second",
        "uncached_resolutions_per_second",
        "event_locations_per_second",
        "rss_mb",
        "rss_added_mb",
    }
    assert result["resolutions_per_second"] > 0 and result["rss_mb"] > 0
