"""Offline integration tests: an Imburse emulator inside this process, served by the package's
own native library (nothing to install or run beside it), on a free loopback port.

It verifies HMAC signatures, keeps orders and customers, enforces roles and tenants, answers
with the documented status codes and error bodies, and misbehaves on demand::

    from imburse.testing import Emulator

    with Emulator() as emulator, emulator.client() as client:
        emulator.fault("respond", status=503, times=1)
        client.create_order(imburse.NewOrder(order_ref="ORDER-1"))
        assert [r.method for r in emulator.requests()] == ["POST", "POST", "POST"]

The control methods (``reset``, ``arm_fault``, ``requests``, ``expire_tokens``,
``set_instruction_status``, …) are the emulator's own, declared once for every language. With
pytest, the fixtures ``imburse_emulator`` and ``imburse_client`` are there without an import
(``imburse.testing.pytest_plugin``).
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional, Type, cast

from .. import _native
from .._client import AsyncClient, Client

__all__ = ["Emulator", "EmulatorInfo", "ReceivedRequest"]

EmulatorInfo = _native.EmulatorInfo
ReceivedRequest = _native.ReceivedRequest


class Emulator(_native.NativeEmulator):
    """A running emulator with the demo account, tenant and key (every role), or the accounts,
    tenants, keys and roles of ``config`` (the emulator's configuration file as a dict; fields
    left out take the demo's values). Stops when the ``with`` block ends, on ``stop()``, or with
    the process. An invalid ``config`` raises ``ValueError``."""

    def __new__(cls, config: Optional[Mapping[str, Any]] = None) -> Emulator:
        # The native constructor makes an instance of `cls` (the stub types it as its own class).
        return cast(Emulator, super().__new__(cls, None if config is None else json.dumps(config)))

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, kind: Optional[Type[BaseException]], error: Optional[BaseException], traceback: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:50123``."""
        return self.info.url

    def client_settings(self) -> dict[str, Any]:
        """The keyword arguments of a client for the demo key, account and tenant."""
        info = self.info
        return {
            "base_url": info.url,
            "public_key": info.public_key,
            "private_key": info.private_key,
            "account_id": info.account_id,
            "tenant_id": info.tenant_id,
        }

    def client(self, **settings: Any) -> Client:
        """A ``Client`` bound to this emulator; ``settings`` override or add to the demo ones."""
        return Client(**{**self.client_settings(), **settings})

    def async_client(self, **settings: Any) -> AsyncClient:
        """An ``AsyncClient`` bound to this emulator."""
        return AsyncClient(**{**self.client_settings(), **settings})

    def fault(self, action: str, **spec: Any) -> int:
        """Arms a fault, e.g. ``fault("respond", status=503, times=2, path="/v1/order-management*")``
        or ``fault("drop_after_read")``: ``arm_fault`` with the spec as keyword arguments.
        Returns its id; an invalid spec raises ``ValueError``."""
        return self.arm_fault(json.dumps({"action": action, **spec}))

    def __repr__(self) -> str:
        state = "" if self.running else " stopped"
        return f"<imburse.testing.Emulator{state} url={self.info.url!r}>"
