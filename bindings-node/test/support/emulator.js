'use strict'
// Starts the emulator command as a subprocess for one test file and drives its control API.

const { spawn } = require('node:child_process')
const net = require('node:net')
const path = require('node:path')
const readline = require('node:readline')

const REPO = path.resolve(__dirname, '..', '..', '..')
const CONFORMANCE_DIR = path.join(REPO, 'tests', 'conformance')

/** The emulator built by `cargo build -p imburse-emulator` (scripts/test.sh does it). */
function emulatorBinary() {
  if (process.env.IMBURSE_EMULATOR_BIN) {
    return process.env.IMBURSE_EMULATOR_BIN
  }
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(REPO, 'target')
  return path.join(targetDir, 'debug', 'imburse-emulator')
}

/**
 * Starts an emulator on a free port, by default with the conformance suite's configuration
 * (the demo key, a read-only key and a second tenant), and resolves once it printed its
 * start-up line.
 */
async function startEmulator(args = ['--config', path.join(CONFORMANCE_DIR, 'emulator-config.json')]) {
  const child = spawn(emulatorBinary(), ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const lines = readline.createInterface({ input: child.stdout })
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    exited.then((code) => {
      throw new Error(`the emulator exited (${code}) before printing its start-up line`)
    }),
  ])
  // Keep draining stdout so the emulator can never block on a full pipe.
  lines.on('line', () => {})
  const info = JSON.parse(first)

  async function control(method, route, body) {
    const response = await fetch(`${info.url}/__emulator${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`control ${method} ${route} answered ${response.status}: ${text}`)
    }
    return text ? JSON.parse(text) : null
  }

  return {
    info,
    url: info.url,
    control,
    reset: () => control('POST', '/reset'),
    armFault: (fault) => control('POST', '/faults', fault),
    requests: (query = '') => control('GET', `/requests${query}`),
    clearRequests: () => control('DELETE', '/requests'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}

/** Client options for the demo key against an emulator, with short backoffs for fast tests. */
function demoOptions(emulator, overrides = {}) {
  return {
    baseUrl: emulator.url,
    publicKey: emulator.info.public_key,
    privateKey: emulator.info.private_key,
    accountId: emulator.info.account_id,
    tenantId: emulator.info.tenant_id,
    backoffBaseMs: 10,
    backoffCapMs: 40,
    useEnvProxy: false,
    ...overrides,
  }
}

/** A loopback URL nothing listens on. */
async function unreachableUrl() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

const SCHEME_ID = '654EB81FF7F07F7CF5A1EE3FF6972E90'

/** An instruction as the demo tenant accepts it. */
function instruction(instructionRef, amount = '49.99', extra = {}) {
  return {
    instructionRef,
    customerRef: 'CUST-1',
    direction: 'DEBIT',
    amount,
    currency: 'GBP',
    country: 'GB',
    settledByDate: '2026-12-31',
    schemeId: SCHEME_ID,
    ...extra,
  }
}

module.exports = { REPO, CONFORMANCE_DIR, SCHEME_ID, startEmulator, demoOptions, unreachableUrl, instruction }
