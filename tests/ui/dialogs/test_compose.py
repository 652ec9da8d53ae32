"""The compose dialog: draft, edits, estimative hints, live preview, export off the UI thread."""

import os
import stat
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from briefer.domain.records import EntityRef


def open_dialog(qtbot, window, ref=None):
    if ref is not None:
        window.state.select(ref)
    dialog = window.open_compose()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=10000)
    return dialog


def test_drafts_a_launch_brief_for_the_selected_launch(qtbot, window):
    dialog = open_dialog(qtbot, window, EntityRef("launch_attempt", "l-1998"))
    assert dialog.template.currentText() == "launch"
    assert dialog.title.text() == "Launch brief: Rocket A / payload unknown, 1998-08-31"
    assert dialog.title.cursorPosition() == 0
    assert "DPRK media claimed success" in dialog.bluf.toPlainText()
    assert not dialog.preview.pixmap().isNull()


def test_edits_reach_the_pdf_and_keep_sources_of_unchanged_lines(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    dialog.title.setText("Edited title <b>&</b>")
    dialog.judgments.setPlainText(
        dialog.judgments.toPlainText().splitlines()[0] + "\nMy own judgment."
    )
    briefing = dialog.briefing()
    assert briefing.title == "Edited title <b>&</b>"
    assert briefing.judgments[0].sources and briefing.judgments[1].sources == ()
    target = tmp_path / "brief.pdf"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.exported == target, timeout=10000)
    reader = PdfReader(target)
    assert len(reader.pages) == 1 and "Edited title <b>&</b>" in reader.pages[0].extract_text()


def test_switching_template_loads_its_draft(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.template.setCurrentText("sanctions")
    assert dialog.title.text() == "UN sanctions that bear on DPRK satellite launches"


def test_estimative_words_are_flagged_with_a_suggestion(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.judgments.setPlainText("A launch will maybe happen.")
    assert "'maybe': use roughly even chance" in dialog.findings.text()
    block = dialog.judgments.document().firstBlock()
    ranges = block.layout().formats()
    assert any(r.start == 14 and r.length == 5 for r in ranges)


def test_options_drop_sections(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.include["timeline"].setChecked(False)
    dialog.include["provisions"].setChecked(False)
    briefing = dialog.briefing()
    assert briefing.timeline == () and briefing.provisions == ()


def test_notes_on_the_records_are_included(qtbot, window, services):
    services.notes.save(EntityRef("launch_attempt", "l-2012"), "Check stage-1 telemetry claims.")
    dialog = open_dialog(qtbot, window, EntityRef("launch_attempt", "l-2012"))
    assert [n.text for n in dialog.briefing().notes] == [
        "Rocket A · Sat One (2012-04-12): Check stage-1 telemetry claims."
    ]


def test_a_failed_export_writes_nothing_and_says_so(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    dialog.export_to(tmp_path / "missing" / "brief.pdf")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Export failed"), timeout=10000)
    assert not (tmp_path / "missing").exists()
    assert dialog.exported is None
    assert "No file was written" in dialog.error_box.text()
    assert dialog.title.text()  # the user's text is still there


def test_export_action_opens_the_dialog_from_the_main_window(qtbot, window):
    action = window.export_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = window.compose_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=10000)
    assert dialog.last_pdf.startswith(b"%PDF")


def provision_items(dialog):
    items = [dialog.provision_list.item(i) for i in range(dialog.provision_list.count())]
    return [(item.data(Qt.ItemDataRole.UserRole), item.checkState()) for item in items]


def test_the_sanctions_draft_ticks_its_provisions_and_unticking_drops_one(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.template.setCurrentText("sanctions")
    assert provision_items(dialog) == [
        ("res2087-op2", Qt.CheckState.Checked),
        ("res2087-op6", Qt.CheckState.Unchecked),
    ]
    dialog.provision_list.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.provision_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    briefing = dialog.briefing()
    assert briefing.provision_ids == ("res2087-op6",)
    assert briefing.provisions[0].text.startswith("S/RES/2087 (2013) OP6 (lapsed since 2024-04-30)")


def test_no_ticked_provision_leaves_the_section_out(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.template.setCurrentText("sanctions")
    dialog.provision_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.briefing().provisions == ()


def test_a_provision_selected_in_the_window_leads_a_sanctions_brief(qtbot, window):
    dialog = open_dialog(qtbot, window, EntityRef("provision", "res2087-op6"))
    assert dialog.template.currentText() == "sanctions"
    assert dialog.briefing().provision_ids == ("res2087-op6", "res2087-op2")


def test_export_to_a_device_is_refused_with_a_dialog(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.export_to(Path("/dev/null"))
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Export failed"), timeout=10000)
    assert "it is a character device, not a regular file" in dialog.error_box.text()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and dialog.exported is None


def test_the_saved_comparison_is_briefed_before_the_comparison_tab_is_opened(qtbot, services):
    from briefer.ui.main_window import MainWindow
    from briefer.ui.state import SelectionState

    services.settings.set_comparison("launch_vehicle", ["rocket-r", "gone-since"])
    window = MainWindow(services, SelectionState())
    qtbot.addWidget(window)
    dialog = open_dialog(qtbot, window)
    assert window.tabs.tab("comparison").built is None
    assert dialog.request().subject_ids == ("rocket-r",)
    window.show_panel("comparison")
    assert window.panel("comparison").picker.checked == ["rocket-r"]


def settled(qtbot, dialog):
    """No render in flight and the status says so (after the dialog's first previews)."""
    assert dialog.runner.wait()
    qtbot.waitUntil(lambda: dialog.status.text() == "Preview up to date", timeout=10000)


def pdf_text(pdf):
    import io

    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_page_is_rasterised_off_the_ui_thread(qtbot, window, monkeypatch):
    import threading

    from briefer.ui.dialogs import compose

    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    threads = []

    def recording(pdf, width):
        threads.append(threading.current_thread())
        return render_preview(pdf, width)

    render_preview = compose.render_preview
    monkeypatch.setattr(compose, "render_preview", recording)
    dialog.refresh_preview()
    settled(qtbot, dialog)
    assert threads and threading.main_thread() not in threads


def test_an_older_render_never_replaces_a_newer_one_nor_says_up_to_date(qtbot, window, monkeypatch):
    import threading

    from briefer.briefing import render as render_module

    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    first_pdf = dialog.last_pdf
    statuses = []
    show_status = dialog.status.setText
    monkeypatch.setattr(
        dialog.status, "setText", lambda text: statuses.append(text) or show_status(text)
    )
    real_render, rendering, gates = render_module.render, [], [threading.Event(), threading.Event()]

    def slow_render(briefing):
        gate = gates[len(rendering)]
        rendering.append(briefing.title)
        assert gate.wait(10)
        return real_render(briefing)

    monkeypatch.setattr(render_module, "render", slow_render)
    dialog.title.setText("Older request")
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: rendering == ["Older request"], timeout=10000)
    dialog.title.setText("Newer request")
    dialog.refresh_preview()
    gates[0].set()  # the older request finishes while the newer one is pending
    qtbot.waitUntil(lambda: len(rendering) == 2, timeout=10000)
    qtbot.wait(100)  # the older result, were it delivered, would have landed by now
    assert dialog.last_pdf is first_pdf  # the preview never showed the older page
    assert dialog.status.text() == "Rendering preview…"
    assert "Preview up to date" not in statuses
    gates[1].set()
    qtbot.waitUntil(lambda: dialog.status.text() == "Preview up to date", timeout=10000)
    assert "Newer request" in pdf_text(dialog.last_pdf)
    assert statuses.count("Preview up to date") == 1


def test_an_edit_waiting_for_its_render_is_not_called_up_to_date(qtbot, window):
    dialog = open_dialog(qtbot, window)
    settled(qtbot, dialog)
    qtbot.keyClicks(dialog.title, " (edited)")  # textEdited: the render waits for the pause
    assert dialog.timer.isActive()
    assert dialog.status.text() == "Rendering preview…"
    qtbot.waitUntil(lambda: dialog.status.text() == "Preview up to date", timeout=10000)
    assert "(edited)" in pdf_text(dialog.last_pdf)


def test_a_failed_export_logs_its_traceback_and_still_tells_the_analyst(
    qtbot, window, tmp_path, caplog, monkeypatch
):
    import logging

    monkeypatch.setattr(logging.getLogger("briefer"), "propagate", True)
    dialog = open_dialog(qtbot, window)
    with caplog.at_level(logging.ERROR, logger="briefer"):
        dialog.export_to(tmp_path / "missing" / "brief.pdf")
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Export failed"), timeout=10000)
    assert "No file was written" in dialog.error_box.text()
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.name == "briefer" and "export_briefing failed" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is FileNotFoundError
    assert "Traceback" in caplog.text and "write_atomically" in caplog.text


def test_copy_as_text_puts_the_edited_briefing_on_the_clipboard(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    dialog = open_dialog(qtbot, window)
    dialog.title.setText("Edited for the mail")
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[2] == "Edited for the mail"
    assert "Bottom line up front." in copied and "Copied as text" in dialog.status.text()


def test_a_judgments_confidence_is_chosen_beside_it_and_printed_after_it(qtbot, window):
    from PySide6.QtGui import QTextCursor

    dialog = open_dialog(qtbot, window)
    first, second = dialog.judgments.toPlainText().splitlines()[:2]
    cursor = dialog.judgments.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    dialog.judgments.setTextCursor(cursor)
    dialog.confidence.setCurrentIndex(dialog.confidence.findData("moderate"))
    dialog.confidence.activated.emit(dialog.confidence.currentIndex())
    assert dialog.judgments.toPlainText().splitlines()[1] == f"{second} [moderate]"
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    dialog.judgments.setTextCursor(cursor)
    assert dialog.confidence.currentData() == ""  # the first line has no level
    judgments = dialog.briefing().judgments
    assert judgments[1].text == second and judgments[1].confidence == "moderate"
    assert judgments[1].sources  # the text is unchanged, so its sources stay
    text = dialog.copy_as_text()
    assert "(moderate confidence)" in text.split(second, 1)[1].splitlines()[0]
    assert first in text


def test_a_line_break_typed_inside_a_judgment_keeps_it_one_judgment(qtbot, window):
    from PySide6.QtGui import QTextCursor

    dialog = open_dialog(qtbot, window)
    dialog.judgments.setPlainText("Launch likely soon.")
    cursor = dialog.judgments.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\u2028Russia helped.")  # what Shift+Enter types
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    dialog.judgments.setTextCursor(cursor)
    dialog.confidence.setCurrentIndex(dialog.confidence.findData("high"))
    dialog.confidence.activated.emit(dialog.confidence.currentIndex())
    [judgment] = dialog.briefing().judgments
    assert (judgment.text, judgment.confidence) == ("Launch likely soon. Russia helped.", "high")


def test_the_file_menu_copies_the_briefing_for_the_selection_as_text(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    window.state.select(EntityRef("launch_attempt", "l-1998"))
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    action = next(a for a in file_menu.actions() if a.text() == "Copy briefing as &text")
    QGuiApplication.clipboard().clear()
    action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[2].startswith("Launch brief: Rocket A")
    assert "Copied the launch briefing as text" in window.statusBar().currentMessage()
