//! Waiting for an instruction to reach a status, for integrations without webhooks: the
//! reference advises "you can poll our APIs to check if the transaction has been completed"
//! (§3.11), and this is that poll done once, well: reads spaced by the client's backoff, a
//! deadline, each read retried like any read, and cancellation by dropping the call (each
//! language's own way of cancelling a call does).

use crate::client::{CallOptions, Client, Response};
use crate::error::{Error, ErrorEntry, ErrorKind};
use crate::models::Instruction;
use crate::operations;
use crate::pacing::Pacing;

/// An empty `statuses`: nothing could ever end the wait.
fn no_statuses() -> ErrorEntry {
    ErrorEntry {
        code: "STATUSES_IS_REQUIRED".into(),
        message: "'statuses' must name at least one status to wait for.".into(),
        message_template: None,
        metadata: [("propertyName".to_string(), "statuses".to_string())].into_iter().collect(),
    }
}

impl Client {
    /// Reads the instruction (`GET /v2/order-management/{orderRef}/instruction/{instructionRef}`)
    /// until its status is one of `statuses`, and returns that read; `meta.attempts` counts
    /// every request the wait made. Between reads it sleeps the client's backoff (from its base,
    /// doubling to its cap). It gives up when the call's timeout (`options.timeout`, else the
    /// client's call timeout) would pass before the next read: a `Timeout` error
    /// (`INSTRUCTION_STATUS_NOT_REACHED`) naming the last status seen. Each read is retried like
    /// any read, within what is left of that time; an error that is not retried (a missing
    /// order, a 403) ends the wait at once.
    pub async fn wait_for_instruction(
        &self,
        order_ref: &str,
        instruction_ref: &str,
        statuses: &[String],
        options: &CallOptions,
    ) -> Result<Response<Instruction>, Error> {
        let problem = statuses.iter().all(|s| s.trim().is_empty()).then(no_statuses);
        // One correlation id for every read of the wait, so the server's log shows it as one call.
        let correlation_id = options.correlation_id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let mut pacing = Pacing::new(self, options);
        // The first read takes the caller's options as they are (so they are checked as any
        // call's are), and refuses bad arguments before anything is sent.
        let first = CallOptions { correlation_id: Some(correlation_id.clone()), ..options.clone() };
        let mut response = self
            .read_instruction(&operations::WAIT_FOR_INSTRUCTION, order_ref, instruction_ref, problem, &first)
            .await?;
        let mut requests = response.meta.attempts;
        loop {
            let status = response.data.status.clone();
            if statuses.iter().any(|wanted| wanted.trim().eq_ignore_ascii_case(&status)) {
                response.meta.attempts = requests;
                return Ok(response);
            }
            if !pacing.pause().await {
                return Err(not_reached(order_ref, instruction_ref, statuses, &status, &response.meta, requests));
            }
            let read = CallOptions { timeout: Some(pacing.left()), ..first.clone() };
            response = self
                .read_instruction(&operations::WAIT_FOR_INSTRUCTION, order_ref, instruction_ref, None, &read)
                .await?;
            requests = requests.saturating_add(response.meta.attempts);
        }
    }
}

fn not_reached(
    order_ref: &str,
    instruction_ref: &str,
    statuses: &[String],
    last: &str,
    meta: &crate::client::ResponseMeta,
    requests: i32,
) -> Error {
    let wanted = statuses.join(", ");
    let message = format!(
        "Instruction {instruction_ref} of order {order_ref} is still {last} at the call's deadline; \
         waited for {wanted}."
    );
    let entry = ErrorEntry {
        code: "INSTRUCTION_STATUS_NOT_REACHED".into(),
        message: message.clone(),
        message_template: None,
        metadata: [("status".to_string(), last.to_string()), ("statuses".to_string(), wanted)].into_iter().collect(),
    };
    Error::new(ErrorKind::Timeout, message)
        .with_entries(vec![entry])
        .with_call_context(Some(&meta.client_correlation_id), u32::try_from(requests).unwrap_or(0))
}
