'use strict'
// A paged list as JavaScript walks it: `for await (const item of pager)` over every item, each
// page read only when the previous one's items are used up; `byPage()` for the pages with their
// totals; `nextPage()` for one page. The pages, their order and when the list ends are the
// core's; this layer only shapes them for JavaScript.

const { withSignal } = require('./signal.js')

/**
 * Every item of a paged list, read lazily. A page that fails rejects where it is reached, as
 * the package's error class with its correlation id; asking again reads the same page.
 */
class Pager {
  #native
  #signal

  constructor(nativePager, signal) {
    this.#native = nativePager
    this.#signal = signal
  }

  /** The next page (`{data, meta}`, `data` with the list's totals), or `null` after the last. */
  nextPage(options = {}) {
    return withSignal(options?.signal ?? this.#signal, (canceller) => this.#native.nextPage(canceller))
  }

  /** The pages left, in order. */
  async *byPage(options = {}) {
    for (;;) {
      const page = await this.nextPage(options)
      if (page === null) return
      yield page
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const page of this.byPage()) {
      yield* page.data.results
    }
  }
}

module.exports = { Pager }
