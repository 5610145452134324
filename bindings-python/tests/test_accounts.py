"""Account and tenant management: an account key manages the account, its keys and tenants; a
tenant key its own keys. A created key's private key is an ``imburse.Secret``: never in
``repr``/``str``/logs, revealed on request, and the key works at once."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

import imburse
from emulator import Emulator

ACCOUNT_KEY = {
    "public_key": "c0ffee00-0a0a-4b0b-8c0c-00000000000a",
    "private_key": "ZGVtby1hY2NvdW50LWFkbWluLWtleS0zMi1ieXRlcyE=",
}


def account_client(settings: dict[str, Any]) -> imburse.Client:
    return imburse.Client(**{**settings, **ACCOUNT_KEY, "tenant_id": None})


def test_a_created_tenant_key_is_a_secret_and_works_at_once_for_its_roles(
    client: imburse.Client, settings: dict[str, Any], emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="imburse")
    created = client.create_tenant_key(imburse.ApiKeySettings(name="reporting", roles=["tenant-transaction-read"]))
    key = created.data
    assert created.meta.status == 201
    assert isinstance(key.private_key, imburse.Secret)
    secret = key.private_key.reveal()
    assert len(secret) == 44
    for text in (repr(key), str(key.private_key), repr(key.private_key), repr(key.to_dict()), caplog.text):
        assert secret not in text
    assert "private_key=Secret('[redacted]')" in repr(key)

    with imburse.Client(**{**settings, "public_key": key.public_key, "private_key": secret}) as reporting:
        reporting.get_or_create_customer("CUST-R")
        with pytest.raises(imburse.PermissionDeniedError) as refused:
            reporting.create_order(imburse.NewOrder(order_ref="ORD-R-1"))
    assert refused.value.code == "INSUFFICIENT_ROLE"
    assert refused.value.attempts == 1


def test_an_account_key_creates_a_tenant_and_its_key_and_sends_no_tenant_header(
    settings: dict[str, Any], emulator: Emulator
) -> None:
    with account_client(settings) as account:
        tenant = account.create_tenant(imburse.TenantSettings(name="Shop EU", country="IE")).data
        assert tenant.address is not None and tenant.address.country == "IE"
        key = account.create_account_tenant_key(
            tenant.tenant_id, imburse.ApiKeySettings(name="shop", roles=["tenant-transaction-write"])
        ).data
        names = [t.name for t in account.list_tenants().data.tenants]
    assert names == ["Demo tenant", "Other tenant", "Shop EU"]
    seen = emulator.requests("POST", "/v1/account/tenants")
    assert len(seen) == 1 and "x-tenant-id" not in seen[0]["headers"]

    shop_settings = {**settings, "public_key": key.public_key, "private_key": key.private_key.reveal(),
                     "tenant_id": tenant.tenant_id}
    with imburse.Client(**shop_settings) as shop:
        assert shop.create_order(imburse.NewOrder(order_ref="SHOP-1")).data.status == 201


def test_bad_key_settings_are_refused_before_sending(settings: dict[str, Any], emulator: Emulator) -> None:
    with account_client(settings) as account:
        with pytest.raises(imburse.InvalidRequestError) as refused:
            account.create_account_key(imburse.ApiKeySettings(name="", roles=[]))
        with pytest.raises(TypeError):
            account.get_account(tenant_id="0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c")  # type: ignore[call-arg]
    assert [e.code for e in refused.value.errors] == ["NAME_IS_REQUIRED", "ROLES_IS_REQUIRED"]
    assert refused.value.attempts == 0
    assert emulator.requests("POST", "/v1/account/keys") == []


def test_a_tenant_key_may_not_read_the_account_and_the_error_names_the_role(client: imburse.Client) -> None:
    with pytest.raises(imburse.PermissionDeniedError) as refused:
        client.get_account()
    assert "needs the role account-admin" in str(refused.value)


def test_the_async_client_manages_keys_the_same_way(settings: dict[str, Any]) -> None:
    async def main() -> list[str]:
        async with imburse.AsyncClient(**settings) as client:
            created = await client.create_tenant_key(imburse.ApiKeySettings(name="ci", roles=["tenant-admin"]))
            await client.update_tenant_key(
                created.data.public_key, imburse.ApiKeySettings(name="ci-renamed", roles=["tenant-admin"])
            )
            deleted = await client.delete_tenant_key(created.data.public_key)
            assert deleted.status == 204
            keys = await client.list_tenant_keys()
            return [k.name or "" for k in keys.data.tenant_keys]

    assert asyncio.run(main()) == ["Demo tenant key", "Read-only tenant key"]


def test_payout_options_take_a_decimal_amount_and_return_exact_decimals(client: imburse.Client, emulator: Emulator) -> None:
    from decimal import Decimal

    scheme = client.create_payout_scheme(
        imburse.NewScheme(
            name="Rewards GB",
            rules=[imburse.NewSchemeRule(currencies=["GBP"], countries=["GB"], apps=[imburse.NewSchemeApp(app_id="TANGOCARD_RAAS")])],
        )
    ).data
    found = client.get_payout_options(
        scheme.scheme_id, imburse.PayoutOptionsQuery(amount=Decimal("10.00"), currency="GBP", country="GB", match_type="Max")
    ).data.options
    fixed = [o for o in found if o.value_type == "FIXED_VALUE"]
    assert fixed and fixed[0].fixed_value == Decimal("10.00") and str(fixed[0].fixed_value) == "10.00"
    assert emulator.requests("GET", "/v1/schemes/payout/*/options")[0]["query"] == (
        "amount=10.00&currency=GBP&country=GB&matchType=Max"
    )


def test_an_app_configuration_is_json_text_and_an_app_in_use_stays_installed(client: imburse.Client) -> None:
    import json

    client.install_app("BRAINTREE_SDK")
    settings = {"merchantId": "m-1", "publicKey": "pk", "privateKey": "sk", "settings": []}
    assert client.configure_app("BRAINTREE_SDK", json.dumps(settings)).status == 204
    with pytest.raises(imburse.InvalidRequestError) as refused:
        client.configure_app("BRAINTREE_SDK", "[]")
    assert refused.value.code == "CONFIGURATION_FORMAT_NOT_RECOGNISED"
    with pytest.raises(imburse.BadRequestError) as in_use:
        client.uninstall_app("STRIPE")
    assert in_use.value.code == "APP_IN_USE"
