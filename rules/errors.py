"""Errors of the rules: an input file an admin or operator gave cannot be used. The message
is in Indonesian and says what to fix, so the bot and the command line show it as it is.

Hierarchy:

* ValueError
  * InputFileError - an input file cannot be used as a whole
    * RosterError - the roster: unreadable, a required column missing, no valid row
    * ElectionError - the election file: the message names the field

A bad row of a roster is not an error: the import goes on and reports it with its line
(`rules.roster.RowProblem`). What a screenshot cannot be read for is the OCR's business
(`ocr.image_input.ImageRejected`).
"""

from __future__ import annotations


class InputFileError(ValueError):
    """An input file (roster, election) cannot be used; nothing of it is applied."""


class RosterError(InputFileError):
    """The roster as a whole cannot be imported (unreadable, or a required column missing)."""


class ElectionError(InputFileError):
    """The election file is invalid; the message names the field."""
