"""factcheck: claims and their attribution from news articles, stored in SQLite."""
from .claims import Attribution, Claim, Extraction, Sentence, Span
from .matching import Relation, relate
from .pipeline import extract
from .segment import split_sentences
from .storage import IngestResult, Store

__all__ = ["Attribution", "Claim", "Extraction", "IngestResult", "Relation", "Sentence", "Span",
           "Store", "extract", "relate", "split_sentences"]
