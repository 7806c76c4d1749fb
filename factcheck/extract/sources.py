"""Whom a source mention stands for: pronouns, surnames and back-references resolved in an article.

The kind of a mention is decided in `kinds`, its plain name in `names`; both are re-exported here.
"""
from __future__ import annotations

import re
from itertools import compress, count, islice
from operator import attrgetter

from .kinds import bare, head_phrase, source_kind, words_of
from .names import canonical_name, name_key
from .source_words import GROUP_PRONOUNS, PERSON_PRONOUNS, TITLES
from .tokens import Token

__all__ = ["PronounResolver", "canonical_name", "name_key", "source_kind", "words_of"]

_BACK_REFERENCE = re.compile(r"(?:the|this|that)((?: [a-z][\w-]*){1,2})", re.IGNORECASE)
# What a back-reference head noun may stand for, when no earlier mention holds the noun itself.
_STANDS_FOR = {
    **dict.fromkeys("company firm group organisation organization agency department ministry office "
                    "service authority bureau brigade charity maker carmaker automaker retailer lender insurer "
                    "airline carrier operator manufacturer supplier utility".split(), "official_body"),
    **dict.fromkeys("paper newspaper broadcaster network station channel outlet magazine daily "
                    "tabloid website".split(), "media"),
    **dict.fromkeys("official spokesman spokeswoman spokesperson".split(), "official_body"),
}
_PERSONS = ("named_person", "witness")
_ARTICLES = frozenset(("a", "an", "the"))
RESOLVED_PRONOUNS = frozenset(("he", "she"))  # "they" and "it" too often stand for no source seen
MAX_LOOKBACK = 100  # distinct sources a back-reference looks back over: it names one met lately
_RELATIVE = frozenset("who whom who's who’s".split())
_INTERVIEW_LABELS = ("Q", "A")  # a source of one capital letter is a transcript's turn label
INTERVIEWER = "the interviewer"
_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m|mma)$")


# Nouns for one person in a role, whom a later "he" or "she" can stand for though no name is given.
_ONE_PERSON = frozenset("""spokesman spokeswoman spokesperson official officer minister secretary director
chief executive president chairman chairwoman governor mayor commissioner inspector detective sergeant lawyer
attorney prosecutor judge doctor surgeon nurse engineer teacher driver pilot captain witness resident neighbour
neighbor passenger source aide adviser advisor analyst expert economist scientist researcher""".split())


def _named_person(mention: str, kind: str) -> str | None:
    """The plain name of a mention that names a person ("Tom Adler, 52, a taxi driver": Tom Adler);
    None for a role ("Witnesses", "a resident") or a body."""
    if kind not in _PERSONS:
        return None
    name = canonical_name(mention, kind)
    return name if kind == "named_person" or sum(w[:1].isupper() for w in name.split()) >= 2 else None


def _one_person(mention: str) -> bool:
    """Whether a mention without a name is one person in a role ("A spokesman for the union")."""
    head = head_phrase(words_of(mention))
    return bool(head) and bare(head[-1]) in _ONE_PERSON


class PronounResolver:
    """Remembers the sources and names seen so far in an article, to resolve "he said", "the
    company said", "who said" and a bare surname to whom they stand for."""

    def __init__(self) -> None:
        self._person: tuple[str, str] | None = None  # (name, kind) of the last person
        self._group: tuple[str, str] | None = None
        self._seen: dict[tuple[str, str], None] = {}  # (mention, kind), by latest mention, oldest first
        self._people: dict[str, tuple[str, str]] = {}  # surname -> (fullest mention, kind)
        self._last_runs: tuple[int, list[str]] = (-1, [])  # (sentence start, its name runs)

    def attribute(self, text: str, start: int, end: int, limit: int) -> tuple[str | None, str]:
        """(name, kind) for the source mention text[start:end]; what follows it after a comma, up
        to `limit`, describes it (", 38, a runner from Ohio")."""
        mention = text[start:end]
        descriptor = text[end:limit] if text[end:end + 1] == "," else ""
        before = text[max(0, start - 200):start]
        return self.resolve(mention, source_kind(mention, descriptor), before)

    def resolve(self, mention: str, kind: str, before: str = "") -> tuple[str | None, str]:
        """(name, kind) for a mention: a pronoun or back-reference becomes the last fitting source
        seen, a surname the full name it was introduced with; `before` is the text before it."""
        if mention in _INTERVIEW_LABELS:
            return self._interview_speaker(mention)
        words = mention.split()
        lower = _CONTRACTION.sub("", words[-1].lower()) if words else ""  # "He’s predicting"
        if words and (bare(words[0]) in _RELATIVE or len(words) <= 2 and lower in _RELATIVE):
            return self._antecedent(before)
        if len(words) == 1 and lower == "which":  # "the Board of Elections, which ruled": a body or a thing
            return self._antecedent(before, person=False)
        if len(words) <= 2 and lower in PERSON_PRONOUNS:
            return self._person or (None, "anonymous")  # an unresolved "she" names nobody
        if len(words) <= 2 and lower in GROUP_PRONOUNS:
            return self._group or (None, "anonymous")
        back = self._back_reference(mention)
        if back is not None:
            self._remember(*back)
            return back
        if kind in ("named_person", "witness"):
            surname = name_key(canonical_name(mention, kind)).split()
            known = self._people.get(surname[-1]) if len(surname) == 1 else None
            if known is not None:
                self._person = known
                return known
        self._remember(mention, kind)
        return mention, kind

    def stands_for(self, attribution, before: list[Token], previous: list[Token]) -> str | None:
        """The person a "he" or "she" (RESOLVED_PRONOUNS) opening a claim stands for: the claim's
        source, if a person named ("Lynch said she was asked"); else the last person named before it
        in its sentence; else the first one the previous sentence names (most often its subject).
        None when no one is."""
        source = _named_person(attribution.source, attribution.kind) if attribution.source else None
        if source:
            return source
        here = self._people_named(before)
        if here:
            return here[-1]
        earlier = self._people_named(previous)
        return earlier[0] if earlier else None

    def _people_named(self, tokens: list[Token]) -> list[str]:
        """The people a stretch of tokens names, in order: runs of names a person has, and the
        surnames of people named before."""
        people: list[str] = []
        run: list[Token] = []
        preceding = ""  # the word before the run
        for k, token in enumerate([*tokens, None]):
            capital = token is not None and token.is_word and "A" <= token.text[0] <= "Z"
            if capital and (not run or token.start == run[-1].end + 1):
                if not run:
                    preceding = tokens[k - 1].lower if k else ""
                run.append(token)
                continue
            words = [t.text for t in run]
            while words and _CONTRACTION.sub("", words[0].lower()) in _NO_NAME:
                words.pop(0)  # "But Trump", "He"
            name = " ".join(words)
            if len(words) >= 2 and preceding not in _ARTICLES and source_kind(name) == "named_person":
                people.append(canonical_name(name, "named_person"))  # not "a Renault Clio", "the Boston Marathon"
            elif len(words) == 1 and (known := self._people.get(name_key(name))) and (named := _named_person(*known)):
                people.append(named)
            run = [token] if capital else []
            preceding = tokens[k - 1].lower if capital else preceding  # a run that opens after a gap: its own word before
        return people

    def _remember(self, mention: str, kind: str) -> None:
        self._see(mention, kind)
        if kind not in _PERSONS and _one_person(mention):
            self._person = (mention, kind)  # "A spokesman for the union said ... 'We ...,' he said"
        if kind in ("named_person", "witness"):
            self._person = (mention, kind)
            key = name_key(canonical_name(mention, kind)).split()
            if len(key) > 1 or key and key[-1] not in self._people:
                self._people[key[-1]] = (mention, kind)
        else:
            self._group = (mention, kind)

    def _see(self, mention: str, kind: str) -> None:
        """Put the mention last among those seen, once however often it recurs."""
        self._seen.pop((mention, kind), None)
        self._seen[(mention, kind)] = None

    def _recent(self):
        """The distinct mentions seen, latest first, as far back as a back-reference reaches."""
        return islice(reversed(self._seen), MAX_LOOKBACK)

    def _interview_speaker(self, label: str) -> tuple[str | None, str]:
        """Who speaks after "Q:" (the interviewer) and "A:" (the person interviewed: the first one
        the article names, "Q&A with Vice President Joe Biden")."""
        if label == "Q":
            return INTERVIEWER, "media"
        return next(iter(self._people.values()), (label, "anonymous"))  # no one named: the label as written

    def _antecedent(self, before: str, person: bool = True) -> tuple[str | None, str]:
        """Whom "who said" stands for: the name or described source just before it, else (for a
        person) the last person seen."""
        run = _last_name_run(before.rstrip(" ,"))
        if run:
            return run, source_kind(run)
        phrase = _LAST_NOUN_PHRASE.search(before) if before.rstrip().endswith(",") else None
        if phrase:  # "according to the engineer, who said"
            named = _last_name_run(before[:phrase.start(1)].rstrip(" ,")) if before[:phrase.start(1)].rstrip(
                " ").endswith(",") else None
            if named:  # "said Tom Adler, the engineer, who added": the engineer is Tom Adler
                return named, source_kind(f"{named}, {phrase.group(1)}")
            return phrase.group(1), source_kind(phrase.group(1))
        return (self._person if person else None) or (None, "anonymous")

    def _back_reference(self, mention: str) -> tuple[str, str] | None:
        """"the company", "The president": the latest earlier mention holding the noun, or else
        the latest source of the kind the noun stands for."""
        match = _BACK_REFERENCE.fullmatch(mention.strip())
        if match is None or any(w[:1].isupper() for w in match.group(1).split()):
            return None
        head = bare(match.group(1).split()[-1])
        person = head in TITLES  # "the president" stands for a person, "the ministry" for a body
        for seen, kind in self._recent():
            if (kind in _PERSONS) == person and seen.lower() != mention.lower() \
                    and head in (bare(w) for w in words_of(seen)):
                return seen, kind
        own = "named_person" if person else source_kind(mention)
        if own == "named_person":
            return self._person  # "The president said", after "Ana Ruiz went ..."
        wanted = _STANDS_FOR.get(head)
        for seen, kind in self._recent():
            if kind == wanted and any(w[:1].isupper() for w in words_of(seen)):
                return seen, kind
        return None

    def _runs(self, tokens: list[Token]) -> list[str]:
        """The name runs of a sentence, found once for both kinds of noticing; none in a headline
        written in Title Case ("Bush Hits Marco Rubio On Abortion" names no "Bush Hits Marco Rubio")."""
        start = tokens[0].start if tokens else -1
        if self._last_runs[0] != start:
            self._last_runs = (start, [] if _title_case(tokens) else _plain_runs(_name_runs(tokens)))
        return self._last_runs[1]

    def notice_names(self, tokens: list[Token]) -> None:
        """Remember the first person named in a sentence with no source ("Pierre Brossollette
        went ..."), for a later "he"."""
        for run in self._runs(tokens):
            if source_kind(run) == "named_person":
                self._remember(run, "named_person")
                return

    def notice_mentions(self, tokens: list[Token]) -> None:
        """Remember the people and bodies a sentence names ("President Ana Ruiz", "the Acme
        Corporation"), for a later "the president" or "the company", and a person's fullest
        name, for a later bare surname; the last speaker stays as it is."""
        for run in self._runs(tokens):
            kind = source_kind(run)
            if kind in ("named_person", "official_body", "media"):
                self._see(run, kind)
            if kind == "named_person":
                key = name_key(canonical_name(run, kind)).split()
                if len(key) > 1 and key[-1] not in self._people:
                    self._people[key[-1]] = (run, kind)


_LAST_NOUN_PHRASE = re.compile(r"\b((?:the|an?) (?:[a-z][\w’'-]* ){0,2}[a-z][\w’'-]*)\s*,\s*$", re.IGNORECASE)
_NO_NAME = PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset(
    "but and or so as when while if then yet what where how why in on at for of to from by with "
    "after before during this that these those there here also even".split())
_SMALL_WORDS = frozenset("a an the of on in at to for and or but with by from as over after into".split())
_FIRST_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_NAME_WORD = re.compile(r"[A-Z][a-z’'-]+|[A-Z]\.")
_capitalised = attrgetter("capitalised")


def _plain_runs(runs: list[str]) -> list[str]:
    """The runs without the capitalised small words and pronouns that open a sentence or stand
    beside a name ("But Hillary", "In May", "But I’mma"), of two or more words still."""
    plain = []
    for run in runs:
        part: list[str] = []
        for word in run.split() + ["and"]:  # a small word closes the part before it
            if _CONTRACTION.sub("", word.lower()) not in _NO_NAME:
                part.append(word)
                continue
            if len(part) >= 2:
                plain.append(" ".join(part))
            part = []
    return plain


def _title_case(tokens: list[Token]) -> bool:
    """Whether most of five or more words are capitalised, small words after the first too ("On",
    "For"): a headline, not a sentence full of names."""
    words = [t for t in tokens if t.is_word and t.text[0].isalpha()]
    return len(words) >= 5 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words) \
        and any(t.text[0].isupper() and t.lower in _SMALL_WORDS for t in words[1:])


def _name_runs(tokens: list[Token]) -> list[str]:
    """Runs of two or more capitalised words with only spaces between them, as written."""
    runs, run = [], []
    last = -1  # the index of the run's last token
    # both patterns open with a capital A-Z: a token that is not capitalised is no part of a run,
    # so only the capitalised ones are visited (found in C); one skipped between ends a run
    for k in compress(count(), map(_capitalised, tokens)):
        token = tokens[k]
        text = token.text
        capital = "A" <= text[0] <= "Z"
        if run and k > last + 1:
            if len(run) >= 2:
                runs.append(" ".join(t.text for t in run))
            run = []
        last = k
        if not capital and not run:
            continue
        if capital and run and token.start == run[-1].end + 1 and _NAME_WORD.fullmatch(text):
            run.append(token)
            continue
        if len(run) >= 2:
            runs.append(" ".join(t.text for t in run))
        run = [token] if capital and _FIRST_NAME_WORD.fullmatch(text) else []
    if len(run) >= 2:
        runs.append(" ".join(t.text for t in run))
    return runs


def _last_name_run(text: str) -> str | None:
    """The capitalised words that end `text` ("... said Mayor Ana Ruiz", "the Board of Elections"), if any."""
    match = re.search(r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|on)\s+(?=[A-Z]))?)*[A-Z][\w’'-]*$", text)
    if match is None:
        return None
    return match.group().strip() or None
