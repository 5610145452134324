'use strict'
// The package loads both ways: CommonJS `require` and ESM `import` give the same classes, so
// `instanceof` holds whichever way the code that throws and the code that catches loaded it.

const assert = require('node:assert/strict')
const { test } = require('node:test')

const EXPORTS = [
  'Client',
  'Pager',
  'ImburseError',
  'BadRequestError',
  'AuthenticationError',
  'RequestFailedError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'RateLimitError',
  'ServerError',
  'TimeoutError',
  'ConnectionError',
  'InvalidResponseError',
  'InvalidRequestError',
  'ConfigurationError',
  'ClientClosedError',
  'AbortError',
]

test('require and import expose the same classes', async () => {
  const required = require('imburse')
  const imported = await import('imburse')
  assert.deepEqual(Object.keys(required).sort(), [...EXPORTS].sort())
  for (const name of EXPORTS) {
    assert.equal(typeof imported[name], 'function', name)
    assert.equal(imported[name], required[name], name)
  }
  assert.equal(imported.default, required)
})

test('an error thrown through the CommonJS entry is an instance of the ESM class', async () => {
  const { Client } = require('imburse')
  const { ConfigurationError, ImburseError } = await import('imburse')
  assert.throws(() => new Client({ maxAttempts: 0 }), (error) => {
    assert.ok(error instanceof ConfigurationError)
    assert.ok(error instanceof ImburseError)
    return true
  })
})

test('every error class is a distinct subclass of ImburseError named after itself', () => {
  const imburse = require('imburse')
  const errorClasses = EXPORTS.filter((name) => name.endsWith('Error') && !['ImburseError', 'AbortError'].includes(name))
  const kinds = new Set()
  for (const name of errorClasses) {
    const error = new imburse[name]({ message: 'x' })
    assert.ok(error instanceof imburse.ImburseError, name)
    assert.equal(error.name, name)
    kinds.add(error.kind)
  }
  assert.equal(kinds.size, errorClasses.length, 'each class has its own kind')
})
