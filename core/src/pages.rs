//! Paged lists (reference §1: `from` and `take` 1–1000, answered as `{currentPage, pageCount,
//! pageSize, rowCount, totalCount, results}`): one page on request, and a [`Pager`] that walks
//! every page lazily, reading the next only when asked. Each page is one call, retried like any
//! read and refused before sending when the page size is out of range; every page of one walk
//! carries the same correlation id (the caller's, or one made for the walk), so the server's
//! log shows the walk as one.
//!
//! `from` is read as the first row of the page (0-based), as its name and default (0) say; the
//! reference does not say whether it counts rows or pages. This module is the one place that
//! reading lives.

use std::sync::Arc;

use crate::client::{CallOptions, Client, Operation, Response, decode};
use crate::error::Error;
use crate::models::Page;
use crate::operations::OperationSpec;
use crate::validation::Validator;

/// The largest page the API serves (`take`).
pub const MAX_PAGE_SIZE: i64 = 1000;

/// The query of one page, or why it cannot be asked for.
fn page_query(offset: Option<i64>, page_size: Option<i64>) -> Result<Vec<(&'static str, String)>, Error> {
    let mut v = Validator::default();
    v.page(offset, page_size);
    v.finish()?;
    let mut query = Vec::new();
    if let Some(from) = offset {
        query.push(("from", from.to_string()));
    }
    if let Some(take) = page_size {
        query.push(("take", take.to_string()));
    }
    Ok(query)
}

impl Client {
    /// Reads one page of a paged list.
    pub(crate) async fn read_page<P: Page>(
        &self,
        spec: &'static OperationSpec,
        offset: Option<i64>,
        page_size: Option<i64>,
        options: &CallOptions,
    ) -> Result<Response<P>, Error> {
        let (query, invalid) = match page_query(offset, page_size) {
            Ok(query) => (query, None),
            Err(problem) => (Vec::new(), Some(problem)),
        };
        let operation = Operation::new(spec, &[], None, invalid).with_query(query);
        let exchange = self.execute(operation, options).await?;
        Ok(Response { data: decode(&exchange)?, meta: exchange.meta })
    }

    /// A pager over `spec`'s list; nothing is sent until its first page is asked for.
    pub(crate) fn pager<P: Page>(
        &self,
        spec: &'static OperationSpec,
        page_size: Option<i64>,
        options: &CallOptions,
    ) -> Pager<P> {
        let correlation_id = options.correlation_id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        Pager {
            client: self.clone(),
            spec,
            page_size,
            options: CallOptions { correlation_id: Some(correlation_id), ..options.clone() },
            cursor: Arc::new(tokio::sync::Mutex::new(Cursor { offset: 0, finished: false })),
            page: std::marker::PhantomData,
        }
    }
}

/// Where a pager stands: the next page's first row, or the end.
struct Cursor {
    offset: i64,
    finished: bool,
}

/// Walks a paged list one page at a time, in order, each page read only when asked for
/// ([`Pager::next_page`]) or when the items run out ([`Pager::into_items`]). It stops after
/// the last page: the first that is empty or reaches the list's `totalCount`. A page that fails
/// is not skipped: its error is returned, and the next call asks for the same page again.
///
/// Clones share one position, so a pager handed to another task goes on where it stood.
pub struct Pager<P: Page> {
    client: Client,
    spec: &'static OperationSpec,
    page_size: Option<i64>,
    options: CallOptions,
    cursor: Arc<tokio::sync::Mutex<Cursor>>,
    page: std::marker::PhantomData<fn() -> P>,
}

impl<P: Page> Clone for Pager<P> {
    fn clone(&self) -> Self {
        Pager {
            client: self.client.clone(),
            spec: self.spec,
            page_size: self.page_size,
            options: self.options.clone(),
            cursor: Arc::clone(&self.cursor),
            page: std::marker::PhantomData,
        }
    }
}

impl<P: Page> std::fmt::Debug for Pager<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager").field("operation", &self.spec.name).field("page_size", &self.page_size).finish()
    }
}

impl<P: Page> Pager<P> {
    /// The next page with how its call went, or `None` once the last page has been read.
    /// Concurrent calls take turns, so no page is read twice or skipped.
    pub async fn next_page(&self) -> Result<Option<Response<P>>, Error> {
        let mut cursor = self.cursor.lock().await;
        if cursor.finished {
            return Ok(None);
        }
        let page: Response<P> =
            self.client.read_page(self.spec, Some(cursor.offset), self.page_size, &self.options).await?;
        let rows = page.data.rows() as i64;
        cursor.offset += rows;
        cursor.finished = rows == 0 || cursor.offset >= page.data.total_count();
        Ok(Some(page))
    }

    /// Every item of every page that is left, as a stream: the next page is read when the
    /// previous one's items are used up. An error ends the stream after it is yielded.
    pub fn into_items(self) -> impl futures_util::Stream<Item = Result<P::Item, Error>> + Send + 'static {
        let state = (self, Vec::<P::Item>::new().into_iter(), false);
        futures_util::stream::unfold(state, |(pager, mut items, failed)| async move {
            if failed {
                return None;
            }
            loop {
                if let Some(item) = items.next() {
                    return Some((Ok(item), (pager, items, false)));
                }
                match pager.next_page().await {
                    Ok(Some(page)) => items = page.data.into_results().into_iter(),
                    Ok(None) => return None,
                    Err(error) => return Some((Err(error), (pager, items, true))),
                }
            }
        })
    }
}
