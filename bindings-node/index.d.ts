// Types of the `imburse` package. The data shapes (requests, results, options, events) and the
// native client's operations are generated from the Rust binding into `native.d.ts`; the
// client's operation methods are typed from those here, and the client's own members and the
// error classes (written in JavaScript) are declared below.

import { EventEmitter } from 'node:events'
import type {
  AttemptEvent,
  CallCanceller,
  CallOptions as NativeCallOptions,
  ClientOptions,
  ErrorEntry,
  NativeClient,
} from './native'

// Every data type the native declaration has (requests, results, options, events), so a type
// added in the core is exported here without a line of its own; `CallOptions` below extends
// the native one and takes its place.
export type * from './native'
/** The native per-call options, which {@link CallOptions} extends with `signal`. */
export type { NativeCallOptions }

/** Per-call options. */
export interface CallOptions extends NativeCallOptions {
  /** Cancels the call: the request in flight is dropped and the call rejects with `AbortError`. */
  signal?: AbortSignal
}

/** The events a client emits. */
export interface ClientEvents {
  /** One per HTTP attempt (the token exchange included), when it finished. */
  attempt: [event: AttemptEvent]
}

/** The native client's members that are not operations (the binding's own). */
export type NativeOwnMembers = 'userAgent' | 'baseUrl' | 'close' | 'setAttemptListening'

/** A native method's arguments without its two trailing ones (call options, canceller). */
export type OperationArguments<P extends unknown[]> = P extends [
  ...infer Head,
  (NativeCallOptions | undefined | null)?,
  (CallCanceller | undefined | null)?,
]
  ? Head
  : never

/** A page as the native pagers return it: `data` lists `results`. */
export interface PageResponse {
  data: { results: unknown[] }
}

/**
 * Every item of a paged list, read lazily: `for await (const item of pager)` reads the next page
 * only when the previous one's items are used up, and stops after the last page. A page that
 * fails rejects where it is reached (with its correlation id); asking again reads it again.
 */
export declare class Pager<R extends PageResponse> implements AsyncIterable<R['data']['results'][number]> {
  /** The next page with the list's totals (`currentPage`, `pageCount`, `totalCount`, …), or `null` after the last. */
  nextPage(options?: { signal?: AbortSignal }): Promise<R | null>
  /** The pages left, in order. */
  byPage(options?: { signal?: AbortSignal }): AsyncGenerator<R, void, undefined>
  [Symbol.asyncIterator](): AsyncGenerator<R['data']['results'][number], void, undefined>
}

/** The public form of a native operation: the same arguments, then the per-call options. A
 * paged list (`listMandates(pageSize?, options?)`) gives a {@link Pager}. */
export type PublicOperation<F> = F extends (...args: infer P) => Promise<infer R>
  ? (...args: [...OperationArguments<P>, options?: CallOptions]) => Promise<R extends undefined ? void : R>
  : F extends (pageSize?: number | undefined | null, options?: NativeCallOptions | undefined | null) => {
        nextPage(cancel?: CallCanceller | undefined | null): Promise<infer R>
      }
    ? (pageSize?: number | null, options?: CallOptions) => Pager<Extract<NonNullable<R>, PageResponse>>
    : never

/**
 * Every operation, one method each, typed from the native client's declaration (which is
 * generated from the core's): `name(...arguments, options?)`, e.g. `getOrder(orderRef, options)`.
 */
export type Operations = {
  [K in Exclude<keyof NativeClient, NativeOwnMembers>]: PublicOperation<NativeClient[K]>
}

/**
 * The Imburse API client. One connection pool and one cached access token per client: share
 * one client across your application, and `close()` it when done. Its operations are the
 * methods of {@link Operations}.
 */
export interface Client extends Operations {}
export declare class Client extends EventEmitter<ClientEvents> {
  /** Builds a client; a bad setting throws a `ConfigurationError` naming it. */
  constructor(options?: ClientOptions)
  /**
   * A client configured from `IMBURSE_PUBLIC_KEY`, `IMBURSE_PRIVATE_KEY`, `IMBURSE_ACCOUNT_ID`,
   * `IMBURSE_TENANT_ID` and `IMBURSE_BASE_URL` or `IMBURSE_ENVIRONMENT`, overridden by `options`.
   */
  static fromEnv(options?: ClientOptions): Client
  /** The `User-Agent` every request carries. */
  readonly userAgent: string
  /** The base URL requests go to, ending in `/`. */
  readonly baseUrl: string
  /**
   * Closes the client, the same in every language: later calls reject with
   * `ClientClosedError` and send nothing; calls already started finish. Closing twice is
   * harmless.
   */
  close(): void

  toJSON(): { baseUrl: string; userAgent: string; closed: boolean }
}

/** The core's stable error kinds. */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'request_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'invalid_response'
  | 'invalid_request'
  | 'configuration'
  | 'closed'

/** The fields an `ImburseError` is built from: the core's error report. */
export interface ImburseErrorInit {
  /** The one-line text, which becomes `message`. */
  text: string
  kind?: string
  detail?: string
  status?: number | null
  code?: string | null
  errors?: ErrorEntry[]
  correlationId?: string | null
  clientCorrelationId?: string | null
  attempts?: number
  retryAfterMs?: number | null
  rawBody?: string | null
}

/** Any failure the SDK reports. `message` is one line and never holds a key or a token. */
export declare class ImburseError extends Error {
  /** Built by the SDK; public so that tests can fake one. */
  constructor(init?: ImburseErrorInit)
  /** The core's error kind. */
  readonly kind: ErrorKind | (string & {})
  /** The HTTP status of the response that produced the error; null when none did. */
  readonly status: number | null
  /** The first entry's code, e.g. `ORDER_NOT_FOUND`. */
  readonly code: string | null
  /** Every entry, in the server's order. */
  readonly errors: readonly ErrorEntry[]
  /** The server's correlation id: quote it to Imburse support. */
  readonly correlationId: string | null
  /** The `X-Correlation-ID` the SDK sent with every attempt of the call. */
  readonly clientCorrelationId: string | null
  /** How many attempts the call made (0 when nothing was sent). */
  readonly attempts: number
  /** The server's first message, or a description of the failure. */
  readonly detail: string
  /** How long the server asked to wait, in milliseconds; null when it did not say. */
  readonly retryAfterMs: number | null
  /** The start (at most 8 KiB) of a response body, for logging bodies the SDK could not parse. */
  readonly rawBody: string | null
}

/** HTTP 400 and other unlisted 4xx (including the API's `*_NOT_FOUND` answers). */
export declare class BadRequestError extends ImburseError {}
/** HTTP 401: the key pair or the access token was refused. */
export declare class AuthenticationError extends ImburseError {}
/** HTTP 402: valid parameters, but the request failed. */
export declare class RequestFailedError extends ImburseError {}
/** HTTP 403: the key's role or tenant does not allow the operation. */
export declare class PermissionDeniedError extends ImburseError {}
/** HTTP 404. */
export declare class NotFoundError extends ImburseError {}
/** HTTP 409. */
export declare class ConflictError extends ImburseError {}
/** HTTP 429. */
export declare class RateLimitError extends ImburseError {}
/** HTTP 5xx. */
export declare class ServerError extends ImburseError {}
/** An attempt or the whole call ran out of time. */
export declare class TimeoutError extends ImburseError {}
/** The connection could not be made or broke before a complete answer. */
export declare class ConnectionError extends ImburseError {}
/** A success whose body is unusable. */
export declare class InvalidResponseError extends ImburseError {}
/** Refused before sending (nothing was sent): every problem is in `errors`. */
export declare class InvalidRequestError extends ImburseError {}
/** The client settings were refused; thrown by the constructor. */
export declare class ConfigurationError extends ImburseError {}
/** A call made after `close()`; nothing was sent. */
export declare class ClientClosedError extends ImburseError {}

/** A call stopped by its `AbortSignal`; `cause` is the signal's reason. */
export declare class AbortError extends Error {
  constructor(reason?: unknown)
  readonly code: 'ABORT_ERR'
}
