// ES module entry of `imburse/testing`: the same class as the CommonJS entry.
import testing from './lib/testing.js'

export const { Emulator } = testing

export default testing
