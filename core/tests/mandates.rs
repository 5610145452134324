//! Mandates and creditor profiles against the emulator: one page with its totals, pagers that
//! read exactly the pages needed (lazily, each page a call of its own), an error on a later
//! page surfacing there, page sizes refused before sending, the feature switched off per
//! account (405 `SERVICE_UNAVAILABLE`), registering a mandate, and the deprecated network
//! routes (SEPA and Bacs creditor profiles, BECS mandates).

use futures_util::StreamExt as _;
use imburse::models::{MandateAddress, MandateDebtor, NewBacsCreditorProfile, NewMandate, NewSepaCreditorProfile};
use imburse::{CallOptions, Client, ClientConfig, ErrorKind};
use imburse_emulator::testing::TestEmulator;

const BACS_PROFILE: &str = "5f0c3b1e9a7d4c2b8e6f1a0d3c5b7e9f";
const BECS_AU_PROFILE: &str = "b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5";
const BECS_NZ_PROFILE: &str = "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";

fn config_for(emulator: &TestEmulator) -> ClientConfig {
    let info = emulator.info();
    ClientConfig::builder()
        .base_url(&info.url)
        .public_key(&info.public_key)
        .private_key(&info.private_key)
        .account_id(&info.account_id)
        .tenant_id(&info.tenant_id)
        .backoff_base(std::time::Duration::from_millis(5))
        .backoff_cap(std::time::Duration::from_millis(10))
        .build()
        .unwrap()
}

fn page_reads(emulator: &TestEmulator, path: &str) -> Vec<Option<String>> {
    emulator.requests().unwrap().into_iter().filter(|r| r.path == path).map(|r| r.query).collect()
}

fn bacs_mandate(customer_ref: &str) -> NewMandate {
    NewMandate {
        customer_ref: customer_ref.into(),
        creditor_profile_ref: BACS_PROFILE.into(),
        mandate_type: "BacsB2C".into(),
        agreement_type: Some("Reuse".into()),
        debtor: MandateDebtor {
            first_name: Some("Ada".into()),
            last_name: Some("Lovelace".into()),
            email: Some("ada@example.com".into()),
            address: Some(MandateAddress {
                house_number_or_name: Some("12".into()),
                street_address: Some("St James's Square".into()),
                postcode: Some("SW1Y 4JH".into()),
                city: Some("London".into()),
                country: Some("GB".into()),
            }),
            account_holder_name: Some("A Lovelace".into()),
            account_number: Some("55779911".into()),
            sort_code: Some("200000".into()),
            ..MandateDebtor::default()
        },
        metadata: [("plan".to_string(), "gold".to_string())].into_iter().collect(),
    }
}

#[tokio::test]
async fn a_registered_mandate_is_read_back_and_is_a_financial_instrument_of_its_customer() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    let options = CallOptions::new();
    let created = client.create_mandate(&bacs_mandate("CUST-M1"), &options).await.unwrap();
    assert_eq!(created.meta.status, 201);
    assert_eq!(created.data.verification_check.as_ref().and_then(|c| c.status.as_deref()), Some("VERIFIED"));
    let mandate = client.get_mandate(&created.data.mandate_id, &options).await.unwrap().data;
    assert_eq!(mandate.customer_ref.as_deref(), Some("CUST-M1"));
    assert_eq!(mandate.mandate_type.as_deref(), Some("BacsB2C"));
    assert_eq!(mandate.network.as_deref(), Some("BACS"));
    assert_eq!(mandate.status.as_deref(), Some("Active"));
    assert_eq!(mandate.metadata.get("plan").map(String::as_str), Some("gold"));
    assert_eq!(mandate.financial_instrument_id, created.data.financial_instrument_id);
    let instrument_id = created.data.financial_instrument_id.unwrap();
    let instrument = client.get_financial_instrument("CUST-M1", &instrument_id, &options).await.unwrap().data;
    assert_eq!(instrument.kind.as_deref(), Some("MANDATE:BACS"));
    assert_eq!(instrument.details.get("debtorAccountNumber").map(String::as_str), Some("****9911"));
    // What the server received: the API's names, nothing left out sent as null.
    let sent = emulator.requests().unwrap().into_iter().find(|r| r.path == "/v2/mandates").unwrap();
    let body: serde_json::Value = serde_json::from_str(sent.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["debtor"]["sortCode"], "200000");
    assert_eq!(body["debtor"]["address"]["houseNumberOrName"], "12");
    assert!(body["debtor"].get("iban").is_none(), "{body}");
}

#[tokio::test]
async fn a_mandate_missing_what_its_type_requires_is_refused_with_each_attribute_named() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    let mut mandate = bacs_mandate("CUST-M2");
    mandate.debtor.sort_code = None;
    mandate.debtor.account_number = Some("12".into());
    let error = client.create_mandate(&mandate, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    assert_eq!(error.status(), Some(400));
    let codes: Vec<(&str, Option<&str>)> =
        error.errors().iter().map(|e| (e.code.as_str(), e.metadata.get("PropertyName").map(String::as_str))).collect();
    assert_eq!(
        codes,
        [("INVALID_ATTRIBUTE", Some("Debtor.AccountNumber")), ("REQUIRED_ATTRIBUTE", Some("Debtor.SortCode"))]
    );
    assert_eq!(error.attempts(), 1, "a 400 is not retried");
    // References are the core's to check: refused before anything is sent.
    let mut bad = bacs_mandate("");
    bad.creditor_profile_ref = "a/b".into();
    let error = client.create_mandate(&bad, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let codes: Vec<&str> = error.errors().iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["CUSTOMER_REF_IS_REQUIRED", "CREDITOR_PROFILE_REF_CONTAINS_INVALID_CHARACTERS"]);
    assert_eq!(error.attempts(), 0);
}

#[tokio::test]
async fn iterating_2500_mandates_reads_exactly_the_pages_needed() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    emulator.add_mandates(emulator.info().tenant_id, 2500).unwrap();
    for (page_size, pages) in [(Some(1000), 3), (None, 25), (Some(500), 5)] {
        emulator.clear_requests().unwrap();
        let mandates: Vec<_> = client.list_mandates(page_size, &CallOptions::new()).into_items().collect().await;
        let refs: Vec<String> = mandates.into_iter().map(|m| m.unwrap().customer_ref.unwrap()).collect();
        assert_eq!(refs.len(), 2500);
        assert_eq!(refs[0], "SEED-CUST-1");
        assert_eq!(refs[2499], "SEED-CUST-2500");
        let reads = page_reads(&emulator, "/v2/mandates");
        assert_eq!(reads.len(), pages, "{page_size:?}: {reads:?}");
        let take = page_size.map(|t| format!("&take={t}")).unwrap_or_default();
        assert_eq!(reads[1].as_deref(), Some(format!("from={}{take}", page_size.unwrap_or(100)).as_str()));
    }
}

#[tokio::test]
async fn a_pager_reads_a_page_only_when_asked_and_stops_after_the_last() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    emulator.add_mandates(emulator.info().tenant_id, 3).unwrap();
    emulator.clear_requests().unwrap();
    let pager = client.list_mandates(Some(2), &CallOptions::new());
    assert!(page_reads(&emulator, "/v2/mandates").is_empty(), "nothing is sent before a page is asked for");
    let first = pager.next_page().await.unwrap().unwrap();
    assert_eq!((first.data.current_page, first.data.page_count, first.data.row_count), (1, 2, 2));
    assert_eq!(first.data.total_count, 3);
    let second = pager.next_page().await.unwrap().unwrap();
    assert_eq!((second.data.current_page, second.data.row_count), (2, 1));
    assert!(pager.next_page().await.unwrap().is_none());
    assert_eq!(page_reads(&emulator, "/v2/mandates").len(), 2, "no read after the last page");
    let ids: Vec<Option<String>> = emulator
        .requests()
        .unwrap()
        .into_iter()
        .filter(|r| r.path == "/v2/mandates")
        .map(|r| r.client_correlation_id)
        .collect();
    assert!(ids[0].is_some() && ids[0] == ids[1], "one correlation id for the walk: {ids:?}");
    assert_eq!(first.meta.client_correlation_id, second.meta.client_correlation_id);
    // An empty list is one empty page.
    let profiles = client.list_creditor_profiles(None, &CallOptions::new());
    let page = profiles.next_page().await.unwrap().unwrap();
    assert_eq!(page.data.total_count, 2);
    assert!(profiles.next_page().await.unwrap().is_none());
}

#[tokio::test]
async fn an_error_on_a_later_page_surfaces_there_and_the_same_page_is_asked_again() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    emulator.add_mandates(emulator.info().tenant_id, 5).unwrap();
    let options = CallOptions { correlation_id: Some("walk-1".into()), ..CallOptions::new() };
    let pager = client.list_mandates(Some(2), &options);
    pager.next_page().await.unwrap().unwrap();
    emulator.arm_fault(r#"{"action": "respond", "status": 503, "times": 3, "path": "/v2/mandates"}"#.into()).unwrap();
    let error = pager.next_page().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.attempts(), 3, "a page is retried like any read");
    assert_eq!(error.client_correlation_id(), Some("walk-1"));
    let again = pager.next_page().await.unwrap().unwrap();
    assert_eq!(again.data.current_page, 2, "the failed page is not skipped");
    // Through the stream: the error is yielded, then the stream ends.
    emulator.arm_fault(r#"{"action": "respond", "status": 403, "path": "/v2/mandates"}"#.into()).unwrap();
    let items: Vec<_> = client.list_mandates(Some(2), &CallOptions::new()).into_items().collect().await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().kind(), ErrorKind::Forbidden);
}

#[tokio::test]
async fn page_bounds_are_refused_before_sending_and_sent_as_from_and_take() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    for (offset, take, code) in [
        (None, Some(0), "TAKE_OUT_OF_RANGE"),
        (None, Some(1001), "TAKE_OUT_OF_RANGE"),
        (Some(-1), None, "FROM_OUT_OF_RANGE"),
    ] {
        let error = client.get_mandates_page(offset, take, &CallOptions::new()).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.code(), Some(code));
        assert_eq!(error.attempts(), 0);
    }
    assert!(emulator.requests().unwrap().is_empty());
    let page = client.get_mandates_page(Some(10), Some(1000), &CallOptions::new()).await.unwrap();
    assert_eq!((page.data.current_page, page.data.row_count, page.data.total_count), (1, 0, 0));
    assert_eq!(page_reads(&emulator, "/v2/mandates"), [Some("from=10&take=1000".to_string())]);
}

#[tokio::test]
async fn mandates_switched_off_for_the_account_answer_405_service_unavailable() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    emulator.set_mandates_enabled(emulator.info().account_id, false).unwrap();
    let error = client.get_creditor_profiles_page(None, None, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.status(), Some(405));
    assert_eq!(error.code(), Some("SERVICE_UNAVAILABLE"));
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    assert_eq!(error.attempts(), 1, "not retried");
    emulator.set_mandates_enabled(emulator.info().account_id, true).unwrap();
    assert!(client.get_creditor_profiles_page(None, None, &CallOptions::new()).await.is_ok());
}

#[test]
fn the_blocking_pager_is_an_iterator_of_items() {
    let emulator = TestEmulator::start_blocking(None).unwrap();
    emulator.add_mandates(emulator.info().tenant_id, 7).unwrap();
    let client = imburse::blocking::Client::new(config_for(&emulator)).unwrap();
    let refs: Vec<String> =
        client.list_mandates(Some(3), &CallOptions::new()).map(|m| m.unwrap().customer_ref.unwrap()).collect();
    assert_eq!(refs.len(), 7);
    assert_eq!(refs[6], "SEED-CUST-7");
    assert_eq!(page_reads(&emulator, "/v2/mandates").len(), 3);
    emulator.stop_blocking();
}

#[tokio::test]
async fn a_sepa_profile_made_on_the_deprecated_route_reads_back_there_only_and_collects_sepa_mandates() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    let options = CallOptions::new();
    let new = NewSepaCreditorProfile {
        profile_name: "Euro collections".into(),
        identifier: "NL12ZZZ123456780000".into(),
        name: "Demo Company BV".into(),
        address: Some(MandateAddress { city: Some("Amsterdam".into()), ..MandateAddress::default() }),
        metadata: [("region".to_string(), "eu".to_string())].into_iter().collect(),
    };
    let created = client.create_sepa_creditor_profile(&new, &options).await.unwrap();
    assert_eq!(created.meta.status, 201);
    let profile_ref = created.data.creditor_profile_ref.clone();
    assert_eq!(profile_ref.len(), 32, "the server's reference");
    let read = client.get_sepa_creditor_profile(&profile_ref, &options).await.unwrap().data;
    assert_eq!(read, created.data);
    assert_eq!(read.identifier.as_deref(), Some("NL12ZZZ123456780000"));
    assert_eq!(read.address.and_then(|a| a.city).as_deref(), Some("Amsterdam"));

    let other_network = client.get_bacs_creditor_profile(&profile_ref, &options).await.unwrap_err();
    assert_eq!((other_network.status(), other_network.code()), (Some(404), Some("CREDITOR_PROFILE_NOT_FOUND")));

    let mandate = NewMandate {
        customer_ref: "CUST-SEPA-1".into(),
        creditor_profile_ref: profile_ref,
        mandate_type: "SepaCoreB2C".into(),
        agreement_type: None,
        debtor: MandateDebtor {
            first_name: Some("Anna".into()),
            last_name: Some("de Vries".into()),
            iban: Some("NL91ABNA0417164300".into()),
            ..MandateDebtor::default()
        },
        metadata: Default::default(),
    };
    let registered = client.create_mandate(&mandate, &options).await.unwrap().data;
    let read = client.get_mandate(&registered.mandate_id, &options).await.unwrap().data;
    assert_eq!(read.network.as_deref(), Some("SEPA"));
}

#[tokio::test]
async fn a_bacs_profile_is_refused_by_the_server_with_every_problem_named_and_nothing_made() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    let new = NewBacsCreditorProfile { service_user_number: "12AB".into(), ..NewBacsCreditorProfile::default() };
    let error = client.create_bacs_creditor_profile(&new, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    let codes: Vec<&str> = error.errors().iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["REQUIRED_ATTRIBUTE", "INVALID_ATTRIBUTE", "REQUIRED_ATTRIBUTE"]);
    let page = client.get_creditor_profiles_page(None, None, &CallOptions::new()).await.unwrap().data;
    assert_eq!(page.total_count, 2, "no profile was made");
}

#[tokio::test]
async fn becs_mandates_read_on_their_networks_route_and_not_on_the_other() {
    let mut config = imburse_emulator::EmulatorConfig::demo();
    for (profile_ref, network) in [(BECS_AU_PROFILE, "BECS_AU"), (BECS_NZ_PROFILE, "BECS_NZ")] {
        config.accounts[0].tenants[0].creditor_profiles.push(imburse_emulator::config::CreditorProfileConfig {
            creditor_profile_ref: profile_ref.into(),
            profile_name: format!("{network} profile"),
            network: network.into(),
        });
    }
    let emulator = TestEmulator::start_with(config).await.unwrap();
    let client = Client::new(config_for(&emulator)).unwrap();
    let options = CallOptions::new();
    let au = NewMandate {
        customer_ref: "CUST-AU-1".into(),
        creditor_profile_ref: BECS_AU_PROFILE.into(),
        mandate_type: "BecsAuB2C".into(),
        agreement_type: None,
        debtor: MandateDebtor {
            first_name: Some("Bruce".into()),
            last_name: Some("Nguyen".into()),
            account_holder_name: Some("B Nguyen".into()),
            bsb_number: Some("062000".into()),
            account_number: Some("12345678".into()),
            ..MandateDebtor::default()
        },
        metadata: Default::default(),
    };
    let au_id = client.create_mandate(&au, &options).await.unwrap().data.mandate_id;
    let read = client.get_becs_au_mandate(&au_id, &options).await.unwrap();
    assert_eq!(read.data.mandate_type.as_deref(), Some("BecsAuB2C"));
    assert_eq!(read.meta.attempts, 1);
    let wrong = client.get_becs_nz_mandate(&au_id, &options).await.unwrap_err();
    assert_eq!((wrong.status(), wrong.code()), (Some(404), Some("MANDATE_NOT_FOUND")));
    let paths: Vec<String> = emulator.requests().unwrap().into_iter().map(|r| r.path).collect();
    assert!(
        paths.contains(&format!("/v2/mandates/becsau/{au_id}"))
            && paths.contains(&format!("/v2/mandates/becsnz/{au_id}"))
    );
}
