"""What ``Client`` and ``AsyncClient`` share: the settings, the native client, and the plumbing
around every call (the public exception class, attempts logged to the ``imburse`` logger).

Both clients are thin: their methods (``_operations.py``, generated from the core's
declaration) pass arguments to the native module and wrap what it returns; every rule, default
and retry is the Rust core's.
"""

from __future__ import annotations

import atexit
import logging
from typing import Any, Iterable, Mapping, Optional, Type, TypeVar, cast

from . import _native
from ._errors import NativeError, from_native
from ._models import Response, ResponseMeta
from ._settings import ClientSettings

__all__ = ["ClientBase", "logger"]

#: Every attempt of every call is logged here: INFO when it succeeded, WARNING when it failed.
logger = logging.getLogger("imburse")
# A library leaves output to the application: without its own handlers, nothing is printed.
logger.addHandler(logging.NullHandler())

# Results of awaitables are delivered by runtime threads; none may enter Python while the
# interpreter finalizes.
atexit.register(_native.shutdown)

_Self = TypeVar("_Self", bound="ClientBase")


def _log_attempts(events: Iterable[Mapping[str, Any]]) -> None:
    # Each event is the core's AttemptEvent as a dict.
    for event in events:
        level = logging.INFO if event["outcome"] == "ok" else logging.WARNING
        if not logger.isEnabledFor(level):
            continue
        status = event["status"]
        logger.log(
            level,
            "%s %s %s attempt %d: %s (HTTP %s, %.0f ms, correlation id %s)",
            event["operation"],
            event["method"],
            event["path"],
            event["attempt"],
            event["detail"],
            status if status is not None else "-",
            event["elapsed"] * 1000,
            event["client_correlation_id"],
            extra={f"imburse_{key}": value for key, value in event.items()},
        )


def _response(raw: Mapping[str, Any]) -> Response[Any]:
    return Response(data=raw["data"], meta=raw["meta"])


def _meta(raw: Any) -> ResponseMeta:
    # The native methods are typed `Any` (one method serves both clients); this one returned
    # the core's ResponseMeta.
    return cast(ResponseMeta, raw)


class ClientBase(ClientSettings):
    """Configuration (the generated ``ClientSettings``), lifecycle and error/log plumbing shared
    by both clients."""

    @classmethod
    def from_env(cls: Type[_Self], **settings: Any) -> _Self:
        """A client configured from ``IMBURSE_PUBLIC_KEY``, ``IMBURSE_PRIVATE_KEY``,
        ``IMBURSE_ACCOUNT_ID``, ``IMBURSE_TENANT_ID`` and ``IMBURSE_BASE_URL`` or
        ``IMBURSE_ENVIRONMENT``; keyword arguments override what the environment says."""
        return cls(_from_env=True, **settings)

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` every request carries (SDK, Python and Rust versions, platform)."""
        return str(self._native_client.settings()["user_agent"])

    @property
    def closed(self) -> bool:
        return self._native_client.closed

    def __repr__(self) -> str:
        s = self._native_client.settings()
        state = " closed" if self.closed else ""
        return (
            f"<imburse.{type(self).__name__}{state} environment={s['environment']}"
            f" base_url={s['base_url']!r} public_key={s['public_key']!r}"
            f" account_id={s['account_id']!r} tenant_id={s['tenant_id']!r}>"
        )

    def _calling(self) -> _Call:
        """Around every call: the public exception class, and the attempts logged in the calling
        thread once the call is over."""
        return _Call(self._native_client)


class _Call:
    """The context of one call (a class, not a generator: it runs on every call). Entering
    gives the native client; leaving logs the call's attempts, then raises a native error as its
    public class (the native frame dropped: it adds nothing the public error does not carry)."""

    __slots__ = ("_native",)

    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native

    def __enter__(self) -> _native.NativeClient:
        return self._native

    def __exit__(self, kind: Optional[type], error: Optional[BaseException], traceback: Any) -> None:
        _log_attempts(self._native.take_events())
        if isinstance(error, NativeError):
            raise from_native(error) from None


