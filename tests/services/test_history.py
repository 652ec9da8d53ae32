from briefer.domain.records import EntityRef
from briefer.services.history import NavigationHistory, Visit


def visit(entity_id: str, panel: str = "timeline") -> Visit:
    return Visit(EntityRef("launch_attempt", entity_id), panel)


def test_back_and_forward_walk_the_visits_in_order():
    history = NavigationHistory()
    for name in ("a", "b", "c"):
        history.visit(visit(name))
    assert history.back() == visit("b")
    assert history.back() == visit("a")
    assert history.back() is None and not history.can_go_back
    assert history.forward() == visit("b")
    assert history.forward() == visit("c")
    assert history.forward() is None and not history.can_go_forward


def test_a_new_visit_after_going_back_drops_the_forward_visits():
    history = NavigationHistory()
    for name in ("a", "b", "c"):
        history.visit(visit(name))
    history.back()
    history.visit(visit("d"))
    assert not history.can_go_forward
    assert history.back() == visit("b")


def test_revisiting_the_current_record_only_updates_its_panel():
    history = NavigationHistory()
    history.visit(visit("a"))
    history.visit(visit("a", "notes"))
    assert history.current == visit("a", "notes") and not history.can_go_back


def test_oldest_visits_are_dropped_beyond_the_limit():
    history = NavigationHistory(limit=3)
    for name in "abcde":
        history.visit(visit(name))
    assert history.back() == visit("d") and history.back() == visit("c")
    assert history.back() is None
