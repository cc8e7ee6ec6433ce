//! What an operator reads at `/metrics`, in Prometheus' text format: requests and their
//! latencies by route and status class, the engine's size, and the application's counted
//! outcomes (imports, refused sign-ins). Written by hand: a few counters under one lock and a
//! fixed set of latency buckets need no metrics library.
//!
//! A route is labelled by its pattern (`/units/{code}`), never by the path asked, so the
//! number of series is bounded by the routes this crate serves whatever clients send.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

/// Upper bounds of the latency buckets, in seconds: from a read of the engine (well under a
/// millisecond) to an import of a large file.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The label of requests that matched no route (the fallback page).
const UNMATCHED: &str = "unmatched";

/// The requests counted since the process started.
#[derive(Debug, Default)]
pub struct Metrics {
    routes: Mutex<BTreeMap<String, Route>>,
}

#[derive(Debug, Default)]
struct Route {
    /// Responses by status class, 1xx to 5xx.
    by_class: [u64; 5],
    /// Requests whose latency was at most each bound of [`BUCKETS`] (not yet cumulative).
    buckets: [u64; BUCKETS.len()],
    count: u64,
    seconds: f64,
}

impl Metrics {
    /// Counts one answered request.
    pub fn record(&self, route: &str, status: u16, seconds: f64) {
        let mut routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        // Allocates only the first time a route is seen.
        if !routes.contains_key(route) {
            routes.insert(route.to_owned(), Route::default());
        }
        let Some(r) = routes.get_mut(route) else {
            return;
        };
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        r.by_class[class] += 1;
        if let Some(b) = BUCKETS.iter().position(|&bound| seconds <= bound) {
            r.buckets[b] += 1;
        }
        r.count += 1;
        r.seconds += seconds;
    }

    /// The request series, in the text format.
    fn write(&self, out: &mut String) {
        let routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        out.push_str("# HELP giamsat_http_requests_total Requests answered, by route pattern and status class.\n");
        out.push_str("# TYPE giamsat_http_requests_total counter\n");
        for (route, r) in routes.iter() {
            let route = escape(route);
            for (class, n) in r.by_class.iter().enumerate() {
                if *n > 0 {
                    let _ = writeln!(
                        out,
                        "giamsat_http_requests_total{{route=\"{route}\",status=\"{}xx\"}} {n}",
                        class + 1
                    );
                }
            }
        }
        out.push_str(
            "# HELP giamsat_http_request_duration_seconds Time to answer, by route pattern.\n",
        );
        out.push_str("# TYPE giamsat_http_request_duration_seconds histogram\n");
        for (route, r) in routes.iter() {
            let route = escape(route);
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(r.buckets) {
                cumulative += n;
                let _ = writeln!(
                    out,
                    "giamsat_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "giamsat_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                r.count
            );
            let _ = writeln!(
                out,
                "giamsat_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                r.seconds
            );
            let _ = writeln!(
                out,
                "giamsat_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                r.count
            );
        }
    }
}

/// A label value as the text format wants it.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The middleware: times every request and counts it under its route's pattern. Run inside
/// the router (`Router::layer`), where the matched route is known.
pub async fn track<S: Store>(
    State(state): State<AppState<S>>,
    request: Request,
    next: Next,
) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(UNMATCHED, MatchedPath::as_str)
        .to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    state.metrics.record(
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`, for administrators.
pub async fn metrics<S: Store>(
    State(state): State<AppState<S>>,
    Principal(who): Principal,
) -> Result<Response, ApiError> {
    // The system actor (no grants) may do anything; accounts need an administrator's grant.
    let allowed = who
        .actor
        .grants
        .as_deref()
        .is_none_or(giamsat_core::access::may_read_metrics);
    if !allowed {
        return Err(ApiError::Forbidden(
            "the metrics are for administrators".to_owned(),
        ));
    }
    let mut out = String::new();
    state.metrics.write(&mut out);
    let (units, indicators, targets, figures) = {
        let engine = state.app.engine();
        (
            engine.units().count(),
            engine.indicators().count(),
            engine.targets().count(),
            engine.cell_count(),
        )
    };
    for (name, help, value) in [
        ("units", "Units in the engine, of every date.", units),
        ("indicators", "Indicators in the engine.", indicators),
        ("targets", "Targets in the engine.", targets),
        (
            "current_figures",
            "Cells holding a current figure in the engine.",
            figures,
        ),
    ] {
        let _ = writeln!(
            out,
            "# HELP giamsat_engine_{name} {help}\n# TYPE giamsat_engine_{name} gauge\ngiamsat_engine_{name} {value}"
        );
    }
    let o = state.app.outcomes();
    let _ = writeln!(
        out,
        "# HELP giamsat_imports_total CSV imports, by outcome.\n# TYPE giamsat_imports_total counter\n\
         giamsat_imports_total{{outcome=\"accepted\"}} {}\ngiamsat_imports_total{{outcome=\"refused\"}} {}",
        o.imports_accepted, o.imports_refused
    );
    let _ = writeln!(
        out,
        "# HELP giamsat_sign_ins_refused_total Sign-ins refused for a wrong username or password.\n\
         # TYPE giamsat_sign_ins_refused_total counter\ngiamsat_sign_ins_refused_total {}",
        o.sign_ins_refused
    );
    let _ = writeln!(
        out,
        "# HELP giamsat_sign_ins_delayed_total Sign-ins refused unchecked: earlier failures ask for a wait.\n\
         # TYPE giamsat_sign_ins_delayed_total counter\ngiamsat_sign_ins_delayed_total {}",
        o.sign_ins_delayed
    );
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response())
}

/// `GET /readyz`: 200 when the store answers and the engine is current, else 503 and why.
pub async fn readyz<S: Store>(State(state): State<AppState<S>>) -> Result<&'static str, ApiError> {
    state.app.readiness().await?;
    Ok("ready")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_fall_in_cumulative_buckets_and_statuses_in_classes() {
        let metrics = Metrics::default();
        metrics.record("/units/{code}", 200, 0.0004);
        metrics.record("/units/{code}", 404, 0.3);
        metrics.record("/units/{code}", 503, 60.0);
        let mut out = String::new();
        metrics.write(&mut out);
        for line in [
            "giamsat_http_requests_total{route=\"/units/{code}\",status=\"2xx\"} 1",
            "giamsat_http_requests_total{route=\"/units/{code}\",status=\"4xx\"} 1",
            "giamsat_http_requests_total{route=\"/units/{code}\",status=\"5xx\"} 1",
            "giamsat_http_request_duration_seconds_bucket{route=\"/units/{code}\",le=\"0.001\"} 1",
            "giamsat_http_request_duration_seconds_bucket{route=\"/units/{code}\",le=\"0.25\"} 1",
            "giamsat_http_request_duration_seconds_bucket{route=\"/units/{code}\",le=\"0.5\"} 2",
            "giamsat_http_request_duration_seconds_bucket{route=\"/units/{code}\",le=\"10\"} 2",
            "giamsat_http_request_duration_seconds_bucket{route=\"/units/{code}\",le=\"+Inf\"} 3",
            "giamsat_http_request_duration_seconds_count{route=\"/units/{code}\"} 3",
        ] {
            assert!(out.lines().any(|l| l == line), "{line} in\n{out}");
        }
        assert!(!out.contains("3xx"), "{out}");
    }
}
