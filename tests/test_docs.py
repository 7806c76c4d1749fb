"""docs/usage.md runs: every example command in it, in order, on a fresh database from the seeds,
exits as the docs show (0, or the `(exit code N)` printed under it), so copied examples work."""
import re
import shlex

from typer.testing import CliRunner

from factcheck.present.cli import app
from conftest import ROOT

USAGE = ROOT / "docs" / "usage.md"


def examples() -> list[tuple[str, int]]:
    """(command line, expected exit code) for every `$ factcheck ...` line in a code block."""
    found = []
    for block in re.findall(r"^```\n(.*?)^```", USAGE.read_text(encoding="utf-8"), flags=re.M | re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ factcheck"):
                following = "\n".join(lines[i + 1:])
                code = re.search(r"^\(exit code (\d+)\)$", following, flags=re.M)
                found.append((line[2:], int(code.group(1)) if code else 0))
    return found


def test_usage_has_examples_of_every_kind():
    commands = {shlex.split(line)[1] for line, _ in examples()}
    assert {"ingest", "claims", "search", "compare", "match", "relate", "verify", "export", "remove"} <= commands


def test_every_example_in_the_docs_runs(db_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name seeds/ relative to the checkout
    runner = CliRunner()
    for line, expected in examples():
        words = shlex.split(line)[1:]
        if "|" in words:  # `| head -3`: the shell's part, not factcheck's
            words = words[:words.index("|")]
        result = runner.invoke(app, words, prog_name="factcheck")
        assert result.exit_code == expected, f"{line}\n{result.output}"
