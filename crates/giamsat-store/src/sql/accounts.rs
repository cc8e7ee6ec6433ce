//! Accounts, their grants, sign-in sessions and API tokens. Each change is one transaction
//! with its audit entry; secrets arrive already hashed, so nothing here can leak one.

use giamsat_core::UnitId;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::write::insert_audit;
use super::{Outcome, SqlStore, conflict_or_database, id_of, u32_id};
use crate::codec::{date_text, timestamp_parse, timestamp_text};
use crate::{
    Account, ApiToken, AuditEntry, Contact, NewAccount, NewApiToken, NewSession, Session,
    StoreError,
};

pub(super) async fn create_account(
    store: &SqlStore,
    account: &NewAccount,
    audit: &AuditEntry,
) -> Outcome<i64> {
    let mut tx = store.pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&account.username)
    .bind(&account.display_name)
    .bind(&account.password_hash)
    .bind(timestamp_text(audit.at))
    .bind(&audit.actor)
    .fetch_one(&mut *tx)
    .await
    .map_err(conflict_or_database)?;
    for grant in &account.grants {
        sqlx::query(
            "INSERT INTO account_grants (account_id, role, scope_unit) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(grant.role.as_str())
        .bind(grant.scope.map(|u| i64::from(u.0)))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or_database)?;
    }
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(id)
}

pub(super) async fn account(store: &SqlStore, username: &str) -> Outcome<Option<Account>> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM accounts WHERE lower(username) = lower($1)")
            .bind(username)
            .fetch_optional(&store.pool)
            .await?;
    match id {
        Some(id) => account_by_id(store, id).await,
        None => Ok(None),
    }
}

pub(super) async fn set_password(
    store: &SqlStore,
    username: &str,
    password_hash: &str,
    audit: &AuditEntry,
) -> Outcome<bool> {
    let mut tx = store.pool.begin().await?;
    let Some(id) = sqlx::query_scalar::<_, i64>(
        "UPDATE accounts SET password_hash = $1 WHERE lower(username) = lower($2) RETURNING id",
    )
    .bind(password_hash)
    .bind(username)
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(false);
    };
    // A new password ends every session opened with the old one, and every token made with
    // it: whoever changes a password because it leaked expects nothing made from it to last.
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL")
        .bind(timestamp_text(audit.at))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL",
    )
    .bind(timestamp_text(audit.at))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn start_session(
    store: &SqlStore,
    session: &NewSession,
    audit: &AuditEntry,
) -> Outcome<()> {
    let mut tx = store.pool.begin().await?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&session.token_hash)
    .bind(session.account_id)
    .bind(&session.csrf_token)
    .bind(timestamp_text(session.created_at))
    .bind(timestamp_text(session.created_at))
    .bind(timestamp_text(session.expires_at))
    .execute(&mut *tx)
    .await
    .map_err(conflict_or_database)?;
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn session(store: &SqlStore, token_hash: &str) -> Outcome<Option<Session>> {
    let Some(row) = sqlx::query(
        "SELECT id, account_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1 AND ended_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(&store.pool)
    .await?
    else {
        return Ok(None);
    };
    const T: &str = "sessions";
    let id: i64 = row.get("id");
    let Some(account) = account_by_id(store, row.get("account_id")).await? else {
        return Ok(None);
    };
    Ok(Some(Session {
        id,
        account,
        csrf_token: row.get("csrf_token"),
        created_at: timestamp_parse(&row.get::<String, _>("created_at"), T, id)?,
        last_seen_at: timestamp_parse(&row.get::<String, _>("last_seen_at"), T, id)?,
        expires_at: timestamp_parse(&row.get::<String, _>("expires_at"), T, id)?,
    }))
}

pub(super) async fn touch_session(
    store: &SqlStore,
    token_hash: &str,
    at: time::OffsetDateTime,
) -> Outcome<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(timestamp_text(at))
        .bind(token_hash)
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn end_session(
    store: &SqlStore,
    token_hash: &str,
    at: time::OffsetDateTime,
    audit: Option<&AuditEntry>,
) -> Outcome<()> {
    let mut tx = store.pool.begin().await?;
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
        .bind(timestamp_text(at))
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
    if let Some(audit) = audit {
        insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn create_api_token(
    store: &SqlStore,
    token: &NewApiToken,
    audit: &AuditEntry,
) -> Outcome<i64> {
    let mut tx = store.pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (token_hash, account_id, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&token.token_hash)
    .bind(token.account_id)
    .bind(&token.name)
    .bind(timestamp_text(token.created_at))
    .bind(&token.created_by)
    .fetch_one(&mut *tx)
    .await
    .map_err(conflict_or_database)?;
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(id)
}

pub(super) async fn use_api_token(
    store: &SqlStore,
    token_hash: &str,
    at: time::OffsetDateTime,
) -> Outcome<Option<(ApiToken, Account)>> {
    let Some(row) = sqlx::query("SELECT * FROM api_tokens WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&store.pool)
        .await?
    else {
        return Ok(None);
    };
    let mut token = api_token_from_row(&row)?;
    // One write a minute per token at most, not one per request.
    let recent = token
        .last_used_at
        .is_some_and(|last| at - last < time::Duration::minutes(1));
    if token.revoked_at.is_none() && !recent {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(timestamp_text(at))
            .bind(token.id)
            .execute(&store.pool)
            .await?;
        token.last_used_at = Some(at);
    }
    Ok(account_by_id(store, token.account_id)
        .await?
        .map(|account| (token, account)))
}

pub(super) async fn api_tokens(store: &SqlStore, account_id: i64) -> Outcome<Vec<ApiToken>> {
    sqlx::query("SELECT * FROM api_tokens WHERE account_id = $1 ORDER BY id DESC")
        .bind(account_id)
        .fetch_all(&store.pool)
        .await?
        .iter()
        .map(api_token_from_row)
        .collect::<Result<_, StoreError>>()
        .map_err(Into::into)
}

pub(super) async fn revoke_api_token(
    store: &SqlStore,
    account_id: i64,
    token_id: i64,
    audit: &AuditEntry,
) -> Outcome<bool> {
    let mut tx = store.pool.begin().await?;
    let changed = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
    )
    .bind(timestamp_text(audit.at))
    .bind(token_id)
    .bind(account_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn account_by_id(store: &SqlStore, id: i64) -> Outcome<Option<Account>> {
    let Some(row) = sqlx::query(
        "SELECT id, username, display_name, password_hash, disabled FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&store.pool)
    .await?
    else {
        return Ok(None);
    };
    let mut grants = Vec::new();
    for g in sqlx::query(
        "SELECT role, scope_unit FROM account_grants WHERE account_id = $1 ORDER BY role, scope_unit",
    )
    .bind(id)
    .fetch_all(&store.pool)
    .await?
    {
        let role: String = g.get("role");
        grants.push(giamsat_core::access::Grant {
            role: giamsat_core::access::Role::parse(&role).ok_or_else(|| {
                StoreError::Corrupt {
                    table: "account_grants",
                    id,
                    problem: format!("role \"{role}\""),
                }
            })?,
            scope: g
                .get::<Option<i64>, _>("scope_unit")
                .map(|u| u32_id(u, "account_grants").map(UnitId))
                .transpose()?,
        });
    }
    Ok(Some(Account {
        id,
        username: row.get("username"),
        display_name: row.get("display_name"),
        password_hash: row.get("password_hash"),
        disabled: row.get::<i64, _>("disabled") != 0,
        grants,
    }))
}

fn api_token_from_row(row: &AnyRow) -> Result<ApiToken, StoreError> {
    const T: &str = "api_tokens";
    let id = id_of(row);
    let optional = |column: &str| {
        row.get::<Option<String>, _>(column)
            .map(|t| timestamp_parse(&t, T, id))
            .transpose()
    };
    Ok(ApiToken {
        id,
        account_id: row.get("account_id"),
        name: row.get("name"),
        created_at: timestamp_parse(&row.get::<String, _>("created_at"), T, id)?,
        created_by: row.get("created_by"),
        last_used_at: optional("last_used_at")?,
        revoked_at: optional("revoked_at")?,
    })
}

/// Every account, by username.
pub(super) async fn accounts(store: &SqlStore) -> Outcome<Vec<Account>> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM accounts ORDER BY lower(username)")
        .fetch_all(&store.pool)
        .await?;
    let mut accounts = Vec::with_capacity(ids.len());
    for id in ids {
        accounts.extend(account_by_id(store, id).await?);
    }
    Ok(accounts)
}

/// Adds a grant to an account (a grant it holds already is kept once); false when no account
/// has that username.
pub(super) async fn add_grant(
    store: &SqlStore,
    username: &str,
    grant: &giamsat_core::access::Grant,
    audit: &AuditEntry,
) -> Outcome<bool> {
    let mut tx = store.pool.begin().await?;
    let Some(id) =
        sqlx::query_scalar::<_, i64>("SELECT id FROM accounts WHERE lower(username) = lower($1)")
            .bind(username)
            .fetch_optional(&mut *tx)
            .await?
    else {
        return Ok(false);
    };
    sqlx::query(
        "INSERT INTO account_grants (account_id, role, scope_unit) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(grant.role.as_str())
    .bind(grant.scope.map(|u| i64::from(u.0)))
    .execute(&mut *tx)
    .await
    .map_err(conflict_or_database)?;
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(true)
}

/// Disables an account (its sessions and tokens stop working at once, since every use checks
/// the flag) or enables it again; false when no account has that username.
pub(super) async fn set_disabled(
    store: &SqlStore,
    username: &str,
    disabled: bool,
    audit: &AuditEntry,
) -> Outcome<bool> {
    let mut tx = store.pool.begin().await?;
    let changed =
        sqlx::query("UPDATE accounts SET disabled = $1 WHERE lower(username) = lower($2)")
            .bind(i64::from(disabled))
            .bind(username)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(true)
}

/// Sets an account's e-mail and language (one row per account, replaced); false when no
/// account has that username.
pub(super) async fn set_contact(
    store: &SqlStore,
    username: &str,
    contact: &Contact,
    audit: &AuditEntry,
) -> Outcome<bool> {
    let mut tx = store.pool.begin().await?;
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM accounts WHERE lower(username) = lower($1)")
            .bind(username)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(id) = id else {
        return Ok(false);
    };
    sqlx::query(
        "INSERT INTO account_contacts (account_id, email, language) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id) DO UPDATE SET email = excluded.email, language = excluded.language",
    )
    .bind(id)
    .bind(contact.email.as_deref())
    .bind(&contact.language)
    .execute(&mut *tx)
    .await
    .map_err(conflict_or_database)?;
    insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn contacts(store: &SqlStore) -> Outcome<Vec<(i64, Contact)>> {
    let rows =
        sqlx::query("SELECT account_id, email, language FROM account_contacts ORDER BY account_id")
            .fetch_all(&store.pool)
            .await?;
    Ok(rows
        .iter()
        .map(|row| {
            (
                row.get::<i64, _>("account_id"),
                Contact {
                    email: row.get::<Option<String>, _>("email"),
                    language: row.get("language"),
                },
            )
        })
        .collect())
}

/// Inserts the day's row unless it is there: the insert that counts one row is the claim.
pub(super) async fn claim_digest(
    store: &SqlStore,
    account_id: i64,
    day: time::Date,
    items: usize,
    at: time::OffsetDateTime,
) -> Outcome<bool> {
    let inserted = sqlx::query(
        "INSERT INTO digests_sent (account_id, day, items, sent_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_id, day) DO NOTHING",
    )
    .bind(account_id)
    .bind(date_text(day))
    .bind(i64::try_from(items).unwrap_or(i64::MAX))
    .bind(timestamp_text(at))
    .execute(&store.pool)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

pub(super) async fn release_digest(
    store: &SqlStore,
    account_id: i64,
    day: time::Date,
) -> Outcome<()> {
    sqlx::query("DELETE FROM digests_sent WHERE account_id = $1 AND day = $2")
        .bind(account_id)
        .bind(date_text(day))
        .execute(&store.pool)
        .await?;
    Ok(())
}
