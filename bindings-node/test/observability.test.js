'use strict'
// One 'attempt' event per HTTP attempt, with the fields an operator needs and no secret; the
// User-Agent names Node, its version and the package version.

const assert = require('node:assert/strict')
const { after, before, test } = require('node:test')
const { Client } = require('imburse')
const pkg = require('imburse/package.json')
const { demoOptions, instruction, startEmulator } = require('./support/emulator.js')

let emulator

before(async () => {
  emulator = await startEmulator()
})

after(async () => {
  await emulator?.stop()
})

/** Events reach JavaScript through the event loop; waits until `count` have arrived. */
async function collected(events, count) {
  const deadline = Date.now() + 2000
  while (events.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return events
}

test('one attempt event per HTTP attempt, the token exchange included, operations by their JavaScript names', async () => {
  await emulator.reset()
  const client = new Client(demoOptions(emulator))
  try {
    const events = []
    client.on('attempt', (event) => events.push(event))
    await client.createOrder({ orderRef: 'ORDER-1', instructions: [instruction('I-1')] }, { correlationId: 'create-1' })
    await emulator.armFault({ method: 'GET', path: '/v2/order-management/*', action: 'respond', status: 503 })
    await client.getInstruction('ORDER-1', 'I-1', { correlationId: 'observe-1' })
    await collected(events, 4)

    assert.deepEqual(
      events.map((e) => [e.operation, e.method, e.path, e.attempt, e.status, e.clientCorrelationId]),
      [
        ['authenticate', 'POST', '/v1/identity/hmac', 1, 201, 'create-1'],
        ['createOrder', 'POST', '/v1/order-management', 1, 202, 'create-1'],
        ['getInstruction', 'GET', '/v2/order-management/ORDER-1/instruction/I-1', 1, 503, 'observe-1'],
        ['getInstruction', 'GET', '/v2/order-management/ORDER-1/instruction/I-1', 2, 200, 'observe-1'],
      ],
    )
    const [, created, failed, retried] = events
    assert.equal(created.outcome, 'ok')
    assert.equal(created.serverCorrelationId, null)
    assert.match(failed.serverCorrelationId, /^[0-9A-V]{13}:[0-9a-f]{8}$/i)
    assert.equal(failed.outcome, 'http_error')
    assert.equal(failed.detail, 'the server answered with HTTP 503')
    assert.equal(retried.outcome, 'ok')
    for (const event of events) {
      assert.ok(Number.isFinite(event.elapsedMs), `elapsedMs is a number of milliseconds: ${event.elapsedMs}`)
    }
    const text = JSON.stringify(events)
    assert.ok(!text.includes(emulator.info.private_key))
    assert.ok(!/bearer|authorization|hmac /i.test(text), text)
  } finally {
    client.close()
  }
})

test('events stop when the listener is removed, and a client without listeners works', async () => {
  await emulator.reset()
  const client = new Client(demoOptions(emulator))
  try {
    const events = []
    const listener = (event) => events.push(event)
    client.on('attempt', listener)
    await client.getOrCreateCustomer('CUST-1')
    await collected(events, 2)
    client.off('attempt', listener)
    await client.getOrCreateCustomer('CUST-2')
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.deepEqual(events.map((e) => e.operation), ['authenticate', 'getOrCreateCustomer'])

    // A listener added later, and one of two removed: events flow while any listener is left.
    const later = []
    const other = () => {}
    client.on('attempt', (event) => later.push(event))
    client.on('attempt', other)
    client.off('attempt', other)
    await client.getOrCreateCustomer('CUST-3')
    assert.deepEqual((await collected(later, 1)).map((e) => e.operation), ['getOrCreateCustomer'])
  } finally {
    client.close()
  }
})

test('an operation\'s API version can be overridden, by its JavaScript name', async () => {
  await emulator.reset()
  const client = new Client(demoOptions(emulator, { apiVersions: { getOrder: 'v3' } }))
  try {
    // The emulator serves getOrder on v1 only.
    await assert.rejects(client.getOrder('ORDER-V'), (error) => error.status === 404)
    await client.getOrCreateCustomer('CUST-V')
    const paths = (await emulator.requests('?method=GET')).map((r) => r.path)
    assert.deepEqual(paths, ['/v3/order-management/ORDER-V', '/v2/customer-vault/CUST-V'])
  } finally {
    client.close()
  }
  assert.throws(() => new Client(demoOptions(emulator, { apiVersions: { getOrders: 'v2' } })), /api_versions/)
})

test('the User-Agent names Node and the package version', async () => {
  await emulator.reset()
  const client = new Client(demoOptions(emulator))
  try {
    await client.getOrCreateCustomer('CUST-UA')
    const [request] = await emulator.requests('?method=GET&path=/v2/customer-vault/CUST-UA')
    const userAgent = request.headers['user-agent']
    assert.equal(userAgent, client.userAgent)
    assert.ok(userAgent.startsWith(`imburse-sdk/${pkg.version} (node/${process.version}; rust/`), userAgent)
  } finally {
    client.close()
  }
})
