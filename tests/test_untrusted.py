"""Article text is data: never rich markup, never terminal control; exports stay inert; odd
ids and numbers fail in one line. Each case reproduces a failure issue 13 found on main."""
import asyncio
import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from rich.console import Console
from typer.testing import CliRunner

from factcheck import Store
from factcheck.present.cli import app
from factcheck.present.exports import as_csv
from factcheck.present.inert import inert, visible
from factcheck.present.render import articles_table, claims_table
from factcheck.present.review import ReviewApp

runner = CliRunner()
# What may never reach a terminal from stored text: C0 (but tab and newline), DEL and C1 controls,
# bidi controls and zero-width characters (they reorder or hide text).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

MARKUP_ARTICLE = ("Mayor [/nope] speaks\n\nPolice said the man [bold]fled[/x] on foot.\n\n"
                  "Witnesses said [link=file:///etc/passwd]a van[/link] was parked outside.\n")
CONTROL_ARTICLE = ("Title \x1b]0;pwned\x07 here\n\n"
                   "Police said the man \x1b]8;;http://evil.example\x1b\\fled\x1b]8;;\x1b\\ on foot.\n\n"
                   "Witnesses said a van \x1b]52;c;ZXZpbA==\x07 was \x9b31m parked \x1b[2J there.\r\n"
                   "The prefect said the area was\rsealed off \x08\x7f today.\n")
REVISED_ARTICLE = CONTROL_ARTICLE + "\nOfficials said the [red]road\x1b]0;rev\x07 reopened.\n"
HOSTILE_NOTE = "[/note] \x1b]0;note\x07 =HYPERLINK(\"http://evil\")"


def run(*args, input=None, db=None):
    return runner.invoke(app, [*(["--db", str(db)] if db else []), *args], input=input)


@pytest.fixture
def hostile(db_path):
    """Article 1 full of rich markup, article 2 full of terminal controls (and a second revision
    adding more); a verdict on claim 1 with a note full of both."""
    for text, url in ((MARKUP_ARTICLE, "https://a.example/1"), (CONTROL_ARTICLE, "https://a.example/2"),
                      (REVISED_ARTICLE, "https://a.example/2")):
        result = run("ingest", "-", "--url", url, input=text)
        assert result.exit_code == 0, result.output
    assert run("verify", "1", "--status", "disputed", "--note", HOSTILE_NOTE, "--by", "[b]x\x1b[31m").exit_code == 0
    return db_path


HUMAN_VIEWS = [
    ["articles"], ["claims"], ["claims", "1"], ["claims", "2", "--corroboration"], ["sources"],
    ["sources", "2"], ["search", "police"], ["search", "van"], ["history", "1"], ["show", "1"],
    ["show", "2"], ["show", "1", "--highlight"], ["show", "2", "--highlight"], ["stories"], ["story", "1"],
    ["compare", "1", "2"], ["match", "2"], ["export", "2", "--format", "json"], ["show", "2", "--revisions"],
    ["show", "2", "--revision", "1"], ["edit", "1", "--title", "[/t] \x1b]0;edited\x07"],
]


def test_the_issue_example_lists_and_removes(tmp_path):
    (tmp_path / "t.txt").write_text("Mayor [/nope] speaks\n\nPolice said the man fled on foot.\n")
    db = tmp_path / "t.db"
    ingested = run("ingest", str(tmp_path / "t.txt"), db=db)
    assert ingested.exit_code == 0 and "stored article 1 'Mayor [/nope] speaks'" in ingested.output
    listed = run("articles", db=db)
    assert listed.exit_code == 0 and "Mayor [/nope] speaks" in listed.output
    removed = run("remove", "1", "--yes", db=db)
    assert removed.exit_code == 0 and "removed article 1 'Mayor [/nope] speaks'" in removed.output


@pytest.mark.parametrize("args", HUMAN_VIEWS, ids=" ".join)
def test_every_human_view_shows_stored_text_inert(hostile, args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert not CONTROL.findall(result.output)


def test_markup_is_shown_literally(hostile):
    assert "Mayor [/nope] speaks" in run("articles").output
    assert "[bold]fled[/x]" in run("claims", "1").output
    assert "[/note]" in run("history", "1").output
    assert "[link=file:///etc/passwd]a van[/link]" in run("show", "1").output


def test_controls_are_visible_escapes(hostile):
    shown = run("show", "2").output
    assert "Title \\x1b]0;pwned\\x07 here" in shown
    assert "\\x1b]52;c;ZXZpbA==\\x07" in shown and "\\x9b31m" in shown and "\\x1b[2J" in shown
    assert "was\\x0dsealed" in shown  # a lone CR would overwrite the line; CR LF is a line end
    assert "there.\n" in shown and "\\x0d\n" not in shown
    assert "\\x1b]0;note\\x07" in run("history", "1").output
    assert "road\\x1b]0;rev\\x07 reopened" in run("show", "2", "--revisions").output


def test_json_keeps_the_exact_text(hostile):
    output = run("show", "2", "--json").output
    assert not CONTROL.findall(output)  # JSON escapes C0; factcheck escapes DEL and C1 too
    article = json.loads(output)
    assert article["text"] == REVISED_ARTICLE
    assert all(article["text"][c["start"]:c["end"]] == c["text"] for c in article["claims"])
    assert json.loads(run("show", "2", "--revision", "1", "--json").output)["text"] == CONTROL_ARTICLE
    history = json.loads(run("history", "1", "--json").output)["history"]
    assert history[-1]["note"] == HOSTILE_NOTE


def test_error_lines_stay_one_inert_line(hostile):
    result = run("show", "x\x1b]0;y\x07\nz")
    assert result.exit_code == 1
    assert result.stderr == "error: no article matches 'x\\x1b]0;y\\x07\\nz'\n"


def test_a_markup_link_is_no_hyperlink_on_a_real_terminal():
    out = io.StringIO()
    terminal = Console(file=out, force_terminal=True, color_system="truecolor", width=80)
    title = "[link=file:///etc/passwd]x[/link]"
    terminal.print(articles_table([{"id": 1, "title": title, "outlet": "[red]o", "published": None,
                                    "claims": 0, "sources": 0}]))
    terminal.print(claims_table([{"id": 1, "text": "\x1b]8;;http://e\x1b\\y", "source": title,
                                  "kind": "named_person", "cue": "said"}], title=title))
    assert "\x1b]" not in out.getvalue()  # no OSC at all: no hyperlink, title or clipboard
    assert "[link=file:///etc/passwd]x[/link]" in out.getvalue()


def test_inert_moves_highlights_with_the_escapes():
    shown = inert("a\x1bbc\r\nd", spans=[(2, 3, "bold"), (1, 6, "red")])
    assert shown.plain == "a\\x1bbc\nd"
    assert [(s.start, s.end, s.style) for s in shown.spans if s.style != "reverse"] == [
        (5, 6, "bold"), (1, 8, "red")]
    assert visible("\x1b\x9b\t\n") == "\\x1b\\x9b\t\n"


# An override that makes "said the man fled" read backwards, an isolate, and zero-width characters
# hiding inside words, in the title, a claim, a source name and a note.
BIDI_ARTICLE = ("Mayor\u202e denies\u202c all\u2066 x\u2069\n\n"
                "Police said the man\u200b fled\u202e on foot\u202c, not by car.\n\n"
                "Jean\u200dDupont\ufeff said a van was\u2060 parked\u200e outside.\n")
BIDI_NOTE = "checked\u202e with\u2067 the prefect\u200b"


def test_bidi_controls_and_zero_width_characters_are_visible_escapes(db_path):
    assert run("ingest", "-", input=BIDI_ARTICLE).exit_code == 0
    assert run("verify", "1", "--status", "disputed", "--note", BIDI_NOTE, "--by", "a\u202eb").exit_code == 0
    for args in (["articles"], ["claims"], ["claims", "1", "--corroboration"], ["sources"], ["search", "police"],
                 ["history", "1"], ["show", "1"], ["show", "1", "--highlight"], ["show", "1", "--revisions"],
                 ["stories"], ["story", "1"], ["export", "1", "--format", "json"]):
        result = run(*args)
        assert result.exit_code == 0 and not CONTROL.findall(result.output), (args, result.output)
    shown = run("show", "1").output
    assert "Mayor\\u202e denies\\u202c all\\u2066 x\\u2069" in shown
    assert "man\\u200b fled\\u202e on foot\\u202c" in shown and "Jean\\u200dDupont\\ufeff said" in shown
    assert "was\\u2060 parked\\u200e outside" in shown
    assert "checked\\u202e with\\u2067 the prefect\\u200b" in run("history", "1").output
    article = json.loads(run("show", "1", "--json").output)  # JSON: escaped, and exact once decoded
    assert article["text"] == BIDI_ARTICLE and not INVISIBLE.findall(run("show", "1", "--json").output)
    assert json.loads(run("history", "1", "--json").output)["history"][-1]["note"] == BIDI_NOTE
    assert all(BIDI_ARTICLE[c["start"]:c["end"]] == c["text"] for c in article["claims"])


def test_inert_moves_highlights_past_wide_escapes():
    shown = inert("a\u202ebc\u200bd", spans=[(2, 3, "bold"), (4, 5, "red")])
    assert shown.plain == "a\\u202ebc\\u200bd"
    moved = [(s.start, s.end, s.style) for s in shown.spans if s.style != "reverse"]
    assert moved == [(7, 8, "bold"), (9, 15, "red")]  # "red" covered the zero-width space: now its escape
    assert visible("\u2066\u2069\ufeff\u061c") == "\\u2066\\u2069\\ufeff\\u061c"
    assert visible("naïve — “quoted” 中文 é") == "naïve — “quoted” 中文 é"  # other text as it is


def test_review_first_screen_is_inert(hostile):
    store = Store(hostile)

    async def screen(article_id):
        review = ReviewApp(store, article_id, reviewer="tester")
        async with review.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return review.export_screenshot()
    for article_id in (1, 2):
        shot = asyncio.run(screen(article_id))
        assert not CONTROL.findall(shot)
    assert "\\x1b]0;pwned" in shot


def test_claimreview_is_safe_inside_a_script_block(db_path):
    text = "Title\n\nThe mayor said the area </script><script>alert(1)</script> was sealed off & closed.\n"
    assert run("ingest", "-", input=text).exit_code == 0
    assert run("verify", "1", "--status", "false").exit_code == 0
    result = run("export", "1", "--format", "claimreview", "--review-url", "https://x.example/r?a=1&b=2")
    assert result.exit_code == 0
    assert not set("<>&") & set(result.stdout)
    assert "\\u003c/script\\u003e" in result.stdout
    review = json.loads(result.stdout)[0]
    assert review["claimReviewed"] == Store(db_path).claim(1)["text"] and "</script>" in review["claimReviewed"]
    assert review["url"] == "https://x.example/r?a=1&b=2#claim-1"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_start_like_formulas_get_a_quote(cell):
    rows = [{"id": 1, "start": -1, "text": cell, "note": None}]
    assert next(csv.DictReader(io.StringIO(as_csv(rows)))) == {"id": "1", "start": "-1", "text": "'" + cell,
                                                              "note": ""}
    assert next(csv.DictReader(io.StringIO(as_csv(rows, raw=True))))["text"] == cell


def test_csv_export_neutralises_and_raw_keeps_the_bytes(hostile):
    note = "=HYPERLINK(\"http://evil\")"
    assert run("verify", "2", "--note", note).exit_code == 0
    safe = list(csv.DictReader(io.StringIO(run("export", "1", "--format", "csv").stdout)))
    raw = list(csv.DictReader(io.StringIO(run("export", "1", "--format", "csv", "--raw").stdout)))
    assert [r["note"] for r in safe if r["id"] == "2"] == ["'" + note]
    assert [r["note"] for r in raw if r["id"] == "2"] == [note]
    assert [r["note"] for r in raw if r["id"] == "1"] == [HOSTILE_NOTE]  # starts with [: left alone


HUGE = "99999999999999999999"


@pytest.mark.parametrize("args", [
    ["show", HUGE], ["claims", HUGE], ["sources", HUGE], ["history", HUGE], ["verify", HUGE, "--status", "false"],
    ["search", "police", "--limit", HUGE], ["story", HUGE], ["story", "merge", "1", HUGE],
    ["story", "split", "1", "--article", HUGE], ["export", HUGE], ["match", HUGE], ["compare", "1", HUGE],
    ["remove", HUGE], ["review", HUGE], ["show", "²"], ["claims", "²"], ["compare", "1", "²"],
], ids=" ".join)
def test_huge_or_odd_ids_give_one_line(hostile, args):
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")


@pytest.mark.parametrize("args", [["history", "²"], ["story", "²"], ["verify", "²"]], ids=" ".join)
def test_odd_numbers_are_usage_errors(hostile, args):
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output


# -- never crash, never leak a control, whatever the article holds -------------------------------

TRICKY = st.sampled_from(["[", "]", "/", "=", "@", "\x1b", "\r", "\x00", '"', "'", "\\", "\t", "\n", " ",
                          "\x9b", "\x07", "[bold]", "[/x]", "[link=file:///etc/passwd]", "[/link]", "]8;;",
                          "=cmd|", "@SUM(", "a", "Police", "\u202e", "\u2066", "\u200b", "\u200f", "x\ufeff"])
FRAGMENT = st.lists(TRICKY, max_size=12).map("".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=FRAGMENT, said=FRAGMENT, who=FRAGMENT, tail=FRAGMENT)
def test_any_article_text_stays_inert(title, said, who, tail):
    text = f"{title}x\n\nPolice said the man {said} fled on foot.\n\n{who} said the van was {tail} parked.\n"
    assume(text.strip())
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "claims.db"
        ingested = run("ingest", "-", input=text, db=db)
        if "\x00" in text:  # binary to the reader; the store takes it from the library all the same
            assert ingested.exit_code == 1 and len(ingested.stderr.splitlines()) == 1
            Store(db).ingest(text, name="nul")
        else:
            assert ingested.exit_code == 0, ingested.output
        assert not CONTROL.findall(ingested.output)
        assert run("ingest", "-", input="Other report\n\nPolice said the man fled on foot.\n", db=db).exit_code == 0
        assert run("verify", "1", "--status", "disputed", "--note", said or "n", db=db).exit_code == 0
        for args in (["articles"], ["claims"], ["claims", "1", "--corroboration"], ["sources"],
                     ["search", "police"], ["history", "1"], ["show", "1"], ["show", "1", "--highlight"],
                     ["stories"], ["story", "1"], ["compare", "1", "2"], ["match", "1"]):
            result = run(*args, db=db)
            assert result.exit_code == 0 and not CONTROL.findall(result.output), (args, result.output)
        article = json.loads(run("show", "1", "--json", db=db).output)
        assert article["text"] == text
        claims = json.loads(run("claims", "--json", db=db).output)
        assert all(json.loads(run("show", str(c["article_id"]), "--json", db=db).output)["text"][c["start"]:c["end"]]
                   == c["text"] for c in claims[:3])

        async def first_screen():
            review = ReviewApp(Store(db), 1, reviewer="tester")
            async with review.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                return review.export_screenshot()
        assert not CONTROL.findall(asyncio.run(first_screen()))
