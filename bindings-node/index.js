'use strict'
// The `imburse` package: a Promise-based client for the Imburse Payments API, backed by the
// Rust core through a native addon.

const { Client } = require('./lib/client.js')
const { Pager } = require('./lib/pages.js')
const errors = require('./lib/errors.js')

module.exports = {
  Client,
  Pager,
  ImburseError: errors.ImburseError,
  BadRequestError: errors.BadRequestError,
  AuthenticationError: errors.AuthenticationError,
  RequestFailedError: errors.RequestFailedError,
  PermissionDeniedError: errors.PermissionDeniedError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  RateLimitError: errors.RateLimitError,
  ServerError: errors.ServerError,
  TimeoutError: errors.TimeoutError,
  ConnectionError: errors.ConnectionError,
  InvalidResponseError: errors.InvalidResponseError,
  InvalidRequestError: errors.InvalidRequestError,
  ConfigurationError: errors.ConfigurationError,
  ClientClosedError: errors.ClientClosedError,
  AbortError: errors.AbortError,
}
