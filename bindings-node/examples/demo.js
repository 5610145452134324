'use strict'
// A payment flow through the Node binding against a running emulator: authenticate with the
// HMAC key, create an order with two instructions, read one back, then survive a 503 armed
// through the emulator's control API. `bash scripts/demo.sh` starts the emulator and runs this
// with IMBURSE_EMULATOR set to its start-up line.

const { Client } = require('imburse')

const emulator = JSON.parse(process.env.IMBURSE_EMULATOR ?? '')
const SCHEME_ID = '654EB81FF7F07F7CF5A1EE3FF6972E90'

function instruction(instructionRef, customerRef, amount) {
  return {
    instructionRef,
    customerRef,
    direction: 'DEBIT',
    amount,
    currency: 'GBP',
    country: 'GB',
    settledByDate: '2026-12-31',
    schemeId: SCHEME_ID,
    financialInstrumentId: '5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c',
    metadata: { invoice: `INV-${instructionRef}` },
  }
}

async function control(method, route, body) {
  const response = await fetch(`${emulator.url}/__emulator${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`control ${route}: HTTP ${response.status}`)
  return response.json()
}

async function main() {
  console.log(`emulator listening on ${emulator.url}`)
  const client = new Client({
    baseUrl: emulator.url,
    publicKey: emulator.public_key,
    privateKey: emulator.private_key,
    accountId: emulator.account_id,
    tenantId: emulator.tenant_id,
  })
  try {
    await client.authenticate()
    console.log(`1. exchanged the HMAC key for an access token (User-Agent ${client.userAgent})`)

    const created = await client.createOrder({
      orderRef: 'DEMO-ORDER-1',
      metadata: { channel: 'demo' },
      instructions: [instruction('I-1', 'CUST-1', '49.99'), instruction('I-2', 'CUST-2', '0.10')],
    })
    console.log(`2. created order DEMO-ORDER-1 with 2 instructions: HTTP ${created.data.status}`)

    const { data: i } = await client.getInstruction('DEMO-ORDER-1', 'I-2')
    console.log(
      `3. read instruction I-2 back: ${i.direction} ${i.amount} ${i.currency} for ${i.customerRef} (${i.metadata.invoice}), status ${i.status}`,
    )

    await control('POST', '/faults', { method: 'GET', path: '/v2/order-management/*', action: 'respond', status: 503 })
    const attempts = []
    client.on('attempt', (event) => attempts.push(event))
    const survived = await client.getInstruction('DEMO-ORDER-1', 'I-1', { correlationId: 'demo-503' })
    console.log(
      `4. the server answered 503 once; the call retried and succeeded after ${survived.meta.attempts} attempts (correlation id ${survived.meta.clientCorrelationId} on both)`,
    )
    const seen = (await control('GET', '/requests'))
      .filter((r) => r.client_correlation_id === 'demo-503')
      .map((r) => r.status ?? 'dropped')
    console.log(`   the emulator saw: ${seen.join(' then ')}`)
    console.log(`   attempt events: ${attempts.map((e) => `#${e.attempt} ${e.status} in ${e.elapsedMs.toFixed(1)} ms`).join(', ')}`)
  } finally {
    client.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
