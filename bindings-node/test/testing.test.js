'use strict'
// imburse/testing: the in-process emulator, its control methods (generated from the emulator's
// declaration) and the client it gives; the README's integration test file run as it is.

const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { test } = require('node:test')
const { ConnectionError } = require('imburse')
const testing = require('imburse/testing')

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
  const { NODE_TEST_CONTEXT, ...outside } = process.env // run as a user would, not as a subtest
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join(root, 'examples', 'integration.test.mjs')], {
    encoding: 'utf8',
    env: outside,
  })
  assert.equal(run.status, 0, run.stdout + run.stderr)
  assert.match(run.stdout, /# pass 5/)
})
