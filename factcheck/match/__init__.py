"""Matching: claims in, how they relate out (agree, contradict, related, unrelated, with reasons).

A normalised view of each claim, the slot rules and learned models of `relate`, the choice of
candidates for a new claim, and the side-by-side comparison of two articles. Works on texts
and claim rows; the store hands it what it needs.

Never imports: factcheck.read, factcheck.extract, factcheck.store, factcheck.present, sqlite3, sqlite_utils, rich, typer, textual
"""
from .relate import Context, Relation, relate

__all__ = ["Context", "Relation", "relate"]
