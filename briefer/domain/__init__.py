"""Briefer's domain: frozen dataclasses, enumerations and pure rules, with no I/O."""
