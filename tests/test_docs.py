"""docs/usage.md runs: every example command in it, in order, on a fresh database from the seeds,
exits as the docs show (0, or the `(exit code N)` printed under it), so copied examples work."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from factcheck.present.cli import app
from conftest import ROOT

USAGE = ROOT / "docs" / "usage.md"
SHELL = re.compile(r"[|<>;()$`]")  # a line with these is the shell's to run, not factcheck's alone


def examples() -> list[tuple[str, int]]:
    """(command line, expected exit code) for every `$ ...` line in a code block."""
    found = []
    for block in re.findall(r"^```\n(.*?)^```", USAGE.read_text(encoding="utf-8"), flags=re.M | re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                code = re.search(r"^\(exit code (\d+)\)$", "\n".join(lines[i + 1:]), flags=re.M)
                found.append((line[2:], int(code.group(1)) if code else 0))
    return found


def test_usage_has_examples_of_every_kind():
    commands = {word for line, _ in examples() for word in re.findall(r"factcheck (\w+)", line)}
    assert {"ingest", "claims", "search", "compare", "match", "relate", "verify", "export", "remove"} <= commands


def test_every_example_in_the_docs_runs(db_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name seeds/ relative to the checkout
    runner = CliRunner()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for line, expected in examples():
        if SHELL.search(line.replace('\\"', "")) or not line.startswith("factcheck "):
            done = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=120)
            code, output = done.returncode, done.stdout + done.stderr
        else:
            result = runner.invoke(app, shlex.split(line)[1:], prog_name="factcheck")
            code, output = result.exit_code, result.output
        assert code == expected, f"{line}\n{output}"
