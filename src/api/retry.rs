//! When a request of a bulk job is sent again: SWR's documented "system busy" 409 and 5xx
//! answers (and no answer at all) are passing, so they are retried with exponential backoff
//! and jitter; any other 4xx means the input is wrong and is never retried.

use super::ApiError;

pub const MAX_ATTEMPTS: u32 = 4;

/// The wait before attempt `attempt + 1` (attempt counts from 1), or None: do not retry.
/// `jitter` in [0, 1) spreads the retries of parallel requests apart.
pub fn retry_delay_ms(error: &ApiError, attempt: u32, jitter: f64) -> Option<u32> {
    let passing = error.is_busy() || error.status >= 500 || error.status == 0;
    if !passing || attempt >= MAX_ATTEMPTS {
        return None;
    }
    let base = 400u32.saturating_mul(1 << attempt.min(10));
    let jitter = jitter.clamp(0.0, 1.0);
    Some((f64::from(base) * (0.5 + jitter / 2.0)) as u32)
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
    fn busy_and_server_errors_back_off_input_errors_never_retry() {
        let busy = err(409, Some("SVCSTG.SWR.4090023"));
        assert_eq!(retry_delay_ms(&busy, 1, 0.0), Some(400));
        assert_eq!(retry_delay_ms(&busy, 2, 0.999), Some(1599));
        assert_eq!(retry_delay_ms(&err(503, None), 3, 0.0), Some(1600));
        assert_eq!(retry_delay_ms(&err(0, None), 1, 0.0), Some(400));
        assert_eq!(retry_delay_ms(&busy, MAX_ATTEMPTS, 0.0), None, "bounded");
        for input in [
            err(400, Some("SVCSTG.SWR.4001025")),
            err(404, None),
            err(409, Some("SVCSTG.SWR.4090089")),
            err(403, None),
        ] {
            assert_eq!(retry_delay_ms(&input, 1, 0.5), None, "{input:?}");
        }
    }
}
