"""What ``Client`` and ``AsyncClient`` share: the settings, the native client, and the plumbing
around every call (the public exception class, attempts logged to the ``imburse`` logger).

Both clients are thin: their methods (``_operations.py``, generated from the core's
declaration) pass arguments to the native module and wrap what it returns; every rule, default
and retry is the Rust core's.
"""

from __future__ import annotations

import atexit
import logging
from typing import Any, Iterable, Mapping, Optional, Type, TypeVar, Union, cast

from . import _native
from ._errors import NativeError, from_native, translated
from ._models import Environment, Response, ResponseMeta

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


class ClientBase:
    """Configuration, lifecycle and error/log plumbing shared by both clients."""

    _native_client: _native.NativeClient

    def __init__(
        self,
        *,
        environment: Union[Environment, str, None] = None,
        base_url: Optional[str] = None,
        public_key: Optional[str] = None,
        private_key: Optional[str] = None,
        account_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        call_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
        backoff_base: Optional[float] = None,
        backoff_cap: Optional[float] = None,
        retry_after_cap: Optional[float] = None,
        token_refresh_margin: Optional[float] = None,
        proxy: Optional[str] = None,
        use_env_proxy: Optional[bool] = None,
        ca_bundle_pem: Optional[str] = None,
        client_identity_pem: Optional[str] = None,
        api_versions: Optional[Mapping[str, str]] = None,
        _from_env: bool = False,
    ) -> None:
        """Builds a client. Settings left out keep the core's defaults (sandbox, 10 s connect,
        30 s per attempt, 60 s per call, 3 attempts, …); durations are in seconds.

        ``environment`` is ``"sandbox"`` or ``"production"``; ``base_url`` names any other
        endpoint (and wins when both are given). ``tenant_id`` is the default tenant; each call
        may name another. ``ca_bundle_pem`` adds certificate authorities (PEM text, e.g. a
        TLS-inspecting proxy's) to the system's; ``client_identity_pem`` is a client certificate
        chain with its private key (PEM text) for servers that require one, a secret like
        ``private_key``. ``api_versions`` calls an operation on another API version than the
        SDK declares, e.g. ``{"get_order": "v2"}``. Raises ``ConfigurationError`` for a setting
        the core refuses.
        """
        with translated():
            self._native_client = _native.NativeClient(
                from_env=_from_env,
                environment=None if environment is None else str(environment),
                base_url=base_url,
                public_key=public_key,
                private_key=private_key,
                account_id=account_id,
                tenant_id=tenant_id,
                connect_timeout=connect_timeout,
                attempt_timeout=attempt_timeout,
                call_timeout=call_timeout,
                max_attempts=max_attempts,
                backoff_base=backoff_base,
                backoff_cap=backoff_cap,
                retry_after_cap=retry_after_cap,
                token_refresh_margin=token_refresh_margin,
                proxy=proxy,
                use_env_proxy=use_env_proxy,
                ca_bundle_pem=ca_bundle_pem,
                client_identity_pem=client_identity_pem,
                api_versions=None if api_versions is None else dict(api_versions),
            )

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


