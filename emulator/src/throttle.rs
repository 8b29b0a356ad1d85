//! The API gateway's throttling, off by default: a token bucket per user that refills at
//! `per_second` requests a second and holds one second's worth. Over the limit, the
//! gateway's documented answer: 429 with `APIGW.0308` and the limit in its words. No
//! `Retry-After` (none is documented). A refused request takes no place in the bucket.
//!
//! The gateway limits per user and per API; here one bucket serves all of a user's SWR
//! calls, which is stricter: a client that copes with it copes with both.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use crate::errors::apigw;
use crate::{signer, Shared};

#[derive(Default)]
pub struct Throttle {
    /// Requests a second per user; 0 = off.
    per_second: Mutex<u32>,
    /// What `--rate-limit` set at start, which a reset returns to.
    pub initial: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Throttle {
    pub fn new(per_second: u32) -> Throttle {
        Throttle {
            per_second: Mutex::new(per_second),
            initial: per_second,
            buckets: Mutex::default(),
        }
    }

    pub fn per_second(&self) -> u32 {
        *self.per_second.lock().unwrap()
    }

    /// A new limit; every bucket starts full again.
    pub fn set(&self, per_second: u32) {
        *self.per_second.lock().unwrap() = per_second;
        self.buckets.lock().unwrap().clear();
    }

    /// Takes one place in `caller`'s bucket at `now`; false when it is empty.
    pub fn admit(&self, caller: &str, now: Instant) -> bool {
        let rate = f64::from(self.per_second());
        if rate == 0.0 {
            return true;
        }
        let mut buckets = self.buckets.lock().unwrap();
        let b = buckets.entry(caller.to_string()).or_insert(Bucket {
            tokens: rate,
            at: now,
        });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * rate).min(rate);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Who the bucket belongs to: the token's user, the access key's user, else the raw
/// credential (an unknown token is still one caller).
fn caller(emu: &Shared, headers: &HeaderMap) -> String {
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let store = emu.store.lock().unwrap();
    if let Some(token) = header("x-auth-token") {
        let token = token.trim();
        return store
            .tokens
            .get(token)
            .map(|t| t.user_id.clone())
            .unwrap_or_else(|| format!("token:{token}"));
    }
    if let Some(auth) = header("authorization").and_then(signer::parse_authorization) {
        return store
            .access_keys
            .iter()
            .find(|k| k.ak == auth.access)
            .map(|k| k.user.clone())
            .unwrap_or(auth.access);
    }
    "anonymous".into()
}

/// The gateway's limit on SWR's API (`/v2/`); IAM and the emulator's controls are not limited.
pub async fn limit(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let per_second = emu.throttle.per_second();
    if per_second == 0 || !req.uri().path().starts_with("/v2/") {
        return next.run(req).await;
    }
    let who = caller(&emu, req.headers());
    if emu.throttle.admit(&who, Instant::now()) {
        return next.run(req).await;
    }
    apigw(
        429,
        "APIGW.0308",
        &format!(
            "The throttling threshold has been reached: policy user over ratelimit,limit:{per_second},time:1 second"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bucket_holds_one_second_and_refills_at_the_rate() {
        let t = Throttle::new(4);
        let t0 = Instant::now();
        assert_eq!(
            (0..6).filter(|_| t.admit("alice", t0)).count(),
            4,
            "a full bucket"
        );
        assert!(t.admit("bob", t0), "another user has a bucket of their own");
        assert!(!t.admit("alice", t0 + Duration::from_millis(200)));
        assert!(
            t.admit("alice", t0 + Duration::from_millis(260)),
            "refilled"
        );
        // Idle for long: never more than one second's worth.
        let later = t0 + Duration::from_secs(10);
        assert_eq!((0..6).filter(|_| t.admit("alice", later)).count(), 4);
        t.set(0);
        assert!((0..100).all(|_| t.admit("alice", later)), "off");
    }
}
