"""Stories: the stories table, each article's telling terms, and grouping as articles arrive.

`plan` (read-only, before the write transaction) chooses the story of a new article from the
articles that share its rarest terms; `join` writes it. Grouping is incremental: a stored
article moves only when a person merges or splits stories, and then it stays where she put it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from collections import Counter, OrderedDict, defaultdict
from datetime import datetime, timezone

from sqlite_utils import Database

from ..errors import FactcheckError, NotFoundError
from ..match.stories import (RECENT_MEMBERS, Candidate, Rarity, choose_story, propositions,
                             story_title)
from .database import dicts
from .term_counts import TermCounts

QUERY_TERMS = 20         # rarest terms of a new article used to find candidate articles
HITS_PER_TERM = 1000     # newest articles read per term, so the work per article is bounded
CANDIDATE_ARTICLES = 10  # of those, the articles sharing the most rare terms are compared
MIN_SHARED_TERMS = 3     # ... and those sharing this many of the rarest terms are alike enough to link
LINK_ARTICLES = 30       # articles of its story a new article's claims are related to
OUTSIDE_ARTICLES = 2     # ... and alike articles of other stories
TERMS_REMEMBERED = 5000  # articles whose terms are kept in memory between ingests
TITLE_MEMBERS = 20       # recent articles a story's title is made from
RETITLE_ALWAYS = 8       # a story's title is made again at each article up to this many, then as it doubles
_IN_JSON = "(SELECT value FROM json_each(?))"


@dataclass(frozen=True)
class StoryPlan:
    """Where a new article goes: the story it joins (None: a new one), and the stored articles
    most alike it, (article id, its story), most alike first."""

    story_id: int | None
    alike: list[tuple[int, int | None]]


class Stories:
    """Grouping articles into stories, and reading stories back."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._remembered: OrderedDict[int, frozenset[str]] = OrderedDict()  # article id -> its terms
        self._term_counts = TermCounts(db)

    def forget(self) -> None:
        """Drop the term counts remembered (after a rollback: they may count rows never stored)."""
        self._term_counts.forget()

    # -- grouping ----------------------------------------------------------------

    def plan(self, terms: dict[str, str], published: str | None, *, own: int | None = None) -> StoryPlan:
        """The stored story a new article with these terms joins (None: a new story), and the
        articles most alike it, whatever their story. Reads only; `own` is the article itself
        when it is extracted again, which is never its own candidate."""
        counts = self._term_counts.counts(terms)
        stored = sorted((t for t in terms if counts[t]), key=lambda t: (counts[t], t))[:QUERY_TERMS]
        if not stored:
            return StoryPlan(None, [])
        rarity = Rarity(self._articles(), counts)
        votes: Counter = Counter()
        shared: Counter = Counter()
        for term in stored:
            for (article_id,) in self.db.execute(
                    "SELECT article_id FROM article_terms WHERE term = ? ORDER BY article_id DESC LIMIT ?",
                    [term, HITS_PER_TERM]):
                votes[article_id] += rarity.weight(term)
                shared[article_id] += 1
        votes.pop(own, None)
        chosen = [a for a, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATE_ARTICLES]]
        rows = self.db.execute(f"SELECT id, story_id, published FROM articles WHERE id IN {_IN_JSON}",
                               [json.dumps(chosen)]).fetchall()
        story_of = {a: story for a, story, _ in rows}
        alike = [(a, story_of.get(a)) for a in chosen if shared[a] >= MIN_SHARED_TERMS]
        terms_of = self._terms_of(set(chosen))
        self._count_unseen(rarity, terms_of.values())
        candidates = [Candidate(a, story, terms_of.get(a, frozenset()), published_at)
                      for a, story, published_at in rows if story is not None]

        def members(story: int) -> list[frozenset[str]]:
            """The terms of the story's most recent articles, read only for a story in question."""
            ids = [a for (a,) in self.db.execute(
                "SELECT id FROM articles WHERE story_id = ? AND id IS NOT ? ORDER BY id DESC LIMIT ?",
                [story, own, RECENT_MEMBERS])]
            found = self._terms_of(set(ids))
            self._count_unseen(rarity, found.values())
            return [found.get(a, frozenset()) for a in ids]

        return StoryPlan(choose_story(frozenset(terms), published, candidates, members, rarity), alike)

    def _count_unseen(self, rarity: Rarity, term_sets) -> None:
        """Read the counts of the terms `rarity` has not seen yet."""
        unseen = {t for terms in term_sets for t in terms if t not in rarity.counts}
        if unseen:
            rarity.counts.update(self._term_counts.counts(unseen))

    def link_articles(self, story_id: int | None, plan: StoryPlan, own: int | None = None,
                      before: int | None = None) -> tuple[list[int], list[int]]:
        """The articles whose claims a new article's claims are related to: those of its story
        (the most alike first, then the newest, at most LINK_ARTICLES), and the OUTSIDE_ARTICLES
        most alike of other stories, so that a report grouped wrongly is still matched. With
        `before`, only articles stored before that one (those a newer article meets in its own pass)."""
        alike = [(a, story) for a, story in plan.alike if before is None or a < before]
        inside = [a for a, story in alike if story == story_id and story is not None]
        if story_id is not None:
            inside += [a for (a,) in self.db.execute(
                "SELECT id FROM articles WHERE story_id = ? AND id IS NOT ? AND id < ? ORDER BY id DESC LIMIT ?",
                [story_id, own, before if before is not None else 2**63 - 1, LINK_ARTICLES])]
        outside = [a for a, story in alike if story != story_id or story is None][:OUTSIDE_ARTICLES]
        return list(dict.fromkeys(inside))[:LINK_ARTICLES], outside

    def join(self, article_id: int, terms: dict[str, str], story_id: int | None) -> int:
        """Store the article's terms and put it in `story_id` (a new story if None or gone since
        the plan). Inside the caller's write transaction; the story's id."""
        if story_id is None or not self.db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone():
            story_id = self._new_story()
        self._add_terms(article_id, terms)
        self.db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
        size = self.db.execute("SELECT count(*) FROM articles WHERE story_id = ?", [story_id]).fetchone()[0]
        if size <= RETITLE_ALWAYS or size & (size - 1) == 0:
            self._retitle(story_id)
        return story_id

    def retag(self, article_id: int, terms: dict[str, str]) -> None:
        """Replace a stored article's terms with those of its new revision; it stays in its
        story, which is retitled. Inside the caller's write transaction."""
        self._forget_terms(article_id)
        self._add_terms(article_id, terms)
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        if row and row[0] is not None:
            self._retitle(row[0])

    def leave(self, article_id: int) -> None:
        """Forget a removed article's terms; a story left empty goes too."""
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        self._forget_terms(article_id)
        self.db.execute("UPDATE articles SET story_id = NULL WHERE id = ?", [article_id])
        if row and row[0] is not None:
            self._drop_if_empty(row[0])

    def check_merge(self, keep: int, other: int) -> None:
        """Refuse a merge of a story with itself, or with a story that is not there."""
        self.story_row(keep), self.story_row(other)
        if keep == other:
            raise FactcheckError(f"story {keep} merged with itself; name two different stories")

    def merge(self, keep: int, other: int) -> int:
        """Move every article of story `other` into `keep`; both stay put from now on."""
        self.check_merge(keep, other)
        self.db.execute("UPDATE articles SET story_id = ?, story_pinned = 1 WHERE story_id IN (?, ?)",
                        [keep, keep, other])
        self._drop_if_empty(other)
        self._retitle(keep)
        return keep

    def split(self, story_id: int, article_id: int) -> int:
        """Move one article of the story into a story of its own; the new story's id."""
        self.story_row(story_id)
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        if row[0] != story_id:
            raise FactcheckError(f"article {article_id} is not in story {story_id}")
        new = self._new_story()
        self.db.execute("UPDATE articles SET story_id = ?, story_pinned = 1 WHERE id = ?", [new, article_id])
        for story in (story_id, new):
            if not self._drop_if_empty(story):
                self._retitle(story)
        return new

    def members(self, story_id: int) -> list[int]:
        """The ids of the story's articles, oldest first."""
        return [a for (a,) in self.db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", [story_id])]

    def plan_stored(self, article_id: int) -> StoryPlan:
        """`plan` for a stored article, from its stored terms and date (as if it arrived now)."""
        terms = dict(self.db.execute("SELECT term, written FROM article_terms WHERE article_id = ? ORDER BY position",
                                     [article_id]).fetchall())
        row = self.db.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
        return self.plan(terms, row[0] if row else None, own=article_id)

    def _add_terms(self, article_id: int, terms: dict[str, str]) -> None:
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO article_terms (article_id, term, written, position) VALUES (?, ?, ?, ?)",
            [(article_id, t, w, position) for position, (t, w) in enumerate(terms.items())])
        self._term_counts.add(terms)

    def _forget_terms(self, article_id: int) -> None:
        self._remembered.pop(article_id, None)
        self._term_counts.remove(article_id)
        self.db.execute("DELETE FROM article_terms WHERE article_id = ?", [article_id])

    def _new_story(self) -> int:
        return self.db.execute("INSERT INTO stories (created_at) VALUES (?)",
                               [datetime.now(timezone.utc).isoformat(timespec="seconds")]).lastrowid

    def _drop_if_empty(self, story_id: int) -> bool:
        if self.db.execute("SELECT 1 FROM articles WHERE story_id = ?", [story_id]).fetchone():
            return False
        self.db.execute("DELETE FROM stories WHERE id = ?", [story_id])
        return True

    def _retitle(self, story_id: int) -> None:
        """Title the story by its most telling terms; a story of one article takes its title."""
        ids = [a for (a,) in self.db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id DESC LIMIT ?",
                                             [story_id, TITLE_MEMBERS])]
        title = None
        if len(ids) > 1:
            written: dict[int, dict[str, str]] = defaultdict(dict)
            for article_id, term, form in self.db.execute(
                    f"SELECT article_id, term, written FROM article_terms WHERE article_id IN {_IN_JSON} "
                    "ORDER BY position", [json.dumps(ids)]):
                written[article_id][term] = form
            members = [written[a] for a in ids]
            counts = self._term_counts.counts({t for m in members for t in m})
            title = story_title(members, Rarity(self._articles(), counts))
        if not title:
            title = self.db.execute("SELECT title FROM articles WHERE id = ?", [ids[0]]).fetchone()[0] if ids else ""
        self.db.execute("UPDATE stories SET title = ? WHERE id = ?", [title, story_id])

    def _articles(self) -> int:
        """How many articles rarity is counted over: the highest id, read at once where a count
        would scan the table (ids are not reused, and removals are few)."""
        return self.db.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0

    def _terms_of(self, article_ids: set[int]) -> dict[int, frozenset[str]]:
        """The terms of each article, remembered for the TERMS_REMEMBERED articles read last."""
        missing = sorted(a for a in article_ids if a not in self._remembered)
        if missing:
            found: dict[int, set[str]] = {a: set() for a in missing}
            for article_id, term in self.db.execute(
                    f"SELECT article_id, term FROM article_terms WHERE article_id IN {_IN_JSON}",
                    [json.dumps(missing)]):
                found[article_id].add(term)
            for article_id, terms in found.items():
                self._remembered[article_id] = frozenset(terms)
        for article_id in article_ids:
            self._remembered.move_to_end(article_id)
        while len(self._remembered) > TERMS_REMEMBERED:
            self._remembered.popitem(last=False)
        return {a: self._remembered[a] for a in article_ids if self._remembered[a]}

    # -- reading -------------------------------------------------------------------

    def story_row(self, story_id: int) -> dict:
        rows = dicts(self.db.execute("SELECT id, title, created_at FROM stories WHERE id = ?", [story_id]))
        if not rows:
            raise NotFoundError(f"no story with id {story_id}")
        return rows[0]

    def listing(self) -> list[dict]:
        """Every story: title, dates, articles (with outlet), claims, agreements and contradictions
        (but those a person rejected)."""
        stories = {row["id"]: {**row, "articles": [], "claims": 0, "agree": 0, "contradict": 0}
                   for row in dicts(self.db.execute("SELECT id, title FROM stories ORDER BY id"))}
        for row in dicts(self.db.execute("""
                SELECT a.story_id, a.id, a.title, a.outlet, a.published,
                       (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.retired_at IS NULL) AS claims
                FROM articles a WHERE a.story_id IS NOT NULL ORDER BY a.id""")):
            story = stories[row.pop("story_id")]
            story["claims"] += row.pop("claims")
            story["articles"].append(row)
        for story_id, relation, n in self.db.execute("""
                SELECT a1.story_id, l.relation, count(*) FROM link_status l
                JOIN claims c1 ON c1.id = l.claim_id JOIN articles a1 ON a1.id = c1.article_id
                JOIN claims c2 ON c2.id = l.other_id JOIN articles a2 ON a2.id = c2.article_id
                WHERE a1.story_id = a2.story_id AND l.relation IN ('agree', 'contradict')
                  AND l.status != 'rejected'
                GROUP BY a1.story_id, l.relation"""):
            stories[story_id][relation] = n
        for story in stories.values():
            dates = sorted(a["published"] for a in story["articles"] if a["published"])
            story["first"], story["last"] = (dates[0], dates[-1]) if dates else (None, None)
            story["outlets"] = sorted({a["outlet"] for a in story["articles"] if a["outlet"]})
        return list(stories.values())

    def propositions(self, story_id: int, claims: list[dict]) -> list[dict]:
        """The story's propositions (see match.stories.propositions), contradictions first, then
        those most articles report; `claims` are the rows of the story's claims. Claims of a link a
        person rejected are never in one proposition."""
        by_id = {c["id"]: c for c in claims}
        links = self.db.execute(f"""SELECT claim_id, other_id, relation, score FROM link_status
                WHERE claim_id IN {_IN_JSON} AND other_id IN {_IN_JSON} AND status != 'rejected'""",
                                [json.dumps(list(by_id))] * 2).fetchall()
        rejected = self.db.execute(f"""SELECT claim_id, other_id FROM link_decisions WHERE decision = 'rejected'
                AND claim_id IN {_IN_JSON} AND other_id IN {_IN_JSON}""", [json.dumps(list(by_id))] * 2).fetchall()
        found = propositions({c["id"]: c["article_id"] for c in claims}, links, rejected)
        rows = []
        for index, proposition in enumerate(found):
            members = [by_id[c] for c in proposition.claim_ids]
            voices = {c["source"] or f"writer of article {c['article_id']}" for c in members}
            rows.append({"index": index, "claims": members, "articles": len({c["article_id"] for c in members}),
                         "sources": len(voices), "contradicts": sorted(proposition.contradicts)})
        rows = _conflicts_together(sorted(rows, key=lambda r: (not r["contradicts"], -r["articles"],
                                                               r["claims"][0]["id"])))
        number = {row["index"]: n for n, row in enumerate(rows, start=1)}
        for row in rows:
            row["id"] = number[row.pop("index")]
            row["contradicts"] = sorted(number[i] for i in row["contradicts"])
        return rows


def _conflicts_together(rows: list[dict]) -> list[dict]:
    """The rows in their order, but each proposition that contradicts one already placed right
    after it, so that the versions of one fact are read together."""
    by_index = {row["index"]: row for row in rows}
    position = {row["index"]: n for n, row in enumerate(rows)}
    placed, ordered = set(), []

    def place(row: dict) -> None:
        placed.add(row["index"])
        ordered.append(row)
        for index in sorted(row["contradicts"], key=position.get):
            if index not in placed:
                place(by_index[index])

    for row in rows:
        if row["index"] not in placed:
            place(row)
    return ordered
