"""The analyst's own records in the window: entered, shown as theirs everywhere, edited,
deleted and restored, refused with the reason, and retired once the dataset has them."""

import pytest
from PySide6.QtWidgets import QMessageBox

from briefer.domain.records import EntityRef
from briefer.ui.dialogs.local_record import LocalRecordDialog
from briefer.ui.panels.search import search_records

EVENT = {
    "date_utc": "2026-11-28",
    "category": "military_cooperation",
    "title": "Roscosmos delegation in Pyongyang",
    "summary": "Reported visit of a Roscosmos delegation to Sohae.",
    "actors": "RUS, PRK",
    "source": "Yonhap, 2026-11-28 09:10 KST",
    "source_url": "https://en.yna.co.kr/",
    "confidence": "unverified",
}


def _type(dialog, values):
    for name, value in values.items():
        widget = dialog.fields[name]
        if hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        elif hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)


@pytest.fixture
def typing(monkeypatch):
    """Each dialog opened gets the next values typed and Save pressed; what stayed open is
    kept (a dialog that refused the input stays open with the text as typed)."""
    queue: list[dict[str, str]] = []
    left_open: list[LocalRecordDialog] = []

    def run(dialog):
        _type(dialog, queue.pop(0))
        dialog.save()
        if dialog.record is None:
            left_open.append(dialog)
        return 0

    monkeypatch.setattr(LocalRecordDialog, "exec", run)
    return queue, left_open


def _timeline_item(window, ref):
    return next((item for item in window.panel("timeline").shown if item.ref == ref), None)


def _local_ref(window):
    [record] = window.services.local_records.records()
    return record.ref


def test_a_new_event_shows_everywhere_as_the_analysts_own(window, typing):
    typing[0].append(EVENT)
    window.local_records.new_event()
    ref = _local_ref(window)
    item = _timeline_item(window, ref)
    assert item is not None and item.local and item.title == EVENT["title"]
    timeline = window.panel("timeline")
    row = next(r for r in range(timeline.model.rowCount()) if timeline.model.record(r).ref == ref)
    assert timeline.model.data(timeline.model.index(row, 6)) == "Your own"
    assert "Your own record" in timeline.chart.legend.texts
    assert window.state.current == ref  # opened once saved
    assert "Your own record, not in the reference dataset" in window.detail.text
    assert window.detail.local_bar.isVisibleTo(window) and window.detail.local_bar.edit.isEnabled()
    groups = search_records(window.services.search, "Roscosmos delegation").groups
    assert [g.label for g in groups if any(h.ref == ref for h in g.hits)] == ["Your records"]


def test_what_cannot_make_a_record_keeps_the_dialog_open_with_the_text(window, typing):
    typing[0].append({**EVENT, "title": "", "date_utc": "2026-13-45"})
    window.local_records.new_event()
    [dialog] = typing[1]
    assert window.services.local_records.records() == []
    problems = dialog.problems.text()
    assert "Title:" in problems and "Date:" in problems and not dialog.problems.isHidden()
    assert dialog.fields["summary"].toPlainText() == EVENT["summary"]  # nothing typed is lost


def test_a_full_disk_is_said_and_the_dialog_keeps_the_text(window, typing, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append(title))
    connection = window.services.user.connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    typing[0].append({**EVENT, "summary": "x" * 15_000})  # more than the pages left
    window.local_records.new_event()
    [dialog] = typing[1]
    assert said == ["Not saved"] and window.services.local_records.records() == []
    assert dialog.fields["title"].text() == EVENT["title"]


def test_edit_delete_and_restore_from_the_detail_pane(window, typing, monkeypatch):
    typing[0].append(EVENT)
    window.local_records.new_event()
    ref = _local_ref(window)
    bar = window.detail.local_bar
    typing[0].append({"title": "Roscosmos delegation at Sohae"})
    bar.edit.click()
    assert _timeline_item(window, ref).title == "Roscosmos delegation at Sohae"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    bar.delete.click()
    assert _timeline_item(window, ref) is None
    assert "Deleted: restore it from its history" in window.detail.text
    assert not bar.edit.isEnabled()
    from briefer.ui.dialogs.local_history import LocalHistoryDialog

    def restore_first_edit(dialog):
        texts = [dialog.versions.item(i).text() for i in range(dialog.versions.count())]
        assert [t.split(" · ")[1] for t in texts] == ["deleted", "edited", "entered"]
        dialog.versions.setCurrentRow(1)
        dialog.restore.click()
        return 0

    monkeypatch.setattr(LocalHistoryDialog, "exec", restore_first_edit)
    bar.history.click()
    assert _timeline_item(window, ref).title == "Roscosmos delegation at Sohae"


def test_a_read_only_notes_database_refuses_new_records_with_the_reason(window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: said.append(text))
    monkeypatch.setattr(window.services.user, "read_only_reason", "the disk is full")
    opened = []
    monkeypatch.setattr(LocalRecordDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.local_records.new_launch_attempt()
    assert opened == [] and said == ["Your records cannot be changed now: the disk is full"]


def test_a_record_the_dataset_now_holds_is_retired_with_its_note(window, typing, monkeypatch):
    official = EntityRef("launch_attempt", "l-2016")
    date = next(i for i in window.panel("timeline").shown if i.ref == official).date_utc
    launch = {
        "date_utc": date,
        "vehicle": "Unha-3",
        "payload": "Kwangmyongsong-4",
        "outcome": "success",
        "title": "Launch reported by JCS",
        "summary": "",
        "actors": "PRK",
        "source": "JCS text message",
        "source_url": "",
        "confidence": "likely",
    }
    typing[0].append(launch)
    window.local_records.new_launch_attempt()
    ref = _local_ref(window)
    window.services.notes.save(ref, "Seen on radar first")
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    assert window.local_records.offer_retirements() == 1
    assert window.services.local_records.records() == []
    assert "Seen on radar first" in window.services.notes.note_for(official).body
    assert _timeline_item(window, ref) is None


def test_escape_asks_before_dropping_what_was_typed(window, monkeypatch, qtbot):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: asked.append(1) or answers.pop(0)
    )
    dialog = LocalRecordDialog(window.services.local_records, "event", None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog.show()
    _type(dialog, {"title": "Half-written"})
    dialog.reject()  # the analyst cancels the discard: the text stays
    assert dialog.isVisible() and dialog.fields["title"].text() == "Half-written"
    dialog.reject()
    assert not dialog.isVisible() and len(asked) == 2


def test_records_brought_by_a_notes_import_appear_on_the_timeline(window, tmp_path):
    from briefer.services.context import open_services

    other = open_services(window.services.reference.path, tmp_path / "other" / "user.db")
    record = other.local_records.create("event", EVENT)
    exported = tmp_path / "notes.json"
    other.notes.export(exported)
    other.close()
    window.show_panel("notes")
    window.panel("notes").import_from(exported)
    item = _timeline_item(window, record.ref)
    assert item is not None and item.local
