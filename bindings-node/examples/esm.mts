// The ES module entry, type-checked with the quickstart: named imports, the default export, and
// error narrowing work the same as from CommonJS.

import imburse, { Client, TimeoutError, type ClientOptions } from 'imburse'

const options: ClientOptions = { environment: 'sandbox', callTimeoutMs: 10_000 }
const client: Client = imburse.Client === Client ? Client.fromEnv(options) : new Client(options)

try {
  const { meta } = await client.getOrCreateCustomer('CUST-1', { signal: AbortSignal.timeout(5_000) })
  console.log(meta.attempts, meta.clientCorrelationId)
} catch (error) {
  if (error instanceof TimeoutError) {
    console.log(`timed out after ${error.attempts} attempts`)
  }
} finally {
  client.close()
}
