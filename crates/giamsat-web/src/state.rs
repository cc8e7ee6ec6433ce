//! What the two surfaces (the JSON API in `api` and the HTML pages in `pages`) share, so that
//! neither imports the other: the state every handler holds and the few readings of the
//! engine and the clock both make.

use std::sync::Arc;

use giamsat_app::{App, Store};
use giamsat_core::Engine;

/// What every handler shares: the application, the interface strings, and the proxies whose
/// `X-Forwarded-For` names the client.
pub struct WebState<S: Store> {
    pub app: App<S>,
    pub i18n: crate::i18n::I18n,
    pub trusted_proxies: crate::proxies::TrustedProxies,
    /// Requests counted for `/metrics`.
    pub metrics: crate::metrics::Metrics,
}

/// The state as handlers take it.
pub type AppState<S> = Arc<WebState<S>>;

/// A moment as the clocks in Vietnam (UTC+7) show it.
pub fn in_vietnam(at: time::OffsetDateTime) -> time::OffsetDateTime {
    at.to_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC))
}

/// Today in Vietnam, the date pages and the API read "now" as.
pub fn today() -> time::Date {
    in_vietnam(time::OffsetDateTime::now_utc()).date()
}

/// A unit's code for display and the wire; its id only if the engine no longer knows it.
pub fn unit_code(engine: &Engine, id: giamsat_core::UnitId) -> String {
    engine
        .unit(id)
        .map_or_else(|| id.to_string(), |u| u.code.to_string())
}
