//! The session: configuration, chosen region and the token. The token lives in memory
//! only (a signal); it never goes to the URL, to storage or to logs.

use leptos::prelude::*;

use crate::api::SwrApi;
use crate::model::config::{AppConfig, Region};

#[derive(Clone, Copy)]
pub struct Session {
    pub config: RwSignal<AppConfig>,
    /// Why the config fell back to defaults, if it did.
    pub config_warning: RwSignal<Option<String>>,
    pub region_id: RwSignal<String>,
    pub token: RwSignal<String>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            config: RwSignal::new(AppConfig::default()),
            config_warning: RwSignal::new(None),
            region_id: RwSignal::new(String::new()),
            token: RwSignal::new(String::new()),
        }
    }

    pub fn expect() -> Session {
        expect_context::<Session>()
    }

    pub fn region(&self) -> Region {
        let id = self.region_id.get();
        self.config.with(|c| c.region(&id).clone())
    }

    pub fn has_token(&self) -> bool {
        self.token.with(|t| !t.trim().is_empty())
    }

    /// A client for the current region and token (tracks both).
    pub fn api(&self) -> SwrApi {
        let r = self.region();
        self.token.with(|t| SwrApi::new(&r.swr, &r.iam, t))
    }

    /// The client without subscribing the caller to the session's signals.
    pub fn api_untracked(&self) -> SwrApi {
        untrack(|| self.api())
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Loads `config.json` from beside `index.html`.
pub async fn load_config(session: Session) {
    let text = match gloo_net::http::Request::get("config.json").send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    };
    let (config, warning) = match text {
        Some(t) => AppConfig::parse(&t),
        None => (AppConfig::default(), None),
    };
    session.config.set(config);
    session.config_warning.set(warning);
}
