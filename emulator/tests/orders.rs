//! Order management over real HTTP: statuses, bodies, documented fields, validation codes,
//! customer-default inheritance, the 100-instruction limit, and cancellation.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn get_json(h: &Harness, token: &str, path: &str) -> Value {
    let response = h.api(Method::GET, path, token).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn create_order_is_201_without_instructions_and_202_with_them_both_with_empty_bodies() {
    let h = Harness::start().await;
    let token = h.token().await;
    let plain = h.create_order(&token, json!({"orderRef": "O-1"})).await;
    assert_eq!(plain.status(), StatusCode::CREATED);
    assert_eq!(plain.bytes().await.unwrap().len(), 0);
    let with = h.create_order(&token, json!({"orderRef": "O-2", "instructions": [instruction("I-1")]})).await;
    assert_eq!(with.status(), StatusCode::ACCEPTED);
    assert_eq!(with.bytes().await.unwrap().len(), 0);
    // The v2 path is the same operation.
    let v2 =
        h.api(Method::POST, "/v2/order-management", &token).json(&json!({"orderRef": "O-3"})).send().await.unwrap();
    assert_eq!(v2.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn an_instruction_reads_back_with_the_documented_fields_on_v1_and_v2() {
    let h = Harness::start().await;
    let token = h.token().await;
    let mut body = instruction("I-1");
    body["amount"] = json!("210.00");
    h.create_order(&token, json!({"orderRef": "O-1", "instructions": [body]})).await;
    for version in ["v1", "v2"] {
        let path = format!("/{version}/order-management/O-1/instruction/I-1");
        let response = h.api(Method::GET, &path, &token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap();
        assert!(text.contains(r#""amount":210.00"#), "amount keeps its exact digits: {text}");
        let i: Value = serde_json::from_str(&text).unwrap();
        // The reference's samples link to /v1 paths whichever version was asked.
        assert_eq!(i["_links"]["self"]["href"], "/v1/order-management/O-1/instruction/I-1");
        assert_eq!(i["_links"]["order"], json!({"href": "/v1/order-management/O-1", "name": "order"}));
        assert_eq!(i["instructionRef"], "I-1");
        assert_eq!(i["customerRef"], "CUST-1");
        assert_eq!(i["direction"], "DEBIT");
        assert_eq!(i["status"], "READY");
        assert_eq!((i["currency"].as_str(), i["country"].as_str()), (Some("GBP"), Some("GB")));
        assert_eq!(i["settledByDate"], "2026-12-31");
        assert!(i["created"].as_u64().unwrap() > 1_600_000_000_000, "epoch ms");
        assert!(i["lastUpdated"].as_u64().is_some());
        for absent in ["forecastedSettlementDate", "actualSettlementDate", "executionTimestamp", "transaction"] {
            assert!(i[absent].is_null(), "{absent} is present and null");
        }
        assert_eq!(i["scheme"], json!({"schemeId": SCHEME, "source": "MANUALLY_SET", "canUpdate": true}));
        assert_eq!(i["financialInstrument"]["source"], "MANUALLY_SET");
        assert_eq!(i["metadata"], json!({"invoice": "INV-1"}));
    }
}

#[tokio::test]
async fn customer_defaults_are_inherited_and_metadata_merges_with_the_instructions_own_winning() {
    let h = Harness::start().await;
    let token = h.token().await;
    let order = json!({
        "orderRef": "O-DEF",
        "metadata": {"order": "level"},
        "customerDefaults": {
            "CUST-1": {
                "financialInstrumentId": "fi-default",
                "schemeId": SCHEME,
                "metadata": {"from": "default", "shared": "default"}
            }
        },
        "instructions": [{
            "instructionRef": "I-INHERIT", "customerRef": "CUST-1", "direction": "CREDIT",
            "amount": 5, "currency": "EUR", "country": "DE",
            "metadata": {"shared": "own"}
        }, {
            "instructionRef": "I-BARE", "customerRef": "CUST-2", "direction": "DEBIT",
            "amount": "1.5", "currency": "EUR", "country": "DE", "schemeId": SCHEME
        }]
    });
    assert_eq!(h.create_order(&token, order).await.status(), StatusCode::ACCEPTED);
    let i = get_json(&h, &token, "/v2/order-management/O-DEF/instruction/I-INHERIT").await;
    assert_eq!(i["scheme"]["schemeId"], SCHEME);
    assert_eq!(i["scheme"]["source"], "CUSTOMER_DEFAULT");
    assert_eq!(i["financialInstrument"]["financialInstrumentId"], "fi-default");
    assert_eq!(i["financialInstrument"]["source"], "CUSTOMER_DEFAULT");
    assert_eq!(i["metadata"], json!({"from": "default", "shared": "own"}));
    assert_eq!(i["status"], "READY");
    let bare = get_json(&h, &token, "/v2/order-management/O-DEF/instruction/I-BARE").await;
    assert_eq!(bare["financialInstrument"]["financialInstrumentId"], Value::Null);
    assert_eq!(bare["financialInstrument"]["source"], "NONE");
    assert_eq!(bare["status"], "INCOMPLETE", "no financial instrument yet");

    let order = get_json(&h, &token, "/v1/order-management/O-DEF").await;
    assert_eq!(order["orderRef"], "O-DEF");
    assert_eq!(order["metadata"], json!({"order": "level"}));
    assert_eq!(order["customerDefaults"]["CUST-1"]["scheme"]["schemeId"], SCHEME);
    assert_eq!(order["customerDefaults"]["CUST-1"]["financialInstrument"]["financialInstrumentId"], "fi-default");
    assert_eq!(order["instructions"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn create_instruction_is_201_and_refuses_an_existing_reference() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-1"})).await;
    let path = "/v1/order-management/O-1/instruction";
    let created = h.api(Method::POST, path, &token).json(&instruction("I-1")).send().await.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.bytes().await.unwrap().len(), 0);
    let again = h.api(Method::POST, path, &token).json(&instruction("I-1")).send().await.unwrap();
    expect_error(again, StatusCode::BAD_REQUEST, &["INSTRUCTION_ALREADY_EXISTS"]).await;
    let missing_order = h
        .api(Method::POST, "/v1/order-management/NOPE/instruction", &token)
        .json(&instruction("I-1"))
        .send()
        .await
        .unwrap();
    expect_error(missing_order, StatusCode::BAD_REQUEST, &["ORDER_NOT_FOUND"]).await;
    let missing = h.api(Method::GET, "/v2/order-management/O-1/instruction/NOPE", &token).send().await.unwrap();
    expect_error(missing, StatusCode::BAD_REQUEST, &["INSTRUCTION_NOT_FOUND"]).await;
}

#[tokio::test]
async fn an_existing_order_reference_is_refused() {
    let h = Harness::start().await;
    let token = h.token().await;
    assert_eq!(h.create_order(&token, json!({"orderRef": "O-1"})).await.status(), StatusCode::CREATED);
    let again = h.create_order(&token, json!({"orderRef": "O-1", "instructions": [instruction("I-9")]})).await;
    let body = expect_error(again, StatusCode::BAD_REQUEST, &["ORDER_ALREADY_EXISTS"]).await;
    assert_eq!(body["errors"][0]["metadata"]["orderRef"], "O-1");
    // Nothing of the refused request was stored.
    let order = get_json(&h, &token, "/v1/order-management/O-1").await;
    assert_eq!(order["instructions"], json!([]));
}

#[tokio::test]
async fn every_documented_validation_code_is_returned_with_400() {
    let h = Harness::start().await;
    let token = h.token().await;
    let with = |field: &str, value: Value| {
        let mut i = instruction("I-1");
        if value.is_null() {
            i.as_object_mut().unwrap().remove(field);
        } else {
            i[field] = value;
        }
        json!({"orderRef": "O-V", "instructions": [i]})
    };
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!({}), vec!["ORDER_REF_IS_REQUIRED"]),
        (json!({"orderRef": ""}), vec!["ORDER_REF_IS_REQUIRED"]),
        (json!({"orderRef": "x".repeat(51)}), vec!["ORDER_REF_LENGTH_OUT_OF_RANGE"]),
        (json!({"orderRef": "bad ref!"}), vec!["ORDER_REF_CONTAINS_INVALID_CHARACTERS"]),
        (with("instructionRef", Value::Null), vec!["INSTRUCTION_REF_IS_REQUIRED"]),
        (with("instructionRef", json!("i".repeat(51))), vec!["INSTRUCTION_REF_LENGTH_OUT_OF_RANGE"]),
        (with("instructionRef", json!("a/b")), vec!["INSTRUCTION_REF_CONTAINS_INVALID_CHARACTERS"]),
        (with("customerRef", Value::Null), vec!["CUSTOMER_REF_IS_REQUIRED"]),
        (with("customerRef", json!("c".repeat(51))), vec!["CUSTOMER_REF_LENGTH_OUT_OF_RANGE"]),
        (with("customerRef", json!("c#1")), vec!["CUSTOMER_REF_CONTAINS_INVALID_CHARACTERS"]),
        (with("amount", Value::Null), vec!["AMOUNT_IS_REQUIRED"]),
        (with("amount", json!("12,50")), vec!["AMOUNT_FORMAT_NOT_RECOGNISED"]),
        (with("amount", json!(-5)), vec!["AMOUNT_OUT_OF_RANGE"]),
        (with("amount", json!(0)), vec!["AMOUNT_OUT_OF_RANGE"]),
        (with("currency", Value::Null), vec!["CURRENCY_IS_REQUIRED"]),
        (with("currency", json!("GBPP")), vec!["CURRENCY_LENGTH_OUT_OF_RANGE"]),
        (with("country", Value::Null), vec!["COUNTRY_IS_REQUIRED"]),
        (with("country", json!("GBR")), vec!["COUNTRY_LENGTH_OUT_OF_RANGE"]),
        (with("schemeId", Value::Null), vec!["SCHEME_IS_REQUIRED"]),
        (with("schemeId", json!("not-a-scheme")), vec!["SCHEME_FORMAT_NOT_RECOGNISED"]),
        (with("schemeId", json!("0123456789ABCDEF0123456789ABCDEF")), vec!["SCHEME_ID_NOT_RECOGNISED"]),
        (with("settledByDate", json!("31/12/2026")), vec!["SETTLED_BY_DATE_IS_INVALID"]),
        (with("metadata", json!({"k".repeat(101): "v"})), vec!["METADATA_KEY_SIZE_OUT_OF_RANGE"]),
        (with("metadata", json!({"k": "v".repeat(257)})), vec!["METADATA_VALUE_SIZE_OUT_OF_RANGE"]),
        (with("direction", json!("SIDEWAYS")), vec!["DIRECTION_NOT_RECOGNISED"]),
        (
            json!({"orderRef": "O-V", "instructions": [instruction("I-1"), instruction("I-1")]}),
            vec!["INSTRUCTION_ALREADY_EXISTS"],
        ),
        (
            json!({"orderRef": "", "instructions": [{"instructionRef": "I", "customerRef": "C", "direction": "DEBIT", "schemeId": SCHEME}]}),
            vec!["ORDER_REF_IS_REQUIRED", "AMOUNT_IS_REQUIRED", "CURRENCY_IS_REQUIRED", "COUNTRY_IS_REQUIRED"],
        ),
    ];
    for (body, codes) in cases {
        let response = h.create_order(&token, body.clone()).await;
        let error = expect_error(response, StatusCode::BAD_REQUEST, &codes).await;
        assert!(error["errors"][0]["metadata"]["propertyName"].is_string(), "{body} names the property");
    }
    // None of the refused orders exists.
    let missing = h.api(Method::GET, "/v1/order-management/O-V", &token).send().await.unwrap();
    expect_error(missing, StatusCode::BAD_REQUEST, &["ORDER_NOT_FOUND"]).await;
}

#[tokio::test]
async fn malformed_bodies_get_a_400_not_a_crash() {
    let h = Harness::start().await;
    let token = h.token().await;
    for body in ["{not json", "[1,2]", r#"{"orderRef": 12}"#, r#"{"orderRef":"O","instructions":{}}"#] {
        let response = h.api(Method::POST, "/v1/order-management", &token).body(body).send().await.unwrap();
        expect_error(response, StatusCode::BAD_REQUEST, &["REQUEST_BODY_INVALID"]).await;
    }
    let empty = h.api(Method::POST, "/v1/order-management", &token).send().await.unwrap();
    expect_error(empty, StatusCode::BAD_REQUEST, &["ORDER_REF_IS_REQUIRED"]).await;
}

#[tokio::test]
async fn duplicate_metadata_keys_keep_one_value_and_nulls_are_dropped() {
    let h = Harness::start().await;
    let token = h.token().await;
    let body = r#"{"orderRef":"O-M","metadata":{"a":"1","a":"2","gone":null}}"#;
    let response = h.api(Method::POST, "/v1/order-management", &token).body(body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let order = get_json(&h, &token, "/v1/order-management/O-M").await;
    assert_eq!(order["metadata"], json!({"a": "2"}));
}

#[tokio::test]
async fn an_order_holds_at_most_100_instructions() {
    let h = Harness::start().await;
    let token = h.token().await;
    let hundred: Vec<Value> = (0..100).map(|n| instruction(&format!("I-{n}"))).collect();
    let ok = h.create_order(&token, json!({"orderRef": "O-100", "instructions": hundred})).await;
    assert_eq!(ok.status(), StatusCode::ACCEPTED);
    let one_more = h
        .api(Method::POST, "/v1/order-management/O-100/instruction", &token)
        .json(&instruction("I-100"))
        .send()
        .await
        .unwrap();
    expect_error(one_more, StatusCode::BAD_REQUEST, &["INSTRUCTIONS_COUNT_OUT_OF_RANGE"]).await;
    let too_many: Vec<Value> = (0..101).map(|n| instruction(&format!("I-{n}"))).collect();
    let refused = h.create_order(&token, json!({"orderRef": "O-101", "instructions": too_many})).await;
    expect_error(refused, StatusCode::BAD_REQUEST, &["INSTRUCTIONS_COUNT_OUT_OF_RANGE"]).await;
}

#[tokio::test]
async fn cancel_voids_an_instruction_once_and_refuses_a_settled_one() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-C", "instructions": [instruction("I-1"), instruction("I-2")]})).await;
    let cancel = |reference: &str| {
        h.api(Method::POST, &format!("/v1/order-management/O-C/instruction/{reference}/cancel"), &token)
            .json(&json!({"reason": "customer asked"}))
            .send()
    };
    assert_eq!(cancel("I-1").await.unwrap().status(), StatusCode::ACCEPTED);
    assert_eq!(cancel("I-1").await.unwrap().status(), StatusCode::ACCEPTED, "cancelling twice is harmless");
    let voided = get_json(&h, &token, "/v2/order-management/O-C/instruction/I-1").await;
    assert_eq!(voided["status"], "VOID");
    assert_eq!(voided["scheme"]["canUpdate"], false);

    let settle = h
        .http
        .put(h.url(&format!("/__emulator/tenants/{}/orders/O-C/instructions/I-2/status", h.info.tenant_id)))
        .json(&json!({"status": "SETTLED"}))
        .send()
        .await
        .unwrap();
    assert_eq!(settle.status(), StatusCode::OK);
    let moved: serde_json::Value = settle.json().await.unwrap();
    assert_eq!(moved["status"], "SETTLED");
    let transaction_id = moved["transactionId"].as_str().expect("a settled instruction carries a transaction");
    let settled = get_json(&h, &token, "/v2/order-management/O-C/instruction/I-2").await;
    assert_eq!(settled["transaction"]["transactionId"], transaction_id);
    let refused = cancel("I-2").await.unwrap();
    let body = expect_error(refused, StatusCode::BAD_REQUEST, &["INSTRUCTION_CANNOT_BE_CANCELLED"]).await;
    assert_eq!(body["errors"][0]["metadata"]["status"], "SETTLED");
}

#[tokio::test]
async fn unknown_routes_and_versions_are_404_in_the_classic_shape() {
    let h = Harness::start().await;
    let token = h.token().await;
    for path in ["/v1/nothing-here", "/v3/order-management", "/v1/customer-vault/C1/mobile/extra"] {
        let response = h.api(Method::POST, path, &token).send().await.unwrap();
        expect_error(response, StatusCode::NOT_FOUND, &["ROUTE_NOT_FOUND"]).await;
    }
    let put_v1 = h.api(Method::PUT, "/v1/customer-vault/C1", &token).json(&json!({})).send().await.unwrap();
    expect_error(put_v1, StatusCode::NOT_FOUND, &["ROUTE_NOT_FOUND"]).await;
    let wrong_method = h.api(Method::DELETE, "/v1/order-management", &token).send().await.unwrap();
    expect_error(wrong_method, StatusCode::METHOD_NOT_ALLOWED, &["METHOD_NOT_ALLOWED"]).await;
}

#[tokio::test]
async fn an_orders_metadata_is_replaced_with_the_creation_limits() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-1", "metadata": {"old": "1"}})).await;
    let path = "/v1/order-management/O-1/metadata";
    let update = h.api(Method::PUT, path, &token).json(&json!({"metadata": {"batch": "7"}})).send().await.unwrap();
    assert_eq!(update.status(), StatusCode::ACCEPTED);
    assert_eq!(get_json(&h, &token, "/v1/order-management/O-1").await["metadata"], json!({"batch": "7"}));

    let missing =
        h.api(Method::PUT, "/v1/order-management/NO-SUCH/metadata", &token).json(&json!({"metadata": {}})).send();
    let missing: Value = missing.await.unwrap().json().await.unwrap();
    assert_eq!(missing["errors"][0]["errorCode"], "ORDER_NOT_FOUND");
    let long_key = "k".repeat(101);
    let refused = h.api(Method::PUT, path, &token).json(&json!({"metadata": {long_key: "v"}})).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(refused["errors"][0]["errorCode"], "METADATA_KEY_SIZE_OUT_OF_RANGE");
}

#[tokio::test]
async fn an_asynchronous_server_makes_instructions_readable_only_after_its_delay() {
    let h = Harness::start().await;
    let token = h.token().await;
    let settings = h.http.put(h.url("/__emulator/settings")).json(&json!({"async_instructions_ms": 400})).send();
    assert_eq!(settings.await.unwrap().status(), StatusCode::OK);
    let accepted = h.create_order(&token, json!({"orderRef": "O-A", "instructions": [instruction("I-1")]})).await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);

    // The order exists at once (a second create is refused) but shows no instruction yet.
    let order = get_json(&h, &token, "/v1/order-management/O-A").await;
    assert_eq!(order["instructions"], json!([]));
    let again = h.create_order(&token, json!({"orderRef": "O-A", "instructions": [instruction("I-1")]})).await;
    expect_error(again, StatusCode::BAD_REQUEST, &["ORDER_ALREADY_EXISTS"]).await;
    let hidden = h.api(Method::GET, "/v2/order-management/O-A/instruction/I-1", &token).send().await.unwrap();
    expect_error(hidden, StatusCode::BAD_REQUEST, &["INSTRUCTION_NOT_FOUND"]).await;
    // An added instruction is refused as a duplicate while hidden, and is itself delayed.
    let dup = h.api(Method::POST, "/v1/order-management/O-A/instruction", &token).json(&instruction("I-1")).send();
    expect_error(dup.await.unwrap(), StatusCode::BAD_REQUEST, &["INSTRUCTION_ALREADY_EXISTS"]).await;

    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let order = get_json(&h, &token, "/v1/order-management/O-A").await;
    assert_eq!(order["instructions"][0]["instructionRef"], "I-1");
    get_json(&h, &token, "/v2/order-management/O-A/instruction/I-1").await;

    // Reset makes the server synchronous again.
    h.reset().await;
    let settings: Value = h.http.get(h.url("/__emulator/settings")).send().await.unwrap().json().await.unwrap();
    assert_eq!(settings["async_instructions_ms"], 0);
}

#[tokio::test]
async fn a_processed_instruction_carries_a_transaction_and_a_settled_one_its_refunds() {
    let h = Harness::start().await;
    let token = h.token().await;
    let mut body = instruction("I-1");
    body["amount"] = json!("25.00");
    body["financialInstrumentId"] = json!("FI-1");
    h.create_order(&token, json!({"orderRef": "O-T", "instructions": [body]})).await;
    let path = "/v2/order-management/O-T/instruction/I-1";
    let control =
        |suffix: &str| h.url(&format!("/__emulator/tenants/{}/orders/O-T/instructions/I-1/{suffix}", h.info.tenant_id));
    let status = |s: &'static str| h.http.put(control("status")).json(&json!({ "status": s })).send();
    let refund = |amount: Value| h.http.post(control("refunds")).json(&json!({ "amount": amount })).send();

    let ready = get_json(&h, &token, path).await;
    assert!(ready["transaction"].is_null() && ready["_links"].get("transactions").is_none());
    let moved = status("PROCESSING").await.unwrap();
    assert_eq!(moved.status(), StatusCode::OK);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["status"], "PROCESSING");
    let refused: Value = refund(json!("1.00")).await.unwrap().json().await.unwrap();
    assert!(refused["error"].as_str().unwrap().contains("only a SETTLED instruction"), "{refused}");
    let processing = get_json(&h, &token, path).await;
    let transaction_id = processing["transaction"]["transactionId"].as_str().unwrap().to_string();
    assert_eq!(moved["transactionId"], transaction_id.as_str(), "the control answers the transaction it made");
    assert_eq!(processing["transaction"]["status"], "PROCESSING");
    assert!(processing["executionTimestamp"].as_u64().is_some() && processing["actualSettlementDate"].is_null());

    assert_eq!(status("SETTLED").await.unwrap().status(), StatusCode::OK);
    let first = refund(json!("4.50")).await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let refund_id = first.json::<Value>().await.unwrap()["refundId"].as_str().unwrap().to_string();
    assert_eq!(refund(json!(0.5)).await.unwrap().status(), StatusCode::CREATED, "a number works too");
    for (amount, reason) in
        [(json!("20.01"), "more than the 20.00 left"), (json!("0"), "positive"), (json!("-1"), "positive")]
    {
        let answer = refund(amount).await.unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        assert!(answer.text().await.unwrap().contains(reason), "{reason}");
    }

    let text = h.api(Method::GET, path, &token).send().await.unwrap().text().await.unwrap();
    assert!(text.contains(r#""amount":25.00"#) && text.contains(r#""netAmount":20.00"#), "exact amounts: {text}");
    let settled: Value = serde_json::from_str(&text).unwrap();
    let t = &settled["transaction"];
    assert_eq!(settled["status"], "SETTLED");
    assert_eq!(t["transactionId"], transaction_id.as_str(), "the same transaction all along");
    assert_eq!((t["status"].as_str(), t["financialInstrumentId"].as_str()), (Some("SETTLED"), Some("FI-1")));
    assert_eq!(t["app"]["appId"], "STRIPE");
    assert!(t["app"]["supportDetails"]["customerId"].as_str().unwrap().starts_with("cus_"));
    assert_eq!(t["refunds"][0]["refundId"], refund_id.as_str());
    assert_eq!(t["refunds"].as_array().unwrap().len(), 2);
    assert_eq!(settled["actualSettlementDate"].as_str().map(str::len), Some(10), "YYYY-MM-DD");
    assert_eq!(
        settled["_links"]["transactions"],
        json!([{"href": format!("/v1/customer-vault/CUST-1/financial-instrument/FI-1/transaction/{transaction_id}"), "name": transaction_id}])
    );
}
