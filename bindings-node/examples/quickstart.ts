// The README's TypeScript quickstart, type-checked by `npm run typecheck` (tsc --noEmit).
// Against the emulator: IMBURSE_BASE_URL=http://127.0.0.1:PORT (see scripts/demo.sh).

import {
  BadRequestError,
  Client,
  ImburseError,
  type AttemptEvent,
  type Instruction,
  type NewOrder,
} from 'imburse'

async function main(): Promise<void> {
  const client = new Client({
    baseUrl: process.env.IMBURSE_BASE_URL ?? 'http://127.0.0.1:8080', // or environment: 'sandbox'
    publicKey: 'a123456b-c12c-123d-1ab4-18bd8c8e88a3',
    privateKey: 'AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=',
    accountId: '6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6',
    tenantId: '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c', // default tenant; per call: { tenantId }
    callTimeoutMs: 30_000,
    maxAttempts: 3,
  })
  client.on('attempt', (event: AttemptEvent) => {
    console.log(`${event.method} ${event.path} attempt ${event.attempt} -> ${event.status ?? event.outcome}`)
  })

  const order: NewOrder = {
    orderRef: 'ORDER-1',
    metadata: { channel: 'web' },
    instructions: [
      {
        instructionRef: 'I-1',
        customerRef: 'CUST-1',
        direction: 'DEBIT',
        amount: '49.99', // exact decimal text, never a float
        currency: 'GBP',
        country: 'GB',
        settledByDate: '2026-12-31',
        schemeId: '654EB81FF7F07F7CF5A1EE3FF6972E90',
      },
    ],
  }
  const created = await client.createOrder(order)
  console.log(`created: HTTP ${created.data.status} after ${created.meta.attempts} attempt(s)`)

  const controller = new AbortController()
  const { data: instruction }: { data: Instruction } = await client.getInstruction('ORDER-1', 'I-1', {
    correlationId: 'checkout-1234',
    signal: controller.signal,
  })
  console.log(instruction.status, instruction.amount, instruction.currency, instruction.metadata)

  try {
    await client.getOrder('NO-SUCH-ORDER')
  } catch (error) {
    if (error instanceof BadRequestError && error.code === 'ORDER_NOT_FOUND') {
      console.log(`not found (correlation id ${error.correlationId})`)
    } else if (error instanceof ImburseError) {
      console.log(error.kind, error.status, error.code, error.attempts, error.retryAfterMs)
    } else {
      throw error
    }
  } finally {
    client.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
