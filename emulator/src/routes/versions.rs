//! Which API versions serve each route: the reference's, in one table.
//!
//! Imburse's version is the path's first segment (`/v1/…`, `/v2/…`), and the reference documents
//! each route in one or both. The emulator serves a route only on the versions it is documented
//! in, so an SDK that calls the wrong version fails here as it would against Imburse; a route
//! the table does not list is served nowhere. The reading `api_versions: any` serves every
//! route on both versions instead ([`crate::config::ApiVersions`]).

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::SharedState;
use crate::config::ApiVersions;

/// One documented route: method, path after the version (`{…}` matches one segment), the
/// versions the reference documents it in, and where (section of the API reference).
pub struct DocumentedRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub versions: &'static [&'static str],
    pub source: &'static str,
}

const V1: &[&str] = &["v1"];
const V2: &[&str] = &["v2"];
const BOTH: &[&str] = &["v1", "v2"];

macro_rules! documented {
    ($($method:literal $path:literal $versions:ident $source:literal;)*) => {
        /// Every route the emulator serves, with the versions it serves it on.
        pub const ROUTES: &[DocumentedRoute] =
            &[$(DocumentedRoute { method: $method, path: $path, versions: $versions, source: $source }),*];
    };
}

documented! {
    "POST" "identity/hmac" V1 "§2.3";
    "POST" "order-management" BOTH "§3.2: POST /v1/order-management (also /v2/order-management)";
    "GET" "order-management/{orderRef}" V1 "§3.2";
    "PUT" "order-management/{orderRef}/metadata" BOTH "§3.2: PUT …/order-management/{orderRef}/metadata (path and version uncertain)";
    "PUT" "order-management/{orderRef}/customer-defaults/{customerRef}" V1 "§3.2: customer-default operations (paths not captured)";
    "DELETE" "order-management/{orderRef}/customer-defaults/{customerRef}" V1 "§3.2: customer-default operations (paths not captured)";
    "POST" "order-management/{orderRef}/instruction" V1 "§3.2";
    "GET" "order-management/{orderRef}/instruction/{instructionRef}" BOTH "§3.2: GET /v2/… (v1 equivalent exists per _links)";
    "POST" "order-management/{orderRef}/instruction/{instructionRef}/cancel" V1 "§3.2";
    "GET" "customer-vault/{customerRef}" BOTH "§3.3: GET /v1/… and GET /v2/… (v2 get-or-create)";
    "PUT" "customer-vault/{customerRef}" V2 "§3.3";
    "DELETE" "customer-vault/{customerRef}" V2 "§3.3: Forget a customer (probably DELETE /v2/…, uncertain)";
    "GET" "customer-vault/{customerRef}/wallet" BOTH "§3.3: OA v1|v2 Customer-Wallet";
    "POST" "customer-vault/{customerRef}/wallet" V2 "§3.3: OA v2 Customer-Wallet (path not captured)";
    "POST" "customer-vault/{customerRef}/mobile" V1 "§3.3";
    "GET" "customer-vault/{customerRef}/financial-instrument/{id}" V1 "§3.3: known only from _links";
    "GET" "customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}" V1 "§3.3: known only from _links";
    "GET" "schemes/collect" V1 "§3.6: OA configuration v1 Collect-Schemes";
    "POST" "schemes/collect" V1 "§3.6";
    "GET" "schemes/collect/{schemeId}" V1 "§3.6 (the payout routes' symmetric reading)";
    "DELETE" "schemes/collect/{schemeId}" V1 "§3.6 (the payout routes' symmetric reading)";
    "POST" "schemes/collect/{schemeId}/drafts/{draftId}/publish" V1 "§3.6: 2019 docs";
    "GET" "schemes/collect/{schemeId}/drafts/published" V1 "§3.6 (path not captured)";
    "GET" "schemes/collect/{schemeId}/drafts/latest" V1 "§3.6 (path not captured)";
    "GET" "schemes/payout" BOTH "§3.6: OA configuration v1|v2 Payout-Schemes";
    "POST" "schemes/payout" BOTH "§3.6";
    "GET" "schemes/payout/{schemeId}" BOTH "§3.6";
    "DELETE" "schemes/payout/{schemeId}" BOTH "§3.6";
    "POST" "schemes/payout/{schemeId}/drafts/{draftId}/publish" V1 "§3.6: 2019 docs";
    "GET" "schemes/payout/{schemeId}/drafts/published" BOTH "§3.6 (path not captured)";
    "GET" "schemes/payout/{schemeId}/drafts/latest" BOTH "§3.6 (path not captured)";
    "GET" "schemes/payout/{schemeId}/options" V1 "§3.6: 2019 docs";
    "GET" "account" BOTH "§3.8: GET /v1/account (also /v2/account)";
    "PUT" "account" BOTH "§3.8: OA configuration v1|v2 Account-Management";
    "GET" "account/license/history" BOTH "§3.8 (path not captured)";
    "POST" "account/license/upgrade" BOTH "§3.8 (path not captured)";
    "GET" "account/ip-whitelist" BOTH "§3.8 (path not captured)";
    "PUT" "account/ip-whitelist" BOTH "§3.8 (path not captured)";
    "GET" "account/keys" V1 "§3.8: OA configuration v1 Account-Key-Management";
    "POST" "account/keys" V1 "§3.8";
    "GET" "account/keys/{publicKey}" V1 "§3.8";
    "PUT" "account/keys/{publicKey}" V1 "§3.8";
    "DELETE" "account/keys/{publicKey}" V1 "§3.8: 2019 function list";
    "GET" "account/tenants" V1 "§3.8: 2019 docs";
    "POST" "account/tenants" V1 "§3.8";
    "GET" "account/tenants/{tenantId}" V1 "§3.8: 2019 docs";
    "PUT" "account/tenants/{tenantId}" V1 "§3.8: 2019 docs";
    "GET" "account/tenants/{tenantId}/keys" BOTH "§3.8: OA configuration v1|v2 Account-Tenant-Key-Management";
    "POST" "account/tenants/{tenantId}/keys" BOTH "§3.8";
    "GET" "account/tenants/{tenantId}/keys/{publicKey}" BOTH "§3.8";
    "PUT" "account/tenants/{tenantId}/keys/{publicKey}" BOTH "§3.8";
    "DELETE" "account/tenants/{tenantId}/keys/{publicKey}" BOTH "§3.8";
    "GET" "tenant/keys" BOTH "§3.9: OA configuration v1|v2 Tenant-Key-Management";
    "POST" "tenant/keys" BOTH "§3.9";
    "GET" "tenant/keys/{publicKey}" BOTH "§3.9";
    "PUT" "tenant/keys/{publicKey}" BOTH "§3.9";
    "DELETE" "tenant/keys/{publicKey}" BOTH "§3.9";
    "GET" "marketplace/apps" V1 "§3.7: 2019 docs";
    "GET" "marketplace/apps/{appId}" V1 "§3.7: 2019 docs";
    "POST" "marketplace/apps/{appId}/install" V1 "§3.7: 2019 docs";
    "POST" "apps/installed/{appId}/configuration" V1 "§3.7: 2019 docs";
    "POST" "apps/installed/{appId}/uninstall" V1 "§3.7: 2019 docs";
    "GET" "mandates/creditor-profiles" V2 "§3.4: OA transaction v2 Mandates";
    "GET" "mandates" V2 "§3.4: Get Mandates (paged; path probably GET /v2/mandates)";
    "POST" "mandates" V2 "§3.4: Create and register a mandate (path probably POST /v2/mandates)";
    "GET" "mandates/{mandateId}" V2 "§3.4 (path not captured; the deprecated network routes read by id)";
    "GET" "mandates/creditor-profiles/sepa/{creditorProfileRef}" V2 "§3.4: deprecated, OA Mandates-(SEPA)";
    "POST" "mandates/creditor-profiles/sepa" V2 "§3.4: deprecated, OA Mandates-(SEPA)";
    "GET" "mandates/creditor-profiles/bacs/{creditorProfileRef}" V2 "§3.4: deprecated, OA Mandates-(BACS)";
    "POST" "mandates/creditor-profiles/bacs" V2 "§3.4: deprecated, OA Mandates-(BACS)";
    "GET" "mandates/becsau/{mandateId}" V2 "§3.4: deprecated, OA Mandates-(BECS)";
    "GET" "mandates/becsnz/{mandateId}" V2 "§3.4: deprecated, OA Mandates-(BECS) (the NZ path not captured: the AU one's twin)";
    "POST" "whitelabel/session-token" BOTH "§3.5: OA transaction v1|v2 Whitelabel, Create session token (path not captured)";
    "POST" "whitelabel/pay-by-link" V2 "§3.5: Create pay-by-link; DP pay-by-link uses v2 (path not captured)";
    "POST" "whitelabel/mandate-management/session-token" V1 "§3.5: Create a mandate-management session token (v1; path not captured)";
}

/// The documented routes `path` (after the version) names, whatever their method.
fn routes_at(path: &str) -> impl Iterator<Item = &'static DocumentedRoute> + '_ {
    let segments: Vec<&str> = path.split('/').collect();
    ROUTES.iter().filter(move |route| {
        let pattern: Vec<&str> = route.path.split('/').collect();
        pattern.len() == segments.len()
            && pattern.iter().zip(&segments).all(|(p, s)| (p.starts_with('{') && !s.is_empty()) || p == s)
    })
}

/// Whether `method /version/path` is served under the documented reading: `None` when no
/// documented route has that path (the router answers 404 or 405 itself).
pub fn served(method: &str, version: &str, path: &str) -> Option<bool> {
    let mut at_path = routes_at(path).peekable();
    at_path.peek()?;
    let mut with_method = at_path.filter(|route| route.method == method).peekable();
    // A documented path with another method: the router's 405 says so.
    if with_method.peek().is_none() {
        return Some(true);
    }
    Some(with_method.any(|route| route.versions.contains(&version)))
}

/// Middleware on the API routes (after routing, before authentication): a route asked for on a
/// version it is not documented in, or a path no documented route has, answers as a missing
/// route does.
pub async fn enforce(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let full = request.uri().path();
    let (version, rest) = full.trim_start_matches('/').split_once('/').unwrap_or((full, ""));
    let verdict = match state.config.readings.api_versions {
        ApiVersions::Documented => served(request.method().as_str(), version, rest),
        ApiVersions::Any => served(request.method().as_str(), "v1", rest).map(|_| matches!(version, "v1" | "v2")),
    };
    if verdict == Some(true) { next.run(request).await } else { super::route_not_found_error(full).into_response() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_is_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for route in ROUTES {
            assert!(seen.insert((route.method, route.path)), "{} {} listed twice", route.method, route.path);
            assert!(!route.versions.is_empty() && !route.source.is_empty());
        }
    }

    #[test]
    fn versions_are_the_documented_ones() {
        let cases = [
            ("POST", "v2", "order-management", Some(true)),
            ("POST", "v2", "order-management/O-1/instruction", Some(false)),
            ("POST", "v1", "order-management/O-1/instruction", Some(true)),
            ("GET", "v1", "order-management/O-1/instruction/I-1", Some(true)),
            ("GET", "v2", "order-management/O-1", Some(false)),
            ("PUT", "v1", "customer-vault/C-1", Some(false)),
            ("DELETE", "v1", "customer-vault/C-1", Some(false)),
            ("DELETE", "v2", "customer-vault/C-1", Some(true)),
            ("GET", "v1", "customer-vault/C-1", Some(true)),
            ("POST", "v1", "customer-vault/C-1/wallet", Some(false)),
            ("POST", "v2", "customer-vault/C-1/wallet", Some(true)),
            ("GET", "v2", "schemes/collect", Some(false)),
            ("GET", "v2", "schemes/payout", Some(true)),
            ("GET", "v3", "account", Some(false)),
            // Another method on a documented path: the router's 405.
            ("PATCH", "v1", "account", Some(true)),
            // No documented route: not served anywhere.
            ("GET", "v1", "schemes/collect/S-1/options", None),
            ("GET", "v1", "order-management/O-1/instruction/I-1/extra", None),
            ("GET", "v1", "order-management//instruction", None),
        ];
        for (method, version, path, expected) in cases {
            assert_eq!(served(method, version, path), expected, "{method} /{version}/{path}");
        }
    }
}
