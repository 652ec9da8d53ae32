"""The Scenarios tab: picking a scenario shows its grouped provisions and selects it; links
open records; the matrix marks relations with a mark and a word, not colour alone."""

from PySide6.QtCore import QUrl

from briefer.domain.records import EntityRef
from briefer.ui.panels.detail import record_href


def open_scenarios(window):
    window.open_in_panel(EntityRef("scenario", "scn-launch"), "scenarios")
    return window.panel("scenarios")


def test_picking_a_scenario_shows_it_and_selects_it(window, state):
    panel = open_scenarios(window)
    assert panel.list.count() == 2 and panel.list.currentRow() == 0
    text = panel.view.toPlainText()
    assert "Launching a DPRK satellite on a foreign rocket" in text
    assert text.index("Provisions that prohibit it") < text.index("Provisions that arguably apply")
    assert "S/RES/2087 (2013) OP6 (lapsed since 2024-04-30)" in text
    assert "Agency, 2023-09-13" in text and "The peaceful-use argument" not in text
    assert "The launch ban covers any launch" in text  # Briefer's reading of the claim
    panel.list.setCurrentRow(1)
    assert state.current == EntityRef("scenario", "scn-panel")
    assert "Working around the Panel" in window.detail.text


def test_a_link_in_the_view_selects_that_record(window, state):
    panel = open_scenarios(window)
    panel.view.anchorClicked.emit(QUrl(record_href(EntityRef("claim", "clm-3"))))
    assert state.current == EntityRef("claim", "clm-3")
    assert "Space cooperation is peaceful and lawful." in window.detail.text


def test_the_matrix_says_each_relation_in_words_too(window):
    panel = open_scenarios(window)
    panel.tabs.setCurrentIndex(1)
    assert not panel.list.isVisibleTo(panel)
    cell = panel.matrix.item(0, 0)
    assert cell.text() == "■" and "prohibits it" in cell.toolTip()
    assert panel.matrix.horizontalHeaderItem(0).toolTip() == "S/RES/2087 (2013)"
    panel.matrix.cellClicked.emit(1, 0)
    assert panel.list.currentRow() == 1 and panel.tabs.currentIndex() == 0


def test_a_scenario_takes_a_note(window, qtbot):
    open_scenarios(window)
    window.detail.notes.text.setPlainText("Ask legal about 2087 OP6.")
    assert window.detail.notes.flush()
    note = window.services.notes.note_for(EntityRef("scenario", "scn-launch"))
    assert note is not None and note.body == "Ask legal about 2087 OP6."


def test_export_briefing_on_a_scenario_drafts_the_scenario_brief(qtbot, window):
    open_scenarios(window)
    dialog = window.open_compose()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=10000)
    assert dialog.template.currentText() == "scenario"
    assert dialog.title.text().startswith("Would launching a DPRK satellite")
    assert dialog.briefing().provision_ids == ("res2087-op2", "res2087-op6")
