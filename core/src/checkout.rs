//! The hosted checkout (reference §3.5, "Whitelabel"): session tokens for the checkout and for
//! managing a mandate, and pay-by-links. The paths are not in the reference; they are the
//! readings in [`crate::operations`]. The API names a channel's kind `type`; the models call it
//! `kind` (a word every language can use), and the body is written with the API's name here.

use crate::client::{CallOptions, Client, Operation, Response, decode, encode};
use crate::error::{Error, ErrorKind};
use crate::models::{CheckoutSession, NewCheckoutSession, NewMandateSession, NewPayByLink, PayByLink};
use crate::operations::{self, OperationSpec};
use crate::validation::Validator;

/// A request body with each channel's `kind` written as the API's `type`.
fn with_channel_types(body: &impl serde::Serialize) -> Result<bytes::Bytes, Error> {
    let mut value = serde_json::to_value(body)
        .map_err(|e| Error::new(ErrorKind::InvalidRequest, format!("the request could not be encoded: {e}")))?;
    if let Some(channels) = value.get_mut("channels").and_then(serde_json::Value::as_array_mut) {
        for channel in channels.iter_mut().filter_map(serde_json::Value::as_object_mut) {
            if let Some(kind) = channel.remove("kind") {
                channel.insert("type".into(), kind);
            }
        }
    }
    encode(&value)
}

impl Client {
    /// `POST /v2/whitelabel/session-token` (path assumed): a token to open the hosted checkout
    /// with for one instruction. The references, the expiry and the customer type's required
    /// names are checked before sending.
    pub async fn create_checkout_session(
        &self,
        session: &NewCheckoutSession,
        options: &CallOptions,
    ) -> Result<Response<CheckoutSession>, Error> {
        let mut v = Validator::default();
        v.checkout_session(session);
        self.session(&operations::CREATE_CHECKOUT_SESSION, with_channel_types(session)?, v, options).await
    }

    /// `POST /v2/whitelabel/pay-by-link` (path assumed): Imburse sends the customer a link to
    /// the checkout. Nothing makes a replay safe (the customer would get the link twice), so an
    /// attempt whose outcome is unknown is not retried.
    pub async fn create_pay_by_link(
        &self,
        link: &NewPayByLink,
        options: &CallOptions,
    ) -> Result<Response<PayByLink>, Error> {
        let mut v = Validator::default();
        v.pay_by_link(link);
        let operation =
            Operation::new(&operations::CREATE_PAY_BY_LINK, &[], Some(with_channel_types(link)?), v.finish().err());
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `POST /v1/whitelabel/mandate-management/session-token` (path assumed): a token for a
    /// session in which the customer manages one of their mandates.
    pub async fn create_mandate_session(
        &self,
        session: &NewMandateSession,
        options: &CallOptions,
    ) -> Result<Response<CheckoutSession>, Error> {
        let mut v = Validator::default();
        v.mandate_session(session);
        self.session(&operations::CREATE_MANDATE_SESSION, encode(session)?, v, options).await
    }

    async fn session(
        &self,
        spec: &'static OperationSpec,
        body: bytes::Bytes,
        checks: Validator,
        options: &CallOptions,
    ) -> Result<Response<CheckoutSession>, Error> {
        let operation = Operation::new(spec, &[], Some(body), checks.finish().err());
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }
}
