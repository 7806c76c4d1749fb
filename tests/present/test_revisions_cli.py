"""The command line on an article that changes: revisions, edit, and a forced folder with verdicts."""
import json
import re

from typer.testing import CliRunner

from factcheck.present.cli import app

runner = CliRunner()
V1 = """Gunman kills policewoman in Montrouge

A policewoman was shot dead in Montrouge on Thursday morning, police said.
The gunman fled in a Renault Clio, witnesses said.
Four people were wounded in the attack, the mayor said.
"""
V2 = V1.replace("Four", "Five").replace("The gunman fled in a Renault Clio, witnesses said.\n",
                                         "Prime minister Manuel Valls said seven people had been arrested.\n")


def run(*args):
    return runner.invoke(app, list(args))


def test_a_changed_file_is_a_revision_and_says_what_changed(db_path, tmp_path):
    live = tmp_path / "live.txt"
    live.write_text(V1)
    assert run("ingest", str(live)).exit_code == 0
    assert run("verify", "2", "--status", "disputed", "--by", "alice").exit_code == 0
    live.write_text(V2)
    result = run("ingest", str(live))
    assert result.exit_code == 0
    assert "revised article 1 'Gunman kills policewoman in Montrouge': revision 2, claims 1 kept, " \
           "1 changed, 1 appeared, 1 went" in " ".join(result.output.split())
    again = run("ingest", str(live))
    assert "unchanged article 1" in again.output and "already stored" in again.output
    assert len(json.loads(run("articles", "--json").output)) == 1

    revisions = json.loads(run("show", "1", "--revisions", "--json").output)
    assert [r["number"] for r in revisions] == [1, 2]
    assert {c["change"] for c in revisions[1]["changes"]} == {"appeared", "changed", "went"}
    table = run("show", "1", "--revisions").output
    assert "- [2] The gunman fled in a Renault Clio" in table and "1 kept, 1 changed" in table
    assert max(len(line) for line in table.splitlines()) <= 80
    old = json.loads(run("show", "1", "--revision", "1", "--json").output)
    assert old["text"] == V1 and all(V1[c["start"]:c["end"]] == c["text"] for c in old["claims"])
    assert run("show", "1", "--revision", "3").exit_code == 1

    listed = [c["id"] for c in json.loads(run("claims", "--json").output)]
    everything = json.loads(run("claims", "--retired", "--json").output)
    assert 2 not in listed and 2 in [c["id"] for c in everything]
    assert "[retired]" in run("claims", "--retired").output
    history = json.loads(run("history", "2", "--json").output)
    assert history["claim"]["retired_at"] and history["history"][0]["status"] == "disputed"
    assert history["revisions"][0]["change"] == "went"
    assert "revision 2" in run("history", "2").output


def test_edit_changes_metadata_and_keeps_claims(db_path, tmp_path):
    live = tmp_path / "live.txt"
    live.write_text(V1)
    run("ingest", str(live))
    claims = run("claims", "--json").output
    ingested_at = json.loads(run("show", "1", "--json").output)["ingested_at"]
    result = run("edit", "1", "--title", "Shooting in Montrouge", "--outlet", "AFP", "--published", "2015-01-08")
    assert result.exit_code == 0 and "edited article 1 'Shooting in Montrouge'" in result.output
    row = json.loads(run("articles", "--json").output)[0]
    assert (row["title"], row["outlet"], row["published"]) == ("Shooting in Montrouge", "AFP", "2015-01-08")
    assert run("claims", "--json").output == claims
    shown = json.loads(run("show", "1", "--json").output)
    assert shown["ingested_at"] == ingested_at and shown["updated_at"] >= ingested_at
    nothing = run("edit", "1")
    assert nothing.exit_code == 1 and "nothing to change" in nothing.output
    assert run("edit", "1", "--published", "yesterday").exit_code == 2
    assert run("edit", "9", "--title", "x").exit_code == 1


def test_forced_folder_re_extracts_a_reviewed_article_too(db_path, tmp_path):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(f"Police said {n} people were hurt in town {n}.")
    assert run("ingest", str(tmp_path)).exit_code == 0
    reviewed = json.loads(run("claims", "2", "--json").output)[0]["id"]
    run("verify", str(reviewed), "--status", "verified", "--by", "alice")
    before = run("claims", "2", "--json").output
    result = run("ingest", "--force", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "ingesting" not in line]
    assert len([line for line in lines if line.startswith("re-extracted article")]) == 4
    assert "re-extracted article 2 '1' (1 claims: 1 kept)" in lines
    assert run("claims", "2", "--json").output == before
    assert not re.search(r"Traceback", result.output)
