"""factcheck: claims and their attribution from news articles, stored in SQLite."""
from .claims import Attribution, Claim, Extraction, Sentence, Span
from .pipeline import extract
from .segment import split_sentences
from .storage import IngestResult, Store

__all__ = ["Attribution", "Claim", "Extraction", "IngestResult", "Sentence", "Span", "Store",
           "extract", "split_sentences"]
