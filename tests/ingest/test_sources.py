"""iter_raw: paths, directories, globs, stdin, compression, and bad input that never raises."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import hashlib
import io
import sys
from pathlib import Path

import pytest

from eventwire.ingest import iter_raw

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = b"Government troops retook the town of Kidal on Tuesday after two days of fighting.\n"


def one(path, **kw):
    docs = list(iter_raw([path], **kw))
    assert len(docs) == 1, docs
    return docs[0]


def test_plain_text_is_one_document_with_hash_of_raw_bytes():
    doc = one(FIX / "plain.txt")
    data = (FIX / "plain.txt").read_bytes()
    assert doc.error is None and doc.id is None
    assert doc.text.startswith("Delegations from the two countries")
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == str(FIX / "plain.txt")


def test_published_is_the_default_date():
    assert one(FIX / "plain.txt", published=dt.date(2024, 1, 2)).published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    ("name", "start"),
    [("cp1252.txt", "Café owners"), ("bom.txt", "A BOM-marked file")],
)
def test_encodings(name, start):
    doc = one(FIX / name)
    assert doc.error is None
    assert doc.text.startswith(start)  # the BOM is not part of the text


@pytest.mark.parametrize(
    ("name", "code"),
    [("empty.txt", "E101"), ("image.png", "E102"), ("broken.warc", "E104"), ("empty_feed.xml", "E104")],
)
def test_bad_files_become_failed_records(name, code):
    doc = one(FIX / name)
    assert doc.text == ""
    assert doc.error.startswith(code + ":")
    assert doc.source == str(FIX / name)
    assert doc.raw_sha256 == hashlib.sha256((FIX / name).read_bytes()).hexdigest()


def test_oversize_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(STORY * 10)
    doc = one(path, max_bytes=100)
    assert doc.error.startswith("E103:") and doc.text == ""
    assert doc.raw_sha256 == hashlib.sha256(STORY * 10).hexdigest()


def test_missing_path_is_a_failed_record(tmp_path):
    doc = one(tmp_path / "nope.txt")
    assert doc.error.startswith("E100:")


@pytest.mark.parametrize(("suffix", "pack"), [(".gz", gzip.compress), (".bz2", bz2.compress)])
def test_compressed_inputs(tmp_path, suffix, pack):
    path = tmp_path / ("story.txt" + suffix)
    path.write_bytes(pack(STORY))
    doc = one(path)
    assert doc.text == STORY.decode()
    assert doc.source == str(path)


def test_compressed_jsonl_keeps_its_format(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress((FIX / "docs.jsonl").read_bytes()))
    assert [d.id for d in iter_raw([path])] == ["j1", "j2", None, None]


def test_compression_bomb_is_oversize(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 50_000))
    doc = one(path, max_bytes=10_000)
    assert doc.error.startswith("E103:")


def test_truncated_gzip_is_malformed(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(STORY * 50)[:40])
    doc = one(path)
    assert doc.error.startswith("E10") and doc.text == ""


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(STORY)
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / ".hidden.txt").write_bytes(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(STORY)
    sources = [Path(d.source).relative_to(tmp_path).as_posix() for d in iter_raw([tmp_path])]
    assert sources == ["a.txt", "b/2.txt"]


def test_glob(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_bytes(STORY)
    names = [Path(d.source).name for d in iter_raw([str(tmp_path / "x*.txt")])]
    assert names == ["x1.txt", "x2.txt"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY)))
    doc = one("-")
    assert doc.text == STORY.decode() and doc.source == "<stdin>"


def test_whole_fixture_directory_never_raises():
    docs = list(iter_raw([FIX]))
    assert len(docs) >= 15
    assert all(d.text or d.error for d in docs)


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(STORY.decode().encode("utf-16"))
    assert one(path).text == STORY.decode()
