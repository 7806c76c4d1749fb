"""factcheck: claims and their attribution from news articles, stored in SQLite."""
from .model import Attribution, Claim, Extraction, Sentence, Span
from .match.relate import Relation, relate
from .extract.pipeline import extract
from .extract.segment import split_sentences
from .store.storage import IngestResult, Store

__all__ = ["Attribution", "Claim", "Extraction", "IngestResult", "Relation", "Sentence", "Span",
           "Store", "extract", "relate", "split_sentences"]
