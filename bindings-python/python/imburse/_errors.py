"""The exceptions the SDK raises: one class per error kind of the core, all under ImburseError.

The native module raises a single internal exception carrying the core error's fields; this
module maps its ``kind`` to the public class, once, in ``_CLASS_BY_KIND``.
"""

# No `from __future__ import annotations`: the classes are `imburse.X` (see __init__), so their
# annotations are evaluated here, where the names they use are defined.
import builtins
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Mapping, Optional, Type, cast
from contextlib import contextmanager

from . import _native

__all__ = [
    "ErrorEntry",
    "ImburseError",
    "BadRequestError",
    "AuthenticationError",
    "RequestFailedError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "APITimeoutError",
    "APIConnectionError",
    "InvalidResponseError",
    "InvalidRequestError",
    "ConfigurationError",
    "ClientClosedError",
]


@dataclass(frozen=True)
class ErrorEntry:
    """One entry of a server error body (or of a client-side validation error)."""

    code: str
    message: str
    message_template: Optional[str] = None
    metadata: Dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "message_template": self.message_template,
            "metadata": dict(self.metadata),
        }


class ImburseError(Exception):
    """Base class of every error the SDK raises for a call or a configuration.

    ``str(error)`` is one line: what happened, the HTTP status, the server's code and message,
    then the correlation ids and the attempt count. No secret ever appears in it.

    Attributes:
        kind: the core's stable error kind (``"bad_request"``, ``"server"``, ``"timeout"``, …).
        status: the HTTP status of the response that produced the error, if any.
        code: the first entry's code, e.g. ``"ORDER_NOT_FOUND"``.
        errors: every entry of the error body, in the server's order.
        correlation_id: the server's correlation id: quote it to Imburse support.
        client_correlation_id: the ``X-Correlation-ID`` the SDK sent on every attempt.
        attempts: how many attempts the call made (0 when nothing was sent).
        retry_after: the server's ``Retry-After`` in seconds, when it sent one.
        detail: the server's first message, or a description of the failure.
        raw_body: the start of the response body (at most 8 KiB), for bodies that did not parse.
    """

    def __init__(
        self,
        description: str,
        *,
        kind: str = "",
        status: Optional[int] = None,
        code: Optional[str] = None,
        errors: Optional[List[ErrorEntry]] = None,
        correlation_id: Optional[str] = None,
        client_correlation_id: Optional[str] = None,
        attempts: int = 0,
        retry_after: Optional[float] = None,
        detail: str = "",
        raw_body: Optional[str] = None,
    ) -> None:
        super().__init__(description)
        # Typed by the parameters (the class documents them above).
        self.kind = kind
        self.status = status
        self.code = code
        self.errors: List[ErrorEntry] = list(errors or [])
        self.correlation_id = correlation_id
        self.client_correlation_id = client_correlation_id
        self.attempts = attempts
        self.retry_after = retry_after
        self.detail = detail
        self.raw_body = raw_body

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class BadRequestError(ImburseError):
    """HTTP 400 (the API's validation errors and its "not found" answers such as
    ``ORDER_NOT_FOUND``) and any other 4xx not listed below."""


class AuthenticationError(ImburseError):
    """HTTP 401: the key pair was refused, or the token was refused even after one refresh."""


class RequestFailedError(ImburseError):
    """HTTP 402: the parameters were valid but the request failed."""


class PermissionDeniedError(ImburseError):
    """HTTP 403: the key's role does not allow the operation, or the tenant is not permitted."""


class NotFoundError(ImburseError):
    """HTTP 404."""


class ConflictError(ImburseError):
    """HTTP 409."""


class RateLimitError(ImburseError):
    """HTTP 429; ``retry_after`` says how long the server asked to wait."""


class ServerError(ImburseError):
    """HTTP 5xx, after the retries the operation allows."""


class APITimeoutError(ImburseError, builtins.TimeoutError):
    """An attempt or the whole call ran out of time. Also a builtin ``TimeoutError``."""


class APIConnectionError(ImburseError, builtins.ConnectionError):
    """The connection could not be made, or broke before a complete answer. Also a builtin
    ``ConnectionError``."""


class InvalidResponseError(ImburseError):
    """A success whose body the SDK cannot use (not JSON, wrong shape, too large)."""


class InvalidRequestError(ImburseError):
    """Refused before anything was sent: an argument breaks a documented rule. ``errors`` lists
    every problem, with the API's codes."""


class ConfigurationError(ImburseError):
    """The client configuration was refused (missing credentials, a bad URL, bad timeouts…)."""


class ClientClosedError(ImburseError, builtins.RuntimeError):
    """A call made after ``close()``; nothing was sent. Also a builtin ``RuntimeError``."""


# The core's error kinds (`ErrorKind::as_str`) and their classes: the only place they meet.
_CLASS_BY_KIND: Mapping[str, Type[ImburseError]] = {
    "bad_request": BadRequestError,
    "unauthorized": AuthenticationError,
    "request_failed": RequestFailedError,
    "forbidden": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "rate_limited": RateLimitError,
    "server": ServerError,
    "timeout": APITimeoutError,
    "connection": APIConnectionError,
    "invalid_response": InvalidResponseError,
    "invalid_request": InvalidRequestError,
    "configuration": ConfigurationError,
    "closed": ClientClosedError,
}


def class_for_kind(kind: str) -> Type[ImburseError]:
    """The class raised for a core error kind (``ImburseError`` itself for a kind this version of
    the package does not know yet)."""
    return _CLASS_BY_KIND.get(kind, ImburseError)


#: The native module's one exception class (its argument is the core's error report).
NativeError: Type[Exception] = _native.NativeError


def from_native(error: Exception) -> ImburseError:
    """The public exception for the native module's error, built from the core's error report."""
    # The core's ErrorReport as a dict (its fields are documented on `imburse::ErrorReport`).
    (report,) = cast("tuple[Dict[str, Any]]", error.args)
    return class_for_kind(report["kind"])(
        report["text"],
        kind=report["kind"],
        status=report["status"],
        code=report["code"],
        errors=[
            ErrorEntry(
                code=entry["code"],
                message=entry["message"],
                message_template=entry["message_template"],
                metadata=dict(entry["metadata"]),
            )
            for entry in report["errors"]
        ],
        correlation_id=report["correlation_id"],
        client_correlation_id=report["client_correlation_id"],
        attempts=report["attempts"],
        retry_after=report["retry_after"],
        detail=report["detail"],
        raw_body=report["raw_body"],
    )


@contextmanager
def translated() -> Iterator[None]:
    """Re-raises the native module's error as its public class (the native frame is dropped
    from the chain: it adds nothing the public error does not carry)."""
    try:
        yield
    except NativeError as error:
        raise from_native(error) from None
