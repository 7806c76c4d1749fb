"""Exports of an article's claims and verdicts: CSV, and schema.org ClaimReview JSON-LD."""
from __future__ import annotations

import csv
import io

from ..store.verification import now

# How each verdict reads in schema.org ClaimReview, and its place on a 1 (false) .. 5 (true) scale.
RATINGS = {
    "verified": ("True", 5), "misleading": ("Misleading", 2), "disputed": ("Disputed", 3),
    "false": ("False", 1), "unverifiable": ("Unverifiable", 3),
}


def as_csv(rows: list[dict]) -> str:
    """Rows as CSV text with a header."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def claim_reviews(rows: list[dict], article: dict, organisation: str, review_url: str) -> list[dict]:
    """schema.org ClaimReview JSON-LD for the claims that have a verdict."""
    reviews = []
    for row in rows:
        if row["status"] not in RATINGS:
            continue
        name, value = RATINGS[row["status"]]
        appearance = {"@type": "CreativeWork", "headline": article["title"]}
        if article.get("url"):
            appearance["url"] = article["url"]
        if article.get("published"):
            appearance["datePublished"] = article["published"]
        item = {"@type": "Claim", "appearance": [appearance]}
        if row.get("source"):
            kind = "Person" if row["kind"] == "named_person" else "Organization"
            item["author"] = {"@type": kind, "name": row["source"]}
        if article.get("published"):
            item["datePublished"] = article["published"]
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{review_url}#claim-{row['id']}",
            "claimReviewed": row["text"],
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": organisation},
            "datePublished": (row.get("verified_at") or now())[:10],
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
        })
    return reviews
