'use strict'
// Many calls in flight on one client: every one completes with its own correlation id, they
// share one token exchange, and retries of some do not disturb the others.

const assert = require('node:assert/strict')
const { after, before, test } = require('node:test')
const { Client } = require('imburse')
const { demoOptions, instruction, startEmulator } = require('./support/emulator.js')

let emulator

before(async () => {
  emulator = await startEmulator()
})

after(async () => {
  await emulator?.stop()
})

test('100 calls in flight share one token and each keeps its correlation id', async () => {
  await emulator.reset()
  const setup = new Client(demoOptions(emulator))
  await setup.createOrder({ orderRef: 'ORDER-1', instructions: [instruction('I-1', '5.00')] })
  setup.close()
  await emulator.clearRequests()

  const client = new Client(demoOptions(emulator))
  try {
    const ids = Array.from({ length: 100 }, (_, n) => `call-${n}`)
    const started = Date.now()
    const results = await Promise.all(ids.map((id) => client.getInstruction('ORDER-1', 'I-1', { correlationId: id })))
    const elapsed = Date.now() - started
    assert.deepEqual(results.map((r) => r.meta.clientCorrelationId), ids)
    assert.ok(results.every((r) => r.data.amount === '5.00' && r.meta.attempts === 1))
    const identity = await emulator.requests('?method=POST&path=/v1/identity/hmac')
    assert.equal(identity.length, 1, 'one token exchange for all 100 calls')
    const seen = await emulator.requests('?method=GET&path=/v2/order-management/*')
    assert.deepEqual(seen.map((r) => r.headers['x-correlation-id']).sort(), [...ids].sort())
    assert.ok(elapsed < 5000, `100 calls took ${elapsed} ms`)
  } finally {
    client.close()
  }
})

test('100 calls in flight while 10 attempts fail: exactly those are retried', async () => {
  await emulator.reset()
  const client = new Client(demoOptions(emulator))
  try {
    await client.createOrder({ orderRef: 'ORDER-2', instructions: [instruction('I-1', '5.00')] })
    await emulator.armFault({ method: 'GET', path: '/v2/order-management/*', action: 'respond', status: 503, times: 10 })
    const results = await Promise.all(Array.from({ length: 100 }, () => client.getInstruction('ORDER-2', 'I-1')))
    const attempts = results.map((r) => r.meta.attempts)
    assert.equal(attempts.reduce((a, b) => a + b, 0), 110)
    assert.ok(attempts.every((n) => n === 1 || n === 2 || n === 3), String(attempts))
    assert.deepEqual(await emulator.control('GET', '/faults'), [])
  } finally {
    client.close()
  }
})
