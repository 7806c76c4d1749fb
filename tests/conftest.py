import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The read-only data beside the checkout; FACTCHECK_SHARED points elsewhere (tests/test_without_shared.py).
SHARED = Path(os.environ.get("FACTCHECK_SHARED") or ROOT.parent / "shared")
SEED = ROOT / "seeds" / "montrouge.txt"


def needs_shared(*parts: str) -> Path:
    """A path under ../shared; the test is skipped, saying what it needs, when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the checkout)")
    return path


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seed_gold() -> list[dict]:
    lines = needs_shared("seeds", "montrouge.gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh database file that the CLI uses through FACTCHECK_DB."""
    path = tmp_path / "claims.db"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


SEED_REPORTS = ("montrouge", "report-evening", "report-wire")


@pytest.fixture
def seed_store(tmp_path):
    """A store holding the three seed reports, ingested in order with matching on."""
    from factcheck import Store
    store = Store(tmp_path / "claims.db")
    for name in SEED_REPORTS:
        store.ingest((ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8"), name=name)
    return store
