"""The command line: every command, its --json, and one-line errors with non-zero exits."""
import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factcheck import Store
from factcheck.present.cli import app
from conftest import ROOT

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def seeded(db_path):
    result = run("ingest", str(ROOT / "seeds"))
    assert result.exit_code == 0, result.output
    return db_path


def test_ingest_folder_then_list(seeded):
    rows = json.loads(run("articles", "--json").output)
    assert [r["title"] for r in rows] == [
        "montrouge", "Manhunt widens as second attack hits police", "Gunman kills policewoman south of Paris"]
    assert all(r["claims"] > 0 for r in rows)


def test_reingest_says_unchanged(seeded):
    result = run("ingest", str(ROOT / "seeds" / "montrouge.txt"))
    assert result.exit_code == 0
    assert "unchanged article 1 'montrouge', already stored" in result.output


def test_claims_of_an_article_by_title_prefix(seeded):
    rows = json.loads(run("claims", "montrouge", "--kind", "named_person", "--json").output)
    assert [(r["source_text"], r["cue"]) for r in rows] == [
        ("Montrouge mayor Pierre Brossollette", "said"), ("prime minister Manuel Valls", "said")]


def test_claims_table_fits_80_columns(seeded):
    output = run("claims", "montrouge").output
    assert "Witnesses" in output and "anonymous" in output
    assert max(len(line) for line in output.splitlines()) <= 80


def test_claims_show_whom_he_or_she_stands_for(db_path, tmp_path):
    report = tmp_path / "arrest.txt"
    report.write_text("Police arrested Tom Jones at the harbour. He was charged with arson, officers said.\n")
    assert run("ingest", str(report)).exit_code == 0
    table = run("claims", "arrest").output
    assert "[he:" in table and "Jones?]" in table
    rows = json.loads(run("claims", "arrest", "--json").output)
    assert [r["subject"] for r in rows] == [None, "Tom Jones"]


def test_sources_across_articles_merge(seeded):
    rows = json.loads(run("sources", "--json").output)
    valls = [r for r in rows if "Valls" in r["name"]]
    assert len(valls) == 1 and valls[0]["articles"] == 3


def test_show_highlight_and_json(seeded):
    result = run("show", "1", "--highlight")
    assert result.exit_code == 0 and "Kebab shop explosion" in result.output
    data = json.loads(run("show", "1", "--json").output)
    assert {s["kind"] for s in data["sentences"]} == {"sentence", "subheading", "credit"}


def test_search(seeded):
    rows = json.loads(run("search", "bullet-proof vest", "--json").output)
    assert len(rows) >= 2 and all("vest" in r["text"] for r in rows)


def test_extract_json_contract():
    result = run("extract", "-", "--json", input="The attack, the minister said, was planned.\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 0
    assert {line["attribution"]["source"] for line in lines} == {"the minister"}
    for line in lines:
        assert set(line) >= {"text", "start", "end", "attribution"}
        assert set(line["attribution"]) >= {"source", "source_start", "source_end", "cue", "cue_start", "cue_end", "kind"}


def test_ingest_stdin_with_metadata(db_path):
    result = run("ingest", "-", "--title", "Wire copy", "--outlet", "Reuters", "--published", "2015-01-08",
                 input="Police said the gunman fled.\n")
    assert result.exit_code == 0, result.output
    row = json.loads(run("articles", "--json").output)[0]
    assert (row["title"], row["outlet"], row["published"]) == ("Wire copy", "Reuters", "2015-01-08")


def test_every_listing_command_has_json():
    for command in ("articles", "claims", "sources", "show", "search", "compare", "match", "relate"):
        assert "--json" in runner.invoke(app, [command, "--help"]).output, command


def test_every_command_has_help_and_a_docs_entry():
    usage = (ROOT / "docs" / "usage.md").read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, name
        assert f"factcheck {name}" in usage, name


@pytest.mark.parametrize("args, message", [
    (["claims", "99"], "no article with id 99"),
    (["show", "nothing-like-this"], "no article matches"),
    (["ingest", "/no/such/file.txt"], "no such file"),
])
def test_errors_are_one_line(db_path, args, message):
    Store(db_path).close()  # an empty database: the error is about the article, not the database
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_date_is_a_usage_error(db_path):
    result = run("ingest", "-", "--published", "yesterday", input="Police said it rained.")
    assert result.exit_code == 2


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "binary"),
])
def test_bad_files_are_refused_and_store_unchanged(seeded, tmp_path, content, message):
    before = run("articles", "--json").output
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("ingest", str(path))
    assert result.exit_code == 1 and message in result.output
    assert run("articles", "--json").output == before


def test_cp1252_file_is_decoded(db_path, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le préfet a déclaré: « calme ». The mayor said the café was closed.".encode("cp1252"))
    assert run("ingest", str(path)).exit_code == 0
    rows = json.loads(run("claims", "--json").output)
    assert any("café" in r["text"] for r in rows)


def test_oversized_file_is_refused_unless_raised(db_path, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The minister said it rained. " * 40_000)
    result = run("ingest", str(path), "--max-bytes", "100000")
    assert result.exit_code == 1 and "limit" in result.output
    assert run("ingest", str(path), "--max-bytes", "2000000").exit_code == 0


def test_corrupt_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "claims.db"
    path.write_bytes(b"garbage" * 1000)
    result = runner.invoke(app, ["--db", str(path), "articles"])
    assert result.exit_code == 1 and "not a factcheck database" in result.output
    assert path.read_bytes() == b"garbage" * 1000


def test_folder_with_a_bad_file_keeps_the_good_ones(db_path, tmp_path):
    (tmp_path / "a.txt").write_text("Police said the gunman fled.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text("Witnesses said a car stopped.")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == 1 and "skipped" in result.output
    assert len(json.loads(run("articles", "--json").output)) == 2


def test_two_processes_ingest_at_once(tmp_path):
    db = tmp_path / "claims.db"
    folders = []
    for n in range(2):
        folder = tmp_path / f"batch{n}"
        folder.mkdir()
        for i in range(15):
            (folder / f"{i}.txt").write_text(f"Report {n}-{i}. Police said {i} people were hurt in batch {n}.")
        folders.append(folder)
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "--db", str(db), "ingest", str(f)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in folders]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    listed = subprocess.run([sys.executable, "-m", "factcheck", "--db", str(db), "articles", "--json"],
                            capture_output=True, check=True)
    assert len(json.loads(listed.stdout)) == 30


def test_demo_on_the_seeds(db_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert re.search(r"Brossollette", result.output)


def test_compare_side_by_side(seeded):
    result = run("compare", "montrouge", "Gunman")
    assert result.exit_code == 0, result.output
    assert "Renault" in result.output and "Peugeot" in result.output
    assert "Only in 1: montrouge" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    only = run("compare", "1", "3", "--only", "contradictions").output
    assert "Peugeot" in only and "bullet-proof" not in only


def test_compare_json_has_the_same_structure(seeded):
    data = json.loads(run("compare", "1", "3", "--json").output)
    assert set(data) == {"a", "b", "pairs", "only_a", "only_b"}
    contradiction = next(p for p in data["pairs"] if "Peugeot" in p["b"]["text"])
    assert contradiction["label"] == "contradict"
    assert contradiction["conflicts"] == [["Renault Clio", "Peugeot"]]
    assert contradiction["a"]["source"] == "Witnesses"


def test_compare_errors(seeded):
    assert run("compare", "1", "1").exit_code == 1
    assert run("compare", "1", "99").exit_code == 1
    assert run("compare", "1", "2", "--only", "everything").exit_code == 2


def test_match_and_corroboration(seeded):
    rows = json.loads(run("match", "1", "--json").output)
    assert {"agree", "contradict"} <= {r["relation"] for r in rows}
    claims = json.loads(run("claims", "1", "--corroboration", "--json").output)
    vest = next(c for c in claims if "bullet-proof" in c["text"])
    assert vest["agree_articles"] == 2 and vest["agree_sources"] == 1
    assert "+1" in run("claims", "1", "--corroboration").output


def test_relate_command():
    result = run("relate", "Twelve people were killed", "Eleven people died in the attack", "--json")
    data = json.loads(result.output)
    assert data["label"] == "contradict" and data["conflicts"] == [["Twelve people", "Eleven people"]]
    assert "contradict" in run("relate", "Twelve people were killed", "Eleven people died").output


def test_stories_and_a_story_with_its_contradictions(seeded):
    stories = json.loads(run("stories", "--json").output)
    assert len(stories) == 1 and [a["id"] for a in stories[0]["articles"]] == [1, 2, 3]
    shown = json.loads(run("story", "1", "--only", "contradictions", "--json").output)
    assert shown["propositions"] and all(p["contradicts"] for p in shown["propositions"])
    texts = [c["text"] for p in shown["propositions"] for c in p["claims"]]
    assert any("Renault Clio" in t for t in texts) and any("Peugeot" in t for t in texts)
    table = run("story", "1")
    assert table.exit_code == 0 and "Propositions" in table.output


def test_story_corrections_and_their_errors(seeded):
    assert run("story", "merge", "1", "1").exit_code == 1
    assert run("story", "split", "1").exit_code == 2
    split = run("story", "split", "1", "--article", "3")
    assert split.exit_code == 0 and split.output.startswith("story 2")
    assert run("story", "merge", "1", "2").exit_code == 0
    assert len(json.loads(run("stories", "--json").output)) == 1
    assert run("story", "9").exit_code == 1
