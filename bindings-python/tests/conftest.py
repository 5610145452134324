"""Fixtures: one emulator subprocess for the whole session (the conformance suite's
configuration: the demo key, a read-only key, a second tenant), reset before every test."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

import imburse
from emulator import Emulator
from helpers import FAST


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    running = Emulator()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(autouse=True)
def fresh_emulator(emulator: Emulator) -> None:
    emulator.reset()
    emulator.control("DELETE", "/faults")


@pytest.fixture
def settings(emulator: Emulator) -> dict[str, Any]:
    """Client settings for the demo key against the emulator, with short backoffs."""
    return {**emulator.credentials(), **FAST}


@pytest.fixture
def client(settings: dict[str, Any]) -> Iterator[imburse.Client]:
    with imburse.Client(**settings) as c:
        yield c
