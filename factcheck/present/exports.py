"""Exports of an article's claims and verdicts: CSV, and schema.org ClaimReview JSON-LD.

Both end up in other programs: a spreadsheet runs a cell that starts like a formula, and a
page that embeds JSON-LD in <script> ends the script at the first `</script>` in a claim.
"""
from __future__ import annotations

import csv
import io
import json
import re

from ..store.verification import now

# How each verdict reads in schema.org ClaimReview, and its place on a 1 (false) .. 5 (true) scale.
RATINGS = {
    "verified": ("True", 5), "misleading": ("Misleading", 2), "disputed": ("Disputed", 3),
    "false": ("False", 1), "unverifiable": ("Unverifiable", 3),
}


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Escaped in JSON-LD so that no string can close the <script> or open a comment or an entity
# (and, as in every JSON factcheck prints, DEL and the C1 controls, which JSON itself leaves raw).
SCRIPT_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029" + "".join(map(chr, range(0x7f, 0xa0)))}


def as_csv(rows: list[dict], raw: bool = False) -> str:
    """Rows as CSV text with a header. Unless `raw`, a text cell that a spreadsheet would run as
    a formula gets a leading single quote, which spreadsheets show as text and do not run."""
    out = io.StringIO()
    if rows:
        # CR LF ends a row (RFC 4180); with "\n" alone, the csv module would leave a cell holding
        # a lone CR unquoted, and every reader would split the row there.
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows if raw else ({k: inert_cell(v) for k, v in row.items()} for row in rows))
    return out.getvalue()


def inert_cell(value):
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def script_safe_json(data) -> str:
    """Indented JSON that can sit inside <script type="application/ld+json"> as it is: `<`, `>`
    and `&` (and U+2028/9, DEL, C1) are written as \\u escapes, which decode to the same text."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.translate(str.maketrans(SCRIPT_ESCAPES))


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
        appearance.update(_furniture(article))
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


def _furniture(article: dict) -> dict:
    """What the article's furniture adds to its appearance: the byline's writers as authors,
    the wire as the source organisation, the dateline's place as where it was written."""
    found = {}
    if article.get("byline"):
        found["author"] = [{"@type": "Person", "name": name} for name in _names(article["byline"])]
    if article.get("wire"):
        found["sourceOrganization"] = {"@type": "Organization", "name": article["wire"]}
    if article.get("dateline_place"):
        found["locationCreated"] = {"@type": "Place", "name": article["dateline_place"]}
    return found


def _names(byline: str) -> list[str]:
    """The people of a byline: "Ana Lima, Kai Berg and Li Wei" -> three names."""
    return [n for n in re.split(r"\s*,\s*|\s+(?:and|&)\s+", byline, flags=re.IGNORECASE) if n]
