'use strict'
// Runs the shared conformance manifest through the Node binding, then has the judge check the
// records against the manifest's expectations and against the Rust runner's records.

const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { test } = require('node:test')
const { runConformance } = require('./conformance/runner.js')
const { CONFORMANCE_DIR } = require('./support/emulator.js')

function judge(t, args) {
  const run = spawnSync('python3', [path.join(CONFORMANCE_DIR, 'judge.py'), ...args], { encoding: 'utf8' })
  const report = `${run.stdout}${run.stderr}`.trim()
  t.diagnostic(report)
  assert.equal(run.status, 0, `judge ${args.join(' ')} failed:\n${report}`)
}

test('the Node records meet the manifest and equal the Rust records', async (t) => {
  const { records, count } = await runConformance()
  const manifest = JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'manifest.json'), 'utf8'))
  assert.equal(count, manifest.scenarios.length)
  judge(t, ['--check-manifest', path.join(CONFORMANCE_DIR, 'manifest.json'), records])
  const rust = path.join(CONFORMANCE_DIR, 'records', 'rust.jsonl')
  // The Rust records are the reference: without them nothing was compared, which is a failure.
  assert.ok(fs.existsSync(rust), 'records/rust.jsonl is absent: run `cargo test -p imburse --test conformance` first')
  judge(t, [rust, records])
})
