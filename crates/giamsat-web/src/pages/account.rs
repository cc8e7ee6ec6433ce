//! Signing in and out, and the signed-in account: its grants and its API tokens.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use giamsat_app::{AppError, SignedIn, Store};
use giamsat_core::access::Grant;
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::{
    LOGIN_COOKIE, Principal, SESSION_COOKIE, client_address, cookie, over_tls, same_secret,
    set_cookie,
};
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage<'a> {
    page: Layout<'a>,
    csrf: String,
    next: String,
    username: String,
    error: Option<String>,
}

/// Where to go after signing in: only a path of this site, never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The page a user lands on after signing in: the unit of their first grant over one unit
/// (a province's office lands on its province), else the overview.
fn home_of<S: Store>(state: &AppState<S>, who: &giamsat_app::SignedIn) -> String {
    let engine = state.app.engine();
    who.actor
        .grants
        .iter()
        .flatten()
        .find_map(|g| g.scope.and_then(|u| engine.unit(u)))
        .map_or_else(|| "/".to_owned(), |u| format!("/units/{}", u.code))
}

/// Renders the sign-in form with a fresh form token in a cookie of its own (double submit).
fn login_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    headers: &HeaderMap,
    status: StatusCode,
    next: &str,
    username: &str,
    error: Option<String>,
) -> Result<Response, PageError> {
    let csrf = giamsat_app::accounts::random_secret(32)?;
    let page = LoginPage {
        page: Layout::new(
            &state.i18n,
            reader,
            "",
            state.i18n.t(reader.lang, "sign-in-title"),
        ),
        csrf: csrf.clone(),
        next: next.to_owned(),
        username: username.to_owned(),
        error,
    };
    let mut response = respond(reader, status, page.render());
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_COOKIE, &csrf, "/login", 3600, over_tls(headers)),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

pub async fn login_form<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<LoginQuery>,
) -> Result<Response, PageError> {
    let next = safe_next(query.next.as_deref());
    login_page(&state, &reader, &headers, StatusCode::OK, &next, "", None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    next: Option<String>,
}

pub async fn login_submit<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    headers: HeaderMap,
    request_extensions: axum::http::Extensions,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let next = safe_next(form.next.as_deref());
    let again = |status, message: String| {
        login_page(
            &state,
            &reader,
            &headers,
            status,
            &next,
            &form.username,
            Some(message),
        )
    };
    // The form must come from our own sign-in page: its token matches its cookie.
    let token_ok = cookie(&headers, LOGIN_COOKIE).is_some_and(|c| same_secret(c, &form.csrf));
    if !token_ok || !crate::auth::same_origin(&headers) {
        return again(StatusCode::FORBIDDEN, tr.t("sign-in-error-form"));
    }
    let replaces = cookie(&headers, SESSION_COOKIE);
    let address = client_address(&state, &request_extensions, &headers);
    match state
        .app
        .sign_in(&form.username, &form.password, address, replaces)
        .await
    {
        Ok((session, who)) => {
            let secure = over_tls(&headers);
            // Asked for no page in particular, a user lands on their own unit.
            let next = if next == "/" {
                home_of(&state, &who)
            } else {
                next
            };
            let mut response = Redirect::to(&next).into_response();
            let cookies = response.headers_mut();
            let lifetime = giamsat_app::accounts::SESSION_LIFETIME.whole_seconds();
            cookies.append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &session, "/", lifetime, secure),
            );
            cookies.append(
                header::SET_COOKIE,
                set_cookie(LOGIN_COOKIE, "", "/login", 0, secure),
            );
            Ok(response)
        }
        Err(AppError::SignInRefused) => again(StatusCode::UNAUTHORIZED, tr.t("sign-in-error")),
        Err(AppError::Throttled { seconds }) => {
            let mut response = again(StatusCode::TOO_MANY_REQUESTS, tr.throttled(seconds))?;
            if let Ok(value) = seconds.to_string().parse() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Ok(response)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn logout<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if let Some(session) = cookie(&headers, SESSION_COOKIE) {
        state.app.sign_out(session, &who.0).await?;
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", "/", 0, over_tls(&headers)),
    );
    Ok(response)
}

pub struct GrantRow {
    role: String,
    scope: String,
}

pub struct TokenRow {
    id: i64,
    name: String,
    created: String,
    last_used: String,
    revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage<'a> {
    page: Layout<'a>,
    username: String,
    grants: Vec<GrantRow>,
    tokens: Vec<TokenRow>,
    /// A token just created: shown this once.
    new_token: Option<String>,
    name_error: Option<String>,
    token_password_error: Option<String>,
    current_error: Option<String>,
    new_error: Option<String>,
    confirm_error: Option<String>,
    notice: Option<String>,
}

/// What a form on the account page just did, for the page to say.
#[derive(Default)]
struct Outcome {
    new_token: Option<String>,
    name_error: Option<String>,
    token_password_error: Option<String>,
    current_error: Option<String>,
    new_error: Option<String>,
    confirm_error: Option<String>,
    notice: Option<String>,
    /// Held back after failed passwords: answered 429 with this `Retry-After`.
    retry_after: Option<u64>,
}

fn grant_row(engine: &giamsat_core::Engine, tr: Tr<'_>, grant: &Grant) -> GrantRow {
    GrantRow {
        role: tr.t(&format!("role-{}", grant.role.as_str())),
        scope: match grant.scope.and_then(|u| engine.unit(u)) {
            Some(unit) => format!("{} ({})", unit.name.get(tr.lang), unit.code),
            None => tr.t("scope-whole-tree"),
        },
    }
}

async fn account_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    who: &SignedIn,
    outcome: Outcome,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let tokens = state.app.api_tokens(who).await?;
    let when = |at: time::OffsetDateTime| {
        let local = super::in_vietnam(at);
        format!(
            "{} {:02}:{:02}",
            tr.date(local.date()),
            local.hour(),
            local.minute()
        )
    };
    let grants = {
        let engine = state.app.engine();
        who.actor
            .grants
            .iter()
            .flatten()
            .map(|g| grant_row(&engine, tr, g))
            .collect()
    };
    let page = AccountPage {
        page: Layout::new(
            &state.i18n,
            reader,
            "",
            state.i18n.t(reader.lang, "account-title"),
        ),
        username: who.username.clone(),
        grants,
        tokens: tokens
            .into_iter()
            .map(|t| TokenRow {
                id: t.id,
                name: t.name,
                created: when(t.created_at),
                last_used: t.last_used_at.map_or_else(|| "—".to_owned(), when),
                revoked: t.revoked_at.map(when),
            })
            .collect(),
        new_token: outcome.new_token,
        name_error: outcome.name_error,
        token_password_error: outcome.token_password_error,
        current_error: outcome.current_error,
        new_error: outcome.new_error,
        confirm_error: outcome.confirm_error,
        notice: outcome.notice,
    };
    let failed = [
        &page.name_error,
        &page.token_password_error,
        &page.current_error,
        &page.new_error,
        &page.confirm_error,
    ];
    let status = if outcome.retry_after.is_some() {
        StatusCode::TOO_MANY_REQUESTS
    } else if failed.iter().any(|e| e.is_some()) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = respond(reader, status, page.render());
    if let Some(value) = outcome
        .retry_after
        .and_then(|s| header::HeaderValue::from_str(&s.to_string()).ok())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

pub async fn account<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
) -> Result<Response, PageError> {
    account_page(&state, &reader, &who.0, Outcome::default()).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    /// The account's password, asked again.
    #[serde(default)]
    password: String,
}

/// Creates a token, given the password again, and shows it on the answer itself, once: it is
/// in no address and no redirect, and the store keeps only its hash. A request made with an
/// API token is refused (403).
pub async fn create_token<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    headers: HeaderMap,
    request_extensions: axum::http::Extensions,
    Form(form): Form<TokenForm>,
) -> Result<Response, PageError> {
    let address = client_address(&state, &request_extensions, &headers);
    match state
        .app
        .create_api_token(&who.0, &form.name, &form.password, address)
        .await
    {
        Ok((_, secret)) => {
            let outcome = Outcome {
                new_token: Some(secret),
                ..Outcome::default()
            };
            let mut response = account_page(&state, &reader, &who.0, outcome).await?;
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            Ok(response)
        }
        Err(AppError::Invalid(problems)) => {
            let mut outcome = Outcome::default();
            for problem in problems {
                if problem.field == "password" {
                    outcome.token_password_error =
                        Some(state.i18n.t(reader.lang, "token-password-error"));
                } else {
                    outcome.name_error = Some(state.i18n.t(reader.lang, "token-name-error"));
                }
            }
            account_page(&state, &reader, &who.0, outcome).await
        }
        Err(AppError::Throttled { seconds }) => {
            let tr = Tr {
                i18n: &state.i18n,
                lang: reader.lang,
            };
            let outcome = Outcome {
                token_password_error: Some(tr.throttled(seconds)),
                retry_after: Some(seconds),
                ..Outcome::default()
            };
            account_page(&state, &reader, &who.0, outcome).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke_token<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    state.app.revoke_api_token(&who.0, id).await?;
    Ok(Redirect::to("/account").into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// Changes the reader's password. Every session of the account ends; this browser gets a new
/// one.
pub async fn change_password<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    headers: HeaderMap,
    request_extensions: axum::http::Extensions,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    if form.new != form.confirm {
        let outcome = Outcome {
            confirm_error: Some(tr.t("password-error-mismatch")),
            ..Outcome::default()
        };
        return account_page(&state, &reader, &who.0, outcome).await;
    }
    let address = client_address(&state, &request_extensions, &headers);
    match state
        .app
        .change_password(&who.0, &form.current, &form.new, address)
        .await
    {
        Ok((session, now)) => {
            let outcome = Outcome {
                notice: Some(tr.t("password-changed")),
                ..Outcome::default()
            };
            let mut response = account_page(&state, &reader, &now, outcome).await?;
            let lifetime = giamsat_app::accounts::SESSION_LIFETIME.whole_seconds();
            response.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &session, "/", lifetime, over_tls(&headers)),
            );
            Ok(response)
        }
        Err(AppError::Invalid(problems)) => {
            let mut outcome = Outcome::default();
            for problem in problems {
                if problem.field == "current" {
                    outcome.current_error = Some(tr.t("password-error-current"));
                } else {
                    outcome.new_error = Some(tr.t_args(
                        "password-error-new",
                        &[
                            (
                                "min",
                                Arg::Number(giamsat_app::accounts::MIN_PASSWORD as i64),
                            ),
                            (
                                "max",
                                Arg::Number(giamsat_app::accounts::MAX_PASSWORD as i64),
                            ),
                        ],
                    ));
                }
            }
            account_page(&state, &reader, &who.0, outcome).await
        }
        Err(AppError::Throttled { seconds }) => {
            let outcome = Outcome {
                current_error: Some(tr.throttled(seconds)),
                retry_after: Some(seconds),
                ..Outcome::default()
            };
            account_page(&state, &reader, &who.0, outcome).await
        }
        Err(other) => Err(other.into()),
    }
}
