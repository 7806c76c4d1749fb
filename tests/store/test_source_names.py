"""One source row per person or body across articles, named by its plain name."""
import pytest

from factcheck.store.sources import Sources
from factcheck.store.storage import Store


def _store(*texts):
    store = Store(":memory:")
    for number, text in enumerate(texts):
        store.ingest(text, name=f"a{number}")
    return store


def _rows(store):
    return {row["name"]: row for row in store.sources()}


@pytest.mark.parametrize("first, second, name", [
    ("Sheriff Rask said the road was closed at dawn.",
     "Sheriff Tove Rask said the road would reopen on Friday.", "Tove Rask"),
    ("Sheriff Tove Rask said the road would reopen on Friday.",
     "Sheriff Rask said the road was closed at dawn.", "Tove Rask"),
    ("Sen. Ada Pruitt said the bill would pass this week.",
     "Senator Ada Pruitt said the vote had been delayed.", "Ada Pruitt"),
    ("GOP hopeful Ada Pruitt said the debate had been a success.",
     "Ada Pruitt said her campaign raised two million dollars.", "Ada Pruitt"),
    ("Vermont Sen. Ada Pruitt said the plant would close.",
     "Pruitt said the letter had been sent.", "Ada Pruitt"),
    ("Governor Nils Ekdahl, who closed the schools on Monday, said they would reopen soon.",
     "Ekdahl said the storm had passed.", "Nils Ekdahl"),
    # a surname with particles is one surname
    ("Mayor Luc de Brabander said the canal would be dredged.",
     "De Brabander said the dredging would take a month.", "Luc de Brabander"),
    ("Van der Meer said the dike had held.",
     "Minister Anke van der Meer said the dike would be raised.", "Anke van der Meer"),
])
def test_one_row_per_person_with_its_plain_name(first, second, name):
    store = _store(first, second)
    people = [row for row in store.sources() if row["kind"] == "named_person"]
    assert [row["name"] for row in people] == [name]
    assert people[0]["claims"] == 2 and people[0]["articles"] == 2


def test_aliases_keep_the_forms_as_written():
    store = _store("Sheriff Rask said the road was closed at dawn.",
                   "Sheriff Tove Rask said the road would reopen on Friday.")
    assert _rows(store)["Tove Rask"]["aliases"] == ["Sheriff Rask", "Sheriff Tove Rask"]


def test_two_people_with_one_surname_stay_apart():
    store = _store("Eva Lind said the bridge was safe.", "Maja Lind said the bridge had cracked.",
                   "Lind said the inspection was due.")
    rows = _rows(store)
    assert rows["Eva Lind"]["claims"] == 2 and rows["Maja Lind"]["claims"] == 1


def test_merging_keeps_claim_ids_and_offsets():
    store = Store(":memory:")
    first = store.ingest("Sheriff Rask said the road was closed at dawn.", name="a").article_id
    before = store.claims(first)
    store.ingest("Sheriff Tove Rask said the road would reopen on Friday.", name="b")
    after = store.claims(first)
    keep = ("id", "text", "start", "end", "source_text", "source_start", "source_end")
    assert [{k: c[k] for k in keep} for c in after] == [{k: c[k] for k in keep} for c in before]
    assert [c["source"] for c in after] == ["Tove Rask"]
    assert [r["id"] for r in store.sources()] == [1]


def test_possessives_titles_and_initials_are_no_part_of_the_name():
    store = Store(":memory:")
    sources = Sources(store.db)
    with store.db.conn:
        ids = {sources.id_for(mention, "named_person") for mention in
               ("Ada Pruitt’s", "Ada J. Pruitt", "Vermont Sen. Ada Pruitt", "Pruitt's")}
    assert len(ids) == 1
    assert store.db.execute("SELECT name FROM sources").fetchall() == [("Ada Pruitt",)]


def test_who_is_never_a_source():
    store = _store("The ferry was met by Harbourmaster Ola Dahl, who said the crossing was rough.")
    assert "who" not in {row["name"].lower() for row in store.sources()}


def test_a_person_quoted_as_a_witness_and_by_name_is_one_row():
    store = _store('"The roof just folded," said Eva Lind, 52, a baker who lives by the square.',
                   "Eva Lind said the square would be closed for a month.")
    rows = store.sources()
    assert [(r["name"], r["articles"]) for r in rows] == [("Eva Lind", 2)]


def test_a_person_another_process_stored_is_merged_with_here(tmp_path):
    here, there = Store(tmp_path / "shared.db"), Store(tmp_path / "shared.db")
    here.ingest("Mayor Ines Varga said the bridge would be repaired.", title="one")  # here reads the sources
    there.ingest("Sheriff Tove Rask said the road was closed at dawn.", title="two")
    here.ingest("Sheriff Rask said the road would reopen on Friday.", title="three")
    people = [row["name"] for row in here.sources() if row["kind"] == "named_person"]
    assert sorted(people) == ["Ines Varga", "Tove Rask"]
