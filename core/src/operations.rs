//! Every API operation the SDK offers, declared once: its name, HTTP method, API version, path,
//! retry class and scope ([`OperationSpec`], used by the core to make the call), and its
//! arguments and result ([`crate::for_each_operation!`], from which every binding generates its
//! methods). Adding an operation means one entry in each, the core method that makes the call,
//! the emulator's route and the manifest's scenarios; the bindings pick it up.
//!
//! The API version of each operation is here and nowhere else.

use crate::retry::Idempotency;

/// Whether an operation acts inside a tenant (sends `x-tenant-id`) or for the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// For the account: `x-account-id` only (an account key).
    Account,
    /// Inside a tenant: `x-account-id` and `x-tenant-id`.
    Tenant,
}

/// One API operation as the SDK calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationSpec {
    /// The SDK's name (snake_case; each language spells it its own way), as attempt events
    /// report it.
    pub name: &'static str,
    /// The HTTP method, e.g. `GET`.
    pub method: &'static str,
    /// The API version segment, e.g. `v1`.
    pub version: &'static str,
    /// The path after the version, with `{placeholders}` for the caller's references.
    pub path: &'static str,
    /// Whether a failed attempt may be replayed, and how (the retry table's column).
    pub idempotency: Idempotency,
    /// Account or tenant: which headers it sends and whether it needs a tenant.
    pub scope: Scope,
    /// The roles that may call it (any one), as the reference documents them; shown next to a
    /// 403 answer. Empty for the HMAC exchange, which any key may make.
    pub roles: &'static [&'static str],
}

impl OperationSpec {
    /// `METHOD /version/path`, as the docs write it.
    pub fn route(&self) -> String {
        format!("{} /{}/{}", self.method, self.version, self.path)
    }

    /// The path's segments with the placeholders filled, in order, by `values`; each value is
    /// one segment, which the URL builder percent-encodes, so a reference can never reach
    /// another path.
    pub(crate) fn segments(&self, values: &[&str]) -> Vec<String> {
        let mut values = values.iter();
        let mut segments = vec![self.version.to_string()];
        for part in self.path.split('/') {
            if part.starts_with('{') && part.ends_with('}') {
                let value = values.next().expect("one value per placeholder");
                segments.push((*value).to_string());
            } else {
                segments.push(part.to_string());
            }
        }
        debug_assert!(values.next().is_none(), "one value per placeholder");
        segments
    }
}

/// The roles operations require, as the reference names them.
pub mod roles {
    /// Everything in the tenant.
    pub const ADMIN: &str = "tenant-admin";
    /// Read orders and instructions.
    pub const TRANSACTION_READ: &str = "tenant-transaction-read";
    /// Create and change orders and instructions.
    pub const TRANSACTION_WRITE: &str = "tenant-transaction-write";
    /// Read customers and their financial instruments.
    pub const BRIDGE_READ: &str = "tenant-bridge-read";
    /// Change customers and their financial instruments.
    pub const BRIDGE_WRITE: &str = "tenant-bridge-write";
    /// Read collect schemes.
    pub const COLLECT_SCHEME_READ: &str = "tenant-collect-scheme-read";
    /// Create, publish and delete collect schemes.
    pub const COLLECT_SCHEME_WRITE: &str = "tenant-collect-scheme-write";
    /// Read payout schemes.
    pub const PAYOUT_SCHEME_READ: &str = "tenant-payout-scheme-read";
    /// Create, publish and delete payout schemes.
    pub const PAYOUT_SCHEME_WRITE: &str = "tenant-payout-scheme-write";
}

macro_rules! specs {
    ($($constant:ident = $name:literal $method:literal $version:literal $path:literal $idempotency:ident $scope:ident
        [$($role:ident),*];)*) => {
        $(
            #[doc = concat!("`", $method, " /", $version, "/", $path, "`")]
            pub const $constant: OperationSpec = OperationSpec {
                name: $name,
                method: $method,
                version: $version,
                path: $path,
                idempotency: Idempotency::$idempotency,
                scope: Scope::$scope,
                roles: &[$(roles::$role),*],
            };
        )*

        /// Every operation, the token exchange first.
        pub const ALL: &[OperationSpec] = &[$($constant),*];
    };
}

specs! {
    AUTHENTICATE = "authenticate" "POST" "v1" "identity/hmac" Idempotent Account [];
    CREATE_ORDER = "create_order" "POST" "v1" "order-management" IdempotentByReference Tenant [TRANSACTION_WRITE, ADMIN];
    GET_ORDER = "get_order" "GET" "v1" "order-management/{orderRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    // The reference marks this path uncertain ("PUT …/order-management/{orderRef}/metadata").
    UPDATE_ORDER_METADATA = "update_order_metadata" "PUT" "v1" "order-management/{orderRef}/metadata" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    CREATE_INSTRUCTION = "create_instruction" "POST" "v1" "order-management/{orderRef}/instruction" IdempotentByReference Tenant [TRANSACTION_WRITE, ADMIN];
    GET_INSTRUCTION = "get_instruction" "GET" "v2" "order-management/{orderRef}/instruction/{instructionRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    CANCEL_INSTRUCTION = "cancel_instruction" "POST" "v1" "order-management/{orderRef}/instruction/{instructionRef}/cancel" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    GET_CUSTOMER = "get_customer" "GET" "v1" "customer-vault/{customerRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    GET_OR_CREATE_CUSTOMER = "get_or_create_customer" "GET" "v2" "customer-vault/{customerRef}" Safe Tenant [TRANSACTION_READ, BRIDGE_READ, ADMIN];
    UPDATE_CUSTOMER_METADATA = "update_customer_metadata" "PUT" "v2" "customer-vault/{customerRef}" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    GET_WALLET = "get_wallet" "GET" "v1" "customer-vault/{customerRef}/wallet" Safe Tenant [BRIDGE_READ, TRANSACTION_READ, ADMIN];
    ADD_TO_WALLET = "add_to_wallet" "POST" "v1" "customer-vault/{customerRef}/wallet" Idempotent Tenant [BRIDGE_WRITE, TRANSACTION_WRITE, ADMIN];
    ADD_MOBILE_INSTRUMENT = "add_mobile_instrument" "POST" "v1" "customer-vault/{customerRef}/mobile" NonIdempotent Tenant [BRIDGE_WRITE, TRANSACTION_WRITE, ADMIN];
    GET_FINANCIAL_INSTRUMENT = "get_financial_instrument" "GET" "v1" "customer-vault/{customerRef}/financial-instrument/{id}" Safe Tenant [BRIDGE_READ, TRANSACTION_READ, ADMIN];
    LIST_COLLECT_SCHEMES = "list_collect_schemes" "GET" "v1" "schemes/collect" Safe Tenant [COLLECT_SCHEME_READ, ADMIN];
    // The reference lists get and delete by id for payout schemes only; collect schemes are
    // read the same way (its symmetric reading).
    GET_COLLECT_SCHEME = "get_collect_scheme" "GET" "v1" "schemes/collect/{schemeId}" Safe Tenant [COLLECT_SCHEME_READ, ADMIN];
    CREATE_COLLECT_SCHEME = "create_collect_scheme" "POST" "v1" "schemes/collect" NonIdempotent Tenant [COLLECT_SCHEME_WRITE, ADMIN];
    DELETE_COLLECT_SCHEME = "delete_collect_scheme" "DELETE" "v1" "schemes/collect/{schemeId}" Idempotent Tenant [COLLECT_SCHEME_WRITE, ADMIN];
    PUBLISH_COLLECT_SCHEME_DRAFT = "publish_collect_scheme_draft" "POST" "v1" "schemes/collect/{schemeId}/drafts/{draftId}/publish" Idempotent Tenant [COLLECT_SCHEME_WRITE, ADMIN];
    LIST_PAYOUT_SCHEMES = "list_payout_schemes" "GET" "v1" "schemes/payout" Safe Tenant [PAYOUT_SCHEME_READ, ADMIN];
    GET_PAYOUT_SCHEME = "get_payout_scheme" "GET" "v1" "schemes/payout/{schemeId}" Safe Tenant [PAYOUT_SCHEME_READ, ADMIN];
    CREATE_PAYOUT_SCHEME = "create_payout_scheme" "POST" "v1" "schemes/payout" NonIdempotent Tenant [PAYOUT_SCHEME_WRITE, ADMIN];
    DELETE_PAYOUT_SCHEME = "delete_payout_scheme" "DELETE" "v1" "schemes/payout/{schemeId}" Idempotent Tenant [PAYOUT_SCHEME_WRITE, ADMIN];
    PUBLISH_PAYOUT_SCHEME_DRAFT = "publish_payout_scheme_draft" "POST" "v1" "schemes/payout/{schemeId}/drafts/{draftId}/publish" Idempotent Tenant [PAYOUT_SCHEME_WRITE, ADMIN];
}

/// Hands the list of operations as bindings call them to `$callback!`, which generates a
/// binding's methods from it. Each entry is
///
/// ```text
/// /// docs
/// name(argument: Type = default?, …) -> CoreResult as BindingResult = core_method(argument expressions…);
/// ```
///
/// `Type` names the argument's type as the binding receives it (each binding has a type of
/// that name in scope and converts it with its own `into_core`); `= default` marks an optional
/// argument; `CoreResult` is what the core method returns and `BindingResult` the name of the
/// type a binding hands back for it; the call expressions use the arguments after conversion.
/// Every entry's `name` is an [`OperationSpec::name`] (a test checks it).
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $callback! {
            /// Fetches and caches an access token now (e.g. to fail fast on bad credentials).
            authenticate() -> () as () = authenticate();
            /// `POST /v1/order-management`: 201 for an order without instructions, 202 with them.
            create_order(order: NewOrder) -> Response<Created> as CreatedResponse = create_order(&order);
            /// `GET /v1/order-management/{orderRef}`.
            get_order(order_ref: String) -> Response<Order> as OrderResponse = get_order(&order_ref);
            /// `PUT /v1/order-management/{orderRef}/metadata` (202): replaces the order's metadata.
            update_order_metadata(order_ref: String, metadata: Metadata) -> ResponseMeta as ResponseMeta
                = update_order_metadata(&order_ref, &metadata);
            /// `POST /v1/order-management/{orderRef}/instruction` (201).
            create_instruction(order_ref: String, instruction: NewInstruction) -> Response<Created> as CreatedResponse
                = create_instruction(&order_ref, &instruction);
            /// `GET /v2/order-management/{orderRef}/instruction/{instructionRef}`.
            get_instruction(order_ref: String, instruction_ref: String) -> Response<Instruction> as InstructionResponse
                = get_instruction(&order_ref, &instruction_ref);
            /// `POST …/instruction/{instructionRef}/cancel` (202); cancelling twice is harmless.
            cancel_instruction(order_ref: String, instruction_ref: String, reason: Option<String> = None)
                -> ResponseMeta as ResponseMeta = cancel_instruction(&order_ref, &instruction_ref, reason.as_deref());
            /// `GET /v1/customer-vault/{customerRef}`: the customer, or a not-found error.
            get_customer(customer_ref: String) -> Response<Customer> as CustomerResponse = get_customer(&customer_ref);
            /// `GET /v2/customer-vault/{customerRef}`: the customer, created when absent.
            get_or_create_customer(customer_ref: String) -> Response<Customer> as CustomerResponse
                = get_or_create_customer(&customer_ref);
            /// `PUT /v2/customer-vault/{customerRef}`: replaces the customer's metadata (202).
            update_customer_metadata(customer_ref: String, metadata: Metadata) -> ResponseMeta as ResponseMeta
                = update_customer_metadata(&customer_ref, &metadata);
            /// `GET /v1/customer-vault/{customerRef}/wallet`.
            get_wallet(customer_ref: String) -> Response<Wallet> as WalletResponse = get_wallet(&customer_ref);
            /// `POST /v1/customer-vault/{customerRef}/wallet`: adds a stored instrument to the wallet (202).
            add_to_wallet(customer_ref: String, financial_instrument_id: String, reason: Option<String> = None)
                -> ResponseMeta as ResponseMeta = add_to_wallet(&customer_ref, &financial_instrument_id, reason.as_deref());
            /// `POST /v1/customer-vault/{customerRef}/mobile`: stores a mobile number (201 `{id}`); never replayed
            /// once it may have been processed.
            add_mobile_instrument(customer_ref: String, mobile: NewMobileInstrument)
                -> Response<CreatedInstrument> as CreatedInstrumentResponse = add_mobile_instrument(&customer_ref, &mobile);
            /// `GET /v1/customer-vault/{customerRef}/financial-instrument/{id}`.
            get_financial_instrument(customer_ref: String, financial_instrument_id: String)
                -> Response<FinancialInstrument> as FinancialInstrumentResponse
                = get_financial_instrument(&customer_ref, &financial_instrument_id);
            /// `GET /v1/schemes/collect`: the tenant's collect schemes.
            list_collect_schemes() -> Response<SchemeList> as SchemeListResponse = list_collect_schemes();
            /// `GET /v1/schemes/collect/{schemeId}`.
            get_collect_scheme(scheme_id: String) -> Response<Scheme> as SchemeResponse = get_collect_scheme(&scheme_id);
            /// `POST /v1/schemes/collect` (201): the new scheme, its first draft published; never replayed once it
            /// may have been processed.
            create_collect_scheme(scheme: NewScheme) -> Response<Scheme> as SchemeResponse = create_collect_scheme(&scheme);
            /// `DELETE /v1/schemes/collect/{schemeId}` (204).
            delete_collect_scheme(scheme_id: String) -> ResponseMeta as ResponseMeta = delete_collect_scheme(&scheme_id);
            /// `POST /v1/schemes/collect/{schemeId}/drafts/{draftId}/publish`.
            publish_collect_scheme_draft(scheme_id: String, draft_id: String) -> ResponseMeta as ResponseMeta
                = publish_collect_scheme_draft(&scheme_id, &draft_id);
            /// `GET /v1/schemes/payout`: the tenant's payout schemes.
            list_payout_schemes() -> Response<SchemeList> as SchemeListResponse = list_payout_schemes();
            /// `GET /v1/schemes/payout/{schemeId}`.
            get_payout_scheme(scheme_id: String) -> Response<Scheme> as SchemeResponse = get_payout_scheme(&scheme_id);
            /// `POST /v1/schemes/payout` (201): the new scheme, its first draft published; never replayed once it
            /// may have been processed.
            create_payout_scheme(scheme: NewScheme) -> Response<Scheme> as SchemeResponse = create_payout_scheme(&scheme);
            /// `DELETE /v1/schemes/payout/{schemeId}` (204).
            delete_payout_scheme(scheme_id: String) -> ResponseMeta as ResponseMeta = delete_payout_scheme(&scheme_id);
            /// `POST /v1/schemes/payout/{schemeId}/drafts/{draftId}/publish`.
            publish_payout_scheme_draft(scheme_id: String, draft_id: String) -> ResponseMeta as ResponseMeta
                = publish_payout_scheme_draft(&scheme_id, &draft_id);
        }
    };
}

/// An argument of a generated binding method as the core method takes it. Strings and maps are
/// the core's types already (a host map may arrive as a `HashMap`); a binding implements it for
/// its own request types with [`crate::into_core_by_from!`].
pub trait IntoCore {
    /// The core's type for the argument.
    type Core;
    /// The argument as the core method takes it.
    fn into_core(self) -> Self::Core;
}

impl IntoCore for std::collections::HashMap<String, String> {
    type Core = crate::models::Metadata;
    fn into_core(self) -> crate::models::Metadata {
        self.into_iter().collect()
    }
}

/// Arguments a binding takes as the core's own types (strings, metadata, and the request
/// models for a binding that exposes them as they are) pass through.
macro_rules! into_core_as_is {
    ($($core:ty),*) => {$(
        impl IntoCore for $core {
            type Core = $core;
            fn into_core(self) -> $core {
                self
            }
        }
    )*};
}

into_core_as_is!(
    String,
    Option<String>,
    crate::models::Metadata,
    crate::models::NewOrder,
    crate::models::NewInstruction,
    crate::models::NewMobileInstrument,
    crate::models::NewScheme
);

/// Implements [`IntoCore`] for a binding's request types through their `From` conversions.
#[macro_export]
macro_rules! into_core_by_from {
    ($($binding:ty => $core:ty),* $(,)?) => {
        $(impl $crate::operations::IntoCore for $binding {
            type Core = $core;
            fn into_core(self) -> $core {
                self.into()
            }
        })*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! names {
        ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
            = $call:ident ($($pass:expr),*);)*) => {
            [$(stringify!($name)),*]
        };
    }

    #[test]
    fn the_binding_list_and_the_specs_name_the_same_operations() {
        let listed: Vec<&str> = crate::for_each_operation!(names).to_vec();
        let declared: Vec<&str> = ALL.iter().map(|spec| spec.name).collect();
        assert_eq!(listed, declared);
    }

    #[test]
    fn placeholders_are_filled_in_order_one_segment_each() {
        assert_eq!(GET_INSTRUCTION.segments(&["O-1", "a/b"]), ["v2", "order-management", "O-1", "instruction", "a/b"]);
        assert_eq!(
            CANCEL_INSTRUCTION.route(),
            "POST /v1/order-management/{orderRef}/instruction/{instructionRef}/cancel"
        );
        assert_eq!(AUTHENTICATE.segments(&[]), ["v1", "identity", "hmac"]);
    }
}
