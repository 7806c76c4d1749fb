"""The layout rules: each subpackage's "Never imports:" line holds, and modules stay small."""
import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"
STAGES = ["read", "extract", "match", "store", "present"]
MAX_LINES = 400


def forbidden(stage: str) -> list[str]:
    doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text())) or ""
    found = re.search(r"^Never imports: (.+)$", doc, re.MULTILINE)
    assert found, f"factcheck/{stage}/__init__.py's docstring has no 'Never imports:' line"
    return [name.strip() for name in found.group(1).split(",")]


def imports_of(path: Path) -> set[str]:
    """The absolute names of the modules a file imports (relative imports resolved)."""
    module = ["factcheck", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = module[:-1] if module[-1] != "__init__" else module[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def violations(path: Path, rules: list[str]) -> list[str]:
    return sorted(name for name in imports_of(path)
                  for rule in rules if name == rule or name.startswith(rule + "."))


@pytest.mark.parametrize("stage", STAGES)
def test_stage_never_imports_what_its_docstring_forbids(stage):
    rules = forbidden(stage)
    broken = {str(p.relative_to(PACKAGE)): violations(p, rules)
              for p in sorted((PACKAGE / stage).rglob("*.py"))}
    assert {p: v for p, v in broken.items() if v} == {}


def test_the_rule_checker_resolves_relative_imports():
    found = imports_of(PACKAGE / "present" / "common.py")  # `from ..store import Store`
    assert {"factcheck.store", "factcheck.store.Store", "typer"} <= found
    assert violations(PACKAGE / "present" / "common.py", ["factcheck.store"]) == ["factcheck.store",
                                                                                 "factcheck.store.Store"]


def test_model_and_errors_import_no_stage():
    for name in ("model.py", "errors.py"):
        assert violations(PACKAGE / name, [f"factcheck.{s}" for s in STAGES]) == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it by responsibility"


def test_cli_has_no_sql():
    source = (PACKAGE / "present" / "cli.py").read_text()
    assert not re.search(r"\b(SELECT|INSERT|UPDATE|DELETE FROM)\b|\.execute\(|rapidfuzz", source)
