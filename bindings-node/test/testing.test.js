'use strict'
// imburse/testing: the in-process emulator, its control methods (generated from the emulator's
// declaration) and the client it gives; the README's integration test file run as it is.

const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { test } = require('node:test')
const { AbortError, ConnectionError, TimeoutError } = require('imburse')
const testing = require('imburse/testing')
const { runUserTest } = require('./support/user-test.js')

const { Emulator } = testing

test('the emulator serves a client and shows what it received', async () => {
  const emulator = await Emulator.start()
  try {
    assert.ok(emulator instanceof Emulator)
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    const client = emulator.client()
    await client.createOrder({ orderRef: 'ORDER-1' }, { correlationId: 't-1' })
    const seen = emulator.requests()
    assert.deepEqual(
      seen.map((r) => [r.method, r.path, r.status]),
      [
        ['POST', '/v1/identity/hmac', 201],
        ['POST', '/v1/order-management', 201],
      ],
    )
    assert.equal(seen[1].clientCorrelationId, 't-1')
    assert.equal(seen[1].headers['x-tenant-id'], emulator.info.tenantId)
    assert.ok(!JSON.stringify(seen).includes(emulator.info.privateKey), 'credentials are masked')
    emulator.reset()
    assert.deepEqual(emulator.requests(), [])
    client.close()
  } finally {
    await emulator.stop()
  }
})

test('a fault given as an object strikes the matching call', async () => {
  const emulator = await Emulator.start()
  try {
    const client = emulator.client({ backoffBaseMs: 10, backoffCapMs: 20 })
    assert.ok(emulator.fault({ action: 'respond', status: 503, method: 'GET', times: 1 }) >= 1)
    const read = await client.getOrCreateCustomer('CUST-1')
    assert.equal(read.meta.attempts, 2)
    const gets = emulator.requests().filter((r) => r.method === 'GET')
    assert.deepEqual(gets.map((r) => [r.status, r.fault]), [[503, 'respond'], [200, null]])
    client.close()
  } finally {
    await emulator.stop()
  }
})

/** A collection of `amount` GBP with a financial instrument, as instruction I-1. */
function collection(amount) {
  return {
    instructionRef: 'I-1', customerRef: 'CUST-1', direction: 'DEBIT', amount, currency: 'GBP', country: 'GB',
    schemeId: '654EB81FF7F07F7CF5A1EE3FF6972E90', financialInstrumentId: 'FI-1',
  }
}

test('a settled collection shows its transaction and refund', async () => {
  const emulator = await Emulator.start()
  try {
    const client = emulator.client()
    await client.createOrder({ orderRef: 'ORDER-R', instructions: [collection('25.00')] })
    const tenant = emulator.info.tenantId
    emulator.setInstructionStatus(tenant, 'ORDER-R', 'I-1', 'SETTLED')
    const refundId = emulator.refundInstruction(tenant, 'ORDER-R', 'I-1', '4.50')
    assert.throws(() => emulator.refundInstruction(tenant, 'ORDER-R', 'I-1', '30'), /more than the 20\.50 left/)
    const { data } = await client.getInstruction('ORDER-R', 'I-1')
    const t = data.transaction
    assert.deepEqual([data.status, t.status, t.amount, t.netAmount], ['SETTLED', 'SETTLED', '25.00', '20.50'])
    assert.equal(t.app.appId, 'STRIPE')
    assert.match(t.app.supportDetails.customerId, /^cus_/)
    assert.deepEqual(t.refunds.map((r) => [r.refundId, r.amount, r.status]), [[refundId, '4.50', 'SETTLED']])
    assert.ok(data.links['transactions[0]'].href.endsWith(`/transaction/${t.transactionId}`))
    client.close()
  } finally {
    await emulator.stop()
  }
})

test('a refused control operation throws saying why, and a stopped emulator refuses calls', async () => {
  const emulator = await Emulator.start()
  assert.throws(() => emulator.fault({ action: 'explode' }), /invalid fault/)
  assert.throws(() => emulator.setTokenLifetimeSeconds(0), /at least 1 second/)
  assert.throws(() => emulator.setInstructionStatus(emulator.info.tenantId, 'NOPE', 'I-1', 'SETTLED'), /no instruction/)
  const options = emulator.clientOptions()
  await emulator.stop()
  await emulator.stop() // twice is harmless
  assert.equal(emulator.running, false)
  assert.throws(() => emulator.reset(), /stopped/)
  const client = emulator.client({ ...options, maxAttempts: 1 })
  await assert.rejects(client.getOrder('ORDER-1'), ConnectionError)
  client.close()
})

test('a test configures its own keys and roles; an invalid configuration throws', async () => {
  const config = {
    keys: [
      {
        public_key: '11111111-1111-4111-8111-111111111111',
        private_key: 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=',
        account_id: '6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6',
        tenant_ids: ['0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c'],
        roles: ['tenant-transaction-read'],
      },
    ],
  }
  const emulator = await Emulator.start(config)
  try {
    assert.equal(emulator.info.publicKey, '11111111-1111-4111-8111-111111111111')
    const client = emulator.client({ maxAttempts: 1 })
    await assert.rejects(client.createOrder({ orderRef: 'ORDER-1' }), (error) => error.code === 'INSUFFICIENT_ROLE')
    client.close()
  } finally {
    await emulator.stop()
  }
  await assert.rejects(Emulator.start({ keys: 'none' }), /invalid emulator configuration/)
})

test('the README shows the integration test file as it is, and the file passes', () => {
  const root = path.join(__dirname, '..')
  const example = fs.readFileSync(path.join(root, 'examples', 'integration.test.mjs'), 'utf8')
  assert.ok(fs.readFileSync(path.join(root, 'README.md'), 'utf8').includes('```js\n' + example + '```'))
  const run = runUserTest(path.join(root, 'examples', 'integration.test.mjs'), root)
  assert.equal(run.status, 0, run.stdout + run.stderr)
  assert.match(run.stdout, /# pass 5/)
})

test('waitForInstruction resolves once the status is reached, and an AbortSignal stops it', async () => {
  const emulator = await Emulator.start()
  try {
    const client = emulator.client()
    await client.createOrder({ orderRef: 'ORDER-W', instructions: [collection('10.00')] })
    const tenant = emulator.info.tenantId
    setTimeout(() => emulator.setInstructionStatus(tenant, 'ORDER-W', 'I-1', 'SETTLED'), 200)
    const settled = await client.waitForInstruction('ORDER-W', 'I-1', ['SETTLED', 'FAILED'], { correlationId: 'wait-1' })
    const reads = emulator.requests().filter((r) => r.path === '/v2/order-management/ORDER-W/instruction/I-1')
    assert.equal(settled.data.status, 'SETTLED')
    assert.ok(reads.length >= 2 && settled.meta.attempts === reads.length, `${reads.length} reads`)
    assert.deepEqual([...new Set(reads.map((r) => r.clientCorrelationId))], ['wait-1'])
    await assert.rejects(client.waitForInstruction('ORDER-W', 'I-1', ['VOID'], { timeoutMs: 200 }), (e) =>
      e instanceof TimeoutError && e.code === 'INSTRUCTION_STATUS_NOT_REACHED')

    emulator.clearRequests()
    const waiting = client.waitForInstruction('ORDER-W', 'I-1', ['VOID'], { signal: AbortSignal.timeout(300) })
    await assert.rejects(waiting, (e) => e instanceof AbortError && e.cause?.name === 'TimeoutError')
    const atAbort = emulator.requests().length
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(emulator.requests().length, atAbort, 'no read after the abort')
    client.close()
  } finally {
    await emulator.stop()
  }
})
