"""A news page's own metadata: headline, byline, publication date, canonical url, outlet.

Read from JSON-LD (schema.org NewsArticle and its kin) first, then Open Graph and the meta tags
publishers use (article:published_time, author, byl, parsely-*, dc.*), then <title> and <time>.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

from .html_parse import ParsedPage

ARTICLE_TYPES = frozenset("""NewsArticle Article ReportageNewsArticle AnalysisNewsArticle
BackgroundNewsArticle OpinionNewsArticle ReviewNewsArticle AskPublicNewsArticle LiveBlogPosting
BlogPosting Report SatiricalArticle ScholarlyArticle SocialMediaPosting""".split())
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                  "publishdate", "publish-date", "publication_date", "parsely-pub-date", "sailthru.date",
                  "dc.date.issued", "dc.date", "dcterms.date", "date")
BYLINE_KEYS = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
               "twitter:creator")
TITLE_KEYS = ("og:title", "twitter:title", "headline", "parsely-title")
OUTLET_KEYS = ("og:site_name", "application-name", "publisher")
URL_KEYS = ("og:url", "parsely-link", "twitter:url")
_ISO_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself; None where it says nothing usable."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD, as the publisher dated it
    url: str | None = None
    outlet: str | None = None


def page_metadata(page: ParsedPage) -> PageMetadata:
    """The page's metadata, the article's JSON-LD before its meta tags."""
    article = _json_ld_article(page.json_ld)
    meta = page.meta
    published = [_iso_date(article.get("datePublished"))] + [_iso_date(v) for k in PUBLISHED_KEYS
                                                            for v in meta.get(k, [])]
    published += [_iso_date(t) for t in page.published_times]
    outlet = _first(_names(article.get("publisher")), *(v for v in _values(meta, OUTLET_KEYS) if not _absolute(v)))
    return PageMetadata(
        title=_first(_text(article.get("headline")), *_values(meta, TITLE_KEYS), _without_outlet(page.title, outlet)),
        byline=_first(_names(article.get("author")), _byline(meta), ", ".join(page.authors) or None),
        published=_first(*published),
        url=_first(*(_absolute(u) for u in (_url_of(article), page.canonical, *_values(meta, URL_KEYS)))),
        outlet=outlet,
    )


def _without_outlet(title: str, outlet: str | None) -> str | None:
    """A <title> without the " | Outlet" publishers add to it."""
    for separator in (" | ", " - ", " – ", " — "):
        if outlet and title.endswith(separator + outlet):
            return title[: -len(separator + outlet)].strip() or None
    return title or None


def _json_ld_article(blocks: list[str]) -> dict:
    """The first schema.org article among the page's JSON-LD blocks ({} if none parses)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue  # publishers do ship broken JSON-LD; the meta tags may still serve
        for item in _items(data):
            types = item.get("@type")
            types = {types} if isinstance(types, str) else set(types) if isinstance(types, list) else set()
            if types & ARTICLE_TYPES:
                return item
    return {}


def _items(data) -> list[dict]:
    if isinstance(data, list):
        return [d for item in data for d in _items(item)]
    if isinstance(data, dict):
        return [data] + (_items(data["@graph"]) if "@graph" in data else [])
    return []


def _values(meta: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [v for k in keys for v in meta.get(k, [])]


def _byline(meta: dict[str, list[str]]) -> str | None:
    for key in BYLINE_KEYS:
        names = [_BY.sub("", v).strip() for v in meta.get(key, []) if not _absolute(v) and not v.startswith("@")]
        names = [n for n in dict.fromkeys(names) if n]
        if names:
            return ", ".join(names)
    return None


def _names(value) -> str | None:
    """Names from a schema.org author or publisher: a string, a Person/Organization, or a list."""
    if isinstance(value, list):
        names = [n for n in dict.fromkeys(_names(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    text = _text(value)
    return _BY.sub("", text) if text and not _absolute(text) else None


def _url_of(article: dict) -> str | None:
    page = article.get("mainEntityOfPage")
    page = (page.get("@id") or page.get("url")) if isinstance(page, dict) else page
    return _text(article.get("url")) or _text(page)


def _text(value) -> str | None:
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _absolute(url: str | None) -> str | None:
    return url.strip() if isinstance(url, str) and re.match(r"\s*https?://\S+$", url) else None


def _iso_date(value) -> str | None:
    """YYYY-MM-DD from an ISO 8601 or RFC 2822 date-time, as written (no time-zone shift)."""
    if not isinstance(value, str):
        return None
    found = _ISO_DATE.match(value)
    try:
        if found:
            return date(*map(int, found.groups())).isoformat()
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
