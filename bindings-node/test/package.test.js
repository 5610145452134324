'use strict'
// The packed tarball is what users install: it must carry the addon and both entry points,
// install with npm into an empty project, and load with require and import there.

const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { test } = require('node:test')

const PACKAGE_DIR = path.resolve(__dirname, '..')

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

test('npm pack → npm install in an empty project → require and import work', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imburse-pack-'))
  try {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], PACKAGE_DIR))
    const files = packed.files.map((f) => f.path).sort()
    for (const expected of ['index.js', 'index.mjs', 'index.d.ts', 'native.js', 'native.d.ts', 'lib/client.js', 'lib/errors.js', 'imburse.linux-x64-gnu.node', 'package.json', 'README.md']) {
      assert.ok(files.includes(expected), `${expected} missing from ${files.join(', ')}`)
    }
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/')), files.join(', '))

    const project = path.join(work, 'app')
    fs.mkdirSync(project)
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true }))
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], project)

    const probe = `
      const { Client, ConfigurationError } = require('imburse')
      import('imburse').then((esm) => {
        try { new Client({ maxAttempts: 0 }) } catch (e) {
          console.log(e instanceof ConfigurationError && e instanceof esm.ConfigurationError ? 'loaded' : 'mismatch')
        }
      })`
    const out = execFileSync(process.execPath, ['-e', probe], { cwd: project, encoding: 'utf8' })
    assert.equal(out.trim(), 'loaded')
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
})
