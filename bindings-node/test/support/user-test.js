'use strict'
// Runs a test file with `node --test` as a user would: its own run (not a subtest of the
// suite running this), TAP output, in `cwd`.

const { spawnSync } = require('node:child_process')

/** The finished run: `status`, `stdout`, `stderr`. */
function runUserTest(file, cwd) {
  const { NODE_TEST_CONTEXT, ...outside } = process.env
  return spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { cwd, encoding: 'utf8', env: outside })
}

module.exports = { runUserTest }
