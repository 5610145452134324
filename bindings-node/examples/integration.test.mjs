// The README's "Testing your integration": a payments integration's tests against the
// emulator inside the installed package, with `node --test`. No network, no credentials, and
// every test starts from a fresh server. An ES module (`.mjs`), so it runs as it is in any project.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { BadRequestError } from 'imburse'
import { Emulator } from 'imburse/testing'

/** The code under test: sends one payout and returns its instruction's status. */
async function payOut(client, orderRef, amount) {
  await client.createOrder({
    orderRef,
    instructions: [
      {
        instructionRef: 'I-1',
        customerRef: 'CUST-1',
        direction: 'CREDIT',
        amount,
        currency: 'GBP',
        country: 'GB',
        settledByDate: '2026-12-31',
        schemeId: '654EB81FF7F07F7CF5A1EE3FF6972E90',
      },
    ],
  })
  return (await client.getInstruction(orderRef, 'I-1')).data.status
}

let emulator
let client

before(async () => {
  emulator = await Emulator.start()
  client = emulator.client()
})

beforeEach(() => emulator.reset())

after(async () => {
  client.close()
  await emulator.stop()
})

test('a payout is sent once, with its exact amount', async () => {
  assert.equal(await payOut(client, 'PAYOUT-1', '12.50'), 'INCOMPLETE')
  const creates = emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v1/order-management')
  assert.equal(creates.length, 1)
  assert.match(creates[0].body.replace(/\s/g, ''), /"amount":12\.50/)
})

test('a 503 on create is retried without a duplicate', async () => {
  emulator.fault({ action: 'respond', status: 503, method: 'POST', path: '/v1/order-management' })
  assert.equal(await payOut(client, 'PAYOUT-2', '7.00'), 'INCOMPLETE')
  const creates = emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v1/order-management')
  assert.deepEqual(creates.map((r) => r.status), [503, 202])
  assert.equal(new Set(creates.map((r) => r.clientCorrelationId)).size, 1, 'one call, one correlation id')
})

test('a settled payout is seen as settled', async () => {
  await payOut(client, 'PAYOUT-3', '1.00')
  emulator.setInstructionStatus(emulator.info.tenantId, 'PAYOUT-3', 'I-1', 'SETTLED')
  assert.equal((await client.getInstruction('PAYOUT-3', 'I-1')).data.status, 'SETTLED')
})

test('each test starts from a fresh server', async () => {
  await assert.rejects(client.getOrder('PAYOUT-1'), (error) => {
    assert.ok(error instanceof BadRequestError)
    assert.equal(error.code, 'ORDER_NOT_FOUND')
    return true
  })
})

test('an expired token is renewed once and the call replayed', async () => {
  await client.authenticate()
  emulator.expireTokens()
  emulator.clearRequests()
  await payOut(client, 'PAYOUT-4', '3.00')
  const seen = emulator.requests()
  assert.equal(seen.filter((r) => r.path.startsWith('/v1/identity')).length, 1, 'one new token')
  const creates = seen.filter((r) => r.method === 'POST' && r.path === '/v1/order-management')
  assert.deepEqual(creates.map((r) => r.status), [401, 202])
})
