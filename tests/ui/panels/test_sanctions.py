"""The sanctions browser: filters, the topics-by-resolution matrix, and links to the timeline."""

import pytest

from briefer.domain.records import EntityRef


@pytest.fixture
def panel(window):
    window.show_panel("sanctions")
    return window.panel("sanctions")


def shown_ids(panel):
    return [panel.model.record(r).id for r in range(panel.model.rowCount())]


def test_filters_by_topic_text_and_status(panel):
    assert panel.count.text() == "2 provision(s) from 1 resolution(s)"
    panel.topic.setCurrentIndex(panel.topic.findData("committee_and_panel"))
    assert shown_ids(panel) == ["res2087-op6"]
    panel.show_all()
    panel.text.setText("no further launches")
    assert shown_ids(panel) == ["res2087-op2"]
    panel.show_all()
    panel.in_force.setChecked(True)
    assert shown_ids(panel) == ["res2087-op2"]


def test_matrix_counts_topics_per_resolution_and_opens_a_cell(qtbot, window, panel):
    matrix = panel._matrix
    assert matrix.topics == ("ballistic_missile_launches", "committee_and_panel")
    assert [r.number for r in matrix.resolutions] == [2087]
    assert panel.matrix.item(0, 0).text() == "1"
    panel._on_matrix_clicked(1, 0)
    assert shown_ids(panel) == ["res2087-op6"]
    assert window.state.current == EntityRef("provision", "res2087-op6")
    assert "Lapsed since 2024-04-30" in window.detail.text


def test_choosing_a_resolution_lists_its_provisions(qtbot, window, panel):
    panel._on_resolution_selected(EntityRef("resolution", "2087"))
    assert panel.count.text().endswith("in S/RES/2087")
    assert window.state.current == EntityRef("resolution", "2087")
    assert "Provisions in this dataset" in window.detail.text


def test_a_provision_links_to_the_launches_it_bears_on(qtbot, window, panel):
    window.state.select(EntityRef("provision", "res2087-op2"))
    text = window.detail.text
    assert (
        "Launch attempts it bears on" in text and "2016-02-07 Rocket A · Sat One (success)" in text
    )
    window.tabs.setCurrentWidget(window.tabs.tab("sanctions"))
    from PySide6.QtCore import QUrl

    window.detail.browser.anchorClicked.emit(QUrl("briefer:launch_attempt/l-2016"))
    assert window.tabs.currentWidget() is window.panel("timeline")
    assert window.state.current == EntityRef("launch_attempt", "l-2016")


def test_link_urls_round_trip():
    from PySide6.QtCore import QUrl

    from briefer.ui.panels.detail import ref_from_link

    assert ref_from_link(QUrl("briefer:provision/res2087-op2")) == EntityRef(
        "provision", "res2087-op2"
    )
    assert ref_from_link(QUrl("https://example.org")) is None
