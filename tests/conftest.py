import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "montrouge.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seed_gold() -> list[dict]:
    lines = (SHARED / "seeds" / "montrouge.gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh database file that the CLI uses through FACTCHECK_DB."""
    path = tmp_path / "claims.db"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path
