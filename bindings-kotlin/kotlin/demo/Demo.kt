// A payment flow through the Kotlin binding against the emulator: authenticate with the HMAC
// key, create an order with two instructions, read one back, then survive a 503 injected into
// the next read. The same steps as `cargo run -p imburse --example demo`.
package com.imburse.demo

import com.imburse.CallOptions
import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.core.Direction
import com.imburse.core.NewInstruction
import com.imburse.core.NewOrder
import com.imburse.core.Secret
import com.imburse.testing.Emulator
import com.imburse.testing.header
import kotlinx.coroutines.runBlocking

fun instruction(reference: String, customer: String, amount: String) = NewInstruction(
    instructionRef = reference,
    customerRef = customer,
    direction = Direction.DEBIT,
    amount = amount,
    currency = "GBP",
    country = "GB",
    settledByDate = "2026-12-31",
    schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90",
    financialInstrumentId = "5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c",
    metadata = mapOf("invoice" to "INV-$reference"),
)

fun main() = runBlocking {
    val emulator = Emulator.start()
    try {
        println("emulator listening on ${emulator.url}")
        val config = ClientConfig(
            baseUrl = emulator.url,
            publicKey = emulator.publicKey,
            privateKey = Secret(emulator.privateKey),
            accountId = emulator.accountId,
            tenantId = emulator.tenantId,
        )
        Client(config).use { client ->
            client.authenticate()
            println("1. exchanged the HMAC key for an access token")

            val order = NewOrder(
                orderRef = "DEMO-ORDER-1",
                instructions = listOf(instruction("I-1", "CUST-1", "49.99"), instruction("I-2", "CUST-2", "0.10")),
                metadata = mapOf("channel" to "demo"),
            )
            val created = client.createOrder(order)
            println("2. created order DEMO-ORDER-1 with 2 instructions: HTTP ${created.data.status}")

            val i = client.getInstruction("DEMO-ORDER-1", "I-2").data
            println(
                "3. read instruction I-2 back: ${i.direction} ${i.amount} ${i.currency} for ${i.customerRef} " +
                    "(${i.metadata["invoice"]}), status ${i.status}",
            )

            emulator.fault("""{"method":"GET","path":"/v2/order-management/*","action":"respond","status":503}""")
            val survived = client.getInstruction("DEMO-ORDER-1", "I-1", CallOptions(correlationId = "demo-503"))
            println(
                "4. the server answered 503 once; the call retried and succeeded after ${survived.meta.attempts} attempts " +
                    "(correlation id ${survived.meta.clientCorrelationId} on both)",
            )
            val statuses = emulator.requests()
                .filter { it.header("x-correlation-id") == "demo-503" }
                .map { if (it["status"].isJsonNull) "dropped" else it["status"].asString }
            println("   the emulator saw: ${statuses.joinToString(" then ")}")
        }
    } finally {
        emulator.stop()
    }
}
