"""Word lists the extractor reasons with: cue words and their rates, and closed word classes."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# Verbs of saying, believing and finding that introduce content whatever the corpus says.
# Each entry: the forms of one verb.
_CORE_VERBS = """
say says said saying | tell tells told telling | add adds added adding
state states stated stating | claim claims claimed claiming | insist insists insisted insisting
argue argues argued arguing | explain explains explained explaining | note notes noted noting
write writes wrote writing | tweet tweets tweeted tweeting | report reports reported reporting
announce announces announced announcing | declare declares declared declaring
warn warns warned warning | acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting | confirm confirms confirmed confirming
deny denies denied denying | suggest suggests suggested suggesting
recall recalls recalled recalling | reply replies replied replying
respond responds responded responding | stress stresses stressed stressing
assert asserts asserted asserting | maintain maintains maintained
concede concedes conceded conceding | predict predicts predicted predicting
believe believes believed believing | think thinks thought | fear fears feared fearing
hope hopes hoped hoping | worry worries worried | expect expects expected
know knows knew | agree agrees agreed | reveal reveals revealed revealing
show shows showed shown showing | find finds found | conclude concludes concluded
indicate indicates indicated indicating | estimate estimates estimated
allege alleges alleged alleging | testify testifies testified testifying
emphasize emphasizes emphasized emphasising emphasised | complain complains complained
promise promises promised | vow vows vowed | pledge pledges pledged
""".replace("\n", " ")
CORE_RATE = 0.8

# Cue verbs whose content may follow a spoken-to object: "told Reuters the man ...".
TELL_VERBS = frozenset("""
tell tells told telling inform informs informed assure assures assured warn warns warned
remind reminds reminded urge urges urged ask asks asked promise promised
""".split())
# Participles that hang a second attribution on the main clause: ", calling them ...".
PARTICIPLES = frozenset("""
saying calling adding noting arguing citing telling explaining insisting warning claiming
describing suggesting stressing asking declaring accusing acknowledging writing
""".split())
# Cues that may come before their source at the end of a sentence: "..., said Caddell."
INVERTING = frozenset("said says added asked wrote continued explained noted replied".split())

AUXILIARIES = frozenset("""
is are was were be been being has have had will would could can did does do may might must
should shall 's 've 'd ’s ’ve ’d
""".split()) | frozenset(
    word + ending for word in "is are was were has have had would could did does do should must ca wo".split()
    for ending in ("n't", "n’t"))  # "hasn't said", "won't say", "can't confirm"
NEGATIONS = frozenset("not n't n’t never".split())
BE_FORMS = frozenset("be been being is are was were".split())  # "was asked", "is expected"
DETERMINERS = frozenset("""
a an the this that these those his her its their our my your some another any each every
one two three several many few no
""".split())
SUBJECT_PRONOUNS = frozenset("he she they we i it you there".split())
OBJECT_PRONOUNS = frozenset("me him her us them you reporters journalists".split())
# Words that never begin or sit inside a source phrase.
NOT_IN_SOURCE = frozenset("""
that which whom whose what when where why how if whether because although though while
until till unless since whereas after before
but and or so as than then also too to not is are was were be been has have had will would
could can did does do may might must should shall
""".split())
IRREGULAR_PAST = frozenset("""
got went came made took saw ran fled shot left told found gave held kept said sent put set
began brought bought built caught drove fell felt fought hit knew led lost met paid rose sold
stood struck thought threw won wrote hid lay
""".split())
HEDGES = frozenset("""
could might may reportedly allegedly possibly apparently unclear unconfirmed presumed
suspected perhaps likely unlikely probably suggestion appears appeared seems seemed rumoured
rumored purportedly
""".split())
MEDIA_WORDS = frozenset("""
television tv radio newspaper newspapers paper media press agency news channel broadcaster
magazine outlet outlets website reuters afp ap bbc cnn bloomberg msnbc nbc abc cbs npr pbs
fox guardian telegraph times post journal tribune herald gazette daily politico axios
reporter reporters correspondent journalist journalists editorial
""".split())
DOCUMENT_WORDS = frozenset("""
report reports study studies statement statements document documents poll polls polling
survey surveys data figures records record filing filings letter letters memo email emails
court papers complaint indictment affidavit analysis review audit transcript release
release documents footage video photos images website site budget book
""".split())
OFFICIAL_WORDS = frozenset("""
police authorities authority government ministry minister department office officials
official agency service services prefecture prosecutor prosecutors court council committee
commission parliament congress senate house administration army military embassy
campaign party spokesman spokeswoman spokesperson cabinet presidency mayor governor
investigators investigator detectives prosecutor's police's
fbi cia nsa pentagon kremlin elysee interpol un nato eu gendarmerie state republicans
democrats republican democratic federal county city
""".split())


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, float]:
    """Cue rate of each word: mined counts from PolNeAR train; unseen core verbs get CORE_RATE."""
    mined = json.loads(resources.files("factcheck.data").joinpath("cue_words.json").read_text("utf-8"))
    rates = {word: as_cue / seen for word, (as_cue, seen) in mined.items()}
    for form in core_verb_forms():
        rates.setdefault(form, CORE_RATE)  # only where train never saw the form ("feared")
    return rates


def core_verb_forms() -> list[str]:
    """Every form of the core verbs of saying, believing and finding."""
    return _CORE_VERBS.replace("|", " ").split()


def cue_rate(word: str) -> float:
    """How likely the lower-cased `word` is to be (part of) an attribution cue, 0..1."""
    return (_RATES or _filled_rates()).get(word, 0.0)


_RATES: dict[str, float] = {}  # _cue_table, filled on first use: cue_rate is asked for every word


def cue_table() -> dict[str, float]:
    """Every word with a cue rate above 0, and its rate (what cue_rate reads)."""
    return _RATES or _filled_rates()


def _filled_rates() -> dict[str, float]:
    _RATES.update(_cue_table())
    return _RATES
