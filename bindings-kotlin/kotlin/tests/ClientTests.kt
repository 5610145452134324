// The Kotlin binding's JUnit 5 tests, on the JVM against the emulator (a subprocess, reset before
// each test): the quickstart, every operation, every exception class with its fields, retries
// and correlation ids, the 401 refresh, a reconciled create, 100 concurrent suspend calls,
// attempt events, secrets, the blocking client and close().
package com.imburse.tests

import com.google.gson.JsonObject
import com.imburse.core.AttemptEvent
import com.imburse.AttemptListener
import com.imburse.BlockingClient
import com.imburse.CallOptions
import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.core.Direction
import com.imburse.ImburseException
import com.imburse.core.NewInstruction
import com.imburse.core.NewMobileInstrument
import com.imburse.core.NewOrder
import com.imburse.core.ApiKeySettings
import com.imburse.core.TenantSettings
import com.imburse.core.IpAllowListUpdate
import com.imburse.core.IpRange
import com.imburse.core.NewScheme
import com.imburse.core.NewSchemeApp
import com.imburse.core.NewSchemeRule
import com.imburse.core.PayoutOptionsQuery
import com.imburse.core.Secret
import com.imburse.testing.Emulator
import com.imburse.testing.header
import java.time.Duration
import java.util.Collections
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

const val SCHEME = "654EB81FF7F07F7CF5A1EE3FF6972E90"
const val INSTRUMENT = "5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c"
const val READ_ONLY_PUBLIC = "11111111-1111-4111-8111-111111111111"
const val READ_ONLY_PRIVATE = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY="
const val WRONG_PRIVATE = "x/xo99iO/eJ3MnO5nPhPKrf9+r5Nxpz+/L+2ZPfebfA="
const val OTHER_TENANT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
const val OTHER_TENANT_PUBLIC = "22222222-2222-4222-8222-222222222222"
// The emulator's demo account key (role account-admin).
const val ACCOUNT_PUBLIC = "c0ffee00-0a0a-4b0b-8c0c-00000000000a"
const val ACCOUNT_PRIVATE = "ZGVtby1hY2NvdW50LWFkbWluLWtleS0zMi1ieXRlcyE="

val UUID = Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
val IMBURSE_CORRELATION_ID = Regex("^[0-9A-V]{13}:[0-9a-fA-F]{8}$")

lateinit var emulator: Emulator

/** Settings for the emulator with short backoffs, so retry tests stay fast. */
fun config(): ClientConfig = ClientConfig(
    publicKey = emulator.publicKey,
    privateKey = Secret(emulator.privateKey),
    accountId = emulator.accountId,
    tenantId = emulator.tenantId,
    baseUrl = emulator.url,
    backoffBase = Duration.ofMillis(10),
    backoffCap = Duration.ofMillis(40),
    useEnvProxy = false,
)

fun instruction(ref: String, customer: String, amount: String) = NewInstruction(
    instructionRef = ref,
    customerRef = customer,
    direction = Direction.DEBIT,
    amount = amount,
    currency = "GBP",
    country = "GB",
    settledByDate = "2026-12-31",
    schemeId = SCHEME,
    financialInstrumentId = INSTRUMENT,
    metadata = mapOf("invoice" to "INV-$ref"),
)

suspend fun seedOrder(orderRef: String, vararg instructions: NewInstruction) {
    Client(config()).use { it.createOrder(NewOrder(orderRef = orderRef, instructions = instructions.toList())) }
}

/** Threads user code may run on: its own, or the JVM's pools. The SDK's runtime threads appear
 * to Java as attached native threads (`Thread-N`). */
// With assertions on (as under Surefire) kotlinx-coroutines appends " @coroutine#N" to the name
// of a thread while it runs a coroutine: a call that completed where it started resumes on that
// thread, still the caller's.
fun isUserThread(name: String) = name.substringBefore(" @coroutine#").let {
    it == "main" || it.startsWith("ForkJoinPool.commonPool-worker") || it.startsWith("DefaultDispatcher-worker")
}

fun freePort(): Int = java.net.ServerSocket(0).use { it.localPort }

fun ImburseException.requireDetails(kind: String, status: Int?, attempts: Int) {
    val d = details()
    assertEquals(kind, d.kind, "kind")
    assertEquals(status, d.status, "status")
    assertEquals(attempts, d.attempts, "attempts")
    assertEquals(d.errors.firstOrNull()?.code, d.code, "code is the first entry's")
}

class ClientTests {
    companion object {
        @BeforeAll
        @JvmStatic
        fun startEmulator() {
            emulator = Emulator.start(
                "--key", "$READ_ONLY_PUBLIC:$READ_ONLY_PRIVATE:6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6:0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c:tenant-transaction-read",
                // A second tenant of the demo account, which the demo key may not act for.
                "--key", "$OTHER_TENANT_PUBLIC:$READ_ONLY_PRIVATE:6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6:$OTHER_TENANT:tenant-admin",
            )
        }

        @AfterAll
        @JvmStatic
        fun stopEmulator() {
            emulator.stop()
        }
    }

    /** Every test starts from the emulator's initial state. */
    @BeforeEach
    fun resetEmulator() {
        emulator.reset()
    }

    @Test
    fun `quickstart - an order with instructions is created and an instruction read back`(): Unit = runBlocking {
        Client(config()).use { client ->
            val created = client.createOrder(
                NewOrder(
                    orderRef = "ORDER-1",
                    instructions = listOf(instruction("I-1", "CUST-1", "49.99"), instruction("I-2", "CUST-2", "0.10")),
                    metadata = mapOf("channel" to "web"),
                ),
            )
            assertEquals(202, created.data.status, "create status")
            assertEquals(false, created.data.reconciled, "reconciled")
            assertEquals(1, created.meta.attempts, "create attempts")

            val read = client.getInstruction("ORDER-1", "I-2", CallOptions(correlationId = "checkout-1234"))
            val i = read.data
            assertEquals("/v1/order-management/ORDER-1/instruction/I-2", i.links["self"]?.href, "self link")
            assertEquals("/v1/order-management/ORDER-1", i.links["order"]?.href, "order link")
            assertEquals("0.10", i.amount, "amount")
            assertEquals("GBP", i.currency, "currency")
            assertEquals(Direction.DEBIT, i.direction, "direction")
            assertEquals("CUST-2", i.customerRef, "customer")
            assertEquals("READY", i.status, "status")
            assertEquals("2026-12-31", i.settledByDate, "settled by")
            assertEquals(SCHEME, i.scheme?.schemeId, "scheme")
            assertEquals(INSTRUMENT, i.financialInstrument?.financialInstrumentId, "instrument")
            assertEquals(mapOf("invoice" to "INV-I-2"), i.metadata, "metadata")
            assertTrue(i.created != null && i.created!! > 0, "created is epoch ms: ${i.created}")
            assertEquals(200, read.meta.status, "read status")
            assertEquals("checkout-1234", read.meta.clientCorrelationId, "correlation id")

            val seen = emulator.requestsTo("GET", "/v2/order-management/ORDER-1/instruction/I-2").single()
            assertEquals("checkout-1234", seen.header("x-correlation-id"), "sent correlation id")
            assertEquals(emulator.accountId, seen.header("x-account-id"), "sent account")
            assertEquals(emulator.tenantId, seen.header("x-tenant-id"), "sent tenant")
            assertEquals("Bearer <redacted>", seen.header("authorization"), "sent bearer")
            val agent = seen.header("user-agent") ?: ""
            val jvm = "(jvm/${System.getProperty("java.version")}; rust/"
            assertTrue(agent.startsWith("imburse-sdk/") && jvm in agent, "user agent names the JVM: $agent")
        }
    }

    @Test
    fun `amounts keep every digit, trailing zeros included`(): Unit = runBlocking {
        val amounts = listOf("1234567.89", "210.00", "0.10", "7")
        seedOrder("ORDER-AMOUNTS", *amounts.mapIndexed { n, a -> instruction("I-$n", "CUST-1", a) }.toTypedArray())
        Client(config()).use { client ->
            val read = amounts.indices.map { client.getInstruction("ORDER-AMOUNTS", "I-$it").data.amount }
            assertEquals(amounts, read, "amounts read back")
            val order = client.getOrder("ORDER-AMOUNTS").data
            assertEquals(listOf("I-0", "I-1", "I-2", "I-3"), order.instructions.map { it.instructionRef }, "order keeps creation order")
            assertEquals(amounts, order.instructions.map { it.amount }, "amounts in the order")
        }
    }

    @Test
    fun `every customer and instruction operation returns its typed record`(): Unit = runBlocking {
        seedOrder("ORDER-OPS", instruction("I-1", "CUST-OPS", "10.00"))
        Client(config()).use { client ->
            val customer = client.getOrCreateCustomer("CUST-NEW").data
            assertEquals("CUST-NEW", customer.customerRef, "created customer")
            assertEquals(202, client.updateCustomerMetadata("CUST-NEW", mapOf("tier" to "gold")).status, "update status")
            val id = client.addMobileInstrument("CUST-NEW", NewMobileInstrument(countryCode = "44", phoneNumber = "7700900123")).data.id
            assertTrue(UUID.matches(id), "instrument id is a UUID: $id")
            val instrument = client.getFinancialInstrument("CUST-NEW", id).data
            assertEquals(id, instrument.id, "instrument id")
            assertEquals("44", instrument.details["countryCode"], "details keep the country code")
            assertTrue(instrument.details["phoneNumber"]?.endsWith("0123") == true, "masked number: ${instrument.details}")
            assertEquals(202, client.addToWallet("CUST-NEW", id, reason = "customer asked").status, "wallet status")
            assertEquals(listOf(id), client.getWallet("CUST-NEW").data.financialInstruments.map { it.id }, "wallet")
            val reread = client.getCustomer("CUST-NEW").data
            assertEquals(mapOf("tier" to "gold"), reread.metadata, "metadata replaced")
            assertEquals(listOf(id), reread.financialInstruments.map { it.id }, "customer's instruments")

            val added = client.createInstruction("ORDER-OPS", instruction("I-2", "CUST-OPS", "5.50"))
            assertEquals(201, added.data.status, "create instruction status")
            assertEquals(202, client.cancelInstruction("ORDER-OPS", "I-2", reason = "duplicate").status, "cancel status")
            assertEquals("VOID", client.getInstruction("ORDER-OPS", "I-2").data.status, "cancelled")
            assertEquals(listOf("I-1", "I-2"), client.getOrder("ORDER-OPS").data.instructions.map { it.instructionRef }, "order")
        }
    }

    @Test
    fun `BadRequest - a duplicate order reference carries code, ids and attempts`(): Unit = runBlocking {
        seedOrder("ORDER-DUP")
        Client(config()).use { client ->
            val e = assertFailsWith<ImburseException.BadRequest>("duplicate") {
                client.createOrder(NewOrder(orderRef = "ORDER-DUP"), CallOptions(correlationId = "dup-1"))
            }
            e.requireDetails("bad_request", 400, 1)
            assertEquals("ORDER_ALREADY_EXISTS", e.report.code, "code")
            assertEquals(listOf("ORDER_ALREADY_EXISTS"), e.report.errors.map { it.code }, "codes")
            assertTrue(IMBURSE_CORRELATION_ID.matches(e.report.correlationId ?: ""), "server correlation id: ${e.report.correlationId}")
            assertEquals("dup-1", e.report.clientCorrelationId, "client correlation id")
            assertEquals(null, e.report.retryAfter, "retry after")
            assertTrue(e.report.detail.isNotBlank(), "detail is the server's message")
            assertEquals(e.report.text, e.message, "the message is the core's one-line text")
            assertTrue(
                e.message.startsWith("Bad Request (HTTP 400) ORDER_ALREADY_EXISTS: ") && "client correlation id dup-1" in e.message,
                "message: ${e.message}",
            )
            assertTrue('\n' !in e.message, "one line: ${e.message}")
        }
    }

    @Test
    fun `BadRequest - a missing order is the API's ORDER_NOT_FOUND`(): Unit = runBlocking {
        Client(config()).use { client ->
            val e = assertFailsWith<ImburseException.BadRequest>("missing") { client.getOrder("NO-SUCH-ORDER") }
            e.requireDetails("bad_request", 400, 1)
            assertEquals("ORDER_NOT_FOUND", e.report.code, "code")
        }
    }

    @Test
    fun `Unauthorized - a wrong private key is refused at the token exchange`(): Unit = runBlocking {
        Client(config().copy(privateKey = Secret(WRONG_PRIVATE))).use { client ->
            val e = assertFailsWith<ImburseException.Unauthorized>("wrong key") { client.getOrder("ORDER-1") }
            e.requireDetails("unauthorized", 401, 1)
            assertEquals("HMAC_SIGNATURE_INVALID", e.report.code, "code")
            assertEquals(0, emulator.requestsTo("GET", "/v1/order-management").size, "the call itself was not sent")
            assertTrue(WRONG_PRIVATE !in e.toString(), "the key is not in the exception")
        }
    }

    @Test
    fun `Forbidden - a read-only key may not create, and names the role`(): Unit = runBlocking {
        Client(config().copy(publicKey = READ_ONLY_PUBLIC, privateKey = Secret(READ_ONLY_PRIVATE))).use { client ->
            val e = assertFailsWith<ImburseException.Forbidden>("read only") { client.createOrder(NewOrder(orderRef = "ORDER-RO")) }
            e.requireDetails("forbidden", 403, 1)
            assertEquals("INSUFFICIENT_ROLE", e.report.code, "code")
            assertTrue(e.report.errors.single().metadata["requiredRole"] != null, "metadata names the role: ${e.report.errors}")
        }
    }

    @Test
    fun `Forbidden - a per-call tenant the key may not act for`(): Unit = runBlocking {
        Client(config()).use { client ->
            val e = assertFailsWith<ImburseException.Forbidden>("other tenant") {
                client.getOrder("ORDER-1", CallOptions(tenantId = OTHER_TENANT, correlationId = "tenant-1"))
            }
            e.requireDetails("forbidden", 403, 1)
            assertEquals("TENANT_ID_NOT_PERMITTED", e.report.code, "code")
            assertEquals("tenant-1", e.report.clientCorrelationId, "client correlation id")
            assertEquals(OTHER_TENANT, emulator.requestsTo("GET", "/v1/order-management/ORDER-1").single().header("x-tenant-id"), "sent tenant")
        }
    }

    @Test
    fun `RequestFailed, NotFound and Conflict - 402, 404 and 409 with their codes, not retried`(): Unit = runBlocking {
        Client(config()).use { client ->
            val cases = listOf(
                Triple(402, "request_failed") { e: ImburseException -> e is ImburseException.RequestFailed },
                Triple(404, "not_found") { e: ImburseException -> e is ImburseException.NotFound },
                Triple(409, "conflict") { e: ImburseException -> e is ImburseException.Conflict },
            )
            for ((status, kind, isExpectedClass) in cases) {
                emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"respond","status":$status,"error_code":"CODE_$status"}""")
                val e = assertFailsWith<ImburseException>("status $status") { client.getOrder("ORDER-1") }
                assertTrue(isExpectedClass(e), "$status: ${e::class.qualifiedName}")
                e.requireDetails(kind, status, 1)
                assertEquals("CODE_$status", e.details().code, "code of $status")
            }
        }
    }

    @Test
    fun `RateLimited - a Retry-After above the cap stops at once and is reported`(): Unit = runBlocking {
        Client(config()).use { client ->
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"respond","status":429,"retry_after":30}""")
            val e = assertFailsWith<ImburseException.RateLimited>("429") { client.getOrder("ORDER-1") }
            e.requireDetails("rate_limited", 429, 1)
            assertEquals(Duration.ofSeconds(30), e.report.retryAfter, "retry after")
        }
    }

    @Test
    fun `Server - 503 on every attempt exhausts the retries with one correlation id`(): Unit = runBlocking {
        Client(config()).use { client ->
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","times":3,"action":"respond","status":503}""")
            val e = assertFailsWith<ImburseException.Server>("503") { client.getOrder("ORDER-1") }
            e.requireDetails("server", 503, 3)
            assertEquals("SERVICE_UNAVAILABLE", e.report.code, "code")
            val generated = e.report.clientCorrelationId ?: ""
            assertTrue(UUID.matches(generated), "a generated UUID: $generated")
            val seen = emulator.requestsTo("GET", "/v1/order-management/ORDER-1")
            assertEquals(3, seen.size, "requests")
            assertEquals(List(3) { generated }, seen.map { it.header("x-correlation-id") }, "the same id on every attempt")
        }
    }

    @Test
    fun `Timeout - an attempt slower than the attempt timeout`(): Unit = runBlocking {
        Client(config().copy(attemptTimeout = Duration.ofMillis(300), maxAttempts = 1)).use { client ->
            client.authenticate()
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"delay","ms":2000}""")
            val e = assertFailsWith<ImburseException.Timeout>("slow") { client.getOrder("ORDER-1") }
            e.requireDetails("timeout", null, 1)
        }
    }

    @Test
    fun `Connection - nothing listens at the base URL connect failures are retried`(): Unit = runBlocking {
        Client(config().copy(baseUrl = "http://127.0.0.1:${freePort()}", maxAttempts = 2)).use { client ->
            val e = assertFailsWith<ImburseException.Connection>("refused") { client.getOrder("ORDER-1") }
            e.requireDetails("connection", null, 2)
            assertEquals(null, e.report.correlationId, "no server id")
        }
    }

    @Test
    fun `InvalidResponse - a 200 whose body is not JSON, not retried`(): Unit = runBlocking {
        seedOrder("ORDER-CORRUPT", instruction("I-1", "CUST-1", "1.00"))
        Client(config()).use { client ->
            emulator.fault("""{"method":"GET","path":"/v2/order-management/*","action":"corrupt_body"}""")
            val e = assertFailsWith<ImburseException.InvalidResponse>("corrupt") { client.getInstruction("ORDER-CORRUPT", "I-1") }
            e.requireDetails("invalid_response", 200, 1)
        }
    }

    @Test
    fun `InvalidRequest - every problem at once, in field order, and nothing is sent`(): Unit = runBlocking {
        Client(config()).use { client ->
            val bad = instruction("I-1", "CUST-1", "-5").copy(currency = "gbp")
            val e = assertFailsWith<ImburseException.InvalidRequest>("invalid") {
                client.createOrder(NewOrder(orderRef = "", instructions = listOf(bad)), CallOptions(correlationId = "bad-1"))
            }
            e.requireDetails("invalid_request", null, 0)
            assertEquals(
                listOf("ORDER_REF_IS_REQUIRED", "AMOUNT_OUT_OF_RANGE", "CURRENCY_FORMAT_NOT_RECOGNISED"),
                e.report.errors.map { it.code },
                "codes",
            )
            assertEquals("bad-1", e.report.clientCorrelationId, "client correlation id")
            assertEquals(0, emulator.requests().size, "requests sent (token exchange included)")
        }
    }

    @Test
    fun `Configuration - a refused setting throws when the client is built`(): Unit = runBlocking {
        val attempts = assertFailsWith<ImburseException.Configuration>("max attempts 0") { Client(config().copy(maxAttempts = 0)) }
        attempts.requireDetails("configuration", null, 0)
        assertTrue(attempts.report.detail.startsWith("max_attempts"), "names the setting: ${attempts.report.detail}")
        val account = assertFailsWith<ImburseException.Configuration>("account id") { Client(config().copy(accountId = "not-a-uuid")) }
        assertTrue(account.report.detail.startsWith("account_id"), "names the setting: ${account.report.detail}")
        assertFailsWith<ImburseException.Configuration>("attempt above call timeout") {
            BlockingClient(config().copy(attemptTimeout = Duration.ofSeconds(5), callTimeout = Duration.ofSeconds(1)))
        }
        val negative = assertFailsWith<ImburseException.Configuration>("negative duration") {
            Client(config().copy(connectTimeout = Duration.ofMillis(-1)))
        }
        assertEquals("connectTimeout: must be a duration of zero or more", negative.report.detail, "names the Kotlin setting")
        assertEquals(0, emulator.requests().size, "nothing sent")
    }

    @Test
    fun `a 503 once is retried and succeeds with the caller's correlation id on both attempts`(): Unit = runBlocking {
        seedOrder("ORDER-RETRY")
        Client(config()).use { client ->
            emulator.clearRequests()
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"respond","status":503}""")
            val read = client.getOrder("ORDER-RETRY", CallOptions(correlationId = "retry-1"))
            assertEquals(2, read.meta.attempts, "attempts")
            assertEquals("retry-1", read.meta.clientCorrelationId, "correlation id")
            val seen = emulator.requestsTo("GET", "/v1/order-management/ORDER-RETRY")
            assertEquals(listOf(503, 200), seen.map { it["status"].asInt }, "statuses the server answered")
            assertEquals(listOf("retry-1", "retry-1"), seen.map { it.header("x-correlation-id") }, "ids")
        }
    }

    @Test
    fun `without a correlation id one UUID is generated and sent on every attempt`(): Unit = runBlocking {
        seedOrder("ORDER-UUID")
        Client(config()).use { client ->
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"drop_before_read"}""")
            val read = client.getOrder("ORDER-UUID")
            val id = read.meta.clientCorrelationId
            assertTrue(UUID.matches(id), "generated: $id")
            assertEquals(2, read.meta.attempts, "attempts")
            assertEquals(listOf(id, id), emulator.requestsTo("GET", "/v1/order-management/ORDER-UUID").map { it.header("x-correlation-id") }, "ids")
        }
    }

    @Test
    fun `a Retry-After within the cap is waited for`(): Unit = runBlocking {
        seedOrder("ORDER-WAIT")
        Client(config()).use { client ->
            emulator.clearRequests()
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"respond","status":503,"retry_after":1}""")
            val read = client.getOrder("ORDER-WAIT")
            assertEquals(2, read.meta.attempts, "attempts")
            val times = emulator.requestsTo("GET", "/v1/order-management/ORDER-WAIT").map { it["received_at_ms"].asLong }
            assertTrue(times[1] - times[0] >= 1000, "waited ${times[1] - times[0]} ms")
        }
    }

    @Test
    fun `an expired token is refreshed once and the call replayed`(): Unit = runBlocking {
        seedOrder("ORDER-TOKEN")
        Client(config()).use { client ->
            client.authenticate()
            emulator.clearRequests()
            emulator.expireTokens()
            val read = client.getOrder("ORDER-TOKEN")
            assertEquals(2, read.meta.attempts, "attempts (the replay counts)")
            assertEquals(1, emulator.identityRequests(), "one token exchange")
            assertEquals(listOf(401, 200), emulator.requestsTo("GET", "/v1/order-management/ORDER-TOKEN").map { it["status"].asInt }, "statuses")
        }
    }

    @Test
    fun `a create whose first attempt was dropped after the server read it is reconciled, not duplicated`(): Unit = runBlocking {
        Client(config()).use { client ->
            client.authenticate()
            emulator.fault("""{"method":"POST","path":"/v1/order-management","action":"drop_after_read"}""")
            val created = client.createOrder(NewOrder(orderRef = "ORDER-DROP", instructions = listOf(instruction("I-1", "CUST-1", "3.00"))))
            assertEquals(true, created.data.reconciled, "reconciled")
            assertEquals(202, created.data.status, "status the create would have answered")
            assertEquals(listOf("I-1"), client.getOrder("ORDER-DROP").data.instructions.map { it.instructionRef }, "exactly one order")
        }
    }

    @Test
    fun `100 concurrent suspend calls complete and share one token exchange`(): Unit = runBlocking {
        seedOrder("ORDER-MANY", instruction("I-1", "CUST-1", "12.34"))
        emulator.clearRequests()
        Client(config()).use { client ->
            val results = coroutineScope {
                (1..100).map { n ->
                    async(Dispatchers.Default) { client.getInstruction("ORDER-MANY", "I-1", CallOptions(correlationId = "many-$n")) }
                }.awaitAll()
            }
            assertEquals((1..100).map { "many-$it" }, results.map { it.meta.clientCorrelationId }, "each call kept its id")
            assertTrue(results.all { it.data.amount == "12.34" && it.meta.attempts == 1 }, "every call succeeded first time")
            assertEquals(1, emulator.identityRequests(), "token exchanges")
            val ids = emulator.requestsTo("GET", "/v2/order-management/ORDER-MANY").map { it.header("x-correlation-id") }
            assertEquals((1..100).map { "many-$it" }.toSet(), ids.toSet(), "ids the server saw")
            assertEquals(100, ids.size, "requests")
        }
    }

    @Test
    fun `the attempt listener hears every attempt a listener that throws breaks nothing`(): Unit = runBlocking {
        seedOrder("ORDER-EVENTS")
        val events = Collections.synchronizedList(mutableListOf<AttemptEvent>())
        val recorder = object : AttemptListener {
            override fun onAttempt(event: AttemptEvent) {
                events += event
            }
        }
        Client(config(), recorder).use { client ->
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"respond","status":503}""")
            client.getOrder("ORDER-EVENTS", CallOptions(correlationId = "events-1"))
        }
        val calls = events.filter { it.operation == "getOrder" }
        assertEquals(listOf(1, 2), calls.map { it.attempt }, "attempt numbers")
        assertEquals(listOf(503, 200), calls.map { it.status }, "statuses")
        assertEquals(listOf("http_error", "ok"), calls.map { it.outcome }, "outcomes")
        assertEquals("the server answered with HTTP 503", calls.first().detail, "detail")
        assertTrue(calls.all { !it.elapsed.isNegative && it.elapsed < Duration.ofSeconds(10) }, "elapsed: ${calls.map { it.elapsed }}")
        assertTrue(calls.all { it.clientCorrelationId == "events-1" && it.path == "/v1/order-management/ORDER-EVENTS" }, "$calls")
        assertEquals(1, events.count { it.operation == "authenticate" }, "token exchange event")
        assertTrue(events.none { emulator.privateKey in it.toString() }, "no secret in events")

        val throwing = object : AttemptListener {
            override fun onAttempt(event: AttemptEvent) = throw IllegalStateException("listener bug")
        }
        Client(config(), throwing).use { client ->
            assertEquals("ORDER-EVENTS", client.getOrder("ORDER-EVENTS").data.orderRef, "the call still succeeds")
        }
    }

    @Test
    fun `secrets never appear in toString`(): Unit = runBlocking {
        val withProxy = config().copy(proxy = Secret("http://user:hunter2@127.0.0.1:3128"))
        for (text in listOf(withProxy.toString(), Secret("x").toString(), Client(config()).toString())) {
            assertTrue(emulator.privateKey !in text && "hunter2" !in text, "leaks: $text")
        }
        assertTrue("privateKey=[redacted]" in withProxy.toString(), withProxy.toString())
        Client(config().copy(privateKey = Secret(WRONG_PRIVATE))).use { client ->
            val e = assertFailsWith<ImburseException>("refused") { client.authenticate() }
            assertTrue(WRONG_PRIVATE !in e.toString() && WRONG_PRIVATE !in e.details().toString(), "leaks: $e")
        }
    }

    @Test
    fun `the TLS settings - a CA bundle trusts the server, a client identity satisfies mutual TLS`(): Unit = runBlocking {
        val https = Emulator.start("--tls", "--tls-client-auth")
        try {
            val tls = ClientConfig(
                publicKey = https.publicKey,
                privateKey = Secret(https.privateKey),
                accountId = https.accountId,
                tenantId = https.tenantId,
                baseUrl = https.url,
                maxAttempts = 1,
                useEnvProxy = false,
            )
            val untrusting = assertFailsWith<ImburseException.Connection>("untrusted") {
                Client(tls).use { it.createOrder(NewOrder(orderRef = "ORDER-TLS")) }
            }
            assertTrue("TLS handshake" in untrusting.message && "UnknownIssuer" in untrusting.message, untrusting.message)
            val anonymous = assertFailsWith<ImburseException.Connection>("no client certificate") {
                Client(tls.copy(caBundlePem = https.caPem)).use { it.createOrder(NewOrder(orderRef = "ORDER-TLS")) }
            }
            assertTrue("client certificate" in anonymous.message, anonymous.message)
            val identified = tls.copy(caBundlePem = https.caPem, clientIdentityPem = Secret(https.clientIdentityPem!!))
            assertTrue("PRIVATE KEY" !in identified.toString(), "the identity never shows: $identified")
            Client(identified).use { client ->
                assertEquals(201, client.createOrder(NewOrder(orderRef = "ORDER-TLS")).data.status, "created over mutual TLS")
            }
            val bad = assertFailsWith<ImburseException.Configuration>("not a bundle") {
                Client(tls.copy(caBundlePem = "not a certificate"))
            }
            assertTrue("ca_bundle_pem" in bad.message, bad.message)
        } finally {
            https.stop()
        }
    }

    @Test
    fun `an operation's API version can be overridden, by its Kotlin name`(): Unit = runBlocking {
        emulator.reset()
        Client(config().copy(apiVersions = mapOf("getOrder" to "v3"))).use { client ->
            assertFailsWith<ImburseException.NotFound>("served on v1 only") { client.getOrder("ORDER-V") }
            client.getOrCreateCustomer("CUST-V")
        }
        val paths = emulator.requests().filter { it["method"].asString == "GET" }.map { it["path"].asString }
        assertEquals(listOf("/v3/order-management/ORDER-V", "/v2/customer-vault/CUST-V"), paths, "paths")
        assertFailsWith<ImburseException.Configuration>("unknown operation") {
            Client(config().copy(apiVersions = mapOf("getOrders" to "v2")))
        }
    }

    @Test
    fun `the blocking client behaves as the suspend one`(): Unit = runBlocking {
        BlockingClient(config()).use { client ->
            val created = client.createOrder(NewOrder(orderRef = "ORDER-B", instructions = listOf(instruction("I-1", "CUST-1", "99.90"))))
            assertEquals(202, created.data.status, "status")
            assertEquals("99.90", client.getInstruction("ORDER-B", "I-1").data.amount, "amount")
            emulator.fault("""{"method":"GET","path":"/v1/order-management/*","times":3,"action":"respond","status":503}""")
            val e = assertFailsWith<ImburseException.Server>("503") { client.getOrder("ORDER-B", CallOptions(correlationId = "blocking-1")) }
            e.requireDetails("server", 503, 3)
            assertEquals("blocking-1", e.report.clientCorrelationId, "client correlation id")
        }
    }

    @Test
    fun `close() ends the client - a call in flight completes, later calls are refused`(): Unit = runBlocking {
        seedOrder("ORDER-CLOSE")
        val client = Client(config())
        client.authenticate()
        emulator.fault("""{"method":"GET","path":"/v1/order-management/*","action":"delay","ms":300}""")
        coroutineScope {
            val inFlight = async { client.getOrder("ORDER-CLOSE") }
            launch {
                delay(100)
                client.close()
            }
            assertEquals("ORDER-CLOSE", inFlight.await().data.orderRef, "the call in flight")
        }
        assertFailsWith<IllegalStateException>("after close") { client.getOrder("ORDER-CLOSE") }
        assertTrue("Client" in client.toString(), "toString works after close: $client")
        val blocking = BlockingClient(config())
        blocking.close()
        assertTrue("BlockingClient" in blocking.toString(), "toString works after close: $blocking")
    }

    @Test
    fun `a coroutine without a dispatcher never continues on the SDK's threads`(): Unit = runBlocking {
        seedOrder("ORDER-THREADS", instruction("I-1", "CUST-1", "5.00"))
        val finished = CompletableFuture<List<String>>()
        val body: suspend () -> List<String> = {
            Client(config()).use { client ->
                val seen = mutableListOf<String>()
                client.getOrder("ORDER-THREADS")
                seen += Thread.currentThread().name
                // From here a blocking call and runBlocking both work, as the README's
                // `suspend fun main` would use them.
                BlockingClient(config()).use { assertEquals("5.00", it.getInstruction("ORDER-THREADS", "I-1").data.amount, "blocking") }
                val nested = runBlocking { client.getInstruction("ORDER-THREADS", "I-1") }
                assertEquals("5.00", nested.data.amount, "runBlocking")
                withContext(Dispatchers.Unconfined) {
                    client.getOrder("ORDER-THREADS")
                    seen += Thread.currentThread().name
                }
                seen
            }
        }
        body.startCoroutine(Continuation(EmptyCoroutineContext) { finished.complete(it.getOrThrow()) })
        val threads = finished.get(20, TimeUnit.SECONDS)
        assertTrue(threads.all { isUserThread(it) }, "user code ran on: $threads")
    }

    @Test
    fun `a blocking call from an attempt listener works`(): Unit = runBlocking {
        seedOrder("ORDER-NESTED")
        val nested = CompletableFuture<String>()
        val listener = object : AttemptListener {
            override fun onAttempt(event: AttemptEvent) {
                if (event.operation == "getOrder" && !nested.isDone) {
                    nested.complete(BlockingClient(config()).use { it.getOrder("ORDER-NESTED").data.orderRef })
                }
            }
        }
        Client(config(), listener).use { client -> client.getOrder("ORDER-NESTED") }
        assertEquals("ORDER-NESTED", nested.get(10, TimeUnit.SECONDS), "the nested blocking call")
    }

    @Test
    fun `a created tenant key is a Secret, never in toString(), and works at once for its roles`(): Unit = runBlocking {
        Client(config()).use { admin ->
            val created = admin.createTenantKey(ApiKeySettings(name = "reporting", roles = listOf("tenant-transaction-read")))
            assertEquals(201, created.meta.status, "create status")
            val key = created.data
            val secret = key.privateKey.reveal()
            assertEquals(44, secret.length, "a base64 private key of 32 bytes")
            for (text in listOf(key.toString(), created.toString(), key.privateKey.toString())) {
                assertTrue(secret !in text, "the private key leaked: $text")
            }
            assertTrue("privateKey=[redacted]" in key.toString(), key.toString())
            // The Secret as it came back is the new client's private key.
            BlockingClient(config().copy(publicKey = key.publicKey, privateKey = key.privateKey)).use { reporting ->
                reporting.getOrCreateCustomer("CUST-R")
                val refused = assertFailsWith<ImburseException.Forbidden>("a write with a read-only key") {
                    reporting.createOrder(NewOrder(orderRef = "ORD-R-1"))
                }
                assertEquals("INSUFFICIENT_ROLE", refused.details().code, "code")
            }
        }
    }

    @Test
    fun `an account key creates a tenant and its key tenant-scoped calls need a tenant`(): Unit = runBlocking {
        val account = config().copy(publicKey = ACCOUNT_PUBLIC, privateKey = Secret(ACCOUNT_PRIVATE), tenantId = null)
        Client(account).use { client ->
            val tenant = client.createTenant(TenantSettings(name = "Shop EU", country = "IE")).data
            assertEquals("IE", tenant.address?.country, "country")
            val key = client.createAccountTenantKey(tenant.tenantId, ApiKeySettings(name = "shop", roles = listOf("tenant-admin"))).data
            Client(config().copy(publicKey = key.publicKey, privateKey = key.privateKey, tenantId = tenant.tenantId)).use { shop ->
                assertEquals(201, shop.createOrder(NewOrder(orderRef = "SHOP-1")).data.status, "an order in the new tenant")
            }
            val missing = assertFailsWith<ImburseException.InvalidRequest>("a tenant call on an account key") { client.listTenantKeys() }
            assertEquals("TENANT_ID_IS_REQUIRED", missing.details().code, "code")
            val invalid = assertFailsWith<ImburseException.InvalidRequest>("a key without name or roles") {
                client.createAccountKey(ApiKeySettings(name = "", roles = emptyList()))
            }
            assertEquals(listOf("NAME_IS_REQUIRED", "ROLES_IS_REQUIRED"), invalid.details().errors.map { it.code }, "codes")
        }
    }

    @Test
    fun `payout options and an IP allow list - exact amounts, typed ranges, Java-friendly records`(): Unit = runBlocking {
        Client(config()).use { client ->
            val scheme = client.createPayoutScheme(
                NewScheme(
                    name = "Rewards GB",
                    rules = listOf(NewSchemeRule(currencies = listOf("GBP"), countries = listOf("GB"), apps = listOf(NewSchemeApp(appId = "TANGOCARD_RAAS")))),
                ),
            ).data
            val found = client.getPayoutOptions(scheme.schemeId, PayoutOptionsQuery(amount = "25.00", currency = "GBP", country = "GB")).data.options
            assertEquals(listOf("U563017"), found.map { it.rewardId }, "the variable reward covering 25.00")
            assertEquals("500.00", found.single().maxValue, "exact digits")
        }
        val account = config().copy(publicKey = ACCOUNT_PUBLIC, privateKey = Secret(ACCOUNT_PRIVATE), tenantId = null)
        BlockingClient(account).use { client ->
            client.updateIpAllowList(IpAllowListUpdate(enabled = true, rules = listOf(IpRange(name = "office", ipV4Start = "203.0.113.0", ipV4End = "203.0.113.255"))))
            val list = client.getIpAllowList().data
            assertEquals(true, list.enabled, "enabled")
            assertEquals("203.0.113.255", list.rules.single().ipV4End, "range end")
            val refused = assertFailsWith<ImburseException.InvalidRequest>("a range that is not IPv4") {
                client.updateIpAllowList(IpAllowListUpdate(enabled = true, rules = listOf(IpRange(name = "x", ipV4Start = "1.2.3", ipV4End = "1.2.3.4"))))
            }
            assertEquals("IP_ADDRESS_FORMAT_NOT_RECOGNISED", refused.details().code, "code")
        }
    }
}
