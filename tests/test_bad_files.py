"""The bad-input sweep for files (issue 13, acceptance 3): each case one line on stderr, a non-zero
exit where it is an error, never a traceback, and a database that an error leaves as it was."""
import codecs
import hashlib
import json
import os
import sqlite3
import time

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from factcheck.present.cli import app

runner = CliRunner()
ARTICLE = "“We have no suspect,” the prosecutor said. The café stayed shut, witnesses said.\n"


def run(*args, input=None):
    result = runner.invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def dump_hash(db_path) -> str:
    with sqlite3.connect(db_path) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


@pytest.fixture
def seeded(db_path):
    assert run("ingest", str(ROOT / "seeds" / "montrouge.txt")).exit_code == 0
    return db_path


def stored_texts() -> list[str]:
    return [json.loads(run("show", str(a["id"]), "--json").output)["text"]
            for a in json.loads(run("articles", "--json").output)]


@pytest.mark.parametrize("content, message", [
    (b"", "empty, no text to read"),
    (b"  \n\t\n   \r\n", "empty, no text to read"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 40, "looks like a binary file"),
    (b"Police said it rained. " * 1000 + b"\x00" + b"More text. " * 10, "a NUL byte at byte 23,000"),
    ("Police said it rained.\x00".encode("utf-16"), "a NUL character"),
])
def test_a_file_that_is_not_an_article_is_refused_and_nothing_changes(seeded, tmp_path, content, message):
    before = dump_hash(seeded)
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("ingest", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and message in result.stderr
    assert dump_hash(seeded) == before


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-32"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
], ids=["utf-16-le", "utf-16", "utf-32", "utf-8-bom"])
def test_a_file_with_a_byte_order_mark_is_read(db_path, tmp_path, encode):
    path = tmp_path / "marked.txt"
    path.write_bytes(encode(ARTICLE))
    result = run("ingest", str(path))
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert stored_texts() == [ARTICLE]


@pytest.mark.parametrize("codec, text", [
    ("latin-1", "Le préfet a déclaré que la ville était calme. The mayor said the café was closed.\n"),
    ("cp1252", "“We have no suspect,” the prosecutor said – the café stayed shut… €5, witnesses said.\n"),
])
def test_a_legacy_file_is_read_with_one_line_saying_so(db_path, tmp_path, codec, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning")] == [
        f"warning: {path}: not UTF-8; read as Windows-1252"]
    assert stored_texts() == [text]


def test_one_bad_byte_keeps_the_utf8_and_names_the_offset(db_path, tmp_path):
    data = ARTICLE.encode("utf-8")
    data = data[:60] + b"\xe9" + data[60:]
    path = tmp_path / "one-bad-byte.txt"
    path.write_bytes(data)
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning")] == [
        f"warning: {path}: not valid UTF-8 at byte 60; replaced by U+FFFD"]
    [text] = stored_texts()
    assert text.startswith("“We have no suspect,”") and "â€" not in text and text.count("\ufffd") == 1
    claims = json.loads(run("claims", "--json").output)
    assert any(c["text"] == "We have no suspect" for c in claims)


def test_a_50_mb_file_is_refused_for_its_size_at_once(seeded, tmp_path):
    before = dump_hash(seeded)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The minister said it rained. " * (50_000_000 // 29))
    started = time.monotonic()
    result = run("ingest", str(path))
    assert time.monotonic() - started < 5  # refused on its size, not read and extracted
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {path}: {path.stat().st_size:,} bytes is over the "
                                     "5,000,000-byte limit (raise it with --max-bytes)")
    assert dump_hash(seeded) == before


def test_a_2_mb_single_line_is_extracted_in_bounded_time(db_path, tmp_path):
    # A run of text with cue words and no sentence end: quadratic before, 90 s on this line alone.
    line = ("police cars parked near the old station " * 40 + "officials said ") * 1250
    assert len(line) > 2_000_000 and "\n" not in line
    path = tmp_path / "one-line.txt"
    path.write_text(line)
    started = time.monotonic()
    result = run("ingest", str(path))
    assert time.monotonic() - started < 30
    assert result.exit_code == 0 and "stored article 1" in result.stderr
    claims = json.loads(run("claims", "--json").output)
    assert len(claims) >= 1000 and all(line[c["start"]:c["end"]] == c["text"] for c in claims)


@pytest.mark.parametrize("name, message", [
    ("no-such-file.txt", "no such file"),
    ("loop.txt", "a symbolic link loop"),
    ("dangling.txt", "a symbolic link to nothing"),
])
def test_a_path_that_is_not_a_file_is_one_line(seeded, tmp_path, name, message):
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    before = dump_hash(seeded)
    for command in ("ingest", "extract"):
        result = run(command, str(tmp_path / name))
        assert result.exit_code == 1
        assert result.stderr.strip() == f"error: {tmp_path / name}: {message}"
    assert dump_hash(seeded) == before


def test_extract_of_a_folder_says_it_is_one(db_path, tmp_path):
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1 and result.stderr.strip() == f"error: {tmp_path}: a folder, not a file"


def test_an_empty_folder_is_one_line(seeded, tmp_path):
    before = dump_hash(seeded)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "no .txt, .md or .html files" in result.stderr
    assert dump_hash(seeded) == before


def test_a_folder_of_odd_files_skips_each_with_a_line_and_stores_the_rest(db_path, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Police said the gunman fled.\n")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    (folder / "d-utf16.txt").write_bytes("Witnesses said a car stopped.\n".encode("utf-16"))
    os.symlink("e-loop.txt", folder / "e-loop.txt")
    (folder / "f-page.html").write_text("<html><body><p>The mayor said the bridge was shut.</p></body></html>")
    (folder / "g-notes.md").write_text("# Notes\n\nThe **minister** said it rained.\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: left alone, silently
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped: {folder / 'b-empty.txt'}: empty, no text to read",
                       f"skipped: {folder / 'c-binary.txt'}: looks like a binary file, not text (a NUL byte at byte 6)",
                       f"skipped: {folder / 'e-loop.txt'}: a symbolic link loop"]
    texts = stored_texts()
    assert len(texts) == 4 and not any("<" in t or "**" in t for t in texts)
