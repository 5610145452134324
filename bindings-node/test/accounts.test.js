'use strict'
// Account and tenant management: an account key manages the account, its keys and tenants; a
// tenant key its own keys. A created key's private key is a `Secret`: its text forms
// (`String()`, `JSON.stringify`, `util.inspect`) never show it, `reveal()` does, and the key
// works at once for the roles it was given.

const assert = require('node:assert/strict')
const { test } = require('node:test')
const util = require('node:util')

const { Client, InvalidRequestError, PermissionDeniedError } = require('..')
const { startEmulator } = require('./support/emulator')

const ACCOUNT_KEY = {
  publicKey: 'c0ffee00-0a0a-4b0b-8c0c-00000000000a',
  privateKey: 'ZGVtby1hY2NvdW50LWFkbWluLWtleS0zMi1ieXRlcyE=',
}

function options(emulator, extra = {}) {
  const { info } = emulator
  return {
    baseUrl: info.url,
    publicKey: info.public_key,
    privateKey: info.private_key,
    accountId: info.account_id,
    tenantId: info.tenant_id,
    useEnvProxy: false,
    ...extra,
  }
}

test('a created tenant key is a secret in every text form and works at once for its roles', async () => {
  const emulator = await startEmulator()
  try {
    const admin = new Client(options(emulator))
    const created = await admin.createTenantKey({ name: 'reporting', roles: ['tenant-transaction-read'] })
    assert.equal(created.meta.status, 201)
    const key = created.data
    const secret = key.privateKey.reveal()
    assert.equal(secret.length, 44)
    for (const text of [String(key.privateKey), JSON.stringify(created), util.inspect(created, { depth: 9 })]) {
      assert.ok(!text.includes(secret), text)
    }
    assert.equal(String(key.privateKey), '[redacted]')
    assert.match(JSON.stringify(key), /"privateKey":"\[redacted\]"/)

    const reporting = new Client(options(emulator, { publicKey: key.publicKey, privateKey: secret }))
    await reporting.getOrCreateCustomer('CUST-R')
    await assert.rejects(reporting.createOrder({ orderRef: 'ORD-R-1' }), (error) => {
      assert.ok(error instanceof PermissionDeniedError)
      assert.equal(error.code, 'INSUFFICIENT_ROLE')
      return true
    })
    const names = (await admin.listTenantKeys()).data.tenantKeys.map((k) => k.name)
    assert.deepEqual(names, ['Demo tenant key', 'Read-only tenant key', 'reporting'])
    admin.close()
    reporting.close()
  } finally {
    await emulator.stop()
  }
})

test('an account key creates a tenant and its key; a per-call tenant on an account call is refused', async () => {
  const emulator = await startEmulator()
  try {
    const account = new Client(options(emulator, { ...ACCOUNT_KEY, tenantId: undefined }))
    const tenant = (await account.createTenant({ name: 'Shop EU', country: 'IE' })).data
    assert.equal(tenant.address.country, 'IE')
    const key = (await account.createAccountTenantKey(tenant.tenantId, { name: 'shop', roles: ['tenant-admin'] })).data
    const shop = new Client(
      options(emulator, { publicKey: key.publicKey, privateKey: key.privateKey.reveal(), tenantId: tenant.tenantId }),
    )
    assert.equal((await shop.createOrder({ orderRef: 'SHOP-1' })).data.status, 201)
    await assert.rejects(account.getAccount({ tenantId: emulator.info.tenant_id }), (error) => {
      assert.ok(error instanceof InvalidRequestError)
      assert.equal(error.code, 'TENANT_ID_NOT_APPLICABLE')
      assert.equal(error.attempts, 0)
      return true
    })
    await assert.rejects(account.createAccountKey({ name: '', roles: [] }), (error) => {
      assert.deepEqual(error.errors.map((e) => e.code), ['NAME_IS_REQUIRED', 'ROLES_IS_REQUIRED'])
      return true
    })
    account.close()
    shop.close()
  } finally {
    await emulator.stop()
  }
})

test('payout options take the amount as exact text and read it back the same; app settings are JSON text', async () => {
  const emulator = await startEmulator()
  try {
    const client = new Client(options(emulator))
    const scheme = (
      await client.createPayoutScheme({
        name: 'Rewards GB',
        rules: [{ currencies: ['GBP'], countries: ['GB'], apps: [{ appId: 'TANGOCARD_RAAS' }] }],
      })
    ).data
    const found = (
      await client.getPayoutOptions(scheme.schemeId, { amount: '10.00', currency: 'GBP', country: 'GB', matchType: 'Max' })
    ).data.options
    assert.deepEqual(
      found.map((o) => [o.rewardId, o.fixedValue]),
      [
        ['U563017', null],
        ['U882133', '10.00'],
      ],
    )
    await client.installApp('BRAINTREE_SDK')
    const configured = await client.configureApp('BRAINTREE_SDK', JSON.stringify({ merchantId: 'm-1', settings: [] }))
    assert.equal(configured.status, 204)
    await assert.rejects(client.configureApp('BRAINTREE_SDK', '[]'), (error) => {
      assert.ok(error instanceof InvalidRequestError)
      assert.equal(error.code, 'CONFIGURATION_FORMAT_NOT_RECOGNISED')
      return true
    })
    client.close()
  } finally {
    await emulator.stop()
  }
})
