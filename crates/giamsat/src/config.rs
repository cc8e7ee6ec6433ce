//! Settings, in order of precedence: a flag or its `GIAMSAT_*` environment variable, then the
//! TOML file given by `--config` (or `GIAMSAT_CONFIG`), then the defaults. An unknown key in
//! the file is an error, so that a misspelt setting is never silently ignored.

use std::net::SocketAddr;
use std::path::Path;

use giamsat_web::proxies::TrustedProxies;
use serde::Deserialize;

pub const DEFAULT_DB: &str = "giamsat.db";
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_LOG: &str = "info";

/// What a settings file may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// The database: a SQLite file path.
    db: Option<String>,
    /// Where `serve` listens.
    addr: Option<SocketAddr>,
    /// A tracing filter: `info`, `warn`, `giamsat_store=debug`…
    log: Option<String>,
    /// Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed.
    trusted_proxies: Option<Vec<String>>,
    /// The mail server the daily digest goes through; without it no e-mail is sent.
    smtp: Option<Smtp>,
}

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// TLS from the first byte (port 465).
    Tls,
    /// Plain, then upgraded by STARTTLS, refused if the server cannot (port 587).
    #[default]
    Starttls,
    /// No encryption: only for a relay on the same machine or network.
    None,
}

/// The `[smtp]` table of the settings file.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Smtp {
    pub host: String,
    /// Default: 465 with `tls`, 587 with `starttls`, 25 with `none`.
    pub port: Option<u16>,
    /// The sender, `giamsat <giamsat@example.gov.vn>` or a bare address.
    pub from: String,
    #[serde(default)]
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The address people reach giamsat at, for the links in e-mails [default: http://ADDR].
    pub site: Option<String>,
    /// When the day's digests go out, Vietnam time, `HH:MM` [default: 07:00].
    pub send_at: Option<String>,
}

// The password is never printed, whoever prints the settings.
impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Smtp")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("from", &self.from)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("site", &self.site)
            .field("send_at", &self.send_at)
            .finish()
    }
}

impl Smtp {
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.tls {
            SmtpTls::Tls => 465,
            SmtpTls::Starttls => 587,
            SmtpTls::None => 25,
        })
    }

    /// The time of day digests are sent, checked when the settings are read.
    pub fn send_at(&self) -> Result<time::Time, String> {
        let text = self.send_at.as_deref().unwrap_or("07:00");
        let format = time::macros::format_description!("[hour]:[minute]");
        time::Time::parse(text.trim(), &format)
            .map_err(|_| format!("smtp.send_at: \"{text}\" is not a time of day as HH:MM"))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub db: String,
    pub addr: SocketAddr,
    pub log: String,
    pub trusted_proxies: TrustedProxies,
    pub smtp: Option<Smtp>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// The settings from a file (if any) under the values given by flags or the environment.
pub fn load(
    file: Option<&Path>,
    db: Option<String>,
    addr: Option<SocketAddr>,
    log: Option<String>,
    trusted_proxies: Option<Vec<String>>,
) -> Result<Settings, ConfigError> {
    let shown = file.map_or_else(
        || "GIAMSAT_TRUSTED_PROXIES".to_owned(),
        |p| p.display().to_string(),
    );
    let from_file = match file {
        None => File::default(),
        Some(path) => {
            let shown = shown.clone();
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: shown.clone(),
                source,
            })?;
            toml::from_str(&text).map_err(|e| ConfigError::Invalid {
                path: shown,
                message: e.to_string().trim_end().to_owned(),
            })?
        }
    };
    let default_addr = DEFAULT_ADDR
        .parse()
        .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)));
    // A flag or the environment replaces the file's list, as for every other setting.
    let (proxies, source) = match trusted_proxies {
        Some(given) => (given, "GIAMSAT_TRUSTED_PROXIES".to_owned()),
        None => (
            from_file.trusted_proxies.clone().unwrap_or_default(),
            shown.clone(),
        ),
    };
    let trusted_proxies = TrustedProxies::parse(&proxies).map_err(|e| ConfigError::Invalid {
        path: source,
        message: format!("trusted_proxies: {e}"),
    })?;
    if let Some(smtp) = &from_file.smtp {
        let invalid = |message: String| ConfigError::Invalid {
            path: shown.clone(),
            message,
        };
        smtp.send_at().map_err(invalid)?;
        if smtp.host.trim().is_empty() {
            return Err(invalid("smtp.host is empty".into()));
        }
        if smtp.username.is_some() != smtp.password.is_some() {
            return Err(invalid(
                "smtp: give both username and password, or neither".into(),
            ));
        }
    }
    Ok(Settings {
        smtp: from_file.smtp,
        db: db.or(from_file.db).unwrap_or_else(|| DEFAULT_DB.to_owned()),
        addr: addr.or(from_file.addr).unwrap_or(default_addr),
        log: log
            .or(from_file.log)
            .unwrap_or_else(|| DEFAULT_LOG.to_owned()),
        trusted_proxies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.toml");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let (_dir, path) = file("db = \"from-file.db\"\naddr = \"127.0.0.1:9000\"\n");
        let settings = load(Some(&path), Some("flag.db".into()), None, None, None).expect("load");
        assert_eq!(settings.db, "flag.db");
        assert_eq!(settings.addr.port(), 9000);
        assert_eq!(settings.log, "info");
        let defaults = load(None, None, None, None, None).expect("defaults");
        assert_eq!(
            (defaults.db.as_str(), defaults.addr.to_string()),
            ("giamsat.db", "127.0.0.1:8080".into())
        );
    }

    #[test]
    fn a_misspelt_or_malformed_setting_is_an_error_that_names_it() {
        let (_dir, path) = file("databse = \"x.db\"\n");
        let message = load(Some(&path), None, None, None, None)
            .expect_err("unknown key")
            .to_string();
        assert!(
            message.contains("giamsat.toml") && message.contains("databse"),
            "{message}"
        );
        let (_dir, path) = file("addr = \"not an address\"\n");
        let message = load(Some(&path), None, None, None, None)
            .expect_err("bad address")
            .to_string();
        assert!(
            message.contains("addr") || message.contains("address"),
            "{message}"
        );
        let missing = load(
            Some(Path::new("/nonexistent/giamsat.toml")),
            None,
            None,
            None,
            None,
        );
        assert!(matches!(missing, Err(ConfigError::Read { .. })));
    }

    #[test]
    fn trusted_proxies_come_from_the_file_or_the_environment_and_are_checked() {
        let localhost = "127.0.0.1".parse().expect("ip");
        let (_dir, path) = file("trusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n");
        let settings = load(Some(&path), None, None, None, None).expect("load");
        assert!(settings.trusted_proxies.trusts(localhost));
        assert!(
            settings
                .trusted_proxies
                .trusts("10.9.9.9".parse().expect("ip"))
        );
        // The environment's list replaces the file's.
        let settings = load(
            Some(&path),
            None,
            None,
            None,
            Some(vec!["192.0.2.1".into()]),
        )
        .expect("load");
        assert!(!settings.trusted_proxies.trusts(localhost));
        // None by default.
        let defaults = load(None, None, None, None, None).expect("defaults");
        assert_eq!(defaults.trusted_proxies, TrustedProxies::default());
        let (_dir, path) = file("trusted_proxies = [\"10.0.0.0/40\"]\n");
        let message = load(Some(&path), None, None, None, None)
            .expect_err("bad range")
            .to_string();
        assert!(
            message.contains("trusted_proxies") && message.contains("10.0.0.0/40"),
            "{message}"
        );
        let message = load(None, None, None, None, Some(vec!["proxy".into()]))
            .expect_err("bad entry")
            .to_string();
        assert!(message.contains("GIAMSAT_TRUSTED_PROXIES"), "{message}");
    }

    #[test]
    fn smtp_settings_are_read_checked_and_their_password_never_printed() {
        assert_eq!(load(None, None, None, None, None).expect("none").smtp, None);
        let (_dir, path) = file(
            "[smtp]\nhost = \"mail.example.vn\"\nfrom = \"giamsat <gs@example.vn>\"\n\
             username = \"gs\"\npassword = \"bí mật\"\nsend_at = \"06:30\"\n",
        );
        let smtp = load(Some(&path), None, None, None, None)
            .expect("load")
            .smtp
            .expect("smtp");
        assert_eq!((smtp.tls, smtp.port()), (SmtpTls::Starttls, 587));
        assert_eq!(smtp.send_at(), Ok(time::macros::time!(06:30)));
        let shown = format!("{smtp:?}");
        assert!(
            !shown.contains("bí mật") && shown.contains("redacted"),
            "{shown}"
        );
        for (text, named) in [
            (
                "[smtp]\nhost = \"h\"\nfrom = \"f@h.vn\"\nprot = 25\n",
                "prot",
            ),
            (
                "[smtp]\nhost = \"h\"\nfrom = \"f@h.vn\"\ntls = \"ssl\"\n",
                "ssl",
            ),
            (
                "[smtp]\nhost = \"h\"\nfrom = \"f@h.vn\"\nsend_at = \"7h\"\n",
                "send_at",
            ),
            (
                "[smtp]\nhost = \"h\"\nfrom = \"f@h.vn\"\nusername = \"u\"\n",
                "password",
            ),
        ] {
            let (_dir, path) = file(text);
            let message = load(Some(&path), None, None, None, None)
                .expect_err(named)
                .to_string();
            assert!(message.contains(named), "{message}");
        }
    }
}
