'use strict'
// AbortSignal cancels a call: the request in flight is dropped (the server never completes
// it), the promise rejects promptly with an AbortError carrying the signal's reason, and the
// client keeps working.

const assert = require('node:assert/strict')
const { getEventListeners } = require('node:events')
const { after, before, test } = require('node:test')
const { setTimeout: sleep } = require('node:timers/promises')
const { AbortError, BadRequestError, Client, ImburseError } = require('imburse')
const { demoOptions, instruction, startEmulator } = require('./support/emulator.js')

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

test('aborting a delayed create abandons it promptly and the server never creates the order', async () => {
  await emulator.reset()
  await client.authenticate()
  await emulator.armFault({ method: 'POST', path: '/v1/order-management', action: 'delay', ms: 1500 })
  const controller = new AbortController()
  const started = Date.now()
  const call = client.createOrder({ orderRef: 'ABANDONED', instructions: [instruction('I-1')] }, { signal: controller.signal })
  setTimeout(() => controller.abort(), 100)
  await assert.rejects(call, (error) => {
    assert.ok(error instanceof AbortError, String(error))
    assert.ok(!(error instanceof ImburseError))
    assert.equal(error.name, 'AbortError')
    assert.equal(error.code, 'ABORT_ERR')
    assert.equal(error.cause?.name, 'AbortError')
    return true
  })
  const elapsed = Date.now() - started
  assert.ok(elapsed < 600, `the abort took ${elapsed} ms`)

  // Past the delay the emulator would have created the order had the connection stayed open.
  await sleep(1700 - elapsed)
  await assert.rejects(client.getOrder('ABANDONED'), (error) => {
    assert.ok(error instanceof BadRequestError)
    assert.equal(error.code, 'ORDER_NOT_FOUND')
    return true
  })
  const seen = await emulator.requests('?method=POST&path=/v1/order-management')
  assert.equal(seen.length, 1, 'the aborted call was not retried')
})

test('an already aborted signal rejects at once and sends nothing', async () => {
  await emulator.reset()
  await emulator.clearRequests()
  const reason = new Error('user left the page')
  await assert.rejects(client.getOrder('ORDER-1', { signal: AbortSignal.abort(reason) }), (error) => {
    assert.ok(error instanceof AbortError)
    assert.equal(error.cause, reason)
    return true
  })
  assert.deepEqual(await emulator.requests(), [])
})

test('AbortSignal.timeout cancels a slow call, carrying the TimeoutError reason', async () => {
  await emulator.reset()
  await client.authenticate()
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'delay', ms: 2000 })
  const started = Date.now()
  await assert.rejects(client.getOrder('ORDER-1', { signal: AbortSignal.timeout(150) }), (error) => {
    assert.ok(error instanceof AbortError)
    assert.equal(error.cause?.name, 'TimeoutError')
    return true
  })
  assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
  await emulator.control('DELETE', '/faults')
})

test('a signal that never fires changes nothing and its listener is removed', async () => {
  await emulator.reset()
  const controller = new AbortController()
  const created = await client.createOrder({ orderRef: 'KEPT' }, { signal: controller.signal })
  assert.equal(created.data.status, 201)
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0)
  controller.abort()
  const { data } = await client.getOrder('KEPT')
  assert.equal(data.orderRef, 'KEPT')
})

test('the client keeps working after a cancelled call', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'GET', path: '/v2/customer-vault/*', action: 'delay', ms: 1000 })
  const controller = new AbortController()
  const call = client.getOrCreateCustomer('CUST-1', { signal: controller.signal })
  controller.abort()
  await assert.rejects(call, AbortError)
  await emulator.control('DELETE', '/faults')
  const { data } = await client.getOrCreateCustomer('CUST-2')
  assert.equal(data.customerRef, 'CUST-2')
})
