//! Order management: create an order (with instructions, metadata and customer defaults), read
//! it, add, read and cancel instructions.
//!
//! Creating is made safe to retry through the caller's unique references: when an attempt's
//! outcome was unknown (the connection dropped after the server read it, a timeout, a 5xx) and
//! the retry is answered `ORDER_ALREADY_EXISTS` / `INSTRUCTION_ALREADY_EXISTS`, the client reads
//! the entity back and, if it is the one this call sent, reports success: never a duplicate,
//! never a false error.

use serde_json::json;

use crate::client::{CallOptions, Client, Operation, Response, ResponseMeta, decode, encode};
use crate::error::Error;
use crate::models::{Created, Instruction, Metadata, NewInstruction, NewOrder, Order};
use crate::operations;
use crate::validation::{Validator, path_reference};

impl Client {
    /// `POST /v1/order-management`: 201 for an order without instructions, 202 with them.
    pub async fn create_order(&self, order: &NewOrder, options: &CallOptions) -> Result<Response<Created>, Error> {
        let mut v = Validator::default();
        v.order(order);
        let operation = Operation::new(&operations::CREATE_ORDER, &[], Some(encode(order)?), v.finish().err());
        match self.execute(operation, options).await {
            Ok(exchange) => {
                Ok(Response { data: Created { status: exchange.status, reconciled: false }, meta: exchange.meta })
            }
            Err(failure) if failure.outcome_unknown && failure.error.code() == Some("ORDER_ALREADY_EXISTS") => {
                let error = failure.error;
                let existing = self.get_order(&order.order_ref, &confirming(options, &error)).await?;
                if order_matches(order, &existing.data) {
                    let status = if order.instructions.is_empty() { 201 } else { 202 };
                    Ok(reconciled(status, &error, existing.meta))
                } else {
                    Err(error)
                }
            }
            Err(failure) => Err(failure.error),
        }
    }

    /// `GET /v1/order-management/{orderRef}`.
    pub async fn get_order(&self, order_ref: &str, options: &CallOptions) -> Result<Response<Order>, Error> {
        let invalid = path_reference("ORDER_REF", "orderRef", order_ref).err();
        let operation = Operation::new(&operations::GET_ORDER, &[order_ref], None, invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `PUT /v1/order-management/{orderRef}/metadata` (202): replaces the order's metadata. The
    /// path is the reference's uncertain reading, kept in `operations::UPDATE_ORDER_METADATA`.
    pub async fn update_order_metadata(
        &self,
        order_ref: &str,
        metadata: &Metadata,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = path_reference("ORDER_REF", "orderRef", order_ref).err();
        let body = encode(&json!({ "metadata": metadata }))?;
        let operation = Operation::new(&operations::UPDATE_ORDER_METADATA, &[order_ref], Some(body), invalid);
        Ok(self.execute(operation, options).await?.meta)
    }

    /// `POST /v1/order-management/{orderRef}/instruction` (201).
    pub async fn create_instruction(
        &self,
        order_ref: &str,
        instruction: &NewInstruction,
        options: &CallOptions,
    ) -> Result<Response<Created>, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.instruction("", instruction);
        let operation =
            Operation::new(&operations::CREATE_INSTRUCTION, &[order_ref], Some(encode(instruction)?), v.finish().err());
        match self.execute(operation, options).await {
            Ok(exchange) => {
                Ok(Response { data: Created { status: exchange.status, reconciled: false }, meta: exchange.meta })
            }
            Err(failure) if failure.outcome_unknown && failure.error.code() == Some("INSTRUCTION_ALREADY_EXISTS") => {
                let error = failure.error;
                let existing =
                    self.get_instruction(order_ref, &instruction.instruction_ref, &confirming(options, &error)).await?;
                if instruction_matches(instruction, &existing.data) {
                    Ok(reconciled(201, &error, existing.meta))
                } else {
                    Err(error)
                }
            }
            Err(failure) => Err(failure.error),
        }
    }

    /// `GET /v2/order-management/{orderRef}/instruction/{instructionRef}`.
    pub async fn get_instruction(
        &self,
        order_ref: &str,
        instruction_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<Instruction>, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.reference("INSTRUCTION_REF", "instructionRef", instruction_ref);
        let operation =
            Operation::new(&operations::GET_INSTRUCTION, &[order_ref, instruction_ref], None, v.finish().err());
        let exchange = self.execute(operation, options).await?;
        let mut instruction: Instruction = decode(&exchange)?;
        instruction.order_ref.get_or_insert_with(|| order_ref.to_string());
        instruction.instruction_ref.get_or_insert_with(|| instruction_ref.to_string());
        Ok(Response { data: instruction, meta: exchange.meta })
    }

    /// `POST /v1/order-management/{orderRef}/instruction/{instructionRef}/cancel`. Cancelling
    /// again is harmless, so this is retried like any idempotent write.
    pub async fn cancel_instruction(
        &self,
        order_ref: &str,
        instruction_ref: &str,
        reason: Option<&str>,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.reference("INSTRUCTION_REF", "instructionRef", instruction_ref);
        let body = match reason {
            Some(reason) => json!({ "reason": reason }),
            None => json!({}),
        };
        let operation = Operation::new(
            &operations::CANCEL_INSTRUCTION,
            &[order_ref, instruction_ref],
            Some(encode(&body)?),
            v.finish().err(),
        );
        Ok(self.execute(operation, options).await?.meta)
    }
}

/// The read-back that confirms a create uses the same correlation id, tenant and limits.
fn confirming(options: &CallOptions, error: &Error) -> CallOptions {
    CallOptions {
        correlation_id: error.client_correlation_id().map(str::to_string).or_else(|| options.correlation_id.clone()),
        ..options.clone()
    }
}

fn reconciled(status: u16, error: &Error, confirm: ResponseMeta) -> Response<Created> {
    Response {
        data: Created { status, reconciled: true },
        meta: ResponseMeta { status, attempts: error.attempts(), client_correlation_id: confirm.client_correlation_id },
    }
}

/// The stored order is the one sent: same metadata, and every sent instruction stored as sent.
fn order_matches(sent: &NewOrder, stored: &Order) -> bool {
    sent.order_ref == stored.order_ref
        && sent.metadata == stored.metadata
        && sent.instructions.iter().all(|wanted| {
            stored
                .instructions
                .iter()
                .find(|i| i.instruction_ref.as_deref() == Some(wanted.instruction_ref.as_str()))
                .is_some_and(|found| instruction_matches(wanted, found))
        })
}

/// Compares what the caller set; inherited values and server additions are not differences.
fn instruction_matches(sent: &NewInstruction, stored: &Instruction) -> bool {
    let same_id = |wanted: &Option<String>, found: Option<&String>| match wanted {
        Some(wanted) => found.is_some_and(|f| f.eq_ignore_ascii_case(wanted)),
        None => true,
    };
    stored.customer_ref.as_deref() == Some(sent.customer_ref.as_str())
        && stored.direction == sent.direction
        && stored.amount.same_value(&sent.amount)
        && stored.currency == sent.currency
        && stored.country.as_deref() == Some(sent.country.as_str())
        && same_id(&sent.scheme_id, stored.scheme.as_ref().and_then(|s| s.scheme_id.as_ref()))
        && same_id(
            &sent.financial_instrument_id,
            stored.financial_instrument.as_ref().and_then(|f| f.financial_instrument_id.as_ref()),
        )
        && sent.metadata.iter().all(|(k, v)| stored.metadata.get(k) == Some(v))
}
