//! Which rows the table shows, and in what order: text filter, status chips, sort by any
//! column, pages. Pure, so the URL can hold it and tests can check it.

use std::cmp::Ordering;

use super::case::lower;
use super::expiry::{Expiry, Status};
use super::Share;

pub const PAGE_SIZE: usize = 50;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Valid,
    Expiring,
    Expired,
    Forever,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::All,
        StatusFilter::Valid,
        StatusFilter::Expiring,
        StatusFilter::Expired,
        StatusFilter::Forever,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::All => "",
            StatusFilter::Valid => "valid",
            StatusFilter::Expiring => "expiring",
            StatusFilter::Expired => "expired",
            StatusFilter::Forever => "forever",
        }
    }

    pub fn parse(s: &str) -> StatusFilter {
        StatusFilter::ALL
            .into_iter()
            .find(|f| f.key() == s)
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::Valid => "Valid",
            StatusFilter::Expiring => "Expiring soon",
            StatusFilter::Expired => "Expired",
            StatusFilter::Forever => "Forever",
        }
    }

    /// "Valid" means still valid, expiring ones included.
    pub fn matches(self, e: &Expiry) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Valid => e.status() != Status::Expired,
            StatusFilter::Expiring => matches!(e, Expiry::Expiring { .. }),
            StatusFilter::Expired => e.status() == Status::Expired,
            StatusFilter::Forever => matches!(e, Expiry::Forever),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Account,
    Permission,
    ValidUntil,
    Status,
    Description,
    Creator,
    Created,
    Updated,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Account,
        Column::Permission,
        Column::ValidUntil,
        Column::Status,
        Column::Description,
        Column::Creator,
        Column::Created,
        Column::Updated,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::Account => "account",
            Column::Permission => "permission",
            Column::ValidUntil => "until",
            Column::Status => "status",
            Column::Description => "description",
            Column::Creator => "creator",
            Column::Created => "created",
            Column::Updated => "updated",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Account => "Account",
            Column::Permission => "Permission",
            Column::ValidUntil => "Valid until",
            Column::Status => "Status",
            Column::Description => "Description",
            Column::Creator => "Created by",
            Column::Created => "Created",
            Column::Updated => "Updated",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// `until:desc` → Sort; anything unknown → None.
    pub fn parse(s: &str) -> Option<Sort> {
        let (col, dir) = s.split_once(':').unwrap_or((s, "asc"));
        let column = Column::ALL.into_iter().find(|c| c.key() == col)?;
        Some(Sort {
            column,
            descending: dir == "desc",
        })
    }

    pub fn key(&self) -> String {
        format!(
            "{}:{}",
            self.column.key(),
            if self.descending { "desc" } else { "asc" }
        )
    }

    /// Clicking a header: ascending first, then descending.
    pub fn toggled(current: Option<Sort>, column: Column) -> Sort {
        match current {
            Some(s) if s.column == column => Sort {
                column,
                descending: !s.descending,
            },
            _ => Sort {
                column,
                descending: false,
            },
        }
    }
}

fn status_rank(e: &Expiry) -> u8 {
    match e {
        Expiry::Expired { .. } | Expiry::Unknown { valid: false } => 0,
        Expiry::Expiring { .. } => 1,
        Expiry::Valid { .. } | Expiry::Unknown { valid: true } => 2,
        Expiry::Forever => 3,
    }
}

fn compare(a: (&Share, &Expiry), b: (&Share, &Expiry), column: Column) -> Ordering {
    match column {
        Column::Account => lower(&a.0.account).cmp(&lower(&b.0.account)),
        Column::Permission => a.0.permit.cmp(&b.0.permit),
        // Forever sorts after every date.
        Column::ValidUntil => match (a.0.deadline.cutoff(), b.0.deadline.cutoff()) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        Column::Status => status_rank(a.1).cmp(&status_rank(b.1)),
        Column::Description => lower(&a.0.description).cmp(&lower(&b.0.description)),
        Column::Creator => lower(&a.0.creator_name).cmp(&lower(&b.0.creator_name)),
        Column::Created => a.0.created.instant().cmp(&b.0.created.instant()),
        Column::Updated => a.0.updated.instant().cmp(&b.0.updated.instant()),
    }
    .then_with(|| lower(&a.0.account).cmp(&lower(&b.0.account)))
}

/// Text matches account, description or creator, without regard to case.
pub fn matches_text(s: &Share, text: &str) -> bool {
    matches_lowered(s, &lower(text.trim()))
}

/// `matches_text` with the text already trimmed and in lower case (once per keystroke, not
/// once per row).
fn matches_lowered(s: &Share, t: &str) -> bool {
    t.is_empty()
        || [&s.account, &s.description, &s.creator_name]
            .iter()
            .any(|f| lower(f).contains(t))
}

/// Every row, as indices into `shares`, in the order `sort` asks for (the list's own order
/// without one). Worked out once per list and order, not on every keystroke of the filter.
pub fn ordered(shares: &[Share], expiries: &[Expiry], sort: Option<Sort>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..shares.len()).collect();
    if let Some(s) = sort {
        // Stable: rows that compare equal keep the list's order.
        idx.sort_by(|&a, &b| {
            let o = compare(
                (&shares[a], &expiries[a]),
                (&shares[b], &expiries[b]),
                s.column,
            );
            if s.descending {
                o.reverse()
            } else {
                o
            }
        });
    }
    idx
}

/// The rows to show from `ordered`: indices into `shares` for the requested page (1-based,
/// clamped), and how many rows match in all.
pub fn page_of(
    shares: &[Share],
    expiries: &[Expiry],
    ordered: &[usize],
    text: &str,
    status: StatusFilter,
    page: usize,
) -> (Vec<usize>, usize) {
    let text = lower(text.trim());
    let matching: Vec<usize> = ordered
        .iter()
        .copied()
        .filter(|&i| matches_lowered(&shares[i], &text) && status.matches(&expiries[i]))
        .collect();
    let total = matching.len();
    let page = page.clamp(1, page_count(total));
    (
        matching
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect(),
        total,
    )
}

/// The rows to show: indices into `shares` for the requested page (1-based, clamped), and
/// how many rows match in all.
pub fn visible(
    shares: &[Share],
    expiries: &[Expiry],
    text: &str,
    status: StatusFilter,
    sort: Option<Sort>,
    page: usize,
) -> (Vec<usize>, usize) {
    page_of(
        shares,
        expiries,
        &ordered(shares, expiries, sort),
        text,
        status,
        page,
    )
}

pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::share::Timestamp;
    use crate::model::time::parse_rfc3339;
    use crate::model::Deadline;

    fn share(
        account: &str,
        deadline: &str,
        valid: bool,
        description: &str,
        creator: &str,
    ) -> Share {
        let at = Timestamp::parse("2026-01-01T00:00:00Z");
        Share {
            creator_name: creator.into(),
            creator_id: String::new(),
            created: at.clone(),
            updated: at,
            valid,
            ..Share::sample(account)
                .until(Deadline::parse(deadline))
                .described(description)
        }
    }

    fn data() -> (Vec<Share>, Vec<Expiry>) {
        let now = parse_rfc3339("2030-06-01T00:00:00Z").unwrap();
        let s = vec![
            share("Zeta", "forever", true, "permanent partner", "alice"),
            share("alpha", "2030-06-05T00:00:00Z", true, "contractor", "bob"),
            share("mid", "2031-01-01T00:00:00Z", true, "", "alice"),
            share(
                "old",
                "2020-01-01T00:00:00Z",
                false,
                "Contract ended",
                "dave",
            ),
        ];
        let e = s.iter().map(|x| Expiry::of(x, now, 14)).collect();
        (s, e)
    }

    fn names(s: &[Share], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| s[i].account.clone()).collect()
    }

    #[test]
    fn sorts_by_any_column_both_ways() {
        let (s, e) = data();
        let by = |k: &str| {
            names(
                &s,
                &visible(&s, &e, "", StatusFilter::All, Sort::parse(k), 1).0,
            )
        };
        assert_eq!(by("account:asc"), ["alpha", "mid", "old", "Zeta"]);
        assert_eq!(by("account:desc"), ["Zeta", "old", "mid", "alpha"]);
        assert_eq!(
            by("until:asc"),
            ["old", "alpha", "mid", "Zeta"],
            "forever last"
        );
        assert_eq!(by("status:asc"), ["old", "alpha", "mid", "Zeta"]);
        assert_eq!(by("creator:asc"), ["mid", "Zeta", "alpha", "old"]);
        assert_eq!(
            names(&s, &visible(&s, &e, "", StatusFilter::All, None, 1).0),
            ["Zeta", "alpha", "mid", "old"]
        );
    }

    #[test]
    fn text_and_status_filters() {
        let (s, e) = data();
        let f = |t: &str, st| names(&s, &visible(&s, &e, t, st, Sort::parse("account"), 1).0);
        assert_eq!(
            f("contract", StatusFilter::All),
            ["alpha", "old"],
            "description, any case"
        );
        assert_eq!(f("ALICE", StatusFilter::All), ["mid", "Zeta"], "creator");
        assert_eq!(f("zet", StatusFilter::All), ["Zeta"], "account");
        assert_eq!(f("", StatusFilter::Expiring), ["alpha"]);
        assert_eq!(f("", StatusFilter::Expired), ["old"]);
        assert_eq!(f("", StatusFilter::Forever), ["Zeta"]);
        assert_eq!(f("", StatusFilter::Valid), ["alpha", "mid", "Zeta"]);
    }

    #[test]
    fn pages_of_fifty() {
        let many: Vec<Share> = (0..120)
            .map(|i| share(&format!("t{i:03}"), "forever", true, "", "a"))
            .collect();
        let e: Vec<Expiry> = many.iter().map(|_| Expiry::Forever).collect();
        let (p3, total) = visible(&many, &e, "", StatusFilter::All, Sort::parse("account"), 3);
        assert_eq!((p3.len(), total), (20, 120));
        assert_eq!(many[p3[0]].account, "t100");
        assert_eq!(
            visible(&many, &e, "", StatusFilter::All, None, 99).0.len(),
            20,
            "clamped to the last page"
        );
        assert_eq!(page_count(0), 1);
    }

    #[test]
    fn keys_round_trip() {
        for c in Column::ALL {
            for d in [false, true] {
                let s = Sort {
                    column: c,
                    descending: d,
                };
                assert_eq!(Sort::parse(&s.key()), Some(s));
            }
        }
        assert_eq!(Sort::parse("nope:asc"), None);
        assert_eq!(
            Sort::toggled(Sort::parse("account:asc"), Column::Account),
            Sort::parse("account:desc").unwrap()
        );
        assert_eq!(
            Sort::toggled(Sort::parse("account:desc"), Column::Created),
            Sort::parse("created:asc").unwrap()
        );
        for f in StatusFilter::ALL {
            assert_eq!(StatusFilter::parse(f.key()), f);
        }
    }
}
