"""Verification: decisions on claims appended to a history that is never rewritten."""
from __future__ import annotations

import getpass
import os
from datetime import datetime, timezone

from sqlite_utils import Database

from ..errors import FactcheckError, NotFoundError
from .database import dicts

STATUSES = ("unverified", "verified", "disputed", "false", "misleading", "unverifiable")


def default_reviewer() -> str:
    """FACTCHECK_REVIEWER if set, else the login name."""
    name = os.environ.get("FACTCHECK_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): say so rather than guess
        return "unknown"


def now() -> str:
    """The time of a decision, UTC, to the microsecond (two reviewers in one second stay ordered)."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class Verifications:
    """The append-only verifications table and the claim_status view over it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, claim_ids: list[int], status: str | None, *, note: str | None = None,
               evidence: str | None = None, reviewer: str | None = None) -> list[int]:
        """Append one history row per claim (inside the caller's write transaction); their ids.

        A status of None keeps each claim's current one. A claim already in `status`, with no
        note or evidence to add, gets no row: there is nothing to record.
        """
        if status is not None and status not in STATUSES:
            raise FactcheckError(f"{status!r} is not a status; use one of: {', '.join(STATUSES)}")
        if status is None and not note and not evidence:
            raise FactcheckError("nothing to record: give a status, a note or evidence")
        reviewer = reviewer or default_reviewer()
        found = {r[0] for r in self.db.execute(
            f"SELECT id FROM claims WHERE id IN ({', '.join('?' * len(claim_ids))})", claim_ids)}
        missing = [str(c) for c in claim_ids if c not in found]
        if missing:
            raise NotFoundError(f"no claim with id {', '.join(missing)}")
        ids = []
        for claim_id in claim_ids:
            current = self.status(claim_id)
            if status == current and not note and not evidence:
                continue
            cursor = self.db.execute(
                "INSERT INTO verifications (claim_id, status, note, evidence, reviewer, at) "
                "VALUES (?, ?, ?, ?, ?, ?)", [claim_id, status or current, note, evidence, reviewer, now()])
            ids.append(cursor.lastrowid)
        return ids

    def status(self, claim_id: int) -> str:
        """The claim's current status."""
        return self.db.execute("SELECT status FROM claim_status WHERE claim_id = ?", [claim_id]).fetchone()[0]

    def history(self, claim_id: int) -> list[dict]:
        """Every decision on a claim, oldest first, each with the status it changed from."""
        rows = dicts(self.db.execute(
            "SELECT id, status, note, evidence, reviewer, at FROM verifications WHERE claim_id = ? ORDER BY id",
            [claim_id]))
        previous = "unverified"
        for row in rows:
            row["from_status"], previous = previous, row["status"]
        return rows

    def latest_notes(self, article_id: int) -> dict[int, dict]:
        """{claim id: its latest note, evidence and decision time} for the article's claims."""
        latest: dict[int, dict] = {}
        for claim_id, note, evidence, at in self.db.execute(
                """SELECT v.claim_id, v.note, v.evidence, v.at FROM verifications v
                   JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? ORDER BY v.id""", [article_id]):
            entry = latest.setdefault(claim_id, {})
            entry["verified_at"] = at
            if note:
                entry["note"] = note
            if evidence:
                entry["evidence"] = evidence
        return latest
