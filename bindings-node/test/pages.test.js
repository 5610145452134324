'use strict'
// Paged lists: `for await` over a Pager reads exactly the pages it needs, `byPage()` gives the
// pages with their totals, an error on a later page rejects there (and the page is read again
// when asked), an AbortSignal stops a page, and a bad page size is refused before sending.

const assert = require('node:assert/strict')
const { test } = require('node:test')
const { AbortError, InvalidRequestError, Pager, ServerError } = require('imburse')
const { Emulator } = require('imburse/testing')

const reads = (emulator) => emulator.requests().filter((r) => r.path === '/v2/mandates').map((r) => r.query)

test('iterating 2500 mandates reads exactly the pages needed, lazily', async () => {
  const emulator = await Emulator.start()
  const client = emulator.client()
  try {
    emulator.addMandates(emulator.info.tenantId, 2500)
    emulator.clearRequests()
    const pager = client.listMandates(1000)
    assert.ok(pager instanceof Pager)
    assert.deepEqual(reads(emulator), [], 'nothing is sent before iterating')
    const refs = []
    for await (const mandate of pager) refs.push(mandate.customerRef)
    assert.equal(refs.length, 2500)
    assert.deepEqual([refs[0], refs[2499]], ['SEED-CUST-1', 'SEED-CUST-2500'])
    assert.deepEqual(reads(emulator), ['from=0&take=1000', 'from=1000&take=1000', 'from=2000&take=1000'])

    emulator.clearRequests()
    let seen = 0
    for await (const _ of client.listMandates()) {
      if (++seen === 150) break
    }
    assert.equal(reads(emulator).length, 2, 'breaking out reads no further page')

    const pages = []
    for await (const page of client.listMandates(1000).byPage()) {
      pages.push([page.data.currentPage, page.data.pageCount, page.data.rowCount, page.data.totalCount, page.meta.status])
    }
    assert.deepEqual(pages, [[1, 3, 1000, 2500, 200], [2, 3, 1000, 2500, 200], [3, 3, 500, 2500, 200]])
  } finally {
    client.close()
    await emulator.stop()
  }
})

test('an error on a later page rejects there with its correlation id; the page is read again', async () => {
  const emulator = await Emulator.start()
  const client = emulator.client({ backoffBaseMs: 5, backoffCapMs: 10 })
  try {
    emulator.addMandates(emulator.info.tenantId, 5)
    const pager = client.listMandates(2, { correlationId: 'walk-1' })
    assert.equal((await pager.nextPage()).data.rowCount, 2)
    emulator.fault({ action: 'respond', status: 503, times: 3, path: '/v2/mandates' })
    await assert.rejects(pager.nextPage(), (error) => {
      assert.ok(error instanceof ServerError)
      assert.equal(error.status, 503)
      assert.equal(error.attempts, 3)
      assert.equal(error.clientCorrelationId, 'walk-1')
      return true
    })
    assert.equal((await pager.nextPage()).data.currentPage, 2, 'the failed page is not skipped')
    assert.equal((await pager.nextPage()).data.rowCount, 1)
    assert.equal(await pager.nextPage(), null, 'after the last page')

    const aborted = new AbortController()
    aborted.abort()
    await assert.rejects(client.listMandates(2, { signal: aborted.signal }).nextPage(), AbortError)
    await assert.rejects(client.getMandatesPage(null, 1001), (error) => {
      assert.ok(error instanceof InvalidRequestError)
      assert.equal(error.code, 'TAKE_OUT_OF_RANGE')
      assert.equal(error.attempts, 0)
      return true
    })
    emulator.setMandatesEnabled(emulator.info.accountId, false)
    await assert.rejects(client.getCreditorProfilesPage(), (error) => error.status === 405 && error.code === 'SERVICE_UNAVAILABLE')
    client.close()
    await assert.rejects(client.listMandates().nextPage(), { name: 'ClientClosedError' })
  } finally {
    client.close()
    await emulator.stop()
  }
})

test('a mandate is created, read back and listed; what its type requires is named when missing', async () => {
  const emulator = await Emulator.start()
  const client = emulator.client()
  try {
    const [profile] = (await client.getCreditorProfilesPage(0, 1)).data.results
    assert.equal(profile.network, 'BACS')
    const mandate = {
      customerRef: 'CUST-M1',
      creditorProfileRef: profile.creditorProfileRef,
      mandateType: 'BacsB2C',
      debtor: { firstName: 'Ada', lastName: 'Lovelace', accountHolderName: 'A Lovelace', accountNumber: '55779911', sortCode: '200000' },
    }
    const created = await client.createMandate(mandate)
    assert.equal(created.meta.status, 201)
    assert.equal(created.data.verificationCheck.status, 'VERIFIED')
    const read = await client.getMandate(created.data.mandateId)
    assert.equal(read.data.financialInstrumentId, created.data.financialInstrumentId)
    assert.equal(read.data.status, 'Active')
    await assert.rejects(client.createMandate({ ...mandate, debtor: { firstName: 'Ada' } }), (error) => {
      assert.equal(error.status, 400)
      assert.deepEqual(
        error.errors.map((e) => e.metadata.PropertyName),
        ['Debtor.LastName', 'Debtor.AccountHolderName', 'Debtor.AccountNumber', 'Debtor.SortCode'],
      )
      return true
    })
  } finally {
    client.close()
    await emulator.stop()
  }
})
