//! Images other accounts share with the signed-in account (SWR's shared-repositories list,
//! `center=thirdparty`): owner, organization, repository, whether the share is still valid
//! and where to pull it from; with the filter, order and exports of their view.

use super::bulk::csv;

#[derive(Clone, Debug, PartialEq)]
pub struct Inbound {
    /// The account that shares the image.
    pub owner: String,
    pub namespace: String,
    pub repository: String,
    /// SWR's `status`: true while the share is valid; None where SWR did not say.
    pub valid: Option<bool>,
    /// The external pull address, `swr.{region}…/{namespace}/{repository}`.
    pub path: String,
}

impl Inbound {
    /// What to run to pull the image (the `latest` tag unless one is added).
    pub fn pull_command(&self) -> String {
        format!("docker pull {}", self.path)
    }

    pub fn status_label(&self) -> &'static str {
        match self.valid {
            Some(true) => "Valid",
            Some(false) => "Expired",
            None => "Unknown",
        }
    }
}

/// Which shares the view shows, by SWR's status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InboundStatus {
    #[default]
    All,
    Valid,
    Expired,
}

impl InboundStatus {
    pub const ALL: [InboundStatus; 3] = [
        InboundStatus::All,
        InboundStatus::Valid,
        InboundStatus::Expired,
    ];

    pub fn key(self) -> &'static str {
        match self {
            InboundStatus::All => "",
            InboundStatus::Valid => "valid",
            InboundStatus::Expired => "expired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InboundStatus::All => "All",
            InboundStatus::Valid => "Valid",
            InboundStatus::Expired => "Expired",
        }
    }

    /// From the URL's `status` (the share table's keys; ones this view lacks mean all).
    pub fn parse(s: &str) -> InboundStatus {
        InboundStatus::ALL
            .into_iter()
            .find(|f| f.key() == s)
            .unwrap_or_default()
    }

    fn matches(self, r: &Inbound) -> bool {
        match self {
            InboundStatus::All => true,
            InboundStatus::Valid => r.valid == Some(true),
            InboundStatus::Expired => r.valid == Some(false),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InboundSort {
    /// Owner, then organization and repository.
    #[default]
    Owner,
    Repository,
    /// Expired first: what no longer works.
    Status,
}

impl InboundSort {
    pub fn parse(s: &str) -> InboundSort {
        match s {
            "repository" => InboundSort::Repository,
            "status" => InboundSort::Status,
            _ => InboundSort::Owner,
        }
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The rows in view: matching the text (owner, organization, repository) and status, in
/// the order asked for.
pub fn in_view(
    rows: &[Inbound],
    q: &str,
    status: InboundStatus,
    sort: InboundSort,
) -> Vec<Inbound> {
    let q = lower(q.trim());
    let mut out: Vec<Inbound> = rows
        .iter()
        .filter(|r| status.matches(r))
        .filter(|r| {
            q.is_empty()
                || [&r.owner, &r.namespace, &r.repository]
                    .iter()
                    .any(|f| lower(f).contains(&q))
        })
        .cloned()
        .collect();
    let place = |r: &Inbound| (lower(&r.namespace), lower(&r.repository));
    out.sort_by(|a, b| match sort {
        InboundSort::Owner => (lower(&a.owner), place(a)).cmp(&(lower(&b.owner), place(b))),
        InboundSort::Repository => place(a).cmp(&place(b)),
        InboundSort::Status => (a.valid, place(a)).cmp(&(b.valid, place(b))),
    });
    out
}

const CSV_HEADER: [&str; 6] = ["owner", "namespace", "repository", "status", "path", "pull"];

pub fn to_csv(rows: &[Inbound]) -> String {
    let mut table = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    table.extend(rows.iter().map(|r| {
        vec![
            r.owner.clone(),
            r.namespace.clone(),
            r.repository.clone(),
            r.status_label().to_lowercase(),
            r.path.clone(),
            r.pull_command(),
        ]
    }));
    csv::write(&table)
}

pub fn to_json(rows: &[Inbound]) -> String {
    let items: Vec<_> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "owner": r.owner,
                "namespace": r.namespace,
                "repository": r.repository,
                "valid": r.valid,
                "path": r.path,
                "pull": r.pull_command(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(owner: &str, ns: &str, repo: &str, valid: Option<bool>) -> Inbound {
        Inbound {
            owner: owner.into(),
            namespace: ns.into(),
            repository: repo.into(),
            valid,
            path: format!("swr.eu-de.example/{ns}/{repo}"),
        }
    }

    fn names(rows: &[Inbound]) -> Vec<&str> {
        rows.iter().map(|r| r.repository.as_str()).collect()
    }

    #[test]
    fn filters_by_text_and_status_and_orders() {
        let rows = vec![
            row("globex", "globex-base", "legacy", Some(false)),
            row("Initech", "tps", "reports", Some(true)),
            row("globex", "globex-base", "alpine", Some(true)),
        ];
        let all = |q, s, o| in_view(&rows, q, s, o);
        assert_eq!(
            names(&all("", InboundStatus::All, InboundSort::Owner)),
            ["alpine", "legacy", "reports"]
        );
        assert_eq!(
            names(&all("", InboundStatus::All, InboundSort::Repository)),
            ["alpine", "legacy", "reports"]
        );
        assert_eq!(
            names(&all("", InboundStatus::All, InboundSort::Status)),
            ["legacy", "alpine", "reports"]
        );
        assert_eq!(
            names(&all("", InboundStatus::Expired, InboundSort::Owner)),
            ["legacy"]
        );
        assert_eq!(
            names(&all("INITECH", InboundStatus::All, InboundSort::Owner)),
            ["reports"]
        );
        assert_eq!(
            names(&all(" base ", InboundStatus::Valid, InboundSort::Owner)),
            ["alpine"]
        );
        assert_eq!(InboundStatus::parse("expiring"), InboundStatus::All);
        assert_eq!(InboundStatus::parse("expired"), InboundStatus::Expired);
    }

    #[test]
    fn exports_carry_the_pull_command_and_are_spreadsheet_safe() {
        let mut r = row("=evil", "ns", "a/b", None);
        r.path = "swr.x/ns/a/b".into();
        let csv = to_csv(&[r.clone()]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "owner,namespace,repository,status,path,pull");
        assert_eq!(
            lines[1],
            "\"'=evil\",ns,a/b,unknown,swr.x/ns/a/b,docker pull swr.x/ns/a/b"
        );
        let json: serde_json::Value = serde_json::from_str(&to_json(&[r])).unwrap();
        assert_eq!(json[0]["owner"], "=evil");
        assert_eq!(json[0]["valid"], serde_json::Value::Null);
        assert_eq!(json[0]["pull"], "docker pull swr.x/ns/a/b");
    }
}
