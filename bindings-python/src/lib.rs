//! `imburse._native`: the Python extension module over the Imburse SDK core.
//!
//! It only converts types and errors; retries, validation, authentication and every default
//! live in the core. The public, typed API is the pure-Python `imburse` package around it.

#[cfg(unix)]
mod awaitable;
/// Without Unix sockets every loop takes the fallback.
#[cfg(not(unix))]
mod awaitable {
    pub use crate::runtime::awaitable;
}
mod client;
mod convert;
mod emulator;
mod errors;
mod operations;
mod runtime;

#[pyo3::pymodule]
mod _native {
    #[pymodule_export]
    use crate::client::NativeClient;
    #[pymodule_export]
    use crate::operations::NativePager;
    #[pymodule_export]
    use crate::runtime::shutdown;
    // The core's response models, Python classes derived in the core (its `python` feature).
    #[pymodule_export]
    use imburse::models::{
        Account, AccountKeyList, Address, ApiKey, Capabilities, Chargeback, CheckoutSession, Country, Created,
        CreatedApiKey, CreatedInstrument, CreatedMandate, CreditorProfile, CreditorProfilePage, Currency, Customer,
        CustomerDefaultView, FinancialInstrument, Instruction, InstrumentAssignment, IpAllowList, IpRule, License,
        LicenseHistory, LicenseHistoryEntry, Link, Mandate, MandatePage, MarketplaceApp, MarketplaceAppList, Order,
        PayByLink, PaymentMethod, PayoutOption, PayoutOptionApp, PayoutOptionList, Refund, Scheme, SchemeApp,
        SchemeAssignment, SchemeDraft, SchemeList, SchemeRule, Tenant, TenantKeyList, TenantList, Transaction,
        TransactionApp, VerificationCheck, Wallet,
    };
    #[pymodule_export]
    use imburse::models::{BacsCreditorProfile, CreditorAddress, SepaCreditorProfile};
    #[pymodule_export]
    use imburse::{ResponseMeta, Secret};

    #[pymodule_export]
    use crate::errors::NativeError;

    // The in-process emulator of `imburse.testing` and its records.
    #[pymodule_export]
    use crate::emulator::{NativeEmulator, run_emulator_command};
    #[pymodule_export]
    use imburse_emulator::testing::{EmulatorInfo, ReceivedRequest};

    /// The package version.
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");
    /// The version of the Rust core inside.
    #[pymodule_export]
    const CORE_VERSION: &str = imburse::VERSION;
}
