//! Demo data: a file with organizations, users, access keys, repositories and shares.
//! Share deadlines may be given relative to "today" so the demo always shows every state
//! (forever, valid, expiring within days, expired).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::store::{AccessKey, Named, Namespace, Repo, Share, Store, User};

/// The demo data the project ships; `--data FILE` replaces it.
pub const DEMO: &str = include_str!("../demo/demo.json");

#[derive(Clone, Debug, Deserialize)]
pub struct Seed {
    pub region: String,
    pub project: Named,
    pub registry_host: String,
    pub users: Vec<User>,
    #[serde(default)]
    pub access_keys: Vec<AccessKey>,
    pub namespaces: Vec<SeedNamespace>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeedNamespace {
    pub name: String,
    pub creator: String,
    #[serde(default)]
    pub repos: Vec<SeedRepo>,
    /// Adds this many generated private repositories (`svc-001`…), each shared with
    /// `generated_repo_shares` accounts in every state: an organization big enough to feel
    /// real in the organization-wide views.
    #[serde(default)]
    pub generated_repos: usize,
    #[serde(default)]
    pub generated_repo_shares: usize,
    /// Only this many of the generated repositories (spread evenly) get shares; the rest
    /// are private and unshared, as most of a large organization is. Default: all.
    #[serde(default)]
    pub generated_shared_repos: Option<usize>,
    /// Generated shares go to consecutive accounts of a pool of this many (`partner-0001`…)
    /// instead of the fleet's 120 `fleet-partner-NNN`, so a repository can have more than
    /// 40 distinct accounts.
    #[serde(default)]
    pub generated_accounts: Option<usize>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeedRepo {
    pub name: String,
    #[serde(default)]
    pub is_public: bool,
    #[serde(default = "other")]
    pub category: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub shares: Vec<SeedShare>,
    /// Adds this many generated shares (`tenant-001`…), to show list truncation.
    #[serde(default)]
    pub generated_shares: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeedShare {
    pub access_domain: String,
    /// An absolute deadline as SWR stores it (`forever` or a UTC date-time) …
    #[serde(default)]
    pub deadline: Option<String>,
    /// … or the last valid day relative to today (negative: already expired).
    #[serde(default)]
    pub deadline_in_days: Option<i64>,
    #[serde(default)]
    pub description: String,
    pub creator: String,
    #[serde(default = "thirty")]
    pub created_days_ago: i64,
}

fn other() -> String {
    "other".into()
}
fn thirty() -> i64 {
    30
}

impl Seed {
    pub fn demo() -> Seed {
        Seed::parse(DEMO).expect("the shipped demo data parses")
    }

    pub fn parse(text: &str) -> Result<Seed, String> {
        serde_json::from_str(text).map_err(|e| format!("invalid demo data: {e}"))
    }

    pub fn build(&self, now: DateTime<Utc>) -> Store {
        let today = now.date_naive();
        let user_by_name: BTreeMap<&str, &User> =
            self.users.iter().map(|u| (u.name.as_str(), u)).collect();
        let mut namespaces = BTreeMap::new();
        for (i, ns) in self.namespaces.iter().enumerate() {
            let mut repos = BTreeMap::new();
            for (j, r) in ns.repos.iter().enumerate() {
                let created_at = now - Duration::days(120 - j as i64);
                let mut shares: Vec<Share> = r
                    .shares
                    .iter()
                    .map(|s| {
                        let creator = user_by_name.get(s.creator.as_str()).copied();
                        let deadline = match (&s.deadline, s.deadline_in_days) {
                            (Some(d), _) => d.clone(),
                            (None, Some(days)) => {
                                format!("{}T00:00:00Z", today + Duration::days(days))
                            }
                            (None, None) => "forever".into(),
                        };
                        let created = now
                            - Duration::days(s.created_days_ago)
                            - Duration::microseconds(566_320);
                        Share {
                            access_domain: s.access_domain.to_ascii_lowercase(),
                            permit: "read".into(),
                            deadline,
                            description: s.description.clone(),
                            creator_id: creator.map(|u| u.id.clone()).unwrap_or_default(),
                            creator_name: s.creator.clone(),
                            created,
                            updated: created + Duration::hours(2),
                        }
                    })
                    .collect();
                let creator = user_by_name.get(ns.creator.as_str()).copied();
                for n in 1..=r.generated_shares {
                    let created = now - Duration::days(60) + Duration::minutes(n as i64);
                    shares.push(Share {
                        access_domain: format!("tenant-{n:03}"),
                        permit: "read".into(),
                        deadline: if n % 3 == 0 {
                            "forever".into()
                        } else {
                            format!("{}T00:00:00Z", today + Duration::days(n as i64))
                        },
                        description: format!("Generated demo share {n}"),
                        creator_id: creator.map(|u| u.id.clone()).unwrap_or_default(),
                        creator_name: ns.creator.clone(),
                        created,
                        updated: created,
                    });
                }
                let repo = Repo {
                    name: r.name.clone(),
                    category: r.category.clone(),
                    description: r.description.clone(),
                    is_public: r.is_public,
                    size: 12_345_678 * (j as u64 + 1),
                    num_images: r.tags.len() as u64,
                    num_download: 17 * (j as u64 + 3),
                    created_at,
                    updated_at: created_at + Duration::days(5),
                    tags: r.tags.clone(),
                    shares,
                };
                repos.insert(r.name.clone(), repo);
            }
            for j in 1..=ns.generated_repos {
                let repo = ns.generated_repo(j, &user_by_name, now);
                repos.insert(repo.name.clone(), repo);
            }
            namespaces.insert(
                ns.name.clone(),
                Namespace {
                    id: 1000 + i as u64,
                    name: ns.name.clone(),
                    creator_name: ns.creator.clone(),
                    repos,
                },
            );
        }
        Store {
            region: self.region.clone(),
            project: self.project.clone(),
            registry_host: self.registry_host.clone(),
            users: self.users.clone(),
            access_keys: self.access_keys.clone(),
            namespaces,
            tokens: BTreeMap::new(),
        }
    }
}

impl SeedNamespace {
    /// Whether generated repository `j` (1-based) is one of the shared ones: the shared
    /// ones are spread evenly over the organization.
    fn generated_is_shared(&self, j: usize) -> bool {
        let total = self.generated_repos.max(1);
        let shared = self.generated_shared_repos.unwrap_or(total).min(total);
        j * shared / total > (j - 1) * shared / total
    }

    fn generated_account(&self, j: usize, k: usize) -> String {
        match self.generated_accounts {
            Some(pool) => format!("partner-{:04}", (j * 7 + k) % pool.max(1)),
            None => format!("fleet-partner-{:03}", (j * 7 + k * 3) % 120),
        }
    }

    fn generated_repo(
        &self,
        j: usize,
        user_by_name: &BTreeMap<&str, &User>,
        now: DateTime<Utc>,
    ) -> Repo {
        let today = now.date_naive();
        let creator = user_by_name.get(self.creator.as_str()).copied();
        let created_at = now - Duration::days(200) + Duration::hours(j as i64);
        let count = if self.generated_is_shared(j) {
            self.generated_repo_shares
        } else {
            0
        };
        let mut shares = (0..count)
            .map(|k| {
                // Every state across the organization: forever, valid for months,
                // expiring within days, expired.
                let deadline = match (j + k) % 4 {
                    0 => "forever".to_string(),
                    1 => format!(
                        "{}T00:00:00Z",
                        today + Duration::days(((j * 7 + k * 11) % 400 + 30) as i64)
                    ),
                    2 => format!(
                        "{}T00:00:00Z",
                        today + Duration::days(((j + k) % 14) as i64)
                    ),
                    _ => format!(
                        "{}T00:00:00Z",
                        today - Duration::days(((j + k) % 40 + 1) as i64)
                    ),
                };
                let created = created_at + Duration::days(k as i64);
                Share {
                    access_domain: self.generated_account(j, k),
                    permit: "read".into(),
                    deadline,
                    description: format!("Fleet access {k} for svc-{j:03}"),
                    creator_id: creator.map(|u| u.id.clone()).unwrap_or_default(),
                    creator_name: self.creator.clone(),
                    created,
                    updated: created,
                }
            })
            .collect::<Vec<_>>();
        // Accounts repeat across repositories, never within one.
        shares.sort_by(|a, b| a.access_domain.cmp(&b.access_domain));
        shares.dedup_by(|a, b| a.access_domain == b.access_domain);
        let width = if self.generated_repos > 999 { 4 } else { 3 };
        Repo {
            name: format!("svc-{j:0width$}"),
            category: "other".into(),
            description: format!("Generated fleet service {j}"),
            is_public: false,
            size: 1_000_000 * j as u64,
            num_images: 1,
            num_download: j as u64,
            created_at,
            updated_at: created_at,
            tags: vec!["latest".into()],
            shares,
        }
    }
}
