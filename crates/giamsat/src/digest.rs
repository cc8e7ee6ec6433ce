//! The daily digest by e-mail: each account with an e-mail and something in its inbox gets
//! one message a day, in its language, through the `[smtp]` server of the settings. The
//! store's claim on (account, day) is taken before sending and given back if sending fails,
//! so a restart, the `digest` command and a second process never send a day's digest twice.

use std::time::Duration;

use giamsat_app::inbox::Digest;
use giamsat_app::{App, AppError, SqlStore};
use giamsat_web::i18n::I18n;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{Smtp, SmtpTls};

/// Why the digests could not be sent at all (one account's failure is counted, not this).
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("smtp.from \"{from}\" is not an e-mail address: {message}")]
    From { from: String, message: String },
    #[error("smtp.host \"{host}\": {message}")]
    Host { host: String, message: String },
    #[error(transparent)]
    App(#[from] AppError),
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    /// Already sent that day (by an earlier run or another process).
    pub already: usize,
    /// Refused by the mail server or unreachable: claimed back, to be tried again.
    pub failed: usize,
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    site: String,
}

impl Mailer {
    /// The transport the settings describe; `site` is where links in e-mails point.
    pub fn new(smtp: &Smtp, default_site: &str) -> Result<Mailer, DigestError> {
        let from = smtp
            .from
            .parse::<Mailbox>()
            .map_err(|e| DigestError::From {
                from: smtp.from.clone(),
                message: e.to_string(),
            })?;
        let host_error = |e: lettre::transport::smtp::Error| DigestError::Host {
            host: smtp.host.clone(),
            message: e.to_string(),
        };
        let host = smtp.host.trim();
        let builder = match smtp.tls {
            SmtpTls::Tls => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(host_error)?
            }
            SmtpTls::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(host_error)?
            }
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        };
        let mut builder = builder
            .port(smtp.port())
            .timeout(Some(Duration::from_secs(30)));
        if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
            site: smtp.site.clone().unwrap_or_else(|| default_site.to_owned()),
        })
    }

    async fn send(
        &self,
        digest: &Digest,
        subject: String,
        body: String,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let to = Mailbox::new(Some(digest.display_name.clone()), digest.email.parse()?);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?;
        self.transport.send(message).await?;
        Ok(())
    }
}

/// Sends the digests due on `day` that no one has sent yet.
pub async fn send_digests(
    app: &App<SqlStore>,
    i18n: &I18n,
    mailer: &Mailer,
    day: time::Date,
) -> Result<Sent, DigestError> {
    let mut done = Sent::default();
    for digest in app.digests_due(day).await? {
        if !app.claim_digest(&digest, day).await? {
            done.already += 1;
            continue;
        }
        let (subject, body) = {
            let engine = app.engine();
            giamsat_web::pages::inbox::digest_text(i18n, &engine, &digest, day, &mailer.site)
        };
        match mailer.send(&digest, subject, body).await {
            Ok(()) => {
                tracing::info!(username = %digest.username, items = digest.items.len(), %day, "digest sent");
                done.sent += 1;
            }
            Err(error) => {
                tracing::warn!(username = %digest.username, %error, "the digest could not be sent; it will be tried again");
                app.release_digest(&digest, day).await?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// The next moment digests go out, Vietnam time: today at `at` if that is still to come,
/// else tomorrow.
fn next_run(now: time::OffsetDateTime, at: time::Time) -> time::OffsetDateTime {
    let now = giamsat_web::state::in_vietnam(now);
    let today = now.replace_time(at);
    if today > now {
        today
    } else {
        today + time::Duration::days(1)
    }
}

/// The server's daily job: at start, the day's digests if their time has passed (a restart
/// sends only what was not sent), then every day at `at`. A failed run is tried again an hour
/// later, since the claims of what failed were given back.
pub async fn daily(
    state: std::sync::Arc<giamsat_web::WebState<SqlStore>>,
    mailer: Mailer,
    at: time::Time,
) {
    let mut retry = false;
    loop {
        let now = time::OffsetDateTime::now_utc();
        let vietnam = giamsat_web::state::in_vietnam(now);
        if vietnam.time() >= at || retry {
            match send_digests(&state.app, &state.i18n, &mailer, vietnam.date()).await {
                Ok(done) => {
                    retry = done.failed > 0;
                    tracing::info!(
                        sent = done.sent,
                        already = done.already,
                        failed = done.failed,
                        "daily digests"
                    );
                }
                Err(error) => {
                    retry = true;
                    tracing::warn!(%error, "the daily digests were not sent");
                }
            }
        }
        let wait = if retry {
            Duration::from_secs(3600)
        } else {
            let next = next_run(time::OffsetDateTime::now_utc(), at);
            (next - time::OffsetDateTime::now_utc())
                .try_into()
                .unwrap_or(Duration::from_secs(60))
        };
        tokio::time::sleep(wait.max(Duration::from_secs(1))).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, time};

    #[test]
    fn the_next_run_is_today_if_its_time_is_to_come_else_tomorrow_vietnam_time() {
        // 23:30 UTC is 06:30 the next day in Vietnam.
        let next = next_run(datetime!(2026-12-06 23:30 UTC), time!(07:00));
        assert_eq!(next, datetime!(2026-12-07 07:00 +7));
        let next = next_run(datetime!(2026-12-07 00:00 UTC), time!(07:00));
        assert_eq!(next, datetime!(2026-12-08 07:00 +7));
        // New Year's Eve rolls over the year.
        let next = next_run(datetime!(2026-12-31 02:00 UTC), time!(07:00));
        assert_eq!(next, datetime!(2027-01-01 07:00 +7));
    }
}
