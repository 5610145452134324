//! The native client's operations, one method each, generated from the core's declaration
//! (`imburse::for_each_operation!`). A method takes `asynchronous` first: `False` waits for the
//! call (the GIL released) and returns its result, `True` returns an asyncio awaitable of it;
//! then the operation's arguments, then the call's options (correlation id, tenant, limits).

// The argument types the generated methods take (the core reads the package's dicts into its
// request models).
use imburse::models::*;
use imburse::operations::IntoCore;
use imburse::{Response, ResponseMeta};
use pyo3::prelude::*;

use crate::awaitable;
use crate::client::{Call, NativeClient, blocking, call, options};
use crate::convert::Deferred;

/// A core result as the package receives it: dicts built once the GIL is held.
pub trait IntoDeferred {
    fn into_deferred(self) -> Deferred;
}

impl IntoDeferred for () {
    fn into_deferred(self) -> Deferred {
        Deferred::none()
    }
}

impl IntoDeferred for ResponseMeta {
    fn into_deferred(self) -> Deferred {
        Deferred::meta(self)
    }
}

impl<T> IntoDeferred for Response<T>
where
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    fn into_deferred(self) -> Deferred {
        Deferred::response(self)
    }
}

macro_rules! operation_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
        = $call:ident ($($pass:expr),*);)*) => {
        #[pymethods]
        impl NativeClient {
            $(
                $(#[$doc])*
                // The call's tenant is `call_tenant_id` here: `tenant_id` may be an operation's own
                // argument (the tenant an account key manages).
                #[pyo3(signature = (asynchronous, $($arg,)* correlation_id, call_tenant_id, timeout, attempt_timeout, max_attempts))]
                #[allow(clippy::too_many_arguments)]
                fn $name<'py>(
                    &self,
                    py: Python<'py>,
                    asynchronous: bool,
                    $($arg: $ty,)*
                    correlation_id: Option<String>,
                    call_tenant_id: Option<String>,
                    timeout: Option<f64>,
                    attempt_timeout: Option<f64>,
                    max_attempts: Option<i64>,
                ) -> PyResult<Bound<'py, PyAny>> {
                    $(let $arg = IntoCore::into_core($arg);)*
                    let options = options(correlation_id, call_tenant_id, timeout, attempt_timeout, max_attempts);
                    let client = self.core()?;
                    let future: Call = call(async move {
                        client.$call($($pass,)* &options).await.map(IntoDeferred::into_deferred)
                    });
                    if asynchronous {
                        awaitable::awaitable(py, future?)
                    } else {
                        Ok(blocking(py, future?)?.into_bound(py))
                    }
                }
            )*
        }
    };
}

imburse::for_each_operation!(operation_methods);

/// The next page of one paged list, its future boxed: the pager's type erased, so one Python
/// class serves every list.
type NextPage = Box<dyn Fn() -> Call + Send + Sync>;

/// A paged list's pager behind `imburse.Pager` and `imburse.AsyncPager`: `next_page` reads the
/// next page (`None` after the last), waiting (`asynchronous=False`, the GIL released) or as an
/// asyncio awaitable. Nothing is sent until a page is asked for.
#[pyclass(frozen, module = "imburse._native")]
pub struct NativePager {
    next: NextPage,
}

#[pymethods]
impl NativePager {
    /// The next page as `{"data": …, "meta": …}`, or `None` after the last; a failed page is
    /// asked for again by the next call.
    fn next_page<'py>(&self, py: Python<'py>, asynchronous: bool) -> PyResult<Bound<'py, PyAny>> {
        let future = (self.next)()?;
        if asynchronous { awaitable::awaitable(py, future) } else { Ok(blocking(py, future)?.into_bound(py)) }
    }
}

macro_rules! paged_list_methods {
    ($($(#[$doc:meta])* $name:ident -> $item:ident in $page:ident as $pager:ident / $blocking:ident, $response:ident;)*) => {
        #[pymethods]
        impl NativeClient {
            $(
                $(#[$doc])*
                #[pyo3(signature = (page_size, correlation_id, call_tenant_id, timeout, attempt_timeout, max_attempts))]
                #[allow(clippy::too_many_arguments)]
                fn $name(
                    &self,
                    page_size: Option<i64>,
                    correlation_id: Option<String>,
                    call_tenant_id: Option<String>,
                    timeout: Option<f64>,
                    attempt_timeout: Option<f64>,
                    max_attempts: Option<i64>,
                ) -> PyResult<NativePager> {
                    let options = options(correlation_id, call_tenant_id, timeout, attempt_timeout, max_attempts);
                    let pager = self.core()?.$name(page_size, &options);
                    Ok(NativePager {
                        next: Box::new(move || {
                            let pager = pager.clone();
                            call(async move {
                                Ok(match pager.next_page().await? {
                                    Some(page) => page.into_deferred(),
                                    None => Deferred::none(),
                                })
                            })
                        }),
                    })
                }
            )*
        }
    };
}

imburse::for_each_paged_list!(paged_list_methods);
