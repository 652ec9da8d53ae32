from briefer.services.sanctions import ProvisionFilter, SanctionsService
from briefer.store.reference import ReferenceStore


def test_filter_rules(fixture_db):
    service = SanctionsService(ReferenceStore(fixture_db))
    ids = lambda wanted: [p.id for p in service.provisions(wanted)]  # noqa: E731
    assert ids(ProvisionFilter()) == ["res2087-op2", "res2087-op6"]
    assert ids(ProvisionFilter(topic="committee_and_panel")) == ["res2087-op6"]
    assert ids(ProvisionFilter(in_force_only=True)) == ["res2087-op2"]
    assert ids(ProvisionFilter(text="S/RES/2087 (2013) OP6")) == ["res2087-op6"]  # as cited
    assert ids(ProvisionFilter(text="bars help")) == ["res2087-op2"]
    assert ids(ProvisionFilter(resolution=1718)) == []


def test_matrix_counts(fixture_db):
    matrix = SanctionsService(ReferenceStore(fixture_db)).matrix()
    assert matrix.count("ballistic_missile_launches", 2087) == 1
    assert matrix.count("financial", 2087) == 0
    assert matrix.cells[("committee_and_panel", 2087)] == ("res2087-op6",)
