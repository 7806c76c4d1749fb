"""Linking stored articles after the fact: the second pass over articles stored with matching off
(`link pending`, and the end of `ingest`), and relating two stories' claims when they merge.

Each article is planned with reads only (its stored claims and terms against the pool ingest
would give it); the links of a few articles are then written in one short transaction.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, ContextManager, Iterable, Iterator

from .articles import Articles
from .links import Links, StoredLink
from .stories import Stories, StoryPlan

PLANS_REMEMBERED = 10_000  # story plans of articles stored with matching off, kept for their pass
LINK_BATCH = 16            # articles whose links one write transaction stores


@dataclass(frozen=True)
class LinkResult:
    """What the linking pass did with one article: the links its claims got."""

    article_id: int
    links: int


class Relinking:
    """The linking pass and merge relinking, over the store's articles, links and stories."""

    def __init__(self, articles: Articles, links: Links, stories: Stories,
                 writing: Callable[[], ContextManager]) -> None:
        self._articles, self._links, self._stories, self._writing = articles, links, stories, writing
        self._plans: OrderedDict[int, StoryPlan] = OrderedDict()  # article id -> the plan its ingest made

    def remember(self, article_id: int, plan: StoryPlan) -> None:
        """Keep the story plan an ingest made for an article it left to the pass."""
        self._plans[article_id] = plan
        while len(self._plans) > PLANS_REMEMBERED:
            self._plans.popitem(last=False)

    def pending(self) -> list[int]:
        """The ids of the articles whose claims wait for the pass."""
        return self._articles.unlinked()

    def run(self, article_ids: Iterable[int] | None = None) -> Iterator[LinkResult]:
        """Relate the claims of each waiting article (of `article_ids`, or all) as ingest does,
        then mark it linked; an article linked meanwhile, removed or not waiting is skipped.
        The links of up to LINK_BATCH articles are written in one short transaction (a commit
        costs more than writing one article's links); an article is yielded once committed."""
        batch: list[tuple[int, list[StoredLink]]] = []
        try:
            for article_id in (self.pending() if article_ids is None else article_ids):
                pending = self._articles.pending(article_id)
                if pending is None:
                    continue
                story, changed = pending
                plan = self._plans.pop(article_id, None) or self._stories.plan_stored(article_id)
                # An article as first stored meets the older articles here, and the newer ones in
                # theirs (or met them at their ingest); one changed since meets them all.
                near = self._stories.link_articles(story, plan, article_id, before=None if changed else article_id)
                batch.append((article_id, self._links.plan_stored(article_id, near)))
                if len(batch) >= LINK_BATCH:
                    full, batch = batch, []
                    yield from self._write(full)
        except Exception:
            self._write(batch)  # what was planned is kept; the rest still waits
            raise
        yield from self._write(batch)

    def _write(self, batch: list[tuple[int, list[StoredLink]]]) -> list[LinkResult]:
        """Store the planned links of each article of the batch still waiting, and mark it linked,
        in one transaction. A pair an article of the batch links is left out of the later ones' (as
        if each were planned after the one before was written)."""
        if not batch:
            return []
        done, paired = [], set()
        with self._writing():
            at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            for article_id, planned in batch:
                if self._articles.pending(article_id) is None:
                    continue
                fresh = [link for link in planned if (link[1], link[0]) not in paired]
                paired.update((claim, other) for claim, other, _ in fresh)
                self._links.write_stored(fresh)
                self._articles.mark_linked(article_id, at)
                done.append(LinkResult(article_id, len(fresh)))
        return done

    def plan_merge(self, keep: int, other: int) -> list[StoredLink]:
        """The links a merge of the two stories makes: each article of the smaller story related
        to the articles of the larger its claims would be matched with (pairs not linked yet)."""
        smaller, larger = sorted((keep, other), key=lambda s: (len(self._stories.members(s)), s != other))
        planned = []
        for article_id in self._stories.members(smaller):
            inside, _ = self._stories.link_articles(larger, self._stories.plan_stored(article_id), article_id)
            planned += self._links.plan_stored(article_id, (inside, []))
        return planned
