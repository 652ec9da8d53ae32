"""Use-cases on the reference and user stores, in plain Python: what panels, PDF and CLI call."""
