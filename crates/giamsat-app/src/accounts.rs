//! Accounts (*tài khoản*): who may sign in, and with which grants. Passwords are generated,
//! shown once to whoever creates the account, and kept only as Argon2id hashes; there is no
//! default account and no default password.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use giamsat_core::access::{Grant, Role};
use giamsat_core::org::UnitCode;
use giamsat_store::{Account, AuditEntry, NewAccount, Store, StoreError};

use crate::{Actor, App, AppError, FieldError};

/// Characters of generated passwords: letters and digits that cannot be mistaken for one
/// another when read aloud or copied by hand (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Length of generated passwords: 20 characters of a 56-letter alphabet, about 116 bits.
const PASSWORD_LENGTH: usize = 20;

/// A new random password.
pub fn generate_password() -> Result<String, AppError> {
    let mut bytes = [0u8; PASSWORD_LENGTH * 2];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::Inconsistent(format!("no randomness from the system: {e}")))?;
    // Two bytes per character, reduced modulo the alphabet: the bias is below 0.1%.
    Ok(bytes
        .chunks_exact(2)
        .map(|pair| {
            let n = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            char::from(ALPHABET[n % ALPHABET.len()])
        })
        .collect())
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
            format!(
                "\"{username}\" is not a username: use 1 to 64 letters a–z, digits, '.', '_' or '-', starting with a letter"
            ),
        ))
    }
}

impl<S: Store> App<S> {
    /// Creates an account with a generated password, and returns it with the password, which
    /// is not kept anywhere and must be shown once. Grants are (role, unit code) pairs.
    pub async fn add_account(
        &self,
        actor: &Actor,
        username: &str,
        display_name: &str,
        grants: &[(String, String)],
    ) -> Result<(Account, String), AppError> {
        let mut errors = Vec::new();
        let username = check_username(username).map_err(|e| errors.push(e)).ok();
        let display_name = match giamsat_core::text::nfc(display_name.trim()) {
            name if name.is_empty() => username.clone().unwrap_or_default(),
            name => name,
        };
        let mut checked = Vec::new();
        if grants.is_empty() {
            errors.push(FieldError::new(
                "role",
                "give at least one role and its scope",
            ));
        }
        {
            let engine = self.engine();
            for (role, scope) in grants {
                let role_ok = Role::parse(role).or_else(|| {
                    let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                    errors.push(FieldError::new(
                        "role",
                        format!("\"{role}\" is not one of: {}", names.join(", ")),
                    ));
                    None
                });
                let unit = UnitCode::parse(scope)
                    .ok()
                    .and_then(|c| engine.unit_by_code(&c))
                    .map(|u| u.id)
                    .or_else(|| {
                        errors.push(FieldError::new(
                            "scope",
                            format!("no unit has the code {scope}"),
                        ));
                        None
                    });
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
                let covered = own.iter().any(|g| {
                    g.role == Role::Admin
                        && giamsat_core::access::is_under(&engine, grant.scope, g.scope)
                });
                if !covered {
                    return Err(AppError::Forbidden(giamsat_core::access::Denied::Scope(
                        grant.scope,
                    )));
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
                        "scope": engine.unit(g.scope).map(|u| u.code.to_string()),
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
        };
        let _writing = self.writer.lock().await;
        match self.store.create_account(&account, &audit).await {
            Ok(_) => {}
            Err(StoreError::Conflict(_)) => {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "username",
                    format!("the username {username} is taken"),
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

    /// The actor a username and password sign in as, or `None` (unknown user, wrong password
    /// or disabled account alike, so the answer does not tell which).
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<Option<Actor>, AppError> {
        let account = self.store.account(username.trim()).await?;
        let Some(account) = account else {
            // Hash anyway, so an unknown username takes as long as a wrong password.
            let _ = password_matches(password, dummy_hash());
            return Ok(None);
        };
        if account.disabled || !password_matches(password, &account.password_hash) {
            return Ok(None);
        }
        Ok(Some(Actor::with_grants(&account.username, account.grants)))
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
