//! SWR's documented rules: name syntax, deadlines, the day rule for `status`, and the
//! time format of `created`/`updated`. Written independently of the app's validators
//! (regular expressions here, a hand-written scanner there) so each checks the other.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use regex::Regex;

static NAMESPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][a-z0-9]*(?:(?:[._-]|__)[a-z0-9]+)*$").unwrap());
static REPOSITORY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9]+(?:(?:[./_-]|__)[a-z0-9]+)*$").unwrap());
/// Account (domain) names: IAM account names are letters, digits, `-`, `_` and `.`.
static ACCESS_DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9][A-Za-z0-9._-]*$").unwrap());

pub const MAX_DESCRIPTION: usize = 1000;
pub const MAX_SHARES_PER_IMAGE: usize = 500;
pub const LIST_DEFAULT_LIMIT: usize = 100;

pub fn valid_namespace(s: &str) -> bool {
    (1..=64).contains(&s.len()) && NAMESPACE.is_match(s)
}

/// `s` is the repository name after `$` has been turned back into `/`.
pub fn valid_repository(s: &str) -> bool {
    (1..=128).contains(&s.len()) && REPOSITORY.is_match(s)
}

pub fn valid_access_domain(s: &str) -> bool {
    (1..=64).contains(&s.len()) && ACCESS_DOMAIN.is_match(s)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    Forever,
    Until(DateTime<Utc>),
}

/// `forever`, or a UTC date-time as the docs and SDKs send it: `2018-10-01T16:00:00.000Z`,
/// `2021-10-01T16:00:00Z`, `2024-01-01T00:00:00Z`. Offsets other than `Z` are refused
/// because the API is documented as UTC.
pub fn parse_deadline(s: &str) -> Option<Deadline> {
    if s == "forever" {
        return Some(Deadline::Forever);
    }
    if !s.ends_with('Z') || s.len() < 20 || s.as_bytes()[10] != b'T' {
        return None;
    }
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| Deadline::Until(d.with_timezone(&Utc)))
}

/// SWR's day rule: a share is valid until 00:00:00 UTC of the day after its deadline date.
pub fn share_valid(deadline: Deadline, now: DateTime<Utc>) -> bool {
    match deadline {
        Deadline::Forever => true,
        Deadline::Until(d) => now < cutoff(d),
    }
}

pub fn cutoff(d: DateTime<Utc>) -> DateTime<Utc> {
    (d.date_naive() + Duration::days(1))
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// `created`/`updated` as SWR writes them: UTC, microseconds with trailing zeros dropped
/// (`2021-06-10T08:14:42.56632Z`), no fraction when it is zero.
pub fn swr_time(t: DateTime<Utc>) -> String {
    let micros = t.timestamp_subsec_micros();
    let base = t.format("%Y-%m-%dT%H:%M:%S");
    if micros == 0 {
        return format!("{base}Z");
    }
    let frac = format!("{micros:06}");
    format!("{base}.{}Z", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn names_follow_the_documented_rules() {
        for ok in ["a", "group", "a1", "a.b", "a_b", "a__b", "a-b", "a1-b2.c3"] {
            assert!(valid_namespace(ok), "{ok}");
        }
        for bad in [
            "",
            "1a",
            "A",
            "a-",
            "a.",
            "a___b",
            "a._b",
            "a--b",
            "a/b",
            &"a".repeat(65),
        ] {
            assert!(!valid_namespace(bad), "{bad}");
        }
        for ok in [
            "1",
            "paas",
            "grafana/grafana",
            "a__b",
            "a.b/c-d",
            &"a".repeat(128),
        ] {
            assert!(valid_repository(ok), "{ok}");
        }
        for bad in [
            "",
            "/a",
            "a/",
            "a//b",
            "a/.b",
            "a___b",
            "Abc",
            "a$b",
            &"a".repeat(129),
        ] {
            assert!(!valid_repository(bad), "{bad}");
        }
    }

    #[test]
    fn deadlines_in_every_documented_format() {
        assert_eq!(parse_deadline("forever"), Some(Deadline::Forever));
        for s in [
            "2018-10-01T16:00:00.000Z",
            "2021-10-01T16:00:00Z",
            "2024-01-01T00:00:00.000Z",
        ] {
            assert!(matches!(parse_deadline(s), Some(Deadline::Until(_))), "{s}");
        }
        for s in [
            "Forever",
            "",
            "2024-01-01",
            "2024-01-01T00:00:00+08:00",
            "2024-13-01T00:00:00Z",
            "tomorrow",
        ] {
            assert_eq!(parse_deadline(s), None, "{s}");
        }
    }

    #[test]
    fn day_rule_at_its_boundaries() {
        let d = parse_deadline("2021-10-01T16:00:00.000Z").unwrap();
        assert!(share_valid(d, t("2021-10-01T23:59:59.999Z")));
        assert!(!share_valid(d, t("2021-10-02T00:00:00Z")));
        assert!(share_valid(d, t("2021-09-30T00:00:00Z")));
        assert!(share_valid(Deadline::Forever, t("2999-01-01T00:00:00Z")));
    }

    #[test]
    fn swr_time_trims_fraction() {
        assert_eq!(
            swr_time(t("2021-06-10T08:14:42.566320Z")),
            "2021-06-10T08:14:42.56632Z"
        );
        assert_eq!(swr_time(t("2017-04-08T14:12:23Z")), "2017-04-08T14:12:23Z");
    }
}
