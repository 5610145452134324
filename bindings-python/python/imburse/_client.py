"""``Client`` (blocking) and ``AsyncClient`` (asyncio): the same operations over one native
client, with the lifecycle each kind of caller expects (``with`` / ``async with``)."""

from __future__ import annotations

from types import TracebackType
from typing import Optional, Type

from ._operations import AsyncOperations, Operations

__all__ = ["Client", "AsyncClient"]


class Client(Operations):
    """The blocking Imburse client. Safe to share between threads; each call releases the GIL
    while it waits on the network. Use it as a context manager, or call ``close()``.

    Every method takes ``correlation_id`` (sent as ``X-Correlation-ID`` on every attempt;
    otherwise a UUID is generated), ``tenant_id`` (act for another tenant than the client's
    default) and this call's own limits ``timeout`` and ``attempt_timeout`` (seconds) and
    ``max_attempts`` (1 disables retries) as keyword arguments; a limit out of range raises
    ``InvalidRequestError`` and nothing is sent.
    """

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Releases the connection pool; later calls raise ``RuntimeError``. Idempotent."""
        self._native_client.close()


class AsyncClient(AsyncOperations):
    """The asyncio Imburse client: the same methods as ``Client``, as coroutines running on the
    core's own runtime (no thread pool). Any number of calls may be in flight at once; they share
    one connection pool and one access token. Use ``async with``, or ``await close()``.
    """

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Releases the connection pool; later calls raise ``RuntimeError``. Idempotent."""
        self._native_client.close()
