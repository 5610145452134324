'use strict'
// An `AbortSignal` over one native call: an aborted signal rejects before anything starts, an
// abort during the call fires the call's native canceller (dropping its future), and a native
// rejection becomes the package's error class.

const native = require('../native.js')
const { AbortError, convertError } = require('./errors.js')

/** Runs `start(canceller)` (a native call's promise), cancelled by `signal` if it aborts. */
async function withSignal(signal, start) {
  if (signal?.aborted) {
    throw new AbortError(signal.reason)
  }
  let canceller = null
  let onAbort = null
  if (signal) {
    canceller = new native.CallCanceller()
    onAbort = () => canceller.cancel()
    signal.addEventListener('abort', onAbort, { once: true })
  }
  try {
    return await start(canceller)
  } catch (error) {
    throw convertError(error, signal)
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

module.exports = { withSignal }
