// The Node driver of the load-with-faults run (tests/load/run.py starts the emulator, arms the
// faults and judges; this only does the flows): create an order with one instruction and read
// the instruction back, LOAD_CONCURRENCY flows in flight on one shared client.
//
//   python3 tests/load/run.py --name node --flows 1000 -- node bindings-node/test/load/flows.js
'use strict'

const fs = require('node:fs')
const { Client, ImburseError } = require('imburse')

const setting = (name) => {
  const value = Number(process.env[name])
  if (!Number.isFinite(value)) throw new Error(`${name} is not set`)
  return value
}
const PREFIX = process.env.LOAD_PREFIX
const AMOUNT = process.env.LOAD_AMOUNT

/** File descriptors, threads and resident memory of this process, from /proc. */
function sample(flows) {
  const status = fs.readFileSync('/proc/self/status', 'utf8')
  const field = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) ?? [])[1] ?? 0)
  const fds = fs.readdirSync('/proc/self/fd').length
  return { sample: { flows, rss_kb: field('VmRSS'), threads: field('Threads'), fds } }
}

const emit = (record) => process.stdout.write(JSON.stringify(record) + '\n')

async function flow(client, i) {
  const started = performance.now()
  const orderRef = `${PREFIX}-${i}`
  try {
    const created = await client.createOrder({
      orderRef,
      instructions: [{
        instructionRef: 'INS-1', customerRef: `CUST-${i}`, direction: 'DEBIT', amount: AMOUNT,
        currency: 'GBP', country: 'GB', schemeId: '654EB81FF7F07F7CF5A1EE3FF6972E90',
      }],
    })
    const read = await client.getInstruction(orderRef, 'INS-1')
    if (read.data.amount !== AMOUNT || read.data.instructionRef !== 'INS-1') {
      return { flow: i, ok: false, kind: 'mismatch', code: 'MISMATCH', message: JSON.stringify(read.data) }
    }
    return { flow: i, ok: true, attempts: created.meta.attempts + read.meta.attempts, ms: performance.now() - started }
  } catch (error) {
    if (!(error instanceof ImburseError)) throw error
    return { flow: i, ok: false, kind: error.kind, code: error.code, message: String(error) }
  }
}

async function main() {
  const flows = setting('LOAD_FLOWS')
  const concurrency = setting('LOAD_CONCURRENCY')
  const every = Math.max(1, setting('LOAD_SAMPLE_EVERY'))
  const deadline = Date.now() + setting('LOAD_DURATION_S') * 1000
  const client = Client.fromEnv({
    maxAttempts: setting('LOAD_MAX_ATTEMPTS'),
    backoffBaseMs: setting('LOAD_BACKOFF_BASE_MS'),
    backoffCapMs: setting('LOAD_BACKOFF_CAP_MS'),
    attemptTimeoutMs: setting('LOAD_ATTEMPT_TIMEOUT_MS'),
    callTimeoutMs: setting('LOAD_CALL_TIMEOUT_MS'),
  })
  await client.authenticate()
  emit(sample(0))
  let done = 0
  const report = (record) => {
    emit(record)
    done += 1
    if (done % every === 0) emit(sample(done))
  }
  let start = 0
  do {
    // `concurrency` workers share the batch's flow numbers.
    let next = start
    const end = start + flows
    const worker = async () => {
      while (next < end) report(await flow(client, next++))
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    start = end
  } while (Date.now() < deadline)
  if (done % every !== 0) emit(sample(done))
  await client.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
