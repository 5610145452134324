//! Order management: create an order (with instructions, metadata and customer defaults), read
//! it, add, read and cancel instructions.
//!
//! Creating is made safe to retry through the caller's unique references: when an attempt's
//! outcome was unknown (the connection dropped after the server read it, a timeout, a 5xx) and
//! the retry is answered `ORDER_ALREADY_EXISTS` / `INSTRUCTION_ALREADY_EXISTS`, the client reads
//! the entity back and, if it is the one this call sent, reports success: never a duplicate,
//! never a false error.
//!
//! The read-back allows for a server that processes in the background (an order's 202 comes
//! before its instructions are readable): while a sent instruction is not readable yet, the
//! client reads again with backoff until the call's deadline, and if it is still missing then,
//! says so (`CREATE_NOT_CONFIRMED`, a timeout) rather than guess either way.

use serde_json::json;

use crate::client::{CallOptions, Client, Operation, Response, ResponseMeta, decode, encode};
use crate::error::{Error, ErrorEntry, ErrorKind};
use crate::foreign::host_int;
use crate::models::{Created, CustomerDefault, Instruction, Metadata, NewInstruction, NewOrder, Order};
use crate::operations::{self, OperationSpec};
use crate::pacing::Pacing;
use crate::validation::{Validator, path_reference};

impl Client {
    /// `POST /v1/order-management`: 201 for an order without instructions, 202 with them.
    pub async fn create_order(&self, order: &NewOrder, options: &CallOptions) -> Result<Response<Created>, Error> {
        self.create_order_at(&operations::CREATE_ORDER, order, options).await
    }

    /// `POST /v2/order-management`, as the Pay-by-Link guide creates orders: the same body,
    /// answers and safety on retry as [`Client::create_order`].
    pub async fn create_order_v2(&self, order: &NewOrder, options: &CallOptions) -> Result<Response<Created>, Error> {
        self.create_order_at(&operations::CREATE_ORDER_V2, order, options).await
    }

    async fn create_order_at(
        &self,
        spec: &'static OperationSpec,
        order: &NewOrder,
        options: &CallOptions,
    ) -> Result<Response<Created>, Error> {
        let mut v = Validator::default();
        v.order(order);
        let operation = Operation::new(spec, &[], Some(encode(order)?), v.finish().err());
        let mut pacing = Pacing::new(self, options);
        match self.execute(operation, options).await {
            Ok(exchange) => Ok(Response {
                data: Created { status: i32::from(exchange.status), reconciled: false },
                meta: exchange.meta,
            }),
            Err(failure) if failure.outcome_unknown && failure.error.code() == Some("ORDER_ALREADY_EXISTS") => {
                let error = failure.error;
                let read_options = confirming(options, &error);
                loop {
                    let existing = self.get_order(&order.order_ref, &read_options).await?;
                    match order_matches(order, &existing.data) {
                        Match::Same => {
                            let status = if order.instructions.is_empty() { 201 } else { 202 };
                            return Ok(reconciled(status, &error, existing.meta));
                        }
                        Match::Different => return Err(error),
                        Match::NotReadableYet => {
                            if !pacing.pause().await {
                                return Err(not_confirmed(&error, "order", &order.order_ref));
                            }
                        }
                    }
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

    /// `PUT /v1/order-management/{orderRef}/customer-defaults/{customerRef}` (202): replaces
    /// what the order's instructions created from now on for that customer inherit. The path is
    /// a reading (the reference lists the operation only), kept in
    /// `operations::UPDATE_CUSTOMER_DEFAULT`.
    pub async fn update_customer_default(
        &self,
        order_ref: &str,
        customer_ref: &str,
        customer_default: &CustomerDefault,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.reference("CUSTOMER_REF", "customerRef", customer_ref);
        let operation = Operation::new(
            &operations::UPDATE_CUSTOMER_DEFAULT,
            &[order_ref, customer_ref],
            Some(encode(customer_default)?),
            v.finish().err(),
        );
        Ok(self.execute(operation, options).await?.meta)
    }

    /// `DELETE /v1/order-management/{orderRef}/customer-defaults/{customerRef}` (204): the
    /// order's instructions created from now on for that customer inherit nothing. Deleting a
    /// default that is not there is harmless, so a retried delete never turns into an error.
    pub async fn delete_customer_default(
        &self,
        order_ref: &str,
        customer_ref: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.reference("CUSTOMER_REF", "customerRef", customer_ref);
        let operation =
            Operation::new(&operations::DELETE_CUSTOMER_DEFAULT, &[order_ref, customer_ref], None, v.finish().err());
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
        let mut pacing = Pacing::new(self, options);
        match self.execute(operation, options).await {
            Ok(exchange) => Ok(Response {
                data: Created { status: i32::from(exchange.status), reconciled: false },
                meta: exchange.meta,
            }),
            Err(failure) if failure.outcome_unknown && failure.error.code() == Some("INSTRUCTION_ALREADY_EXISTS") => {
                let error = failure.error;
                let read_options = confirming(options, &error);
                let reference = &instruction.instruction_ref;
                loop {
                    match self.get_instruction(order_ref, reference, &read_options).await {
                        Ok(existing) if instruction_matches(instruction, &existing.data) => {
                            return Ok(reconciled(201, &error, existing.meta));
                        }
                        Ok(_) => return Err(error),
                        // Known to exist (the server said so), so not found means not yet readable.
                        Err(e) if e.code() == Some("INSTRUCTION_NOT_FOUND") => {
                            if !pacing.pause().await {
                                return Err(not_confirmed(&error, "instruction", reference));
                            }
                        }
                        Err(e) => return Err(e),
                    }
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
        self.read_instruction(&operations::GET_INSTRUCTION, order_ref, instruction_ref, None, options).await
    }

    /// Get Instruction, reported (in attempt events and errors) as `spec`'s operation; `problem`
    /// is one more the caller found in its own arguments, refused with the references' own.
    pub(crate) async fn read_instruction(
        &self,
        spec: &'static operations::OperationSpec,
        order_ref: &str,
        instruction_ref: &str,
        problem: Option<ErrorEntry>,
        options: &CallOptions,
    ) -> Result<Response<Instruction>, Error> {
        let mut v = Validator::default();
        v.reference("ORDER_REF", "orderRef", order_ref);
        v.reference("INSTRUCTION_REF", "instructionRef", instruction_ref);
        if let Some(problem) = problem {
            v.push(problem);
        }
        let operation = Operation::new(spec, &[order_ref, instruction_ref], None, v.finish().err());
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
        data: Created { status: i32::from(status), reconciled: true },
        meta: ResponseMeta {
            status: i32::from(status),
            attempts: host_int(error.attempts()),
            client_correlation_id: confirm.client_correlation_id,
        },
    }
}

fn not_confirmed(error: &Error, entity: &str, reference: &str) -> Error {
    let message = format!(
        "The {entity} {reference} exists, but whether it is the one this call sent could not be confirmed \
         within the call's time: what was sent is not readable yet. Read it again later before sending it anew."
    );
    let entry = ErrorEntry {
        code: "CREATE_NOT_CONFIRMED".into(),
        message: message.clone(),
        message_template: None,
        metadata: [(format!("{entity}Ref"), reference.to_string())].into_iter().collect(),
    };
    // The server's correlation id is the one of the answer that said the entity exists.
    Error::new(ErrorKind::Timeout, message)
        .with_entries(vec![entry])
        .with_correlation_id(error.correlation_id())
        .with_call_context(error.client_correlation_id(), error.attempts())
}

/// How a stored entity compares with what a create sent.
enum Match {
    Same,
    Different,
    /// Everything readable agrees, but some of what was sent is not readable yet.
    NotReadableYet,
}

/// The stored order is the one sent: same metadata, and every sent instruction stored as sent.
fn order_matches(sent: &NewOrder, stored: &Order) -> Match {
    if sent.order_ref != stored.order_ref || sent.metadata != stored.metadata {
        return Match::Different;
    }
    let mut missing = false;
    for wanted in &sent.instructions {
        match stored.instructions.iter().find(|i| i.instruction_ref.as_deref() == Some(wanted.instruction_ref.as_str()))
        {
            Some(found) if !instruction_matches(wanted, found) => return Match::Different,
            Some(_) => {}
            None => missing = true,
        }
    }
    if missing { Match::NotReadableYet } else { Match::Same }
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
