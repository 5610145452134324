//! Mandates and creditor profiles (Transaction API v2, reference §3.4): the paged lists, one
//! mandate, and registering a new one. Which debtor fields a mandate type requires is the
//! server's to say; the references in the body are checked here, as everywhere.

use crate::client::{CallOptions, Client, Operation, Response, decode, encode};
use crate::error::Error;
use crate::models::{CreatedMandate, CreditorProfilePage, Mandate, MandatePage, NewMandate};
use crate::operations;
use crate::pages::Pager;
use crate::validation::{Validator, path_id};

impl Client {
    /// `GET /v2/mandates/creditor-profiles?from=&take=`: one page of the tenant's creditor
    /// profiles, `offset` rows in (`from`), `page_size` long (`take`, 1 to 1000; the server's
    /// default 100 when `None`).
    pub async fn get_creditor_profiles_page(
        &self,
        offset: Option<i64>,
        page_size: Option<i64>,
        options: &CallOptions,
    ) -> Result<Response<CreditorProfilePage>, Error> {
        self.read_page(&operations::GET_CREDITOR_PROFILES_PAGE, offset, page_size, options).await
    }

    /// Every creditor profile, page by page, read lazily ([`Pager`]); each page is a call with
    /// `options`.
    pub fn list_creditor_profiles(&self, page_size: Option<i64>, options: &CallOptions) -> Pager<CreditorProfilePage> {
        self.pager(&operations::LIST_CREDITOR_PROFILES, page_size, options)
    }

    /// `GET /v2/mandates?from=&take=` (the reference's probable path): one page of the tenant's
    /// mandates, `offset` rows in, `page_size` long (1 to 1000; the server's default 100).
    pub async fn get_mandates_page(
        &self,
        offset: Option<i64>,
        page_size: Option<i64>,
        options: &CallOptions,
    ) -> Result<Response<MandatePage>, Error> {
        self.read_page(&operations::GET_MANDATES_PAGE, offset, page_size, options).await
    }

    /// Every mandate, page by page, read lazily ([`Pager`]); each page is a call with `options`.
    pub fn list_mandates(&self, page_size: Option<i64>, options: &CallOptions) -> Pager<MandatePage> {
        self.pager(&operations::LIST_MANDATES, page_size, options)
    }

    /// `GET /v2/mandates/{mandateId}` (path assumed): one mandate, or a not-found error.
    pub async fn get_mandate(&self, mandate_id: &str, options: &CallOptions) -> Result<Response<Mandate>, Error> {
        let invalid = path_id("mandateId", mandate_id).err();
        let operation = Operation::new(&operations::GET_MANDATE, &[mandate_id], None, invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `POST /v2/mandates` (the reference's probable path): creates the mandate and registers
    /// it with its network. Nothing makes a replay safe, so an attempt whose outcome is unknown
    /// is not retried.
    pub async fn create_mandate(
        &self,
        mandate: &NewMandate,
        options: &CallOptions,
    ) -> Result<Response<CreatedMandate>, Error> {
        let mut v = Validator::default();
        v.mandate(mandate);
        let invalid = v.finish().err();
        let operation = Operation::new(&operations::CREATE_MANDATE, &[], Some(encode(mandate)?), invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }
}
