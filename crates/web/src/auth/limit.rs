//! How many failed sign-ins an account name and an address may have: a
//! password cannot be guessed at speed, by one machine or by many against
//! one account.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The window failures are counted in.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failed sign-ins per account name within the window.
pub const PER_ACCOUNT: usize = 5;
/// Failed sign-ins per address within the window (an office shares one).
pub const PER_ADDRESS: usize = 20;
/// Keys kept before old ones are dropped, so a flood cannot fill memory.
const MAX_KEYS: usize = 10_000;

/// Failed sign-ins, per account name and per address, in memory (a
/// restart forgets them, which costs an attacker a restart per window).
#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginLimiter {
    /// Whether a sign-in as `name` from `addr` may be tried now; if not,
    /// how long until it may.
    pub fn check(&self, name: &str, addr: Option<IpAddr>) -> Result<(), Duration> {
        let now = Instant::now();
        let mut failures = self.lock();
        let mut wait = Duration::ZERO;
        for (key, limit) in keys(name, addr) {
            if let Some(times) = failures.get_mut(&key) {
                forget_old(times, now);
                if times.len() >= limit
                    && let Some(oldest) = times.front()
                {
                    wait = wait.max(WINDOW.saturating_sub(now - *oldest));
                }
            }
        }
        if wait.is_zero() { Ok(()) } else { Err(wait) }
    }

    /// Counts a failed sign-in.
    pub fn failed(&self, name: &str, addr: Option<IpAddr>) {
        let now = Instant::now();
        let mut failures = self.lock();
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, times| {
                forget_old(times, now);
                !times.is_empty()
            });
        }
        for (key, _) in keys(name, addr) {
            failures.entry(key).or_default().push_back(now);
        }
    }

    /// A sign-in succeeded: the account's count starts over (the address's
    /// stays, so one good password does not open the door for guessing others).
    pub fn succeeded(&self, name: &str) {
        self.lock().remove(&account_key(name));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        self.failures.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn account_key(name: &str) -> String {
    format!("account:{}", name.trim().to_lowercase())
}

fn keys(name: &str, addr: Option<IpAddr>) -> Vec<(String, usize)> {
    let mut keys = vec![(account_key(name), PER_ACCOUNT)];
    if let Some(addr) = addr {
        keys.push((format!("address:{addr}"), PER_ADDRESS));
    }
    keys
}

fn forget_old(times: &mut VecDeque<Instant>, now: Instant) {
    while times.front().is_some_and(|t| now - *t >= WINDOW) {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(last: u8) -> Option<IpAddr> {
        Some(IpAddr::from([10, 0, 0, last]))
    }

    #[test]
    fn an_account_is_locked_after_its_failures_from_anywhere() {
        let limiter = LoginLimiter::default();
        for i in 0..PER_ACCOUNT {
            assert!(limiter.check("dk-coord", addr(i as u8)).is_ok());
            limiter.failed("dk-coord", addr(i as u8));
        }
        let wait = limiter.check("DK-Coord", addr(99)).expect_err("locked");
        assert!(wait <= WINDOW && wait > WINDOW - Duration::from_secs(5));
        assert!(
            limiter.check("kr-coord", addr(99)).is_ok(),
            "others are not"
        );
    }

    #[test]
    fn an_address_is_locked_after_its_failures_on_any_account() {
        let limiter = LoginLimiter::default();
        for i in 0..PER_ADDRESS {
            limiter.failed(&format!("name{i}"), addr(1));
        }
        assert!(limiter.check("someone", addr(1)).is_err());
        assert!(limiter.check("someone", addr(2)).is_ok());
    }

    #[test]
    fn success_clears_the_account_but_not_the_address() {
        let limiter = LoginLimiter::default();
        for _ in 0..PER_ACCOUNT {
            limiter.failed("dk-coord", addr(1));
        }
        limiter.succeeded("dk-coord");
        assert!(limiter.check("dk-coord", addr(1)).is_ok());
        for _ in 0..(PER_ADDRESS - PER_ACCOUNT) {
            limiter.failed("x", addr(1));
        }
        assert!(limiter.check("dk-coord", addr(1)).is_err());
    }
}
