'use strict'
// The packages as users install them: `scripts/pack.sh` packs the main package and the
// linux-x64-gnu platform package; both install with npm into a project made by `npm init -y`,
// the README's TypeScript quickstart compiles there under the README's settings (tsc --strict),
// the README's integration test file passes there with `node --test`,
// and the quickstart example, compiled the same way, runs there against the emulator.

const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { test } = require('node:test')

const { startEmulator } = require('./support/emulator')
const { runUserTest } = require('./support/user-test.js')

const PACKAGE_DIR = path.resolve(__dirname, '..')

function run(command, args, cwd, env = {}) {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** The fenced block of `language` that follows `heading` in the README. */
function readmeBlock(heading, language) {
  const readme = fs.readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf(heading))
  const match = section.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'))
  assert.ok(match, `no ${language} block after "${heading}" in the README`)
  return match[1]
}

function tarballFiles(tarball) {
  return run('tar', ['tzf', tarball], PACKAGE_DIR).trim().split('\n').map((f) => f.replace(/^package\//, ''))
}

test('packed, installed into an npm init -y project, compiled by tsc --strict, run there', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imburse-pack-'))
  const emulator = await startEmulator([])
  try {
    const [platformTarball, mainTarball] = run('bash', ['scripts/pack.sh', work], PACKAGE_DIR).trim().split('\n')
    const platformFiles = tarballFiles(platformTarball)
    assert.deepEqual(platformFiles.sort(), ['LICENSE', 'README.md', 'imburse.linux-x64-gnu.node', 'package.json'])
    const mainFiles = tarballFiles(mainTarball)
    for (const expected of ['index.js', 'index.mjs', 'index.d.ts', 'native.js', 'native.d.ts', 'lib/client.js', 'lib/errors.js',
      'lib/testing.js', 'testing.mjs', 'testing.d.ts', 'bin/imburse-emulator.js', 'LICENSE', 'README.md']) {
      assert.ok(mainFiles.includes(expected), `${expected} missing from ${mainFiles.join(', ')}`)
    }
    assert.ok(!mainFiles.some((f) => f.endsWith('.node') || f.startsWith('src/') || f.startsWith('test/')), mainFiles.join(', '))
    const manifest = JSON.parse(run('tar', ['xzf', mainTarball, '-O', 'package/package.json'], PACKAGE_DIR))
    assert.deepEqual(manifest.optionalDependencies, { 'imburse-linux-x64-gnu': manifest.version })

    // A new project, set up as the README says.
    const project = path.join(work, 'app')
    fs.mkdirSync(project)
    for (const line of readmeBlock('### In a new project', 'sh').split('\n')) {
      const command = line.replace(/#.*/, '').trim()
      if (!command) continue
      // The README installs from the registry; here the same packages come from the tarballs.
      const args = command.split(/\s+/)
      if (args[0] === 'npm' && args[1] === 'install' && args.includes('imburse')) {
        run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', platformTarball, mainTarball], project)
      } else if (args[0] === 'npm') {
        run('npm', [...args.slice(1), ...(args[1] === 'install' ? ['--no-audit', '--no-fund', '--prefer-offline'] : [])], project)
      } else {
        assert.fail(`unexpected command in the README: ${command}`)
      }
    }
    fs.writeFileSync(path.join(project, 'tsconfig.json'), readmeBlock('### In a new project', 'json'))
    fs.writeFileSync(path.join(project, 'quickstart.ts'), readmeBlock('## Quickstart (TypeScript)', 'ts'))
    fs.copyFileSync(path.join(PACKAGE_DIR, 'examples', 'quickstart.ts'), path.join(project, 'emulated.ts'))
    assert.equal(JSON.parse(fs.readFileSync(path.join(project, 'tsconfig.json'), 'utf8')).compilerOptions.strict, true)
    run(path.join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], project)

    // The addon comes from the platform package, as it will from the registry.
    const resolved = run(process.execPath, ['-p', "require.resolve('imburse-linux-x64-gnu')"], project).trim()
    assert.ok(resolved.endsWith(path.join('node_modules', 'imburse-linux-x64-gnu', 'imburse.linux-x64-gnu.node')), resolved)
    const out = run(process.execPath, ['emulated.js'], project, { IMBURSE_BASE_URL: emulator.url })
    assert.match(out, /^created: HTTP 202 after 1 attempt\(s\)$/m)
    assert.match(out, /^INCOMPLETE 49\.99 GBP/m)
    assert.match(out, /^not found \(correlation id /m)
    const probe = `
      const { Client, ConfigurationError } = require('imburse')
      import('imburse').then((esm) => {
        try { new Client({ maxAttempts: 0 }) } catch (e) {
          console.log(e instanceof ConfigurationError && e instanceof esm.ConfigurationError ? 'loaded' : 'mismatch')
        }
      })`
    fs.writeFileSync(path.join(project, 'probe.cjs'), probe)
    assert.equal(run(process.execPath, ['probe.cjs'], project).trim(), 'loaded')

    // The emulator as a command, linked by npm into the project's bin directory.
    const schema = JSON.parse(run('npx', ['--no-install', 'imburse-emulator', '--print-config-schema'], project))
    assert.equal(schema.title, 'EmulatorConfig')
    assert.ok(schema.properties.readings, 'the schema describes the readings')

    // "Testing your integration" as a user runs it: the README's test file, against the
    // emulator the installed package carries.
    fs.copyFileSync(path.join(PACKAGE_DIR, 'examples', 'integration.test.mjs'), path.join(project, 'integration.test.mjs'))
    const integration = runUserTest('integration.test.mjs', project)
    assert.equal(integration.status, 0, integration.stdout + integration.stderr)
    assert.match(integration.stdout, /# pass 5/)
  } finally {
    await emulator.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
})
