'use strict'
// Retries and correlation ids as a caller sees them through Node: attempts on results and
// errors, one X-Correlation-ID per call on every attempt, Retry-After, the token refresh, and
// creates replayed safely by reference.

const assert = require('node:assert/strict')
const { after, before, test } = require('node:test')
const { Client, ConnectionError } = require('imburse')
const { demoOptions, instruction, startEmulator } = require('./support/emulator.js')

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

async function setupOrder() {
  await emulator.reset()
  await client.createOrder({ orderRef: 'ORDER-1', instructions: [instruction('I-1', '49.99')] })
  await emulator.clearRequests()
}

test('a 503 is retried and the call succeeds with attempts 2, one generated id on both', async () => {
  await setupOrder()
  await emulator.armFault({ method: 'GET', path: '/v2/order-management/*', action: 'respond', status: 503 })
  const result = await client.getInstruction('ORDER-1', 'I-1')
  assert.equal(result.meta.attempts, 2)
  assert.equal(result.meta.status, 200)
  assert.match(result.meta.clientCorrelationId, UUID)
  const seen = await emulator.requests('?method=GET&path=/v2/order-management/*')
  assert.deepEqual(seen.map((r) => r.status), [503, 200])
  assert.deepEqual(seen.map((r) => r.headers['x-correlation-id']), [
    result.meta.clientCorrelationId,
    result.meta.clientCorrelationId,
  ])
})

test('each call gets its own generated correlation id', async () => {
  await setupOrder()
  const first = await client.getInstruction('ORDER-1', 'I-1')
  const second = await client.getInstruction('ORDER-1', 'I-1')
  assert.notEqual(first.meta.clientCorrelationId, second.meta.clientCorrelationId)
})

test('Retry-After is waited for before the retry', async () => {
  await setupOrder()
  await emulator.armFault({ method: 'GET', path: '/v2/order-management/*', action: 'respond', status: 503, retry_after: 1 })
  const result = await client.getInstruction('ORDER-1', 'I-1', { correlationId: 'wait-for-it' })
  assert.equal(result.meta.attempts, 2)
  const [first, second] = await emulator.requests('?method=GET&path=/v2/order-management/*')
  assert.ok(second.received_at_ms - first.received_at_ms >= 1000, `gap ${second.received_at_ms - first.received_at_ms} ms`)
})

test('an expired token is refreshed once and the request replayed', async () => {
  await setupOrder()
  await emulator.control('POST', '/tokens/expire')
  const result = await client.getInstruction('ORDER-1', 'I-1')
  assert.equal(result.meta.attempts, 2)
  const identity = await emulator.requests('?method=POST&path=/v1/identity/hmac')
  assert.equal(identity.length, 1)
  const seen = await emulator.requests('?method=GET&path=/v2/order-management/*')
  assert.deepEqual(seen.map((r) => r.status), [401, 200])
})

test('a create whose first attempt was dropped after the server read it is reconciled: one order', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'POST', path: '/v1/order-management', action: 'drop_after_read' })
  const order = { orderRef: 'ORDER-R', instructions: [instruction('I-1', '12.00')] }
  const created = await client.createOrder(order)
  assert.deepEqual(created.data, { status: 202, reconciled: true })
  assert.equal(created.meta.attempts, 2)
  const { data } = await client.getOrder('ORDER-R')
  assert.deepEqual(data.instructions.map((i) => i.instructionRef), ['I-1'])
})

test('a non-idempotent create is not replayed when its outcome is unknown', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'POST', path: '/v1/customer-vault/*/mobile', action: 'drop_after_read' })
  await assert.rejects(
    client.addMobileInstrument('CUST-1', { countryCode: '44', phoneNumber: '7700900123' }),
    (error) => {
      assert.ok(error instanceof ConnectionError, String(error))
      assert.equal(error.attempts, 1)
      return true
    },
  )
  const seen = await emulator.requests('?method=POST&path=/v1/customer-vault/CUST-1/mobile')
  assert.equal(seen.length, 1)
})
