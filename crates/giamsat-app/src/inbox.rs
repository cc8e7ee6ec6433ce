//! Each person's inbox (`giamsat_core::inbox`, computed from the engine and their grants) and
//! its daily digest by e-mail: where each account is written to and in which language, which
//! accounts have a digest due on a day, and the claim that makes one day's digest go out once.
//!
//! Composing and sending the e-mail are the web crate's words and the binary's SMTP; here is
//! only what they need from the store and the engine.

use std::collections::HashMap;

use giamsat_core::Language;
use giamsat_core::inbox::{Item, inbox};
use giamsat_store::{Contact, Store};
use time::OffsetDateTime;

use crate::{Actor, App, AppError, FieldError, Problem};

/// The language of an account whose administrator has set none: the interface's default.
pub const DEFAULT_LANGUAGE: Language = Language::Vi;

/// One account's digest for a day: what to send, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub language: Language,
    pub items: Vec<Item>,
}

/// An e-mail address as a person types it: one `@` with something on each side, a dot in the
/// domain, no spaces or angle brackets (which would let it name a second recipient).
pub fn check_email(text: &str) -> Result<Option<String>, Problem> {
    let email = text.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !email
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';' | '"'));
    if well_formed && email.len() <= 254 {
        Ok(Some(email.to_owned()))
    } else {
        Err(Problem::Invalid)
    }
}

impl<S: Store> App<S> {
    /// What is due for the actor on `today`. The system itself (the CLI) has no inbox.
    pub fn inbox(&self, actor: &Actor, today: time::Date) -> Vec<Item> {
        match &actor.grants {
            Some(grants) => inbox(&self.engine(), grants, today),
            None => Vec::new(),
        }
    }

    /// Sets where an account's digest goes (an empty e-mail sends none) and its language, as
    /// its administrator.
    pub async fn set_contact(
        &self,
        actor: &Actor,
        username: &str,
        email: &str,
        language: &str,
    ) -> Result<(), AppError> {
        let account = self.managed(actor, username).await?;
        let mut problems = Vec::new();
        let email = check_email(email)
            .map_err(|p| problems.push(FieldError::new("email", p)))
            .ok()
            .flatten();
        let language = language
            .trim()
            .parse::<Language>()
            .map_err(|_| {
                problems.push(FieldError::new(
                    "language",
                    Problem::NotOneOf {
                        text: language.to_owned(),
                        allowed: "vi, en, fr".into(),
                    },
                ))
            })
            .ok();
        let Some(language) = language.filter(|_| problems.is_empty()) else {
            return Err(AppError::Invalid(problems));
        };
        // The address is personal data: the trail says that it changed and the language.
        let audit = self.account_audit(
            actor,
            "account.contact",
            &account.username,
            Some(serde_json::json!({
                "email": email.is_some(),
                "language": language.code(),
            })),
            None,
        );
        let contact = Contact {
            email,
            language: language.code().to_owned(),
        };
        self.store
            .set_contact(&account.username, &contact, &audit)
            .await?;
        Ok(())
    }

    /// Every account's contact, by account id.
    pub async fn contacts(&self) -> Result<HashMap<i64, Contact>, AppError> {
        Ok(self.store.contacts().await?.into_iter().collect())
    }

    /// The digests due on `day`: one per enabled account with an e-mail and something in its
    /// inbox, in its language, not yet claimed for that day.
    pub async fn digests_due(&self, day: time::Date) -> Result<Vec<Digest>, AppError> {
        let contacts = self.contacts().await?;
        let accounts = self.store.accounts().await?;
        let engine = self.engine();
        Ok(accounts
            .into_iter()
            .filter(|a| !a.disabled)
            .filter_map(|a| {
                let contact = contacts.get(&a.id)?;
                let email = contact.email.clone()?;
                let items = inbox(&engine, &a.grants, day);
                (!items.is_empty()).then(|| Digest {
                    account_id: a.id,
                    username: a.username,
                    display_name: a.display_name,
                    email,
                    language: contact.language.parse().unwrap_or(DEFAULT_LANGUAGE),
                    items,
                })
            })
            .collect())
    }

    /// Claims the sending of a digest: false when it was sent (or is being sent) already.
    pub async fn claim_digest(&self, digest: &Digest, day: time::Date) -> Result<bool, AppError> {
        Ok(self
            .store
            .claim_digest(
                digest.account_id,
                day,
                digest.items.len(),
                OffsetDateTime::now_utc(),
            )
            .await?)
    }

    /// Gives back the claim of a digest that could not be sent, so the next run sends it.
    pub async fn release_digest(&self, digest: &Digest, day: time::Date) -> Result<(), AppError> {
        Ok(self.store.release_digest(digest.account_id, day).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_are_checked_and_an_empty_one_is_none() {
        assert_eq!(check_email(""), Ok(None));
        assert_eq!(check_email("  "), Ok(None));
        assert_eq!(
            check_email(" lan@quangninh.gov.vn "),
            Ok(Some("lan@quangninh.gov.vn".into()))
        );
        for bad in [
            "lan",
            "@gov.vn",
            "lan@gov",
            "lan@.vn",
            "lan@gov.",
            "lan@a@b.vn",
            "lan @gov.vn",
            "lan@gov.vn, boss@gov.vn",
            "<lan@gov.vn>",
        ] {
            assert_eq!(check_email(bad), Err(Problem::Invalid), "{bad}");
        }
    }
}
