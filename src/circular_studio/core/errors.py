"""Errors a user can act on. Each carries a one-line message naming the file and the field."""
from __future__ import annotations


class StudioError(Exception):
    """Base of every error the CLI and the GUI show as a message, never as a traceback."""


class DraftError(StudioError):
    """A draft file that cannot be read or is incomplete."""


class TemplateError(StudioError):
    """A letter type or template that is broken (syntax error, unknown field, sandbox refusal)."""


class ExportError(StudioError):
    """An export that could not be written (folder not writable, LibreOffice missing…)."""


class InputError(StudioError):
    """A letter to check that cannot be read (corrupt .docx, not UTF-8…)."""
