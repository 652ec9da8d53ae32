import pytest

from briefer.services.comparison import Cell, ComparisonService, payload_fraction
from briefer.services.launches import LaunchService
from briefer.store.reference import ReferenceStore


@pytest.fixture
def service(fixture_db):
    store = ReferenceStore(fixture_db)
    return ComparisonService(store, LaunchService(store))


def test_rows_are_aligned_across_subjects_in_the_order_chosen(service):
    matrix = service.matrix("launch_vehicle", ["rocket-r", "rocket-a"])
    assert [s.id for s in matrix.subjects] == ["rocket-r", "rocket-a"]
    height = matrix.row("height_m")
    assert [c.value for c in height.cells] == [46.3, 30.0]
    assert height.heading == "Height (m)"
    assert all(len(row.cells) == 2 for row in matrix.rows)


def test_unknown_is_unknown_never_zero(service):
    matrix = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"])
    payload = matrix.row("payload_leo_kg")
    assert all(c.is_unknown for c in payload.cells)
    assert payload.cells[0].display() == "unknown"
    assert "0" not in matrix.as_delimited("\t").splitlines()[5]


def test_ranges_are_kept_with_their_bounds(service):
    mass = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"]).row("liftoff_mass_t").cells[0]
    assert (mass.value, mass.low, mass.high) == (None, 80.0, 92.0)
    assert mass.midpoint == 86.0
    assert mass.display() == "80–92" and mass.plain() == "80-92"


def test_flight_record_is_counted_from_the_launch_rows(service):
    matrix = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"])
    launches, successes, rate = (
        matrix.row(a).cells[0] for a in ("launches", "successes", "success_rate_pct")
    )
    assert (launches.value, successes.value, rate.value) == (3.0, 1.0, 33.3)
    assert "launch attempts" in launches.derivation
    assert matrix.row("launches").cells[1].is_unknown  # no rows and no cited count for Raketa


def test_payload_fraction_is_derived_with_ranges():
    exact = payload_fraction(Cell(value=300.0, sources=("a",)), Cell(value=100.0, sources=("b",)))
    assert exact.value == 0.3 and exact.unit == "%" and exact.sources == ("a", "b")
    spread = payload_fraction(Cell(value=1000.0), Cell(low=80.0, high=100.0))
    assert (spread.low, spread.high) == (1.0, 1.25)
    assert payload_fraction(Cell(), Cell(value=100.0)).is_unknown


def test_best_value_is_highlighted_only_where_it_means_something(service):
    matrix = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"])
    assert matrix.row("height_m").best == ()  # taller is not better
    assert matrix.row("success_rate_pct").best == ()  # only one known value


def test_years_since_first_flight_and_satellite_launch_dates(service):
    satellites = service.matrix("satellite", ["sat-1"])
    launch = satellites.row("launch_date").cells[0]
    assert launch.text == "2012-04-12 (failure), 2016-02-07 (success)"  # the launches carrying it
    assert satellites.row("mass_kg").cells[0].is_unknown
    vehicles = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"])
    assert vehicles.row("years_since_first_flight").cells[0].is_unknown  # no first flight given


def test_delimited_exports_quote_and_keep_units(service):
    text = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"]).as_delimited(",")
    lines = text.splitlines()
    assert lines[0] == "Attribute,Rocket A,Raketa"
    assert "Liftoff mass (t),80-92,unknown" in lines
    tsv = service.matrix("launch_vehicle", ["rocket-a", "rocket-r"]).as_delimited("\t")
    assert tsv.splitlines()[0] == "Attribute\tRocket A\tRaketa"


def test_default_selection_falls_back_to_what_exists(service):
    assert service.default_selection("launch_vehicle") == ["rocket-a", "rocket-r"]


def test_a_one_sided_range_is_a_bound_in_the_window_and_in_spreadsheets():
    from briefer.services.comparison import Cell

    assert Cell(high=8250.0).display() == "≤ 8,250"
    assert Cell(high=8250.0).plain() == "<=8250"
    assert Cell(low=3.0).plain() == ">=3" and Cell(low=1.0, high=2.0).plain() == "1-2"


def test_another_countrys_launch_events_make_its_flight_record(tmp_path):
    from briefer.services.launches import LaunchService
    from briefer.store.build import build_database
    from briefer.store.reference import ReferenceStore
    from briefer.store.source_files import read_source_set
    from tests.fixture_data import ROWS, write_dataset

    rows = {name: [dict(r) for r in records] for name, records in ROWS.items()}
    for day, outcome in (("2020-01-01", "failure"), ("2021-01-01", "success")):
        rows["events.csv"].append(
            {
                "id": f"evt-raketa-{day}",
                "date_utc": day,
                "date_precision": "day",
                "category": "response",
                "title": "Raketa flies",
                "actors": "RUS",
                "sources": "src-c",
                "confidence": "confirmed",
                "vehicle_id": "rocket-r",
                "outcome": outcome,
            }
        )
    db = build_database(read_source_set(write_dataset(tmp_path / "d", rows)), tmp_path / "r.db")
    record = LaunchService(ReferenceStore(db)).records_by_vehicle()["rocket-r"]
    assert (record.attempts, record.successes) == (2, 1)
