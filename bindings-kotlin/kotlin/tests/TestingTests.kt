// com.imburse.testing.TestEmulator: the in-process emulator the library carries, its control
// methods (generated from the emulator's declaration) and a client bound to it.
package com.imburse.tests

import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.ImburseException
import com.imburse.core.NewOrder
import com.imburse.core.Secret
import com.imburse.testing.ControlException
import com.imburse.testing.TestEmulator
import com.imburse.testing.TestSuite
import com.imburse.testing.assertEquals
import com.imburse.testing.assertThrows
import com.imburse.testing.check

/** A client for the emulator's demo key, account and tenant. */
fun TestEmulator.clientConfig(): ClientConfig = info().let {
    ClientConfig(publicKey = it.publicKey, privateKey = Secret(it.privateKey), accountId = it.accountId, tenantId = it.tenantId, baseUrl = it.url)
}

fun registerTestingTests(suite: TestSuite) = with(suite) {
    test("TestEmulator: a client reaches the in-process emulator, which shows what it received") {
        TestEmulator.startBlocking().use { emulator ->
            check(emulator.info().url.startsWith("http://127.0.0.1:")) { "url: ${emulator.info().url}" }
            Client(emulator.clientConfig()).use { client ->
                client.createOrder(NewOrder(orderRef = "ORDER-1"), com.imburse.CallOptions(correlationId = "t-1"))
            }
            val seen = emulator.requests()
            assertEquals(listOf("/v1/identity/hmac" to 201, "/v1/order-management" to 201), seen.map { it.path to it.status }, "requests")
            assertEquals("t-1", seen[1].clientCorrelationId, "correlation id")
            check(emulator.info().privateKey !in seen.toString()) { "credentials are masked" }
            emulator.reset()
            assertEquals(0, emulator.requests().size, "requests after reset")
            emulator.stopBlocking()
        }
    }

    test("TestEmulator: a fault strikes the matching call; refused operations throw ControlException") {
        TestEmulator.startBlocking().use { emulator ->
            val id = emulator.armFault("""{"action":"respond","status":503,"method":"GET","times":1}""")
            check(id >= 1) { "fault id $id" }
            Client(emulator.clientConfig().copy(backoffBase = java.time.Duration.ofMillis(10))).use { client ->
                assertEquals(2, client.getOrCreateCustomer("CUST-1").meta.attempts, "attempts")
            }
            assertEquals(listOf(503 to "respond", 200 to null), emulator.requests().filter { it.method == "GET" }.map { it.status to it.fault }, "GETs")
            val bad = assertThrows<ControlException.Refused>("bad fault") { emulator.armFault("""{"action":"explode"}""") }
            check(bad.message!!.startsWith("invalid fault")) { "message: ${bad.message}" }
            assertThrows<ControlException.Refused>("no instruction") {
                emulator.setInstructionStatus(emulator.info().tenantId, "NOPE", "I-1", "SETTLED")
            }
            emulator.stopBlocking()
            check(!emulator.running()) { "stopped" }
            assertThrows<ControlException.Stopped>("stopped") { emulator.reset() }
            Client(emulator.clientConfig().copy(maxAttempts = 1)).use { client ->
                assertThrows<ImburseException.Connection>("nothing listens") { client.getOrder("ORDER-1") }
            }
        }
    }
}
