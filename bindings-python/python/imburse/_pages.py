"""Paged lists (mandates, creditor profiles) as Python walks them: ``for`` / ``async for`` over
every item, each page read only when the previous one's items are used up; ``pages()`` for the
pages with the list's totals; ``next_page()`` for one page. Which page comes next and when the
list ends are the Rust core's; this module only shapes them for Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Generic, Iterator, Optional, Protocol, Sequence, TypeVar


from ._base import _response
from ._models import Response

if TYPE_CHECKING:
    from . import _native
    from ._base import ClientBase

__all__ = ["Pager", "AsyncPager"]


class _Page(Protocol):
    @property
    def results(self) -> Sequence[Any]: ...


P = TypeVar("P", bound=_Page)
T = TypeVar("T")


class Pager(Generic[P, T]):
    """Every item of a paged list, read lazily by a blocking client (the GIL released while a
    page is read). A page that fails raises where it is reached, with its correlation id; asking
    again reads the same page. Made by ``Client.list_mandates()`` and the like."""

    __slots__ = ("_client", "_native")

    def __init__(self, client: ClientBase, native: _native.NativePager) -> None:
        self._client = client
        self._native = native

    def next_page(self) -> Optional[Response[P]]:
        """The next page with how its call went, or ``None`` after the last."""
        with self._client._calling():
            raw = self._native.next_page(False)
        return None if raw is None else _response(raw)

    def pages(self) -> Iterator[Response[P]]:
        """The pages left, in order."""
        while True:
            page = self.next_page()
            if page is None:
                return
            yield page

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.data.results

    def __repr__(self) -> str:
        return f"<imburse.{type(self).__name__}>"


class AsyncPager(Generic[P, T]):
    """Every item of a paged list, read lazily by an asyncio client. A page that fails raises
    where it is reached, with its correlation id; asking again reads the same page; cancelling
    the task reading a page stops its call. Made by ``AsyncClient.list_mandates()`` and the like."""

    __slots__ = ("_client", "_native")

    def __init__(self, client: ClientBase, native: _native.NativePager) -> None:
        self._client = client
        self._native = native

    async def next_page(self) -> Optional[Response[P]]:
        """The next page with how its call went, or ``None`` after the last."""
        with self._client._calling():
            raw = await self._native.next_page(True)
        return None if raw is None else _response(raw)

    async def pages(self) -> AsyncIterator[Response[P]]:
        """The pages left, in order."""
        while True:
            page = await self.next_page()
            if page is None:
                return
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.data.results:
                yield item

    def __repr__(self) -> str:
        return f"<imburse.{type(self).__name__}>"
