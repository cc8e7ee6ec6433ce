//! Accounts, for administrators (`/admin/accounts`): the accounts within their scope with
//! their roles, a new account, a role granted over a unit chosen by its name, an account
//! disabled or enabled, a new password. A generated password is shown once, on the page that
//! answers the form, and kept nowhere.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::inbox::{DEFAULT_LANGUAGE, check_email};
use giamsat_core::access::{Grant, Role};
use giamsat_core::{Engine, Language, UnitId};
use serde::Deserialize;

use super::forms::{UnitChoice, failure, see_other, unit_choices};
use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

pub struct AccountRow {
    username: String,
    display_name: String,
    grants: Vec<String>,
    disabled: bool,
    email: String,
    language: &'static str,
}

#[derive(Template)]
#[template(path = "accounts.html")]
pub struct AccountsPage<'a> {
    page: Layout<'a>,
    rows: Vec<AccountRow>,
    roles: Vec<(&'static str, String)>,
    languages: Vec<(&'static str, String)>,
    choices: Vec<UnitChoice>,
    /// A password just made, shown once: whose, and the password.
    password: Option<(String, String)>,
    errors: HashMap<String, String>,
    typed: NewAccountForm,
}

/// A grant in words: "Văn phòng · Tỉnh Nghệ An".
fn grant_label(engine: &Engine, tr: Tr<'_>, grant: &Grant) -> String {
    let scope = grant.scope.map_or_else(
        || tr.t("accounts-whole-tree"),
        |u| {
            engine
                .unit(u)
                .map_or_else(|| u.to_string(), |x| x.name.get(tr.lang).to_owned())
        },
    );
    format!(
        "{} · {scope}",
        tr.t(&format!("role-{}", grant.role.as_str()))
    )
}

/// The units an administrator may grant over, by name: those within its admin scope.
fn grantable(engine: &Engine, tr: Tr<'_>, reader: &Reader) -> Vec<UnitChoice> {
    let admin: Vec<Grant> = reader
        .who
        .as_ref()
        .and_then(|w| w.actor.grants.clone())
        .map(|g| g.into_iter().filter(|g| g.role == Role::Admin).collect())
        .unwrap_or_else(|| vec![Grant::everywhere(Role::Admin)]);
    unit_choices(engine, tr)
        .into_iter()
        .filter(|c| admin.iter().any(|g| g.covers(engine, c.unit)))
        .collect()
}

struct Answer {
    status: StatusCode,
    password: Option<(String, String)>,
    errors: HashMap<String, String>,
    typed: NewAccountForm,
}

impl Answer {
    fn ok() -> Answer {
        Answer {
            status: StatusCode::OK,
            password: None,
            errors: HashMap::new(),
            typed: NewAccountForm::default(),
        }
    }
}

async fn accounts_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    who: &Principal,
    answer: Answer,
) -> Result<Response, PageError> {
    let accounts = state.app.accounts(&who.0.actor).await?;
    let contacts = state.app.contacts().await?;
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/admin/accounts",
        state.i18n.t(reader.lang, "accounts-title"),
    );
    let tr = layout.tr;
    let page = AccountsPage {
        rows: accounts
            .iter()
            .map(|a| AccountRow {
                username: a.username.clone(),
                display_name: a.display_name.clone(),
                grants: a
                    .grants
                    .iter()
                    .map(|g| grant_label(&engine, tr, g))
                    .collect(),
                disabled: a.disabled,
                email: contacts
                    .get(&a.id)
                    .and_then(|c| c.email.clone())
                    .unwrap_or_default(),
                language: contacts
                    .get(&a.id)
                    .and_then(|c| c.language.parse::<Language>().ok())
                    .unwrap_or(DEFAULT_LANGUAGE)
                    .code(),
            })
            .collect(),
        languages: Language::ALL
            .iter()
            .map(|l| (l.code(), tr.i18n.t(*l, "language-name")))
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str(), tr.t(&format!("role-{}", r.as_str()))))
            .collect(),
        choices: grantable(&engine, tr, reader),
        password: answer.password,
        errors: answer.errors,
        typed: answer.typed,
        page: layout,
    };
    Ok(respond(reader, answer.status, page.render()))
}

pub async fn accounts<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
) -> Result<Response, PageError> {
    accounts_page(&state, &reader, &who, Answer::ok()).await
}

#[derive(Deserialize, Default)]
pub struct NewAccountForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    /// The unit's code, as the list of names gives it.
    #[serde(default)]
    scope: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    language: String,
}

pub async fn create_account<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<NewAccountForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let scope = Some(form.scope.trim().to_owned()).filter(|s| !s.is_empty());
    let grants = [(form.role.clone(), scope)];
    // A bad address refuses the whole form before the account is made.
    if let Err(problem) = check_email(&form.email) {
        let errors = HashMap::from([(
            "email".to_owned(),
            tr.field_problem(&giamsat_app::FieldError::new("email", problem)),
        )]);
        let answer = Answer {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            typed: form,
            ..Answer::ok()
        };
        return accounts_page(&state, &reader, &who, answer).await;
    }
    let made = state
        .app
        .add_account(&who.0.actor, &form.username, &form.display_name, &grants)
        .await;
    let made = match made {
        Ok((account, password)) if !form.email.trim().is_empty() => state
            .app
            .set_contact(&who.0.actor, &account.username, &form.email, &form.language)
            .await
            .map(|()| (account, password)),
        other => other,
    };
    let answer = match made {
        Ok((account, password)) => Answer {
            password: Some((account.username, password)),
            ..Answer::ok()
        },
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            Answer {
                status,
                errors,
                typed: form,
                ..Answer::ok()
            }
        }
    };
    accounts_page(&state, &reader, &who, answer).await
}

#[derive(Deserialize, Default)]
pub struct GrantForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    scope: String,
}

pub async fn grant<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(username): Path<String>,
    Form(form): Form<GrantForm>,
) -> Result<Response, PageError> {
    let unit: Option<UnitId> = {
        let engine = state.app.engine();
        match form.scope.trim() {
            "" => None,
            code => match super::unit_by_code(&engine, code) {
                Some(u) => Some(u.id),
                None => return Err(PageError::not_found("not-found-unit", code)),
            },
        }
    };
    let result = state
        .app
        .grant_role(&who.0.actor, &username, &form.role, unit)
        .await
        .map(|_| ());
    after(&state, &reader, &who, username, result).await
}

#[derive(Deserialize, Default)]
pub struct ContactForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    language: String,
}

/// Where an account's daily digest goes, and in which language.
pub async fn contact<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(username): Path<String>,
    Form(form): Form<ContactForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .set_contact(&who.0.actor, &username, &form.email, &form.language)
        .await;
    after(&state, &reader, &who, username, result).await
}

#[derive(Deserialize, Default)]
pub struct DisableForm {
    #[serde(default)]
    disabled: String,
}

pub async fn disable<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(username): Path<String>,
    Form(form): Form<DisableForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .set_account_disabled(&who.0.actor, &username, form.disabled == "1")
        .await
        .map(|_| ());
    after(&state, &reader, &who, username, result).await
}

pub async fn new_password<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(username): Path<String>,
) -> Result<Response, PageError> {
    match state.app.reset_password(&who.0.actor, &username).await {
        Ok(password) => {
            let answer = Answer {
                password: Some((username, password)),
                ..Answer::ok()
            };
            accounts_page(&state, &reader, &who, answer).await
        }
        Err(e) => after(&state, &reader, &who, username, Err(e)).await,
    }
}

/// Back to the list after a change, or the list with the refusal beside the account.
async fn after<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    who: &Principal,
    username: String,
    result: Result<(), giamsat_app::AppError>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    match result {
        Ok(()) => Ok(see_other(format!(
            "/admin/accounts#account-{}",
            username.to_ascii_lowercase()
        ))),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            let message = errors.values().cloned().collect::<Vec<_>>().join("; ");
            let answer = Answer {
                status,
                errors: HashMap::from([(
                    "account".to_owned(),
                    tr.t_args(
                        "accounts-refused",
                        &[
                            ("username", Arg::Text(username.clone())),
                            ("reason", Arg::Text(message)),
                        ],
                    ),
                )]),
                ..Answer::ok()
            };
            accounts_page(state, reader, who, answer).await
        }
    }
}
