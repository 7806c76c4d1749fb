"""`factcheck links`, `link confirm`, `link reject`: listing, deciding, errors."""
import json
import re

import pytest
from typer.testing import CliRunner

from factcheck.present.cli import app
from conftest import ROOT

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), env={"COLUMNS": "80"})


@pytest.fixture
def seeded(db_path):
    assert run("ingest", str(ROOT / "seeds")).exit_code == 0
    return db_path


def pending(*args):
    result = run("links", *args, "--pending", "--json")
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.output)}


def test_confirm_and_reject_from_the_command_line(seeded):
    before = pending()
    assert before["8-29"]["relation"] == "agree" and before["7-38"]["relation"] == "contradict"
    result = run("link", "confirm", "29-8", "--by", "alice")  # either order
    assert result.exit_code == 0
    assert result.output.strip() == "link 8-29 confirmed: agree between claim 8 (article 1) and claim 29 (article 2)"
    assert run("link", "reject", "7-38", "--by", "bob").exit_code == 0
    after = pending()
    assert set(before) - set(after) == {"8-29", "7-38"}
    everything = {r["id"]: r for r in json.loads(run("links", "--json").output)}
    assert everything["8-29"]["status"] == "confirmed" and everything["8-29"]["reviewer"] == "alice"
    assert "7-38" not in everything  # rejected: listed only when asked for
    rejected = json.loads(run("links", "--rejected", "--json").output)
    assert [(r["id"], r["reviewer"]) for r in rejected] == [("7-38", "bob")]
    match = json.loads(run("match", "1", "--json").output)
    assert {"7-38", "8-29"} & {r["link_id"] for r in match} == {"8-29"}


def test_links_of_an_article_put_its_claim_first(seeded):
    rows = pending("Manhunt")
    assert rows and all(r["article_id"] == 2 and r["other_article"] != 2 for r in rows.values())


def test_links_table_reads_at_80_columns(seeded):
    run("link", "confirm", "8-29", "--by", "alice")
    result = run("links", "1")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "8-29" in result.output and "confirmed" in result.output and "suggested" in result.output
    corroboration = run("claims", "1", "--corroboration").output
    assert re.search(r"\+1 \(1✓\)", corroboration)


def test_nothing_pending_is_said(db_path):
    assert run("ingest", str(ROOT / "seeds" / "montrouge.txt")).exit_code == 0  # one article: no links
    result = run("links", "--pending")
    assert result.exit_code == 0 and result.output.strip() == "no links waiting for a decision"


@pytest.mark.parametrize("args, code, message", [
    (["link", "confirm", "8-9"], 1, "no link 8-9: claims 8 and 9 are not linked"),
    (["link", "reject", "eight"], 2, "is not a link id"),
    (["link", "reject", "8-8"], 2, "names one claim twice"),
    (["links", "99"], 1, "no article with id 99"),
    (["links", "--pending", "--rejected"], 2, "choose one of --pending and --rejected"),
])
def test_errors(seeded, args, code, message):
    result = run(*args)
    assert result.exit_code == code
    assert message in result.output
    assert json.loads(run("links", "--rejected", "--json").output) == []
    if code == 1:
        assert len(result.output.strip().splitlines()) == 1


def test_link_is_a_group_of_subcommands():
    result = run("link", "--help")
    assert result.exit_code == 0 and "confirm" in result.output and "reject" in result.output


def test_links_has_json_and_docs():
    assert "--json" in run("links", "--help").output
    usage = (ROOT / "docs" / "usage.md").read_text()
    for command in ("factcheck links", "factcheck link confirm", "factcheck link reject"):
        assert command in usage, command


def test_ingest_without_matching_then_the_second_pass(db_path):
    result = run("ingest", "--no-link", str(ROOT / "seeds"))
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "3 article(s) wait for matching: `factcheck link pending` matches them"
    assert run("links").output == "no links\n"
    assert json.loads(run("search", "Peugeot", "--json").output)[0]["article_id"] == 3  # searchable at once
    result = run("link", "pending", "--json")
    assert result.exit_code == 0
    rows, summary = json.loads(result.stdout), result.stderr.splitlines()[-1]
    assert [r["article_id"] for r in rows] == [1, 2, 3] and all(r["links"] > 0 for r in rows[1:])
    assert summary == f"matched 3 article(s): {sum(r['links'] for r in rows)} link(s)"
    assert len(json.loads(run("links", "--json").output)) > 0
    assert run("link", "pending").output == "matched 0 article(s): 0 link(s)\n"


def test_ingest_matches_what_it_stored_at_its_end(db_path):
    result = run("ingest", str(ROOT / "seeds"))
    assert result.exit_code == 0 and "wait for matching" not in result.output
    assert run("link", "pending").output == "matched 0 article(s): 0 link(s)\n"
    assert pending()["8-29"]["relation"] == "agree"
