// The README's quickstart as written (a `suspend fun main`, no dispatcher), pointed at the
// library's in-process emulator, then followed by the calls that used to break there: a
// blocking call and a `runBlocking` call from the code that runs after the first suspend call.
// Exits non-zero when any of them fails, when user code ran on one of the SDK's threads, or
// when it takes too long.
package com.example

import com.imburse.*
import com.imburse.core.*
import com.imburse.testing.TestEmulator
import kotlinx.coroutines.runBlocking
import kotlin.system.exitProcess

/** Threads user code may run on here: its own, or the JVM's pools. The SDK's runtime threads
 * appear to Java as attached native threads (`Thread-N`). */
fun isUserThread(name: String) =
    name == "main" || name.startsWith("ForkJoinPool.commonPool-worker") || name.startsWith("DefaultDispatcher-worker")

fun requireOffSdkThread(step: String) {
    val name = Thread.currentThread().name
    if (!isUserThread(name)) {
        System.err.println("quickstart: after $step the code ran on the SDK's thread $name")
        exitProcess(1)
    }
}

suspend fun main() {
    val emulator = TestEmulator.startBlocking()
    val server = emulator.info()
    // A hang is a failure, not a stuck build.
    val watchdog = Thread {
        try {
            Thread.sleep(60_000)
        } catch (finished: InterruptedException) {
            return@Thread
        }
        System.err.println("quickstart: timed out")
        Runtime.getRuntime().halt(1)
    }.apply { isDaemon = true; start() }

    val config = ClientConfig(
        publicKey = server.publicKey,
        privateKey = Secret(server.privateKey),  // never shown by toString()
        accountId = server.accountId,
        tenantId = server.tenantId,
        baseUrl = server.url,
    )

    Client(config).use { client ->                     // AutoCloseable
        val created = client.createOrder(
            NewOrder(
                orderRef = "ORDER-1",
                instructions = listOf(
                    NewInstruction(
                        instructionRef = "I-1", customerRef = "CUST-1", direction = Direction.DEBIT,
                        amount = "49.99",
                        currency = "GBP", country = "GB",
                        settledByDate = "2026-12-31", schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90",
                    ),
                ),
                metadata = mapOf("channel" to "web"),
            ),
        )
        requireOffSdkThread("createOrder")
        val instruction = client.getInstruction("ORDER-1", "I-1", CallOptions(correlationId = "checkout-1234"))
        requireOffSdkThread("getInstruction")
        println("${instruction.data.status} ${instruction.data.amount} ${instruction.data.currency}")
        println("attempts ${instruction.meta.attempts}, correlation id ${instruction.meta.clientCorrelationId}")

        val blocking = BlockingClient(config).use { it.getOrder("ORDER-1").data.orderRef }
        val nested = runBlocking { client.getOrder("ORDER-1").data.orderRef }
        requireOffSdkThread("runBlocking")
        check(created.data.status == 202 && blocking == "ORDER-1" && nested == "ORDER-1") { "unexpected results" }
        println("quickstart: suspend, blocking and runBlocking calls all completed off the SDK's threads")
    }
    watchdog.interrupt()
    emulator.close()
}
