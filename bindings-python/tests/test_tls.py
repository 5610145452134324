"""The TLS settings against an HTTPS emulator whose certificate authority is made for the run
(``--tls``): the authority is trusted only through ``ca_bundle_pem``, and a server that
requires a client certificate (``--tls-client-auth``) accepts the call only with
``client_identity_pem``, which never shows in a ``repr`` or an error."""

from typing import Any, Dict, Iterator

import pytest

import imburse

from emulator import Emulator


def https(*args: str) -> Iterator[Emulator]:
    emulator = Emulator(config=None, args=["--tls", *args])
    try:
        assert emulator.url.startswith("https://localhost:")
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def server() -> Iterator[Emulator]:
    yield from https()


@pytest.fixture
def mutual() -> Iterator[Emulator]:
    yield from https("--tls-client-auth")


def settings(emulator: Emulator, **extra: Any) -> Dict[str, Any]:
    return {**emulator.credentials(), "use_env_proxy": False, "max_attempts": 1, **extra}


def test_the_servers_authority_is_trusted_only_through_ca_bundle_pem(server: Emulator) -> None:
    with imburse.Client(**settings(server)) as client:
        with pytest.raises(imburse.APIConnectionError, match="TLS handshake.*UnknownIssuer.*CA bundle") as refused:
            client.create_order(imburse.NewOrder("ORDER-TLS"))
    assert refused.value.attempts == 1 and refused.value.status is None
    with imburse.Client(**settings(server, ca_bundle_pem=server.info["ca_pem"])) as client:
        assert client.create_order(imburse.NewOrder("ORDER-TLS")).data.status == 201


def test_a_server_requiring_a_client_certificate_accepts_client_identity_pem(mutual: Emulator) -> None:
    ca, identity = mutual.info["ca_pem"], mutual.info["client_identity_pem"]
    with imburse.Client(**settings(mutual, ca_bundle_pem=ca)) as client:
        with pytest.raises(imburse.APIConnectionError, match="client certificate"):
            client.create_order(imburse.NewOrder("ORDER-TLS"))
    with imburse.Client(**settings(mutual, ca_bundle_pem=ca, client_identity_pem=identity)) as client:
        key_line = identity.split("PRIVATE KEY-----\n")[1].splitlines()[0]
        assert key_line not in repr(client)
        assert client.create_order(imburse.NewOrder("ORDER-TLS")).data.status == 201


@pytest.mark.parametrize(
    "setting, value",
    [
        ("ca_bundle_pem", "not a certificate"),
        ("client_identity_pem", "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----\n"),
    ],
)
def test_unusable_pem_is_a_configuration_error_naming_the_setting(server: Emulator, setting: str, value: str) -> None:
    with pytest.raises(imburse.ConfigurationError, match=setting) as refused:
        imburse.Client(**settings(server, **{setting: value}))
    assert "c2VjcmV0" not in str(refused.value)
