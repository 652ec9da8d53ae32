"""Briefing PDFs: fonts, safe text, the vector timeline and the one-page layout (reportlab)."""
