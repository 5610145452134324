// Type checks of `imburse/testing` (`testing.d.ts`) as a TypeScript user writes a test (compiled by `tsc --strict`,
// not run): the emulator's generated control methods, its records, and the client it gives.
import { Emulator, type FaultSpec, type ReceivedRequest } from '../../testing.js'

export async function example(): Promise<void> {
  const emulator: Emulator = await Emulator.start()
  const spec: FaultSpec = { action: 'respond', status: 503, times: 1, method: 'POST' }
  const id: number = emulator.fault(spec)
  const client = emulator.client({ maxAttempts: 2 })
  await client.authenticate()
  const seen: ReceivedRequest[] = emulator.requests()
  const statuses: Array<number | null | undefined> = seen.map((r) => r.status)
  emulator.setInstructionStatus(emulator.info.tenantId, 'ORDER-1', 'I-1', 'SETTLED')
  emulator.setTokenLifetimeSeconds(60)
  emulator.expireTokens()
  emulator.reset()
  void id
  void statuses
  client.close()
  await emulator.stop()
}
