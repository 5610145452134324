"""Paged lists: ``for`` / ``async for`` read exactly the pages they need, ``pages()`` gives the
totals, an error on a later page raises there (and the page is read again when asked), bad page
sizes are refused before sending, and mandates are registered and read back."""

from __future__ import annotations

import asyncio
from typing import List, Optional

import pytest

import imburse
from imburse.testing import Emulator


def _reads(emulator: Emulator) -> List[Optional[str]]:
    return [r.query for r in emulator.requests() if r.path == "/v2/mandates"]


def test_iterating_2500_mandates_reads_exactly_the_pages_needed(
    imburse_client: imburse.Client, imburse_emulator: Emulator
) -> None:
    imburse_emulator.add_mandates(imburse_emulator.info.tenant_id, 2500)
    imburse_emulator.clear_requests()
    pager = imburse_client.list_mandates(page_size=1000)
    assert _reads(imburse_emulator) == [], "nothing is sent before iterating"
    refs = [m.customer_ref for m in pager]
    assert len(refs) == 2500 and refs[0] == "SEED-CUST-1" and refs[-1] == "SEED-CUST-2500"
    assert _reads(imburse_emulator) == ["from=0&take=1000", "from=1000&take=1000", "from=2000&take=1000"]

    imburse_emulator.clear_requests()
    for seen, _ in enumerate(imburse_client.list_mandates(), start=1):
        if seen == 150:
            break
    assert len(_reads(imburse_emulator)) == 2, "stopping early reads no further page"

    pages = [(p.data.current_page, p.data.page_count, p.data.row_count, p.data.total_count) for p in imburse_client.list_mandates(page_size=1000).pages()]
    assert pages == [(1, 3, 1000, 2500), (2, 3, 1000, 2500), (3, 3, 500, 2500)]


def test_async_for_reads_the_same_pages(imburse_emulator: Emulator) -> None:
    imburse_emulator.add_mandates(imburse_emulator.info.tenant_id, 250)

    async def scenario() -> List[str]:
        async with imburse_emulator.async_client() as client:
            pager = client.list_mandates()
            assert isinstance(pager, imburse.AsyncPager)
            return [m.mandate_id async for m in pager]

    imburse_emulator.clear_requests()
    ids = asyncio.run(scenario())
    assert len(ids) == 250 and len(set(ids)) == 250
    assert _reads(imburse_emulator) == ["from=0", "from=100", "from=200"]


def test_an_error_on_a_later_page_raises_there_and_the_page_is_read_again(imburse_emulator: Emulator) -> None:
    imburse_emulator.add_mandates(imburse_emulator.info.tenant_id, 5)
    with imburse_emulator.client(backoff_base=0.005, backoff_cap=0.01) as client:
        pager = client.list_mandates(page_size=2, correlation_id="walk-1")
        first = pager.next_page()
        assert first is not None and first.data.row_count == 2
        imburse_emulator.fault("respond", status=503, times=3, path="/v2/mandates")
        with pytest.raises(imburse.ServerError) as failed:
            pager.next_page()
        assert failed.value.status == 503
        assert failed.value.attempts == 3, "a page is retried like any read"
        assert failed.value.client_correlation_id == "walk-1"
        again = pager.next_page()
        assert again is not None and again.data.current_page == 2, "the failed page is not skipped"
        assert [p.data.row_count for p in pager.pages()] == [1]
        assert pager.next_page() is None

        with pytest.raises(imburse.InvalidRequestError) as refused:
            client.get_mandates_page(page_size=1001)
        assert refused.value.code == "TAKE_OUT_OF_RANGE" and refused.value.attempts == 0
        imburse_emulator.set_mandates_enabled(imburse_emulator.info.account_id, False)
        with pytest.raises(imburse.BadRequestError) as off:
            client.get_creditor_profiles_page()
        assert (off.value.status, off.value.code) == (405, "SERVICE_UNAVAILABLE")


def test_a_mandate_is_registered_and_read_back(imburse_client: imburse.Client) -> None:
    (profile,) = imburse_client.get_creditor_profiles_page(offset=0, page_size=1).data.results
    assert profile.network == "BACS"
    new = imburse.NewMandate(
        customer_ref="CUST-M1",
        creditor_profile_ref=profile.creditor_profile_ref,
        mandate_type="BacsB2C",
        debtor=imburse.MandateDebtor(
            first_name="Ada",
            last_name="Lovelace",
            account_holder_name="A Lovelace",
            account_number="55779911",
            sort_code="200000",
            address=imburse.MandateAddress(city="London", country="GB"),
        ),
        metadata={"plan": "gold"},
    )
    created = imburse_client.create_mandate(new)
    assert created.meta.status == 201
    assert created.data.verification_check is not None and created.data.verification_check.status == "VERIFIED"
    read = imburse_client.get_mandate(created.data.mandate_id).data
    assert (read.customer_ref, read.status, read.metadata) == ("CUST-M1", "Active", {"plan": "gold"})
    assert read.financial_instrument_id == created.data.financial_instrument_id
    with pytest.raises(imburse.BadRequestError) as refused:
        imburse_client.create_mandate(imburse.NewMandate("CUST-M1", profile.creditor_profile_ref, "BacsB2C", imburse.MandateDebtor()))
    assert [e.metadata["PropertyName"] for e in refused.value.errors] == [
        "Debtor.FirstName", "Debtor.LastName", "Debtor.AccountHolderName", "Debtor.AccountNumber", "Debtor.SortCode",
    ]
