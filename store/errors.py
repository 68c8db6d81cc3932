"""The store's errors. Each is raised by the function named in its docstring and carries a
short message; callers turn them into the user's wording.

Hierarchy:

* StoreError
  * NotFound (also a LookupError) - the case, ticket or reporter does not exist
  * ReporterBlocked - `record_submission` for a blocked reporter: nothing recorded
  * RateLimited - `record_submission` over the hourly limit: nothing recorded

Database failures are SQLAlchemy's own (`sqlalchemy.exc.SQLAlchemyError`) and are not
wrapped: the inbox retries them, everything else lets them reach the error handler.
"""

from __future__ import annotations

from wording import id as t


class StoreError(Exception):
    """Base of the store's own errors."""


class NotFound(StoreError, LookupError):
    """The case, ticket or reporter does not exist."""


class ReporterBlocked(StoreError):
    """A blocked reporter's screenshot is not recorded."""


class RateLimited(StoreError):
    """The reporter reached their hourly limit; the screenshot is not recorded."""

    def __init__(self, count: int) -> None:
        super().__init__(t.RATE_LIMIT_COUNT.format(count=count))
        self.count = count
