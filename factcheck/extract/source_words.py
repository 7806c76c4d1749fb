"""Word classes for telling what kind of source a mention is and which words of it are the name.

These are classes of English words (roles, institutions, titles), not phrases of any corpus.
They are kept apart from `lexicon`, whose lists are features of the trained cue model.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# People who took part in or saw an event and tell what they lived through.
WITNESS_NOUNS = _words("""
witness witnesses eyewitness eyewitnesses onlooker onlookers bystander bystanders resident residents
neighbour neighbours neighbor neighbors passer-by passers-by passerby locals survivor survivors
runner runners spectator spectators tourist tourists visitor visitors passenger passengers
lifeguard lifeguards driver drivers diver divers volunteer volunteers student students
shopkeeper shopkeepers vendor vendors commuter commuters pedestrian pedestrians customer customers
worshipper worshippers parishioner parishioners fan fans parent parents mother father relative
relatives victim victims tenant tenants homeowner homeowners farmer farmers villager villagers
participant participants attendee attendees guest guests patient patients hiker hikers climber
climbers sailor sailors fisherman fishermen rescuer rescuers evacuee evacuees
""")
# Lay occupations: in a named person's descriptor they mark an ordinary person, not an office.
LAY_ROLES = WITNESS_NOUNS | _words("""
teacher nurse florist baker cook chef waiter waitress cleaner mechanic plumber electrician
cashier clerk taxi cab bus truck lorry grocer butcher barber retiree pensioner housewife
artist musician photographer mother-of-two father-of-two grandmother grandfather owner
""")
# Unnamed people who speak for nobody but themselves or their trade.
ANONYMOUS_NOUNS = _words("""
source sources insider insiders aide aides expert experts analyst analysts critic critics observer
observers people person man woman men women officer officer's officers employee employees worker
workers official staffer staffers economist economists engineer engineers scientist scientists
doctor doctors surgeon surgeons physician physicians researcher researchers lawyer lawyers
attorney attorneys activist activists supporter supporters opponent opponents voter voters
member members others some many several friend friends colleague colleagues someone anyone
strategist strategists consultant consultants academic academics historian historians
""")
# Someone who speaks for a body: unnamed, the body speaks through them.
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative")
# Institutions, organisations and officials as a group.
BODY_NOUNS = _words("""
police authorities authority government ministry ministries department departments office agency
agencies service services prefecture prosecutor prosecutors court council committee commission
parliament congress senate house administration army military navy embassy campaign party cabinet
presidency officials investigators detectives brigade bureau command unit board company companies
firm firms contractor contractors operator operators organiser organisers organizer organizers
maker makers carmaker automaker retailer retailers lender lenders insurer insurers airline airlines
carrier manufacturer manufacturers supplier suppliers utility
association group union institute university hospital hospitals school college foundation
corporation corp inc ltd plc llc bank center centre network coalition alliance federation
league club team management trust charity society council's firefighters forces force guard
coastguard regime junta fbi cia nsa pentagon kremlin elysee interpol un nato eu gendarmerie state
""")
MEDIA_NOUNS = _words("""
television tv radio newspaper newspapers paper media press news channel broadcaster broadcasters
magazine outlet outlets website reuters afp ap bbc cnn bloomberg msnbc nbc abc cbs npr pbs fox
guardian telegraph times post journal tribune herald gazette daily politico axios reporter
reporters correspondent correspondents journalist journalists editorial tabloid wire daily
""")
DOCUMENT_NOUNS = _words("""
report reports study studies statement statements document documents poll polls polling survey
surveys data figures figure records record filing filings letter letters memo memos email emails
papers complaint indictment affidavit analysis review audit transcript release footage video
videos photos images budget book list lists log logs census tally count estimate estimates
map maps chart charts table tables minutes notes note order ruling verdict warrant lawsuit
register registers
""")
# Titles and ranks that sit before a name and are no part of it.
TITLES = _words("""
mr mrs ms miss mx dr prof sir dame lord lady rev president vice prime
minister secretary senator sen rep reps representative congressman congresswoman governor gov
mayor general gen col lt sgt capt captain commander admiral chief judge justice officer detective
inspector superintendent sheriff deputy commissioner alderman alderwoman councilman councilwoman
councillor councilor chancellor ambassador king queen prince
princess pope bishop cardinal rabbi imam speaker leader chairman chairwoman chair ceo cfo coo
director head spokesman spokeswoman spokesperson adviser advisor strategist aide manager founder
chairperson lawmaker legislator delegate candidate nominee contender frontrunner front-runner
hopeful challenger incumbent former acting interim then- democrat democrats democratic republican
republicans gop independent conservative liberal socialist progressive billionaire mogul magnate
businessman businesswoman tycoon star rival
""")
# Words of an office: a named person whose descriptor holds one speaks for that office.
OFFICE_WORDS = TITLES - _words("mr mrs ms miss mx dr prof sir dame lord lady") | BODY_NOUNS | _words(
    "official officials spokesman spokeswoman executive president professor attorney lawyer")
INDEFINITE = _words("a an one some several two three four many few other another certain")
PERSON_PRONOUNS = _words("he she him her his i me who whom")
GROUP_PRONOUNS = _words("they them we us it its")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words written in lower case inside sentences of PolNeAR train (see scripts/mine_casing.py)."""
    mined = json.loads(resources.files("factcheck.data").joinpath("common_words.json").read_text("utf-8"))
    return frozenset(mined)


def is_common(word: str) -> bool:
    """Whether a (lower-cased) word is an ordinary word rather than a name: mined, or a role."""
    known = common_words()
    if word in known or word in WITNESS_NOUNS or word in ANONYMOUS_NOUNS or word in BODY_NOUNS:
        return True
    return word.endswith("s") and word[:-1] in known  # a plural of a common word
