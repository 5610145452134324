'use strict'
// Every error class with the fields a caller relies on: kind, status, code, every entry,
// the server's and the client's correlation ids, attempts and Retry-After; `instanceof`
// works, the message is one line, and no secret is anywhere in it.

const assert = require('node:assert/strict')
const { inspect } = require('node:util')
const { after, before, test } = require('node:test')
const imburse = require('imburse')
const { demoOptions, instruction, startEmulator, unreachableUrl } = require('./support/emulator.js')

const {
  Client,
  ImburseError,
  BadRequestError,
  AuthenticationError,
  RequestFailedError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ConnectionError,
  InvalidResponseError,
  InvalidRequestError,
  ConfigurationError,
} = imburse

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const IMBURSE_CORRELATION_ID = /^[0-9A-V]{13}:[0-9a-f]{8}$/i
const READ_ONLY_KEY = { publicKey: '11111111-1111-4111-8111-111111111111', privateKey: 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=' }
const WRONG_PRIVATE_KEY = 'x/xo99iO/eJ3MnO5nPhPKrf9+r5Nxpz+/L+2ZPfebfA='

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

/** Awaits a rejection and returns the error. */
async function failure(promise) {
  try {
    await promise
  } catch (error) {
    return error
  }
  assert.fail('the call succeeded')
}

/** What every SDK error must satisfy, whatever its kind. */
function assertWellFormed(error, cls, kind) {
  assert.ok(error instanceof cls, `${error?.name} is not a ${cls.name}: ${error}`)
  assert.ok(error instanceof ImburseError)
  assert.ok(error instanceof Error)
  assert.equal(error.name, cls.name)
  assert.equal(error.kind, kind)
  assert.equal(typeof error.message, 'string')
  assert.ok(error.message.length > 0)
  assert.ok(!/[\r\n]/.test(error.message), `message is not one line: ${error.message}`)
  assert.ok(error.stack.startsWith(`${cls.name}: `))
  for (const text of [error.message, error.stack, inspect(error, { showHidden: true }), JSON.stringify(error)]) {
    assert.ok(!text.includes(emulator.info.private_key), 'the private key leaked')
    assert.ok(!text.includes(WRONG_PRIVATE_KEY), 'the private key leaked')
    assert.ok(!/Bearer\s+[A-Za-z0-9]/.test(text), 'a bearer token leaked')
  }
}

test('400 BadRequestError: the API not-found answer with its code and both correlation ids', async () => {
  await emulator.reset()
  const error = await failure(client.getOrder('NO-SUCH-ORDER', { correlationId: 'caller-id-1' }))
  assertWellFormed(error, BadRequestError, 'bad_request')
  assert.equal(error.status, 400)
  assert.equal(error.code, 'ORDER_NOT_FOUND')
  assert.deepEqual(error.errors.map((e) => e.code), ['ORDER_NOT_FOUND'])
  assert.equal(error.errors[0].metadata.correlationId, 'caller-id-1')
  assert.match(error.correlationId, IMBURSE_CORRELATION_ID)
  assert.equal(error.clientCorrelationId, 'caller-id-1')
  assert.equal(error.attempts, 1)
  assert.equal(error.retryAfterMs, null)
  assert.ok(error.message.includes('ORDER_NOT_FOUND'), error.message)
  assert.ok(error.message.includes(error.correlationId), error.message)
})

test('400 BadRequestError: a duplicate reference on a first attempt is an error', async () => {
  await emulator.reset()
  await client.createOrder({ orderRef: 'DUP-1' })
  const error = await failure(client.createOrder({ orderRef: 'DUP-1' }))
  assertWellFormed(error, BadRequestError, 'bad_request')
  assert.equal(error.code, 'ORDER_ALREADY_EXISTS')
  assert.equal(error.attempts, 1)
})

test('401 AuthenticationError: a refused key, from the token exchange', async () => {
  await emulator.reset()
  const refused = new Client(demoOptions(emulator, { privateKey: WRONG_PRIVATE_KEY }))
  try {
    const error = await failure(refused.getOrder('ORDER-1'))
    assertWellFormed(error, AuthenticationError, 'unauthorized')
    assert.equal(error.status, 401)
    assert.equal(error.code, 'HMAC_SIGNATURE_INVALID')
    assert.equal(error.attempts, 1)
    assert.match(error.clientCorrelationId, UUID)
    // Nothing but the token exchange was sent.
    assert.deepEqual((await emulator.requests('?method=GET')).length, 0)
  } finally {
    refused.close()
  }
})

test('402 RequestFailedError', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'respond', status: 402 })
  const error = await failure(client.getOrder('ORDER-1'))
  assertWellFormed(error, RequestFailedError, 'request_failed')
  assert.equal(error.status, 402)
  assert.equal(error.code, 'PAYMENT_REQUIRED')
  assert.equal(error.attempts, 1)
})

test('403 PermissionDeniedError: a missing role names the role; a foreign tenant is refused', async () => {
  await emulator.reset()
  const readOnly = new Client(demoOptions(emulator, READ_ONLY_KEY))
  try {
    const error = await failure(readOnly.createOrder({ orderRef: 'RO-1' }))
    assertWellFormed(error, PermissionDeniedError, 'forbidden')
    assert.equal(error.status, 403)
    assert.equal(error.code, 'INSUFFICIENT_ROLE')
    assert.ok(error.errors[0].metadata.requiredRole, JSON.stringify(error.errors))
  } finally {
    readOnly.close()
  }
  const otherTenant = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
  const error = await failure(client.getOrder('ORDER-1', { tenantId: otherTenant, correlationId: 'tenant-check' }))
  assertWellFormed(error, PermissionDeniedError, 'forbidden')
  assert.equal(error.code, 'TENANT_ID_NOT_PERMITTED')
  assert.equal(error.clientCorrelationId, 'tenant-check')
})

test('404 NotFoundError and 409 ConflictError', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'respond', status: 404 })
  const notFound = await failure(client.getOrder('ORDER-1'))
  assertWellFormed(notFound, NotFoundError, 'not_found')
  assert.equal(notFound.status, 404)
  assert.equal(notFound.code, 'NOT_FOUND')

  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'respond', status: 409 })
  const conflict = await failure(client.getOrder('ORDER-1'))
  assertWellFormed(conflict, ConflictError, 'conflict')
  assert.equal(conflict.status, 409)
  assert.equal(conflict.code, 'CONFLICT')
})

test('429 RateLimitError: a Retry-After above the cap stops at once and is on the error', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'respond', status: 429, retry_after: 30 })
  const error = await failure(client.getOrder('ORDER-1'))
  assertWellFormed(error, RateLimitError, 'rate_limited')
  assert.equal(error.status, 429)
  assert.equal(error.code, 'TOO_MANY_REQUESTS')
  assert.equal(error.retryAfterMs, 30_000)
  assert.equal(error.attempts, 1)
})

test('5xx ServerError: retried to the limit, one correlation id on every attempt', async () => {
  await emulator.reset()
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'respond', status: 503, times: 3 })
  const error = await failure(client.getOrder('ORDER-1', { correlationId: 'retry-me' }))
  assertWellFormed(error, ServerError, 'server')
  assert.equal(error.status, 503)
  assert.equal(error.code, 'SERVICE_UNAVAILABLE')
  assert.equal(error.attempts, 3)
  assert.equal(error.clientCorrelationId, 'retry-me')
  assert.match(error.correlationId, IMBURSE_CORRELATION_ID)
  assert.ok(error.message.includes('3 attempts'), error.message)
  const attempts = await emulator.requests('?method=GET&path=/v1/order-management/ORDER-1')
  assert.deepEqual(attempts.map((r) => r.headers['x-correlation-id']), ['retry-me', 'retry-me', 'retry-me'])
})

test('TimeoutError: an attempt that outlives its timeout', async () => {
  await emulator.reset()
  const impatient = new Client(demoOptions(emulator, { maxAttempts: 1, attemptTimeoutMs: 200, callTimeoutMs: 1000 }))
  try {
    await impatient.authenticate()
    await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'delay', ms: 1500 })
    const started = Date.now()
    const error = await failure(impatient.getOrder('ORDER-1'))
    assertWellFormed(error, TimeoutError, 'timeout')
    assert.equal(error.status, null)
    assert.equal(error.code, null)
    assert.equal(error.attempts, 1)
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
  } finally {
    impatient.close()
  }
})

test('ConnectionError: nothing listens; connect failures are retried', async () => {
  const nowhere = new Client(demoOptions(emulator, { baseUrl: await unreachableUrl(), maxAttempts: 2 }))
  try {
    const error = await failure(nowhere.getOrder('ORDER-1', { correlationId: 'offline' }))
    assertWellFormed(error, ConnectionError, 'connection')
    assert.equal(error.status, null)
    assert.equal(error.attempts, 2)
    assert.equal(error.clientCorrelationId, 'offline')
  } finally {
    nowhere.close()
  }
})

test('InvalidResponseError: a 200 whose body is not JSON keeps its status and is not retried', async () => {
  await emulator.reset()
  await client.createOrder({ orderRef: 'ORDER-1' })
  await emulator.armFault({ method: 'GET', path: '/v1/order-management/*', action: 'corrupt_body' })
  const error = await failure(client.getOrder('ORDER-1'))
  assertWellFormed(error, InvalidResponseError, 'invalid_response')
  assert.equal(error.status, 200)
  assert.equal(error.attempts, 1)
})

test('InvalidRequestError: every problem at once, in field order, and nothing is sent', async () => {
  await emulator.reset()
  await emulator.clearRequests()
  const error = await failure(
    client.createOrder(
      { orderRef: 'BAD REF', instructions: [instruction('I-1', '12,50', { currency: 'gbp', settledByDate: '31/12/2026' })] },
      { correlationId: 'validate-1' },
    ),
  )
  assertWellFormed(error, InvalidRequestError, 'invalid_request')
  assert.equal(error.status, null)
  assert.equal(error.attempts, 0)
  assert.equal(error.clientCorrelationId, 'validate-1')
  assert.deepEqual(error.errors.map((e) => e.code), [
    'ORDER_REF_CONTAINS_INVALID_CHARACTERS',
    'AMOUNT_FORMAT_NOT_RECOGNISED',
    'CURRENCY_FORMAT_NOT_RECOGNISED',
    'SETTLED_BY_DATE_IS_INVALID',
  ])
  assert.equal(error.code, 'ORDER_REF_CONTAINS_INVALID_CHARACTERS')
  assert.ok(error.errors.every((e) => e.message.length > 0 && !e.message.includes('{')), JSON.stringify(error.errors))
  assert.deepEqual(await emulator.requests(), [])
})

test('ConfigurationError: thrown by the constructor, naming the setting, echoing no secret', () => {
  const cases = [
    [{ maxAttempts: 0 }, 'max_attempts'],
    [{ attemptTimeoutMs: 5000, callTimeoutMs: 1000 }, 'attempt_timeout'],
    [{ connectTimeoutMs: -1 }, 'connectTimeoutMs'],
    [{ maxAttempts: -3 }, 'maxAttempts'],
    [{ accountId: emulator.info.private_key }, 'account_id'],
    [{ privateKey: `${emulator.info.private_key.slice(0, -1)}$` }, 'private_key'],
    [{ environment: 'staging', baseUrl: undefined }, 'environment'],
    [{ baseUrl: 'ftp://example.com' }, 'base_url'],
  ]
  for (const [overrides, field] of cases) {
    let thrown
    try {
      new Client(demoOptions(emulator, overrides))
    } catch (error) {
      thrown = error
    }
    assertWellFormed(thrown, ConfigurationError, 'configuration')
    assert.ok(thrown.message.includes(field), `${field}: ${thrown.message}`)
    assert.ok(!thrown.message.includes(emulator.info.private_key.slice(0, 6)), thrown.message)
    assert.equal(thrown.attempts, 0)
  }
})

test('the client itself never shows its private key', () => {
  const shown = [inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), String(client)]
  for (const text of shown) {
    assert.ok(!text.includes(emulator.info.private_key), text)
  }
  assert.match(inspect(client), /baseUrl/)
})

test('errors can be built directly for tests of code that handles them', () => {
  const error = new ServerError({ message: 'Service Unavailable (HTTP 503)', status: 503, attempts: 3 })
  assert.ok(error instanceof ImburseError)
  assert.equal(error.kind, 'server')
  assert.equal(error.status, 503)
  assert.equal(error.code, null)
  assert.deepEqual(error.errors, [])
})

test('an argument of the wrong type is a TypeError and nothing is sent: an amount must be exact text', async () => {
  await emulator.reset()
  await emulator.clearRequests()
  const asFloat = { ...instruction('I-1'), amount: 49.99 }
  await assert.rejects(client.createOrder({ orderRef: 'FLOAT-1', instructions: [asFloat] }), (error) => {
    assert.ok(error instanceof TypeError, String(error))
    assert.ok(!(error instanceof ImburseError))
    assert.equal(error.code, 'ERR_INVALID_ARG_TYPE')
    assert.match(error.message, /amount/)
    return true
  })
  await assert.rejects(client.getOrder(42), { name: 'TypeError', message: 'an argument must be a string, not a number' })
  await assert.rejects(client.getOrder('O-1', { correlationId: 5 }), {
    name: 'TypeError',
    message: 'correlationId must be a string, not a number',
  })
  await assert.rejects(client.createOrder({ orderRef: 'O-1', instructions: [{ instructionRef: 'I-1' }] }), {
    name: 'TypeError',
    message: 'instructions: customerRef is required',
  })
  assert.throws(() => new Client(demoOptions(emulator, { maxAttempts: 'three' })), {
    name: 'TypeError',
    message: 'maxAttempts must be a number, not a string',
  })
  assert.throws(() => new Client(demoOptions(emulator, { callTimeoutMs: 'x' })), {
    name: 'TypeError',
    message: 'callTimeoutMs must be a number, not a string',
  })
  assert.deepEqual(await emulator.requests(), [])
})

test('an unknown option is a TypeError naming it, never dropped, and nothing is sent', async () => {
  await emulator.reset()
  await emulator.clearRequests()
  assert.throws(() => new Client(demoOptions(emulator, { baseURL: 'https://example.com' })), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'baseURL is not an option; did you mean baseUrl?',
  })
  assert.throws(() => new Client(demoOptions(emulator, { retries: 5 })), (error) => {
    assert.ok(error instanceof TypeError, String(error))
    assert.match(error.message, /^retries is not an option \(the options are publicKey, privateKey, .*maxAttempts/)
    return true
  })
  await assert.rejects(client.getOrder('O-1', { correlationID: 'c-1' }), {
    name: 'TypeError',
    message: 'correlationID is not an option; did you mean correlationId?',
  })
  assert.throws(() => client.listMandates(10, { timeout: 5000 }), {
    name: 'TypeError',
    message: 'timeout is not an option; did you mean timeoutMs?',
  })
  assert.deepEqual(await emulator.requests(), [])
  // The JavaScript layer's own option is not the core's to refuse.
  const { meta } = await client.getOrCreateCustomer('CUST-SIGNAL', { signal: new AbortController().signal, correlationId: 'c-2' })
  assert.equal(meta.clientCorrelationId, 'c-2')
  assert.equal((await emulator.requests()).at(-1).headers['x-correlation-id'], 'c-2')
})

test('null per-call options mean "not given"', async () => {
  await emulator.reset()
  const { meta } = await client.getOrCreateCustomer('CUST-N', { correlationId: null, tenantId: null })
  assert.match(meta.clientCorrelationId, UUID)
})
