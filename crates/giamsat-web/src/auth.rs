//! Who is asking, decided once for every request before any handler runs: the API token in
//! `Authorization: Bearer`, or the session cookie of a signed-in browser. Nothing but the
//! sign-in page, the assets, `/healthz`, `/readyz` and the API description answers anyone
//! else.
//!
//! A browser sends its cookie with every request, including those another site makes it
//! send; so a state-changing request that relies on the cookie must also carry the session's
//! CSRF token (a form's `csrf` field or an `X-CSRF-Token` header) and must not come from
//! another origin. A request with an API token needs neither: no browser adds one by itself.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use giamsat_app::{SignedIn, Store};

use crate::error::{ApiError, PageError};
use crate::state::AppState;

/// The session cookie.
pub const SESSION_COOKIE: &str = "giamsat_session";
/// The sign-in form's own token (double submit): the form has no session yet to hold one.
pub const LOGIN_COOKIE: &str = "giamsat_login";
/// The header a script sends the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The largest form body read to find its CSRF token.
const FORM_LIMIT: usize = 2 * 1024 * 1024;
/// The largest multipart form (a progress report with an evidence file).
pub const MULTIPART_LIMIT: usize = giamsat_app::follow_up::MAX_EVIDENCE_BYTES + 256 * 1024;

/// One part of a multipart form: a field, or a file with its name.
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: Bytes,
}

/// The parts of a `multipart/form-data` body, or why it cannot be read.
pub async fn multipart_parts(content_type: &str, body: Bytes) -> Result<Vec<Part>, String> {
    let boundary = multer::parse_boundary(content_type).map_err(|e| e.to_string())?;
    let stream =
        futures_util::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut parts = Vec::new();
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.map_err(|e| e.to_string())?;
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}

/// The signed-in account of a request, put there by [`authenticate`].
#[derive(Clone, Debug)]
pub struct Principal(pub Arc<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Principal, ApiError> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .ok_or(ApiError::Unauthenticated)
    }
}

/// Paths anyone may read.
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/login" | "/healthz" | "/readyz" | "/api/v1/openapi.json"
    ) || path.starts_with("/assets/")
}

/// The value of a cookie.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

/// Equality that takes as long for any two strings of one length, so that a token cannot be
/// found a character at a time by timing the answers.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The address a request came from, as failed sign-ins are counted: the TCP peer, or behind
/// a trusted proxy the client it forwards for ([`crate::proxies`]).
pub fn client_address<S: Store>(
    state: &AppState<S>,
    request_extensions: &axum::http::Extensions,
    headers: &HeaderMap,
) -> IpAddr {
    let peer = request_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    state.trusted_proxies.client(peer, headers)
}

/// Whether cookies should be marked Secure: the request came over TLS (terminated by a proxy
/// that says so). giamsat itself serves plain HTTP, meant for 127.0.0.1 behind such a proxy.
pub fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
}

/// A Set-Cookie value for our cookies: never readable by scripts, never sent by other sites'
/// sub-requests, Secure over TLS. `max_age` 0 deletes it.
pub fn set_cookie(name: &str, value: &str, path: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let same_site = if name == LOGIN_COOKIE {
        "Strict"
    } else {
        "Lax"
    };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// How many things are due for who is asking, counted for the navigation of pages.
#[derive(Debug, Clone, Copy)]
pub struct InboxCount(pub usize);

/// The middleware: finds who is asking, refuses the unknown, checks CSRF on writes.
pub async fn authenticate<S: Store>(
    State(state): State<AppState<S>>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if is_public(&path) {
        return next.run(request).await;
    }
    // On a store shared with other processes, what they committed is applied before this
    // request reads the engine, so a write through any process shows in the next read.
    // `/metrics` is read by programs, which are answered like the API's.
    let is_api = path.starts_with("/api/") || path == "/metrics";
    // A refusal in the shape of the surface asked: JSON for the API, a page for a browser.
    let refuse = |api: ApiError, page: PageError| {
        if is_api {
            api.into_response()
        } else {
            page.into_response()
        }
    };
    if let Err(e) = state.app.catch_up().await {
        return app_refusal(e, is_api);
    }
    let headers = request.headers();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    let who = if let Some(secret) = bearer {
        match state.app.api_token(&secret).await {
            Ok(Some(who)) => who,
            Ok(None) => return refuse(ApiError::Unauthenticated, PageError::Unauthenticated),
            Err(e) => return app_refusal(e, is_api),
        }
    } else {
        let found = match cookie(headers, SESSION_COOKIE) {
            Some(value) => state.app.session(value).await,
            None => Ok(None),
        };
        let who = match found {
            Ok(Some(who)) => who,
            Ok(None) => return sign_in_first(&request, is_api),
            Err(e) => return app_refusal(e, is_api),
        };
        if !is_safe(request.method()) {
            match check_csrf(request, who.csrf.as_deref()).await {
                Ok(r) => request = r,
                Err(problem) => {
                    tracing::warn!(%path, username = %who.username, problem = problem.english(), "CSRF check failed");
                    let mut response = refuse(
                        ApiError::Forbidden(format!(
                            "{}: reload the page and send the form again",
                            problem.english()
                        )),
                        PageError::Csrf {
                            reason: problem.message_id(),
                        },
                    );
                    // Still signed in: the page says so, and offers the form again.
                    response.extensions_mut().insert(Principal(Arc::new(who)));
                    return response;
                }
            }
        }
        who
    };
    if !is_api && is_safe(request.method()) {
        let count = state.app.inbox(&who.actor, crate::state::today()).len();
        request.extensions_mut().insert(InboxCount(count));
    }
    let principal = Principal(Arc::new(who));
    request.extensions_mut().insert(principal.clone());
    let mut response = next.run(request).await;
    // The page layer outside draws error pages with the reader's header.
    response.extensions_mut().insert(principal);
    response
}

/// A use case's failure while deciding who is asking, in the surface's shape.
fn app_refusal(error: giamsat_app::AppError, is_api: bool) -> Response {
    if is_api {
        ApiError::from(error).into_response()
    } else {
        PageError::from(error).into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Pages send the reader to the sign-in form and back; the API answers 401.
fn sign_in_first(request: &Request, is_api: bool) -> Response {
    if is_api {
        return ApiError::Unauthenticated.into_response();
    }
    if !is_safe(request.method()) {
        return PageError::Unauthenticated.into_response();
    }
    let back = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    // The language asked for in the address is the sign-in page's too.
    let lang = request
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .and_then(|l| l.parse::<giamsat_core::text::Language>().ok());
    let mut query = vec![("next", back)];
    if let Some(lang) = lang {
        query.insert(0, ("lang", lang.code().to_owned()));
    }
    let query: String = serde_urlencoded::to_string(query).unwrap_or_default();
    Redirect::to(&format!("/login?{query}")).into_response()
}

/// Why a cookie-authenticated write was refused.
#[derive(Debug, Clone, Copy)]
enum CsrfProblem {
    NoSessionToken,
    OtherSite,
    Wrong,
    Missing,
    TooLarge,
}

impl CsrfProblem {
    /// For the API's message and the log.
    fn english(self) -> &'static str {
        match self {
            CsrfProblem::NoSessionToken => "this session has no CSRF token",
            CsrfProblem::OtherSite => "the request came from another site",
            CsrfProblem::Wrong => "the CSRF token is wrong",
            CsrfProblem::Missing => "the CSRF token is missing",
            CsrfProblem::TooLarge => "the form is too large",
        }
    }

    /// For the page: what happened and what to do, in the reader's words.
    fn message_id(self) -> &'static str {
        match self {
            CsrfProblem::OtherSite => "error-csrf-other-site",
            CsrfProblem::TooLarge => "error-too-large",
            CsrfProblem::NoSessionToken | CsrfProblem::Wrong | CsrfProblem::Missing => "error-csrf",
        }
    }
}

/// Checks a cookie-authenticated write: same origin, and the session's token in the
/// `X-CSRF-Token` header or the form's `csrf` field. Returns the request (its body read and
/// put back) or why it was refused.
async fn check_csrf(request: Request, expected: Option<&str>) -> Result<Request, CsrfProblem> {
    let Some(expected) = expected else {
        return Err(CsrfProblem::NoSessionToken);
    };
    if !same_origin(request.headers()) {
        return Err(CsrfProblem::OtherSite);
    }
    if let Some(sent) = request.headers().get(CSRF_HEADER) {
        let ok = sent.to_str().is_ok_and(|s| same_secret(s, expected));
        return if ok {
            Ok(request)
        } else {
            Err(CsrfProblem::Wrong)
        };
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if content_type.starts_with("multipart/form-data") {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, MULTIPART_LIMIT).await else {
            return Err(CsrfProblem::TooLarge);
        };
        let sent = multipart_parts(&content_type, bytes.clone())
            .await
            .ok()
            .and_then(|fields| fields.into_iter().find(|p| p.name == "csrf"))
            .map(|p| String::from_utf8_lossy(&p.bytes).into_owned());
        return match sent {
            Some(sent) if same_secret(&sent, expected) => {
                Ok(Request::from_parts(parts, Body::from(bytes)))
            }
            Some(_) => Err(CsrfProblem::Wrong),
            None => Err(CsrfProblem::Missing),
        };
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(CsrfProblem::Missing);
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return Err(CsrfProblem::TooLarge);
    };
    let sent = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
    match sent {
        Some(sent) if same_secret(&sent, expected) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        Some(_) => Err(CsrfProblem::Wrong),
        None => Err(CsrfProblem::Missing),
    }
}

/// Whether the request says it comes from this site: `Sec-Fetch-Site` and `Origin`, when the
/// browser sends them, must not name another.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site")
        && !matches!(site.as_bytes(), b"same-origin" | b"none")
    {
        return false;
    }
    match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        (Some(origin), Some(host)) => {
            let origin = origin.to_str().unwrap_or("");
            let host = host.to_str().unwrap_or("");
            origin
                .split_once("://")
                .is_some_and(|(_, authority)| authority == host)
        }
        // "null" origins and the like without a Host to compare with are refused.
        (Some(_), None) => false,
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_multipart_form_is_read_into_its_parts() {
        let body = "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--B--\r\n";
        let parts = multipart_parts("multipart/form-data; boundary=B", Bytes::from(body))
            .await
            .expect("parts");
        assert_eq!(parts.len(), 2);
        assert_eq!(
            (parts[0].name.as_str(), parts[0].bytes.as_ref()),
            ("csrf", b"abc".as_slice())
        );
        assert_eq!(parts[1].file_name.as_deref(), Some("a.pdf"));
        assert!(
            multipart_parts("multipart/form-data", Bytes::from(body))
                .await
                .is_err()
        );
    }
}
