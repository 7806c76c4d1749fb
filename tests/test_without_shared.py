"""A checkout without ../shared beside it: the tests that need the shared data skip, saying so."""
import subprocess
import sys

from conftest import ROOT

NEEDS_SHARED = ["tests/extract/test_seed_gold.py", "tests/match/test_slots.py", "tests/store/test_stories.py"]


def test_tests_that_need_shared_skip_with_a_message(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *NEEDS_SHARED],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PATH": "", "FACTCHECK_SHARED": str(tmp_path / "no-shared-here"), "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped" in result.stdout and "needs" in result.stdout and "no-shared-here" in result.stdout
