"""Every export is kept: File > Briefings… lists it, reopens it on a newer dataset with what
changed since, duplicates and deletes it; a PNG export is the page at the chosen resolution."""

from PIL import Image
from PySide6.QtWidgets import QMessageBox

from briefer.domain.records import EntityRef
from briefer.services.context import open_services
from briefer.store.saved_briefings import SavedBriefingError
from briefer.ui.main_window import MainWindow
from briefer.ui.state import SelectionState
from tests.fixture_data import build_variant
from tests.services.test_saved_briefings import changed
from tests.ui.dialogs.test_compose import open_dialog


def export_edited(qtbot, window, target, form="pdf"):
    dialog = open_dialog(qtbot, window, EntityRef("launch_attempt", "l-2016"))
    dialog.title.setText("Weekly: Rocket A")
    dialog.bluf.setPlainText("My bottom line, as sent.")
    first = dialog.judgments.toPlainText().splitlines()[0]
    dialog.judgments.setPlainText(f"{first} [high]\nMy own judgment.")
    dialog.export_to(target, form)
    qtbot.waitUntil(lambda: dialog.exported == target, timeout=10000)
    return dialog


def open_briefings(qtbot, window):
    next(
        a for a in window.menuBar().actions()[0].menu().actions() if "Briefings" in a.text()
    ).trigger()
    return window.briefings_dialog  # the window's child: deleted when it closes


def test_an_export_is_kept_with_its_edits(qtbot, window, services, tmp_path):
    dialog = export_edited(qtbot, window, tmp_path / "brief.pdf")
    [saved] = services.saved_briefings.all()
    assert dialog.exports.saved == saved
    assert (saved.title, saved.template, saved.exported_to) == (
        "Weekly: Rocket A",
        "launch",
        str(tmp_path / "brief.pdf"),
    )
    assert saved.recipe.request.launch_id == "l-2016"
    assert saved.recipe.edits.bluf == "My bottom line, as sent."
    assert "kept in File > Briefings" in dialog.status.text()


def test_png_export_is_the_page_at_the_chosen_resolution_and_kept(
    qtbot, window, services, tmp_path
):
    dialog = open_dialog(qtbot, window)
    dialog.exports.dpi.setValue(100)
    dialog.export_to(tmp_path / "page.png", "png")
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=10000)
    image = Image.open(tmp_path / "page.png")
    assert image.width == 850 and round(image.info["dpi"][0]) == 100
    assert [s.exported_to for s in services.saved_briefings.all()] == [str(tmp_path / "page.png")]


def test_a_file_written_but_not_kept_says_so_and_the_file_stays(
    qtbot, window, services, tmp_path, monkeypatch
):
    def refuse(*_args):
        raise SavedBriefingError("the briefing was not saved: the disk is full")

    monkeypatch.setattr(services.saved_briefings, "save", refuse)
    dialog = open_dialog(qtbot, window)
    dialog.export_to(tmp_path / "brief.pdf")
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10000)
    assert "was written, but the briefing was not saved: the disk is full" in (
        dialog.error_box.text()
    )
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert "not kept" in dialog.status.text()


def test_reopened_on_a_newer_dataset_it_shows_its_edits_and_what_changed(
    qtbot, window, fixture_db, tmp_path
):
    export_edited(qtbot, window, tmp_path / "brief.pdf")
    window.close()
    newer = open_services(build_variant(tmp_path, "newer", changed), tmp_path / "user" / "user.db")
    later = MainWindow(newer, SelectionState())
    qtbot.addWidget(later)
    later.show()
    briefings = open_briefings(qtbot, later)
    assert briefings.table.rowCount() == 1
    assert briefings.table.item(0, 0).text() == "Weekly: Rocket A"
    assert briefings.table.item(0, 2).text() == "test.1"
    briefings.reopen_selected()
    compose = later.compose_dialog  # the window's child, deleted on close
    qtbot.waitUntil(lambda: compose.last_pdf is not None, timeout=10000)
    assert compose.windowTitle() == "Reissue briefing"
    assert compose.template.currentText() == "launch"
    assert compose.title.text() == "Weekly: Rocket A"
    assert compose.bluf.toPlainText() == "My bottom line, as sent."
    assert compose.judgments.toPlainText().endswith("[high]\nMy own judgment.")
    banner = compose.banner_of_changes
    assert banner.isVisible() and "dataset test.2 in use" in banner.summary.text()
    changes = [banner.changes.item(i).text() for i in range(banner.changes.count())]
    assert any("2016-02-07, success → 2016-02-07, partial" in c for c in changes), changes
    assert any("Superseded" in c for c in changes), changes
    briefing = compose.briefing()
    assert briefing.judgments[0].sources and briefing.judgments[0].confidence == "high"
    assert briefing.dataset_version == "test.2"
    compose.close()
    later.close()
    newer.close()


def test_duplicate_and_delete_from_the_list(qtbot, window, services, tmp_path, monkeypatch):
    export_edited(qtbot, window, tmp_path / "brief.pdf")
    briefings = open_briefings(qtbot, window)
    briefings.duplicate_selected()
    titles = [briefings.table.item(r, 0).text() for r in range(briefings.table.rowCount())]
    assert sorted(titles) == ["Weekly: Rocket A", "Weekly: Rocket A (copy)"]
    assert briefings.selected().title == "Weekly: Rocket A (copy)"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    briefings.delete_selected()
    assert briefings.table.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    briefings.delete_selected()
    assert [s.title for s in services.saved_briefings.all()] == ["Weekly: Rocket A"]
    assert "Deleted 'Weekly: Rocket A (copy)'" in briefings.status.text()


def test_an_empty_list_says_how_briefings_get_there(qtbot, window):
    briefings = open_briefings(qtbot, window)
    assert briefings.table.rowCount() == 0 and not briefings.reopen_button.isEnabled()
    assert "each briefing you export" in briefings.status.text()
