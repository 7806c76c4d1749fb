"""CLI conventions: --version, -h, completion, one-line usage errors, plain metavars, one
vocabulary, claim ids, paging, confirmation, whole words at 80 columns, colour, search, exports."""
import json
import re
from importlib import metadata

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck import Store
from factcheck.model import SOURCE_KINDS
from factcheck.present import cli
from factcheck.present.cli import app
from conftest import ROOT

runner = CliRunner()
KINDS = "[" + "|".join(SOURCE_KINDS) + "]"


def run(*args, input=None, env=None):
    return runner.invoke(app, list(args), input=input, env=env, prog_name="factcheck")


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeded") / "claims.db"
    result = runner.invoke(app, ["--db", str(path), "ingest", str(ROOT / "seeds")])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def seeded(seeded_db, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(seeded_db))
    return seeded_db


@pytest.fixture
def fresh(db_path):
    assert run("ingest", str(ROOT / "seeds")).exit_code == 0
    return db_path


def commands():
    return [c.name or c.callback.__name__ for c in app.registered_commands]


def test_version_everywhere():
    assert factcheck.__version__ == metadata.version("factcheck")
    result = run("--version")
    assert result.exit_code == 0 and result.output == f"factcheck {factcheck.__version__}\n"


@pytest.mark.parametrize("command", [[], *([c] for c in commands())])
def test_h_is_help_and_help_has_plain_metavars(command):
    short, long = run(*command, "-h"), run(*command, "--help")
    assert short.exit_code == 0 and short.output == long.output
    assert not re.search(r"<\w", short.output), short.output  # no <str>, <bool>, <list[int]>
    assert "╭" not in short.output


def test_help_lists_choices_and_completion_offers_them():
    assert f"--kind {KINDS}" in run("claims", "-h").output
    assert "--only [contradictions|agreements|related|unique]" in run("compare", "-h").output
    assert "--relation [contradictions|agreements|related]" in run("match", "-h").output
    assert "--install-completion" in run("-h").output
    env = {"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck claims --kind o", "COMP_CWORD": "3"}
    assert run(env=env).output.split() == ["official_body"]


@pytest.mark.parametrize("args, line", [
    (["claims", "--kind", "person"], "error: --kind: 'person' is not one of: " + ", ".join(SOURCE_KINDS)),
    (["match", "1", "--relation", "contradict"],
     "error: --relation: 'contradict' is not one of: contradictions, agreements, related"),
    (["export", "1", "--format", "xml"], "error: --format: 'xml' is not one of: json, csv, claimreview"),
    (["claims", "--bogus"], "error: No such option: --bogus (see 'factcheck claims --help')"),
    (["verify"], "error: Missing argument 'CLAIM_IDS' (see 'factcheck verify --help')"),
    (["articles", "--limit", "-1"], "error: --limit: Input should be greater than or equal to 0"),
    (["search", '"vest'], "error: QUERY: the quote at '\"vest' is never closed"),
    (["search", "NOT vest"], "error: QUERY: NOT at the start needs a word before it, as in 'vest NOT police'"),
    (["search", "vest OR"], "error: QUERY: OR at the end needs a word after it"),
    (["search", "(vest"], "error: QUERY: a '(' is never closed"),
])
def test_usage_errors_are_one_line(seeded, args, line):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output == line + "\n"


def test_tables_say_the_kinds_options_take(seeded):
    kinds_shown = set()
    for command in (["claims"], ["sources"]):
        for line in run(*command).output.splitlines():
            kinds_shown |= {cell.strip() for cell in line.split("│")} & set(SOURCE_KINDS)
        assert not re.search(r"│ (person|official|writer) +│", run(*command).output)
    assert kinds_shown == {r["kind"] for r in json.loads(run("claims", "--json").output)}
    for kind in kinds_shown:
        rows = json.loads(run("claims", "--kind", kind, "--json").output)
        assert rows and {r["kind"] for r in rows} == {kind}
    assert "named_person" in run("show", "1", "--highlight").output  # the legend


def test_match_relation_takes_the_words_of_compare_only(seeded):
    every = json.loads(run("match", "1", "--json").output)
    for word, relation in (("contradictions", "contradict"), ("agreements", "agree"), ("related", "related")):
        rows = json.loads(run("match", "1", "--relation", word, "--json").output)
        assert rows == [r for r in every if r["relation"] == relation]
        assert run("compare", "1", "3", "--only", word).exit_code == 0
    assert json.loads(run("match", "1", "--relation", "contradictions", "--json").output)


def test_compare_and_match_show_claim_ids(seeded):
    pair = next(p for p in json.loads(run("compare", "1", "3", "--json").output)["pairs"] if p["label"] == "contradict")
    shown = run("compare", "1", "3", "--only", "contradictions").output
    assert f"[{pair['a']['id']}]" in shown and f"[{pair['b']['id']}]" in shown
    link = json.loads(run("match", "1", "--relation", "contradictions", "--json").output)[0]
    shown = run("match", "1", "--relation", "contradictions").output
    assert f"[{link['claim_id']}]" in shown and f"[{link['other_id']}]" in shown


def test_limit_and_offset(seeded):
    every = json.loads(run("articles", "--json").output)
    assert json.loads(run("articles", "--limit", "1", "--offset", "1", "--json").output) == every[1:2]
    claims = json.loads(run("claims", "--json").output)
    assert json.loads(run("claims", "--limit", "3", "--offset", "2", "--json").output) == claims[2:5]
    assert json.loads(run("claims", "1", "--limit", "0", "--json").output) == []
    table = run("claims", "--limit", "2").output
    assert re.search(rf"│ +{claims[1]['id']} │", table) and not re.search(rf"│ +{claims[2]['id']} │", table)
    corroborated = json.loads(run("claims", "1", "--corroboration", "--limit", "2", "--json").output)
    assert [c["id"] for c in corroborated] == [c["id"] for c in claims[:2]]


def test_remove_asks_at_a_terminal(fresh, monkeypatch):
    def article_ids():
        return [a["id"] for a in json.loads(run("articles", "--json").output)]

    refused = run("remove", "3")
    assert refused.exit_code == 2 and refused.output == "error: --yes: not at a terminal to confirm; add --yes to remove\n"
    monkeypatch.setattr(cli, "at_a_terminal", lambda: True)
    kept = run("remove", "3", input="n\n")
    assert kept.exit_code == 1 and "nothing removed" in kept.output and article_ids() == [1, 2, 3]
    removed = run("remove", "3", input="y\n")
    assert removed.exit_code == 0 and "remove article 3 'Gunman kills" in removed.output
    assert article_ids() == [1, 2]
    assert run("remove", "2", "--yes").exit_code == 0 and article_ids() == [1]


@pytest.mark.parametrize("command", [["claims"], ["claims", "1", "--corroboration"], ["sources"], ["story", "1"],
                                     ["compare", "1", "3"], ["match", "1"], ["search", "police"]])
def test_names_never_break_mid_word_at_80_columns(seeded, command):
    output = run(*command).output
    assert max(len(line) for line in output.splitlines()) <= 80
    shown = set(re.findall(r"[\w’'-]+", output))
    for row in json.loads(run("claims", "--json").output):
        for name in (row["source"], row["source_text"]):
            for word in re.findall(r"[\w’'-]+", name or ""):
                cut = [(word[:i], word[i:]) for i in range(1, len(word)) if {word[:i], word[i:]} <= shown]
                assert word in shown or not cut, (word, output)


def test_history_keeps_an_evidence_link_whole(fresh):
    url = "https://example.org/prefecture/communiques/2015/01/08/montrouge-fusillade-avenue-brossolette-bilan"
    assert run("verify", "7", "--status", "verified", "--note", "Confirmed " * 20, "--evidence", url).exit_code == 0
    output = run("history", "7").output
    assert f"  {url}\n" in output and "verified" in output and "Confirmed" in output


def test_show_highlight_keeps_colour_when_asked(seeded):
    assert "\x1b[" not in run("show", "1", "--highlight").output
    assert "\x1b[" in run("show", "1", "--highlight", "--color", "always").output
    assert "\x1b[" in run("--color", "always", "show", "1", "--highlight").output
    assert "\x1b[" not in run("show", "1", "--highlight").output  # the next command is back to auto


@pytest.mark.parametrize("query, wanted, unwanted", [
    ('"bullet-proof vest"', ["bullet-proof vest"], []),
    ("bullet-proof vest", ["bullet-proof vest"], []),
    ("Renault OR Peugeot", ["Renault", "Peugeot"], []),
    ("vest NOT attacker", ["vest"], ["attacker"]),
    ("polic*", ["police", "policewoman"], []),
    ("policewomen", ["policewoman"], []),
    ("(Clio OR Peugeot) AND gunman", ["Peugeot"], ["Clio"]),
])
def test_search_syntax(seeded, query, wanted, unwanted):
    result = run("search", query, "--json")
    assert result.exit_code == 0, result.output
    texts = [r["text"] for r in json.loads(result.output)]
    for word in wanted:
        assert any(word.lower() in t.lower() for t in texts), (word, texts)
    for word in unwanted:
        assert not any(word.lower() in t.lower() for t in texts), (word, texts)


def test_search_phrase_keeps_word_order_and_no_match_is_said(seeded):
    assert json.loads(run("search", '"vest bullet-proof"', "--json").output) == []
    result = run("search", "zebra")
    assert result.exit_code == 0 and result.output == "no claims match 'zebra'\n"
    assert run("search", "zebra", "--json").output == "[]\n"


def test_exports_say_which_article_every_row_is_from(db_path):
    assert run("ingest", "-", "--title", "Wire copy", "--outlet", "Reuters", "--url", "https://r.example/1",
               "--published", "2015-01-08", input="Police said the gunman fled. Witnesses said he ran.\n").exit_code == 0
    origin = {"article_id": 1, "article_title": "Wire copy", "outlet": "Reuters", "url": "https://r.example/1",
              "published": "2015-01-08"}
    rows = json.loads(run("export", "1").output)
    assert len(rows) == 2 and all(r.items() >= origin.items() for r in rows)
    header, *lines = run("export", "1", "--format", "csv").stdout.splitlines()
    assert set(origin) <= set(header.split(",")) and len(lines) == 2
    assert all("Wire copy,Reuters,https://r.example/1,2015-01-08" in line for line in lines)


def test_export_with_nothing_to_export_says_so(db_path):
    assert run("ingest", "-", input="Bridge closed\n\nBy Jane Doe, Reuters\n").exit_code == 0  # no claims
    for format_ in ("json", "csv"):
        empty = run("export", "1", "--format", format_)
        assert empty.exit_code == 0 and empty.stderr == "article 1 has no claims; nothing to export\n"
    run("ingest", "-", input="Police said the gunman fled.\n")
    reviews = run("export", "2", "--format", "claimreview", "--review-url", "https://x.example")
    assert reviews.exit_code == 0 and reviews.stdout == "[]\n"
    assert "no claim of article 2 has a verdict; nothing to export" in reviews.stderr


def test_store_is_a_context_manager_and_json_booleans_are_booleans(seeded):
    with Store(seeded) as store:
        assert store.articles(limit=1)[0]["id"] == 1
    with pytest.raises(Exception):
        store.articles()  # closed
    claims = json.loads(run("claims", "--json").output)
    assert all(isinstance(c["quoted"], bool) and isinstance(c["hedged"], bool) for c in claims)
    assert any(c["quoted"] for c in claims)
    assert json.loads(run("show", "1", "--json").output)["story_pinned"] is False


def test_a_verdict_already_given_says_nothing_was_recorded(fresh):
    assert run("verify", "7", "--status", "verified").exit_code == 0
    again = run("verify", "7", "--status", "verified")
    assert again.exit_code == 0 and "claim 7: already verified, nothing recorded" in again.output
    assert [row["status"] for row in json.loads(run("history", "7", "--json").output)["history"]] == ["verified"]
