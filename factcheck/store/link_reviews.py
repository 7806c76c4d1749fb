"""A person's decisions on links (confirm, reject), appended to a history never rewritten.

A link is named by its pair of claim ids, "12-40", the lower first: the name stays the same
when linking makes the link again, and so does the decision (see migration m007).
"""
from __future__ import annotations

import json
import re

from sqlite_utils import Database

from ..errors import FactcheckError, NotFoundError
from .database import dicts
from .verification import default_reviewer, now

DECISIONS = ("confirmed", "rejected")
LINK_STATUSES = ("suggested", "confirmed", "rejected")
MATCH_RELATIONS = ("agree", "contradict")  # the links a person is asked about
_LINK_ID = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")


def link_id(claim_id: int, other_id: int) -> str:
    """The name of the link between two claims: both ids, the lower first ("12-40")."""
    low, high = sorted((claim_id, other_id))
    return f"{low}-{high}"


def parse_link_id(text: str) -> tuple[int, int]:
    """The two claim ids (lower first) of a link name such as "12-40" (either order)."""
    found = _LINK_ID.fullmatch(text)
    if not found:
        raise FactcheckError(f"{text!r} is not a link id: give the two claim ids, like 12-40")
    low, high = sorted((int(found.group(1)), int(found.group(2))))
    if low == high:
        raise FactcheckError(f"{text!r} names one claim twice; a link joins two claims")
    return low, high


class LinkReviews:
    """The append-only link_reviews table and what it decides about stored links."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, claim_id: int, other_id: int, decision: str, reviewer: str | None = None) -> dict:
        """Append a decision on the stored link between two claims (inside the caller's write
        transaction); the link as `matches` lists it afterwards."""
        if decision not in DECISIONS:
            raise FactcheckError(f"{decision!r} is not a decision; use one of: {', '.join(DECISIONS)}")
        low, high = sorted((claim_id, other_id))
        row = self.db.execute(
            """SELECT l.relation, a.text, b.text FROM links l
               JOIN claims a ON a.id = l.claim_id JOIN claims b ON b.id = l.other_id
               WHERE l.claim_id = ? AND l.other_id = ?""", [low, high]).fetchone()
        if row is None:
            raise NotFoundError(f"no link {link_id(low, high)}: claims {low} and {high} are not linked")
        relation, low_text, high_text = row
        self.db.execute(
            "INSERT INTO link_reviews (claim_id, other_id, claim_text, other_text, relation, decision, "
            "reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [low, high, low_text, high_text, relation, decision, reviewer or default_reviewer(), now()])
        return self._rows("l.claim_id = ? AND l.other_id = ?", [low, high])[0]

    def matches(self, article_id: int | None = None, status: str | None = None) -> list[dict]:
        """Agreements and contradictions between claims of different articles, each with its
        status, who decided and when; of one article (either side) or all. Without a status,
        the suggested and confirmed ones: a rejected link is listed only when asked for."""
        if status is not None and status not in LINK_STATUSES:
            raise FactcheckError(f"{status!r} is not a link status; use one of: {', '.join(LINK_STATUSES)}")
        where, params = ["l.relation IN ('agree', 'contradict')"], []
        if article_id is not None:
            where.append("(a.article_id = ? OR b.article_id = ?)")
            params += [article_id, article_id]
        where.append("l.status = ?" if status else "l.status != 'rejected'")
        params += [status] if status else []
        rows = self._rows(" AND ".join(where), params)
        if article_id is not None:  # the article's own claim on the left
            rows = sorted((_swapped(r) if r["article_id"] != article_id else r for r in rows),
                          key=lambda r: (r["claim_id"], r["other_id"]))
        return rows

    def _rows(self, where: str, params: list) -> list[dict]:
        return dicts(self.db.execute(f"""
            SELECT l.claim_id || '-' || l.other_id AS id, l.relation, l.score, l.status, l.reviewer, l.at,
                   a.id AS claim_id, a.text AS claim, a.article_id, aa.title AS title,
                   b.id AS other_id, b.text AS other_claim, b.article_id AS other_article,
                   ab.title AS other_title
            FROM link_status l
            JOIN claims a ON a.id = l.claim_id JOIN articles aa ON aa.id = a.article_id
            JOIN claims b ON b.id = l.other_id JOIN articles ab ON ab.id = b.article_id
            WHERE {where}
            ORDER BY a.article_id, a.start, b.article_id, b.start""", params))

    def rejected_between(self, claim_ids: list[int], other_ids: list[int]) -> set[tuple[int, int]]:
        """The pairs (lower id first) of these claims a person rejected, whether or not a link
        between them is stored now: a comparison made afresh must not pair them either."""
        ids = json.dumps(sorted(set(claim_ids) | set(other_ids)))
        found = self.db.execute(
            """SELECT claim_id, other_id FROM link_decisions WHERE decision = 'rejected'
               AND claim_id IN (SELECT value FROM json_each(?)) AND other_id IN (SELECT value FROM json_each(?))""",
            [ids, ids]).fetchall()
        mine, others = set(claim_ids), set(other_ids)
        return {(a, b) for a, b in found if (a in mine and b in others) or (b in mine and a in others)}


def _swapped(row: dict) -> dict:
    """A link row seen from its other side."""
    out = dict(row)
    for mine, other in (("claim_id", "other_id"), ("claim", "other_claim"), ("article_id", "other_article"),
                        ("title", "other_title")):
        out[mine], out[other] = row[other], row[mine]
    return out
