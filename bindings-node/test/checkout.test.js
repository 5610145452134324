'use strict'
// The hosted checkout: a session token is a Secret (never shown by String, JSON or inspect)
// that carries the instruction, a pay-by-link answers its id, and the reference's rules are
// checked before sending.

const assert = require('node:assert/strict')
const { inspect } = require('node:util')
const { test } = require('node:test')
const { InvalidRequestError } = require('imburse')
const { Emulator } = require('imburse/testing')

const instruction = {
  instructionRef: 'I-1',
  customerRef: 'CUST-7',
  direction: 'DEBIT',
  amount: '49.99',
  currency: 'GBP',
  country: 'GB',
  schemeId: '654EB81FF7F07F7CF5A1EE3FF6972E90',
}

test('a checkout session token is a secret for the web component', async () => {
  const emulator = await Emulator.start()
  const client = emulator.client()
  try {
    await client.createOrder({ orderRef: 'ORDER-42', instructions: [instruction] })
    const session = await client.createCheckoutSession({
      orderRef: 'ORDER-42',
      instructionRef: 'I-1',
      expirySeconds: 900,
      customerType: 'B2C',
      customerFirstName: 'Ada',
      customerLastName: 'Lovelace',
      channels: [{ kind: 'SMS', destination: '+447700900123' }],
    })
    const token = session.data.sessionToken.reveal()
    assert.equal(token.split('.').length, 3)
    for (const shown of [String(session.data.sessionToken), JSON.stringify(session), inspect(session, { depth: 9 })]) {
      assert.ok(!shown.includes(token), shown)
    }
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    assert.deepEqual([claims.orderRef, claims.instructionRef, claims.customerLastName], ['ORDER-42', 'I-1', 'Lovelace'])
    assert.ok(session.data.expires > Date.now() / 1000 + 800, 'epoch seconds')
    const [sent] = emulator.requests().filter((r) => r.path === '/v2/whitelabel/session-token')
    assert.deepEqual(JSON.parse(sent.body).channels, [{ type: 'SMS', destination: '+447700900123' }])

    const link = await client.createPayByLink({
      orderRef: 'ORDER-42',
      instructionRef: 'I-1',
      expirySeconds: 86_400,
      channels: [{ kind: 'Email', destination: 'ada@example.com' }],
    })
    assert.equal(link.meta.status, 201)
    assert.match(link.data.payByLinkId, /^[0-9a-f-]{36}$/)

    await assert.rejects(
      client.createCheckoutSession({ orderRef: 'ORDER-42', instructionRef: 'I-1', expirySeconds: 0, customerType: 'B2B' }),
      (error) => {
        assert.ok(error instanceof InvalidRequestError)
        assert.deepEqual(error.errors.map((e) => e.code), ['EXPIRY_SECONDS_OUT_OF_RANGE', 'COMPANY_NAME_IS_REQUIRED'])
        assert.equal(error.attempts, 0)
        return true
      },
    )
  } finally {
    client.close()
    await emulator.stop()
  }
})
