'use strict'
// `imburse/testing`: an Imburse emulator inside this process, served by the package's own
// native addon, on a free loopback port. The control methods (reset, armFault, requests,
// expireTokens, setInstructionStatus, …) are the native emulator's, generated from the
// emulator's declaration; this layer adds the client settings, a client bound to it, and
// `fault(spec)` taking the spec as an object.

const { inspect } = require('node:util')
const native = require('../native.js')
const { Client } = require('./client.js')

class Emulator extends native.NativeEmulator {
  /**
   * Starts the demo configuration (one account, one tenant, a key with every role), or the
   * accounts, tenants, keys and roles of `config` (the emulator's configuration file as an
   * object; fields left out take the demo's values). An invalid `config` throws.
   */
  static async start(config) {
    // The native factory binds the socket at once (a Promise keeps the shape of `stop()`) and
    // makes a native instance, which becomes an Emulator: its native methods work on any
    // object the addon made, whatever its prototype.
    const started = native.NativeEmulator.startNative(config === undefined ? undefined : JSON.stringify(config))
    Object.setPrototypeOf(started, Emulator.prototype)
    return started
  }

  /** The base URL, e.g. `http://127.0.0.1:50123`. */
  get url() {
    return this.info.url
  }

  /** The options of a client for the demo key, account and tenant. */
  clientOptions() {
    const { url, publicKey, privateKey, accountId, tenantId } = this.info
    return { baseUrl: url, publicKey, privateKey, accountId, tenantId }
  }

  /** A `Client` bound to this emulator; `options` override or add to the demo ones. */
  client(options = {}) {
    return new Client({ ...this.clientOptions(), ...options })
  }

  /**
   * Arms a fault given as an object, e.g. `fault({ action: 'respond', status: 503, times: 2 })`:
   * `armFault` with the object as JSON. Returns its id; an invalid spec throws.
   */
  fault(spec) {
    return this.armFault(JSON.stringify(spec))
  }

  [inspect.custom]() {
    return `Emulator { url: '${this.info.url}'${this.running ? '' : ', stopped'} }`
  }
}

// `await using emulator = await Emulator.start()` where the runtime has explicit resource
// management.
if (Symbol.asyncDispose) {
  Emulator.prototype[Symbol.asyncDispose] = function dispose() {
    return this.stop()
  }
}

module.exports = { Emulator }
