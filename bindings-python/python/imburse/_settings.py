"""The settings both clients are built with: one keyword argument per setting of the core
(``imburse::for_each_setting!``), written by ``bindings-python/codegen`` (do not edit; run
``bindings-python/scripts/codegen.sh``). Every value is checked by the core.
"""

from __future__ import annotations

from typing import Mapping, Optional, Union

from . import _native
from ._errors import translated
from ._models import Environment

__all__ = ["ClientSettings"]


class ClientSettings:
    """The configuration of a client: its native client, built from the settings."""

    _native_client: _native.NativeClient

    def __init__(
        self,
        *,
        public_key: Optional[str] = None,
        private_key: Optional[str] = None,
        account_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        environment: Union[Environment, str, None] = None,
        base_url: Optional[str] = None,
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
        """Builds a client. A setting left out keeps the core's default (or, with
        ``from_env``, what the environment says); durations are in seconds. Raises
        ``ConfigurationError`` for a setting the core refuses.

        ``public_key``: The API public key.

        ``private_key``: The API private key as issued (base64). A secret: never printed or logged.

        ``account_id``: The account id (a UUID), sent as ``x-account-id``.

        ``tenant_id``: The default tenant id (a UUID) for tenant-scoped calls; a call may name another.

        ``environment``: ``sandbox`` (the default) or ``production``; a base URL wins when both are set.

        ``base_url``: Any other base URL (http or https): a dedicated environment, the emulator.

        ``connect_timeout``: Time allowed to open a connection (default 10 s).

        ``attempt_timeout``: Time allowed for one attempt, body included (default 30 s); at most the call's.

        ``call_timeout``: Time allowed for a whole call: every attempt, token refresh and wait (default 60 s).

        ``max_attempts``: Attempts per call, the first included (default 3; 1 disables retries).

        ``backoff_base``: The wait before the first retry, doubled after each attempt, before jitter
        (default 0.5 s).

        ``backoff_cap``: The longest wait between attempts, before jitter (default 5 s).

        ``retry_after_cap``: The longest ``Retry-After`` worth waiting for (default 20 s); a longer one ends the
        call with the server's value on the error.

        ``token_refresh_margin``: Renew the access token this long before it expires (default 60 s).

        ``proxy``: An explicit proxy URL (http or https). A secret: it may carry ``user:password@``.

        ``use_env_proxy``: Whether ``HTTPS_PROXY``, ``HTTP_PROXY`` and ``NO_PROXY`` are honoured (default true).

        ``ca_bundle_pem``: Certificate authorities (PEM text) trusted beside the system's, e.g. a
        TLS-inspecting proxy's.

        ``client_identity_pem``: A client certificate chain and its private key (PEM text), for servers that
        require one. A secret.

        ``api_versions``: API versions by operation instead of the ones the SDK declares, the operation
        named as the language names its methods (``get_order``, ``getOrder``).
        """
        with translated():
            self._native_client = _native.NativeClient(
                from_env=_from_env,
                public_key=public_key,
                private_key=private_key,
                account_id=account_id,
                tenant_id=tenant_id,
                environment=None if environment is None else str(environment),
                base_url=base_url,
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
