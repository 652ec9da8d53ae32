"""The detail pane's content for each kind of record: facts, lists, links and sources."""

from briefer.domain.records import EntityRef
from briefer.services.detail import DetailService
from briefer.store.reference import ReferenceStore


def test_launch_detail_keeps_claim_apart_from_assessment(fixture_db):
    detail = DetailService(ReferenceStore(fixture_db)).detail(EntityRef("launch_attempt", "l-1998"))
    facts = dict(detail.facts)
    assert facts["Outcome (assessed)"] == "failure"
    assert facts["Outcome (DPRK claim)"] == "success"
    assert facts["Failing stage"] == "stage 3"
    assert facts["NORAD / COSPAR"] == "not catalogued"
    assert detail.sources[0].id == "src-a"


def test_launch_detail_shows_local_time_with_offset(fixture_db):
    detail = DetailService(ReferenceStore(fixture_db)).detail(EntityRef("launch_attempt", "l-2016"))
    assert dict(detail.facts)["Local (Pyongyang)"] == "2016-02-07 09:00 (UTC+08:30)"


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


def test_subject_and_provision_details(fixture_db):
    service = DetailService(ReferenceStore(fixture_db))
    subject = service.detail(EntityRef("subject", "rocket-a"))
    assert subject.subtitle == "로켓"
    assert dict(subject.facts)["Liftoff mass"] == "80–92 t"
    assert [s.id for s in subject.sources] == ["src-a", "src-b"]
    provision = service.detail(EntityRef("provision", "res2087-op6"))
    assert dict(provision.facts)["Status"] == "Lapsed since 2024-04-30"
    assert service.detail(EntityRef("provision", "nope")) is None


def test_an_analysts_own_record_opens_with_a_banner_its_source_and_matches(fixture_db, tmp_path):
    from briefer.services.local_records import LocalRecordsService
    from briefer.store.user_db import UserStore

    local = LocalRecordsService(UserStore(tmp_path / "user.db"))
    record = local.create(
        "launch_attempt",
        {"date_utc": "2012-04-13", "title": "Second Unha-3 attempt?", "vehicle": "Unha-3",
         "source": "Yonhap flash, 13 April", "source_url": "https://example.org/flash",
         "confidence": "unverified", "summary": "Early reports."},
    )  # fmt: skip
    service = DetailService(ReferenceStore(fixture_db), local)
    detail = service.detail(record.ref)
    assert detail.local and detail.banner.startswith(
        "Your own record, not in the reference dataset — source: Yonhap flash, 13 April; entered "
    )
    assert detail.banner.endswith(f"{record.created_utc[:16].replace('T', ' ')} UTC")
    facts = dict(detail.facts)
    assert facts["Source address"] == "https://example.org/flash" and facts["Vehicle"] == "Unha-3"
    assert facts["Payload"] == "unknown" and facts["Outcome"] == "unknown"
    assert (detail.title, detail.confidence, detail.summary) == (
        "Second Unha-3 attempt?",
        "unverified",
        "Early reports.",
    )
    assert detail.sources == () and detail.kind_label == "Your launch attempt (satellite launches)"
    links = dict(detail.links)["In the dataset now, perhaps the same"]
    assert links[0][1] == EntityRef("launch_attempt", "l-2012")
    local.retire(record.id, EntityRef("launch_attempt", "l-2012"))
    retired = service.detail(record.ref)
    assert "Retired: the dataset now has it" in retired.banner
    assert dict(retired.links)["Retired in favour of"][0][1] == EntityRef(
        "launch_attempt", "l-2012"
    )


def test_a_local_id_nobody_has_opens_nothing(fixture_db, tmp_path):
    from briefer.services.local_records import LocalRecordsService
    from briefer.store.user_db import UserStore

    ref = EntityRef("event", "local-" + "0" * 32)
    local = LocalRecordsService(UserStore(tmp_path / "user.db"))
    assert DetailService(ReferenceStore(fixture_db), local).detail(ref) is None
    assert DetailService(ReferenceStore(fixture_db)).detail(ref) is None
