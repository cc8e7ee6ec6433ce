//! Accounts (*tài khoản*): who may sign in, and with which grants. Passwords are generated,
//! shown once to whoever creates the account, and kept only as Argon2id hashes; there is no
//! default account and no default password.

use std::net::IpAddr;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use giamsat_core::access::{Grant, Role};
use giamsat_core::org::UnitCode;
use giamsat_store::{
    Account, ApiToken, AuditEntry, NewAccount, NewApiToken, NewSession, Store, StoreError,
};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::{Actor, App, AppError, FieldError, Problem, Thing};

/// A session ends this long after sign-in, however active (ASVS 3.3.2: re-authenticate at
/// least every 12 hours).
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// How stale a session's last-seen time may get before it is written again: one write a
/// minute per session, not one per request.
const TOUCH_AFTER: Duration = Duration::minutes(1);
/// Bounds of a password chosen by its holder (ASVS 2.1.1 and 2.1.2): long passphrases are
/// welcome, and there are no composition rules.
pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 128;
/// Prefix of API tokens, so a leaked one is recognisable in logs and by secret scanners.
pub const TOKEN_PREFIX: &str = "gs_";

/// Someone signed in: by a session (a browser) or an API token (a machine client).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub actor: Actor,
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    /// The session's token that its forms must send back; `None` for an API token, which a
    /// browser never sends on its own and so needs none.
    pub csrf: Option<String>,
}

impl SignedIn {
    /// Whether this request was authenticated by an API token rather than a session (only a
    /// session has a CSRF token).
    pub fn by_api_token(&self) -> bool {
        self.csrf.is_none()
    }

    fn of(account: Account, csrf: Option<String>) -> SignedIn {
        SignedIn {
            actor: Actor::with_grants(&account.username, account.grants),
            account_id: account.id,
            username: account.username,
            display_name: account.display_name,
            csrf,
        }
    }
}

/// A random secret of `length` characters of the password alphabet (5.8 bits each): session
/// cookies, form tokens, API tokens.
pub fn random_secret(length: usize) -> Result<String, AppError> {
    let mut bytes = vec![0u8; length * 2];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::Inconsistent(format!("no randomness from the system: {e}")))?;
    Ok(bytes
        .chunks_exact(2)
        .map(|pair| {
            let n = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            char::from(ALPHABET[n % ALPHABET.len()])
        })
        .collect())
}

/// The SHA-256 of bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The SHA-256 of a secret, in hex: what the store keeps of cookies and tokens.
pub fn secret_hash(secret: &str) -> String {
    sha256_hex(secret.as_bytes())
}

/// Characters of generated passwords: letters and digits that cannot be mistaken for one
/// another when read aloud or copied by hand (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Length of generated passwords: 20 characters of a 56-letter alphabet, about 116 bits.
const PASSWORD_LENGTH: usize = 20;

/// A new random password. Two random bytes per character, reduced modulo the alphabet: the
/// bias is below 0.1%.
pub fn generate_password() -> Result<String, AppError> {
    random_secret(PASSWORD_LENGTH)
}

/// The Argon2id hash of a password, as a PHC string (`$argon2id$v=19$m=…`).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash: PasswordHash| hash.to_string())
        .map_err(|e| AppError::Inconsistent(format!("cannot hash a password: {e}")))
}

/// Whether a password matches a stored hash. A malformed hash matches nothing.
pub fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).ok().is_some_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A username: 1 to 64 of lowercase letters, digits, '.', '_' and '-', starting with a letter.
fn check_username(username: &str) -> Result<String, FieldError> {
    let name = username.trim().to_ascii_lowercase();
    let ok = (1..=64).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
    if ok {
        Ok(name)
    } else {
        Err(FieldError::new(
            "username",
            Problem::NotAUsername {
                text: username.to_owned(),
            },
        ))
    }
}

impl<S: Store> App<S> {
    /// Creates an account with a generated password, and returns it with the password, which
    /// is not kept anywhere and must be shown once. Grants are (role, unit code) pairs; no
    /// unit code grants the role over the whole tree.
    pub async fn add_account(
        &self,
        actor: &Actor,
        username: &str,
        display_name: &str,
        grants: &[(String, Option<String>)],
    ) -> Result<(Account, String), AppError> {
        let mut errors = Vec::new();
        let username = check_username(username).map_err(|e| errors.push(e)).ok();
        let display_name = match giamsat_core::text::nfc(display_name.trim()) {
            name if name.is_empty() => username.clone().unwrap_or_default(),
            name => name,
        };
        let mut checked = Vec::new();
        if grants.is_empty() {
            errors.push(FieldError::new("role", Problem::RoleRequired));
        }
        {
            let engine = self.engine();
            for (role, scope) in grants {
                let role_ok = Role::parse(role).or_else(|| {
                    let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                    errors.push(FieldError::new(
                        "role",
                        Problem::NotOneOf {
                            text: role.clone(),
                            allowed: names.join(", "),
                        },
                    ));
                    None
                });
                let unit = match scope {
                    None => Some(None),
                    // A unit by code, or by name as the admin picked or typed it.
                    Some(code) => match UnitCode::parse(code)
                        .ok()
                        .and_then(|c| engine.unit_by_code(&c))
                    {
                        Some(u) => Some(Some(u.id)),
                        None => match crate::names::unit(&engine, &[], code) {
                            Ok(id) => Some(Some(id)),
                            // Written as a code, it is refused as one.
                            Err(_) if UnitCode::parse(code).is_ok() => {
                                errors.push(FieldError::new(
                                    "scope",
                                    Problem::UnknownUnit { code: code.clone() },
                                ));
                                None
                            }
                            Err(problem) => {
                                errors.push(FieldError::new("scope", problem));
                                None
                            }
                        },
                    },
                };
                if let (Some(role), Some(scope)) = (role_ok, unit) {
                    checked.push(Grant { role, scope });
                }
            }
        }
        let Some(username) = username.filter(|_| errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        // Creating an account hands out rights: only an admin over every scope it grants.
        if let Some(own) = &actor.grants {
            let engine = self.engine();
            for grant in &checked {
                let covered = own
                    .iter()
                    .any(|g| g.role == Role::Admin && g.contains(&engine, grant));
                if !covered {
                    return Err(AppError::Forbidden(match grant.scope {
                        Some(unit) => giamsat_core::access::Denied::Scope(unit),
                        None => giamsat_core::access::Denied::Role,
                    }));
                }
            }
        }
        let password = generate_password()?;
        let account = NewAccount {
            username: username.clone(),
            display_name,
            password_hash: hash_password(&password)?,
            grants: checked,
        };
        let scopes: Vec<serde_json::Value> = {
            let engine = self.engine();
            account
                .grants
                .iter()
                .map(|g| {
                    serde_json::json!({
                        "role": g.role.as_str(),
                        "scope": g.scope.and_then(|s| engine.unit(s)).map(|u| u.code.to_string()),
                    })
                })
                .collect()
        };
        // The audit says who and with which grants; never the password or its hash.
        let audit = AuditEntry {
            at: time::OffsetDateTime::now_utc(),
            actor: actor.name.clone(),
            action: "account.create".into(),
            object: format!("account:{username}"),
            before: None,
            after: Some(serde_json::json!({
                "username": username,
                "display_name": account.display_name,
                "grants": scopes,
            })),
            unit: None,
        };
        let _writing = self.writer.lock().await;
        match self.store.create_account(&account, &audit).await {
            Ok(_) => {}
            Err(StoreError::Conflict(_)) => {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "username",
                    Problem::UsernameTaken { username },
                )]));
            }
            Err(other) => return Err(other.into()),
        }
        let stored = self
            .store
            .account(&username)
            .await?
            .ok_or_else(|| AppError::Inconsistent(format!("account {username} vanished")))?;
        Ok((stored, password))
    }

    /// Signs in with a username and password from `address`: a new session, whatever
    /// session the browser had before (`replaces` is ended, so a session id planted before
    /// sign-in is worth nothing after it). Returns the session cookie and who signed in.
    ///
    /// Unknown user, wrong password and disabled account give the same refusal, in the same
    /// time. After a few failures of this username from this address, or many from this
    /// address, each further attempt there waits longer (`throttle`); the account itself is
    /// never locked, so the right password from elsewhere still signs in.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        address: IpAddr,
        replaces: Option<&str>,
    ) -> Result<(String, SignedIn), AppError> {
        let now = OffsetDateTime::now_utc();
        let username = username.trim();
        if let Some(wait) = self.throttle.wait(username, address, now) {
            tracing::warn!(%username, %address, "sign-in refused: too many failures");
            self.outcomes
                .sign_ins_delayed
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return Err(throttled(wait));
        }
        let account = match self.store.account(username).await? {
            Some(account)
                if !account.disabled && password_matches(password, &account.password_hash) =>
            {
                account
            }
            found => {
                if found.is_none() {
                    // Hash anyway, so an unknown username takes as long as a wrong password.
                    let _ = password_matches(password, dummy_hash());
                }
                self.throttle.failed(username, address, now);
                self.outcomes
                    .sign_ins_refused
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tracing::warn!(%username, %address, "sign-in failed");
                return Err(AppError::SignInRefused);
            }
        };
        self.throttle.succeeded(username, address);
        self.start_session(account, address, replaces, now).await
    }

    /// A new session for an account whose password was just checked.
    async fn start_session(
        &self,
        account: Account,
        address: IpAddr,
        replaces: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<(String, SignedIn), AppError> {
        if let Some(old) = replaces {
            self.store.end_session(&secret_hash(old), now, None).await?;
        }
        let cookie = random_secret(32)?;
        let csrf = random_secret(32)?;
        let audit = AuditEntry {
            at: now,
            actor: account.username.clone(),
            action: "session.start".into(),
            object: format!("account:{}", account.username),
            before: None,
            after: Some(serde_json::json!({ "address": address.to_string() })),
            unit: None,
        };
        self.store
            .start_session(
                &NewSession {
                    token_hash: secret_hash(&cookie),
                    account_id: account.id,
                    csrf_token: csrf.clone(),
                    created_at: now,
                    expires_at: now + SESSION_LIFETIME,
                },
                &audit,
            )
            .await?;
        Ok((cookie, SignedIn::of(account, Some(csrf))))
    }

    /// Who a session cookie belongs to, if the session is live: not ended, not past its
    /// lifetime or idle timeout, its account not disabled. A session found dead is ended.
    pub async fn session(&self, cookie: &str) -> Result<Option<SignedIn>, AppError> {
        let now = OffsetDateTime::now_utc();
        let hash = secret_hash(cookie);
        let Some(session) = self.store.session(&hash).await? else {
            return Ok(None);
        };
        if now >= session.expires_at
            || now - session.last_seen_at >= IDLE_TIMEOUT
            || session.account.disabled
        {
            self.store.end_session(&hash, now, None).await?;
            return Ok(None);
        }
        if now - session.last_seen_at >= TOUCH_AFTER {
            self.store.touch_session(&hash, now).await?;
        }
        Ok(Some(SignedIn::of(
            session.account,
            Some(session.csrf_token),
        )))
    }

    /// Changes the signed-in account's password, given the current one. Every session and
    /// every API token of the account ends, in the transaction of the change (a stolen one
    /// with them); the browser that made the change gets a new session, whose cookie is
    /// returned. A wrong current password is throttled like a failed
    /// sign-in but counted apart (`reauth`): a mistyped form does not delay signing in.
    pub async fn change_password(
        &self,
        who: &SignedIn,
        current: &str,
        new: &str,
        address: IpAddr,
    ) -> Result<(String, SignedIn), AppError> {
        let now = OffsetDateTime::now_utc();
        self.confirm_password(who, "current", current, address, now)
            .await?;
        let length = new.chars().count();
        let mut problems = Vec::new();
        if !(MIN_PASSWORD..=MAX_PASSWORD).contains(&length) {
            problems.push(FieldError::new(
                "new",
                Problem::PasswordLength {
                    min: crate::problem::number(MIN_PASSWORD),
                    max: crate::problem::number(MAX_PASSWORD),
                },
            ));
        } else if new == current || new.eq_ignore_ascii_case(&who.username) {
            problems.push(FieldError::new("new", Problem::PasswordReused));
        }
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
        let audit = AuditEntry {
            at: now,
            actor: who.username.clone(),
            action: "account.password".into(),
            object: format!("account:{}", who.username),
            before: None,
            after: None,
            unit: None,
        };
        self.store
            .set_password(&who.username, &hash_password(new)?, &audit)
            .await?;
        let account =
            self.store
                .account(&who.username)
                .await?
                .ok_or_else(|| AppError::NotFound {
                    what: Thing::Account,
                    key: who.username.clone(),
                })?;
        self.start_session(account, address, None, now).await
    }

    /// Checks the signed-in account's own password again before a sensitive change (ASVS
    /// 3.7.1): wrong, it is a problem of `field`; too many wrong, the account waits, from
    /// this address only, as for signing in.
    async fn confirm_password(
        &self,
        who: &SignedIn,
        field: &'static str,
        password: &str,
        address: IpAddr,
        now: OffsetDateTime,
    ) -> Result<(), AppError> {
        if let Some(wait) = self.reauth.wait(&who.username, address, now) {
            return Err(throttled(wait));
        }
        let account =
            self.store
                .account(&who.username)
                .await?
                .ok_or_else(|| AppError::NotFound {
                    what: Thing::Account,
                    key: who.username.clone(),
                })?;
        if !password_matches(password, &account.password_hash) {
            self.reauth.failed(&who.username, address, now);
            return Err(AppError::Invalid(vec![FieldError::new(
                field,
                Problem::WrongPassword,
            )]));
        }
        self.reauth.succeeded(&who.username, address);
        Ok(())
    }

    /// Ends a session (sign-out).
    pub async fn sign_out(&self, cookie: &str, who: &SignedIn) -> Result<(), AppError> {
        let now = OffsetDateTime::now_utc();
        let audit = AuditEntry {
            at: now,
            actor: who.username.clone(),
            action: "session.end".into(),
            object: format!("account:{}", who.username),
            before: None,
            after: None,
            unit: None,
        };
        Ok(self
            .store
            .end_session(&secret_hash(cookie), now, Some(&audit))
            .await?)
    }

    /// Creates an API token for the signed-in account, acting with its grants, given the
    /// account's password again (ASVS 3.7.1: a session left open is not enough to mint a
    /// lasting credential). Only a session may: an API token cannot create tokens. Returns the
    /// token's id and the secret, which is not kept anywhere and must be shown once.
    pub async fn create_api_token(
        &self,
        who: &SignedIn,
        name: &str,
        password: &str,
        address: IpAddr,
    ) -> Result<(i64, String), AppError> {
        if who.by_api_token() {
            return Err(AppError::SessionRequired);
        }
        let now = OffsetDateTime::now_utc();
        self.confirm_password(who, "password", password, address, now)
            .await?;
        let name = giamsat_core::text::nfc(name.trim());
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AppError::Invalid(vec![FieldError::new(
                "name",
                Problem::TokenName,
            )]));
        }
        let secret = format!("{TOKEN_PREFIX}{}", random_secret(40)?);
        let audit = AuditEntry {
            at: now,
            actor: who.username.clone(),
            action: "token.create".into(),
            object: format!("account:{}", who.username),
            before: None,
            after: Some(serde_json::json!({ "name": name })),
            unit: None,
        };
        let id = self
            .store
            .create_api_token(
                &NewApiToken {
                    token_hash: secret_hash(&secret),
                    account_id: who.account_id,
                    name,
                    created_at: now,
                    created_by: who.username.clone(),
                },
                &audit,
            )
            .await?;
        Ok((id, secret))
    }

    /// Who an API token acts for, unless it was revoked or its account disabled.
    pub async fn api_token(&self, secret: &str) -> Result<Option<SignedIn>, AppError> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let found = self
            .store
            .use_api_token(&secret_hash(secret), OffsetDateTime::now_utc())
            .await?;
        Ok(found
            .filter(|(token, account)| token.revoked_at.is_none() && !account.disabled)
            .map(|(_, account)| SignedIn::of(account, None)))
    }

    /// The signed-in account's tokens, newest first.
    pub async fn api_tokens(&self, who: &SignedIn) -> Result<Vec<ApiToken>, AppError> {
        Ok(self.store.api_tokens(who.account_id).await?)
    }

    /// Revokes one of the signed-in account's tokens.
    pub async fn revoke_api_token(&self, who: &SignedIn, token_id: i64) -> Result<(), AppError> {
        let audit = AuditEntry {
            at: OffsetDateTime::now_utc(),
            actor: who.username.clone(),
            action: "token.revoke".into(),
            object: format!("account:{}", who.username),
            before: None,
            after: Some(serde_json::json!({ "token": token_id })),
            unit: None,
        };
        if self
            .store
            .revoke_api_token(who.account_id, token_id, &audit)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::NotFound {
                what: Thing::ActiveToken,
                key: token_id.to_string(),
            })
        }
    }

    /// One demo account per role, each with a new random password (an existing demo
    /// account gets a new one, and its sessions end): the admin and office over the whole
    /// tree, the others over `province`. Returns (username, role, password).
    pub async fn demo_accounts(
        &self,
        province: &str,
    ) -> Result<Vec<(String, Role, String)>, AppError> {
        let system = Actor::named("demo");
        let mut made = Vec::new();
        for role in Role::ALL {
            let username = format!("demo.{}", role.as_str());
            let scope = match role {
                Role::Admin | Role::Office => None,
                _ => Some(province.to_owned()),
            };
            let password = match self.store.account(&username).await? {
                None => {
                    let name = format!("Demo {}", role.as_str());
                    let grants = [(role.as_str().to_owned(), scope)];
                    self.add_account(&system, &username, &name, &grants)
                        .await?
                        .1
                }
                Some(_) => {
                    let password = generate_password()?;
                    let audit = AuditEntry {
                        at: OffsetDateTime::now_utc(),
                        actor: system.name.clone(),
                        action: "account.password".into(),
                        object: format!("account:{username}"),
                        before: None,
                        after: None,
                        unit: None,
                    };
                    self.store
                        .set_password(&username, &hash_password(&password)?, &audit)
                        .await?;
                    password
                }
            };
            made.push((username, role, password));
        }
        Ok(made)
    }
}

/// The refusal of an attempt made `wait` too early: the seconds rounded up, so that a client
/// that waits as told is not refused again.
fn throttled(wait: Duration) -> AppError {
    let seconds = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
    AppError::Throttled {
        seconds: u64::try_from(seconds).unwrap_or(0).max(1),
    }
}

/// The hash of a password nobody has (made once, from random bytes), checked when a username
/// is unknown.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let password = generate_password().unwrap_or_default();
        hash_password(&password).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_differ_and_use_the_alphabet() {
        let a = generate_password().expect("random");
        let b = generate_password().expect("random");
        assert_eq!(a.len(), PASSWORD_LENGTH);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_password("đúng mật khẩu").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("đúng mật khẩu", &hash));
        assert!(!password_matches("sai mật khẩu", &hash));
        assert!(!password_matches("anything", "not a hash"));
    }

    #[test]
    fn usernames_are_checked() {
        assert_eq!(check_username(" Admin.Hanoi ").expect("ok"), "admin.hanoi");
        for bad in ["", "1admin", "ad min", "quản-trị", &"a".repeat(65)] {
            assert!(check_username(bad).is_err(), "{bad:?}");
        }
    }
}
