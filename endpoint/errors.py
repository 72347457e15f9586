"""One error shape for every failure: ``{"ok": false, "error": "...", "status": N}``.

Client mistakes get their 4xx with a message a person can act on; anything unexpected is
logged with its traceback and the client sees only "internal server error" (500), never
the traceback itself.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from kg.errors import KotakgError

log = logging.getLogger("kotakg.endpoint")


class Unauthorized(KotakgError):
    """An update or graph-store request without the bearer token."""

    status = 401


class Forbidden(KotakgError):
    """A request this server refuses: wrong token, read-only mode, LOAD, SERVICE."""

    status = 403


class NotFound(KotakgError):
    """A graph that is not in the store."""

    status = 404


class Unavailable(KotakgError):
    """The query ran out of time, or no evaluator was free: try again or simplify."""

    status = 503


def error_response(message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    """The JSON error body every kotakg endpoint answers with.

    >>> from flask import Flask
    >>> with Flask(__name__).app_context():
    ...     error_response("no", 400).get_json()
    {'error': 'no', 'ok': False, 'status': 400}
    """
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def register_error_handlers(app: Flask) -> None:
    """Route kotakg errors, HTTP errors and crashes to ``error_response``."""

    @app.errorhandler(KotakgError)
    def _kotakg(e: KotakgError) -> Response:
        headers = {"WWW-Authenticate": 'Bearer realm="kotakg"'} if e.status == 401 else None
        if e.status >= 500 and e.status != 503:
            log.error("%s: %s", type(e).__name__, e.message)
        return error_response(e.message, e.status, headers)

    @app.errorhandler(HTTPException)
    def _http(e: HTTPException) -> Response:
        headers = {}
        if isinstance(e, MethodNotAllowed) and e.valid_methods:
            headers["Allow"] = ", ".join(sorted(e.valid_methods))
        message = e.description or e.name
        if e.code == 413:
            message = ("the request is larger than this server accepts "
                       f"({app.config.get('MAX_CONTENT_LENGTH')} bytes)")
        return error_response(message, e.code or 500, headers)

    @app.errorhandler(Exception)
    def _crash(e: Exception) -> Response:
        log.exception("unhandled error")
        return error_response("internal server error", 500)
