from briefer.domain.records import EntityRef, Spec
from briefer.services import formatting
from briefer.services.context import open_services
from briefer.services.detail import DetailService
from briefer.services.launches import LaunchService
from briefer.store.reference import ReferenceStore


def spec(**values):
    base = dict(
        subject_id="s",
        attribute="a",
        value=None,
        value_text=None,
        unit="t",
        value_low=None,
        value_high=None,
        confidence="likely",
        sources=(),
        note=None,
    )
    return Spec(**{**base, **values})


def test_spec_values_read_aloud():
    assert formatting.spec_value(None) == "unknown"
    assert formatting.spec_value(spec()) == "unknown"
    assert formatting.spec_value(spec(value=92.0)) == "92 t"
    assert formatting.spec_value(spec(value=1500.0, unit="kg")) == "1,500 kg"
    assert formatting.spec_value(spec(value_low=78.0, value_high=80.0)) == "78–80 t"
    assert (
        formatting.spec_value(spec(value=85.0, value_low=80.0, value_high=92.5)) == "85 t (80–92.5)"
    )
    assert formatting.spec_value(spec(value=3.0, unit="count")) == "3"
    assert formatting.spec_value(spec(value_high=8250.0, unit="kg")) == "≤ 8,250 kg"
    assert formatting.spec_value(spec(value_low=2.0)) == "≥ 2 t"
    assert formatting.spec_value(spec(value_text="LOX / kerosene", unit=None)) == "LOX / kerosene"


def test_tally_counts_from_rows(fixture_db):
    tally = LaunchService(ReferenceStore(fixture_db)).tally()
    assert (tally.attempts, tally.reached_orbit, tally.claimed_success) == (3, 1, 2)
    assert tally.sentence == "1 of 3 attempts reached orbit"


def test_launch_detail_keeps_claim_apart_from_assessment(fixture_db):
    detail = DetailService(ReferenceStore(fixture_db)).detail(EntityRef("launch_attempt", "l-1998"))
    facts = dict(detail.facts)
    assert facts["Outcome (assessed)"] == "failure"
    assert facts["Outcome (DPRK claim)"] == "success"
    assert facts["Failing stage"] == "stage 3"
    assert facts["NORAD / COSPAR"] == "not catalogued"
    assert detail.sources[0].id == "src-a"  # the launch's own source comes first


def test_launch_detail_shows_local_time_with_offset(fixture_db):
    detail = DetailService(ReferenceStore(fixture_db)).detail(EntityRef("launch_attempt", "l-2016"))
    assert dict(detail.facts)["Local (Pyongyang)"] == "2016-02-07 09:00 (UTC+08:30)"


def test_subject_and_provision_details(fixture_db):
    service = DetailService(ReferenceStore(fixture_db))
    subject = service.detail(EntityRef("subject", "rocket-a"))
    assert subject.subtitle == "로켓"
    assert dict(subject.facts)["Liftoff mass"] == "80–92 t"
    assert [s.id for s in subject.sources] == ["src-a", "src-b"]
    provision = service.detail(EntityRef("provision", "res2087-op6"))
    assert dict(provision.facts)["Status"] == "Lapsed since 2024-04-30"
    assert service.detail(EntityRef("provision", "nope")) is None


def test_open_services_creates_user_database(fixture_db, tmp_path):
    services = open_services(fixture_db, tmp_path / "u" / "user.db")
    assert services.dataset.info.dataset_version == "test.1"
    assert services.settings.theme == "system"
    services.settings.theme = "dark"
    assert services.settings.theme == "dark"
    assert services.publishers() == ["Agency", "Log keeper", "UN"]
    services.close()


def test_launch_detail_lists_claims_and_council_links_with_source_marks(fixture_db):
    detail = DetailService(ReferenceStore(fixture_db)).detail(EntityRef("launch_attempt", "l-1998"))
    lists = dict(detail.lists)
    claims = lists["Competing claims"]
    assert claims[0].startswith("KCNA, 1998-09-04, on outcome: success: in orbit [2]. Not adopted")
    assert claims[1].startswith("US Space Command, 1998-09-14, on outcome: failure [3]. Adopted")
    links = dict(detail.links)
    assert links["Security Council response"] == (("Council statement press-1998 [1]", None),)
    assert [s.id for s in detail.sources] == ["src-a", "src-b", "src-c"]


def test_launch_detail_links_resolutions_and_provisions(fixture_db):
    service = DetailService(ReferenceStore(fixture_db))
    links = dict(service.detail(EntityRef("launch_attempt", "l-2012")).links)
    assert links["Security Council response"] == (
        (
            "S/RES/2087 (2013), adopted 2013-01-22: Adopted after a second launch. [3]",
            EntityRef("resolution", "2087"),
        ),
    )
    detail = service.detail(EntityRef("launch_attempt", "l-2016"))
    links = dict(detail.links)
    assert links["Provisions it bears on"] == (
        ("S/RES/2087 (2013) OP2", EntityRef("provision", "res2087-op2")),
    )
    assert "Competing claims" not in dict(detail.lists)
