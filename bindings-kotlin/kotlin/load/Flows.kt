// The Kotlin driver of the load-with-faults run (tests/load/run.py starts the emulator, arms the
// faults and judges; this only does the flows): create an order with one instruction and read
// the instruction back, LOAD_CONCURRENCY coroutines in flight on one shared suspend client.
package com.imburse.load

import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.ImburseException
import com.imburse.core.Direction
import com.imburse.core.NewInstruction
import com.imburse.core.NewOrder
import com.imburse.core.Secret
import com.google.gson.Gson
import java.io.File
import java.time.Duration
import java.util.concurrent.atomic.AtomicLong
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking

private val gson = Gson()
private val out = Any()

private fun env(name: String): String = System.getenv(name) ?: error("$name is not set")
private fun setting(name: String): Long = env(name).toLong()
private fun ms(name: String): Duration = Duration.ofMillis(setting(name))

private fun emit(record: Map<String, Any?>) {
    val line = gson.toJson(record)
    synchronized(out) { println(line) }
}

/** File descriptors, threads and resident memory of this process, from /proc. */
private fun sample(flows: Long): Map<String, Any?> {
    val status = File("/proc/self/status").readLines()
    fun field(name: String) = status.firstOrNull { it.startsWith("$name:") }?.split(Regex("\\s+"))?.get(1)?.toLong() ?: 0L
    val fds = File("/proc/self/fd").list()?.size ?: 0
    return mapOf("sample" to mapOf("flows" to flows, "rss_kb" to field("VmRSS"), "threads" to field("Threads"), "fds" to fds))
}

private suspend fun flow(client: Client, prefix: String, amount: String, i: Long): Map<String, Any?> {
    val started = System.nanoTime()
    val orderRef = "$prefix-$i"
    return try {
        val created = client.createOrder(
            NewOrder(
                orderRef = orderRef,
                instructions = listOf(
                    NewInstruction(
                        instructionRef = "INS-1", customerRef = "CUST-$i", direction = Direction.DEBIT, amount = amount,
                        currency = "GBP", country = "GB", settledByDate = null,
                        schemeId = "654EB81FF7F07F7CF5A1EE3FF6972E90", financialInstrumentId = null, metadata = emptyMap(),
                    ),
                ),
            ),
        )
        val read = client.getInstruction(orderRef, "INS-1")
        if (read.data.amount != amount || read.data.instructionRef != "INS-1") {
            mapOf("flow" to i, "ok" to false, "kind" to "mismatch", "code" to "MISMATCH", "message" to read.data.toString())
        } else {
            val elapsedMs = (System.nanoTime() - started) / 1e6
            mapOf("flow" to i, "ok" to true, "attempts" to created.meta.attempts + read.meta.attempts, "ms" to elapsedMs)
        }
    } catch (e: ImburseException) {
        val d = e.details()
        mapOf("flow" to i, "ok" to false, "kind" to d.kind, "code" to d.code, "message" to e.message)
    }
}

fun main() = runBlocking {
    val flows = setting("LOAD_FLOWS")
    val concurrency = setting("LOAD_CONCURRENCY").toInt()
    val every = maxOf(1L, setting("LOAD_SAMPLE_EVERY"))
    val deadline = System.nanoTime() + setting("LOAD_DURATION_S") * 1_000_000_000
    val prefix = env("LOAD_PREFIX")
    val amount = env("LOAD_AMOUNT")
    val config = ClientConfig(
        baseUrl = env("IMBURSE_BASE_URL"),
        publicKey = env("IMBURSE_PUBLIC_KEY"),
        privateKey = Secret(env("IMBURSE_PRIVATE_KEY")),
        accountId = env("IMBURSE_ACCOUNT_ID"),
        tenantId = env("IMBURSE_TENANT_ID"),
        maxAttempts = setting("LOAD_MAX_ATTEMPTS").toInt(),
        backoffBase = ms("LOAD_BACKOFF_BASE_MS"),
        backoffCap = ms("LOAD_BACKOFF_CAP_MS"),
        attemptTimeout = ms("LOAD_ATTEMPT_TIMEOUT_MS"),
        callTimeout = ms("LOAD_CALL_TIMEOUT_MS"),
        useEnvProxy = false,
    )
    Client(config).use { client ->
        client.authenticate()
        emit(sample(0))
        val done = AtomicLong()
        var start = 0L
        do {
            // `concurrency` coroutines share the batch's flow numbers.
            val next = AtomicLong(start)
            val end = start + flows
            (1..concurrency).map {
                async(Dispatchers.Default) {
                    while (true) {
                        val i = next.getAndIncrement()
                        if (i >= end) break
                        emit(flow(client, prefix, amount, i))
                        val n = done.incrementAndGet()
                        if (n % every == 0L) emit(sample(n))
                    }
                }
            }.awaitAll()
            start = end
        } while (System.nanoTime() < deadline)
        if (done.get() % every != 0L) emit(sample(done.get()))
    }
}
