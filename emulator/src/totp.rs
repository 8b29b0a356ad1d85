//! Virtual MFA codes as authenticator apps make them: RFC 6238 TOTP over HMAC-SHA-1,
//! 6 digits, 30-second steps, from a base32 secret. IAM accepts the code of the current
//! step and of one step either side (clock drift between phone and cloud).

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha1::Sha1;

pub const STEP_SECONDS: i64 = 30;

/// RFC 4648 base32 without padding, case-insensitive, spaces ignored (apps show it grouped).
pub fn decode_base32(secret: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut value, mut out) = (0u32, 0u32, Vec::new());
    for c in secret
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase())? as u32;
        value = (value << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((value >> bits) as u8);
            value &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The 6-digit code of time step `step` (Unix seconds / 30).
pub fn code_at_step(key: &[u8], step: i64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(&(step as u64).to_be_bytes());
    let h = mac.finalize().into_bytes();
    let off = (h[19] & 0x0f) as usize;
    let bin = u32::from_be_bytes([h[off] & 0x7f, h[off + 1], h[off + 2], h[off + 3]]);
    format!("{:06}", bin % 1_000_000)
}

pub fn step_of(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(STEP_SECONDS)
}

pub fn current_code(secret: &str, now: DateTime<Utc>) -> Option<String> {
    Some(code_at_step(&decode_base32(secret)?, step_of(now)))
}

/// The code of the current step or of one step either side.
pub fn accepts(secret: &str, code: &str, now: DateTime<Utc>) -> bool {
    let Some(key) = decode_base32(secret) else {
        return false;
    };
    let step = step_of(now);
    code.len() == 6 && (step - 1..=step + 1).any(|s| code_at_step(&key, s) == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 rows (8-digit codes; their last 6 digits are ours).
    #[test]
    fn rfc_6238_vectors() {
        let key = b"12345678901234567890";
        for (t, eight) in [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
        ] {
            assert_eq!(code_at_step(key, t / STEP_SECONDS), eight[2..]);
        }
    }

    #[test]
    fn base32_round_trip_of_the_rfc_key() {
        assert_eq!(
            decode_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap(),
            b"12345678901234567890"
        );
        assert_eq!(decode_base32("gezd gnbv"), decode_base32("GEZDGNBV"));
        assert!(decode_base32("not base32!").is_none());
    }

    #[test]
    fn one_step_either_side_and_no_further() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let now = DateTime::from_timestamp(1_234_567_890, 0).unwrap();
        let key = decode_base32(secret).unwrap();
        let at = |d| code_at_step(&key, step_of(now) + d);
        assert!(accepts(secret, &at(0), now));
        assert!(accepts(secret, &at(-1), now));
        assert!(accepts(secret, &at(1), now));
        assert!(!accepts(secret, &at(2), now) || at(2) == at(0));
        assert!(!accepts(secret, &at(-2), now) || at(-2) == at(0));
        assert!(!accepts(secret, "12345", now));
    }
}
