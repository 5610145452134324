'use strict'
// The error classes, and the one place where a native rejection becomes one of them.
//
// The native layer rejects with an Error carrying the core's error report as `imburseReport`
// (src/errors.rs). `convertError` picks the class from the report's stable `kind`; every field
// comes from the core unchanged.

const ABORTED_REASON = 'IMBURSE_ABORTED'

/** Any failure the Imburse SDK reports. Subclasses name the core's error kind. */
class ImburseError extends Error {
  /**
   * Built by the SDK from the core's error; public so that tests can fake one.
   * @param {object} init the fields below, `message` included
   */
  constructor(init = {}) {
    super(init.text ?? init.message ?? '')
    this.kind = init.kind ?? new.target.kind ?? null
    this.status = init.status ?? null
    this.code = init.code ?? null
    this.errors = (init.errors ?? []).map((entry) =>
      Object.freeze({
        code: entry.code,
        message: entry.message ?? '',
        messageTemplate: entry.messageTemplate ?? null,
        metadata: Object.freeze({ ...entry.metadata }),
      }),
    )
    this.correlationId = init.correlationId ?? null
    this.clientCorrelationId = init.clientCorrelationId ?? null
    this.attempts = init.attempts ?? 0
    this.detail = init.detail ?? ''
    this.retryAfterMs = init.retryAfterMs ?? null
    // Up to 8 KiB of a body the SDK could not parse: kept for logging, hidden from inspect.
    Object.defineProperty(this, 'rawBody', { value: init.rawBody ?? null, enumerable: false })
  }
}

/** `kind` string of the core → class. Unknown future kinds fall back to `ImburseError`. */
const CLASSES = {}

function defineKind(kind, className) {
  const cls = { [className]: class extends ImburseError {} }[className]
  Object.defineProperty(cls, 'kind', { value: kind })
  Object.defineProperty(cls.prototype, 'name', { value: className, writable: true, configurable: true })
  CLASSES[kind] = cls
  return cls
}

Object.defineProperty(ImburseError.prototype, 'name', { value: 'ImburseError', writable: true, configurable: true })

const BadRequestError = defineKind('bad_request', 'BadRequestError')
const AuthenticationError = defineKind('unauthorized', 'AuthenticationError')
const RequestFailedError = defineKind('request_failed', 'RequestFailedError')
const PermissionDeniedError = defineKind('forbidden', 'PermissionDeniedError')
const NotFoundError = defineKind('not_found', 'NotFoundError')
const ConflictError = defineKind('conflict', 'ConflictError')
const RateLimitError = defineKind('rate_limited', 'RateLimitError')
const ServerError = defineKind('server', 'ServerError')
const TimeoutError = defineKind('timeout', 'TimeoutError')
const ConnectionError = defineKind('connection', 'ConnectionError')
const InvalidResponseError = defineKind('invalid_response', 'InvalidResponseError')
const InvalidRequestError = defineKind('invalid_request', 'InvalidRequestError')
const ConfigurationError = defineKind('configuration', 'ConfigurationError')
const ClientClosedError = defineKind('closed', 'ClientClosedError')

/** A call stopped by its `AbortSignal`; `cause` is the signal's reason. */
class AbortError extends Error {
  constructor(reason) {
    super('The operation was aborted', reason === undefined ? undefined : { cause: reason })
    this.code = 'ABORT_ERR'
  }
}
Object.defineProperty(AbortError.prototype, 'name', { value: 'AbortError', writable: true, configurable: true })

/** Kept in sync with src/errors.rs. */
const REPORT_PROPERTY = 'imburseReport'

/** Codes napi-rs gives a value it could not convert to the Rust type a method declares. */
const ARGUMENT_CODES = /^(InvalidArg|[A-Za-z]+Expected)$/

/**
 * A native rejection as the error a user catches: a core error as its class, a cancelled call
 * as `AbortError`, an argument of the wrong type as `TypeError` (nothing was sent); anything
 * else passes through unchanged.
 */
// What a JavaScript caller passed, in JavaScript's words, for the napi conversion messages
// ("Failed to convert napi value String into rust type `i64` on ClientOptions.maxAttempts").
const RUST_TYPES = [
  [/^[iuf](8|16|32|64|128|size)$/, 'a number'],
  [/^(String|&str|str)$/, 'a string'],
  [/^bool$/, 'a boolean'],
  [/^Vec</, 'an array'],
]

function jsKind(rustType) {
  const found = RUST_TYPES.find(([pattern]) => pattern.test(rustType))
  return found ? found[1] : 'an object'
}

function jsValue(description) {
  const kind = description.trim().split(/\s+/)[0].toLowerCase()
  if (kind === 'undefined' || kind === 'null') return kind
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}

/** `on CallOptions.timeoutMs` → `timeoutMs`, a nested object's path joined (the root type dropped). */
function jsPath(chain) {
  const parts = chain.split(' on ').reverse()
  const [root, ...rest] = parts
  const names = [root.split('.').slice(1).join('.'), ...rest.map((p) => p.split('.').slice(1).join('.'))]
  return names.filter(Boolean).join('.')
}

function inJavaScriptTerms(message) {
  let match = message.match(/^Failed to convert (?:napi value (\w+)|JavaScript value `([^`]*)`) into rust type `([^`]+)`(?: on (.+))?$/s)
  if (match) {
    const [, napiKind, jsDescription, rustType, chain] = match
    const given = jsValue(napiKind ?? jsDescription)
    const what = chain ? jsPath(chain) : 'an argument'
    return `${what} must be ${jsKind(rustType)}, not ${given}`
  }
  match = message.match(/^Missing field `(\w+)`(?: on (.+))?$/s)
  if (match) {
    const [, field, chain] = match
    const where = chain ? jsPath(chain) : ''
    return `${where ? `${where}: ` : ''}${field} is required`
  }
  return message
}

function convertError(error, signal) {
  const report = error?.[REPORT_PROPERTY]
  if (report !== undefined) {
    const cls = CLASSES[report.kind] ?? ImburseError
    const converted = new cls(report)
    Error.captureStackTrace(converted, convertError)
    return converted
  }
  const message = typeof error?.message === 'string' ? error.message : ''
  if (message === ABORTED_REASON) {
    const aborted = new AbortError(signal?.reason)
    Error.captureStackTrace(aborted, convertError)
    return aborted
  }
  if (typeof error?.code === 'string' && ARGUMENT_CODES.test(error.code)) {
    const wrongType = new TypeError(inJavaScriptTerms(message))
    wrongType.code = 'ERR_INVALID_ARG_TYPE'
    Error.captureStackTrace(wrongType, convertError)
    return wrongType
  }
  return error
}

module.exports = {
  ImburseError,
  BadRequestError,
  AuthenticationError,
  RequestFailedError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ConnectionError,
  InvalidResponseError,
  InvalidRequestError,
  ConfigurationError,
  ClientClosedError,
  AbortError,
  convertError,
}
