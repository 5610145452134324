// JVM driver of the side-by-side benchmark (bench/run.sh): the SDK's BlockingClient and suspend
// Client against the JDK's java.net.http.HttpClient (send / sendAsync) and OkHttp (execute /
// enqueue), each hand-written client doing the same work (bearer token, account and tenant
// headers, status check, JSON decoded by Gson into a class with an exact BigDecimal amount),
// sequentially and with many calls in flight, in interleaved rounds. One JSON record per round.

import com.google.gson.Gson
import com.imburse.BlockingClient
import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.core.Secret
import java.io.IOException
import java.lang.management.ManagementFactory
import java.math.BigDecimal
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import okhttp3.Call
import okhttp3.Callback
import okhttp3.ConnectionPool
import okhttp3.Dispatcher
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.Response

fun env(name: String): String = System.getenv("BENCH_$name") ?: error("BENCH_$name is not set (run bench/run.sh)")
fun count(name: String, default: Int): Int = System.getenv("BENCH_$name")?.toInt() ?: default

val URL_BASE = env("URL")
val TOKEN = env("TOKEN")
val ACCOUNT = env("ACCOUNT_ID")
val TENANT = env("TENANT_ID")
val ORDER = env("ORDER")
val INSTRUCTION = env("INSTRUCTION")
val CALLS = count("CALLS", 5000)
val ROUNDS = count("ROUNDS", 5)
val MEM_CALLS = count("MEM_CALLS", 100_000)
val IN_FLIGHT = count("CONCURRENCY", 64)
val URL = "$URL_BASE/v2/order-management/$ORDER/instruction/$INSTRUCTION"
val gson = Gson()

/** What a hand-written client would decode the body into. */
class NativeInstruction(
    val orderRef: String, val instructionRef: String, val customerRef: String, val direction: String,
    val status: String, val amount: BigDecimal, val currency: String, val country: String,
    val metadata: Map<String, String>?,
)

fun decode(status: Int, body: String): NativeInstruction {
    if (status !in 200..299) throw IOException("GET instruction answered $status")
    return gson.fromJson(body, NativeInstruction::class.java)
}

val osBean = ManagementFactory.getOperatingSystemMXBean() as com.sun.management.OperatingSystemMXBean

/** Process CPU time (every thread: the native runtime's, the HTTP clients', GC and JIT). */
fun cpuSeconds(): Double = osBean.processCpuTime / 1e9

fun rssKb(): Long =
    java.io.File("/proc/self/status").readLines().first { it.startsWith("VmRSS:") }.split(Regex("\\s+"))[1].toLong()

fun emit(json: String) {
    println(json)
    System.out.flush()
}

fun emitRound(case: String, round: Int, calls: Int, wall: Double, cpu: Double) =
    emit("""{"case":"$case","round":$round,"calls":$calls,"wall_s":$wall,"cpu_s":$cpu}""")

fun sdkConfig() = ClientConfig(
    publicKey = env("PUBLIC_KEY"), privateKey = Secret(env("PRIVATE_KEY")), accountId = ACCOUNT,
    tenantId = TENANT, baseUrl = URL_BASE,
)

fun main() {
    emit("""{"info":"kotlin","versions":{"java":"${System.getProperty("java.version")}","kotlin":"${KotlinVersion.CURRENT}","okhttp":"${okhttp3.OkHttp.VERSION}","gson":"2.13.2"}}""")
    val jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
    val jdkRequest = HttpRequest.newBuilder(URI.create(URL))
        .header("Authorization", "Bearer $TOKEN").header("x-account-id", ACCOUNT).header("x-tenant-id", TENANT)
        .GET().build()
    // OkHttp's defaults allow 5 requests per host and keep 5 idle connections: raised so that it
    // can have IN_FLIGHT calls in flight, as a user benchmarking it would.
    val okhttp = OkHttpClient.Builder()
        .dispatcher(Dispatcher().apply { maxRequests = maxOf(64, IN_FLIGHT); maxRequestsPerHost = maxOf(64, IN_FLIGHT) })
        .connectionPool(ConnectionPool(maxOf(64, IN_FLIGHT), 5, TimeUnit.MINUTES))
        .build()
    val okRequest = Request.Builder().url(URL)
        .header("Authorization", "Bearer $TOKEN").header("x-account-id", ACCOUNT).header("x-tenant-id", TENANT)
        .build()

    val blocking = BlockingClient(sdkConfig())
    val sequential: List<Pair<String, () -> Any>> = listOf(
        "kotlin.BlockingClient.seq" to { blocking.getInstruction(ORDER, INSTRUCTION, null) },
        "kotlin.jdk-send.seq" to {
            val r = jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofString())
            decode(r.statusCode(), r.body())
        },
        "kotlin.okhttp.seq" to {
            okhttp.newCall(okRequest).execute().use { r -> decode(r.code, r.body!!.string()) }
        },
    )
    // The JIT needs more warming than the other languages' runtimes.
    for ((_, call) in sequential) repeat(CALLS) { call() }
    for (round in 0 until ROUNDS) {
        for ((case, call) in sequential) {
            val cpu = cpuSeconds()
            val start = System.nanoTime()
            repeat(CALLS) { call() }
            emitRound(case, round, CALLS, (System.nanoTime() - start) / 1e9, cpuSeconds() - cpu)
        }
    }
    var before = rssKb()
    repeat(MEM_CALLS) { blocking.getInstruction(ORDER, INSTRUCTION, null) }
    emit("""{"case":"kotlin.BlockingClient.seq","rss_calls":$MEM_CALLS,"rss_before_kb":$before,"rss_after_kb":${rssKb()}}""")
    blocking.close()

    val client = Client(sdkConfig())
    val mode = "c$IN_FLIGHT"
    val concurrent: List<Pair<String, suspend () -> Any>> = listOf(
        "kotlin.Client.$mode" to { client.getInstruction(ORDER, INSTRUCTION, null) },
        "kotlin.jdk-sendAsync.$mode" to {
            val r = jdk.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofString()).await()
            decode(r.statusCode(), r.body())
        },
        "kotlin.okhttp-enqueue.$mode" to { okEnqueue(okhttp, okRequest) },
    )
    runBlocking(Dispatchers.Default) {
        suspend fun inFlight(calls: Int, call: suspend () -> Any) {
            val remaining = AtomicInteger(calls)
            val workers = List(IN_FLIGHT) { launch { while (remaining.getAndDecrement() > 0) call() } }
            workers.forEach { it.join() }
        }
        for ((_, call) in concurrent) inFlight(CALLS, call)
        for (round in 0 until ROUNDS) {
            for ((case, call) in concurrent) {
                val cpu = cpuSeconds()
                val start = System.nanoTime()
                inFlight(CALLS, call)
                emitRound(case, round, CALLS, (System.nanoTime() - start) / 1e9, cpuSeconds() - cpu)
            }
        }
        before = rssKb()
        inFlight(MEM_CALLS, concurrent[0].second)
        emit("""{"case":"kotlin.Client.$mode","rss_calls":$MEM_CALLS,"rss_before_kb":$before,"rss_after_kb":${rssKb()}}""")
    }
    client.close()
    okhttp.dispatcher.executorService.shutdown()
    okhttp.connectionPool.evictAll()
}

/** OkHttp's asynchronous call as a suspend function; the body is read and decoded on OkHttp's thread. */
suspend fun okEnqueue(okhttp: OkHttpClient, request: Request): NativeInstruction =
    suspendCancellableCoroutine { continuation ->
        val call = okhttp.newCall(request)
        continuation.invokeOnCancellation { call.cancel() }
        call.enqueue(object : Callback {
            override fun onFailure(call: Call, e: IOException) = continuation.resumeWithException(e)
            override fun onResponse(call: Call, response: Response) {
                val decoded = runCatching { response.use { decode(it.code, it.body!!.string()) } }
                decoded.fold(continuation::resume, continuation::resumeWithException)
            }
        })
    }
