"""What can go wrong in a request, as types; one handler (``app.install_error_handlers``)
turns each into an HTML page for browsers or ``{"detail": ...}`` for ``/api/`` clients."""

from __future__ import annotations


class WebError(Exception):
    """A request the server answers with an error status and a one-line message."""

    status = 500
    title = "Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(WebError):
    status = 404
    title = "Not found"


class Refused(WebError):
    """A state change without its CSRF token, or from an origin that may not send it."""

    status = 403
    title = "Refused"


class NotAllowed(WebError):
    """A change the queue's workflow does not allow."""

    status = 409
    title = "Not allowed"


class NeedsLogin(Exception):  # noqa: N818 - a redirect, not an error page
    """The editors' pages without a session: go to the login page."""
