'use strict'
// Node driver of the side-by-side benchmark (bench/run.sh): the SDK's Client against undici's
// `request` and the global `fetch`, each hand-written client doing the same work (bearer token,
// account and tenant headers, status check, JSON decoded into a record), sequentially and with
// many calls in flight, in interleaved rounds. One JSON record per round on stdout.

const { request } = require('undici')
const { Client } = require('../../bindings-node')

const env = (name) => {
  const value = process.env[`BENCH_${name}`]
  if (value === undefined) throw new Error(`BENCH_${name} is not set (run bench/run.sh)`)
  return value
}
const S = {
  url: env('URL'), token: env('TOKEN'), accountId: env('ACCOUNT_ID'), tenantId: env('TENANT_ID'),
  publicKey: env('PUBLIC_KEY'), privateKey: env('PRIVATE_KEY'), order: env('ORDER'), instruction: env('INSTRUCTION'),
}
const count = (name, fallback) => Number.parseInt(process.env[`BENCH_${name}`] ?? fallback, 10)
const CALLS = count('CALLS', '5000')
const ROUNDS = count('ROUNDS', '5')
const MEM_CALLS = count('MEM_CALLS', '100000')
const IN_FLIGHT = count('CONCURRENCY', '64')
const URL_ = `${S.url}/v2/order-management/${S.order}/instruction/${S.instruction}`
const HEADERS = { authorization: `Bearer ${S.token}`, 'x-account-id': S.accountId, 'x-tenant-id': S.tenantId }

const emit = (record) => process.stdout.write(JSON.stringify(record) + '\n')

/** What a hand-written client would keep from the body. */
const toInstruction = (b) => ({
  orderRef: b.orderRef, instructionRef: b.instructionRef, customerRef: b.customerRef, direction: b.direction,
  status: b.status, amount: b.amount, currency: b.currency, country: b.country, metadata: b.metadata ?? {},
})

const checked = (status) => {
  if (status < 200 || status > 299) throw new Error(`GET instruction answered ${status}`)
}

function calls(client) {
  return {
    imburse: () => client.getInstruction(S.order, S.instruction),
    undici: async () => {
      const { statusCode, body } = await request(URL_, { headers: HEADERS })
      if (statusCode < 200 || statusCode > 299) {
        await body.dump()
        checked(statusCode)
      }
      return toInstruction(await body.json())
    },
    fetch: async () => {
      const response = await fetch(URL_, { headers: HEADERS })
      checked(response.status)
      return toInstruction(await response.json())
    },
  }
}

async function run(call, n, inFlight) {
  if (inFlight <= 1) {
    for (let i = 0; i < n; i++) await call()
    return
  }
  let remaining = n
  const worker = async () => {
    while (remaining > 0) {
      remaining--
      await call()
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

async function timed(caseName, round, call, n, inFlight) {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await run(call, n, inFlight)
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  const used = process.cpuUsage(cpu)
  emit({ case: caseName, round, calls: n, wall_s: wall, cpu_s: (used.user + used.system) / 1e6 })
}

async function main() {
  emit({ info: 'node', versions: { node: process.version, undici: require('undici/package.json').version, fetch: `bundled undici ${process.versions.undici}` } })
  const client = new Client({
    baseUrl: S.url, publicKey: S.publicKey, privateKey: S.privateKey, accountId: S.accountId, tenantId: S.tenantId,
  })
  const clients = calls(client)
  for (const inFlight of [1, IN_FLIGHT]) {
    const mode = inFlight <= 1 ? 'seq' : `c${inFlight}`
    for (const call of Object.values(clients)) await run(call, Math.floor(CALLS / 5) + inFlight, inFlight)
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, call] of Object.entries(clients)) await timed(`node.${name}.${mode}`, round, call, CALLS, inFlight)
    }
  }
  const before = process.memoryUsage.rss()
  await run(clients.imburse, MEM_CALLS, 1)
  emit({ case: 'node.imburse.seq', rss_calls: MEM_CALLS, rss_before_kb: Math.round(before / 1024), rss_after_kb: Math.round(process.memoryUsage.rss() / 1024) })
  client.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
