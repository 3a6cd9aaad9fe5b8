import datetime as dt

from eventwire.ceasefire import format_ceasefires_table, link_events
from eventwire.model import Ceasefire

from .builders import actor, event, place


def test_table_lists_terms_status_and_events_in_time_order():
    cf = Ceasefire(id="cf_1", parties=[actor("RUS", "GOV", "Russia"), actor("TUR", "GOV", "Turkey")],
                   agreed=dt.date(2020, 3, 5), effective=dt.datetime(2020, 3, 6),
                   area=place("Idlib"), area_text="Idlib", terms=["joint patrols"])
    events = [event("late", "2020-03-09", who=actor("SYR"), whom=actor("TUR"), killed=3),
              event("early", "2020-03-06", who=actor("TUR"), whom=actor("SYR"))]
    [linked], _ = link_events([cf], events)
    table = format_ceasefires_table([linked], events)
    lines = table.splitlines()
    assert lines[0] == "cf_1  ceasefire — Russia, Turkey — Idlib  [violated]"
    assert "  term: joint patrols" in lines
    early = next(n for n, line in enumerate(lines) if "same_day_uncertain" in line)
    late = next(n for n, line in enumerate(lines) if "attack_after_start" in line)
    assert early < late and "3 killed" in lines[late]


def test_empty():
    assert format_ceasefires_table([], []) == "(no ceasefires)"
