//! The organization overview's table: every share of the organization loaded, its expiry
//! now, the order and what the filter leaves in view; the rows ticked, and the job that
//! extends or revokes them (after which the table shows SWR's lists as they are then).

use leptos::prelude::*;

use super::clock::Now;
use super::jobs::Job;
use super::org::{Found, OrgShares};
use super::session::Session;
use super::view::View;
use crate::model::bulk::change::{extensions, revocations, Change};
use crate::model::bulk::export::Located;
use crate::model::bulk::org_table::{key_of, org_filter, org_order, OrgFilter, OrgSort};
use crate::model::expiry::{summarize, Expiry};
use crate::model::{RepoRef, Share};

#[derive(Clone, Copy)]
pub struct OrgTable {
    pub org: OrgShares,
    pub rows: Memo<Vec<Located>>,
    pub expiries: Memo<Vec<Expiry>>,
    pub warning_days: Signal<i64>,
    pub sort: RwSignal<OrgSort>,
    /// Every row's index in the order chosen; once per list and order.
    pub order: Memo<Vec<usize>>,
    /// The rows the filters leave, in that order; once per keystroke.
    pub ordered: Memo<Vec<usize>>,
    /// The rows ticked, by repository and account (kept across loads and filters).
    pub selected: RwSignal<Vec<(String, String)>>,
    pub job: Job,
    session: Session,
    view: View,
}

impl OrgTable {
    pub fn new(session: Session, view: View, now: Now) -> OrgTable {
        let org = OrgShares::new();
        let warning_days = Signal::derive(move || session.config.with(|c| c.expiry_warning_days));
        let rows = Memo::new(move |_| {
            org.with(|d| {
                d.and_then(|r| r.as_ref().ok())
                    .map(|d| d.rows.clone())
                    .unwrap_or_default()
            })
        });
        let expiries = Memo::new(move |_| {
            let (now, days) = (now.0.get(), warning_days.get());
            rows.with(|rows| {
                rows.iter()
                    .map(|r| Expiry::of(&r.share, now, days))
                    .collect::<Vec<_>>()
            })
        });
        let sort = RwSignal::new(OrgSort::EndsSoonest);
        let order = Memo::new(move |_| {
            let sort = sort.get();
            rows.with(|r| expiries.with(|e| org_order(r, e, sort)))
        });
        let ordered = Memo::new(move |_| {
            view.0.with(|v| {
                order.with(|o| {
                    rows.with(|r| {
                        let f = OrgFilter {
                            q: &v.q,
                            account: &v.account,
                            // Only where every organization is in the table.
                            organization: if v.namespace.is_empty() {
                                &v.organization
                            } else {
                                ""
                            },
                            status: v.status,
                        };
                        expiries.with(|e| org_filter(o, r, e, f))
                    })
                })
            })
        });
        let table = OrgTable {
            org,
            rows,
            expiries,
            warning_days,
            sort,
            order,
            ordered,
            selected: RwSignal::new(Vec::new()),
            job: Job::new(),
            session,
            view,
        };
        table.job.on_finish(move || table.load());
        table
    }

    /// Loads (or loads again) every share of the organization in the view (of every
    /// organization when none is given), found the way the last load found them.
    pub fn load(self) {
        self.load_with(untrack(|| self.org.every_repo()));
    }

    /// Loads, finding the repositories through SWR's overview of shared repositories or,
    /// with `every_repo`, by reading every private repository.
    pub fn load_with(self, every_repo: bool) {
        let ns = self.view.0.with_untracked(|v| v.namespace.clone());
        let ns = (!ns.trim().is_empty()).then_some(ns);
        self.org.load(self.session, ns, every_repo);
    }

    /// The rows in view, in order (what an export holds).
    pub fn in_view(&self) -> Vec<Located> {
        self.rows.with(|r| {
            self.ordered
                .with(|idx| idx.iter().map(|&i| r[i].clone()).collect())
        })
    }

    fn chosen(&self) -> Vec<(RepoRef, Share)> {
        self.rows.with_untracked(|r| {
            self.selected.with_untracked(|s| {
                r.iter()
                    .filter(|l| s.contains(&key_of(l)))
                    .map(|l| (l.repo.clone(), l.share.clone()))
                    .collect()
            })
        })
    }

    fn start(self, changes: Vec<Change>) {
        self.selected.set(Vec::new());
        self.job.start(self.session, changes);
    }

    /// Extends the rows ticked by `days` (None: forever).
    pub fn extend(self, days: Option<i64>) {
        let today = chrono::Utc::now().date_naive();
        self.start(extensions(&self.chosen(), days, today));
    }

    pub fn revoke(self) {
        self.start(revocations(&self.chosen()));
    }

    /// Ticks or unticks the row at `i` of this load.
    pub fn tick(self, i: usize, on: bool) {
        let Some(k) = self.rows.with_untracked(|r| r.get(i).map(key_of)) else {
            return;
        };
        self.selected.update(|s| {
            s.retain(|x| *x != k);
            if on {
                s.push(k)
            }
        });
    }

    /// "2240 shares across 64 shared repositories: 12 expired, 30 expire within 14 days."
    /// (`private` where every private repository was read; "in 5 organizations" where the
    /// table holds every organization).
    pub fn summary(&self) -> String {
        let s = self.expiries.with(|e| summarize(e.iter()));
        let (repos, kind, orgs) = self.org.with(|d| match d.and_then(|r| r.as_ref().ok()) {
            Some(d) => {
                let mut orgs: Vec<&str> = d.repos.iter().map(|r| r.namespace.as_str()).collect();
                orgs.sort_unstable();
                orgs.dedup();
                let kind = if d.found == Found::Shared {
                    "shared"
                } else {
                    "private"
                };
                (d.repos.len(), kind, orgs.len())
            }
            None => (0, "private", 0),
        });
        let every_org = self.view.0.with(|v| v.namespace.trim().is_empty());
        let within = if every_org {
            format!(" in {orgs} organizations")
        } else {
            String::new()
        };
        let shares = if s.total == 1 { "share" } else { "shares" };
        let repositories = if repos == 1 {
            "repository"
        } else {
            "repositories"
        };
        format!(
            "{} {shares} across {repos} {kind} {repositories}{within}: {} expired, {} expire within {} days.",
            s.total,
            s.expired,
            s.expiring,
            self.warning_days.get()
        )
    }
}
