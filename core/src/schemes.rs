//! Collect and payout schemes (Configuration API): list, read, create, delete, publish a draft,
//! read the published and the latest draft, and a payout scheme's payout options. Both kinds
//! have the same shape and rules; only their paths and roles differ, which the operations table
//! holds.

use crate::client::{CallOptions, Client, Operation, Response, ResponseMeta, decode, encode};
use crate::error::Error;
use crate::models::{NewScheme, PayoutOptionList, PayoutOptionsQuery, Scheme, SchemeDraft, SchemeList};
use crate::operations::{self, OperationSpec};
use crate::validation::{Validator, path_id};

/// The operations of one kind of scheme.
struct SchemeOperations {
    list: &'static OperationSpec,
    get: &'static OperationSpec,
    create: &'static OperationSpec,
    delete: &'static OperationSpec,
    publish: &'static OperationSpec,
    published_draft: &'static OperationSpec,
    latest_draft: &'static OperationSpec,
}

const COLLECT: SchemeOperations = SchemeOperations {
    list: &operations::LIST_COLLECT_SCHEMES,
    get: &operations::GET_COLLECT_SCHEME,
    create: &operations::CREATE_COLLECT_SCHEME,
    delete: &operations::DELETE_COLLECT_SCHEME,
    publish: &operations::PUBLISH_COLLECT_SCHEME_DRAFT,
    published_draft: &operations::GET_COLLECT_SCHEME_PUBLISHED_DRAFT,
    latest_draft: &operations::GET_COLLECT_SCHEME_LATEST_DRAFT,
};

const PAYOUT: SchemeOperations = SchemeOperations {
    list: &operations::LIST_PAYOUT_SCHEMES,
    get: &operations::GET_PAYOUT_SCHEME,
    create: &operations::CREATE_PAYOUT_SCHEME,
    delete: &operations::DELETE_PAYOUT_SCHEME,
    publish: &operations::PUBLISH_PAYOUT_SCHEME_DRAFT,
    published_draft: &operations::GET_PAYOUT_SCHEME_PUBLISHED_DRAFT,
    latest_draft: &operations::GET_PAYOUT_SCHEME_LATEST_DRAFT,
};

impl Client {
    /// `GET /v1/schemes/collect`: the tenant's collect schemes.
    pub async fn list_collect_schemes(&self, options: &CallOptions) -> Result<Response<SchemeList>, Error> {
        self.list_schemes(&COLLECT, options).await
    }

    /// `GET /v1/schemes/collect/{schemeId}`.
    pub async fn get_collect_scheme(&self, scheme_id: &str, options: &CallOptions) -> Result<Response<Scheme>, Error> {
        self.get_scheme(&COLLECT, scheme_id, options).await
    }

    /// `POST /v1/schemes/collect` (201): the new scheme, its first draft published. Never
    /// replayed once it may have been processed (the server assigns the id).
    pub async fn create_collect_scheme(
        &self,
        scheme: &NewScheme,
        options: &CallOptions,
    ) -> Result<Response<Scheme>, Error> {
        self.create_scheme(&COLLECT, scheme, options).await
    }

    /// `DELETE /v1/schemes/collect/{schemeId}` (204).
    pub async fn delete_collect_scheme(&self, scheme_id: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.delete_scheme(&COLLECT, scheme_id, options).await
    }

    /// `POST /v1/schemes/collect/{schemeId}/drafts/{draftId}/publish`.
    pub async fn publish_collect_scheme_draft(
        &self,
        scheme_id: &str,
        draft_id: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        self.publish_scheme_draft(&COLLECT, scheme_id, draft_id, options).await
    }

    /// `GET /v1/schemes/payout`: the tenant's payout schemes.
    pub async fn list_payout_schemes(&self, options: &CallOptions) -> Result<Response<SchemeList>, Error> {
        self.list_schemes(&PAYOUT, options).await
    }

    /// `GET /v1/schemes/payout/{schemeId}`.
    pub async fn get_payout_scheme(&self, scheme_id: &str, options: &CallOptions) -> Result<Response<Scheme>, Error> {
        self.get_scheme(&PAYOUT, scheme_id, options).await
    }

    /// `POST /v1/schemes/payout` (201), as [`Client::create_collect_scheme`].
    pub async fn create_payout_scheme(
        &self,
        scheme: &NewScheme,
        options: &CallOptions,
    ) -> Result<Response<Scheme>, Error> {
        self.create_scheme(&PAYOUT, scheme, options).await
    }

    /// `DELETE /v1/schemes/payout/{schemeId}` (204).
    pub async fn delete_payout_scheme(&self, scheme_id: &str, options: &CallOptions) -> Result<ResponseMeta, Error> {
        self.delete_scheme(&PAYOUT, scheme_id, options).await
    }

    /// `POST /v1/schemes/payout/{schemeId}/drafts/{draftId}/publish`.
    pub async fn publish_payout_scheme_draft(
        &self,
        scheme_id: &str,
        draft_id: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        self.publish_scheme_draft(&PAYOUT, scheme_id, draft_id, options).await
    }

    /// `GET /v1/schemes/collect/{schemeId}/drafts/published`: the draft in force.
    pub async fn get_collect_scheme_published_draft(
        &self,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<SchemeDraft>, Error> {
        self.get_draft(COLLECT.published_draft, scheme_id, options).await
    }

    /// `GET /v1/schemes/collect/{schemeId}/drafts/latest`: the newest draft.
    pub async fn get_collect_scheme_latest_draft(
        &self,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<SchemeDraft>, Error> {
        self.get_draft(COLLECT.latest_draft, scheme_id, options).await
    }

    /// `GET /v1/schemes/payout/{schemeId}/drafts/published`: the draft in force.
    pub async fn get_payout_scheme_published_draft(
        &self,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<SchemeDraft>, Error> {
        self.get_draft(PAYOUT.published_draft, scheme_id, options).await
    }

    /// `GET /v1/schemes/payout/{schemeId}/drafts/latest`: the newest draft.
    pub async fn get_payout_scheme_latest_draft(
        &self,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<SchemeDraft>, Error> {
        self.get_draft(PAYOUT.latest_draft, scheme_id, options).await
    }

    /// `GET /v1/schemes/payout/{schemeId}/options?amount=&currency=&country=&matchType=`: the
    /// rewards the payout scheme offers for that amount (`matchType` left out: the API's
    /// default, `Exact`).
    pub async fn get_payout_options(
        &self,
        scheme_id: &str,
        query: &PayoutOptionsQuery,
        options: &CallOptions,
    ) -> Result<Response<PayoutOptionList>, Error> {
        let mut v = Validator::default();
        v.payout_options(query);
        let invalid = path_id("schemeId", scheme_id).and_then(|()| v.finish()).err();
        let mut pairs = vec![
            ("amount", query.amount.as_str().to_string()),
            ("currency", query.currency.clone()),
            ("country", query.country.clone()),
        ];
        if let Some(match_type) = &query.match_type {
            pairs.push(("matchType", match_type.clone()));
        }
        let operation = Operation::new(&operations::GET_PAYOUT_OPTIONS, &[scheme_id], None, invalid).with_query(pairs);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn get_draft(
        &self,
        spec: &'static OperationSpec,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<SchemeDraft>, Error> {
        let invalid = path_id("schemeId", scheme_id).err();
        let exchange = self.execute(Operation::new(spec, &[scheme_id], None, invalid), options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn list_schemes(
        &self,
        kind: &SchemeOperations,
        options: &CallOptions,
    ) -> Result<Response<SchemeList>, Error> {
        let exchange = self.execute(Operation::new(kind.list, &[], None, None), options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn get_scheme(
        &self,
        kind: &SchemeOperations,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<Response<Scheme>, Error> {
        let invalid = path_id("schemeId", scheme_id).err();
        let exchange = self.execute(Operation::new(kind.get, &[scheme_id], None, invalid), options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn create_scheme(
        &self,
        kind: &SchemeOperations,
        scheme: &NewScheme,
        options: &CallOptions,
    ) -> Result<Response<Scheme>, Error> {
        let mut v = Validator::default();
        v.scheme(scheme);
        let operation = Operation::new(kind.create, &[], Some(encode(scheme)?), v.finish().err());
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    async fn delete_scheme(
        &self,
        kind: &SchemeOperations,
        scheme_id: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = path_id("schemeId", scheme_id).err();
        Ok(self.execute(Operation::new(kind.delete, &[scheme_id], None, invalid), options).await?.meta)
    }

    async fn publish_scheme_draft(
        &self,
        kind: &SchemeOperations,
        scheme_id: &str,
        draft_id: &str,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        let invalid = path_id("schemeId", scheme_id).and_then(|()| path_id("draftId", draft_id)).err();
        let operation = Operation::new(kind.publish, &[scheme_id, draft_id], None, invalid);
        Ok(self.execute(operation, options).await?.meta)
    }
}
