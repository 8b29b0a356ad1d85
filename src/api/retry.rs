//! When a request of a job is sent again, and how fast a job sends.
//!
//! - SWR's 5xx answers (and no answer at all) are passing: the change is read back, and
//!   sent again if SWR does not have it, with exponential backoff and jitter; any other 4xx
//!   means the input is wrong and is never retried (`retry_delay_ms`).
//! - Throttling (the gateway's 429 with any body, SWR's "system busy" 409, SWR's "too many
//!   requests" 403) means the request was not carried out: it waits (`Retry-After` when
//!   given) and is sent again, and the job narrows its window of requests in flight
//!   (`Window`: additive increase, multiplicative decrease).

use super::ApiError;

pub const MAX_ATTEMPTS: u32 = 4;
/// Throttled answers one request may meet before it is reported as failed.
pub const MAX_THROTTLED: u32 = 40;

/// The wait before attempt `attempt + 1` (attempt counts from 1), or None: do not retry.
/// `jitter` in [0, 1) spreads the retries of parallel requests apart.
pub fn retry_delay_ms(error: &ApiError, attempt: u32, jitter: f64) -> Option<u32> {
    let passing = error.status >= 500 || error.status == 0;
    if !passing || attempt >= MAX_ATTEMPTS {
        return None;
    }
    let base = 250u32.saturating_mul(1 << attempt.min(10));
    Some(jittered(base, jitter))
}

fn jittered(base: u32, jitter: f64) -> u32 {
    (f64::from(base) * (0.5 + jitter.clamp(0.0, 1.0) / 2.0)) as u32
}

/// SWR's own "too many requests" answers (403), from its error-code appendix.
const SWR_TOO_MANY: [&str; 2] = ["SVCSTG.SWR.4031032", "SVCSTG.SWR.4031042"];

/// The answer says "not now": nothing was carried out, send it again later.
pub fn is_throttling(error: &ApiError) -> bool {
    error.status == 429
        || error.is_busy()
        || (error.status == 403 && SWR_TOO_MANY.contains(&error.code.as_deref().unwrap_or("")))
}

/// Statuses that may carry throttling: only these bodies need reading to tell.
pub fn may_be_throttling(status: u16) -> bool {
    matches!(status, 429 | 409 | 403)
}

/// The wait after the `throttled`-th throttled answer to one request: `Retry-After` (in
/// seconds; at most a minute) when the answer has it, else 250 ms doubling up to 2 s, with
/// jitter. Short on purpose: a gateway's bucket holds about a second, so a job that waits
/// longer leaves places unused.
pub fn throttle_delay_ms(retry_after: Option<&str>, throttled: u32, jitter: f64) -> u32 {
    if let Some(s) = retry_after.and_then(|v| v.trim().parse::<u32>().ok()) {
        return s.min(60).saturating_mul(1000);
    }
    let base = (250u32 << throttled.saturating_sub(1).min(3)).min(2000);
    jittered(base, jitter)
}

/// How many requests a job keeps in flight: from `max`, halved (at least 1) when an answer
/// says the job is throttled, and widened by one per window's worth of answers that are not.
/// A halving counts once per window: the other throttled answers of requests sent before it
/// say nothing new.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    limit: f64,
    max: f64,
    /// Increases at each halving; a request remembers the epoch it was sent in.
    epoch: u64,
}

impl Window {
    pub fn new(max: usize) -> Window {
        let max = max.max(1) as f64;
        Window {
            limit: max,
            max,
            epoch: 0,
        }
    }

    pub fn slots(&self) -> usize {
        self.limit.floor().max(1.0) as usize
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// An answer that is not throttling.
    pub fn answered(&mut self) {
        self.limit = (self.limit + 1.0 / self.limit).min(self.max);
    }

    /// A throttled answer to a request sent in `sent_in`.
    pub fn throttled(&mut self, sent_in: u64) {
        if sent_in == self.epoch {
            self.limit = (self.limit / 2.0).max(1.0);
            self.epoch += 1;
        }
    }

    /// Below its full width: the number of requests in flight it allows now.
    pub fn slowed(&self) -> Option<usize> {
        (self.limit < self.max).then(|| self.slots())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(status: u16, code: Option<&str>) -> ApiError {
        ApiError {
            status,
            code: code.map(String::from),
            message: String::new(),
        }
    }

    #[test]
    fn server_errors_back_off_input_errors_never_retry() {
        assert_eq!(retry_delay_ms(&err(500, None), 1, 0.0), Some(250));
        assert_eq!(retry_delay_ms(&err(502, None), 2, 0.999), Some(999));
        assert_eq!(retry_delay_ms(&err(503, None), 3, 0.0), Some(1000));
        assert_eq!(retry_delay_ms(&err(0, None), 1, 0.0), Some(250));
        assert_eq!(
            retry_delay_ms(&err(500, None), MAX_ATTEMPTS, 0.0),
            None,
            "bounded"
        );
        for input in [
            err(400, Some("SVCSTG.SWR.4001025")),
            err(404, None),
            err(409, Some("SVCSTG.SWR.4090089")),
            err(403, None),
            // Throttling is the pace's to absorb, not a failure to retry.
            err(429, Some("APIGW.0308")),
        ] {
            assert_eq!(retry_delay_ms(&input, 1, 0.5), None, "{input:?}");
        }
    }

    #[test]
    fn throttling_is_any_429_swr_busy_and_swr_too_many_requests() {
        assert!(is_throttling(&err(429, None)));
        assert!(is_throttling(&ApiError::from_response(
            429,
            r#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second"}"#
        )));
        assert!(is_throttling(&ApiError::from_response(
            429,
            "<html>Too Many</html>"
        )));
        assert!(is_throttling(&err(409, Some("SVCSTG.SWR.4090023"))));
        assert!(is_throttling(&err(403, Some("SVCSTG.SWR.4031032"))));
        assert!(is_throttling(&err(403, Some("SVCSTG.SWR.4031042"))));
        assert!(!is_throttling(&err(409, Some("SVCSTG.SWR.4090089"))));
        assert!(!is_throttling(&err(403, Some("SVCSTG.SWR.4039002"))));
        assert!(!is_throttling(&err(503, None)));
        for s in [429, 409, 403] {
            assert!(may_be_throttling(s));
        }
        assert!(!may_be_throttling(400) && !may_be_throttling(500));
    }

    #[test]
    fn a_throttled_request_waits_retry_after_or_a_short_growing_backoff() {
        assert_eq!(throttle_delay_ms(Some("3"), 1, 0.9), 3000);
        assert_eq!(throttle_delay_ms(Some(" 0 "), 5, 0.9), 0);
        assert_eq!(
            throttle_delay_ms(Some("86400"), 1, 0.0),
            60_000,
            "at most a minute"
        );
        // An HTTP date is not read: the backoff instead.
        assert_eq!(
            throttle_delay_ms(Some("Wed, 21 Oct 2026 07:28:00 GMT"), 1, 0.0),
            125
        );
        let waits: Vec<u32> = (1..=6).map(|n| throttle_delay_ms(None, n, 0.999)).collect();
        assert_eq!(waits, vec![249, 499, 999, 1999, 1999, 1999]);
    }

    #[test]
    fn the_window_halves_once_per_window_and_widens_with_answers() {
        let mut w = Window::new(6);
        assert_eq!((w.slots(), w.slowed()), (6, None));
        let sent = w.epoch();
        // Six requests of the same window throttled: one halving.
        for _ in 0..6 {
            w.throttled(sent);
        }
        assert_eq!((w.slots(), w.slowed()), (3, Some(3)));
        w.throttled(w.epoch());
        assert_eq!(w.slots(), 1);
        w.throttled(w.epoch());
        assert_eq!(w.slots(), 1, "never below one");
        // Answers flow: one more place per window's worth of answers, up to the full width.
        w.answered();
        assert_eq!(w.slots(), 2);
        let mut n = 1;
        while w.slowed().is_some() {
            w.answered();
            n += 1;
            assert!(n < 40, "back to full width within a few windows");
        }
        assert_eq!(w.slots(), 6);
        w.answered();
        assert_eq!(w.slots(), 6, "never beyond the full width");
    }
}
