//! The emulator's state: users and their access keys, organizations with their
//! repositories and shares, and issued tokens. Serializable so `--state FILE` can keep it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub password: String,
    pub domain: Named,
    /// Organization name → SWR permission level (7 manage, 3 write, 1 read).
    #[serde(default)]
    pub permissions: BTreeMap<String, u8>,
    /// Virtual MFA: the base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s). A user with
    /// one needs the `totp` method beside `password` to get a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AccessKey {
    pub ak: String,
    pub sk: String,
    /// User name the key belongs to.
    pub user: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Share {
    pub access_domain: String,
    pub permit: String,
    /// As the client sent it (`forever` or a UTC date-time): SWR echoes it back.
    pub deadline: String,
    pub description: String,
    pub creator_id: String,
    pub creator_name: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Repo {
    pub name: String,
    pub category: String,
    pub description: String,
    pub is_public: bool,
    pub size: u64,
    pub num_images: u64,
    pub num_download: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub tags: Vec<String>,
    pub shares: Vec<Share>,
}

impl Repo {
    pub fn share(&self, account: &str) -> Option<&Share> {
        self.shares
            .iter()
            .find(|s| s.access_domain.eq_ignore_ascii_case(account))
    }
    pub fn share_mut(&mut self, account: &str) -> Option<&mut Share> {
        self.shares
            .iter_mut()
            .find(|s| s.access_domain.eq_ignore_ascii_case(account))
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Namespace {
    pub id: u64,
    pub name: String,
    pub creator_name: String,
    pub repos: BTreeMap<String, Repo>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Token {
    pub user_id: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Store {
    pub region: String,
    pub project: Named,
    pub registry_host: String,
    pub users: Vec<User>,
    pub access_keys: Vec<AccessKey>,
    pub namespaces: BTreeMap<String, Namespace>,
    pub tokens: BTreeMap<String, Token>,
}

pub const TOKEN_LIFETIME_HOURS: i64 = 24;

impl Store {
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user's permission level on an organization: 7 manage, 3 write, 1 read, 0 none.
    pub fn auth_level(&self, user_id: &str, namespace: &str) -> u8 {
        self.user(user_id)
            .and_then(|u| u.permissions.get(namespace).copied())
            .unwrap_or(0)
    }

    /// Issues an IAM-style token (24 h), opaque and long like the real ones.
    pub fn issue_token(&mut self, user_id: &str, now: DateTime<Utc>) -> (String, Token) {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        let token = format!("MIIemu{:032x}{:032x}", rng.gen::<u128>(), rng.gen::<u128>());
        let t = Token {
            user_id: user_id.to_string(),
            issued_at: now,
            expires_at: now + Duration::hours(TOKEN_LIFETIME_HOURS),
        };
        self.tokens.insert(token.clone(), t.clone());
        (token, t)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("store serializes")
    }

    pub fn load(path: &Path) -> Result<Store, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("{} is not an emulator state file: {e}", path.display()))
    }
}

/// Writes to a temporary file beside the target, syncs it and renames it over the target,
/// so a crash leaves either the old or the new state, never half of one.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
