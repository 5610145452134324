//! Mandates and creditor profiles (Transaction API v2, reference §3.4): the paged lists, one
//! mandate, and registering a new one, plus the routes Imburse deprecated but still serves
//! (SEPA and Bacs creditor profiles, BECS mandates). Which debtor or profile fields are
//! required is the server's to say; the references in a path or a body are checked here, as
//! everywhere.

use crate::client::{CallOptions, Client, Operation, Response, decode, encode};
use crate::error::Error;
use crate::models::{
    BacsCreditorProfile, CreatedMandate, CreditorProfilePage, Mandate, MandatePage, NewBacsCreditorProfile, NewMandate,
    NewSepaCreditorProfile, SepaCreditorProfile,
};
use crate::operations::{self, OperationSpec};
use crate::pages::Pager;
use crate::validation::{Validator, path_id, path_reference};

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
        self.read_mandate(&operations::GET_MANDATE, mandate_id, options).await
    }

    /// `GET /v2/mandates/becsau/{mandateId}` (deprecated by Imburse; [`Client::get_mandate`]
    /// reads any network): a BECS Australia mandate, or a not-found error.
    pub async fn get_becs_au_mandate(
        &self,
        mandate_id: &str,
        options: &CallOptions,
    ) -> Result<Response<Mandate>, Error> {
        self.read_mandate(&operations::GET_BECS_AU_MANDATE, mandate_id, options).await
    }

    /// `GET /v2/mandates/becsnz/{mandateId}` (deprecated by Imburse; the path is the AU
    /// route's twin, assumed): a BECS New Zealand mandate, or a not-found error.
    pub async fn get_becs_nz_mandate(
        &self,
        mandate_id: &str,
        options: &CallOptions,
    ) -> Result<Response<Mandate>, Error> {
        self.read_mandate(&operations::GET_BECS_NZ_MANDATE, mandate_id, options).await
    }

    async fn read_mandate(
        &self,
        spec: &'static OperationSpec,
        mandate_id: &str,
        options: &CallOptions,
    ) -> Result<Response<Mandate>, Error> {
        let invalid = path_id("mandateId", mandate_id).err();
        let operation = Operation::new(spec, &[mandate_id], None, invalid);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// `GET /v2/mandates/creditor-profiles/sepa/{creditorProfileRef}` (deprecated by Imburse):
    /// one SEPA creditor profile, or a not-found error.
    pub async fn get_sepa_creditor_profile(
        &self,
        creditor_profile_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<SepaCreditorProfile>, Error> {
        self.read_creditor_profile(&operations::GET_SEPA_CREDITOR_PROFILE, creditor_profile_ref, options).await
    }

    /// `POST /v2/mandates/creditor-profiles/sepa` (deprecated by Imburse; 201): the new
    /// profile with the reference the server gave it. Nothing makes a replay safe, so an
    /// attempt whose outcome is unknown is not retried.
    pub async fn create_sepa_creditor_profile(
        &self,
        profile: &NewSepaCreditorProfile,
        options: &CallOptions,
    ) -> Result<Response<SepaCreditorProfile>, Error> {
        self.create_creditor_profile(&operations::CREATE_SEPA_CREDITOR_PROFILE, profile, options).await
    }

    /// `GET /v2/mandates/creditor-profiles/bacs/{creditorProfileRef}` (deprecated by Imburse):
    /// one Bacs creditor profile, or a not-found error.
    pub async fn get_bacs_creditor_profile(
        &self,
        creditor_profile_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<BacsCreditorProfile>, Error> {
        self.read_creditor_profile(&operations::GET_BACS_CREDITOR_PROFILE, creditor_profile_ref, options).await
    }

    /// `POST /v2/mandates/creditor-profiles/bacs` (deprecated by Imburse; 201): the new
    /// profile with the reference the server gave it; not retried once it may have landed.
    pub async fn create_bacs_creditor_profile(
        &self,
        profile: &NewBacsCreditorProfile,
        options: &CallOptions,
    ) -> Result<Response<BacsCreditorProfile>, Error> {
        self.create_creditor_profile(&operations::CREATE_BACS_CREDITOR_PROFILE, profile, options).await
    }

    async fn create_creditor_profile<B: serde::Serialize, T: serde::de::DeserializeOwned>(
        &self,
        spec: &'static OperationSpec,
        profile: &B,
        options: &CallOptions,
    ) -> Result<Response<T>, Error> {
        let operation = Operation::new(spec, &[], Some(encode(profile)?), None);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn read_creditor_profile<T: serde::de::DeserializeOwned>(
        &self,
        spec: &'static OperationSpec,
        creditor_profile_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<T>, Error> {
        let invalid = path_reference("CREDITOR_PROFILE_REF", "creditorProfileRef", creditor_profile_ref).err();
        let operation = Operation::new(spec, &[creditor_profile_ref], None, invalid);
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
