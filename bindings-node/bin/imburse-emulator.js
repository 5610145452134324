#!/usr/bin/env node
'use strict'
// `imburse-emulator` (also `npx imburse-emulator`): the emulator in the package's native addon
// as a command, with the flags, defaults and refusals of the core's. It prints one JSON line
// with the URL and credentials once it listens, then serves until SIGINT or SIGTERM.

const { runEmulatorCommand } = require('../native.js')

// The command stops itself on SIGINT and SIGTERM. Listening hands both signals to Node's event
// loop, whose handler only records them, instead of Node's default exit-on-signal handler.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {})
process.exitCode = runEmulatorCommand(['imburse-emulator', ...process.argv.slice(2)])
