"""pytest fixtures for tests against the in-process emulator, loaded with the package (an entry
point of ``imburse``): ``imburse_emulator``, one emulator for the session, reset before each
test that uses it; ``imburse_client``, a ``Client`` bound to it, closed after the test.

For asyncio tests, ``imburse_emulator.async_client()`` gives an ``AsyncClient`` to use with
``async with``.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from .._client import Client
from . import Emulator


@pytest.fixture(scope="session")
def imburse_emulator_session() -> Iterator[Emulator]:
    """The session's emulator, as the last test left it."""
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def imburse_emulator(imburse_emulator_session: Emulator) -> Emulator:
    """The session's emulator, reset: no data, faults or logged requests from earlier tests."""
    imburse_emulator_session.reset()
    return imburse_emulator_session


@pytest.fixture
def imburse_client(imburse_emulator: Emulator) -> Iterator[Client]:
    """A ``Client`` for the emulator's demo key, account and tenant."""
    with imburse_emulator.client() as client:
        yield client
