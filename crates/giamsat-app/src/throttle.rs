//! Throttling of failed password checks (ASVS 2.2.1), per (account, address) and per address,
//! by progressive delays rather than a lock: a guesser waits longer after each failure, while
//! the holder of the password, from an address that has not failed, signs in at once. A lock
//! of the account itself would let anyone who knows a username keep its owner out.
//!
//! A pair may fail [`PER_PAIR`] times, an address [`PER_ADDRESS`] times (guessing at many
//! accounts), before each further attempt waits 1 s, 2 s, 4 s … from the last failure, at most
//! [`MAX_DELAY`]. Counts are forgotten after [`WINDOW`] without a failure, and a pair's on a
//! success. The counts live in memory: a restart forgives, and each process of a cluster
//! counts its own attempts. The clock is the caller's, so the rules are tested on their
//! boundaries.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// Failures of one (account, address) pair before attempts are delayed.
pub const PER_PAIR: u32 = 5;
/// Failures from one address, on any accounts, before its attempts are delayed.
pub const PER_ADDRESS: u32 = 20;
/// The longest delay: a guesser gets about 12 tries an hour, a person who mistyped waits a
/// few minutes at worst.
pub const MAX_DELAY: Duration = Duration::minutes(5);
/// A count is forgotten this long after its last failure.
pub const WINDOW: Duration = Duration::minutes(15);
/// Keys kept before stale ones are swept, so that a flood of names cannot fill memory.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Pair(String, IpAddr),
    Address(IpAddr),
}

impl Key {
    fn free(&self) -> u32 {
        match self {
            Key::Pair(..) => PER_PAIR,
            Key::Address(_) => PER_ADDRESS,
        }
    }
}

/// Failures of one key: how many, and when the last was.
#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    last: OffsetDateTime,
}

impl Count {
    fn current(&self, now: OffsetDateTime) -> bool {
        now - self.last < WINDOW
    }

    /// The delay after the last failure: none within the free failures, then doubling.
    fn delay(&self, free: u32) -> Duration {
        match self.failures.checked_sub(free) {
            None => Duration::ZERO,
            // 2^9 s is past the cap already; the shift never overflows.
            Some(over) => Duration::seconds(1_i64 << over.min(9)).min(MAX_DELAY),
        }
    }
}

/// Recent failed password checks of one kind (signing in, or confirming one's password).
#[derive(Debug, Default)]
pub struct Throttle {
    counts: Mutex<HashMap<Key, Count>>,
}

fn keys(username: &str, address: IpAddr) -> [Key; 2] {
    [
        Key::Pair(username.trim().to_lowercase(), address),
        Key::Address(address),
    ]
}

impl Throttle {
    /// How long until `username` may try again from `address`, or `None` if it may now.
    pub fn wait(&self, username: &str, address: IpAddr, now: OffsetDateTime) -> Option<Duration> {
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        keys(username, address)
            .into_iter()
            .filter_map(|key| {
                let count = counts.get(&key).filter(|c| c.current(now))?;
                let left = count.last + count.delay(key.free()) - now;
                left.is_positive().then_some(left)
            })
            .max()
    }

    /// Counts a failed attempt.
    pub fn failed(&self, username: &str, address: IpAddr, now: OffsetDateTime) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        if counts.len() > SWEEP_ABOVE {
            counts.retain(|_, count| count.current(now));
        }
        for key in keys(username, address) {
            let count = counts.entry(key).or_insert(Count {
                failures: 0,
                last: now,
            });
            if !count.current(now) {
                count.failures = 0;
            }
            count.failures = count.failures.saturating_add(1);
            count.last = now;
        }
    }

    /// Forgets the failures of `username` from `address` once it signs in there. The
    /// address keeps its count: one good password does not clear guesses made at other
    /// accounts.
    pub fn succeeded(&self, username: &str, address: IpAddr) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let [pair, _] = keys(username, address);
        counts.remove(&pair);
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

    /// The wait after each of `n` failures of one pair, each attempt made as soon as it is
    /// allowed, in seconds (0 for none); and the time of the last failure.
    fn waits_after_failures(throttle: &Throttle, n: usize) -> (Vec<i64>, OffsetDateTime) {
        let mut now = T0;
        let mut waits = Vec::new();
        for _ in 0..n {
            if let Some(wait) = throttle.wait("lan", address(1), now) {
                now += wait;
            }
            throttle.failed("Lan", address(1), now);
            waits.push(
                throttle
                    .wait("LAN", address(1), now)
                    .map_or(0, |w| w.whole_seconds()),
            );
        }
        (waits, now)
    }

    #[test]
    fn delays_after_five_failures_of_a_pair_double_and_stop_at_five_minutes() {
        let throttle = Throttle::default();
        let (waits, last) = waits_after_failures(&throttle, 15);
        assert_eq!(
            waits,
            [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
        );
        // The delay runs from the last failure, to the second.
        let edge = last + Duration::seconds(299);
        assert_eq!(
            throttle.wait("lan", address(1), edge),
            Some(Duration::seconds(1))
        );
        assert_eq!(throttle.wait("lan", address(1), last + MAX_DELAY), None);
        // Quiet for the window, the pair starts again from nothing.
        let later = last + WINDOW;
        throttle.failed("lan", address(1), later);
        assert_eq!(throttle.wait("lan", address(1), later), None);
    }

    #[test]
    fn fifty_failures_from_one_address_do_not_hold_the_account_elsewhere() {
        let throttle = Throttle::default();
        let (_, last) = waits_after_failures(&throttle, 50);
        assert!(throttle.wait("lan", address(1), last).is_some());
        // The holder of the password, from anywhere else, is not kept out.
        assert_eq!(throttle.wait("lan", address(2), last), None);
        // The guessing address itself, past its own twenty, waits for any account.
        assert!(throttle.wait("minh", address(1), last).is_some());
    }

    #[test]
    fn an_address_guessing_at_many_accounts_is_delayed_after_twenty_failures() {
        let throttle = Throttle::default();
        for i in 0..PER_ADDRESS {
            throttle.failed(&format!("user{i}"), address(1), T0);
        }
        assert_eq!(
            throttle.wait("someone", address(1), T0),
            Some(Duration::seconds(1))
        );
        assert_eq!(throttle.wait("someone", address(2), T0), None);
    }

    #[test]
    fn success_clears_the_pair_but_not_the_address() {
        let throttle = Throttle::default();
        for _ in 0..PER_PAIR {
            throttle.failed("lan", address(1), T0);
        }
        assert!(throttle.wait("lan", address(1), T0).is_some());
        throttle.succeeded("LAN", address(1));
        assert_eq!(throttle.wait("lan", address(1), T0), None);
        for i in 0..(PER_ADDRESS - PER_PAIR) {
            throttle.failed(&format!("u{i}"), address(1), T0);
        }
        assert!(throttle.wait("lan", address(1), T0).is_some());
        assert_eq!(throttle.wait("lan", address(2), T0), None);
    }
}
