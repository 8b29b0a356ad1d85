//! What the URL query holds, so a link or a reload opens exactly the same view:
//! `?namespace=acme-prod&repository=tools/builder&q=bank&status=expiring&sort=until:asc&page=2`.

use super::table_view::{Sort, StatusFilter};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub namespace: String,
    pub repository: String,
    /// `iframe` when a portal frames the console; kept so rewrites do not drop it.
    pub embed: String,
    /// Text filter over account, description and creator.
    pub q: String,
    pub status: StatusFilter,
    pub sort: Option<Sort>,
    /// 1-based; 1 is left out of the URL.
    pub page: usize,
    /// Which view: empty for one repository, `org` for the organization overview (with
    /// `account`: what one account can pull), `bulk` for sharing in bulk.
    pub view: String,
    pub account: String,
    /// In the overview of every organization (`view=org` without `namespace`): only the
    /// shares of this organization.
    pub organization: String,
}

impl ViewState {
    /// The two differ in the text filter and nothing else (someone is typing). Page 0 (none
    /// in the URL) and page 1 are the same page.
    pub fn differs_only_in_text(&self, other: &ViewState) -> bool {
        let rest = |v: &ViewState| ViewState {
            q: String::new(),
            page: v.page.max(1),
            ..v.clone()
        };
        self.q != other.q && rest(self) == rest(other)
    }

    /// Parses `?a=b&c=d` (with or without the `?`); unknown keys are ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut v = ViewState::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, val) = pair.split_once('=').unwrap_or((pair, ""));
            let val = decode(val);
            match decode(k).as_str() {
                "namespace" => v.namespace = val,
                "repository" => v.repository = val,
                "embed" => v.embed = val,
                "q" => v.q = val,
                "status" => v.status = StatusFilter::parse(&val),
                "sort" => v.sort = Sort::parse(&val),
                "page" => v.page = val.parse().unwrap_or(1),
                "view" => v.view = val,
                "account" => v.account = val,
                "organization" => v.organization = val,
                _ => {}
            }
        }
        v
    }

    /// The query string (with `?`), or an empty string when there is nothing to keep.
    pub fn to_query(&self) -> String {
        let pairs: Vec<String> = [
            ("view", &self.view),
            ("namespace", &self.namespace),
            ("repository", &self.repository),
            ("account", &self.account),
            ("organization", &self.organization),
            ("embed", &self.embed),
            ("q", &self.q),
            ("status", &self.status.key().to_string()),
            ("sort", &self.sort.map(|s| s.key()).unwrap_or_default()),
            (
                "page",
                &if self.page > 1 {
                    self.page.to_string()
                } else {
                    String::new()
                },
            ),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }
}

/// Percent-encodes all but unreserved characters; `/` stays readable (legal in a query).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (_, Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn typing_is_told_apart_from_other_changes() {
        let a = ViewState::from_query("?namespace=n&repository=r&q=con");
        let typed = ViewState::from_query("?namespace=n&repository=r&q=cont");
        let paged = ViewState::from_query("?namespace=n&repository=r&q=cont&page=2");
        assert!(a.differs_only_in_text(&typed));
        assert!(!a.differs_only_in_text(&paged), "the page changed too");
        assert!(!a.differs_only_in_text(&a.clone()), "nothing changed");
        let first = ViewState {
            page: 1,
            ..typed.clone()
        };
        assert_eq!(a.page, 0, "no page in the URL");
        assert!(a.differs_only_in_text(&first), "typing turns page 0 into 1");
        let other = ViewState::from_query("?namespace=n&repository=x&q=con");
        assert!(!a.differs_only_in_text(&other));
    }

    use super::*;

    #[test]
    fn round_trip() {
        let v = ViewState {
            namespace: "acme-prod".into(),
            repository: "tools/builder".into(),
            ..Default::default()
        };
        assert_eq!(
            v.to_query(),
            "?namespace=acme-prod&repository=tools/builder"
        );
        assert_eq!(ViewState::from_query(&v.to_query()), v);
        let odd = ViewState {
            namespace: "a b&c=d".into(),
            repository: "é%".into(),
            embed: "iframe".into(),
            q: "bank & co".into(),
            status: StatusFilter::Expiring,
            sort: Sort::parse("until:desc"),
            page: 3,
            view: "org".into(),
            account: "partner-a".into(),
            organization: "acme-dev".into(),
        };
        assert_eq!(ViewState::from_query(&odd.to_query()), odd);
    }

    #[test]
    fn tolerant_parsing() {
        let v =
            ViewState::from_query("repository=tools%2Fbuilder&x=1&namespace=ns&bad=%zz&trail=%4");
        assert_eq!(v.namespace, "ns");
        assert_eq!(v.repository, "tools/builder");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        let v = ViewState::from_query("status=bogus&sort=nope&page=x");
        assert_eq!((v.status, v.sort, v.page), (StatusFilter::All, None, 1));
        assert_eq!(ViewState::default().to_query(), "");
    }
}
