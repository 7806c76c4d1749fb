"""Extraction: article text in, an `Extraction` (sentences, claims, attributions) out.

The stages read one token sequence per article: tokens, sentences and clauses, cues, frames,
sources, then the pipeline that assembles claims. Pure functions of the text.

Never imports: factcheck.read, factcheck.match, factcheck.store, factcheck.present, sqlite3, sqlite_utils, rich, typer, textual
"""
from .pipeline import EXTRACTOR, extract
from .segment import split_sentences

__all__ = ["EXTRACTOR", "extract", "split_sentences"]
