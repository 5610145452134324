// Types of `imburse/testing`. The emulator's control methods and records are generated from
// the Rust binding into `native.d.ts` (from the emulator's declaration); the members this
// package's JavaScript layer adds are declared here.

import type { Client, ClientOptions } from './index'
import type { EmulatorInfo, NativeEmulator, ReceivedRequest } from './native'

export type { EmulatorInfo, ReceivedRequest }

/** A fault as the emulator's control API takes it (see the README's fault list). */
export interface FaultSpec {
  /** `respond`, `delay`, `drop_before_read`, `drop_after_read`, `truncate_body`, `corrupt_body`, `html` or `oversized_body`. */
  action: 'respond' | 'delay' | 'drop_before_read' | 'drop_after_read' | 'truncate_body' | 'corrupt_body' | 'html' | 'oversized_body'
  /** The HTTP method to match (any when absent). */
  method?: string
  /** A path pattern; `*` matches any run of characters. */
  path?: string
  /** How many matching requests it applies to (default 1). */
  times?: number
  /** With a chance per matching request (0 to 1) instead of the next `times`. */
  probability?: number
  /** Seeds the draws of a `probability` fault. */
  seed?: number
  /** The action's own fields: `status`, `retry_after`, `body`, `error_code`, `ms`, `process_after_ms`, … */
  [field: string]: unknown
}

/**
 * An Imburse emulator inside this process, on a free loopback port, with a demo account,
 * tenant and key. Start it with `await Emulator.start()`, stop it with `await emulator.stop()`
 * (or `await using`).
 */
export declare class Emulator extends NativeEmulator {
  /**
   * Starts the demo configuration, or the accounts, tenants, keys and roles of `config` (the
   * emulator's configuration file as an object; fields left out take the demo's values).
   */
  static start(config?: Record<string, unknown>): Promise<Emulator>
  /** The base URL. */
  get url(): string
  /** The options of a client for the demo key, account and tenant. */
  clientOptions(): ClientOptions
  /** A `Client` bound to this emulator; `options` override or add to the demo ones. */
  client(options?: ClientOptions): Client
  /** Arms a fault given as an object; returns its id. An invalid spec throws. */
  fault(spec: FaultSpec): number
  [Symbol.asyncDispose](): Promise<void>
}
