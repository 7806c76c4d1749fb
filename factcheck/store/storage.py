"""The Store: one factcheck database, a facade over its table families.

Extraction and matching run before a write transaction opens; the transaction itself only
writes rows (articles, sentences and claims, sources, links, the index), so it stays short.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ChangedError, FactcheckError, NotFoundError
from ..extract.pipeline import extract
from ..match.comparison import Comparison, compare_claims
from ..match.stories import article_terms
from ..model import Extraction
from .articles import Articles
from .database import immediate, open_db, read_only
from .link_reviews import LinkReviews
from .links import Links
from .revisions import Revisions
from .sources import Sources
from .relinking import Relinking
from .stories import Stories
from .story_methods import StoryMethods
from .verification import Verifications


@dataclass(frozen=True)
class IngestResult:
    """What `Store.ingest` did with one article."""

    article_id: int
    title: str
    created: bool
    replaced: bool
    claims: int
    revision: int | None = None   # a new revision: its number
    changes: dict | None = None   # a revision or re-extraction: claims kept, changed, appeared, went
    refused: str | None = None    # re_extract_many: why the article was left as it is


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _furniture(extraction: Extraction, byline: str | None) -> dict:
    """The article columns the text's furniture fills; a `byline` given goes before the text's."""
    return {**extraction.furniture.to_dict(), **({"byline": byline} if byline else {})}


def content_hash(text: str) -> str:
    """The SHA-256 of the text: the same text is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(StoryMethods):
    """A factcheck database. Opening it creates or upgrades the schema; with `create=False` a
    missing database is an error rather than a new empty file."""

    def __init__(self, path: str | Path = "claims.db", *, create: bool = True) -> None:
        self.path = str(path)
        self.db = open_db(self.path, create)
        self._articles = Articles(self.db)
        self._sources = Sources(self.db)
        self._links = Links(self.db)
        self._link_reviews = LinkReviews(self.db)
        self._verifications = Verifications(self.db)
        self._stories = Stories(self.db)
        self._relinking = Relinking(self._articles, self._links, self._stories, self._writing)
        self._revisions = Revisions(self.db, self._articles, self._sources, self._links, self._stories)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        """Whether this process can only read the database (its file or folder is read-only)."""
        return read_only(self.db)

    # -- writing ---------------------------------------------------------------

    def ingest(self, text: str, *, title: str | None = None, name: str | None = None,
               outlet: str | None = None, url: str | None = None, published: str | None = None,
               path: str | None = None, byline: str | None = None, force: bool = False,
               link: bool = True) -> IngestResult:
        """Extract claims from `text` and store them, all or nothing.

        The same text twice is stored once; with `force` the stored article is extracted again
        (`re_extract`). A changed text at the path or url of a stored article is a new revision
        of it (see store/revisions.py). The article joins the story of the stored articles it
        is most alike (or a new one); with `link`, its claims are matched against the claims
        of its story and of the most alike articles of other stories.
        The byline, dateline place and wire come from the text's furniture (a `byline` given,
        as a web page's metadata gives one, goes first).
        """
        digest = content_hash(text)
        existing = self._articles.by_hash(digest)
        if existing and force:
            return self._extract_again(existing["id"], text, link, title=title, outlet=outlet, url=url,
                                       published=published, path=path, byline=byline)
        if existing:
            return IngestResult(existing["id"], existing["title"], False, False, 0)
        revised = self._revisions.revised_article(path, url)
        if revised is not None:
            result = self._revise(*revised, text, digest, title=title, outlet=outlet, url=url,
                                  published=published, path=path, byline=byline, link=link)
            if result is not None:
                return result
        extraction = extract(text)
        terms = article_terms(text)
        plan = self._stories.plan(terms, published)
        planned = self._links.plan(extraction.claims, self._stories.link_articles(plan.story_id, plan),
                                   published) if link else []
        title = title or extraction.title or name or "untitled"
        row = {"title": title, "outlet": outlet, "url": url, "published": published,
               "path": path, "text": text, "content_hash": digest, "ingested_at": _now(),
               **_furniture(extraction, byline)}
        with self._writing():
            existing = self._articles.by_hash(digest)  # another writer may have stored it meanwhile
            if existing:
                return IngestResult(existing["id"], existing["title"], False, False, 0)
            article_id = self._articles.write(row)
            self._revisions.first(article_id, row)
            claim_ids = self._articles.insert_extraction(article_id, extraction, self._sources.id_for)
            self._revisions.record_extraction(article_id, 1, row["ingested_at"], extraction)
            self._stories.join(article_id, terms, plan.story_id)
            if not link:  # the linking pass starts from the plan made here
                self._relinking.remember(article_id, plan)
            self._links.write(planned, claim_ids)
            self._articles.mark_linked(article_id, row["ingested_at"] if link else None)
            self._articles.index(claim_ids)
        return IngestResult(article_id, title, True, False, len(claim_ids))

    def ingest_many(self, articles: Iterable[dict]) -> Iterator[IngestResult]:
        """Ingest many articles (each a dict of `ingest` arguments), yielding a result for each.

        Each article is committed on its own: an interruption loses at most the article under
        way, and every article stored before it is linked to the ones stored before that.
        """
        for article in articles:
            yield self.ingest(**article)

    def re_extract(self, article_id: int, *, link: bool = True, **metadata: str | None) -> IngestResult:
        """Extract the article's current text again with this version's extractor, all or nothing.

        A claim found again (same text, wherever it now is) keeps its id, verdicts, links and
        link decisions; fresh claims get new ids; a claim no longer found is retired (kept with
        its history, hidden), never deleted. Metadata given replaces what is stored, the rest
        stays; dateline place, wire and byline are read again (a stored byline stays when the
        text gives none: it may be a web page's). `changes` counts kept, changed, appeared, went.
        """
        return self._extract_again(article_id, self.article(article_id)["text"], link, **metadata)

    def re_extract_many(self, article_ids: Iterable[int], *, link: bool = True) -> Iterator[IngestResult]:
        """Re-extract each article (see `re_extract`), each committed on its own, yielding a
        result for each; an article that cannot be (removed or changed meanwhile) is yielded
        with the reason in `refused` and the others go on."""
        for article_id in article_ids:
            try:
                yield self.re_extract(article_id, link=link)
            except (NotFoundError, ChangedError) as error:
                yield IngestResult(article_id, "", False, False, 0, refused=str(error))

    def outdated_articles(self) -> list[int]:
        """Ids of the articles whose claims another version of the extractor made (or one
        nobody recorded): those `re_extract` would bring up to date."""
        return self._revisions.outdated()

    def _extract_again(self, article_id: int, text: str, link: bool, byline: str | None = None,
                       **metadata: str | None) -> IngestResult:
        extraction = extract(text)
        plan = self._revisions.plan_again(article_id, extraction, article_terms(text), link)
        furniture = {k: v for k, v in _furniture(extraction, byline).items() if v or k != "byline"}
        with self._writing():
            at = _now()
            self._revisions.write_again(plan, {**metadata, "ingested_at": at})
            self._articles.write(furniture, article_id)  # the text's, None included
            self._articles.mark_linked(article_id, at if link else None)
        return IngestResult(article_id, self.article(article_id)["title"], False, True, len(extraction.claims),
                            changes=plan.reconciliation.counts())

    def _revise(self, article_id: int, by: str, text: str, digest: str, *, link: bool,
                byline: str | None, **metadata) -> IngestResult | None:
        """Store `text` as a new revision of the article (see store/revisions.py); None when
        it was found `by` path alone and shares no claim with it (another article)."""
        extraction = extract(text)
        plan = self._revisions.plan(article_id, extraction, article_terms(text), link, by)
        if plan is None:
            return None
        metadata["title"] = metadata["title"] or extraction.title
        row = {**metadata, "text": text, "content_hash": digest, "ingested_at": _now()}
        with self._writing():
            existing = self._articles.by_hash(digest)  # another writer may have stored it meanwhile
            if existing:
                return IngestResult(existing["id"], existing["title"], False, False, 0)
            number = self._revisions.write(plan, row)
            self._articles.write(_furniture(extraction, byline), article_id)  # the new text's, None included
            self._articles.mark_linked(article_id, row["ingested_at"] if link else None)
        title = self.article(article_id)["title"]
        return IngestResult(article_id, title, False, False, len(extraction.claims), revision=number,
                            changes=plan.reconciliation.counts())

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its sentences, claims and links."""
        with self._writing():
            self._articles.article(article_id)
            self._revisions.forget(article_id)
            self._links.unlink(article_id)
            self._articles.delete_contents(article_id)
            self._stories.leave(article_id)
            self._articles.delete(article_id)

    def verify(self, claim_ids: list[int], status: str | None, *, note: str | None = None,
               evidence: str | None = None, reviewer: str | None = None) -> list[int]:
        """Record a decision on claims: a status (None keeps the current one), a note, evidence.

        Appends one history row per claim, all or none; nothing is ever overwritten.
        """
        with self._writing():
            return self._verifications.record(claim_ids, status, note=note, evidence=evidence,
                                              reviewer=reviewer)

    @contextmanager
    def _writing(self):
        try:
            with immediate(self.db), self.db.atomic():
                yield
        except BaseException:
            self._sources.forget()  # ids it remembers may have been rolled back
            self._stories.forget()  # ... and term counts
            raise

    # -- reading ---------------------------------------------------------------

    def article(self, article_id: int) -> dict:
        """One article row, or NotFoundError."""
        return self._articles.article(article_id)

    def resolve_article(self, ref: str) -> int:
        """An article id from an id, or a unique prefix of a title or file name."""
        return self._articles.resolve(ref)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Articles in id order with their counts of claims, distinct sources and claims per
        verdict; `limit` of them (default all) after skipping `offset`."""
        return self._articles.listing(limit, offset)

    def claims(self, article_id: int | None = None, *, kind: str | None = None,
               source: str | None = None, status: str | None = None, retired: bool = False,
               limit: int | None = None, offset: int = 0) -> list[dict]:
        """Claims with their attribution and status, filtered by article, source kind, source
        name or status; with `retired`, also the claims newer revisions no longer hold; `limit`
        of them (default all) after skipping `offset`."""
        return self._articles.claims(article_id, kind=kind, source=source, status=status, retired=retired,
                                     limit=limit, offset=offset)

    def claim(self, claim_id: int) -> dict:
        """One claim with its attribution and status, or NotFoundError."""
        return self._articles.claim(claim_id)

    def frames(self, article_id: int) -> list[dict]:
        """Every attribution frame found in the article's current text (see store/frames.py)."""
        return self._revisions.frames(self.article(article_id))

    def sentences(self, article_id: int) -> list[dict]:
        """The article's sentences (with their kind) in order."""
        return self._articles.sentences(article_id)

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Claims whose text matches the full-text query, best first."""
        return self._articles.search(query, limit)

    def sources(self, article_id: int | None = None) -> list[dict]:
        """Distinct sources (in one article, or everywhere) with how often they are cited."""
        if article_id is not None:
            self.article(article_id)
        return self._sources.listing(article_id)

    def history(self, claim_id: int) -> list[dict]:
        """Every decision on a claim, oldest first, each with the status it changed from."""
        self.claim(claim_id)
        return self._verifications.history(claim_id)

    def export_rows(self, article_id: int) -> list[dict]:
        """The article's claims with attribution, status, latest note and evidence, for export;
        a claim retired by a newer revision is kept while it has a verdict (its offsets index
        the text of its `revision`). Each row says which article it is from (id, title, outlet,
        url, date, byline, dateline place, wire), so rows of several exports can be put together."""
        article = self.article(article_id)
        origin = {"article_id": article_id, "article_title": article["title"], "outlet": article["outlet"],
                  "url": article["url"], "published": article["published"], "byline": article["byline"],
                  "dateline_place": article["dateline_place"], "wire": article["wire"]}
        rows = [r for r in self.claims(article_id, retired=True) if not r["retired_at"] or r["status"] != "unverified"]
        latest = self._verifications.latest_notes(article_id)
        fields = ("id", "text", "start", "end", "source", "source_text", "cue", "kind", "status", "revision",
                  "retired_at")
        return [{**{f: r[f] for f in fields}, **origin,
                 **{f: latest.get(r["id"], {}).get(f) for f in ("note", "evidence", "verified_at")}}
                for r in rows]

    # -- revisions -------------------------------------------------------------

    def revisions(self, article_id: int) -> list[dict]:
        """The article's revisions, oldest first, each with what it changed."""
        self.article(article_id)
        return self._revisions.listing(article_id)

    def revision_text(self, article_id: int, number: int) -> str:
        """The text of one revision of the article (the offsets of its claims index it)."""
        self.article(article_id)
        return self._revisions.text(article_id, number)

    def claim_revisions(self, claim_id: int) -> list[dict]:
        """What revisions of its article did to a claim (brought it, reworded or retired it)."""
        self.claim(claim_id)
        return self._revisions.of_claim(claim_id)

    def edit_article(self, article_id: int, **metadata: str | None) -> dict:
        """Change an article's title, outlet, url or published date without extracting it
        again (None keeps a value, "" clears it); `updated_at` records when. The new row."""
        changes = {k: (v or None) for k, v in metadata.items() if v is not None}
        unknown = set(changes) - {"title", "outlet", "url", "published"}
        if unknown or not changes:
            raise FactcheckError("nothing to change: give a title, outlet, url or published date")
        if "title" in changes and not changes["title"]:
            raise FactcheckError("an article's title cannot be empty")
        with self._writing():
            self.article(article_id)
            self._articles.write({**changes, "updated_at": _now()}, article_id)
        return self.article(article_id)

    # -- matching --------------------------------------------------------------

    def compare(self, article_a: int, article_b: int) -> Comparison:
        """Two articles' claims aligned: agreements, contradictions, what only one reports."""
        if article_a == article_b:
            raise FactcheckError(f"article {article_a} compared with itself; name two different articles")
        a, b = self.article(article_a), self.article(article_b)
        for row in (a, b):
            del row["text"]
        claims_a, claims_b = self.claims(article_a), self.claims(article_b)
        rejected = self._link_reviews.rejected_between([c["id"] for c in claims_a], [c["id"] for c in claims_b])
        return compare_claims(a, claims_a, b, claims_b, rejected)

    def links(self, article_id: int) -> list[dict]:
        """Every stored link from a claim of the article to a claim of another article."""
        self.article(article_id)
        return self._links.of_article(article_id)

    def corroboration(self, article_id: int) -> list[dict]:
        """The article's claims, each with how many other articles and independent sources agree
        or contradict (a source relayed by two outlets counts once), how many of those sources
        a person confirmed and how many are suggested only."""
        return self._links.corroboration(article_id, self.claims(article_id))

    def matches(self, article_id: int | None = None, status: str | None = None) -> list[dict]:
        """Agreements and contradictions (of one article, or all), each with its link id and
        status: suggested (by matching) or confirmed (by a person); the rejected ones only
        when `status` asks for them."""
        if article_id is not None:
            self.article(article_id)
        return self._link_reviews.matches(article_id, status)

    def review_link(self, claim_id: int, other_id: int, decision: str, *, reviewer: str | None = None) -> dict:
        """Record a person's decision (confirmed, rejected) on the link between two claims;
        appended, never overwritten. A rejected link is never shown as agreement or
        contradiction again, even when linking makes it anew. The link afterwards."""
        with self._writing():
            return self._link_reviews.record(claim_id, other_id, decision, reviewer)
