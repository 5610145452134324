'use strict'
// The TLS settings against an HTTPS emulator whose certificate authority is made for the run
// (`--tls`): the authority is trusted only through `caBundlePem`, and a server that requires a
// client certificate (`--tls-client-auth`) accepts the call only with `clientIdentityPem`.

const assert = require('node:assert/strict')
const { test } = require('node:test')

const { Client, ConfigurationError, ConnectionError } = require('..')
const { startEmulator } = require('./support/emulator')

function options(emulator, extra = {}) {
  const { info } = emulator
  return {
    baseUrl: info.url,
    publicKey: info.public_key,
    privateKey: info.private_key,
    accountId: info.account_id,
    tenantId: info.tenant_id,
    useEnvProxy: false,
    maxAttempts: 1,
    ...extra,
  }
}

test('the server\'s authority is trusted only through caBundlePem', async () => {
  const emulator = await startEmulator(['--tls'])
  try {
    assert.match(emulator.url, /^https:\/\/localhost:/)
    const untrusting = new Client(options(emulator))
    await assert.rejects(untrusting.createOrder({ orderRef: 'ORDER-TLS' }), (error) => {
      assert.ok(error instanceof ConnectionError, String(error))
      assert.match(error.message, /TLS handshake.*UnknownIssuer.*CA bundle/)
      assert.equal(error.attempts, 1)
      return true
    })
    untrusting.close()
    const trusting = new Client(options(emulator, { caBundlePem: emulator.info.ca_pem }))
    assert.equal((await trusting.createOrder({ orderRef: 'ORDER-TLS' })).data.status, 201)
    trusting.close()
  } finally {
    await emulator.stop()
  }
})

test('a server requiring a client certificate accepts clientIdentityPem', async () => {
  const emulator = await startEmulator(['--tls', '--tls-client-auth'])
  try {
    const { ca_pem: ca, client_identity_pem: identity } = emulator.info
    const anonymous = new Client(options(emulator, { caBundlePem: ca }))
    await assert.rejects(anonymous.createOrder({ orderRef: 'ORDER-TLS' }), /client certificate/)
    anonymous.close()
    const identified = new Client(options(emulator, { caBundlePem: ca, clientIdentityPem: identity }))
    assert.equal((await identified.createOrder({ orderRef: 'ORDER-TLS' })).data.status, 201)
    identified.close()
  } finally {
    await emulator.stop()
  }
})

test('unusable PEM is a ConfigurationError naming the option, never quoting it', async () => {
  const emulator = await startEmulator(['--tls'])
  try {
    const key = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----\n'
    for (const [option, value] of [['caBundlePem', 'not a certificate'], ['clientIdentityPem', key]]) {
      assert.throws(() => new Client(options(emulator, { [option]: value })), (error) => {
        assert.ok(error instanceof ConfigurationError, String(error))
        // Configuration errors name a setting by its core name in every language (the records compare them).
        assert.match(error.message, new RegExp(option.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())))
        assert.ok(!error.message.includes('c2VjcmV0'), error.message)
        return true
      })
    }
  } finally {
    await emulator.stop()
  }
})
