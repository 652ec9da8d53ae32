"""Briefer's identity: the one place its id, name and version are defined."""

__version__ = "0.1.0"

APP_ID = "org.briefer.Briefer"
APP_NAME = "Briefer"
APP_SUMMARY = "Reference and briefing tool on the DPRK satellite-launch programme"
ORGANIZATION = "Briefer"
