// The emulator as a subprocess: started on a free port, its start-up line read, its control API
// (/__emulator) called over java.net.http, and killed at the end.
package com.imburse.testing

import com.google.gson.Gson
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

class Emulator private constructor(private val process: Process, startup: JsonObject) {
    val url: String = startup["url"].asString
    val publicKey: String = startup["public_key"].asString
    val privateKey: String = startup["private_key"].asString
    val accountId: String = startup["account_id"].asString
    val tenantId: String = startup["tenant_id"].asString
    /** Over HTTPS (`--tls`): the run's certificate authority. */
    val caPem: String? = startup["ca_pem"]?.asString
    /** With `--tls-client-auth`: a client certificate and key the server accepts. */
    val clientIdentityPem: String? = startup["client_identity_pem"]?.asString

    private val http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    companion object {
        /** The binary `scripts/test.sh` built; `IMBURSE_EMULATOR` overrides it. */
        fun binary(): String =
            System.getenv("IMBURSE_EMULATOR") ?: error("IMBURSE_EMULATOR (path of imburse-emulator) is not set")

        fun start(vararg args: String): Emulator {
            val stderr = File.createTempFile("imburse-emulator", ".log").apply { deleteOnExit() }
            val process = ProcessBuilder(listOf(binary(), "--port", "0") + args)
                .redirectError(stderr)
                .start()
            // An interrupted run (Ctrl-C, SIGTERM) must not leave the emulator behind.
            Runtime.getRuntime().addShutdownHook(Thread { process.destroy() })
            val line = process.inputStream.bufferedReader().readLine()
            if (line == null) {
                process.waitFor(5, TimeUnit.SECONDS)
                error("the emulator did not start: ${stderr.readText()}")
            }
            return Emulator(process, JsonParser.parseString(line).asJsonObject)
        }
    }

    /** Calls the control API; a non-2xx answer is a harness failure. */
    fun control(method: String, path: String, body: JsonElement? = null): JsonElement {
        val publisher = if (body == null) HttpRequest.BodyPublishers.noBody()
        else HttpRequest.BodyPublishers.ofString(Gson().toJson(body))
        val request = HttpRequest.newBuilder(URI.create("$url/__emulator$path"))
            .method(method, publisher)
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        if (response.statusCode() !in 200..299) {
            error("control $method $path answered ${response.statusCode()}: ${response.body()}")
        }
        val text = response.body()
        return if (text.isBlank()) JsonNull.INSTANCE else JsonParser.parseString(text)
    }

    fun reset() = control("POST", "/reset")

    fun clearRequests() = control("DELETE", "/requests")

    /** Arms a fault given as JSON text, e.g. `{"method":"GET","path":"*","action":"respond","status":503}`. */
    fun fault(spec: String) = control("POST", "/faults", JsonParser.parseString(spec))

    fun expireTokens() = control("POST", "/tokens/expire")

    /** The request log, every entry a JSON object. */
    fun requests(): List<JsonObject> = control("GET", "/requests").asJsonArray.map { it.asJsonObject }

    /** The log entries of calls to [pathPrefix] (the token exchange left out unless it matches). */
    fun requestsTo(method: String, pathPrefix: String): List<JsonObject> =
        requests().filter { it["method"].asString == method && it["path"].asString.startsWith(pathPrefix) }

    fun identityRequests(): Int = requestsTo("POST", "/v1/identity/hmac").size

    fun stop() {
        process.destroy()
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor()
    }
}

/** A log entry's header, or null. */
fun JsonObject.header(name: String): String? =
    this["headers"].asJsonObject[name]?.takeUnless { it.isJsonNull }?.asString
