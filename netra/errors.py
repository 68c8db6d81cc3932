"""Errors of the services and the pipeline around them.

Hierarchy:

* ValueError
  * ConfigError - the configuration (TOML file or environment) cannot be used; the message
    names the setting
  * rules.errors.InputFileError - a roster or election file cannot be used (`rules.errors`)
  * ocr.image_input.ImageRejected - a screenshot cannot be read (size, format, bomb)

Failures of the database are SQLAlchemy's and of the store its own (`store.errors`); the
analysis itself never raises for a bad screenshot: it returns an "error" verdict.
"""

from __future__ import annotations


class ConfigError(ValueError):
    """The configuration is invalid; the message names the setting."""
