'use strict'
// The `imburse-emulator` bin the package installs (`npx imburse-emulator`): its start-up line,
// `--no-control`, refusals of bad flags, and a clean stop on SIGINT.

const assert = require('node:assert/strict')
const { spawn, spawnSync } = require('node:child_process')
const path = require('node:path')
const readline = require('node:readline')
const { test } = require('node:test')
const { Client } = require('imburse')

const BIN = path.join(__dirname, '..', 'bin', 'imburse-emulator.js')

test('the bin serves the demo, refuses the control API with --no-control and stops on SIGINT', async () => {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--no-control'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  try {
    const [line] = await Promise.race([
      readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]),
      exited.then((e) => {
        throw new Error(`exited before listening: ${JSON.stringify(e)}`)
      }),
    ])
    const info = JSON.parse(line)
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    const client = new Client({
      publicKey: info.public_key,
      privateKey: info.private_key,
      accountId: info.account_id,
      tenantId: info.tenant_id,
      baseUrl: info.url,
    })
    await client.createOrder({ orderRef: 'ORDER-CMD' })
    assert.equal((await client.getOrder('ORDER-CMD')).data.orderRef, 'ORDER-CMD')
    client.close()
    const control = await fetch(`${info.url}/__emulator/reset`, { method: 'POST' })
    assert.equal(control.status, 403, 'the control API is refused under --no-control')
    child.kill('SIGINT')
    assert.deepEqual(await exited, { code: 0, signal: null })
  } finally {
    child.kill('SIGKILL')
  }
})

test('a bad flag exits with status 2 and the reason', () => {
  const bad = spawnSync(process.execPath, [BIN, '--not-found-status', '200'], { encoding: 'utf8' })
  assert.equal(bad.status, 2)
  assert.equal(bad.stdout, '')
  assert.match(bad.stderr, /not_found_status must be a 4xx status/)
  const unknown = spawnSync(process.execPath, [BIN, '--bogus'], { encoding: 'utf8' })
  assert.equal(unknown.status, 2)
  assert.match(unknown.stderr, /unexpected argument '--bogus'/)
})
