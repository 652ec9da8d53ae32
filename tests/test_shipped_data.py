"""The dataset that ships: sound sources, and a database built from exactly these sources."""

from briefer import paths
from briefer.services.launches import LaunchService
from briefer.store import schema
from briefer.store.reference import ReferenceStore
from briefer.store.source_files import content_sha256, read_source_set
from briefer.store.validation import check_source_set


def test_shipped_sources_pass_data_check():
    assert [str(p) for p in check_source_set(read_source_set(paths.data_dir()))] == []


def test_shipped_database_is_not_stale():
    store = ReferenceStore(paths.bundled_db_path())
    assert store.dataset_info().content_sha256 == content_sha256(paths.data_dir()), (
        "data/briefer.db was built from other sources: run 'briefer data build'"
    )


def test_shipped_database_has_every_public_view_populated():
    counts = ReferenceStore(paths.bundled_db_path()).view_counts()
    assert set(counts) == set(schema.PUBLIC_VIEWS)
    assert all(count > 0 for count in counts.values()), counts


def test_every_dprk_launch_row_is_sourced_twice_and_on_the_timeline():
    store = ReferenceStore(paths.bundled_db_path())
    launches = store.launch_attempts()
    timeline_ids = {event.id for event in store.timeline_events()}
    assert launches[0].date_utc == "1998-08-31"
    for launch in launches:
        assert len(launch.sources) >= 2, launch.id
        assert launch.id in timeline_ids
    for resolution in store.resolutions():
        assert f"unsc-res-{resolution.number}" in timeline_ids
    tally = LaunchService(store).tally()
    assert tally.reached_orbit == sum(1 for launch in launches if launch.outcome == "success")


def shipped() -> ReferenceStore:
    return ReferenceStore(paths.bundled_db_path())


def test_computed_flight_records_agree_with_the_launch_rows():
    store = shipped()
    records = LaunchService(store).records_by_vehicle()
    rows = store._conn.execute(
        "SELECT vehicle, count(*), sum(outcome = 'success') FROM launch_attempts GROUP BY vehicle"
    ).fetchall()
    flights = store._conn.execute(  # other countries' launches, held as timeline events
        "SELECT s.name, count(*), sum(e.outcome = 'success') FROM events e "
        "JOIN subjects s ON s.id = e.vehicle_id GROUP BY s.name"
    ).fetchall()
    names = {s.id: s.name for s in store.subjects("launch_vehicle")}
    assert {names[r.vehicle_id]: (r.attempts, r.successes) for r in records.values()} == {
        vehicle: (attempts, successes) for vehicle, attempts, successes in rows + flights
    }
    assert records["nuri"].attempts == 4 and records["naro-1"].attempts == 3
    typed = {"launches_count", "launch_failures_count", "successes_count", "success_rate"}
    for spec in store.specs():
        if spec.attribute in typed:
            assert spec.subject_id not in records, f"{spec.subject_id}: flight record typed in"
            assert spec.sources, spec


def test_every_provision_belongs_to_a_resolution():
    store = shipped()
    numbers = {r.number for r in store.resolutions()}
    assert all(p.resolution_number in numbers for p in store.provisions())
    assert len(store.provisions()) >= 30
    assert {1695, 1718, 1874, 2087, 2094, 2270, 2321, 2371, 2375, 2397} <= numbers


def test_every_claim_points_at_an_existing_record():
    store = shipped()
    lookups = {
        "launch_attempt": lambda i: store.launch_attempt(i),
        "subject": lambda i: store.subject(i),
        "event": lambda i: next((e for e in store.timeline_events() if e.id == i), None),
        "provision": lambda i: next((p for p in store.provisions() if p.id == i), None),
        "scenario": lambda i: store.scenario(i),
    }
    claims = store.claims()
    assert claims
    for claim in claims:
        assert lookups[claim.subject_kind](claim.subject_id) is not None, claim.id
        assert claim.sources, claim.id


def test_every_launch_is_tied_to_the_council():
    store = shipped()
    for launch in store.launch_attempts():
        links = store.launch_links(launch.id)
        assert any(k.relation == "responded_to" for k in links), launch.id
        if launch.date_utc > "2006-10-14":
            assert any(k.relation == "bears_on" for k in links), launch.id


def test_outcome_claims_that_differ_from_the_assessment_are_recorded():
    store = shipped()
    for launch in store.launch_attempts():
        if launch.claimed_outcome not in (launch.outcome, "none"):
            attributes = {c.attribute for c in store.claims("launch_attempt", launch.id)}
            assert "outcome" in attributes, launch.id


def test_coverage_meets_the_dataset_scope():
    store = shipped()
    events = [e for e in store.timeline_events() if e.category != "satellite_launch"]
    assert len(events) >= 40
    assert len(store.subjects("launch_vehicle")) >= 12
    assert len(store.subjects("satellite")) >= 10
    assert len(store.sources()) >= 40
    cited = {row[0] for row in store._conn.execute("SELECT DISTINCT source_id FROM citations")}
    assert {s.id for s in store.sources()} == cited, "every source is cited at least once"


def test_names_carry_native_scripts_and_romanisations():
    store = shipped()
    dprk_vehicles = [s for s in store.subjects("launch_vehicle") if s.country == "PRK"]
    assert all(s.native_name for s in dprk_vehicles)
    russian = [s for s in store.subjects() if s.country == "RUS"]
    assert russian and all(
        any("\u0400" <= ch <= "\u04ff" for ch in s.native_name or "") for s in russian
    )
    sohae = next(
        site for site in store._conn.execute("SELECT aliases FROM sites WHERE id = 'sohae'")
    )
    assert "Tongchang-ri" in sohae[0]
    organisations = {o.id: o for o in store.organisations()}
    assert len(organisations) >= 18
    assert {"kcst", "nada", "nata"} <= set(organisations)
    assert organisations["nata"].native_name == "국가항공우주기술총국"


def test_default_comparisons_exist_and_derive_from_the_data():
    from briefer.services.comparison import DEFAULT_SELECTION, ComparisonService

    store = shipped()
    service = ComparisonService(store, LaunchService(store))
    for kind, ids in DEFAULT_SELECTION.items():
        assert service.default_selection(kind) == list(ids)
    matrix = service.matrix("launch_vehicle", ["chollima-1", "soyuz-2-1b"])
    assert matrix.row("launches").cells[0].value == 3.0  # counted: three Chollima-1 attempts
    assert matrix.row("launches").cells[1].derivation == "cited count"


def test_the_search_index_folds_names_as_the_code_does():
    """The index stores folded names; a change to the folding needs 'briefer data build'."""
    import sqlite3

    from briefer.domain.search import name_key

    conn = sqlite3.connect(paths.bundled_db_path())
    rows = conn.execute("SELECT title, names, name_keys FROM search_docs").fetchall()
    assert rows
    for title, names, keys in rows:
        expected = [name_key(title), *(name_key(n) for n in names.split(" · ") if names)]
        assert keys.split("\n") == list(dict.fromkeys(expected)), title
