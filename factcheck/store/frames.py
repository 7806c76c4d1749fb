"""Frames: every attribution relation found in an article, kept apart from its claims (issue 11).

A frame is a source, a cue and a content, as spans of the text of one revision of the article.
Its content is a proposition (a clause, a quotation), whose claims are the source's, or an act
the writer reports (a noun phrase, an action), which leaves its claims in the writer's voice;
both kinds are stored. Frames follow their article as its sentences do: each extraction of a
revision's text replaces that revision's frames, a new revision adds its own, and removing the
article removes them all.
"""
from __future__ import annotations

import json

from sqlite_utils import Database

from ..errors import FactcheckError
from ..extract.sources import canonical_name, name_key, source_kind
from ..model import PROPOSITION_KINDS, Extraction, Frame
from .database import dicts
from .sources import PERSON_KINDS


class FramesMissingError(FactcheckError):
    """An article whose current claims were made before frames were stored."""


class Frames:
    """The frames table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def write(self, extraction_id: int, article_id: int, revision: int, extraction: Extraction) -> int:
        """Store the extraction's frames as the frames of `revision`, in place of any stored
        before for it (inside the write transaction, after the extraction's claims, whose sources
        resolve the frames'); how many there are."""
        resolved = self._sources_by_span(article_id, revision)
        self.db.execute("DELETE FROM frames WHERE article_id = ? AND revision = ?", [article_id, revision])
        text = extraction.text
        self.db.conn.executemany(
            "INSERT INTO frames (article_id, revision, extraction_id, sentence, kind, source_id, source_text, "
            "source_start, source_end, cue_text, cue_start, cue_end, content) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, revision, extraction_id, frame.sentence, frame.kind, self._source_id(frame, resolved),
              *_source_values(frame), frame.cue.text, frame.cue.start, frame.cue.end,
              json.dumps([{"start": s, "end": e, "text": text[s:e]} for s, e in frame.content], ensure_ascii=False))
             for frame in extraction.frames])
        self.db.execute("UPDATE extractions SET frames = ? WHERE id = ?", [len(extraction.frames), extraction_id])
        return len(extraction.frames)

    def _sources_by_span(self, article_id: int, revision: int) -> dict[tuple[int, int], int]:
        """The source ids of the current claims of `revision`, by the span of their source mention."""
        return {(start, end): source_id for start, end, source_id in self.db.execute(
            "SELECT source_start, source_end, source_id FROM claims WHERE article_id = ? AND revision = ? "
            "AND retired_at IS NULL AND source_id IS NOT NULL", [article_id, revision])}

    def _source_id(self, frame: Frame, resolved: dict[tuple[int, int], int]) -> int | None:
        """The source row a frame's source resolves to: that of the claims it attributes (a
        pronoun resolved in the article), else a stored source named exactly so, else none."""
        source = frame.source
        if source is None:
            return None
        if (source.start, source.end) in resolved:
            return resolved[(source.start, source.end)]
        kind = source_kind(source.text)
        if kind == "anonymous":  # "he", "officials": nobody in particular without the claims' resolution
            return None
        family = PERSON_KINDS if kind in PERSON_KINDS else (kind,)
        row = self.db.execute("SELECT id FROM sources WHERE key = ? AND kind IN (SELECT value FROM json_each(?)) "
                              "ORDER BY id LIMIT 1",
                              [name_key(canonical_name(source.text, kind), kind), json.dumps(family)]).fetchone()
        return row[0] if row else None

    def forget(self, article_id: int) -> None:
        """Remove the article's frames (it is being removed)."""
        self.db.execute("DELETE FROM frames WHERE article_id = ?", [article_id])

    def of_article(self, article: dict) -> list[dict]:
        """The frames of the article's current text, in the order of their cues; FramesMissingError
        when its current claims were extracted before frames were stored."""
        article_id, revision = article["id"], article["revision"]
        kept = self.db.execute("SELECT frames FROM extractions WHERE article_id = ? AND revision = ? "
                               "ORDER BY id DESC LIMIT 1", [article_id, revision]).fetchone()
        if kept is None or kept[0] is None:
            raise FramesMissingError(f"article {article_id} was extracted before frames were stored; "
                                     "`factcheck reextract` finds them (its claims keep their ids)")
        rows = dicts(self.db.execute("""
            SELECT f.id, f.article_id, f.revision, f.sentence, f.kind, s.name AS source, f.source_id,
                   f.source_text, f.source_start, f.source_end, f.cue_text AS cue, f.cue_start, f.cue_end,
                   f.content
            FROM frames f LEFT JOIN sources s ON s.id = f.source_id
            WHERE f.article_id = ? AND f.revision = ? ORDER BY f.cue_start, f.id""", [article_id, revision]))
        for row in rows:
            row["proposition"] = row["kind"] in PROPOSITION_KINDS
            row["content"] = json.loads(row["content"])
        return rows


def _source_values(frame: Frame) -> tuple:
    """A frame's source_text, source_start and source_end (None when it names no source)."""
    source = frame.source
    return (source.text, source.start, source.end) if source else (None, None, None)
