// The README's "Testing your integration": a payments integration's JUnit 5 tests against the
// emulator inside the library (com.imburse.testing). No network, no credentials, and every test
// starts from a fresh server.
import com.imburse.BlockingClient
import com.imburse.ClientConfig
import com.imburse.ImburseException
import com.imburse.core.Direction
import com.imburse.core.NewInstruction
import com.imburse.core.NewOrder
import com.imburse.core.Secret
import com.imburse.testing.TestEmulator
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayoutTest {
    private val emulator = TestEmulator.startBlocking()
    private val client = emulator.info().let {
        BlockingClient(ClientConfig(baseUrl = it.url, publicKey = it.publicKey, privateKey = Secret(it.privateKey),
            accountId = it.accountId, tenantId = it.tenantId))
    }

    /** The code under test: sends one payout and returns its instruction's status. */
    private fun payOut(orderRef: String, amount: String): String {
        val instruction = NewInstruction(instructionRef = "I-1", customerRef = "CUST-1", direction = Direction.CREDIT,
            amount = amount, currency = "GBP", country = "GB", settledByDate = "2026-12-31",
            schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90")
        client.createOrder(NewOrder(orderRef = orderRef, instructions = listOf(instruction)))
        return client.getInstruction(orderRef, "I-1").data.status
    }

    @BeforeEach
    fun freshServer() = emulator.reset()

    @AfterAll
    fun stop() {
        client.close()
        emulator.close()
    }

    @Test
    fun `a payout is sent once, with its exact amount`() {
        assertEquals("INCOMPLETE", payOut("PAYOUT-1", "12.50"))
        val creates = emulator.requests().filter { it.method == "POST" && it.path == "/v1/order-management" }
        assertEquals(1, creates.size)
        assertEquals(true, creates[0].body!!.replace(" ", "").contains("\"amount\":12.50"))
    }

    @Test
    fun `a 503 on create is retried without a duplicate`() {
        emulator.armFault("""{"action": "respond", "status": 503, "method": "POST", "path": "/v1/order-management"}""")
        assertEquals("INCOMPLETE", payOut("PAYOUT-2", "7.00"))
        val creates = emulator.requests().filter { it.method == "POST" && it.path == "/v1/order-management" }
        assertEquals(listOf(503, 202), creates.map { it.status })
        assertEquals(1, creates.map { it.clientCorrelationId }.toSet().size, "one call, one correlation id")
    }

    @Test
    fun `a settled payout is seen as settled`() {
        payOut("PAYOUT-3", "1.00")
        emulator.setInstructionStatus(emulator.info().tenantId, "PAYOUT-3", "I-1", "SETTLED")
        assertEquals("SETTLED", client.getInstruction("PAYOUT-3", "I-1").data.status)
    }

    @Test
    fun `each test starts from a fresh server`() {
        val refused = assertThrows(ImburseException.BadRequest::class.java) { client.getOrder("PAYOUT-1") }
        assertEquals("ORDER_NOT_FOUND", refused.report.code)
    }

    @Test
    fun `an expired token is renewed once and the call replayed`() {
        client.authenticate()
        emulator.expireTokens()
        emulator.clearRequests()
        payOut("PAYOUT-4", "3.00")
        val seen = emulator.requests()
        assertEquals(1, seen.count { it.path.startsWith("/v1/identity") }, "one new token")
        assertEquals(listOf(401, 202), seen.filter { it.method == "POST" && it.path == "/v1/order-management" }.map { it.status })
    }
}
