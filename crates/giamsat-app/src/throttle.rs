//! Throttling of failed sign-ins, per account and per address: a password cannot be guessed
//! by trying many, on one account from many addresses or on many accounts from one address.
//!
//! The counts live in memory: a restart forgives, and each process of a cluster counts its
//! own attempts. The clock is the caller's, so the rules are tested on their boundaries.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// Failures counted over this window.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failures on one account within the window before it is refused for the rest of it.
pub const PER_ACCOUNT: usize = 5;
/// Failures from one address within the window before it is refused for the rest of it.
pub const PER_ADDRESS: usize = 20;
/// Keys kept before stale ones are swept, so that a flood of names cannot fill memory.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    Address(IpAddr),
}

/// Recent failed sign-ins.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<Key, Vec<OffsetDateTime>>>,
}

impl Throttle {
    /// How long until `username` may try again from `address`, or `None` if it may now.
    pub fn wait(&self, username: &str, address: IpAddr, now: OffsetDateTime) -> Option<Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        [
            (Key::Account(username.to_lowercase()), PER_ACCOUNT),
            (Key::Address(address), PER_ADDRESS),
        ]
        .into_iter()
        .filter_map(|(key, limit)| {
            let recent: Vec<&OffsetDateTime> = failures
                .get(&key)?
                .iter()
                .filter(|at| now - **at < WINDOW)
                .collect();
            // Refused until the oldest failure that counts leaves the window.
            (recent.len() >= limit).then(|| *recent[recent.len() - limit] + WINDOW - now)
        })
        .max()
    }

    /// Counts a failed attempt.
    pub fn failed(&self, username: &str, address: IpAddr, now: OffsetDateTime) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > SWEEP_ABOVE {
            failures.retain(|_, times| times.iter().any(|at| now - *at < WINDOW));
        }
        for key in [Key::Account(username.to_lowercase()), Key::Address(address)] {
            let times = failures.entry(key).or_default();
            times.retain(|at| now - *at < WINDOW);
            times.push(now);
        }
    }

    /// Forgets an account's failures once it signs in. The address keeps its count: one
    /// good password does not clear guesses made at other accounts.
    pub fn succeeded(&self, username: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&Key::Account(username.to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const T0: OffsetDateTime = time::macros::datetime!(2026-11-23 08:00 UTC);

    fn address(n: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(10, 0, 0, n))
    }

    #[test]
    fn an_account_is_refused_after_five_failures_until_the_first_leaves_the_window() {
        let throttle = Throttle::default();
        for i in 0..PER_ACCOUNT {
            assert_eq!(throttle.wait("lan", address(1), T0), None);
            // From a different address each time: the account's count still grows.
            let n = u8::try_from(i).expect("small");
            throttle.failed("Lan", address(n), T0 + Duration::minutes(i64::from(n)));
        }
        let now = T0 + Duration::minutes(5);
        assert_eq!(
            throttle.wait("LAN", address(9), now),
            Some(Duration::minutes(10))
        );
        // One second before the first failure is 15 minutes old: still refused.
        let edge = T0 + WINDOW - Duration::seconds(1);
        assert_eq!(
            throttle.wait("lan", address(9), edge),
            Some(Duration::seconds(1))
        );
        assert_eq!(throttle.wait("lan", address(9), T0 + WINDOW), None);
        // Another account is not affected.
        assert_eq!(throttle.wait("minh", address(9), now), None);
    }

    #[test]
    fn an_address_is_refused_after_twenty_failures_on_any_accounts() {
        let throttle = Throttle::default();
        for i in 0..PER_ADDRESS {
            throttle.failed(&format!("user{i}"), address(1), T0);
        }
        assert_eq!(throttle.wait("someone", address(1), T0), Some(WINDOW));
        assert_eq!(throttle.wait("someone", address(2), T0), None);
    }

    #[test]
    fn success_clears_the_account_but_not_the_address() {
        let throttle = Throttle::default();
        for _ in 0..PER_ACCOUNT {
            throttle.failed("lan", address(1), T0);
        }
        throttle.succeeded("lan");
        assert_eq!(throttle.wait("lan", address(2), T0), None);
        for i in 0..(PER_ADDRESS - PER_ACCOUNT) {
            throttle.failed(&format!("u{i}"), address(1), T0);
        }
        assert!(throttle.wait("lan", address(1), T0).is_some());
    }
}
