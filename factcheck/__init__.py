"""factcheck: claims and their attribution from news articles, stored in SQLite.

The package is a pipeline, one subpackage per stage: read (files -> text), extract
(text -> claims), match (claims -> relations), store (SQLite), present (CLI and views).
"""
from ._version import __version__
from .extract import extract, split_sentences
from .match import Relation, relate
from .model import Attribution, Claim, Extraction, Sentence, Span
from .store import IngestResult, Store

__all__ = ["__version__", "Attribution", "Claim", "Extraction", "IngestResult", "Relation", "Sentence", "Span",
           "Store", "extract", "relate", "split_sentences"]
