// ES module entry: the same classes as the CommonJS entry (one copy, so `instanceof` holds
// whichever way a program loads the package).
import imburse from './index.js'

export const {
  Client,
  Pager,
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
} = imburse

export default imburse
