//! `giamsat bench load`: a running server driven as its users drive it, signed in, pages
//! read by several clients at once while one of them writes a figure now and then, for
//! `scripts/bench load` (throughput and latency) and `scripts/soak` (memory over an hour).
//!
//! Each write is followed by a read of the same figure through the API by the same client:
//! a write that the next read does not show is counted as stale, so the figures printed are
//! those of a server that keeps its promise to show what it was told.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::CliError;

/// What `giamsat bench load` is asked to do.
pub struct LoadPlan {
    /// The server's address, `http://127.0.0.1:8080`.
    pub url: String,
    pub username: String,
    pub password: String,
    /// The pages read, in turn; each client starts at a different one.
    pub pages: Vec<String>,
    pub clients: usize,
    pub duration: Duration,
    /// One write of a figure every this many pages read by the first client (0: none).
    pub write_every: u64,
    /// The cell written: indicator code, unit code, period code.
    pub cell: Option<(String, String, String)>,
    /// The server's process, whose resident memory is sampled.
    pub pid: Option<u32>,
    /// How often memory is printed.
    pub report_every: Duration,
    /// Not counted in the figures: connections open, caches warm.
    pub warm_up: Duration,
    /// The most memory may grow between the warm-up's end and the run's, in percent.
    pub memory_growth_limit: Option<f64>,
}

#[derive(Default)]
struct Tally {
    pages: AtomicU64,
    writes: AtomicU64,
    failures: AtomicU64,
    stale: AtomicU64,
}

/// Latencies of one client, in microseconds, apart for pages and writes.
#[derive(Default)]
struct Latencies {
    pages: Vec<u64>,
    writes: Vec<u64>,
}

/// Drives the server as the plan says, then prints throughput, latencies and memory.
pub async fn run(plan: LoadPlan) -> Result<(), CliError> {
    if plan.pages.is_empty() || plan.clients == 0 {
        return Err(CliError::Other(
            "bench load needs at least one page and one client".to_owned(),
        ));
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(plan.clients)
        .build()
        .map_err(|e| CliError::Other(format!("HTTP client: {e}")))?;
    let session = sign_in(&client, &plan).await?;
    let plan = Arc::new(plan);
    let tally = Arc::new(Tally::default());
    let counting = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let rss_start = plan.pid.and_then(resident_kb);
    let mut clients = Vec::new();
    for n in 0..plan.clients {
        let (client, session, plan) = (client.clone(), session.clone(), plan.clone());
        let (tally, counting, stop) = (tally.clone(), counting.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            drive(n, &client, &session, &plan, &tally, &counting, &stop).await
        }));
    }
    tokio::time::sleep(plan.warm_up).await;
    let rss_warm = plan.pid.and_then(resident_kb);
    counting.store(true, Ordering::Relaxed);
    let started = Instant::now();
    let mut next_report = plan.report_every;
    while started.elapsed() < plan.duration {
        let left = plan.duration.saturating_sub(started.elapsed());
        tokio::time::sleep(left.min(Duration::from_secs(1))).await;
        if started.elapsed() >= next_report {
            next_report += plan.report_every;
            println!(
                "{:>6.0} s  pages {:>9}  writes {:>7}  failures {}  memory {}",
                started.elapsed().as_secs_f64(),
                tally.pages.load(Ordering::Relaxed),
                tally.writes.load(Ordering::Relaxed),
                tally.failures.load(Ordering::Relaxed),
                memory(plan.pid.and_then(resident_kb)),
            );
        }
    }
    stop.store(true, Ordering::Relaxed);
    let elapsed = started.elapsed().as_secs_f64();
    let mut all = Latencies::default();
    for handle in clients {
        let latencies = handle
            .await
            .map_err(|e| CliError::Other(format!("a client stopped: {e}")))?;
        all.pages.extend(latencies.pages);
        all.writes.extend(latencies.writes);
    }
    let rss_end = plan.pid.and_then(resident_kb);
    let pages = tally.pages.load(Ordering::Relaxed);
    let writes = tally.writes.load(Ordering::Relaxed);
    println!("clients {}, {elapsed:.1} s measured", plan.clients);
    println!(
        "pages   {pages} ({:.0}/s)  p50 {}  p99 {}",
        pages as f64 / elapsed,
        quantile(&mut all.pages, 0.50),
        quantile(&mut all.pages, 0.99)
    );
    println!(
        "writes  {writes} ({:.0}/s)  p50 {}  p99 {}  not shown by the next read: {}",
        writes as f64 / elapsed,
        quantile(&mut all.writes, 0.50),
        quantile(&mut all.writes, 0.99),
        tally.stale.load(Ordering::Relaxed)
    );
    println!("failures {}", tally.failures.load(Ordering::Relaxed));
    if plan.pid.is_some() {
        println!(
            "memory  start {}  after warm-up {}  end {}",
            memory(rss_start),
            memory(rss_warm),
            memory(rss_end)
        );
        if let (Some(warm), Some(end)) = (rss_warm, rss_end) {
            let growth = (end as f64 - warm as f64) * 100.0 / warm as f64;
            println!("memory at the end: {growth:+.1}% of memory after warm-up");
            if let Some(limit) = plan.memory_growth_limit
                && growth > limit
            {
                return Err(CliError::Other(format!(
                    "memory grew by {growth:.1}%, more than {limit}%"
                )));
            }
        }
    }
    let failures = tally.failures.load(Ordering::Relaxed) + tally.stale.load(Ordering::Relaxed);
    if failures > 0 {
        return Err(CliError::Other(format!(
            "{failures} requests failed or showed a stale figure"
        )));
    }
    Ok(())
}

/// A signed-in browser's credentials: its session cookie and the CSRF token its writes carry.
#[derive(Clone)]
struct Session {
    cookie: String,
    csrf: String,
}

async fn sign_in(client: &reqwest::Client, plan: &LoadPlan) -> Result<Session, CliError> {
    let failed = |what: &str, e: &dyn std::fmt::Display| {
        CliError::Other(format!("signing in to {}: {what}: {e}", plan.url))
    };
    let form = client
        .get(format!("{}/login", plan.url))
        .send()
        .await
        .map_err(|e| failed("the sign-in page", &e))?;
    let login_cookie = cookie_of(&form, "giamsat_login")
        .ok_or_else(|| failed("the sign-in page", &"no form cookie"))?;
    let html = form.text().await.map_err(|e| failed("the page", &e))?;
    let csrf = csrf_field(&html).ok_or_else(|| failed("the page", &"no csrf field"))?;
    let answer = client
        .post(format!("{}/login", plan.url))
        .header("cookie", format!("giamsat_login={login_cookie}"))
        .form(&[
            ("username", plan.username.as_str()),
            ("password", plan.password.as_str()),
            ("csrf", csrf.as_str()),
            ("next", "/"),
        ])
        .send()
        .await
        .map_err(|e| failed("the form", &e))?;
    let session = cookie_of(&answer, "giamsat_session")
        .ok_or_else(|| failed("the form", &format!("refused ({})", answer.status())))?;
    let cookie = format!("giamsat_session={session}");
    // The session's CSRF token is in every form of the signed-in pages.
    let account = client
        .get(format!("{}/account", plan.url))
        .header("cookie", &cookie)
        .send()
        .await
        .map_err(|e| failed("the account page", &e))?;
    let html = account.text().await.map_err(|e| failed("the page", &e))?;
    let csrf = csrf_field(&html).ok_or_else(|| failed("the account page", &"no csrf field"))?;
    Ok(Session { cookie, csrf })
}

fn cookie_of(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let pair = v.split(';').next()?;
            let (k, value) = pair.split_once('=')?;
            (k == name && !value.is_empty()).then(|| value.to_owned())
        })
}

fn csrf_field(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    html[start..].split('"').next().map(str::to_owned)
}

/// One client: pages in turn, a write now and then, until told to stop.
async fn drive(
    n: usize,
    client: &reqwest::Client,
    session: &Session,
    plan: &LoadPlan,
    tally: &Tally,
    counting: &AtomicBool,
    stop: &AtomicBool,
) -> Latencies {
    let mut latencies = Latencies::default();
    let mut read = 0u64;
    let mut turn = n;
    while !stop.load(Ordering::Relaxed) {
        let page = &plan.pages[turn % plan.pages.len()];
        turn += 1;
        let started = Instant::now();
        let ok = get(client, session, &format!("{}{page}", plan.url)).await;
        let micros = started.elapsed().as_micros() as u64;
        if counting.load(Ordering::Relaxed) {
            tally.pages.fetch_add(1, Ordering::Relaxed);
            latencies.pages.push(micros);
            if !ok {
                tally.failures.fetch_add(1, Ordering::Relaxed);
            }
        }
        read += 1;
        // One client writes, so that the read after its write has nobody else's to show.
        if n == 0
            && plan.write_every > 0
            && read.is_multiple_of(plan.write_every)
            && let Some(cell) = &plan.cell
        {
            let value = (n as u64 * 1_000_000 + read) as f64 / 10.0;
            let started = Instant::now();
            let outcome = write_and_read_back(client, session, plan, cell, value).await;
            if counting.load(Ordering::Relaxed) {
                latencies.writes.push(started.elapsed().as_micros() as u64);
                tally.writes.fetch_add(1, Ordering::Relaxed);
                match outcome {
                    Written::Shown => {}
                    Written::Stale => {
                        tally.stale.fetch_add(1, Ordering::Relaxed);
                    }
                    Written::Failed => {
                        tally.failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }
    }
    latencies
}

async fn get(client: &reqwest::Client, session: &Session, url: &str) -> bool {
    match client
        .get(url)
        .header("cookie", &session.cookie)
        .send()
        .await
    {
        Ok(response) => {
            let ok = response.status().is_success();
            // The whole body is read, as a browser does.
            response.bytes().await.is_ok() && ok
        }
        Err(_) => false,
    }
}

enum Written {
    Shown,
    Stale,
    Failed,
}

async fn write_and_read_back(
    client: &reqwest::Client,
    session: &Session,
    plan: &LoadPlan,
    (indicator, unit, period): &(String, String, String),
    value: f64,
) -> Written {
    let body = serde_json::json!({
        "indicator": indicator,
        "unit": unit,
        "period": period,
        "value": value.to_string(),
        "kind": "estimate",
        "source": "bench load",
    });
    let written = client
        .post(format!("{}/api/v1/observations", plan.url))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf)
        .header("origin", &plan.url)
        .json(&body)
        .send()
        .await;
    if !written.is_ok_and(|r| r.status().is_success()) {
        return Written::Failed;
    }
    let read = client
        .get(format!("{}/api/v1/values", plan.url))
        .query(&[
            ("indicator", indicator.as_str()),
            ("unit", unit.as_str()),
            ("period", period.as_str()),
        ])
        .header("cookie", &session.cookie)
        .send()
        .await;
    let Ok(read) = read else {
        return Written::Failed;
    };
    let Ok(json) = read.json::<serde_json::Value>().await else {
        return Written::Failed;
    };
    if shows(&json, value) {
        Written::Shown
    } else {
        Written::Stale
    }
}

/// Whether an answer of `/api/v1/values` holds `value` as the current figure, wherever the
/// answer puts it.
fn shows(json: &serde_json::Value, value: f64) -> bool {
    match json {
        serde_json::Value::Number(n) => n.as_f64() == Some(value),
        serde_json::Value::Array(items) => items.iter().any(|i| shows(i, value)),
        serde_json::Value::Object(fields) => fields.values().any(|v| shows(v, value)),
        _ => false,
    }
}

/// The quantile `q` of latencies in microseconds, as milliseconds.
fn quantile(micros: &mut [u64], q: f64) -> String {
    if micros.is_empty() {
        return "-".to_owned();
    }
    micros.sort_unstable();
    let at = ((micros.len() - 1) as f64 * q).round() as usize;
    format!("{:.2} ms", micros[at] as f64 / 1000.0)
}

/// The resident memory of a process, in KB, from `/proc`.
fn resident_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn memory(kb: Option<u64>) -> String {
    kb.map_or("-".to_owned(), |kb| format!("{:.1} MB", kb as f64 / 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_of_latencies() {
        let mut micros: Vec<u64> = (1..=100).map(|n| n * 1000).collect();
        assert_eq!(quantile(&mut micros, 0.5), "51.00 ms");
        assert_eq!(quantile(&mut micros, 0.99), "99.00 ms");
        assert_eq!(quantile(&mut [], 0.99), "-");
    }

    #[test]
    fn a_value_is_found_wherever_the_answer_puts_it() {
        let answer = serde_json::json!({"current": {"value": 12.5, "id": 3}});
        assert!(shows(&answer, 12.5));
        assert!(!shows(&answer, 12.0));
    }

    #[test]
    fn this_process_has_resident_memory() {
        assert!(resident_kb(std::process::id()).is_some_and(|kb| kb > 0));
    }
}
