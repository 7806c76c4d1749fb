"""The part of the Store that works on stories: listing them, their propositions, the
corrections people make (merge, split) and the second linking pass (`link pending`)."""
from __future__ import annotations

from typing import Iterable, Iterator

from .relinking import LinkResult


class StoryMethods:
    """Store methods on stories and the linking pass; a mixin of `Store`, whose tables they use."""

    def pending_links(self) -> list[int]:
        """The ids of the articles stored with matching off, whose claims wait for `link_pending`."""
        return self._relinking.pending()

    def link_pending(self, article_ids: Iterable[int] | None = None) -> Iterator[LinkResult]:
        """The second linking pass over articles stored with matching off (of `article_ids`, or
        all): their claims related as ingest does, committed a few articles at a time
        (an interruption leaves the uncommitted ones waiting)."""
        return self._relinking.run(article_ids)

    # -- stories ---------------------------------------------------------------

    def stories(self) -> list[dict]:
        """Every story with its articles, dates, outlets, claims, agreements and contradictions."""
        return self._stories.listing()

    def story(self, story_id: int) -> dict:
        """One story as `stories` lists it, or NotFoundError."""
        self._stories.story_row(story_id)
        return next(s for s in self.stories() if s["id"] == story_id)

    def story_of(self, article_id: int) -> int:
        """The id of the story the article is in."""
        return self.article(article_id)["story_id"]

    def propositions(self, story_id: int) -> list[dict]:
        """The story's propositions: claims of its articles that say the same thing, grouped, each
        with the propositions it contradicts; contradictions first."""
        story = self.story(story_id)
        claims = [c for a in story["articles"] for c in self.claims(a["id"])]
        return self._stories.propositions(story_id, claims)

    def merge_stories(self, keep: int, other: int) -> int:
        """Move every article of story `other` into story `keep` (a correction that sticks); the
        claims of the two are related as if they had arrived in one story (pairs not yet linked)."""
        self._stories.check_merge(keep, other)
        planned = self._relinking.plan_merge(keep, other)
        with self._writing():
            merged = self._stories.merge(keep, other)
            self._links.write_stored(planned)
        return merged

    def split_story(self, story_id: int, article_id: int) -> int:
        """Move one article out of a story into a new story of its own; the new story's id."""
        with self._writing():
            return self._stories.split(story_id, article_id)
