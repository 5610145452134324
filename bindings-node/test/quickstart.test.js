'use strict'
// The README flow and every operation against the emulator: results are plain typed objects,
// amounts exact, metadata a record, and the server receives what the caller sent.

const assert = require('node:assert/strict')
const { after, before, test } = require('node:test')
const { Client, ClientClosedError } = require('imburse')
const { demoOptions, instruction, startEmulator, SCHEME_ID } = require('./support/emulator.js')

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let emulator
let client

before(async () => {
  emulator = await startEmulator()
  client = new Client(demoOptions(emulator))
})

after(async () => {
  client?.close()
  await emulator?.stop()
})

test('quickstart: create an order with instructions, read an instruction back', async () => {
  await emulator.reset()
  const created = await client.createOrder({
    orderRef: 'ORDER-1',
    metadata: { channel: 'web' },
    instructions: [
      instruction('I-1', '49.99', { metadata: { invoice: 'INV-1' } }),
      instruction('I-2', '0.10'),
      instruction('I-3', '1234567.89', { direction: 'CREDIT' }),
    ],
  })
  assert.deepEqual(created.data, { status: 202, reconciled: false })
  assert.equal(created.meta.status, 202)
  assert.equal(created.meta.attempts, 1)
  assert.match(created.meta.clientCorrelationId, UUID)

  const [sent] = await emulator.requests('?method=POST&path=/v1/order-management')
  assert.equal(sent.headers['x-correlation-id'], created.meta.clientCorrelationId)
  // The amounts go out as JSON numbers with exactly the caller's digits.
  const body = typeof sent.body === 'string' ? sent.body : JSON.stringify(sent.body)
  assert.match(body, /"amount":49\.99[,}]/)
  assert.match(body, /"amount":0\.10[,}]/)
  assert.match(body, /"amount":1234567\.89[,}]/)

  const read = await client.getInstruction('ORDER-1', 'I-1', { correlationId: 'checkout-1234' })
  assert.equal(read.meta.clientCorrelationId, 'checkout-1234')
  assert.equal(read.meta.attempts, 1)
  const i = read.data
  assert.deepEqual(i.links.self, { href: '/v1/order-management/ORDER-1/instruction/I-1', name: 'self' })
  assert.equal(i.links.order.href, '/v1/order-management/ORDER-1')
  assert.equal(Object.getPrototypeOf(i), Object.prototype)
  assert.equal(i.orderRef, 'ORDER-1')
  assert.equal(i.instructionRef, 'I-1')
  assert.equal(i.customerRef, 'CUST-1')
  assert.equal(i.direction, 'DEBIT')
  assert.equal(i.amount, '49.99')
  assert.equal(i.currency, 'GBP')
  assert.equal(i.country, 'GB')
  assert.equal(i.settledByDate, '2026-12-31')
  assert.equal(i.status, 'INCOMPLETE')
  assert.deepEqual(i.metadata, { invoice: 'INV-1' })
  assert.equal(i.scheme.schemeId, SCHEME_ID)
  assert.equal(i.scheme.source, 'MANUALLY_SET')
  assert.equal(typeof i.created, 'number')
  assert.equal(i.transaction, null)

  const pennies = await client.getInstruction('ORDER-1', 'I-2')
  assert.equal(pennies.data.amount, '0.10')
  const big = await client.getInstruction('ORDER-1', 'I-3')
  assert.equal(big.data.amount, '1234567.89')
  assert.equal(big.data.direction, 'CREDIT')

  const seen = await emulator.requests('?method=GET&path=/v2/order-management/ORDER-1/instruction/I-1')
  assert.deepEqual(
    seen.map((r) => r.headers['x-correlation-id']),
    ['checkout-1234'],
  )
})

test('orders: read an order, add and cancel an instruction', async () => {
  await emulator.reset()
  await client.createOrder({
    orderRef: 'ORDER-2',
    metadata: { channel: 'app' },
    customerDefaults: { 'CUST-1': { schemeId: SCHEME_ID, metadata: { tier: 'gold' } } },
    instructions: [instruction('A', '1.00')],
  })
  const added = await client.createInstruction('ORDER-2', instruction('B', '2.50'))
  assert.deepEqual(added.data, { status: 201, reconciled: false })

  const { data: order } = await client.getOrder('ORDER-2')
  assert.equal(order.orderRef, 'ORDER-2')
  assert.deepEqual(order.metadata, { channel: 'app' })
  assert.deepEqual(order.instructions.map((x) => x.instructionRef), ['A', 'B'])
  assert.deepEqual(order.instructions.map((x) => x.amount), ['1.00', '2.50'])
  assert.deepEqual(Object.keys(order.customerDefaults), ['CUST-1'])
  assert.deepEqual(order.customerDefaults['CUST-1'].metadata, { tier: 'gold' })
  assert.equal(typeof order.created, 'number')

  const cancelled = await client.cancelInstruction('ORDER-2', 'B', 'customer asked')
  assert.equal(cancelled.status, 202)
  assert.equal(cancelled.attempts, 1)
  const [cancelRequest] = await emulator.requests('?method=POST&path=/v1/order-management/ORDER-2/instruction/B/cancel')
  assert.match(JSON.stringify(cancelRequest.body), /customer asked/)
  const { data: voided } = await client.getInstruction('ORDER-2', 'B')
  assert.equal(voided.status, 'VOID')
})

test('customers: get-or-create, metadata, mobile instrument, wallet', async () => {
  await emulator.reset()
  const { data: fresh } = await client.getOrCreateCustomer('CUST-9')
  assert.equal(fresh.customerRef, 'CUST-9')
  assert.deepEqual(fresh.metadata, {})
  assert.deepEqual(fresh.financialInstruments, [])

  const updated = await client.updateCustomerMetadata('CUST-9', { segment: 'smb', region: 'north' })
  assert.equal(updated.status, 202)
  const { data: customer } = await client.getCustomer('CUST-9')
  assert.deepEqual(customer.metadata, { region: 'north', segment: 'smb' })

  const mobile = await client.addMobileInstrument('CUST-9', { countryCode: '44', phoneNumber: '7700900123' })
  assert.equal(mobile.meta.status, 201)
  assert.match(mobile.data.id, UUID)

  const { data: instrument } = await client.getFinancialInstrument('CUST-9', mobile.data.id)
  assert.equal(instrument.id, mobile.data.id)
  assert.equal(typeof instrument.type, 'string')
  assert.equal(instrument.details.countryCode, '44')
  assert.equal(instrument.details.phoneNumber, '******0123')

  const wallet = await client.addToWallet('CUST-9', mobile.data.id, 'preferred')
  assert.equal(wallet.status, 202)
  const { data: stored } = await client.getWallet('CUST-9')
  assert.deepEqual(stored.financialInstruments.map((f) => f.id), [mobile.data.id])

  const { data: withInstrument } = await client.getCustomer('CUST-9')
  assert.deepEqual(withInstrument.financialInstruments.map((f) => f.id), [mobile.data.id])
})

test('results are plain data: JSON round-trips them unchanged', async () => {
  await emulator.reset()
  await client.createOrder({ orderRef: 'ORDER-3', instructions: [instruction('I-1', '10.50')] })
  const result = await client.getOrder('ORDER-3')
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result)
})

test('authenticate fetches one token that later calls reuse', async () => {
  await emulator.reset()
  const fresh = new Client(demoOptions(emulator))
  try {
    await emulator.clearRequests()
    await fresh.authenticate()
    await fresh.getOrCreateCustomer('CUST-1')
    await fresh.getOrCreateCustomer('CUST-2')
    const identity = await emulator.requests('?method=POST&path=/v1/identity/hmac')
    assert.equal(identity.length, 1)
  } finally {
    fresh.close()
  }
})

test('a per-call tenant override is sent instead of the default tenant', async () => {
  await emulator.reset()
  const untenanted = new Client(demoOptions(emulator, { tenantId: undefined }))
  try {
    await untenanted.getOrCreateCustomer('CUST-T', { tenantId: emulator.info.tenant_id })
    const [request] = await emulator.requests('?method=GET&path=/v2/customer-vault/CUST-T')
    assert.equal(request.headers['x-tenant-id'], emulator.info.tenant_id)
    assert.equal(request.status, 200)
  } finally {
    untenanted.close()
  }
})

test('close() lets a call already running finish', async () => {
  await emulator.reset()
  const closing = new Client(demoOptions(emulator))
  await closing.authenticate()
  await emulator.armFault({ method: 'GET', path: '/v2/customer-vault/*', action: 'delay', ms: 200 })
  const running = closing.getOrCreateCustomer('CUST-C')
  closing.close()
  const { data } = await running
  assert.equal(data.customerRef, 'CUST-C')
})

test('a closed client rejects calls', async () => {
  const closing = new Client(demoOptions(emulator))
  closing.close()
  await assert.rejects(closing.getOrder('ORDER-1', { correlationId: 'after-close' }), (error) => {
    assert.ok(error instanceof ClientClosedError)
    assert.equal(error.kind, 'closed')
    assert.equal(error.attempts, 0)
    assert.equal(error.clientCorrelationId, null)
    return true
  })
})
