//! The Rust runner of the cross-language conformance suite (`tests/conformance/`).
//!
//! Executes every scenario of the shared manifest against one emulator, in order, writes one
//! normalised outcome record per scenario to `tests/conformance/records/rust.jsonl`, then has
//! the judge check those records against the manifest's expectations. The other languages'
//! runners produce the same records through their bindings, and the judge diffs them with these.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use imburse::models::{
    AccountUpdate, ApiKey, ApiKeySettings, CreatedApiKey, CustomerDefault, Direction, IpAllowListUpdate, IpRange,
    LicenseUpgradeRequest, Metadata, NewInstruction, NewMobileInstrument, NewOrder, NewScheme, NewSchemeApp,
    NewSchemeRule, PayoutOptionsQuery, Scheme, SchemeDraft, SchemeList, Tenant, TenantSettings,
};
use imburse::{CallOptions, Client, ClientConfig, Error, Response};
use imburse_emulator::{EmulatorConfig, EmulatorHandle};
use serde_json::{Map, Value, json};

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

struct Suite {
    manifest: Value,
    url: String,
    control: reqwest::Client,
    /// The attempt events of the current scenario's client, in order.
    events: Arc<Mutex<Vec<Value>>>,
}

/// A harness failure (bad manifest, failing setup): stops the run, never becomes a record.
fn harness(message: impl std::fmt::Display) -> ! {
    panic!("conformance harness: {message}")
}

impl Suite {
    fn environment(&self) -> &Value {
        &self.manifest["environment"]
    }

    async fn control(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.control.request(method, format!("{}/__emulator{path}", self.url));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap_or_else(|e| harness(e));
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        if !status.is_success() {
            harness(format!("control {path} answered {status}: {text}"));
        }
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// A client from the manifest's settings overlaid with a scenario's.
    fn client(&self, overrides: &Value) -> Result<Client, Error> {
        let mut settings = self.manifest["client"].as_object().cloned().unwrap_or_default();
        if let Some(extra) = overrides.as_object() {
            settings.extend(extra.clone());
        }
        let ms = |key: &str| Duration::from_millis(settings[key].as_u64().unwrap_or_else(|| harness(key)));
        let credentials_name = settings.get("credentials").and_then(Value::as_str).unwrap_or("demo");
        let credentials = &self.environment()["credentials"][credentials_name];
        let tenant_name = settings.get("tenant_id").and_then(Value::as_str).unwrap_or("demo");
        let base_url = match settings.get("base_url").and_then(Value::as_str).unwrap_or("emulator") {
            "emulator" => self.url.clone(),
            "unreachable" => {
                let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
                let port = listener.local_addr().unwrap().port();
                drop(listener);
                format!("http://127.0.0.1:{port}")
            }
            other => harness(format!("unknown base_url {other}")),
        };
        let mut builder = ClientConfig::builder()
            .base_url(base_url)
            .public_key(credentials["public_key"].as_str().unwrap_or_else(|| harness(credentials_name)))
            .private_key(credentials["private_key"].as_str().unwrap_or_default())
            .account_id(credentials["account_id"].as_str().unwrap_or_default())
            .max_attempts(settings["max_attempts"].as_u64().unwrap_or(3) as u32)
            .backoff_base(ms("backoff_base_ms"))
            .backoff_cap(ms("backoff_cap_ms"))
            .retry_after_cap(ms("retry_after_cap_ms"))
            .connect_timeout(ms("connect_timeout_ms"))
            .attempt_timeout(ms("attempt_timeout_ms"))
            .call_timeout(ms("call_timeout_ms"))
            .use_env_proxy(false);
        if let Some(tenant) = self.environment()["tenants"][tenant_name].as_str() {
            builder = builder.tenant_id(tenant);
        }
        let events = Arc::clone(&self.events);
        let observer: imburse::AttemptObserver = Arc::new(move |e: &imburse::AttemptEvent| {
            let event =
                json!({"operation": e.operation, "attempt": e.attempt, "status": e.status, "outcome": e.outcome});
            events.lock().unwrap().push(event);
        });
        Client::with_attempt_observer(builder.build()?, observer)
    }

    fn options(&self, options: &Value) -> CallOptions {
        CallOptions {
            correlation_id: options["correlation_id"].as_str().map(String::from),
            tenant_id: options["tenant_id"]
                .as_str()
                .map(|name| self.environment()["tenants"][name].as_str().unwrap_or_else(|| harness(name)).to_string()),
            timeout: options["timeout_ms"].as_u64().map(Duration::from_millis),
            attempt_timeout: options["attempt_timeout_ms"].as_u64().map(Duration::from_millis),
            max_attempts: options["max_attempts"].as_u64().map(|n| n as u32),
        }
    }
}

fn text(args: &Value, key: &str) -> String {
    args[key].as_str().map(String::from).unwrap_or_default()
}

fn opt_text(args: &Value, key: &str) -> Option<String> {
    args[key].as_str().map(String::from)
}

fn metadata(value: &Value) -> Metadata {
    value
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
        .unwrap_or_default()
}

fn instruction(args: &Value) -> NewInstruction {
    NewInstruction {
        instruction_ref: text(args, "instruction_ref"),
        customer_ref: text(args, "customer_ref"),
        direction: text(args, "direction").parse::<Direction>().unwrap_or_else(|e| harness(e)),
        amount: text(args, "amount").into(),
        currency: text(args, "currency"),
        country: text(args, "country"),
        settled_by_date: opt_text(args, "settled_by_date"),
        scheme_id: opt_text(args, "scheme_id"),
        financial_instrument_id: opt_text(args, "financial_instrument_id"),
        metadata: metadata(&args["metadata"]),
    }
}

fn new_order(args: &Value) -> NewOrder {
    NewOrder {
        order_ref: text(args, "order_ref"),
        instructions: args["instructions"]
            .as_array()
            .map(|list| list.iter().map(instruction).collect())
            .unwrap_or_default(),
        metadata: metadata(&args["metadata"]),
        customer_defaults: args["customer_defaults"]
            .as_object()
            .map(|defaults| {
                defaults
                    .iter()
                    .map(|(customer_ref, d)| (customer_ref.clone(), customer_default(d)))
                    .collect::<BTreeMap<_, _>>()
            })
            .unwrap_or_default(),
    }
}

fn customer_default(d: &Value) -> CustomerDefault {
    CustomerDefault {
        financial_instrument_id: opt_text(d, "financial_instrument_id"),
        scheme_id: opt_text(d, "scheme_id"),
        metadata: metadata(&d["metadata"]),
    }
}

fn texts(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn new_scheme(args: &Value) -> NewScheme {
    let s = &args["scheme"];
    let rules = s["rules"].as_array().cloned().unwrap_or_default();
    NewScheme {
        name: text(s, "name"),
        code: opt_text(s, "code"),
        agreement_type: opt_text(s, "agreement_type"),
        rules: rules
            .iter()
            .map(|r| NewSchemeRule {
                currencies: texts(&r["currencies"]),
                countries: texts(&r["countries"]),
                low_value_inclusive: opt_text(r, "low_value_inclusive").map(Into::into),
                high_value_inclusive: opt_text(r, "high_value_inclusive").map(Into::into),
                apps: r["apps"]
                    .as_array()
                    .map(|apps| {
                        apps.iter()
                            .map(|a| NewSchemeApp {
                                app_id: text(a, "app_id"),
                                excluded_payment_methods: texts(&a["excluded_payment_methods"]),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// A scheme as the records show it: its first draft's rules flattened.
fn scheme_record(s: &Scheme) -> Value {
    let first = s.drafts.first();
    let rules: Vec<_> = first.map(|d| d.rules.iter().collect()).unwrap_or_default();
    let apps: Vec<_> = rules.iter().flat_map(|r| &r.apps).collect();
    json!({
        "scheme_id": s.scheme_id,
        "draft_id": first.map(|d| d.draft_id.clone()),
        "published": first.is_some() && s.published_draft_id.as_deref() == first.map(|d| d.draft_id.as_str()),
        "names": s.drafts.iter().map(|d| d.name.clone()).collect::<Vec<_>>(),
        "currencies": rules.iter().flat_map(|r| r.currencies.iter().map(|c| c.code.clone())).collect::<Vec<_>>(),
        "currency_names": rules.iter().flat_map(|r| r.currencies.iter().map(|c| c.name.clone())).collect::<Vec<_>>(),
        "countries": rules.iter().flat_map(|r| r.countries.iter().map(|c| c.code.clone())).collect::<Vec<_>>(),
        "bounds": rules.iter().map(|r| json!([
            r.low_value_inclusive.as_ref().map(|a| a.as_str()),
            r.high_value_inclusive.as_ref().map(|a| a.as_str()),
        ])).collect::<Vec<_>>(),
        "apps": apps.iter().map(|a| a.app_id.clone()).collect::<Vec<_>>(),
        "available_payment_methods": apps.iter().map(|a| a.available_payment_methods.clone()).collect::<Vec<_>>(),
    })
}

fn scheme_list_record(list: &SchemeList) -> Value {
    json!({"scheme_ids": list.schemes.iter().map(|s| s.scheme_id.clone()).collect::<Vec<_>>()})
}

/// Calls one operation; the result is the un-normalised record shape and the attempts.
async fn call(client: &Client, operation: &str, args: &Value, options: &CallOptions) -> Result<(Value, i32), Error> {
    let customer_ref = text(args, "customer_ref");
    Ok(match operation {
        "create_order" => {
            let order = new_order(args);
            let r = client.create_order(&order, options).await?;
            (
                json!({"order_ref": order.order_ref, "status": r.data.status, "reconciled": r.data.reconciled}),
                r.meta.attempts,
            )
        }
        "create_order_v2" => {
            let order = new_order(args);
            let r = client.create_order_v2(&order, options).await?;
            (
                json!({"order_ref": order.order_ref, "status": r.data.status, "reconciled": r.data.reconciled}),
                r.meta.attempts,
            )
        }
        "update_customer_default" => {
            let default = customer_default(&args["customer_default"]);
            let meta =
                client.update_customer_default(&text(args, "order_ref"), &customer_ref, &default, options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "delete_customer_default" => {
            let meta = client.delete_customer_default(&text(args, "order_ref"), &customer_ref, options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "forget_customer" => {
            let meta = client.forget_customer(&customer_ref, options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "get_transaction" => {
            let r = client
                .get_transaction(
                    &customer_ref,
                    &text(args, "financial_instrument_id"),
                    &text(args, "transaction_id"),
                    options,
                )
                .await?;
            let t = r.data;
            let refunds: Vec<_> = t
                .refunds
                .iter()
                .map(|f| json!({"refund_id": f.refund_id, "amount": f.amount.as_ref().map(|a| a.as_str()), "status": f.status}))
                .collect();
            (
                json!({"transaction_id": t.transaction_id, "status": t.status,
                       "amount": t.amount.as_ref().map(|a| a.as_str()), "net_amount": t.net_amount.as_ref().map(|a| a.as_str()),
                       "financial_instrument_id": t.financial_instrument_id,
                       "app_id": t.app.as_ref().and_then(|a| a.app_id.clone()), "refunds": refunds}),
                r.meta.attempts,
            )
        }
        "get_order" => {
            let r = client.get_order(&text(args, "order_ref"), options).await?;
            let o = r.data;
            let instruction_refs: Vec<_> = o.instructions.iter().map(|i| i.instruction_ref.clone()).collect();
            let customer_default_refs: Vec<_> = o.customer_defaults.keys().cloned().collect();
            (
                json!({"order_ref": o.order_ref, "metadata": o.metadata, "instruction_refs": instruction_refs,
                       "customer_default_refs": customer_default_refs, "created": o.created, "last_updated": o.last_updated,
                       "self_link": o.links.get("self").map(|l| l.href.clone())}),
                r.meta.attempts,
            )
        }
        "create_instruction" => {
            let new = instruction(&args["instruction"]);
            let r = client.create_instruction(&text(args, "order_ref"), &new, options).await?;
            (
                json!({"order_ref": text(args, "order_ref"), "instruction_ref": new.instruction_ref,
                       "status": r.data.status, "reconciled": r.data.reconciled}),
                r.meta.attempts,
            )
        }
        "get_instruction" | "wait_for_instruction" => {
            let (order_ref, instruction_ref) = (text(args, "order_ref"), text(args, "instruction_ref"));
            let r = if operation == "get_instruction" {
                client.get_instruction(&order_ref, &instruction_ref, options).await?
            } else {
                let statuses: Vec<String> = args["statuses"]
                    .as_array()
                    .map(|list| list.iter().filter_map(|s| s.as_str().map(String::from)).collect())
                    .unwrap_or_default();
                client.wait_for_instruction(&order_ref, &instruction_ref, &statuses, options).await?
            };
            let i = r.data;
            let scheme = i.scheme.unwrap_or_default();
            let instrument = i.financial_instrument.unwrap_or_default();
            (
                json!({
                    "order_ref": i.order_ref, "instruction_ref": i.instruction_ref, "customer_ref": i.customer_ref,
                    "direction": i.direction.as_str(), "status": i.status, "amount": i.amount.as_str(),
                    "currency": i.currency, "country": i.country, "settled_by_date": i.settled_by_date,
                    "scheme_id": scheme.scheme_id, "scheme_source": scheme.source,
                    "financial_instrument_id": instrument.financial_instrument_id,
                    "financial_instrument_source": instrument.source, "metadata": i.metadata,
                    "created": i.created, "last_updated": i.last_updated,
                }),
                r.meta.attempts,
            )
        }
        "cancel_instruction" => {
            let reason = opt_text(args, "reason");
            let meta = client
                .cancel_instruction(
                    &text(args, "order_ref"),
                    &text(args, "instruction_ref"),
                    reason.as_deref(),
                    options,
                )
                .await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "get_customer" | "get_or_create_customer" => {
            let r = if operation == "get_customer" {
                client.get_customer(&customer_ref, options).await?
            } else {
                client.get_or_create_customer(&customer_ref, options).await?
            };
            let c = r.data;
            let ids: Vec<_> = c.financial_instruments.iter().map(|f| f.id.clone()).collect();
            let created = c.created;
            (
                json!({"customer_ref": c.customer_ref, "status": c.status, "metadata": c.metadata,
                       "financial_instrument_ids": ids, "created": created}),
                r.meta.attempts,
            )
        }
        "update_order_metadata" => {
            let meta =
                client.update_order_metadata(&text(args, "order_ref"), &metadata(&args["metadata"]), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "update_customer_metadata" => {
            let meta = client.update_customer_metadata(&customer_ref, &metadata(&args["metadata"]), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "add_mobile_instrument" => {
            let mobile = NewMobileInstrument {
                country_code: text(args, "country_code"),
                phone_number: text(args, "phone_number"),
            };
            let r = client.add_mobile_instrument(&customer_ref, &mobile, options).await?;
            (json!({"id": r.data.id}), r.meta.attempts)
        }
        "get_financial_instrument" => {
            let r =
                client.get_financial_instrument(&customer_ref, &text(args, "financial_instrument_id"), options).await?;
            let f = r.data;
            (
                json!({"id": f.id, "type": f.kind, "status": f.status, "display_name": f.display_name,
                       "details": f.details, "wallet_enabled": f.in_wallet, "created": f.created_timestamp}),
                r.meta.attempts,
            )
        }
        "get_wallet" => {
            let r = client.get_wallet(&customer_ref, options).await?;
            let ids: Vec<_> = r.data.financial_instruments.iter().map(|f| f.id.clone()).collect();
            (json!({"customer_ref": customer_ref, "financial_instrument_ids": ids}), r.meta.attempts)
        }
        "add_to_wallet" => {
            let reason = opt_text(args, "reason");
            let meta = client
                .add_to_wallet(&customer_ref, &text(args, "financial_instrument_id"), reason.as_deref(), options)
                .await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "list_collect_schemes" => {
            let r = client.list_collect_schemes(options).await?;
            (scheme_list_record(&r.data), r.meta.attempts)
        }
        "list_payout_schemes" => {
            let r = client.list_payout_schemes(options).await?;
            (scheme_list_record(&r.data), r.meta.attempts)
        }
        "get_collect_scheme" => {
            let r = client.get_collect_scheme(&text(args, "scheme_id"), options).await?;
            (scheme_record(&r.data), r.meta.attempts)
        }
        "get_payout_scheme" => {
            let r = client.get_payout_scheme(&text(args, "scheme_id"), options).await?;
            (scheme_record(&r.data), r.meta.attempts)
        }
        "create_collect_scheme" => {
            let r = client.create_collect_scheme(&new_scheme(args), options).await?;
            (scheme_record(&r.data), r.meta.attempts)
        }
        "create_payout_scheme" => {
            let r = client.create_payout_scheme(&new_scheme(args), options).await?;
            (scheme_record(&r.data), r.meta.attempts)
        }
        "delete_collect_scheme" => {
            let meta = client.delete_collect_scheme(&text(args, "scheme_id"), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "delete_payout_scheme" => {
            let meta = client.delete_payout_scheme(&text(args, "scheme_id"), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "publish_collect_scheme_draft" => {
            let meta =
                client.publish_collect_scheme_draft(&text(args, "scheme_id"), &text(args, "draft_id"), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        "publish_payout_scheme_draft" => {
            let meta =
                client.publish_payout_scheme_draft(&text(args, "scheme_id"), &text(args, "draft_id"), options).await?;
            (json!({"status": meta.status}), meta.attempts)
        }
        other => return call_account(client, other, args, options).await,
    })
}

fn key_settings(args: &Value) -> ApiKeySettings {
    let k = &args["key"];
    let roles = k["roles"].as_array().map(|r| r.iter().filter_map(|v| v.as_str().map(String::from)).collect());
    ApiKeySettings { name: text(k, "name"), roles: roles.unwrap_or_default() }
}

fn tenant_settings(args: &Value) -> TenantSettings {
    let t = &args["tenant"];
    TenantSettings {
        name: text(t, "name"),
        street_address: opt_text(t, "street_address"),
        extended_street_address: opt_text(t, "extended_street_address"),
        locality: opt_text(t, "locality"),
        region: opt_text(t, "region"),
        post_code: opt_text(t, "post_code"),
        country: opt_text(t, "country"),
    }
}

fn key_record(k: &ApiKey) -> Value {
    json!({"public_key": k.public_key, "name": k.name, "roles": k.roles})
}

/// A created key: its private key's text form (always redacted) and its length once revealed.
fn created_key_record(status: i32, k: &CreatedApiKey) -> Value {
    json!({"status": status, "public_key": k.public_key, "name": k.name, "roles": k.roles,
           "private_key_text": k.private_key.to_string(), "private_key_length": k.private_key.expose_secret().len()})
}

fn tenant_record(t: &Tenant) -> Value {
    json!({"tenant_id": t.tenant_id, "name": t.name, "country": t.address.as_ref().and_then(|a| a.country.clone())})
}

fn names<'a>(names: impl Iterator<Item = &'a Option<String>>) -> Value {
    json!({"names": names.collect::<Vec<_>>()})
}

fn draft_record(d: &SchemeDraft) -> Value {
    let apps: Vec<&str> = d.rules.iter().flat_map(|r| r.apps.iter().map(|a| a.app_id.as_str())).collect();
    json!({"draft_id": d.draft_id, "name": d.name, "apps": apps})
}

fn int(value: &Value) -> Option<i64> {
    value.as_str().map(|text| text.parse().unwrap_or_else(|_| harness(format!("not an integer: {text}"))))
}

/// Scheme drafts and payout options, licence and IP allow list, the marketplace.
async fn call_configuration(
    client: &Client,
    operation: &str,
    args: &Value,
    options: &CallOptions,
) -> Result<(Value, i32), Error> {
    let scheme_id = text(args, "scheme_id");
    let app_id = text(args, "app_id");
    let status = |meta: imburse::ResponseMeta| (json!({"status": meta.status}), meta.attempts);
    let draft = |r: imburse::Response<SchemeDraft>| (draft_record(&r.data), r.meta.attempts);
    Ok(match operation {
        "get_collect_scheme_published_draft" => {
            draft(client.get_collect_scheme_published_draft(&scheme_id, options).await?)
        }
        "get_collect_scheme_latest_draft" => draft(client.get_collect_scheme_latest_draft(&scheme_id, options).await?),
        "get_payout_scheme_published_draft" => {
            draft(client.get_payout_scheme_published_draft(&scheme_id, options).await?)
        }
        "get_payout_scheme_latest_draft" => draft(client.get_payout_scheme_latest_draft(&scheme_id, options).await?),
        "get_payout_options" => {
            let q = &args["query"];
            let query = PayoutOptionsQuery {
                amount: text(q, "amount").into(),
                currency: text(q, "currency"),
                country: text(q, "country"),
                match_type: opt_text(q, "match_type"),
            };
            let r = client.get_payout_options(&scheme_id, &query, options).await?;
            let o = &r.data.options;
            (
                json!({"reward_ids": o.iter().map(|x| &x.reward_id).collect::<Vec<_>>(),
                       "value_types": o.iter().map(|x| &x.value_type).collect::<Vec<_>>(),
                       "app_ids": o.iter().map(|x| x.app.as_ref().map(|a| &a.app_id)).collect::<Vec<_>>()}),
                r.meta.attempts,
            )
        }
        "get_license_history" => {
            let r = client.get_license_history(options).await?;
            let h = &r.data.account_history;
            (
                json!({"license_ids": h.iter().map(|e| &e.license_id).collect::<Vec<_>>(),
                       "max_tenants": h.iter().map(|e| e.max_tenants).collect::<Vec<_>>()}),
                r.meta.attempts,
            )
        }
        "request_license_upgrade" => {
            let q = &args["request"];
            let request = LicenseUpgradeRequest {
                email_address: text(q, "email_address"),
                max_tenants: int(&q["max_tenants"]),
                max_transactions: int(&q["max_transactions"]),
                reason: opt_text(q, "reason"),
            };
            status(client.request_license_upgrade(&request, options).await?)
        }
        "get_ip_allow_list" => {
            let r = client.get_ip_allow_list(options).await?;
            let rules: Vec<Value> = r.data.rules.iter().map(|x| json!([x.name, x.ip_v4_start, x.ip_v4_end])).collect();
            (json!({"enabled": r.data.enabled, "rules": rules}), r.meta.attempts)
        }
        "update_ip_allow_list" => {
            let a = &args["allow_list"];
            let rules = a["rules"].as_array().cloned().unwrap_or_default();
            let update = IpAllowListUpdate {
                enabled: a["enabled"].as_bool().unwrap_or_default(),
                rules: rules
                    .iter()
                    .map(|x| IpRange {
                        name: text(x, "name"),
                        ip_v4_start: text(x, "ip_v4_start"),
                        ip_v4_end: text(x, "ip_v4_end"),
                    })
                    .collect(),
            };
            status(client.update_ip_allow_list(&update, options).await?)
        }
        "list_marketplace_apps" => {
            let r = client.list_marketplace_apps(options).await?;
            (json!({"app_ids": r.data.apps.iter().map(|a| &a.app_id).collect::<Vec<_>>()}), r.meta.attempts)
        }
        "get_marketplace_app" => {
            let r = client.get_marketplace_app(&app_id, options).await?;
            let a = &r.data;
            (
                json!({"app_id": a.app_id, "name": a.name,
                       "payment_methods": a.supported_payment_methods.iter().map(|m| &m.id).collect::<Vec<_>>(),
                       "currencies": a.supported_currencies}),
                r.meta.attempts,
            )
        }
        "install_app" => status(client.install_app(&app_id, options).await?),
        "configure_app" => status(client.configure_app(&app_id, &text(args, "configuration"), options).await?),
        "uninstall_app" => status(client.uninstall_app(&app_id, options).await?),
        other => return call_mandates(client, other, args, options).await,
    })
}

/// The account and tenant management operations.
async fn call_account(
    client: &Client,
    operation: &str,
    args: &Value,
    options: &CallOptions,
) -> Result<(Value, i32), Error> {
    let public_key = text(args, "public_key");
    let tenant_id = text(args, "tenant_id");
    let status = |meta: imburse::ResponseMeta| (json!({"status": meta.status}), meta.attempts);
    Ok(match operation {
        "get_account" => {
            let r = client.get_account(options).await?;
            let a = r.data;
            let license = a.license.as_ref();
            (
                json!({"account_id": a.account_id, "company_name": a.company_name,
                       "tenant_creation_approval_required": a.tenant_creation_approval_required,
                       "max_tenants": license.and_then(|l| l.max_tenants), "tenant_usage": license.and_then(|l| l.tenant_usage)}),
                r.meta.attempts,
            )
        }
        "update_account" => {
            let required = args["update"]["tenant_creation_approval_required"].as_bool().unwrap_or_default();
            status(
                client.update_account(&AccountUpdate { tenant_creation_approval_required: required }, options).await?,
            )
        }
        "list_account_keys" => {
            let r = client.list_account_keys(options).await?;
            (names(r.data.account_keys.iter().map(|k| &k.name)), r.meta.attempts)
        }
        "get_account_key" => {
            let r = client.get_account_key(&public_key, options).await?;
            (key_record(&r.data), r.meta.attempts)
        }
        "create_account_key" => {
            let r = client.create_account_key(&key_settings(args), options).await?;
            (created_key_record(r.meta.status, &r.data), r.meta.attempts)
        }
        "update_account_key" => status(client.update_account_key(&public_key, &key_settings(args), options).await?),
        "delete_account_key" => status(client.delete_account_key(&public_key, options).await?),
        "list_tenants" => {
            let r = client.list_tenants(options).await?;
            (names(r.data.tenants.iter().map(|t| &t.name)), r.meta.attempts)
        }
        "get_tenant" => {
            let r = client.get_tenant(&tenant_id, options).await?;
            (tenant_record(&r.data), r.meta.attempts)
        }
        "create_tenant" => {
            let r = client.create_tenant(&tenant_settings(args), options).await?;
            let mut record = tenant_record(&r.data);
            record["status"] = json!(r.meta.status);
            (record, r.meta.attempts)
        }
        "update_tenant" => status(client.update_tenant(&tenant_id, &tenant_settings(args), options).await?),
        "list_account_tenant_keys" => {
            let r = client.list_account_tenant_keys(&tenant_id, options).await?;
            (names(r.data.tenant_keys.iter().map(|k| &k.name)), r.meta.attempts)
        }
        "get_account_tenant_key" => {
            let r = client.get_account_tenant_key(&tenant_id, &public_key, options).await?;
            (key_record(&r.data), r.meta.attempts)
        }
        "create_account_tenant_key" => {
            let r = client.create_account_tenant_key(&tenant_id, &key_settings(args), options).await?;
            (created_key_record(r.meta.status, &r.data), r.meta.attempts)
        }
        "update_account_tenant_key" => {
            status(client.update_account_tenant_key(&tenant_id, &public_key, &key_settings(args), options).await?)
        }
        "delete_account_tenant_key" => {
            status(client.delete_account_tenant_key(&tenant_id, &public_key, options).await?)
        }
        "list_tenant_keys" => {
            let r = client.list_tenant_keys(options).await?;
            (names(r.data.tenant_keys.iter().map(|k| &k.name)), r.meta.attempts)
        }
        "get_tenant_key" => {
            let r = client.get_tenant_key(&public_key, options).await?;
            (key_record(&r.data), r.meta.attempts)
        }
        "create_tenant_key" => {
            let r = client.create_tenant_key(&key_settings(args), options).await?;
            (created_key_record(r.meta.status, &r.data), r.meta.attempts)
        }
        "update_tenant_key" => status(client.update_tenant_key(&public_key, &key_settings(args), options).await?),
        "delete_tenant_key" => status(client.delete_tenant_key(&public_key, options).await?),
        other => return call_configuration(client, other, args, options).await,
    })
}

fn new_mandate(args: &Value) -> imburse::models::NewMandate {
    let mandate = &args["mandate"];
    let debtor = &mandate["debtor"];
    let address = &debtor["address"];
    imburse::models::NewMandate {
        customer_ref: text(mandate, "customer_ref"),
        creditor_profile_ref: text(mandate, "creditor_profile_ref"),
        mandate_type: text(mandate, "mandate_type"),
        agreement_type: opt_text(mandate, "agreement_type"),
        debtor: imburse::models::MandateDebtor {
            first_name: opt_text(debtor, "first_name"),
            last_name: opt_text(debtor, "last_name"),
            company_name: opt_text(debtor, "company_name"),
            email: opt_text(debtor, "email"),
            language: opt_text(debtor, "language"),
            address: mandate_address(address),
            account_holder_name: opt_text(debtor, "account_holder_name"),
            account_number: opt_text(debtor, "account_number"),
            sort_code: opt_text(debtor, "sort_code"),
            iban: opt_text(debtor, "iban"),
            bsb_number: opt_text(debtor, "bsb_number"),
            bank_name: opt_text(debtor, "bank_name"),
            signatory_name: opt_text(debtor, "signatory_name"),
            routing_number: opt_text(debtor, "routing_number"),
            account_type: opt_text(debtor, "account_type"),
            authorization_source: opt_text(debtor, "authorization_source"),
            authorization_frequency: opt_text(debtor, "authorization_frequency"),
        },
        metadata: args["mandate"]["metadata"]
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
            .unwrap_or_default(),
    }
}

fn mandate_address(address: &Value) -> Option<imburse::models::MandateAddress> {
    address.is_object().then(|| imburse::models::MandateAddress {
        house_number_or_name: opt_text(address, "house_number_or_name"),
        street_address: opt_text(address, "street_address"),
        postcode: opt_text(address, "postcode"),
        city: opt_text(address, "city"),
        country: opt_text(address, "country"),
    })
}

fn mandate_record(r: Response<imburse::models::Mandate>) -> (Value, i32) {
    let m = r.data;
    (
        json!({"mandate_id": m.mandate_id, "customer_ref": m.customer_ref, "mandate_type": m.mandate_type,
               "network": m.network, "status": m.status, "creditor_profile_ref": m.creditor_profile_ref,
               "financial_instrument_id": m.financial_instrument_id, "metadata": m.metadata}),
        r.meta.attempts,
    )
}

fn sepa_profile_record(r: Response<imburse::models::SepaCreditorProfile>) -> (Value, i32) {
    let p = r.data;
    let address = p.address.map(|a| {
        json!({"house_number_or_name": a.house_number_or_name, "street_address": a.street_address,
               "postcode": a.postcode, "city": a.city, "country": a.country})
    });
    (
        json!({"status": r.meta.status, "creditor_profile_ref": p.creditor_profile_ref, "profile_name": p.profile_name,
               "identifier": p.identifier, "name": p.name, "address": address, "metadata": p.metadata}),
        r.meta.attempts,
    )
}

fn bacs_profile_record(r: Response<imburse::models::BacsCreditorProfile>) -> (Value, i32) {
    let p = r.data;
    (
        json!({"status": r.meta.status, "creditor_profile_ref": p.creditor_profile_ref, "profile_name": p.profile_name,
               "service_user_number": p.service_user_number, "organization_name": p.organization_name,
               "metadata": p.metadata}),
        r.meta.attempts,
    )
}

fn page_record(current: i64, count: i64, size: i64, rows: i64, total: i64, refs: Vec<Option<String>>) -> Value {
    json!({"current_page": current, "page_count": count, "page_size": size, "row_count": rows,
           "total_count": total, "refs": refs})
}

/// Mandates and creditor profiles.
async fn call_mandates(
    client: &Client,
    operation: &str,
    args: &Value,
    options: &CallOptions,
) -> Result<(Value, i32), Error> {
    let (offset, page_size) = (int(&args["offset"]), int(&args["page_size"]));
    Ok(match operation {
        "get_creditor_profiles_page" => {
            let r = client.get_creditor_profiles_page(offset, page_size, options).await?;
            let p = r.data;
            let refs = p.results.into_iter().map(|c| Some(c.creditor_profile_ref)).collect();
            (page_record(p.current_page, p.page_count, p.page_size, p.row_count, p.total_count, refs), r.meta.attempts)
        }
        "get_mandates_page" => {
            let r = client.get_mandates_page(offset, page_size, options).await?;
            let p = r.data;
            let refs = p.results.into_iter().map(|m| m.customer_ref).collect();
            (page_record(p.current_page, p.page_count, p.page_size, p.row_count, p.total_count, refs), r.meta.attempts)
        }
        "create_mandate" => {
            let r = client.create_mandate(&new_mandate(args), options).await?;
            let check = r.data.verification_check.and_then(|c| c.status);
            (
                json!({"status": r.meta.status, "mandate_id": r.data.mandate_id,
                       "financial_instrument_id": r.data.financial_instrument_id, "verification_status": check}),
                r.meta.attempts,
            )
        }
        "get_mandate" => mandate_record(client.get_mandate(&text(args, "mandate_id"), options).await?),
        "get_becs_au_mandate" => mandate_record(client.get_becs_au_mandate(&text(args, "mandate_id"), options).await?),
        "get_becs_nz_mandate" => mandate_record(client.get_becs_nz_mandate(&text(args, "mandate_id"), options).await?),
        "get_sepa_creditor_profile" => {
            sepa_profile_record(client.get_sepa_creditor_profile(&text(args, "creditor_profile_ref"), options).await?)
        }
        "create_sepa_creditor_profile" => {
            let profile = &args["sepa_profile"];
            let address = &profile["address"];
            let new = imburse::models::NewSepaCreditorProfile {
                profile_name: text(profile, "profile_name"),
                identifier: text(profile, "identifier"),
                name: text(profile, "name"),
                address: mandate_address(address),
                metadata: metadata(&profile["metadata"]),
            };
            sepa_profile_record(client.create_sepa_creditor_profile(&new, options).await?)
        }
        "get_bacs_creditor_profile" => {
            bacs_profile_record(client.get_bacs_creditor_profile(&text(args, "creditor_profile_ref"), options).await?)
        }
        "create_bacs_creditor_profile" => {
            let profile = &args["bacs_profile"];
            let new = imburse::models::NewBacsCreditorProfile {
                profile_name: text(profile, "profile_name"),
                service_user_number: text(profile, "service_user_number"),
                organization_name: text(profile, "organization_name"),
                metadata: metadata(&profile["metadata"]),
            };
            bacs_profile_record(client.create_bacs_creditor_profile(&new, options).await?)
        }
        "create_checkout_session" => {
            session_record(client.create_checkout_session(&checkout_session(args), options).await?)
        }
        "create_pay_by_link" => {
            let link = &args["link"];
            let new = imburse::models::NewPayByLink {
                order_ref: text(link, "order_ref"),
                instruction_ref: text(link, "instruction_ref"),
                expiry_seconds: int(&link["expiry_seconds"]).unwrap_or_default(),
                channels: channels(&link["channels"]),
                theme_id: opt_text(link, "theme_id"),
            };
            let r = client.create_pay_by_link(&new, options).await?;
            (json!({"status": r.meta.status, "pay_by_link_id": r.data.pay_by_link_id}), r.meta.attempts)
        }
        "create_mandate_session" => {
            let session = &args["session"];
            let new = imburse::models::NewMandateSession {
                customer_ref: text(session, "customer_ref"),
                mandate_id: text(session, "mandate_id"),
                action: text(session, "action"),
                expiry_seconds: int(&session["expiry_seconds"]).unwrap_or_default(),
            };
            session_record(client.create_mandate_session(&new, options).await?)
        }
        "list_creditor_profiles" => {
            let pager = client.list_creditor_profiles(page_size, options);
            let mut walk = Walk::default();
            while let Some(page) = pager.next_page().await? {
                walk.page(page.meta.attempts, page.data.results.into_iter().map(|p| Some(p.creditor_profile_ref)));
            }
            walk.record()
        }
        "list_mandates" => {
            let pager = client.list_mandates(page_size, options);
            let mut walk = Walk::default();
            while let Some(page) = pager.next_page().await? {
                walk.page(page.meta.attempts, page.data.results.into_iter().map(|m| m.customer_ref));
            }
            walk.record()
        }
        other => harness(format!("unknown operation {other}")),
    })
}

fn channels(value: &Value) -> Vec<imburse::models::CheckoutChannel> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .map(|c| imburse::models::CheckoutChannel {
                    kind: text(c, "kind"),
                    destination: text(c, "destination"),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn checkout_session(args: &Value) -> imburse::models::NewCheckoutSession {
    let s = &args["session"];
    let account = &s["bank_account"];
    imburse::models::NewCheckoutSession {
        order_ref: text(s, "order_ref"),
        instruction_ref: text(s, "instruction_ref"),
        expiry_seconds: int(&s["expiry_seconds"]).unwrap_or_default(),
        theme_id: opt_text(s, "theme_id"),
        customer_type: opt_text(s, "customer_type"),
        customer_first_name: opt_text(s, "customer_first_name"),
        customer_last_name: opt_text(s, "customer_last_name"),
        company_name: opt_text(s, "company_name"),
        customer_email: opt_text(s, "customer_email"),
        customer_mobile_phone: opt_text(s, "customer_mobile_phone"),
        cardholder_name: opt_text(s, "cardholder_name"),
        billing_house_number: opt_text(s, "billing_house_number"),
        billing_street1: opt_text(s, "billing_street1"),
        billing_street2: opt_text(s, "billing_street2"),
        billing_city: opt_text(s, "billing_city"),
        billing_state: opt_text(s, "billing_state"),
        billing_country: opt_text(s, "billing_country"),
        billing_post_code: opt_text(s, "billing_post_code"),
        authorization_source: opt_text(s, "authorization_source"),
        authorization_frequency: opt_text(s, "authorization_frequency"),
        bank_account: account.is_object().then(|| imburse::models::CheckoutBankAccount {
            account_holder_name: opt_text(account, "account_holder_name"),
            number: opt_text(account, "number"),
            extra_code: opt_text(account, "extra_code"),
        }),
        channels: channels(&s["channels"]),
    }
}

/// A session token as a user sees it: redacted as text, a JWT of three parts when revealed.
fn session_record(r: imburse::Response<imburse::models::CheckoutSession>) -> (Value, i32) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let d = r.data;
    (
        json!({"status": r.meta.status, "token_text": d.session_token.to_string(),
               "token_segments": d.session_token.expose_secret().split('.').count(),
               "expires_after_now": d.expires > now, "session_id": d.session_id}),
        r.meta.attempts,
    )
}

/// What walking a paged list gave: every item's reference, the pages read, the attempts made.
#[derive(Default)]
struct Walk {
    refs: Vec<Option<String>>,
    pages: u32,
    attempts: i32,
}

impl Walk {
    fn page(&mut self, attempts: i32, refs: impl Iterator<Item = Option<String>>) {
        self.pages += 1;
        self.attempts += attempts;
        self.refs.extend(refs);
    }

    fn record(self) -> (Value, i32) {
        (json!({"refs": self.refs, "pages": self.pages}), self.attempts)
    }
}

/// Replaces `"$setup.<index>.<field>"` strings with earlier setup results.
fn resolve(value: &Value, setup_results: &[Value]) -> Value {
    match value {
        Value::String(s) if s.starts_with("$setup.") => {
            let mut parts = s.splitn(3, '.').skip(1);
            let index: usize = parts.next().and_then(|i| i.parse().ok()).unwrap_or_else(|| harness(s));
            let field = parts.next().unwrap_or_else(|| harness(s));
            setup_results.get(index).map(|r| r[field].clone()).unwrap_or_else(|| harness(s))
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, setup_results)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), resolve(v, setup_results))).collect()),
        other => other.clone(),
    }
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::parse_str(text).is_ok()
}

/// A scheme id: 32 hexadecimal digits.
fn is_hex_id(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_imburse_correlation_id(text: &str) -> bool {
    let Some((connection, counter)) = text.split_once(':') else { return false };
    connection.len() == 13
        && connection.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'V').contains(&b))
        && counter.len() == 8
        && counter.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The suite's normalisation rules 1–3.
fn normalise(value: Value) -> Value {
    match value {
        Value::String(s) if is_uuid(&s) => json!("<uuid>"),
        Value::String(s) if is_hex_id(&s) => json!("<hex-id>"),
        Value::String(s) if is_imburse_correlation_id(&s) => json!("<imburse-correlation-id>"),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = if (k == "created" || k == "last_updated") && !v.is_null() {
                        json!("<epoch-ms>")
                    } else {
                        normalise(v)
                    };
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

/// Every UUID, Imburse correlation id and HTTP date inside a text replaced by its placeholder,
/// leftmost first and the UUID tried first at each position (the judge's `normalise_text`).
fn normalise_text(text: &str) -> String {
    fn matches(bytes: &[u8], shape: &[fn(u8) -> bool]) -> bool {
        bytes.len() >= shape.len() && shape.iter().zip(bytes).all(|(accepts, b)| accepts(*b))
    }
    let hex = |b: u8| b.is_ascii_hexdigit();
    let dash = |b: u8| b == b'-';
    let alnum = |b: u8| b.is_ascii_alphanumeric();
    let colon = |b: u8| b == b':';
    let group = |n: usize, f: fn(u8) -> bool| std::iter::repeat_n(f, n);
    let uuid: Vec<fn(u8) -> bool> = group(8, hex)
        .chain(group(1, dash))
        .chain(group(4, hex))
        .chain(group(1, dash))
        .chain(group(4, hex))
        .chain(group(1, dash))
        .chain(group(4, hex))
        .chain(group(1, dash))
        .chain(group(12, hex))
        .collect();
    let cid: Vec<fn(u8) -> bool> = group(13, alnum).chain(group(1, colon)).chain(group(8, hex)).collect();
    // `Tue, 01 Dec 2026 09:40:47 GMT`
    let alpha: fn(u8) -> bool = |b| b.is_ascii_alphabetic();
    let digit: fn(u8) -> bool = |b| b.is_ascii_digit();
    let space: fn(u8) -> bool = |b| b == b' ';
    let comma: fn(u8) -> bool = |b| b == b',';
    let colon: fn(u8) -> bool = colon;
    let g: fn(u8) -> bool = |b| b == b'G';
    let m: fn(u8) -> bool = |b| b == b'M';
    let t: fn(u8) -> bool = |b| b == b'T';
    let date: Vec<fn(u8) -> bool> = group(3, alpha)
        .chain([comma, space])
        .chain(group(2, digit))
        .chain([space])
        .chain(group(3, alpha))
        .chain([space])
        .chain(group(4, digit))
        .chain([space])
        .chain(group(2, digit))
        .chain([colon])
        .chain(group(2, digit))
        .chain([colon])
        .chain(group(2, digit))
        .chain([space, g, m, t])
        .collect();
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if matches(&bytes[i..], &uuid) {
            out.push_str("<uuid>");
            i += uuid.len();
        } else if matches(&bytes[i..], &cid) {
            out.push_str("<imburse-correlation-id>");
            i += cid.len();
        } else if matches(&bytes[i..], &date) {
            out.push_str("<http-date>");
            i += date.len();
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn error_record(error: &Error) -> Value {
    let report = error.report();
    let entries: Vec<Value> = report
        .errors
        .iter()
        .map(|e| json!({"code": e.code, "message": normalise_text(&e.message), "metadata": normalise(json!(e.metadata))}))
        .collect();
    let mut record = normalise(json!({
        "kind": report.kind,
        "status": report.status,
        "code": report.code,
        "codes": report.errors.iter().map(|e| e.code.clone()).collect::<Vec<_>>(),
        "retry_after_ms": report.retry_after.map(|d| d.as_duration().as_millis() as u64),
        "client_correlation_id": report.client_correlation_id,
        "correlation_id": report.correlation_id,
        "attempts": report.attempts,
        "raw_body": report.raw_body.is_some(),
    }));
    record["text"] = json!(normalise_text(&report.text));
    record["detail"] = json!(normalise_text(&report.detail));
    record["entries"] = json!(entries);
    record
}

fn glob_match(pattern: &str, text: &str) -> bool {
    imburse_emulator::faults::glob_match(pattern, text)
}

async fn run_scenario(suite: &Suite, scenario: &Value) -> Value {
    let id = scenario["id"].as_str().unwrap_or_else(|| harness("scenario without id"));
    suite.control(reqwest::Method::POST, "/reset", None).await;
    let ttl = scenario["emulator"]["token_ttl_seconds"]
        .as_u64()
        .or(suite.environment()["default_token_ttl_seconds"].as_u64())
        .unwrap_or(3600);
    let clock_offset = scenario["emulator"]["clock_offset_seconds"].as_i64().unwrap_or(0);
    let async_ms = scenario["emulator"]["async_instructions_ms"].as_u64().unwrap_or(0);
    let settings = json!({
        "token_ttl_seconds": ttl,
        "clock_offset_seconds": clock_offset,
        "async_instructions_ms": async_ms,
    });
    suite.control(reqwest::Method::PUT, "/settings", Some(settings)).await;

    let operation = scenario["call"]["operation"].as_str().unwrap_or_else(|| harness(id));
    suite.events.lock().unwrap().clear();
    let mut call_args = scenario["call"]["args"].clone();
    let outcome = match suite.client(&scenario["client"]) {
        Err(error) => Err(error),
        Ok(client) => {
            let mut setup_results = Vec::new();
            for step in scenario["setup"].as_array().into_iter().flatten() {
                if let Some(control) = step.get("control") {
                    let method = reqwest::Method::from_bytes(control["method"].as_str().unwrap_or_default().as_bytes())
                        .unwrap_or_else(|e| harness(e));
                    let path = control["path"].as_str().unwrap_or_else(|| harness(id));
                    let answer = suite.control(method, path, control.get("body").cloned()).await;
                    setup_results.push(if answer.is_object() { answer } else { json!({}) });
                    continue;
                }
                let args = resolve(&step["args"], &setup_results);
                let step_operation = step["operation"].as_str().unwrap_or_default();
                match call(&client, step_operation, &args, &CallOptions::new()).await {
                    Ok((result, _)) => setup_results.push(result),
                    Err(e) => harness(format!("{id}: setup {step_operation} failed: {e}")),
                }
            }
            suite.control(reqwest::Method::DELETE, "/requests", None).await;
            suite.events.lock().unwrap().clear();
            for fault in scenario["faults"].as_array().into_iter().flatten() {
                suite.control(reqwest::Method::POST, "/faults", Some(fault.clone())).await;
            }
            if scenario["emulator"]["expire_tokens_before_call"].as_bool() == Some(true) {
                suite.control(reqwest::Method::POST, "/tokens/expire", None).await;
            }
            call_args = resolve(&scenario["call"]["args"], &setup_results);
            let options = suite.options(&scenario["call"]["options"]);
            call(&client, operation, &call_args, &options).await
        }
    };

    let events = std::mem::take(&mut *suite.events.lock().unwrap());

    // What reached the server.
    let spec = &suite.manifest["operations"][operation];
    let args = &call_args;
    let mut pattern = spec["path"].as_str().unwrap_or_default().to_string();
    if let Some(map) = args.as_object() {
        for (key, value) in map {
            if let Some(value) = value.as_str() {
                pattern = pattern.replace(&format!("{{{key}}}"), value);
            }
        }
    }
    let log = suite.control(reqwest::Method::GET, "/requests", None).await;
    let log = log.as_array().cloned().unwrap_or_default();
    let method = spec["method"].as_str().unwrap_or_default();
    let calls: Vec<&Value> = log
        .iter()
        .filter(|r| r["method"] == method && glob_match(&pattern, r["path"].as_str().unwrap_or_default()))
        .collect();
    let identity_requests = log.iter().filter(|r| r["method"] == "POST" && r["path"] == "/v1/identity/hmac").count();
    let faults = suite.control(reqwest::Method::GET, "/faults", None).await;
    let faults_unused: u64 =
        faults.as_array().into_iter().flatten().map(|f| f["remaining"].as_u64().unwrap_or(0)).sum();
    suite.control(reqwest::Method::DELETE, "/faults", None).await;

    let given = scenario["call"]["options"]["correlation_id"].as_str();
    let ids: Vec<Option<&str>> = calls.iter().map(|r| r["headers"]["x-correlation-id"].as_str()).collect();
    let (correlation, same) = if ids.is_empty() {
        (Value::Null, Value::Null)
    } else if ids.iter().any(Option::is_none) {
        (json!("missing"), json!(false))
    } else if ids.windows(2).any(|w| w[0] != w[1]) {
        (json!("mixed"), json!(false))
    } else {
        let id = ids[0].unwrap_or_default();
        let kind = if Some(id) == given {
            "given"
        } else if given.is_none() && is_uuid(id) {
            "generated_uuid"
        } else {
            "other"
        };
        (json!(kind), json!(!id.is_empty()))
    };
    let gaps: Vec<u64> = calls
        .windows(2)
        .map(|w| {
            w[1]["received_at_ms"].as_u64().unwrap_or(0).saturating_sub(w[0]["received_at_ms"].as_u64().unwrap_or(0))
        })
        .collect();

    let exists_after = match scenario["expect"]["server"]["exists_after"].as_object() {
        None => Value::Null,
        Some(check) => {
            let client = suite.client(&Value::Null).unwrap_or_else(|e| harness(e));
            let check_operation = check["operation"].as_str().unwrap_or_default();
            match call(&client, check_operation, &check["args"], &CallOptions::new()).await {
                Ok((result, _)) => match check.get("count_field").and_then(Value::as_str) {
                    Some(field) => json!(result[field].as_array().map_or(0, Vec::len)),
                    None => json!(1),
                },
                Err(e) if e.code().is_some_and(|c| c.ends_with("_NOT_FOUND")) => json!(0),
                Err(e) => harness(format!("{id}: exists_after failed: {e}")),
            }
        }
    };

    let (outcome_name, result, error, attempts) = match &outcome {
        Ok((result, attempts)) => ("ok", normalise(result.clone()), Value::Null, *attempts),
        Err(error) => ("error", Value::Null, error_record(error), error.report().attempts),
    };
    json!({
        "id": id,
        "outcome": outcome_name,
        "result": result,
        "error": error,
        "attempts": attempts,
        "events": events,
        "server": {
            "requests": calls.len(),
            "correlation_id": correlation,
            "same_correlation_id_on_every_attempt": same,
            "identity_requests": identity_requests,
            "faults_unused": faults_unused,
            "exists_after": exists_after,
        },
        "timing": {"gaps_ms": gaps},
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_manifest_scenario_meets_its_expectations() {
    let dir = suite_dir();
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let config_name = manifest["environment"]["emulator_config"].as_str().unwrap();
    let config = EmulatorConfig::from_file(&dir.join(config_name)).unwrap();
    let emulator = EmulatorHandle::start(config, "127.0.0.1", 0).await.unwrap();
    let suite =
        Suite { manifest, url: emulator.url().to_string(), control: reqwest::Client::new(), events: Arc::default() };

    let mut lines = String::new();
    for scenario in suite.manifest["scenarios"].as_array().unwrap() {
        let record = run_scenario(&suite, scenario).await;
        lines.push_str(&serde_json::to_string(&sort_keys(record)).unwrap());
        lines.push('\n');
    }
    let records_dir = dir.join("records");
    std::fs::create_dir_all(&records_dir).unwrap();
    let records = records_dir.join("rust.jsonl");
    std::fs::write(&records, lines).unwrap();
    emulator.shutdown().await;

    let judged = std::process::Command::new("python3")
        .arg(dir.join("judge.py"))
        .arg("--check-manifest")
        .arg(dir.join("manifest.json"))
        .arg(&records)
        .output()
        .expect("python3 runs the judge");
    let report = format!("{}{}", String::from_utf8_lossy(&judged.stdout), String::from_utf8_lossy(&judged.stderr));
    println!("{report}");
    assert!(judged.status.success(), "the Rust records do not meet the manifest:\n{report}");
}

/// serde_json without `preserve_order` already sorts object keys; this makes it explicit.
fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> = map.into_iter().map(|(k, v)| (k, sort_keys(v))).collect();
            Value::Object(sorted.into_iter().collect::<Map<_, _>>())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// The manifest declares every operation the core declares, by the same name, method and path
/// (`*` for a version either may use; placeholders compared by position), so the generated
/// bad-input scenarios (`tests/conformance/bad_input.py`) cover each new operation's path
/// arguments.
#[test]
fn the_manifest_declares_every_operation_of_the_core() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(suite_dir().join("manifest.json")).unwrap()).unwrap();
    let declared = manifest["operations"].as_object().unwrap();
    // `a/{orderRef}/b` and `a/{order_ref}/b` are the same path.
    let shape = |path: &str| -> String {
        path.split('/').map(|s| if s.starts_with('{') { "{}" } else { s }).collect::<Vec<_>>().join("/")
    };
    for spec in imburse::operations::ALL.iter().filter(|s| s.name != "authenticate") {
        let entry =
            declared.get(spec.name).unwrap_or_else(|| panic!("{} is not in the manifest's operations", spec.name));
        assert_eq!(entry["method"], spec.method, "{}", spec.name);
        let path = entry["path"].as_str().unwrap();
        let (version, rest) = path.trim_start_matches('/').split_once('/').unwrap();
        assert!(version == "*" || version == spec.version, "{}: version {version}", spec.name);
        assert_eq!(shape(rest), shape(spec.path), "{}: path", spec.name);
    }
}
