"""Circular Studio: draft, preview, check and export the circular letters of an international
organisation, in Arabic, French and English."""

__version__ = "0.1.0"
