"""One reader per format: JSONL, CSV/TSV, HTML, RSS/Atom, WARC (fixtures in tests/fixtures/ingest)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

from eventwire.ingest import iter_raw

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_jsonl_lines_aliases_and_a_malformed_line():
    docs = list(iter_raw([FIX / "docs.jsonl"]))
    assert [d.id for d in docs] == ["j1", "j2", None, None]
    first, second, bad, last = docs
    assert first.title == "Convoy ambushed" and first.publisher == "Example Wire"
    assert first.url == "https://example.invalid/j1" and first.published == dt.date(2024, 3, 10)
    assert first.raw_sha256 == hashlib.sha256(first.text.encode()).hexdigest()
    assert second.published == dt.date(2024, 3, 11)  # "date" alias, ISO datetime
    assert bad.error.startswith("E104: line 3") and bad.text == ""
    assert last.text.startswith("Protesters blocked") and last.error is None


def test_csv_body_column_and_empty_row():
    good, empty = iter_raw([FIX / "docs.csv"])
    assert good.id == "c1" and good.title == "Strike on depot"
    assert good.text.startswith("An air strike") and good.published == dt.date(2024, 4, 2)
    assert empty.error.startswith("E104: row 3")


def test_tsv_content_column():
    (doc,) = iter_raw([FIX / "docs.tsv"])
    assert doc.id == "t1" and doc.text.startswith("Soldiers fired tear gas")


def test_csv_named_text_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,story\n9,Troops shelled the village.\n", encoding="utf-8")
    assert next(iter_raw([path])).error.startswith("E104:")
    (doc,) = iter_raw([path], text_column="story")
    assert doc.text == "Troops shelled the village."


def test_html_article_text_and_metadata():
    (doc,) = iter_raw([FIX / "article.html"])
    assert doc.error is None
    assert doc.title == "Shelling hits market in eastern town"
    assert doc.publisher == "The Lakeside Courier"
    assert doc.published == dt.date(2024, 5, 3)
    assert doc.url == "https://courier.example/world/shelling-market"
    assert "Artillery shells struck a crowded market" in doc.text
    assert "tracking" not in doc.text and "Home" not in doc.text


def test_html_fragment_by_sniffing_and_fallback():
    (doc,) = iter_raw([FIX / "fragment.htm"])
    assert doc.text.splitlines() == [
        "Police dispersed a protest by teachers in the capital on Monday.",
        "Organisers said about 300 people had marched to the ministry.",
    ]


def test_fallback_text_keeps_blocks_apart():
    from eventwire.ingest.html import fallback_text

    html = "<div><script>x=1</script><p>One <b>bold</b> line.</p><p>Two.</p></div>"
    assert fallback_text(html) == "One bold line.\nTwo."


def test_unnamed_html_is_sniffed(tmp_path):
    path = tmp_path / "page"
    path.write_bytes((FIX / "article.html").read_bytes())
    assert next(iter_raw([path])).title == "Shelling hits market in eastern town"


def test_rss_items_full_text_or_summary():
    full, summary = iter_raw([FIX / "feed.rss"])
    assert full.title == "Talks on prisoner exchange resume"
    assert full.text.startswith("Negotiators from both governments met")  # content:encoded
    assert full.url == "https://borderwire.example/talks" and full.published == dt.date(2024, 5, 14)
    assert full.publisher == "Border Wire"
    assert summary.text == "Authorities extended a night curfew by a week after clashes between rival groups."
    assert summary.raw_sha256 == hashlib.sha256(summary.text.encode()).hexdigest()


def test_atom_entry():
    (doc,) = iter_raw([FIX / "feed.atom"])
    assert doc.text.startswith("The navy intercepted a boat")
    assert doc.url == "https://harbour.example/navy" and doc.published == dt.date(2024, 6, 1)


def test_broken_feed_keeps_what_it_read_and_says_so():
    docs = list(iter_raw([FIX / "broken.rss"]))
    assert docs[0].text == "Gunmen attacked a police post overnight."
    assert docs[-1].error.startswith("E104: feed is malformed")


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    page = (FIX / "article.html").read_bytes()
    for uri, ctype, body in [
        ("https://courier.example/a", "text/html; charset=utf-8", page),
        ("https://courier.example/logo.png", "image/png", b"\x89PNG\x00\x00"),
        ("https://courier.example/blank", "text/html", b"<html><body></body></html>"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buf.getvalue()


def test_warc_html_responses_become_documents(tmp_path):
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(_warc(gz))
        page, blank = iter_raw([path])
        assert page.url == "https://courier.example/a"
        assert "Artillery shells struck" in page.text and page.error is None
        assert blank.url == "https://courier.example/blank" and blank.error.startswith("E104:")


def test_jsonl_html_field_rfc2822_date_and_any_case_keys(tmp_path):
    path = tmp_path / "dump.jsonl"
    line = (
        '{"Title": "Envoys meet", "link": "https://example.invalid/e", "pubDate": '
        '"Wed, 03 Aug 2022 19:49:23 +0000", "content_html": "<p>Envoys met in Doha.</p><p>Talks go on.</p>"}'
    )
    path.write_text(line + "\n", encoding="utf-8")
    (doc,) = iter_raw([path])
    assert doc.text == "Envoys met in Doha.\nTalks go on."
    assert doc.title == "Envoys meet" and doc.url == "https://example.invalid/e"
    assert doc.published == dt.date(2022, 8, 3)


def test_json_array_file(tmp_path):
    path = tmp_path / "docs.json"
    path.write_text('[{"id": "a1", "text": "Troops withdrew on Monday."}, 7]', encoding="utf-8")
    good, bad = iter_raw([path])
    assert good.id == "a1" and good.text == "Troops withdrew on Monday."
    assert bad.error.startswith("E104: item 2")


def test_unnamed_jsonl_is_sniffed(tmp_path):
    path = tmp_path / "export"
    path.write_text(
        '{"title": "T", "content_html": "<p>Police arrested ten people.</p>"}\n', encoding="utf-8"
    )
    assert next(iter_raw([path])).text == "Police arrested ten people."


def test_malformed_html_still_gives_its_text():
    (doc,) = iter_raw([FIX / "malformed.html"])
    assert doc.error is None and "Gunmen killed two guards" in doc.text


def test_page_without_text_is_a_failed_record():
    (doc,) = iter_raw([FIX / "empty_page.html"])
    assert doc.error.startswith("E104:") and doc.text == ""
