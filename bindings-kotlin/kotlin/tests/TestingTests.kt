// com.imburse.testing.TestEmulator: the in-process emulator the library carries, its control
// methods (generated from the emulator's declaration) and a client bound to it.
package com.imburse.tests

import com.imburse.BlockingClient
import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.ImburseException
import com.imburse.asFlow
import com.imburse.asIterable
import com.imburse.asSequence
import com.imburse.core.Direction
import com.imburse.core.NewInstruction
import com.imburse.core.NewOrder
import com.imburse.core.Secret
import com.imburse.testing.ControlException
import com.imburse.testing.TestEmulator
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** A client for the emulator's demo key, account and tenant. */
fun TestEmulator.clientConfig(): ClientConfig = info().let {
    ClientConfig(publicKey = it.publicKey, privateKey = Secret(it.privateKey), accountId = it.accountId, tenantId = it.tenantId, baseUrl = it.url)
}

class TestingTests {
    @Test
    fun `TestEmulator - a client reaches the in-process emulator, which shows what it received`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            assertTrue(emulator.info().url.startsWith("http://127.0.0.1:"), "url: ${emulator.info().url}")
            Client(emulator.clientConfig()).use { client ->
                client.createOrder(NewOrder(orderRef = "ORDER-1"), com.imburse.CallOptions(correlationId = "t-1"))
            }
            val seen = emulator.requests()
            assertEquals(listOf("/v1/identity/hmac" to 201, "/v1/order-management" to 201), seen.map { it.path to it.status }, "requests")
            assertEquals("t-1", seen[1].clientCorrelationId, "correlation id")
            assertTrue(emulator.info().privateKey !in seen.toString(), "credentials are masked")
            emulator.reset()
            assertEquals(0, emulator.requests().size, "requests after reset")
            emulator.stopBlocking()
        }
    }

    @Test
    fun `TestEmulator - a fault strikes the matching call refused operations throw ControlException`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            val id = emulator.armFault("""{"action":"respond","status":503,"method":"GET","times":1}""")
            assertTrue(id >= 1, "fault id $id")
            Client(emulator.clientConfig().copy(backoffBase = java.time.Duration.ofMillis(10))).use { client ->
                assertEquals(2, client.getOrCreateCustomer("CUST-1").meta.attempts, "attempts")
            }
            assertEquals(listOf(503 to "respond", 200 to null), emulator.requests().filter { it.method == "GET" }.map { it.status to it.fault }, "GETs")
            val bad = assertFailsWith<ControlException.Refused>("bad fault") { emulator.armFault("""{"action":"explode"}""") }
            assertTrue(bad.message!!.startsWith("invalid fault"), "message: ${bad.message}")
            assertFailsWith<ControlException.Refused>("no instruction") {
                emulator.setInstructionStatus(emulator.info().tenantId, "NOPE", "I-1", "SETTLED")
            }
            emulator.stopBlocking()
            assertTrue(!emulator.running(), "stopped")
            assertFailsWith<ControlException.Stopped>("stopped") { emulator.reset() }
            Client(emulator.clientConfig().copy(maxAttempts = 1)).use { client ->
                assertFailsWith<ImburseException.Connection>("nothing listens") { client.getOrder("ORDER-1") }
            }
        }
    }

    @Test
    fun `TestEmulator - a settled collection shows its transaction and refund`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            val instruction = NewInstruction(instructionRef = "I-1", customerRef = "CUST-1", direction = Direction.DEBIT,
                amount = "25.00", currency = "GBP", country = "GB", settledByDate = null,
                schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90", financialInstrumentId = "FI-1", metadata = emptyMap())
            BlockingClient(emulator.clientConfig()).use { client ->
                client.createOrder(NewOrder(orderRef = "ORDER-R", instructions = listOf(instruction)))
                val tenant = emulator.info().tenantId
                emulator.setInstructionStatus(tenant, "ORDER-R", "I-1", "SETTLED")
                val refundId = emulator.refundInstruction(tenant, "ORDER-R", "I-1", "4.50")
                val tooMuch = assertFailsWith<ControlException.Refused>("refund past the amount") {
                    emulator.refundInstruction(tenant, "ORDER-R", "I-1", "30")
                }
                assertTrue("more than the 20.50 left" in tooMuch.message!!, "message: ${tooMuch.message}")
                val read = client.getInstruction("ORDER-R", "I-1").data
                val t = read.transaction!!
                assertEquals(listOf("SETTLED", "SETTLED", "25.00", "20.50"), listOf(read.status, t.status, t.amount, t.netAmount), "amounts")
                assertEquals("STRIPE", t.app?.appId, "app")
                assertEquals(listOf(Triple(refundId, "4.50", "SETTLED")), t.refunds.map { Triple(it.refundId, it.amount, it.status) }, "refunds")
                assertTrue(read.links["transactions[0]"]!!.href.endsWith("/transaction/${t.transactionId}"), "link: ${read.links}")
            }
        }
    }

    @Test
    fun `waitForInstruction returns once the status is reached cancelling the coroutine stops it`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            val instruction = NewInstruction(instructionRef = "I-1", customerRef = "CUST-1", direction = Direction.DEBIT,
                amount = "10.00", currency = "GBP", country = "GB", settledByDate = null,
                schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90", financialInstrumentId = "FI-1", metadata = emptyMap())
            val path = "/v2/order-management/ORDER-W/instruction/I-1"
            Client(emulator.clientConfig()).use { client ->
                client.createOrder(NewOrder(orderRef = "ORDER-W", instructions = listOf(instruction)))
                val tenant = emulator.info().tenantId
                val settle = Thread { Thread.sleep(200); emulator.setInstructionStatus(tenant, "ORDER-W", "I-1", "SETTLED") }
                settle.start()
                val settled = client.waitForInstruction("ORDER-W", "I-1", listOf("SETTLED", "FAILED"), com.imburse.CallOptions(correlationId = "wait-1"))
                settle.join()
                val reads = emulator.requests().filter { it.path == path }
                assertEquals("SETTLED", settled.data.status, "status")
                assertTrue(reads.size >= 2 && settled.meta.attempts == reads.size, "${reads.size} reads, ${settled.meta.attempts} attempts")
                assertEquals(setOf("wait-1"), reads.map { it.clientCorrelationId }.toSet(), "one correlation id")
                val late = assertFailsWith<ImburseException.Timeout>("deadline") {
                    client.waitForInstruction("ORDER-W", "I-1", listOf("VOID"), com.imburse.CallOptions(timeout = java.time.Duration.ofMillis(200)))
                }
                assertEquals("INSTRUCTION_STATUS_NOT_REACHED", late.report.code, "code")

                emulator.clearRequests()
                val cancelled = kotlinx.coroutines.withTimeoutOrNull(300) { client.waitForInstruction("ORDER-W", "I-1", listOf("VOID")) }
                assertTrue(cancelled == null, "the wait was cancelled")
                val atCancel = emulator.requests().size
                Thread.sleep(300)
                assertEquals(atCancel, emulator.requests().size, "no read after the cancel")
            }
        }
    }

    @Test
    fun `Pagers - 2 500 mandates walked as a Flow and as a Sequence read exactly the pages needed an error on a later page is thrown there`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            emulator.addMandates(emulator.info().tenantId, 2500)
            emulator.clearRequests()
            val reads = { emulator.requests().filter { it.path == "/v2/mandates" }.map { it.query } }
            Client(emulator.clientConfig()).use { client ->
                val refs = kotlinx.coroutines.runBlocking {
                    client.listMandates(pageSize = 1000).asFlow().toList().map { it.customerRef }
                }
                assertEquals(2500, refs.size, "mandates")
                assertEquals(listOf("SEED-CUST-1", "SEED-CUST-2500"), listOf(refs.first(), refs.last()), "order")
                assertEquals(listOf("from=0&take=1000", "from=1000&take=1000", "from=2000&take=1000"), reads(), "pages read")
                emulator.clearRequests()
                val firstTwo = kotlinx.coroutines.runBlocking { client.listMandates().asFlow().take(150).toList() }
                assertEquals(150, firstTwo.size, "taken")
                assertEquals(2, reads().size, "a Flow reads only the pages its collector uses")
            }
            emulator.clearRequests()
            BlockingClient(emulator.clientConfig().copy(backoffBase = java.time.Duration.ofMillis(5))).use { client ->
                assertEquals(2500, client.listMandates().asSequence().count(), "blocking mandates")
                assertEquals(25, reads().size, "pages of 100")
                val pager = client.listMandates(pageSize = 1000, options = com.imburse.CallOptions(correlationId = "walk-1"))
                val first = pager.nextPage()!!
                assertEquals(listOf(1L, 3L, 1000L, 2500L), listOf(first.data.currentPage, first.data.pageCount, first.data.rowCount, first.data.totalCount), "first page")
                emulator.armFault("""{"action":"respond","status":503,"times":3,"path":"/v2/mandates"}""")
                val failed = assertFailsWith<ImburseException.Server>("page 2") { pager.nextPage() }
                assertEquals(3, failed.report.attempts, "retried like any read")
                assertEquals("walk-1", failed.report.clientCorrelationId, "correlation id")
                assertEquals(2L, pager.nextPage()!!.data.currentPage, "the failed page is asked for again")
                assertEquals(500L, pager.nextPage()!!.data.rowCount, "the last page")
                assertEquals(null, pager.nextPage(), "after the last page")
                val profiles = client.listCreditorProfiles(pageSize = 1).asIterable().map { it.network }
                assertEquals(listOf("BACS", "SEPA"), profiles, "creditor profiles for Java's for-each")
                assertFailsWith<ImburseException.InvalidRequest>("take out of range") { client.getMandatesPage(pageSize = 1001) }
            }
        }
    }

    @Test
    fun `Checkout - a session token is a Secret carrying the instruction a pay-by-link answers its id`(): Unit = runBlocking {
        TestEmulator.startBlocking().use { emulator ->
            val instruction = NewInstruction(instructionRef = "I-1", customerRef = "CUST-7", direction = Direction.DEBIT,
                amount = "49.99", currency = "GBP", country = "GB", settledByDate = null,
                schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90", financialInstrumentId = null, metadata = emptyMap())
            BlockingClient(emulator.clientConfig()).use { client ->
                client.createOrder(NewOrder(orderRef = "ORDER-42", instructions = listOf(instruction)))
                val session = client.createCheckoutSession(com.imburse.core.NewCheckoutSession(
                    orderRef = "ORDER-42", instructionRef = "I-1", expirySeconds = 900L,
                    customerType = "B2C", customerFirstName = "Ada", customerLastName = "Lovelace",
                )).data
                val token = session.sessionToken.reveal()
                assertEquals(3, token.split('.').size, "a JWT")
                assertTrue(token !in session.toString() && session.sessionToken.toString() == "[redacted]", "redacted: $session")
                assertTrue(session.expires > System.currentTimeMillis() / 1000 + 800, "epoch seconds: ${session.expires}")
                val link = client.createPayByLink(com.imburse.core.NewPayByLink(orderRef = "ORDER-42", instructionRef = "I-1",
                    expirySeconds = 3600L, channels = listOf(com.imburse.core.CheckoutChannel(kind = "SMS", destination = "+447700900123"))))
                assertEquals(201, link.meta.status, "pay-by-link status")
                val refused = assertFailsWith<ImburseException.InvalidRequest>("no channels") {
                    client.createPayByLink(com.imburse.core.NewPayByLink(orderRef = "ORDER-42", instructionRef = "I-1", expirySeconds = 3600L))
                }
                assertEquals("CHANNELS_IS_REQUIRED", refused.report.code, "code")
            }
        }
    }
}
