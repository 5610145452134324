// The Kotlin runner of the cross-language conformance suite (tests/conformance/README.md).
//
// It does what core/tests/conformance.rs does, through the Kotlin binding: every scenario of the
// manifest, in order, against one emulator; one normalised, key-sorted record per scenario in
// records/kotlin.jsonl. The judge then compares those records with the Rust runner's.
//
// Usage: Runner <suite dir> <records file>; IMBURSE_EMULATOR names the emulator binary.
package com.imburse.conformance

import com.google.gson.GsonBuilder
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import java.time.Duration
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import com.imburse.core.AttemptEvent
import com.imburse.AttemptListener
import com.imburse.CallOptions
import com.imburse.Client
import com.imburse.ClientConfig
import com.imburse.core.CustomerDefault
import com.imburse.core.Direction
import com.imburse.core.ErrorReport
import com.imburse.ImburseException
import com.imburse.core.ResponseMeta
import com.imburse.core.NewInstruction
import com.imburse.core.NewMobileInstrument
import com.imburse.core.NewOrder
import com.imburse.core.NewScheme
import com.imburse.core.AccountUpdate
import com.imburse.core.IpAllowListUpdate
import com.imburse.core.IpRange
import com.imburse.core.LicenseUpgradeRequest
import com.imburse.core.PayoutOptionsQuery
import com.imburse.core.SchemeDraft
import com.imburse.core.ApiKey
import com.imburse.core.ApiKeySettings
import com.imburse.core.CreatedApiKey
import com.imburse.core.Tenant
import com.imburse.core.TenantSettings
import com.imburse.core.NewSchemeApp
import com.imburse.core.NewSchemeRule
import com.imburse.core.Scheme
import com.imburse.core.Secret
import com.imburse.testing.Emulator
import java.io.File
import kotlin.system.exitProcess
import kotlinx.coroutines.runBlocking

/** A harness failure (bad manifest, failing setup): stops the run, never becomes a record. */
class HarnessError(message: String) : RuntimeException(message)

fun harness(message: String): Nothing = throw HarnessError("conformance harness: $message")

// ------------------------------------------------------------------------- JSON helpers

fun json(vararg pairs: Pair<String, Any?>): JsonObject = JsonObject().apply { pairs.forEach { (k, v) -> add(k, toJson(v)) } }

fun toJson(value: Any?): JsonElement = when (value) {
    null -> JsonNull.INSTANCE
    is JsonElement -> value
    is String -> JsonPrimitive(value)
    is Boolean -> JsonPrimitive(value)
    is Number -> JsonPrimitive(value)
    is Map<*, *> -> JsonObject().apply { value.forEach { (k, v) -> add(k as String, toJson(v)) } }
    is Iterable<*> -> JsonArray().apply { value.forEach { add(toJson(it)) } }
    else -> harness("cannot encode ${value::class}")
}

/** A member, or JSON null when absent. */
fun JsonElement?.at(key: String): JsonElement =
    if (this != null && this.isJsonObject) this.asJsonObject[key] ?: JsonNull.INSTANCE else JsonNull.INSTANCE

fun JsonElement.str(): String? = if (isJsonPrimitive && asJsonPrimitive.isString) asString else null

fun JsonElement.long(): Long? = if (isJsonPrimitive && asJsonPrimitive.isNumber) asLong else null

fun text(args: JsonElement, key: String): String = args.at(key).str() ?: ""

fun optText(args: JsonElement, key: String): String? = args.at(key).str()

fun metadata(value: JsonElement): Map<String, String> =
    if (value.isJsonObject) value.asJsonObject.entrySet().associate { (k, v) -> k to (v.str() ?: "") } else emptyMap()

fun sortKeys(value: JsonElement): JsonElement = when {
    value.isJsonObject -> JsonObject().apply {
        value.asJsonObject.entrySet().sortedBy { it.key }.forEach { (k, v) -> add(k, sortKeys(v)) }
    }
    value.isJsonArray -> JsonArray().apply { value.asJsonArray.forEach { add(sortKeys(it)) } }
    else -> value
}

// ------------------------------------------------------------------------- normalisation

val UUID = Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
val IMBURSE_CORRELATION_ID = Regex("^[0-9A-V]{13}:[0-9a-fA-F]{8}$")
val HEX_ID = Regex("^[0-9a-fA-F]{32}$")

fun isUuid(text: String) = UUID.matches(text)

/** The suite's normalisation rules 1–3. */
fun normalise(value: JsonElement): JsonElement = when {
    value.isJsonPrimitive && value.asJsonPrimitive.isString && isUuid(value.asString) -> JsonPrimitive("<uuid>")
    value.isJsonPrimitive && value.asJsonPrimitive.isString && HEX_ID.matches(value.asString) -> JsonPrimitive("<hex-id>")
    value.isJsonPrimitive && value.asJsonPrimitive.isString && IMBURSE_CORRELATION_ID.matches(value.asString) ->
        JsonPrimitive("<imburse-correlation-id>")
    value.isJsonArray -> JsonArray().apply { value.asJsonArray.forEach { add(normalise(it)) } }
    value.isJsonObject -> JsonObject().apply {
        value.asJsonObject.entrySet().forEach { (k, v) ->
            add(k, if ((k == "created" || k == "last_updated") && !v.isJsonNull) JsonPrimitive("<epoch-ms>") else normalise(v))
        }
    }
    else -> value
}

/**
 * The record's kind, read from the exception's class rather than from `details().kind`, so the
 * whole suite also checks that every failure lands in the right class.
 */
fun kindOf(e: ImburseException): String = when (e) {
    is ImburseException.BadRequest -> "bad_request"
    is ImburseException.Unauthorized -> "unauthorized"
    is ImburseException.RequestFailed -> "request_failed"
    is ImburseException.Forbidden -> "forbidden"
    is ImburseException.NotFound -> "not_found"
    is ImburseException.Conflict -> "conflict"
    is ImburseException.RateLimited -> "rate_limited"
    is ImburseException.Server -> "server"
    is ImburseException.Timeout -> "timeout"
    is ImburseException.Connection -> "connection"
    is ImburseException.InvalidResponse -> "invalid_response"
    is ImburseException.InvalidRequest -> "invalid_request"
    is ImburseException.Configuration -> "configuration"
    is ImburseException.Closed -> "closed"
    is ImburseException.Other -> "other:${e.report.kind}"
}

/** Either id anywhere in a text, leftmost first, the UUID tried first (the judge's normalise_text). */
val IDS_IN_TEXT = Regex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9A-Za-z]{13}:[0-9A-Fa-f]{8}")

/** An HTTP date, as a clock-skew message quotes the two clocks. */
val HTTP_DATE = Regex("[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT")

fun normaliseText(text: String): String =
    IDS_IN_TEXT.replace(text) { if (isUuid(it.value)) "<uuid>" else "<imburse-correlation-id>" }
        .let { HTTP_DATE.replace(it, "<http-date>") }

fun errorRecord(e: ImburseException): JsonElement {
    val d = e.details()
    val record = normalise(
        json(
            "kind" to kindOf(e),
            "status" to d.status,
            "code" to d.code,
            "codes" to d.errors.map { it.code },
            "retry_after_ms" to d.retryAfter?.toMillis(),
            "client_correlation_id" to d.clientCorrelationId,
            "correlation_id" to d.correlationId,
            "attempts" to d.attempts,
            "raw_body" to (d.rawBody != null),
        ),
    ).asJsonObject
    record.add("text", JsonPrimitive(normaliseText(e.message ?: "")))
    record.add("detail", JsonPrimitive(normaliseText(d.detail)))
    record.add(
        "entries",
        toJson(d.errors.map { mapOf("code" to it.code, "message" to normaliseText(it.message), "metadata" to normalise(toJson(it.metadata))) }),
    )
    return record
}

/** The emulator's glob: `*` matches any run of characters (`/` included), the rest literally. */
fun globMatch(pattern: String, text: String): Boolean {
    val regex = pattern.split("*").joinToString(".*") { Regex.escape(it) }
    return Regex("^$regex$", RegexOption.DOT_MATCHES_ALL).matches(text)
}

// ------------------------------------------------------------------------- the suite

class Suite(val manifest: JsonObject, val emulator: Emulator) {
    /** The attempt events of the current scenario's client, in order. */
    val events: MutableList<JsonObject> = java.util.Collections.synchronizedList(mutableListOf())
    private val recorder = object : AttemptListener {
        override fun onAttempt(event: AttemptEvent) {
            events += json("operation" to event.operation, "attempt" to event.attempt, "status" to event.status, "outcome" to event.outcome)
        }
    }

    val environment: JsonElement get() = manifest.at("environment")

    fun control(method: String, path: String, body: JsonElement? = null) = emulator.control(method, path, body)

    /** A client from the manifest's settings overlaid with a scenario's. */
    fun client(overrides: JsonElement): Client {
        val settings = JsonObject()
        manifest.at("client").asJsonObject.entrySet().forEach { (k, v) -> settings.add(k, v) }
        if (overrides.isJsonObject) overrides.asJsonObject.entrySet().forEach { (k, v) -> settings.add(k, v) }
        fun ms(key: String): java.time.Duration = java.time.Duration.ofMillis(settings.at(key).long() ?: harness(key))
        val credentialsName = settings.at("credentials").str() ?: "demo"
        val credentials = environment.at("credentials").at(credentialsName)
        val tenantName = settings.at("tenant_id").str() ?: "demo"
        val baseUrl = when (val name = settings.at("base_url").str() ?: "emulator") {
            "emulator" -> emulator.url
            "unreachable" -> "http://127.0.0.1:${java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1")).use { it.localPort }}"
            else -> harness("unknown base_url $name")
        }
        val config = ClientConfig(
            baseUrl = baseUrl,
            publicKey = credentials.at("public_key").str() ?: harness(credentialsName),
            privateKey = Secret(credentials.at("private_key").str() ?: ""),
            accountId = credentials.at("account_id").str() ?: "",
            tenantId = environment.at("tenants").at(tenantName).str(),
            maxAttempts = (settings.at("max_attempts").long() ?: 3L).toInt(),
            backoffBase = ms("backoff_base_ms"),
            backoffCap = ms("backoff_cap_ms"),
            retryAfterCap = ms("retry_after_cap_ms"),
            connectTimeout = ms("connect_timeout_ms"),
            attemptTimeout = ms("attempt_timeout_ms"),
            callTimeout = ms("call_timeout_ms"),
            useEnvProxy = false,
        )
        return Client(config, recorder)
    }

    fun options(options: JsonElement) = CallOptions(
        correlationId = options.at("correlation_id").str(),
        tenantId = options.at("tenant_id").str()?.let { name -> environment.at("tenants").at(name).str() ?: harness(name) },
        timeout = options.at("timeout_ms").long()?.let { Duration.ofMillis(it) },
        attemptTimeout = options.at("attempt_timeout_ms").long()?.let { Duration.ofMillis(it) },
        maxAttempts = options.at("max_attempts").long()?.toInt(),
    )
}

fun instruction(args: JsonElement) = NewInstruction(
    instructionRef = text(args, "instruction_ref"),
    customerRef = text(args, "customer_ref"),
    direction = when (text(args, "direction").uppercase()) {
        "DEBIT" -> Direction.DEBIT
        "CREDIT" -> Direction.CREDIT
        else -> harness("direction ${text(args, "direction")}")
    },
    amount = text(args, "amount"),
    currency = text(args, "currency"),
    country = text(args, "country"),
    settledByDate = optText(args, "settled_by_date"),
    schemeId = optText(args, "scheme_id"),
    financialInstrumentId = optText(args, "financial_instrument_id"),
    metadata = metadata(args.at("metadata")),
)

fun newOrder(args: JsonElement) = NewOrder(
    orderRef = text(args, "order_ref"),
    instructions = if (args.at("instructions").isJsonArray) args.at("instructions").asJsonArray.map { instruction(it) } else emptyList(),
    metadata = metadata(args.at("metadata")),
    customerDefaults = if (args.at("customer_defaults").isJsonObject) {
        args.at("customer_defaults").asJsonObject.entrySet().associate { (customerRef, d) -> customerRef to customerDefault(d) }
    } else {
        emptyMap()
    },
)

fun customerDefault(d: JsonElement) = CustomerDefault(
    financialInstrumentId = optText(d, "financial_instrument_id"),
    schemeId = optText(d, "scheme_id"),
    metadata = metadata(d.at("metadata")),
)

/** Calls one operation; the result is the un-normalised record shape and the attempts. */
fun texts(value: JsonElement): List<String> =
    if (value.isJsonArray) value.asJsonArray.mapNotNull { it.str() } else emptyList()

fun newScheme(args: JsonElement): NewScheme {
    val s = args.at("scheme")
    val rules = s.at("rules").let { if (it.isJsonArray) it.asJsonArray.toList() else emptyList() }
    return NewScheme(
        name = text(s, "name"),
        code = optText(s, "code"),
        agreementType = optText(s, "agreement_type"),
        rules = rules.map { r ->
            NewSchemeRule(
                currencies = texts(r.at("currencies")),
                countries = texts(r.at("countries")),
                lowValueInclusive = optText(r, "low_value_inclusive"),
                highValueInclusive = optText(r, "high_value_inclusive"),
                apps = r.at("apps").let { if (it.isJsonArray) it.asJsonArray.toList() else emptyList() }.map { a ->
                    NewSchemeApp(appId = text(a, "app_id"), excludedPaymentMethods = texts(a.at("excluded_payment_methods")))
                },
            )
        },
    )
}

/** A scheme as the records show it: its first draft's rules flattened. */
fun schemeRecord(s: Scheme): JsonObject {
    val first = s.drafts.firstOrNull()
    val rules = first?.rules ?: emptyList()
    val apps = rules.flatMap { it.apps }
    return json(
        "scheme_id" to s.schemeId,
        "draft_id" to first?.draftId,
        "published" to (first != null && s.publishedDraftId == first.draftId),
        "names" to s.drafts.map { it.name },
        "currencies" to rules.flatMap { r -> r.currencies.map { it.code } },
        "currency_names" to rules.flatMap { r -> r.currencies.map { it.name } },
        "countries" to rules.flatMap { r -> r.countries.map { it.code } },
        "bounds" to rules.map { listOf(it.lowValueInclusive, it.highValueInclusive) },
        "apps" to apps.map { it.appId },
        "available_payment_methods" to apps.map { it.availablePaymentMethods },
    )
}

suspend fun call(client: Client, operation: String, args: JsonElement, options: CallOptions): Pair<JsonObject, Int> {
    val customerRef = text(args, "customer_ref")
    return when (operation) {
        "create_order" -> {
            val order = newOrder(args)
            val r = client.createOrder(order, options)
            json("order_ref" to order.orderRef, "status" to r.data.status, "reconciled" to r.data.reconciled) to r.meta.attempts
        }
        "create_order_v2" -> {
            val order = newOrder(args)
            val r = client.createOrderV2(order, options)
            json("order_ref" to order.orderRef, "status" to r.data.status, "reconciled" to r.data.reconciled) to r.meta.attempts
        }
        "update_customer_default" -> {
            val meta = client.updateCustomerDefault(text(args, "order_ref"), customerRef, customerDefault(args.at("customer_default")), options)
            json("status" to meta.status) to meta.attempts
        }
        "delete_customer_default" -> {
            val meta = client.deleteCustomerDefault(text(args, "order_ref"), customerRef, options)
            json("status" to meta.status) to meta.attempts
        }
        "forget_customer" -> {
            val meta = client.forgetCustomer(customerRef, options)
            json("status" to meta.status) to meta.attempts
        }
        "get_transaction" -> {
            val r = client.getTransaction(customerRef, text(args, "financial_instrument_id"), text(args, "transaction_id"), options)
            val t = r.data
            json(
                "transaction_id" to t.transactionId, "status" to t.status, "amount" to t.amount,
                "net_amount" to t.netAmount, "financial_instrument_id" to t.financialInstrumentId,
                "app_id" to t.app?.appId,
                "refunds" to t.refunds.map { json("refund_id" to it.refundId, "amount" to it.amount, "status" to it.status) },
            ) to r.meta.attempts
        }
        "get_order" -> {
            val r = client.getOrder(text(args, "order_ref"), options)
            val o = r.data
            json(
                "order_ref" to o.orderRef, "metadata" to o.metadata,
                "instruction_refs" to o.instructions.map { it.instructionRef },
                "customer_default_refs" to o.customerDefaults.keys.sorted(),
                "created" to o.created, "last_updated" to o.lastUpdated,
                "self_link" to o.links["self"]?.href,
            ) to r.meta.attempts
        }
        "create_instruction" -> {
            val new = instruction(args.at("instruction"))
            val r = client.createInstruction(text(args, "order_ref"), new, options)
            json(
                "order_ref" to text(args, "order_ref"), "instruction_ref" to new.instructionRef,
                "status" to r.data.status, "reconciled" to r.data.reconciled,
            ) to r.meta.attempts
        }
        "get_instruction", "wait_for_instruction" -> {
            val (orderRef, instructionRef) = text(args, "order_ref") to text(args, "instruction_ref")
            val r = if (operation == "get_instruction") {
                client.getInstruction(orderRef, instructionRef, options)
            } else {
                val statuses = args.at("statuses").let { if (it.isJsonArray) it.asJsonArray.mapNotNull { s -> s.str() } else emptyList() }
                client.waitForInstruction(orderRef, instructionRef, statuses, options)
            }
            val i = r.data
            json(
                "order_ref" to i.orderRef, "instruction_ref" to i.instructionRef, "customer_ref" to i.customerRef,
                "direction" to i.direction.name, "status" to i.status, "amount" to i.amount,
                "currency" to i.currency, "country" to i.country, "settled_by_date" to i.settledByDate,
                "scheme_id" to i.scheme?.schemeId, "scheme_source" to i.scheme?.source,
                "financial_instrument_id" to i.financialInstrument?.financialInstrumentId,
                "financial_instrument_source" to i.financialInstrument?.source, "metadata" to i.metadata,
                "created" to i.created, "last_updated" to i.lastUpdated,
            ) to r.meta.attempts
        }
        "cancel_instruction" -> {
            val meta = client.cancelInstruction(text(args, "order_ref"), text(args, "instruction_ref"), optText(args, "reason"), options)
            json("status" to meta.status) to meta.attempts
        }
        "get_customer", "get_or_create_customer" -> {
            val r = if (operation == "get_customer") client.getCustomer(customerRef, options)
            else client.getOrCreateCustomer(customerRef, options)
            val c = r.data
            json(
                "customer_ref" to c.customerRef, "status" to c.status, "metadata" to c.metadata,
                "financial_instrument_ids" to c.financialInstruments.map { it.id }, "created" to c.created,
            ) to r.meta.attempts
        }
        "update_order_metadata" -> {
            val meta = client.updateOrderMetadata(text(args, "order_ref"), metadata(args.at("metadata")), options)
            json("status" to meta.status) to meta.attempts
        }
        "update_customer_metadata" -> {
            val meta = client.updateCustomerMetadata(customerRef, metadata(args.at("metadata")), options)
            json("status" to meta.status) to meta.attempts
        }
        "add_mobile_instrument" -> {
            val mobile = NewMobileInstrument(countryCode = text(args, "country_code"), phoneNumber = text(args, "phone_number"))
            val r = client.addMobileInstrument(customerRef, mobile, options)
            json("id" to r.data.id) to r.meta.attempts
        }
        "get_financial_instrument" -> {
            val r = client.getFinancialInstrument(customerRef, text(args, "financial_instrument_id"), options)
            val f = r.data
            json(
                "id" to f.id, "type" to f.kind, "status" to f.status, "display_name" to f.displayName,
                "details" to f.details, "wallet_enabled" to f.inWallet, "created" to f.createdTimestamp,
            ) to r.meta.attempts
        }
        "get_wallet" -> {
            val r = client.getWallet(customerRef, options)
            json("customer_ref" to customerRef, "financial_instrument_ids" to r.data.financialInstruments.map { it.id }) to r.meta.attempts
        }
        "add_to_wallet" -> {
            val meta = client.addToWallet(customerRef, text(args, "financial_instrument_id"), optText(args, "reason"), options)
            json("status" to meta.status) to meta.attempts
        }
        "list_collect_schemes" -> client.listCollectSchemes(options).let { r ->
            json("scheme_ids" to r.data.schemes.map { it.schemeId }) to r.meta.attempts
        }
        "list_payout_schemes" -> client.listPayoutSchemes(options).let { r ->
            json("scheme_ids" to r.data.schemes.map { it.schemeId }) to r.meta.attempts
        }
        "get_collect_scheme" -> client.getCollectScheme(text(args, "scheme_id"), options).let { schemeRecord(it.data) to it.meta.attempts }
        "get_payout_scheme" -> client.getPayoutScheme(text(args, "scheme_id"), options).let { schemeRecord(it.data) to it.meta.attempts }
        "create_collect_scheme" -> client.createCollectScheme(newScheme(args), options).let { schemeRecord(it.data) to it.meta.attempts }
        "create_payout_scheme" -> client.createPayoutScheme(newScheme(args), options).let { schemeRecord(it.data) to it.meta.attempts }
        "delete_collect_scheme" -> client.deleteCollectScheme(text(args, "scheme_id"), options).let { json("status" to it.status) to it.attempts }
        "delete_payout_scheme" -> client.deletePayoutScheme(text(args, "scheme_id"), options).let { json("status" to it.status) to it.attempts }
        "publish_collect_scheme_draft" -> client.publishCollectSchemeDraft(text(args, "scheme_id"), text(args, "draft_id"), options)
            .let { json("status" to it.status) to it.attempts }
        "publish_payout_scheme_draft" -> client.publishPayoutSchemeDraft(text(args, "scheme_id"), text(args, "draft_id"), options)
            .let { json("status" to it.status) to it.attempts }
        else -> callAccount(client, operation, args, options)
    }
}

fun keySettings(args: JsonElement): ApiKeySettings =
    args.at("key").let { k -> ApiKeySettings(name = text(k, "name"), roles = texts(k.at("roles"))) }

fun tenantSettings(args: JsonElement): TenantSettings = args.at("tenant").let { t ->
    TenantSettings(
        name = text(t, "name"), streetAddress = optText(t, "street_address"),
        extendedStreetAddress = optText(t, "extended_street_address"), locality = optText(t, "locality"),
        region = optText(t, "region"), postCode = optText(t, "post_code"), country = optText(t, "country"),
    )
}

fun keyRecord(k: ApiKey): JsonObject = json("public_key" to k.publicKey, "name" to k.name, "roles" to k.roles)

/** A created key: its private key's text form (always redacted) and its length revealed. */
fun createdKeyRecord(status: Int, k: CreatedApiKey): JsonObject = json(
    "status" to status, "public_key" to k.publicKey, "name" to k.name, "roles" to k.roles,
    "private_key_text" to k.privateKey.toString(), "private_key_length" to k.privateKey.reveal().length,
)

fun tenantRecord(t: Tenant): JsonObject = json("tenant_id" to t.tenantId, "name" to t.name, "country" to t.address?.country)

fun draftRecord(d: SchemeDraft): JsonObject =
    json("draft_id" to d.draftId, "name" to d.name, "apps" to d.rules.flatMap { r -> r.apps.map { it.appId } })

/** Scheme drafts and payout options, licence and IP allow list, the marketplace. */
suspend fun callConfiguration(client: Client, operation: String, args: JsonElement, options: CallOptions): Pair<JsonObject, Int> {
    val schemeId = text(args, "scheme_id")
    val appId = text(args, "app_id")
    fun status(meta: ResponseMeta) = json("status" to meta.status) to meta.attempts
    return when (operation) {
        "get_collect_scheme_published_draft" -> client.getCollectSchemePublishedDraft(schemeId, options).let { draftRecord(it.data) to it.meta.attempts }
        "get_collect_scheme_latest_draft" -> client.getCollectSchemeLatestDraft(schemeId, options).let { draftRecord(it.data) to it.meta.attempts }
        "get_payout_scheme_published_draft" -> client.getPayoutSchemePublishedDraft(schemeId, options).let { draftRecord(it.data) to it.meta.attempts }
        "get_payout_scheme_latest_draft" -> client.getPayoutSchemeLatestDraft(schemeId, options).let { draftRecord(it.data) to it.meta.attempts }
        "get_payout_options" -> args.at("query").let { q ->
            val query = PayoutOptionsQuery(
                amount = text(q, "amount"), currency = text(q, "currency"), country = text(q, "country"),
                matchType = optText(q, "match_type"),
            )
            client.getPayoutOptions(schemeId, query, options).let { r ->
                json(
                    "reward_ids" to r.data.options.map { it.rewardId },
                    "value_types" to r.data.options.map { it.valueType },
                    "app_ids" to r.data.options.map { it.app?.appId },
                ) to r.meta.attempts
            }
        }
        "get_license_history" -> client.getLicenseHistory(options).let { r ->
            json(
                "license_ids" to r.data.accountHistory.map { it.licenseId },
                "max_tenants" to r.data.accountHistory.map { it.maxTenants },
            ) to r.meta.attempts
        }
        "request_license_upgrade" -> args.at("request").let { q ->
            status(client.requestLicenseUpgrade(
                LicenseUpgradeRequest(
                    emailAddress = text(q, "email_address"), maxTenants = optText(q, "max_tenants")?.toLong(),
                    maxTransactions = optText(q, "max_transactions")?.toLong(), reason = optText(q, "reason"),
                ),
                options,
            ))
        }
        "get_ip_allow_list" -> client.getIpAllowList(options).let { r ->
            json("enabled" to r.data.enabled, "rules" to r.data.rules.map { listOf(it.name, it.ipV4Start, it.ipV4End) }) to r.meta.attempts
        }
        "update_ip_allow_list" -> args.at("allow_list").let { a ->
            val rules = a.at("rules").let { if (it.isJsonArray) it.asJsonArray.toList() else emptyList() }
            status(client.updateIpAllowList(
                IpAllowListUpdate(
                    enabled = a.at("enabled").asBoolean,
                    rules = rules.map { IpRange(name = text(it, "name"), ipV4Start = text(it, "ip_v4_start"), ipV4End = text(it, "ip_v4_end")) },
                ),
                options,
            ))
        }
        "list_marketplace_apps" -> client.listMarketplaceApps(options).let { json("app_ids" to it.data.apps.map { a -> a.appId }) to it.meta.attempts }
        "get_marketplace_app" -> client.getMarketplaceApp(appId, options).let { r ->
            json(
                "app_id" to r.data.appId, "name" to r.data.name,
                "payment_methods" to r.data.supportedPaymentMethods.map { it.id }, "currencies" to r.data.supportedCurrencies,
            ) to r.meta.attempts
        }
        "install_app" -> status(client.installApp(appId, options))
        "configure_app" -> status(client.configureApp(appId, text(args, "configuration"), options))
        "uninstall_app" -> status(client.uninstallApp(appId, options))
        else -> callMandates(client, operation, args, options)
    }
}

fun newAddress(a: JsonElement): com.imburse.core.MandateAddress? =
    if (a.isJsonObject) com.imburse.core.MandateAddress(
        houseNumberOrName = optText(a, "house_number_or_name"), streetAddress = optText(a, "street_address"),
        postcode = optText(a, "postcode"), city = optText(a, "city"), country = optText(a, "country"),
    ) else null

fun mandateRecord(r: com.imburse.MandateResponse): Pair<JsonObject, Int> {
    val m = r.data
    return json("mandate_id" to m.mandateId, "customer_ref" to m.customerRef, "mandate_type" to m.mandateType,
        "network" to m.network, "status" to m.status, "creditor_profile_ref" to m.creditorProfileRef,
        "financial_instrument_id" to m.financialInstrumentId, "metadata" to m.metadata) to r.meta.attempts
}

fun sepaProfileRecord(r: com.imburse.SepaCreditorProfileResponse): Pair<JsonObject, Int> {
    val p = r.data
    val address = p.address?.let { a ->
        json("house_number_or_name" to a.houseNumberOrName, "street_address" to a.streetAddress,
            "postcode" to a.postcode, "city" to a.city, "country" to a.country)
    }
    return json("status" to r.meta.status, "creditor_profile_ref" to p.creditorProfileRef, "profile_name" to p.profileName,
        "identifier" to p.identifier, "name" to p.name, "address" to address, "metadata" to p.metadata) to r.meta.attempts
}

fun bacsProfileRecord(r: com.imburse.BacsCreditorProfileResponse): Pair<JsonObject, Int> {
    val p = r.data
    return json("status" to r.meta.status, "creditor_profile_ref" to p.creditorProfileRef, "profile_name" to p.profileName,
        "service_user_number" to p.serviceUserNumber, "organization_name" to p.organizationName,
        "metadata" to p.metadata) to r.meta.attempts
}

fun newMandate(m: JsonElement): com.imburse.core.NewMandate {
    val d = m.at("debtor")
    val address = newAddress(d.at("address"))
    val debtor = com.imburse.core.MandateDebtor(
        firstName = optText(d, "first_name"), lastName = optText(d, "last_name"), companyName = optText(d, "company_name"),
        email = optText(d, "email"), language = optText(d, "language"), address = address,
        accountHolderName = optText(d, "account_holder_name"), accountNumber = optText(d, "account_number"),
        sortCode = optText(d, "sort_code"), iban = optText(d, "iban"), bsbNumber = optText(d, "bsb_number"),
        bankName = optText(d, "bank_name"), signatoryName = optText(d, "signatory_name"),
        routingNumber = optText(d, "routing_number"), accountType = optText(d, "account_type"),
        authorizationSource = optText(d, "authorization_source"), authorizationFrequency = optText(d, "authorization_frequency"),
    )
    return com.imburse.core.NewMandate(
        customerRef = text(m, "customer_ref"), creditorProfileRef = text(m, "creditor_profile_ref"),
        mandateType = text(m, "mandate_type"), debtor = debtor, agreementType = optText(m, "agreement_type"),
        metadata = metadata(m.at("metadata")),
    )
}

fun pageRecord(current: Long, count: Long, size: Long, rows: Long, total: Long, refs: List<String?>): JsonObject =
    json("current_page" to current, "page_count" to count, "page_size" to size, "row_count" to rows,
        "total_count" to total, "refs" to refs)

/** Mandates and creditor profiles. */
suspend fun callMandates(client: Client, operation: String, args: JsonElement, options: CallOptions): Pair<JsonObject, Int> {
    val offset = optText(args, "offset")?.toLong()
    val pageSize = optText(args, "page_size")?.toLong()
    return when (operation) {
        "get_creditor_profiles_page" -> client.getCreditorProfilesPage(offset, pageSize, options).let { r ->
            val p = r.data
            pageRecord(p.currentPage, p.pageCount, p.pageSize, p.rowCount, p.totalCount, p.results.map { it.creditorProfileRef }) to r.meta.attempts
        }
        "get_mandates_page" -> client.getMandatesPage(offset, pageSize, options).let { r ->
            val p = r.data
            pageRecord(p.currentPage, p.pageCount, p.pageSize, p.rowCount, p.totalCount, p.results.map { it.customerRef }) to r.meta.attempts
        }
        "create_mandate" -> client.createMandate(newMandate(args.at("mandate")), options).let { r ->
            json("status" to r.meta.status, "mandate_id" to r.data.mandateId, "financial_instrument_id" to r.data.financialInstrumentId,
                "verification_status" to r.data.verificationCheck?.status) to r.meta.attempts
        }
        "get_mandate" -> mandateRecord(client.getMandate(text(args, "mandate_id"), options))
        "get_becs_au_mandate" -> mandateRecord(client.getBecsAuMandate(text(args, "mandate_id"), options))
        "get_becs_nz_mandate" -> mandateRecord(client.getBecsNzMandate(text(args, "mandate_id"), options))
        "get_sepa_creditor_profile" ->
            sepaProfileRecord(client.getSepaCreditorProfile(text(args, "creditor_profile_ref"), options))
        "create_sepa_creditor_profile" -> args.at("sepa_profile").let { p ->
            sepaProfileRecord(client.createSepaCreditorProfile(com.imburse.core.NewSepaCreditorProfile(
                profileName = text(p, "profile_name"), identifier = text(p, "identifier"), name = text(p, "name"),
                address = newAddress(p.at("address")), metadata = metadata(p.at("metadata")),
            ), options))
        }
        "get_bacs_creditor_profile" ->
            bacsProfileRecord(client.getBacsCreditorProfile(text(args, "creditor_profile_ref"), options))
        "create_bacs_creditor_profile" -> args.at("bacs_profile").let { p ->
            bacsProfileRecord(client.createBacsCreditorProfile(com.imburse.core.NewBacsCreditorProfile(
                profileName = text(p, "profile_name"), serviceUserNumber = text(p, "service_user_number"),
                organizationName = text(p, "organization_name"), metadata = metadata(p.at("metadata")),
            ), options))
        }
        "create_checkout_session" -> args.at("session").let { s ->
            val account = s.at("bank_account")
            sessionRecord(client.createCheckoutSession(com.imburse.core.NewCheckoutSession(
                orderRef = text(s, "order_ref"), instructionRef = text(s, "instruction_ref"),
                expirySeconds = optText(s, "expiry_seconds")?.toLong() ?: 0L, themeId = optText(s, "theme_id"),
                customerType = optText(s, "customer_type"), customerFirstName = optText(s, "customer_first_name"),
                customerLastName = optText(s, "customer_last_name"), companyName = optText(s, "company_name"),
                customerEmail = optText(s, "customer_email"), customerMobilePhone = optText(s, "customer_mobile_phone"),
                cardholderName = optText(s, "cardholder_name"), billingHouseNumber = optText(s, "billing_house_number"),
                billingStreet1 = optText(s, "billing_street1"), billingStreet2 = optText(s, "billing_street2"),
                billingCity = optText(s, "billing_city"), billingState = optText(s, "billing_state"),
                billingCountry = optText(s, "billing_country"), billingPostCode = optText(s, "billing_post_code"),
                authorizationSource = optText(s, "authorization_source"), authorizationFrequency = optText(s, "authorization_frequency"),
                bankAccount = if (account.isJsonObject) com.imburse.core.CheckoutBankAccount(
                    accountHolderName = optText(account, "account_holder_name"), number = optText(account, "number"),
                    extraCode = optText(account, "extra_code"),
                ) else null,
                channels = channels(s.at("channels")),
            ), options))
        }
        "create_pay_by_link" -> args.at("link").let { l ->
            client.createPayByLink(com.imburse.core.NewPayByLink(
                orderRef = text(l, "order_ref"), instructionRef = text(l, "instruction_ref"),
                expirySeconds = optText(l, "expiry_seconds")?.toLong() ?: 0L, channels = channels(l.at("channels")),
                themeId = optText(l, "theme_id"),
            ), options).let { r -> json("status" to r.meta.status, "pay_by_link_id" to r.data.payByLinkId) to r.meta.attempts }
        }
        "create_mandate_session" -> args.at("session").let { s ->
            sessionRecord(client.createMandateSession(com.imburse.core.NewMandateSession(
                customerRef = text(s, "customer_ref"), mandateId = text(s, "mandate_id"), action = text(s, "action"),
                expirySeconds = optText(s, "expiry_seconds")?.toLong() ?: 0L,
            ), options))
        }
        "list_creditor_profiles" -> client.listCreditorProfiles(pageSize, options).let { pager ->
            walk({ pager.nextPage() }) { page -> page.data.results.map { it.creditorProfileRef } to page.meta.attempts }
        }
        "list_mandates" -> client.listMandates(pageSize, options).let { pager ->
            walk({ pager.nextPage() }) { page -> page.data.results.map { it.customerRef } to page.meta.attempts }
        }
        else -> harness("unknown operation $operation")
    }
}

fun channels(value: JsonElement): List<com.imburse.core.CheckoutChannel> =
    if (value.isJsonArray) value.asJsonArray.map { com.imburse.core.CheckoutChannel(kind = text(it, "kind"), destination = text(it, "destination")) }
    else emptyList()

/** A session token as a user sees it: redacted as text, a JWT of three parts when revealed. */
fun sessionRecord(r: com.imburse.CheckoutSessionResponse): Pair<JsonObject, Int> =
    json("status" to r.meta.status, "token_text" to r.data.sessionToken.toString(),
        "token_segments" to r.data.sessionToken.reveal().split('.').size,
        "expires_after_now" to (r.data.expires > System.currentTimeMillis() / 1000),
        "session_id" to r.data.sessionId) to r.meta.attempts

/** Walks a pager page by page: every item's reference, the pages read, the attempts made. */
suspend fun <P : Any> walk(next: suspend () -> P?, read: (P) -> Pair<List<String?>, Int>): Pair<JsonObject, Int> {
    val refs = mutableListOf<String?>()
    var pages = 0
    var attempts = 0
    while (true) {
        val page = next() ?: break
        val (items, tries) = read(page)
        pages += 1
        attempts += tries
        refs.addAll(items)
    }
    return json("refs" to refs, "pages" to pages) to attempts
}

/** The account and tenant management operations. */
suspend fun callAccount(client: Client, operation: String, args: JsonElement, options: CallOptions): Pair<JsonObject, Int> {
    val publicKey = text(args, "public_key")
    val tenantId = text(args, "tenant_id")
    fun status(meta: ResponseMeta) = json("status" to meta.status) to meta.attempts
    return when (operation) {
        "get_account" -> client.getAccount(options).let { r ->
            val a = r.data
            json(
                "account_id" to a.accountId, "company_name" to a.companyName,
                "tenant_creation_approval_required" to a.tenantCreationApprovalRequired,
                "max_tenants" to a.license?.maxTenants, "tenant_usage" to a.license?.tenantUsage,
            ) to r.meta.attempts
        }
        "update_account" -> status(client.updateAccount(
            AccountUpdate(tenantCreationApprovalRequired = args.at("update").at("tenant_creation_approval_required").asBoolean),
            options,
        ))
        "list_account_keys" -> client.listAccountKeys(options).let { json("names" to it.data.accountKeys.map { k -> k.name }) to it.meta.attempts }
        "get_account_key" -> client.getAccountKey(publicKey, options).let { keyRecord(it.data) to it.meta.attempts }
        "create_account_key" -> client.createAccountKey(keySettings(args), options).let { createdKeyRecord(it.meta.status, it.data) to it.meta.attempts }
        "update_account_key" -> status(client.updateAccountKey(publicKey, keySettings(args), options))
        "delete_account_key" -> status(client.deleteAccountKey(publicKey, options))
        "list_tenants" -> client.listTenants(options).let { json("names" to it.data.tenants.map { t -> t.name }) to it.meta.attempts }
        "get_tenant" -> client.getTenant(tenantId, options).let { tenantRecord(it.data) to it.meta.attempts }
        "create_tenant" -> client.createTenant(tenantSettings(args), options).let {
            tenantRecord(it.data).apply { addProperty("status", it.meta.status) } to it.meta.attempts
        }
        "update_tenant" -> status(client.updateTenant(tenantId, tenantSettings(args), options))
        "list_account_tenant_keys" -> client.listAccountTenantKeys(tenantId, options)
            .let { json("names" to it.data.tenantKeys.map { k -> k.name }) to it.meta.attempts }
        "get_account_tenant_key" -> client.getAccountTenantKey(tenantId, publicKey, options).let { keyRecord(it.data) to it.meta.attempts }
        "create_account_tenant_key" -> client.createAccountTenantKey(tenantId, keySettings(args), options)
            .let { createdKeyRecord(it.meta.status, it.data) to it.meta.attempts }
        "update_account_tenant_key" -> status(client.updateAccountTenantKey(tenantId, publicKey, keySettings(args), options))
        "delete_account_tenant_key" -> status(client.deleteAccountTenantKey(tenantId, publicKey, options))
        "list_tenant_keys" -> client.listTenantKeys(options).let { json("names" to it.data.tenantKeys.map { k -> k.name }) to it.meta.attempts }
        "get_tenant_key" -> client.getTenantKey(publicKey, options).let { keyRecord(it.data) to it.meta.attempts }
        "create_tenant_key" -> client.createTenantKey(keySettings(args), options).let { createdKeyRecord(it.meta.status, it.data) to it.meta.attempts }
        "update_tenant_key" -> status(client.updateTenantKey(publicKey, keySettings(args), options))
        "delete_tenant_key" -> status(client.deleteTenantKey(publicKey, options))
        else -> callConfiguration(client, operation, args, options)
    }
}

/** Replaces `"$setup.<index>.<field>"` strings with earlier setup results. */
fun resolve(value: JsonElement, setupResults: List<JsonObject>): JsonElement = when {
    value.str()?.startsWith("\$setup.") == true -> {
        val parts = value.asString.split(".", limit = 3)
        val index = parts.getOrNull(1)?.toIntOrNull() ?: harness(value.asString)
        val field = parts.getOrNull(2) ?: harness(value.asString)
        setupResults.getOrNull(index)?.at(field) ?: harness(value.asString)
    }
    value.isJsonArray -> JsonArray().apply { value.asJsonArray.forEach { add(resolve(it, setupResults)) } }
    value.isJsonObject -> JsonObject().apply { value.asJsonObject.entrySet().forEach { (k, v) -> add(k, resolve(v, setupResults)) } }
    else -> value
}

sealed class Outcome {
    class Ok(val result: JsonObject, val attempts: Int) : Outcome()
    class Failed(val exception: ImburseException) : Outcome() {
        val error: ErrorReport = exception.details()
    }
}

suspend fun attempt(block: suspend () -> Pair<JsonObject, Int>): Outcome = try {
    val (result, attempts) = block()
    Outcome.Ok(result, attempts)
} catch (e: ImburseException) {
    Outcome.Failed(e)
}

suspend fun runScenario(suite: Suite, scenario: JsonObject): JsonObject {
    val id = scenario.at("id").str() ?: harness("scenario without id")
    suite.control("POST", "/reset")
    val ttl = scenario.at("emulator").at("token_ttl_seconds").long() ?: suite.environment.at("default_token_ttl_seconds").long() ?: 3600L
    val clockOffset = scenario.at("emulator").at("clock_offset_seconds").long() ?: 0L
    val asyncMs = scenario.at("emulator").at("async_instructions_ms").long() ?: 0L
    suite.control(
        "PUT",
        "/settings",
        json("token_ttl_seconds" to ttl, "clock_offset_seconds" to clockOffset, "async_instructions_ms" to asyncMs),
    )

    val operation = scenario.at("call").at("operation").str() ?: harness(id)
    suite.events.clear()
    var callArgs = scenario.at("call").at("args")
    val built = try {
        Result.success(suite.client(scenario.at("client")))
    } catch (e: ImburseException) {
        Result.failure(e)
    }
    val outcome: Outcome = built.fold(
        onFailure = { Outcome.Failed(it as ImburseException) },
        onSuccess = { client ->
            client.use { c ->
                val setupResults = mutableListOf<JsonObject>()
                scenario.at("setup").takeIf { it.isJsonArray }?.asJsonArray?.forEach { step ->
                    val control = step.at("control")
                    if (control.isJsonObject) {
                        val method = control.at("method").str() ?: harness("$id: a control step needs a method")
                        val path = control.at("path").str() ?: harness("$id: a control step needs a path")
                        val body = control.at("body").takeIf { it.isJsonObject }
                        val answer = suite.control(method, path, body)
                        setupResults += if (answer.isJsonObject) answer.asJsonObject else JsonObject()
                        return@forEach
                    }
                    val args = resolve(step.at("args"), setupResults)
                    val stepOperation = step.at("operation").str() ?: ""
                    when (val done = attempt { call(c, stepOperation, args, CallOptions()) }) {
                        is Outcome.Ok -> setupResults += done.result
                        is Outcome.Failed -> harness("$id: setup $stepOperation failed: ${done.error}")
                    }
                }
                suite.control("DELETE", "/requests")
                suite.events.clear()
                scenario.at("faults").takeIf { it.isJsonArray }?.asJsonArray?.forEach { suite.control("POST", "/faults", it) }
                if (scenario.at("emulator").at("expire_tokens_before_call").let { it.isJsonPrimitive && it.asBoolean }) {
                    suite.control("POST", "/tokens/expire")
                }
                callArgs = resolve(scenario.at("call").at("args"), setupResults)
                val options = suite.options(scenario.at("call").at("options"))
                attempt { call(c, operation, callArgs, options) }
            }
        },
    )

    // What reached the server.
    val spec = suite.manifest.at("operations").at(operation)
    val events = synchronized(suite.events) { suite.events.toList().also { suite.events.clear() } }
    var pattern = spec.at("path").str() ?: ""
    if (callArgs.isJsonObject) {
        callArgs.asJsonObject.entrySet().forEach { (key, value) -> value.str()?.let { pattern = pattern.replace("{$key}", it) } }
    }
    val log = suite.control("GET", "/requests").let { if (it.isJsonArray) it.asJsonArray.map { e -> e.asJsonObject } else emptyList() }
    val method = spec.at("method").str() ?: ""
    val calls = log.filter { it.at("method").str() == method && globMatch(pattern, it.at("path").str() ?: "") }
    val identityRequests = log.count { it.at("method").str() == "POST" && it.at("path").str() == "/v1/identity/hmac" }
    val faults = suite.control("GET", "/faults")
    val faultsUnused = if (faults.isJsonArray) faults.asJsonArray.sumOf { it.at("remaining").long() ?: 0L } else 0L
    suite.control("DELETE", "/faults")

    val given = scenario.at("call").at("options").at("correlation_id").str()
    val ids = calls.map { it.at("headers").at("x-correlation-id").str() }
    val (correlation, same) = when {
        ids.isEmpty() -> null to null
        ids.any { it == null } -> "missing" to false
        ids.zipWithNext().any { (a, b) -> a != b } -> "mixed" to false
        else -> {
            val first = ids[0] ?: ""
            val kind = when {
                first == given -> "given"
                given == null && isUuid(first) -> "generated_uuid"
                else -> "other"
            }
            kind to first.isNotEmpty()
        }
    }
    val gaps = calls.zipWithNext().map { (a, b) -> maxOf(0L, (b.at("received_at_ms").long() ?: 0L) - (a.at("received_at_ms").long() ?: 0L)) }

    val check = scenario.at("expect").at("server").at("exists_after")
    val existsAfter: Long? = if (!check.isJsonObject) null else {
        suite.client(JsonNull.INSTANCE).use { fresh ->
            val checkOperation = check.at("operation").str() ?: ""
            when (val found = attempt { call(fresh, checkOperation, check.at("args"), CallOptions()) }) {
                is Outcome.Ok -> check.at("count_field").str()?.let { field ->
                    found.result.at(field).takeIf { it.isJsonArray }?.asJsonArray?.size()?.toLong() ?: 0L
                } ?: 1L
                is Outcome.Failed ->
                    if (found.error.code?.endsWith("_NOT_FOUND") == true) 0L
                    else harness("$id: exists_after failed: ${found.error}")
            }
        }
    }

    val ok = outcome as? Outcome.Ok
    val failed = outcome as? Outcome.Failed
    return json(
        "id" to id,
        "outcome" to if (ok != null) "ok" else "error",
        "result" to ok?.let { normalise(it.result) },
        "error" to failed?.let { errorRecord(it.exception) },
        "attempts" to (ok?.attempts ?: failed?.error?.attempts),
        "events" to events,
        "server" to json(
            "requests" to calls.size,
            "correlation_id" to correlation,
            "same_correlation_id_on_every_attempt" to same,
            "identity_requests" to identityRequests,
            "faults_unused" to faultsUnused,
            "exists_after" to existsAfter,
        ),
        "timing" to json("gaps_ms" to gaps),
    )
}

fun main(args: Array<String>) {
    if (args.size != 2) {
        System.err.println("usage: Runner <tests/conformance dir> <records file>")
        exitProcess(2)
    }
    val dir = File(args[0])
    val manifest = JsonParser.parseString(File(dir, "manifest.json").readText()).asJsonObject
    val configName = manifest.at("environment").at("emulator_config").str() ?: harness("environment.emulator_config")
    val emulator = Emulator.start("--config", File(dir, configName).path)
    val gson = GsonBuilder().serializeNulls().disableHtmlEscaping().create()
    val started = System.nanoTime()
    val lines = StringBuilder()
    try {
        val scenarios = manifest.at("scenarios").asJsonArray
        runBlocking {
            for (scenario in scenarios) {
                lines.append(gson.toJson(sortKeys(runScenario(Suite(manifest, emulator), scenario.asJsonObject)))).append('\n')
            }
        }
        val records = File(args[1])
        records.parentFile?.mkdirs()
        records.writeText(lines.toString())
        println("kotlin conformance: ${scenarios.size()} scenarios, records in ${records.path} (%.1f s)".format((System.nanoTime() - started) / 1e9))
    } catch (e: HarnessError) {
        System.err.println(e.message)
        exitProcess(1)
    } finally {
        emulator.stop()
    }
}
