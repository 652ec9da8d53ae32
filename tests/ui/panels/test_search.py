"""The search box in the main window: typing, keys, navigation to each kind of record."""

from PySide6.QtCore import Qt

from briefer.domain.records import EntityRef
from briefer.ui.panels.search_results import HIT_ROLE


def type_query(qtbot, window, text):
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:  # QTest types ASCII only
        box.insert(text)
        box.run_search()
    qtbot.waitUntil(lambda: box.results_visible, timeout=2000)
    return box


def listed_titles(box):
    items = (box.results_view.list.item(r) for r in range(box.results_view.list.count()))
    return [item.data(HIT_ROLE).title_text for item in items if item.data(HIT_ROLE)]


def test_ctrl_k_and_ctrl_f_focus_the_box(qtbot, window):
    window.activateWindow()
    for key in (Qt.Key.Key_K, Qt.Key.Key_F):
        window.panel("timeline").setFocus()
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.search_box.hasFocus()


def test_typing_shows_grouped_results_with_the_exact_name_first(qtbot, window):
    box = type_query(qtbot, window, "Raketa")
    assert listed_titles(box)[0] == "Raketa"
    assert box.results_view.current_hit.ref == EntityRef("subject", "rocket-r")
    assert "1 match" in box.results_view.status.text()


def test_enter_opens_a_launch_in_the_timeline_and_selects_it(qtbot, window):
    box = type_query(qtbot, window, "nothing was tracked")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.results_visible
    assert window.tabs.currentWidget() is window.panel("timeline")
    assert window.state.current == EntityRef("launch_attempt", "l-1998")
    assert "Claimed in orbit" in window.detail.text


def test_a_provision_opens_in_the_sanctions_panel(qtbot, window):
    box = type_query(qtbot, window, "OP6")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.tabs.tab("sanctions")
    assert window.state.current == EntityRef("provision", "res2087-op6")


def test_a_system_opens_in_the_comparison_and_joins_it(qtbot, window):
    box = type_query(qtbot, window, "Ракета")
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert window.tabs.currentWidget() is window.tabs.tab("comparison")
    kind, ids = window.panel("comparison").selection()
    assert kind == "launch_vehicle" and "rocket-r" in ids
    assert window.state.current == EntityRef("subject", "rocket-r")


def test_a_site_found_by_its_alias_opens_in_the_detail_pane(qtbot, window):
    box = type_query(qtbot, window, "Tongchang")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.state.current == EntityRef("site", "site-w")
    assert "Launch attempts from here" in window.detail.text
    assert "no longer in the reference dataset" not in window.detail.text


def test_arrow_keys_move_through_hits_and_skip_headings(qtbot, window):
    box = type_query(qtbot, window, "a")
    view = box.results_view
    first = view.current_hit
    qtbot.keyClick(box, Qt.Key.Key_Down)
    second = view.current_hit
    assert first is not None and second is not None and second != first
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.current_hit == first


def test_escape_closes_then_clears(qtbot, window):
    box = type_query(qtbot, window, "Raketa")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.results_visible and box.text() == "Raketa"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""


def test_hostile_text_shows_no_matches_not_an_error(qtbot, window):
    box = type_query(qtbot, window, 'NEAR("zzz" -')
    assert "No matches" in box.results_view.status.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.state.current is None


def test_a_note_hit_opens_the_notes_tab_on_its_record(qtbot, window, services):
    services.notes.save(EntityRef("launch_attempt", "l-2016"), "Ask about the Vostochny visit")
    box = type_query(qtbot, window, "vostochny")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.tabs.tab("notes")
    assert window.state.current == EntityRef("launch_attempt", "l-2016")
    assert window.detail.notes.text.toPlainText() == "Ask about the Vostochny visit"


def test_show_more_expands_a_group(qtbot, window, monkeypatch):
    from briefer.ui.panels import search_results

    monkeypatch.setattr(search_results, "SHOWN_PER_GROUP", 1)
    box = type_query(qtbot, window, "rocket")
    view = box.results_view
    before = len(listed_titles(box))
    more_row = next(
        r
        for r in range(view.list.count())
        if view.list.item(r).data(search_results.EXPAND_ROLE) is not None
    )
    view.list.setCurrentRow(more_row)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert len(listed_titles(box)) > before


def test_a_click_on_a_hit_opens_it(qtbot, window):
    box = type_query(qtbot, window, "Raketa")
    view = box.results_view
    row = next(r for r in range(view.list.count()) if view.list.item(r).data(HIT_ROLE))
    rect = view.list.visualItemRect(view.list.item(row))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.current == EntityRef("subject", "rocket-r")
    assert not box.results_visible


def test_a_click_elsewhere_closes_the_results(qtbot, window):
    box = type_query(qtbot, window, "Raketa")
    qtbot.mouseClick(window.detail.browser.viewport(), Qt.MouseButton.LeftButton)
    assert not box.results_visible and box.text() == "Raketa"


def test_typed_markup_is_shown_as_text_in_the_status_line(qtbot, window):
    box = type_query(qtbot, window, "<b>zzqq</b>")
    assert box.results_view.status.textFormat() == Qt.TextFormat.PlainText
    assert "<b>zzqq</b>" in box.results_view.status.text()
