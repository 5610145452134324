//! Customer vault: customers (read, get-or-create, metadata, forget), their financial
//! instruments, the transactions made with them, and their wallet.

use serde_json::json;

use crate::client::{CallOptions, Client, Operation, Response, ResponseMeta, decode, encode};
use crate::error::Error;
use crate::models::{
    CreatedInstrument, Customer, FinancialInstrument, Metadata, NewMobileInstrument, Transaction, Wallet,
};
use crate::operations::{self, OperationSpec};
use crate::validation::{path_id, path_reference};

impl Client {
    /// `GET /v1/customer-vault/{customerRef}`: the customer, or a not-found error.
    pub async fn get_customer(&self, customer_ref: &str, options: &CallOptions) -> Result<Response<Customer>, Error> {
        self.read_customer(&operations::GET_CUSTOMER, customer_ref, options).await
    }

    /// `GET /v2/customer-vault/{customerRef}`: the customer, created when it does not exist yet.
    pub async fn get_or_create_customer(
        &self,
        customer_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<Customer>, Error> {
        self.read_customer(&operations::GET_OR_CREATE_CUSTOMER, customer_ref, options).await
    }

    async fn read_customer(
        &self,
        spec: &'static OperationSpec,
        customer_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<Customer>, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref).err();
        let operation = Operation::new(spec, &[customer_ref], None, invalid);
        let exchange = self.execute(operation, options).await?;
        let mut customer: Customer = decode(&exchange)?;
        if customer.customer_ref.is_empty() {
            customer.customer_ref = customer_ref.to_string();
        }
        Ok(Response { data: customer, meta: exchange.meta })
    }

    /// `PUT /v2/customer-vault/{customerRef}`: replaces the customer's metadata (202).
    pub async fn update_customer_metadata(
        &self,
        customer_ref: &str,
        metadata: &Metadata,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref).err();
        let body = encode(&json!({ "metadata": metadata }))?;
        let operation = Operation::new(&operations::UPDATE_CUSTOMER_METADATA, &[customer_ref], Some(body), invalid);
        Ok(self.execute(operation, options).await?.meta)
    }

    /// `DELETE /v2/customer-vault/{customerRef}` (204, tenant-admin only): irrecoverably removes
    /// the customer's personal data (metadata and financial instruments). The path is the
    /// reference's probable one, kept in `operations::FORGET_CUSTOMER`. Forgetting a customer
    /// already forgotten is harmless, so a retried call never turns into an error.
    pub async fn forget_customer(&self, customer_ref: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref).err();
        let operation = Operation::new(&operations::FORGET_CUSTOMER, &[customer_ref], None, invalid);
        Ok(self.execute(operation, options).await?.meta)
    }

    /// `GET /v1/customer-vault/{customerRef}/wallet`.
    pub async fn get_wallet(&self, customer_ref: &str, options: &CallOptions) -> Result<Response<Wallet>, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref).err();
        let operation = Operation::new(&operations::GET_WALLET, &[customer_ref], None, invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// Adds a stored financial instrument to the customer's wallet (202). The path is not in the
    /// captured reference; this is the emulator's `POST /v2/customer-vault/{customerRef}/wallet` (documented in v2 only).
    pub async fn add_to_wallet(
        &self,
        customer_ref: &str,
        financial_instrument_id: &str,
        reason: Option<&str>,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref)
            .and_then(|()| path_id("financialInstrumentId", financial_instrument_id))
            .err();
        let body = json!({ "financialInstrumentId": financial_instrument_id, "reason": reason });
        let operation = Operation::new(&operations::ADD_TO_WALLET, &[customer_ref], Some(encode(&body)?), invalid);
        Ok(self.execute(operation, options).await?.meta)
    }

    /// `POST /v1/customer-vault/{customerRef}/mobile`: stores a mobile number as a financial
    /// instrument (201 `{id}`). Nothing makes a replay safe, so an attempt whose outcome is
    /// unknown is not retried.
    pub async fn add_mobile_instrument(
        &self,
        customer_ref: &str,
        mobile: &NewMobileInstrument,
        options: &CallOptions,
    ) -> Result<Response<CreatedInstrument>, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref).err();
        let operation =
            Operation::new(&operations::ADD_MOBILE_INSTRUMENT, &[customer_ref], Some(encode(mobile)?), invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `GET /v1/customer-vault/{customerRef}/financial-instrument/{financialInstrumentId}`.
    pub async fn get_financial_instrument(
        &self,
        customer_ref: &str,
        financial_instrument_id: &str,
        options: &CallOptions,
    ) -> Result<Response<FinancialInstrument>, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref)
            .and_then(|()| path_id("financialInstrumentId", financial_instrument_id))
            .err();
        let operation = Operation::new(
            &operations::GET_FINANCIAL_INSTRUMENT,
            &[customer_ref, financial_instrument_id],
            None,
            invalid,
        );
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `GET /v1/customer-vault/{customerRef}/financial-instrument/{id}/transaction/{transactionId}`:
    /// a transaction with its refunds and chargebacks (the path an instruction's `_links` give).
    pub async fn get_transaction(
        &self,
        customer_ref: &str,
        financial_instrument_id: &str,
        transaction_id: &str,
        options: &CallOptions,
    ) -> Result<Response<Transaction>, Error> {
        let invalid = path_reference("CUSTOMER_REF", "customerRef", customer_ref)
            .and_then(|()| path_id("financialInstrumentId", financial_instrument_id))
            .and_then(|()| path_id("transactionId", transaction_id))
            .err();
        let operation = Operation::new(
            &operations::GET_TRANSACTION,
            &[customer_ref, financial_instrument_id, transaction_id],
            None,
            invalid,
        );
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }
}
