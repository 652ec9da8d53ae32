"""The launch timeline: swimlanes, periods, cumulative launches, filters and a synced table."""

from briefer.ui.panels.timeline.panel import TimelinePanel

__all__ = ["TimelinePanel"]
