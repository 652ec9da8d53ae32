"""Briefer: an offline reference and briefing tool on the DPRK satellite-launch programme."""

from briefer.meta import __version__

__all__ = ["__version__"]
