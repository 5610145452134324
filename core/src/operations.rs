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

/// The roles operations require, as the reference names them (tenant roles, then account roles).
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
    /// Read installed apps and the marketplace.
    pub const APP_READ: &str = "tenant-app-read";
    /// Install, configure and uninstall apps.
    pub const APP_WRITE: &str = "tenant-app-write";
    /// Read mandates and creditor profiles.
    pub const MANDATE_READ: &str = "tenant-mandate-read";
    /// Create and register mandates.
    pub const MANDATE_WRITE: &str = "tenant-mandate-write";
    /// Everything in the account: the account itself, its keys, tenants and their keys.
    pub const ACCOUNT_ADMIN: &str = "account-admin";
    /// Read the account's tenants and their keys.
    pub const ACCOUNT_TENANT_READ: &str = "account-tenant-read";
    /// Create and change the account's tenants and their keys.
    pub const ACCOUNT_TENANT_WRITE: &str = "account-tenant-write";
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
    // The Pay-by-Link guide creates orders on v2 with the same body (reference §1, versioning).
    CREATE_ORDER_V2 = "create_order_v2" "POST" "v2" "order-management" IdempotentByReference Tenant [TRANSACTION_WRITE, ADMIN];
    GET_ORDER = "get_order" "GET" "v1" "order-management/{orderRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    // The reference marks this path uncertain ("PUT …/order-management/{orderRef}/metadata").
    UPDATE_ORDER_METADATA = "update_order_metadata" "PUT" "v1" "order-management/{orderRef}/metadata" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    // The reference lists the customer-default operations without their paths: a reading below
    // the order, one default per customer reference.
    UPDATE_CUSTOMER_DEFAULT = "update_customer_default" "PUT" "v1" "order-management/{orderRef}/customer-defaults/{customerRef}" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    DELETE_CUSTOMER_DEFAULT = "delete_customer_default" "DELETE" "v1" "order-management/{orderRef}/customer-defaults/{customerRef}" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    CREATE_INSTRUCTION = "create_instruction" "POST" "v1" "order-management/{orderRef}/instruction" IdempotentByReference Tenant [TRANSACTION_WRITE, ADMIN];
    GET_INSTRUCTION = "get_instruction" "GET" "v2" "order-management/{orderRef}/instruction/{instructionRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    // Not an API operation of its own: reads of Get Instruction until a status is reached.
    WAIT_FOR_INSTRUCTION = "wait_for_instruction" "GET" "v2" "order-management/{orderRef}/instruction/{instructionRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    CANCEL_INSTRUCTION = "cancel_instruction" "POST" "v1" "order-management/{orderRef}/instruction/{instructionRef}/cancel" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    GET_CUSTOMER = "get_customer" "GET" "v1" "customer-vault/{customerRef}" Safe Tenant [TRANSACTION_READ, ADMIN];
    GET_OR_CREATE_CUSTOMER = "get_or_create_customer" "GET" "v2" "customer-vault/{customerRef}" Safe Tenant [TRANSACTION_READ, BRIDGE_READ, ADMIN];
    UPDATE_CUSTOMER_METADATA = "update_customer_metadata" "PUT" "v2" "customer-vault/{customerRef}" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    // The reference gives this path as probable ("probably DELETE /v2/customer-vault/{customerRef}").
    FORGET_CUSTOMER = "forget_customer" "DELETE" "v2" "customer-vault/{customerRef}" Idempotent Tenant [ADMIN];
    GET_WALLET = "get_wallet" "GET" "v1" "customer-vault/{customerRef}/wallet" Safe Tenant [BRIDGE_READ, TRANSACTION_READ, ADMIN];
    // The reference documents this operation in v2 only, without its path (the wallet's, read).
    ADD_TO_WALLET = "add_to_wallet" "POST" "v2" "customer-vault/{customerRef}/wallet" Idempotent Tenant [BRIDGE_WRITE, TRANSACTION_WRITE, ADMIN];
    ADD_MOBILE_INSTRUMENT = "add_mobile_instrument" "POST" "v1" "customer-vault/{customerRef}/mobile" NonIdempotent Tenant [BRIDGE_WRITE, TRANSACTION_WRITE, ADMIN];
    GET_FINANCIAL_INSTRUMENT = "get_financial_instrument" "GET" "v1" "customer-vault/{customerRef}/financial-instrument/{id}" Safe Tenant [BRIDGE_READ, TRANSACTION_READ, ADMIN];
    // Known only from an instruction's `_links` (reference §3.3).
    GET_TRANSACTION = "get_transaction" "GET" "v1" "customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}" Safe Tenant [BRIDGE_READ, TRANSACTION_READ, ADMIN];
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
    // The reference names "get the published draft, get the latest draft" without their paths:
    // the drafts' sub-resource, as the publish path has it.
    GET_COLLECT_SCHEME_PUBLISHED_DRAFT = "get_collect_scheme_published_draft" "GET" "v1" "schemes/collect/{schemeId}/drafts/published" Safe Tenant [COLLECT_SCHEME_READ, ADMIN];
    GET_COLLECT_SCHEME_LATEST_DRAFT = "get_collect_scheme_latest_draft" "GET" "v1" "schemes/collect/{schemeId}/drafts/latest" Safe Tenant [COLLECT_SCHEME_READ, ADMIN];
    GET_PAYOUT_SCHEME_PUBLISHED_DRAFT = "get_payout_scheme_published_draft" "GET" "v1" "schemes/payout/{schemeId}/drafts/published" Safe Tenant [PAYOUT_SCHEME_READ, ADMIN];
    GET_PAYOUT_SCHEME_LATEST_DRAFT = "get_payout_scheme_latest_draft" "GET" "v1" "schemes/payout/{schemeId}/drafts/latest" Safe Tenant [PAYOUT_SCHEME_READ, ADMIN];
    // The reference gives no role ("–"): those that read payout schemes or transactions.
    GET_PAYOUT_OPTIONS = "get_payout_options" "GET" "v1" "schemes/payout/{schemeId}/options" Safe Tenant [PAYOUT_SCHEME_READ, TRANSACTION_READ, ADMIN];
    GET_ACCOUNT = "get_account" "GET" "v1" "account" Safe Account [ACCOUNT_ADMIN];
    UPDATE_ACCOUNT = "update_account" "PUT" "v1" "account" Idempotent Account [ACCOUNT_ADMIN];
    // Paths not captured in the reference ("Get the Account Licensing History", "Request a
    // licence upgrade", "Get or update the IP whitelist"): readings below /account.
    GET_LICENSE_HISTORY = "get_license_history" "GET" "v1" "account/license/history" Safe Account [ACCOUNT_ADMIN];
    REQUEST_LICENSE_UPGRADE = "request_license_upgrade" "POST" "v1" "account/license/upgrade" NonIdempotent Account [ACCOUNT_ADMIN];
    GET_IP_ALLOW_LIST = "get_ip_allow_list" "GET" "v1" "account/ip-whitelist" Safe Account [ACCOUNT_ADMIN];
    UPDATE_IP_ALLOW_LIST = "update_ip_allow_list" "PUT" "v1" "account/ip-whitelist" Idempotent Account [ACCOUNT_ADMIN];
    LIST_ACCOUNT_KEYS = "list_account_keys" "GET" "v1" "account/keys" Safe Account [ACCOUNT_ADMIN];
    GET_ACCOUNT_KEY = "get_account_key" "GET" "v1" "account/keys/{publicKey}" Safe Account [ACCOUNT_ADMIN];
    CREATE_ACCOUNT_KEY = "create_account_key" "POST" "v1" "account/keys" NonIdempotent Account [ACCOUNT_ADMIN];
    UPDATE_ACCOUNT_KEY = "update_account_key" "PUT" "v1" "account/keys/{publicKey}" Idempotent Account [ACCOUNT_ADMIN];
    DELETE_ACCOUNT_KEY = "delete_account_key" "DELETE" "v1" "account/keys/{publicKey}" Idempotent Account [ACCOUNT_ADMIN];
    // The reference infers the tenant roles ("account-tenant-write or account-admin (inferred)").
    LIST_TENANTS = "list_tenants" "GET" "v1" "account/tenants" Safe Account [ACCOUNT_TENANT_READ, ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    GET_TENANT = "get_tenant" "GET" "v1" "account/tenants/{tenantId}" Safe Account [ACCOUNT_TENANT_READ, ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    CREATE_TENANT = "create_tenant" "POST" "v1" "account/tenants" NonIdempotent Account [ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    UPDATE_TENANT = "update_tenant" "PUT" "v1" "account/tenants/{tenantId}" Idempotent Account [ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    LIST_ACCOUNT_TENANT_KEYS = "list_account_tenant_keys" "GET" "v1" "account/tenants/{tenantId}/keys" Safe Account [ACCOUNT_TENANT_READ, ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    GET_ACCOUNT_TENANT_KEY = "get_account_tenant_key" "GET" "v1" "account/tenants/{tenantId}/keys/{publicKey}" Safe Account [ACCOUNT_TENANT_READ, ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    CREATE_ACCOUNT_TENANT_KEY = "create_account_tenant_key" "POST" "v1" "account/tenants/{tenantId}/keys" NonIdempotent Account [ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    UPDATE_ACCOUNT_TENANT_KEY = "update_account_tenant_key" "PUT" "v1" "account/tenants/{tenantId}/keys/{publicKey}" Idempotent Account [ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    DELETE_ACCOUNT_TENANT_KEY = "delete_account_tenant_key" "DELETE" "v1" "account/tenants/{tenantId}/keys/{publicKey}" Idempotent Account [ACCOUNT_TENANT_WRITE, ACCOUNT_ADMIN];
    LIST_TENANT_KEYS = "list_tenant_keys" "GET" "v1" "tenant/keys" Safe Tenant [ADMIN];
    GET_TENANT_KEY = "get_tenant_key" "GET" "v1" "tenant/keys/{publicKey}" Safe Tenant [ADMIN];
    CREATE_TENANT_KEY = "create_tenant_key" "POST" "v1" "tenant/keys" NonIdempotent Tenant [ADMIN];
    UPDATE_TENANT_KEY = "update_tenant_key" "PUT" "v1" "tenant/keys/{publicKey}" Idempotent Tenant [ADMIN];
    DELETE_TENANT_KEY = "delete_tenant_key" "DELETE" "v1" "tenant/keys/{publicKey}" Idempotent Tenant [ADMIN];
    // The paged lists (from/take): the pages one at a time, and the same route walked by a pager.
    GET_CREDITOR_PROFILES_PAGE = "get_creditor_profiles_page" "GET" "v2" "mandates/creditor-profiles" Safe Tenant [MANDATE_READ, ADMIN];
    LIST_CREDITOR_PROFILES = "list_creditor_profiles" "GET" "v2" "mandates/creditor-profiles" Safe Tenant [MANDATE_READ, ADMIN];
    // The reference gives the mandates' own paths as probable ("Path probably GET /v2/mandates").
    GET_MANDATES_PAGE = "get_mandates_page" "GET" "v2" "mandates" Safe Tenant [MANDATE_READ, ADMIN];
    LIST_MANDATES = "list_mandates" "GET" "v2" "mandates" Safe Tenant [MANDATE_READ, ADMIN];
    GET_MANDATE = "get_mandate" "GET" "v2" "mandates/{mandateId}" Safe Tenant [MANDATE_READ, ADMIN];
    CREATE_MANDATE = "create_mandate" "POST" "v2" "mandates" NonIdempotent Tenant [MANDATE_WRITE, ADMIN];
    // Deprecated by Imburse, still served: the network-specific creditor profiles and BECS
    // mandates. The reference gives `GET/POST …/sepa[/{ref}]` (read by reference, create
    // without one) and the BECS AU path; the NZ one is its twin (assumed).
    GET_SEPA_CREDITOR_PROFILE = "get_sepa_creditor_profile" "GET" "v2" "mandates/creditor-profiles/sepa/{creditorProfileRef}" Safe Tenant [MANDATE_READ, ADMIN];
    CREATE_SEPA_CREDITOR_PROFILE = "create_sepa_creditor_profile" "POST" "v2" "mandates/creditor-profiles/sepa" NonIdempotent Tenant [MANDATE_WRITE, ADMIN];
    GET_BACS_CREDITOR_PROFILE = "get_bacs_creditor_profile" "GET" "v2" "mandates/creditor-profiles/bacs/{creditorProfileRef}" Safe Tenant [MANDATE_READ, ADMIN];
    CREATE_BACS_CREDITOR_PROFILE = "create_bacs_creditor_profile" "POST" "v2" "mandates/creditor-profiles/bacs" NonIdempotent Tenant [MANDATE_WRITE, ADMIN];
    GET_BECS_AU_MANDATE = "get_becs_au_mandate" "GET" "v2" "mandates/becsau/{mandateId}" Safe Tenant [MANDATE_READ, ADMIN];
    GET_BECS_NZ_MANDATE = "get_becs_nz_mandate" "GET" "v2" "mandates/becsnz/{mandateId}" Safe Tenant [MANDATE_READ, ADMIN];
    // The reference documents the hosted checkout's operations without their paths (§3.5,
    // "Whitelabel"): readings below /whitelabel; its role is shown as "CustomerToken", read as
    // the transaction writers'. A session token may be asked for again; a pay-by-link is sent.
    CREATE_CHECKOUT_SESSION = "create_checkout_session" "POST" "v2" "whitelabel/session-token" Idempotent Tenant [TRANSACTION_WRITE, ADMIN];
    CREATE_PAY_BY_LINK = "create_pay_by_link" "POST" "v2" "whitelabel/pay-by-link" NonIdempotent Tenant [TRANSACTION_WRITE, ADMIN];
    CREATE_MANDATE_SESSION = "create_mandate_session" "POST" "v1" "whitelabel/mandate-management/session-token" Idempotent Tenant [TRANSACTION_WRITE, MANDATE_WRITE, ADMIN];
    // The marketplace paths are the 2019 docs' (the reference marks the current ones uncertain).
    LIST_MARKETPLACE_APPS = "list_marketplace_apps" "GET" "v1" "marketplace/apps" Safe Tenant [APP_READ, ADMIN];
    GET_MARKETPLACE_APP = "get_marketplace_app" "GET" "v1" "marketplace/apps/{appId}" Safe Tenant [APP_READ, ADMIN];
    INSTALL_APP = "install_app" "POST" "v1" "marketplace/apps/{appId}/install" Idempotent Tenant [APP_WRITE, ADMIN];
    CONFIGURE_APP = "configure_app" "POST" "v1" "apps/installed/{appId}/configuration" Idempotent Tenant [APP_WRITE, ADMIN];
    UNINSTALL_APP = "uninstall_app" "POST" "v1" "apps/installed/{appId}/uninstall" Idempotent Tenant [APP_WRITE, ADMIN];
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
            /// `POST /v2/order-management`, as the Pay-by-Link guide creates orders: the same body and answers as
            /// `create_order`.
            create_order_v2(order: NewOrder) -> Response<Created> as CreatedResponse = create_order_v2(&order);
            /// `GET /v1/order-management/{orderRef}`.
            get_order(order_ref: String) -> Response<Order> as OrderResponse = get_order(&order_ref);
            /// `PUT /v1/order-management/{orderRef}/metadata` (202): replaces the order's metadata.
            update_order_metadata(order_ref: String, metadata: Metadata) -> ResponseMeta as ResponseMeta
                = update_order_metadata(&order_ref, &metadata);
            /// `PUT /v1/order-management/{orderRef}/customer-defaults/{customerRef}` (202; path assumed): replaces
            /// what the order's later instructions for that customer inherit.
            update_customer_default(order_ref: String, customer_ref: String, customer_default: CustomerDefault) -> ResponseMeta as ResponseMeta
                = update_customer_default(&order_ref, &customer_ref, &customer_default);
            /// `DELETE /v1/order-management/{orderRef}/customer-defaults/{customerRef}` (204; path assumed): the
            /// order's later instructions for that customer inherit nothing.
            delete_customer_default(order_ref: String, customer_ref: String) -> ResponseMeta as ResponseMeta
                = delete_customer_default(&order_ref, &customer_ref);
            /// `POST /v1/order-management/{orderRef}/instruction` (201).
            create_instruction(order_ref: String, instruction: NewInstruction) -> Response<Created> as CreatedResponse
                = create_instruction(&order_ref, &instruction);
            /// `GET /v2/order-management/{orderRef}/instruction/{instructionRef}`.
            get_instruction(order_ref: String, instruction_ref: String) -> Response<Instruction> as InstructionResponse
                = get_instruction(&order_ref, &instruction_ref);
            /// Reads the instruction until its status is one of `statuses` (e.g. `SETTLED`, `FAILED`), with the
            /// client's backoff between reads, until the call's timeout: then a timeout error
            /// (`INSTRUCTION_STATUS_NOT_REACHED`) naming the last status. For integrations without webhooks.
            wait_for_instruction(order_ref: String, instruction_ref: String, statuses: Vec<String>)
                -> Response<Instruction> as InstructionResponse = wait_for_instruction(&order_ref, &instruction_ref, &statuses);
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
            /// `DELETE /v2/customer-vault/{customerRef}` (204; the reference's probable path, tenant-admin only):
            /// irrecoverably removes the customer's personal data, its metadata and financial instruments.
            forget_customer(customer_ref: String) -> ResponseMeta as ResponseMeta = forget_customer(&customer_ref);
            /// `GET /v1/customer-vault/{customerRef}/wallet`.
            get_wallet(customer_ref: String) -> Response<Wallet> as WalletResponse = get_wallet(&customer_ref);
            /// `POST /v2/customer-vault/{customerRef}/wallet`: adds a stored instrument to the wallet (202).
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
            /// `GET /v1/customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}` (the path
            /// an instruction's `_links` give): the transaction with its refunds and chargebacks.
            get_transaction(customer_ref: String, financial_instrument_id: String, transaction_id: String)
                -> Response<Transaction> as TransactionResponse
                = get_transaction(&customer_ref, &financial_instrument_id, &transaction_id);
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
            /// `GET /v1/schemes/collect/{schemeId}/drafts/published`: the draft in force (path assumed: the
            /// reference names the operation only).
            get_collect_scheme_published_draft(scheme_id: String) -> Response<SchemeDraft> as SchemeDraftResponse
                = get_collect_scheme_published_draft(&scheme_id);
            /// `GET /v1/schemes/collect/{schemeId}/drafts/latest`: the newest draft (path assumed).
            get_collect_scheme_latest_draft(scheme_id: String) -> Response<SchemeDraft> as SchemeDraftResponse
                = get_collect_scheme_latest_draft(&scheme_id);
            /// `GET /v1/schemes/payout/{schemeId}/drafts/published`: the draft in force (path assumed).
            get_payout_scheme_published_draft(scheme_id: String) -> Response<SchemeDraft> as SchemeDraftResponse
                = get_payout_scheme_published_draft(&scheme_id);
            /// `GET /v1/schemes/payout/{schemeId}/drafts/latest`: the newest draft (path assumed).
            get_payout_scheme_latest_draft(scheme_id: String) -> Response<SchemeDraft> as SchemeDraftResponse
                = get_payout_scheme_latest_draft(&scheme_id);
            /// `GET /v1/schemes/payout/{schemeId}/options?amount=&currency=&country=&matchType=`: the rewards the
            /// payout scheme offers for that amount.
            get_payout_options(scheme_id: String, query: PayoutOptionsQuery) -> Response<PayoutOptionList> as PayoutOptionListResponse
                = get_payout_options(&scheme_id, &query);
            /// `GET /v1/account` (account key): the account, its billing contact and licence.
            get_account() -> Response<Account> as AccountResponse = get_account();
            /// `PUT /v1/account` (204, account key).
            update_account(update: AccountUpdate) -> ResponseMeta as ResponseMeta = update_account(&update);
            /// `GET /v1/account/license/history` (account key; path assumed): the licences the account held.
            get_license_history() -> Response<LicenseHistory> as LicenseHistoryResponse = get_license_history();
            /// `POST /v1/account/license/upgrade` (202, account key; path assumed): asks Imburse for a bigger
            /// licence; never replayed once it may have been processed.
            request_license_upgrade(request: LicenseUpgradeRequest) -> ResponseMeta as ResponseMeta
                = request_license_upgrade(&request);
            /// `GET /v1/account/ip-whitelist` (account key; path assumed): the IPv4 ranges API-key callers may
            /// come from.
            get_ip_allow_list() -> Response<IpAllowList> as IpAllowListResponse = get_ip_allow_list();
            /// `PUT /v1/account/ip-whitelist` (204, account key; path assumed): replaces the allow list.
            update_ip_allow_list(allow_list: IpAllowListUpdate) -> ResponseMeta as ResponseMeta
                = update_ip_allow_list(&allow_list);
            /// `GET /v1/account/keys` (account key): the account's keys, never their private keys.
            list_account_keys() -> Response<AccountKeyList> as AccountKeyListResponse = list_account_keys();
            /// `GET /v1/account/keys/{publicKey}` (account key).
            get_account_key(public_key: String) -> Response<ApiKey> as ApiKeyResponse = get_account_key(&public_key);
            /// `POST /v1/account/keys` (201, account key): the new key with its private key, returned only
            /// this once; never replayed once it may have been processed.
            create_account_key(key: ApiKeySettings) -> Response<CreatedApiKey> as CreatedApiKeyResponse
                = create_account_key(&key);
            /// `PUT /v1/account/keys/{publicKey}` (204, account key): the key's name and roles.
            update_account_key(public_key: String, key: ApiKeySettings) -> ResponseMeta as ResponseMeta
                = update_account_key(&public_key, &key);
            /// `DELETE /v1/account/keys/{publicKey}` (204, account key).
            delete_account_key(public_key: String) -> ResponseMeta as ResponseMeta = delete_account_key(&public_key);
            /// `GET /v1/account/tenants` (account key): the account's tenants.
            list_tenants() -> Response<TenantList> as TenantListResponse = list_tenants();
            /// `GET /v1/account/tenants/{tenantId}` (account key).
            get_tenant(tenant_id: String) -> Response<Tenant> as TenantResponse = get_tenant(&tenant_id);
            /// `POST /v1/account/tenants` (201, account key): the new tenant; never replayed once it may have
            /// been processed.
            create_tenant(tenant: TenantSettings) -> Response<Tenant> as TenantResponse = create_tenant(&tenant);
            /// `PUT /v1/account/tenants/{tenantId}` (204, account key): the tenant's name and address.
            update_tenant(tenant_id: String, tenant: TenantSettings) -> ResponseMeta as ResponseMeta
                = update_tenant(&tenant_id, &tenant);
            /// `GET /v1/account/tenants/{tenantId}/keys` (account key): a tenant's keys.
            list_account_tenant_keys(tenant_id: String) -> Response<TenantKeyList> as TenantKeyListResponse
                = list_account_tenant_keys(&tenant_id);
            /// `GET /v1/account/tenants/{tenantId}/keys/{publicKey}` (account key).
            get_account_tenant_key(tenant_id: String, public_key: String) -> Response<ApiKey> as ApiKeyResponse
                = get_account_tenant_key(&tenant_id, &public_key);
            /// `POST /v1/account/tenants/{tenantId}/keys` (201, account key): a new key of the tenant with its
            /// private key, returned only this once; never replayed once it may have been processed.
            create_account_tenant_key(tenant_id: String, key: ApiKeySettings) -> Response<CreatedApiKey> as CreatedApiKeyResponse
                = create_account_tenant_key(&tenant_id, &key);
            /// `PUT /v1/account/tenants/{tenantId}/keys/{publicKey}` (204, account key).
            update_account_tenant_key(tenant_id: String, public_key: String, key: ApiKeySettings) -> ResponseMeta as ResponseMeta
                = update_account_tenant_key(&tenant_id, &public_key, &key);
            /// `DELETE /v1/account/tenants/{tenantId}/keys/{publicKey}` (204, account key).
            delete_account_tenant_key(tenant_id: String, public_key: String) -> ResponseMeta as ResponseMeta
                = delete_account_tenant_key(&tenant_id, &public_key);
            /// `GET /v1/tenant/keys` (tenant key): the tenant's own keys.
            list_tenant_keys() -> Response<TenantKeyList> as TenantKeyListResponse = list_tenant_keys();
            /// `GET /v1/tenant/keys/{publicKey}` (tenant key).
            get_tenant_key(public_key: String) -> Response<ApiKey> as ApiKeyResponse = get_tenant_key(&public_key);
            /// `POST /v1/tenant/keys` (201, tenant key): a new key of the tenant with its private key, returned
            /// only this once; never replayed once it may have been processed.
            create_tenant_key(key: ApiKeySettings) -> Response<CreatedApiKey> as CreatedApiKeyResponse
                = create_tenant_key(&key);
            /// `PUT /v1/tenant/keys/{publicKey}` (204, tenant key).
            update_tenant_key(public_key: String, key: ApiKeySettings) -> ResponseMeta as ResponseMeta
                = update_tenant_key(&public_key, &key);
            /// `DELETE /v1/tenant/keys/{publicKey}` (204, tenant key).
            delete_tenant_key(public_key: String) -> ResponseMeta as ResponseMeta = delete_tenant_key(&public_key);
            /// `GET /v2/mandates/creditor-profiles?from=&take=`: one page of the tenant's creditor profiles
            /// with the list's totals; `offset` is the first row (`from`, default 0), `page_size` at most 1000
            /// (`take`, default 100). `list_creditor_profiles` walks every page.
            get_creditor_profiles_page(offset: Option<i64> = None, page_size: Option<i64> = None)
                -> Response<CreditorProfilePage> as CreditorProfilePageResponse = get_creditor_profiles_page(offset, page_size);
            /// `GET /v2/mandates?from=&take=` (the reference's probable path): one page of the tenant's mandates
            /// with the list's totals; `offset` is the first row (`from`, default 0), `page_size` at most 1000
            /// (`take`, default 100). `list_mandates` walks every page.
            get_mandates_page(offset: Option<i64> = None, page_size: Option<i64> = None)
                -> Response<MandatePage> as MandatePageResponse = get_mandates_page(offset, page_size);
            /// `GET /v2/mandates/{mandateId}` (path assumed): one mandate.
            get_mandate(mandate_id: String) -> Response<Mandate> as MandateResponse = get_mandate(&mandate_id);
            /// `POST /v2/mandates` (the reference's probable path; 201): creates a mandate and registers it with
            /// its network, answering its id, its financial instrument and the bank details check; never
            /// replayed once it may have been processed.
            create_mandate(mandate: NewMandate) -> Response<CreatedMandate> as CreatedMandateResponse
                = create_mandate(&mandate);
            /// `GET /v2/mandates/creditor-profiles/sepa/{creditorProfileRef}` (deprecated by Imburse; the paged
            /// `get_creditor_profiles_page` lists every network): one SEPA creditor profile.
            get_sepa_creditor_profile(creditor_profile_ref: String) -> Response<SepaCreditorProfile> as SepaCreditorProfileResponse
                = get_sepa_creditor_profile(&creditor_profile_ref);
            /// `POST /v2/mandates/creditor-profiles/sepa` (deprecated by Imburse; 201): sets up a SEPA creditor
            /// profile and answers it with the reference the server gave it; never replayed once it may have
            /// been processed.
            create_sepa_creditor_profile(profile: NewSepaCreditorProfile) -> Response<SepaCreditorProfile> as SepaCreditorProfileResponse
                = create_sepa_creditor_profile(&profile);
            /// `GET /v2/mandates/creditor-profiles/bacs/{creditorProfileRef}` (deprecated by Imburse): one Bacs
            /// creditor profile.
            get_bacs_creditor_profile(creditor_profile_ref: String) -> Response<BacsCreditorProfile> as BacsCreditorProfileResponse
                = get_bacs_creditor_profile(&creditor_profile_ref);
            /// `POST /v2/mandates/creditor-profiles/bacs` (deprecated by Imburse; 201): sets up a Bacs creditor
            /// profile and answers it with the reference the server gave it; never replayed once it may have
            /// been processed.
            create_bacs_creditor_profile(profile: NewBacsCreditorProfile) -> Response<BacsCreditorProfile> as BacsCreditorProfileResponse
                = create_bacs_creditor_profile(&profile);
            /// `GET /v2/mandates/becsau/{mandateId}` (deprecated by Imburse; `get_mandate` reads any network): a
            /// BECS Australia mandate.
            get_becs_au_mandate(mandate_id: String) -> Response<Mandate> as MandateResponse = get_becs_au_mandate(&mandate_id);
            /// `GET /v2/mandates/becsnz/{mandateId}` (deprecated by Imburse; path assumed, the AU one's twin): a
            /// BECS New Zealand mandate.
            get_becs_nz_mandate(mandate_id: String) -> Response<Mandate> as MandateResponse = get_becs_nz_mandate(&mandate_id);
            /// `POST /v2/whitelabel/session-token` (path assumed): a token to open the hosted checkout with for one
            /// instruction (the iframe's `?token=`, or `<imburse-checkout token>`), its expiry (epoch seconds) and
            /// session id. The token is a secret.
            create_checkout_session(session: NewCheckoutSession) -> Response<CheckoutSession> as CheckoutSessionResponse
                = create_checkout_session(&session);
            /// `POST /v2/whitelabel/pay-by-link` (path assumed; 201): Imburse sends the customer a link to the
            /// checkout by SMS or email; never replayed once it may have been sent.
            create_pay_by_link(link: NewPayByLink) -> Response<PayByLink> as PayByLinkResponse = create_pay_by_link(&link);
            /// `POST /v1/whitelabel/mandate-management/session-token` (path assumed): a token for a session in
            /// which the customer manages one of their mandates. The token is a secret.
            create_mandate_session(session: NewMandateSession) -> Response<CheckoutSession> as CheckoutSessionResponse
                = create_mandate_session(&session);
            /// `GET /v1/marketplace/apps` (path from the 2019 docs): the app catalogue.
            list_marketplace_apps() -> Response<MarketplaceAppList> as MarketplaceAppListResponse = list_marketplace_apps();
            /// `GET /v1/marketplace/apps/{appId}` (path from the 2019 docs).
            get_marketplace_app(app_id: String) -> Response<MarketplaceApp> as MarketplaceAppResponse
                = get_marketplace_app(&app_id);
            /// `POST /v1/marketplace/apps/{appId}/install` (path from the 2019 docs): one instance per tenant;
            /// installing an installed app changes nothing.
            install_app(app_id: String) -> ResponseMeta as ResponseMeta = install_app(&app_id);
            /// `POST /v1/apps/installed/{appId}/configuration` (path from the 2019 docs): the app's own settings,
            /// as JSON object text (e.g. Braintree's `merchantId`, `publicKey`, `privateKey`, `settings`).
            configure_app(app_id: String, configuration: String) -> ResponseMeta as ResponseMeta
                = configure_app(&app_id, &configuration);
            /// `POST /v1/apps/installed/{appId}/uninstall` (path from the 2019 docs): refused while a scheme
            /// names the app.
            uninstall_app(app_id: String) -> ResponseMeta as ResponseMeta = uninstall_app(&app_id);
        }
    };
}

/// Hands `$callback!` every concrete result the operations return (the `as` names of
/// [`crate::for_each_operation!`] entries, each once): `Name <- Data,` with its docs, `Data`
/// naming a type of [`crate::models`]. Bindings whose generated types cannot be generic (napi,
/// uniffi) declare from it one `Name { data, meta }` each, so a new result is one line here.
#[macro_export]
macro_rules! for_each_response {
    ($callback:ident) => {
        $callback! {
            /// How create order / create instruction went.
            CreatedResponse <- Created,
            /// An order, with how the call went.
            OrderResponse <- Order,
            /// An instruction, with how the call went.
            InstructionResponse <- Instruction,
            /// A customer, with how the call went.
            CustomerResponse <- Customer,
            /// A customer's wallet, with how the call went.
            WalletResponse <- Wallet,
            /// A created financial instrument's id, with how the call went.
            CreatedInstrumentResponse <- CreatedInstrument,
            /// A financial instrument, with how the call went.
            FinancialInstrumentResponse <- FinancialInstrument,
            /// A transaction, with how the call went.
            TransactionResponse <- Transaction,
            /// A scheme, with how the call went.
            SchemeResponse <- Scheme,
            /// The tenant's schemes of one kind, with how the call went.
            SchemeListResponse <- SchemeList,
            /// The account, with how the call went.
            AccountResponse <- Account,
            /// The account's keys, with how the call went.
            AccountKeyListResponse <- AccountKeyList,
            /// A tenant's keys, with how the call went.
            TenantKeyListResponse <- TenantKeyList,
            /// An API key (without its private key), with how the call went.
            ApiKeyResponse <- ApiKey,
            /// A created API key with its private key (a secret), with how the call went.
            CreatedApiKeyResponse <- CreatedApiKey,
            /// A tenant, with how the call went.
            TenantResponse <- Tenant,
            /// The account's tenants, with how the call went.
            TenantListResponse <- TenantList,
            /// A scheme's draft, with how the call went.
            SchemeDraftResponse <- SchemeDraft,
            /// The payout options for a lookup, with how the call went.
            PayoutOptionListResponse <- PayoutOptionList,
            /// The account's licensing history, with how the call went.
            LicenseHistoryResponse <- LicenseHistory,
            /// The account's IP allow list, with how the call went.
            IpAllowListResponse <- IpAllowList,
            /// The app catalogue, with how the call went.
            MarketplaceAppListResponse <- MarketplaceAppList,
            /// An app of the catalogue, with how the call went.
            MarketplaceAppResponse <- MarketplaceApp,
            /// One page of creditor profiles, with how the call went.
            CreditorProfilePageResponse <- CreditorProfilePage,
            /// One page of mandates, with how the call went.
            MandatePageResponse <- MandatePage,
            /// A mandate, with how the call went.
            MandateResponse <- Mandate,
            /// A registered mandate's ids and check, with how the call went.
            CreatedMandateResponse <- CreatedMandate,
            /// A SEPA creditor profile, with how the call went.
            SepaCreditorProfileResponse <- SepaCreditorProfile,
            /// A Bacs creditor profile, with how the call went.
            BacsCreditorProfileResponse <- BacsCreditorProfile,
            /// A checkout session token (a secret) and its expiry, with how the call went.
            CheckoutSessionResponse <- CheckoutSession,
            /// A sent pay-by-link's id, with how the call went.
            PayByLinkResponse <- PayByLink,
        }
    };
}

/// Hands `$callback!` every paged list, from which each binding generates a method returning
/// a pager and the pager's type. Each entry is
///
/// ```text
/// /// docs
/// name -> Item in Page as Pager / BlockingPager, PageResponse;
/// ```
///
/// `name` is the core method taking `(page_size: Option<i64>, options)` and returning a
/// [`crate::Pager`] of `Page` (a type of [`crate::models`] listing `Item`s); `Pager` and
/// `BlockingPager` name the binding's pager types (awaited and blocking), `PageResponse` the
/// page result of [`crate::for_each_response!`]. The
/// pager reads one page per step, only when asked, each read retried like any read; every
/// `name` is an [`OperationSpec::name`] (a test checks it).
#[macro_export]
macro_rules! for_each_paged_list {
    ($callback:ident) => {
        $callback! {
            /// Every creditor profile of the tenant, page by page (`GET /v2/mandates/creditor-profiles`), read
            /// lazily: the next page only when this one's profiles are used up. `page_size` at most 1000
            /// (default 100).
            list_creditor_profiles -> CreditorProfile in CreditorProfilePage as CreditorProfilePager / BlockingCreditorProfilePager,
                CreditorProfilePageResponse;
            /// Every mandate of the tenant, page by page (`GET /v2/mandates`), read lazily: the next page only
            /// when this one's mandates are used up. `page_size` at most 1000 (default 100).
            list_mandates -> Mandate in MandatePage as MandatePager / BlockingMandatePager, MandatePageResponse;
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
    Option<i64>,
    Vec<String>,
    crate::models::Metadata,
    crate::models::NewOrder,
    crate::models::NewInstruction,
    crate::models::NewMobileInstrument,
    crate::models::NewScheme,
    crate::models::AccountUpdate,
    crate::models::ApiKeySettings,
    crate::models::TenantSettings,
    crate::models::PayoutOptionsQuery,
    crate::models::LicenseUpgradeRequest,
    crate::models::IpAllowListUpdate,
    crate::models::NewMandate,
    crate::models::NewSepaCreditorProfile,
    crate::models::NewBacsCreditorProfile,
    crate::models::NewCheckoutSession,
    crate::models::NewPayByLink,
    crate::models::NewMandateSession,
    crate::models::CustomerDefault
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

    macro_rules! paged_names {
        ($($(#[$doc:meta])* $name:ident -> $item:ident in $page:ident as $pager:ident / $blocking:ident, $response:ident;)*) => {
            [$(stringify!($name)),*]
        };
    }

    #[test]
    fn the_binding_lists_and_the_specs_name_the_same_operations() {
        let paged: Vec<&str> = crate::for_each_paged_list!(paged_names).to_vec();
        let listed: Vec<&str> = crate::for_each_operation!(names).to_vec();
        let declared: Vec<&str> = ALL.iter().map(|spec| spec.name).filter(|name| !paged.contains(name)).collect();
        assert_eq!(listed, declared);
        for name in paged {
            assert!(ALL.iter().any(|spec| spec.name == name && spec.method == "GET"), "{name}");
        }
    }

    macro_rules! results {
        ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
            = $call:ident ($($pass:expr),*);)*) => {
            [$(stringify!($binding)),*]
        };
    }

    macro_rules! responses {
        ($($(#[$doc:meta])* $name:ident <- $data:ident,)*) => {
            [$(stringify!($name)),*]
        };
    }

    #[test]
    fn every_result_an_operation_returns_is_in_the_response_list_once() {
        let listed: Vec<&str> = crate::for_each_response!(responses).to_vec();
        let mut unique = listed.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), listed.len(), "a response is listed twice: {listed:?}");
        for binding in crate::for_each_operation!(results) {
            if binding.ends_with("Response") && binding != "ResponseMeta" {
                assert!(listed.contains(&binding), "{binding} is returned but not in for_each_response!");
            }
        }
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
