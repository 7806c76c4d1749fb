"""Whether two names written differently may name one person, place or body."""
from __future__ import annotations

from rapidfuzz import fuzz

NAME_LINKS = frozenset("of with for and de".split())  # small words inside names
# Words beside a name that are no part of it: titles and ranks before, suffixes after
# ("Adm Hal Gehman", "Harold W Gehman Jr", "Taubman Centers Inc").
TITLE_WORDS = frozenset("mr mrs ms miss dr prof sir dame rev gen general adm admiral col capt sgt lt "
                        "sen senator rep gov governor president judge justice mayor sheriff".split())
HONORIFICS = frozenset("mr mrs ms miss".split())
SUFFIX_WORDS = frozenset("jr sr ii iii iv inc corp co ltd plc llc".split())


def same_name(x: str, y: str) -> bool:
    """Whether two names may be one: spellings ("Kobane", "Kobani"), forms ("Korea", "Korean"),
    short forms ("Jan", "January") and initials ("US", "U S"; "NY", "New York")."""
    x, y = x.lower(), y.lower()
    if _ALIASES.get(x.replace(" ", ""), x) == _ALIASES.get(y.replace(" ", ""), y):
        return True
    parts_x, parts_y = x.split(), y.split()
    if len(parts_x) == len(parts_y) > 1 and any(fuzz.ratio(p, q) < 75 and not (p.startswith(q) or q.startswith(p))
                                                for p, q in zip(parts_x, parts_y)):
        return False  # "Chiang Rai" / "Chiang Mai", "North Tower" / "South Tower": one word apart
    squeezed_x, squeezed_y = x.replace(" ", ""), y.replace(" ", "")
    initials_x = "".join(part[0] for part in x.split() if part not in NAME_LINKS)
    initials_y = "".join(part[0] for part in y.split() if part not in NAME_LINKS)
    shorter, longer = sorted((squeezed_x, squeezed_y), key=len)
    return (fuzz.ratio(squeezed_x, squeezed_y) >= 75 or longer.startswith(shorter)
            or squeezed_x == initials_y or squeezed_y == initials_x
            or _acronym(squeezed_x, initials_y) or _acronym(squeezed_y, initials_x))


def name_parts(written: str) -> tuple[list[str], str | None]:
    """(the name's own words, lower-cased, titles and suffixes dropped; the title before it, if
    one stands there): "Mr. Hicks" -> (["hicks"], "mr")."""
    parts = written.lower().replace(".", "").split()
    own = [p for p in parts if p not in TITLE_WORDS and p not in SUFFIX_WORDS]
    return own, parts[0] if parts and parts[0] in TITLE_WORDS else None


def same_person(x: str, y: str) -> bool:
    """Whether two names are one person's, titled on one side at least: the same surname ("Mr Hicks" /
    "David Hicks", "Adm Hal Gehman" / "Navy Admiral Harold W Gehman Jr"); "North Tower" / "South
    Tower" carry no title and are not."""
    (own_x, title_x), (own_y, title_y) = name_parts(x), name_parts(y)
    if title_x != title_y and {title_x, title_y} <= HONORIFICS:
        return False  # "Mr Okafor" / "Mrs Okafor": two people of one family
    return bool(own_x and own_y) and (title_x or title_y) is not None and own_x[-1] == own_y[-1]


# One country under the names news copy gives it ("UK", "Britain", "British").
_ALIASES = {name.replace(" ", ""): group.split(",")[0] for group in (
    "uk,u k,britain,british,great britain,united kingdom",
    "us,u s,usa,america,american,americans,united states",
    "un,u n,united nations", "eu,e u,european union,europe", "russia,russian,moscow",
    "china,chinese,beijing", "netherlands,dutch,holland") for name in group.split(",")}


def _acronym(word: str, initials: str) -> bool:
    """Whether a word and a name's initials begin alike ("CHOGM", "Commonwealth Heads ...")."""
    return len(initials) >= 2 and (word.startswith(initials) or initials.startswith(word))
