'use strict'
// The public client: the native client's methods as Promises, with AbortSignal support,
// errors converted to their classes, and per-attempt events on an EventEmitter.
//
// Nothing here decides behaviour: settings, validation, retries and correlation ids are the
// core's. This layer only shapes arguments and results for JavaScript.

const { EventEmitter } = require('node:events')
const { inspect } = require('node:util')
const native = require('../native.js')
const { convertError } = require('./errors.js')
const { Pager } = require('./pages.js')
const { withSignal } = require('./signal.js')

const FROM_ENV = Symbol('imburse.fromEnv')

/** A native rejection as the package's error class. */
function rejected(error) {
  throw convertError(error)
}

/**
 * Runs one native call with the per-call options, honouring `options.signal`. Without options
 * (the common case) the native promise is returned with only its rejection converted: no
 * options object, canceller or extra promise is made.
 */
function invoke(nativeClient, method, args, options) {
  if (options === undefined || options === null) {
    let pending
    try {
      pending = nativeClient[method](...args)
    } catch (error) {
      // A wrong argument type throws before the call starts: the caller still gets a rejection.
      return Promise.reject(convertError(error))
    }
    return pending.catch(rejected)
  }
  return invokeWithOptions(nativeClient, method, args, options)
}

function invokeWithOptions(nativeClient, method, args, options) {
  const { signal, ...callOptions } = options
  return withSignal(signal, (canceller) => nativeClient[method](...args, nativeOptions(callOptions), canceller))
}

/** The native CallOptions (declared once, in Rust) for the rest; `null` means "not given", as
 * `undefined` does. */
function nativeOptions(callOptions) {
  const given = {}
  for (const key of Object.keys(callOptions)) given[key] = callOptions[key] ?? undefined
  return given
}

/**
 * The Imburse API client. One connection pool and one cached access token per client; share
 * one client across your application. Emits `'attempt'` with one event per HTTP attempt.
 */
class Client extends EventEmitter {
  #native
  #closed = false

  /** Builds a client; a bad setting throws a `ConfigurationError` naming it. */
  constructor(options = {}) {
    super()
    // The native side holds this callback for the client's life; through a WeakRef it does not
    // keep the Client itself alive, so an unclosed client can still be collected.
    const self = new WeakRef(this)
    const onAttempt = (event) => {
      self.deref()?.emit('attempt', event)
    }
    const { [FROM_ENV]: fromEnv = false, ...settings } = options ?? {}
    try {
      this.#native = new native.NativeClient(settings, fromEnv, process.version, onAttempt)
    } catch (error) {
      throw convertError(error)
    }
    // Events cross into JavaScript only while someone listens: without a listener an attempt
    // costs nothing here.
    this.on('newListener', (event) => {
      if (event === 'attempt') this.#native.setAttemptListening(true)
    })
    this.on('removeListener', (event) => {
      if (event === 'attempt') this.#native.setAttemptListening(this.listenerCount('attempt') > 0)
    })
  }

  /** A client configured from `IMBURSE_*` environment variables, overridden by `options`. */
  static fromEnv(options = {}) {
    return new Client({ ...options, [FROM_ENV]: true })
  }

  /** The `User-Agent` every request carries (names Node, its version and the SDK version). */
  get userAgent() {
    return this.#native.userAgent
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return this.#native.baseUrl
  }

  /**
   * Closes the client as the core defines it, the same in every language: later calls reject
   * with `ClientClosedError` and send nothing; calls already started finish. Closing twice is
   * harmless.
   */
  close() {
    this.#closed = true
    this.#native.close()
  }

  #call(method, args, options) {
    return invoke(this.#native, method, args, options)
  }

  // One method per operation of the native client, generated from the core's declaration:
  // `name(...arguments, options)`, e.g. `getOrder(orderRef, options)`.
  static {
    for (const { name, arguments: count } of native.operations()) {
      const method = function (...args) {
        // Exactly `count` arguments before the options, however many the caller gave.
        const options = args[count]
        args.length = count
        return this.#call(name, args, options)
      }
      Object.defineProperty(method, 'name', { value: name })
      Object.defineProperty(Client.prototype, name, { value: method, writable: true, configurable: true })
    }
    // One method per paged list: `listX(pageSize, options)` gives a `Pager`, which reads nothing
    // until it is iterated; `options.signal` cancels whichever page is being read.
    for (const name of native.pagedLists()) {
      const method = function (pageSize, options) {
        const { signal, ...callOptions } = options ?? {}
        let nativePager
        try {
          nativePager = this.#native[name](pageSize ?? undefined, nativeOptions(callOptions))
        } catch (error) {
          throw convertError(error)
        }
        return new Pager(nativePager, signal)
      }
      Object.defineProperty(method, 'name', { value: name })
      Object.defineProperty(Client.prototype, name, { value: method, writable: true, configurable: true })
    }
  }

  toJSON() {
    return { baseUrl: this.baseUrl, userAgent: this.userAgent, closed: this.#closed }
  }

  [inspect.custom](depth, options, inspectFn) {
    return `Client ${inspectFn(this.toJSON(), options)}`
  }
}

module.exports = { Client }
