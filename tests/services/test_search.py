import random

import pytest

from briefer import paths
from briefer.domain.records import EntityRef
from briefer.domain.search import parse_query
from briefer.domain.vocabulary import SearchKind
from briefer.services.notes import NotesService
from briefer.services.search import TIER_EXACT, SearchService
from briefer.store import search as search_store
from briefer.store.reference import ReferenceStore
from briefer.store.user_db import UserStore

HOSTILE = [
    '"',
    '""',
    '"unbalanced',
    "*",
    "-",
    "-chollima",
    "NEAR",
    "NEAR(chollima unha, 2)",
    "(((",
    ")",
    "chollima AND",
    "OR",
    "NOT unha",
    "^sohae",
    "title:unha",
    "{title names}: unha",
    "'; DROP TABLE search_docs; --",
    "\\",
    "%_%",
    "x\x00y",
    "🚀 launch",
    "ㄱ",
]


@pytest.fixture(scope="module")
def shipped():
    store = ReferenceStore(paths.bundled_db_path())
    yield SearchService(store.search_index())
    store.close()


@pytest.fixture
def with_notes(fixture_db, tmp_path):
    reference = ReferenceStore(fixture_db)
    notes = NotesService(UserStore(tmp_path / "user.db"), reference)
    return SearchService(reference.search_index(), notes), notes


def first_hit(results):
    return results.groups[0].hits[0]


@pytest.mark.parametrize(
    ("typed", "kind", "entity_id"),
    [
        ("Unha-3", "launch_vehicle", "unha-3"),
        ("Soyuz-2.1b", "launch_vehicle", "soyuz-2-1b"),
        ("Taepodong-1", "launch_vehicle", "paektusan-1"),
        ("Tongchang-ri", "site", "sohae"),
        ("Sohae Satellite Launching Station", "site", "sohae"),
        ("만리경-1호", "satellite", "malligyong-1"),
        ("천리마-1형", "launch_vehicle", "chollima-1"),
        ("Союз-2.1б", "launch_vehicle", "soyuz-2-1b"),
        ("NADA", "organisation", "nada"),
        ("2270", "resolution", "2270"),
    ],
)
def test_an_exact_name_or_alias_comes_first(shipped, typed, kind, entity_id):
    hit = first_hit(shipped.search(typed))
    assert (hit.kind, hit.ref.id, hit.tier) == (kind, entity_id, TIER_EXACT)


@pytest.mark.parametrize(("typed", "entity_id"), [("KCNA", "kcna"), ("NADA", "nada")])
def test_exact_name_outranks_records_that_mention_it_more(shipped, typed, entity_id):
    index = shipped._index
    by_bm25 = index._ranked("search_index", parse_query(typed).match, (), 1)
    top_doc = by_bm25[0][0]
    assert index._details([top_doc])[top_doc][1] != entity_id  # bm25 alone: another record
    hit = first_hit(shipped.search(typed))
    assert (hit.ref, hit.tier) == (EntityRef("organisation", entity_id), TIER_EXACT)


def test_prefixes_find_names_as_they_are_typed(shipped):
    for typed in ("Ch", "Chol", "Chollim"):
        titles = [hit.title_text for hit in shipped.search(typed).hits[:5]]
        assert "Chollima-1" in titles, typed


def test_alias_match_shows_the_alias_in_the_snippet(shipped):
    hit = first_hit(shipped.search("Tongch'ang-ri"))
    assert hit.snippet_text.startswith("Also: ") and "Tongch'ang-ri" in hit.snippet_text
    assert any(flag for _, flag in hit.snippet)


def test_phrase_in_text_finds_the_provision_with_a_highlighted_snippet(shipped):
    results = shipped.search("aerospace training")
    provisions = [hit for hit in results.hits if hit.kind == SearchKind.PROVISION]
    assert [hit.ref.id for hit in provisions] == ["res2270-op17"]
    flagged = {text.lower() for text, flag in provisions[0].snippet if flag}
    assert flagged and flagged <= {"aerospace", "training"}


def test_results_are_grouped_by_kind_in_order_of_their_best_hit(shipped):
    results = shipped.search("Chollima")
    kinds = [group.kind for group in results.groups]
    assert len(kinds) == len(set(kinds))
    assert kinds[0] == SearchKind.LAUNCH_VEHICLE
    for group in results.groups:
        assert all(hit.kind == group.kind for hit in group.hits)


def test_kind_filter_keeps_only_those_kinds(shipped):
    results = shipped.search("Unha", kinds=["launch_attempt"])
    assert results.total > 0
    assert {hit.kind for hit in results.hits} == {"launch_attempt"}


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_never_raise(with_notes, typed):
    service, notes = with_notes
    notes.save(EntityRef("launch_attempt", "l-1998"), 'NEAR the border; "quoted" (paren')
    results = service.search(typed)
    assert all(isinstance(hit.title_text, str) for hit in results.hits)


def test_random_punctuation_and_words_never_raise(shipped):
    rng = random.Random(5)
    words = ["NEAR", "AND", "OR", "NOT", "unha", "솔"]
    alphabet = [*"\"'*-+^:(){}[]<>.,;!?/\\|&%$#@~` ", *words]
    for _ in range(300):
        typed = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        shipped.search(typed)


def test_notes_are_found_and_point_at_their_record(with_notes):
    service, notes = with_notes
    launch = EntityRef("launch_attempt", "l-2012")
    note = notes.save(launch, "Debris recovered near Gunsan; ask about the Vladivostok angle.")
    results = service.search("vladivo")
    group = next(g for g in results.groups if g.kind == SearchKind.NOTE)
    hit = group.hits[0]
    assert (hit.ref, hit.note_id) == (launch, note.id)
    assert hit.title_text.startswith("Rocket A")
    assert ("Vladivostok", True) in hit.snippet
    assert service.search("vladivo", kinds=["launch_attempt"]).total == 0


def test_an_edited_note_is_searched_by_its_new_text_only(with_notes):
    service, notes = with_notes
    launch = EntityRef("launch_attempt", "l-2012")
    notes.save(launch, "first draft mentions Khabarovsk")
    notes.save(launch, "second draft mentions Nakhodka")
    assert service.search("khabarovsk").total == 0
    assert service.search("nakhodka", kinds=["note"]).total == 1


def test_broad_queries_still_put_exact_names_first(shipped, monkeypatch):
    monkeypatch.setattr(search_store, "FULL_RANK_LIMIT", 3)
    monkeypatch.setattr(search_store, "NAMES_RANK_LIMIT", 2)
    results = shipped.search("KCNA")
    assert results.broad
    assert first_hit(results).ref == EntityRef("organisation", "kcna")
    several_words = shipped.search("Unha-3", limit=2)  # more than the limit: ranked as broad
    assert several_words.broad
    assert first_hit(several_words).ref == EntityRef("subject", "unha-3")
    narrow = shipped.search("aerospace training")  # the provision and the training scenario
    assert not narrow.broad and narrow.total == 2
    assert {hit.ref for hit in narrow.hits} == {
        EntityRef("provision", "res2270-op17"),
        EntityRef("scenario", "scn-aerospace-training"),
    }


def test_sharp_s_and_dotted_capital_i_fold_as_the_index_does(shipped):
    hits = shipped.search("schießt").hits
    assert hits and "schießt" in hits[0].title_text
    assert ("schießt", True) in hits[0].title


def test_a_long_exact_title_is_still_an_exact_match(shipped):
    title = "Russland schießt militärischen Satelliten ins All"
    longest = max(
        (hit.title_text for hit in shipped.search("satellite", kinds=["source"]).hits),
        key=lambda text: len(text.split()),
    )
    assert len(longest.split()) > 12
    for typed in (title, longest):
        hit = first_hit(shipped.search(typed))
        assert (hit.title_text, hit.tier) == (typed, TIER_EXACT)


def test_an_exact_source_title_comes_before_records_that_only_mention_it(shipped):
    results = shipped.search("North Korea launches first satellite")
    assert first_hit(results).tier == TIER_EXACT
    assert results.groups[0].kind == SearchKind.SOURCE


def test_a_damaged_notes_index_is_a_notice_not_an_error(with_notes):
    service, notes = with_notes
    notes.save(EntityRef("launch_attempt", "l-2012"), "vostochny")
    notes._store._conn.execute("DROP TABLE notes_search")
    results = service.search("rocket")
    assert results.total > 0
    assert results.notice.startswith("Your notes could not be searched")


@pytest.fixture
def with_records(fixture_db, tmp_path):
    from briefer.services.local_records import LocalRecordsService

    reference = ReferenceStore(fixture_db)
    user = UserStore(tmp_path / "user.db")
    local = LocalRecordsService(user)
    return SearchService(reference.search_index(), NotesService(user, reference), local), local


RECORD = {
    "date_utc": "2025-05",
    "category": "military_cooperation",
    "title": "Engine specialists to Sohae",
    "summary": "Reports of Russian engineers at the Sohae pad.",
    "source": "Daily NK",
    "confidence": "unverified",
}


def test_the_analysts_own_records_are_found_in_their_own_group(with_records):
    service, local = with_records
    record = local.create("event", RECORD)
    results = service.search("russian engineers")
    group = next(g for g in results.groups if g.kind == SearchKind.LOCAL_RECORD)
    assert group.label == "Your records"
    hit = group.hits[0]
    assert (hit.ref, hit.when, hit.title_text) == (record.ref, "2025-05", RECORD["title"])
    assert ("Russian", True) in hit.snippet
    assert service.search("engine specialists to sohae").groups[0].hits[0].tier == TIER_EXACT
    assert service.search("engine specialists").groups[0].hits[0].tier == TIER_EXACT + 1
    assert service.search("sohae", kinds=["local_record"]).total == 1
    assert service.search("sohae", kinds=["launch_attempt"]).total == 0
    local.delete(record.id)
    assert service.search("russian engineers", kinds=["local_record"]).total == 0


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_over_ones_own_records_never_raise(with_records, typed):
    service, local = with_records
    local.create("event", {**RECORD, "title": 'NEAR "quoted" (paren', "summary": "x\u202e"})
    assert all(isinstance(hit.title_text, str) for hit in service.search(typed).hits)


def test_a_search_over_the_notes_database_finds_its_records_too(fixture_db, tmp_path):
    from briefer.services.local_records import LocalRecordsService

    user = UserStore(tmp_path / "user.db")
    LocalRecordsService(user).create("event", RECORD)
    reference = ReferenceStore(fixture_db)
    service = SearchService(reference.search_index(), NotesService(user, reference))
    assert service.search("sohae pad", kinds=["local_record"]).total == 1
