//! The session: configuration, chosen region and the token. The token lives in memory (a
//! signal), and in the tab's sessionStorage only when the user asks to keep it
//! (`tab_storage.rs`); never in the URL, localStorage or logs.

use chrono::{DateTime, Utc};
use futures_channel::oneshot;
use leptos::prelude::*;

use super::embedding::{call_token_source, tell_parent, HostMode, MSG_TOKEN_NEEDED};
use super::loader::Loader;
use crate::api::error::Operation;
use crate::api::{responses, transport, ApiError, SwrApi};
use crate::model::config::{AppConfig, Region};

#[derive(Clone, Debug, PartialEq)]
pub struct TokenInfo {
    pub expires_at: Option<DateTime<Utc>>,
    pub user: String,
    pub account: String,
}

/// The token, readable as a signal; only `Session` writes it. (A newtype over the
/// `RwSignal` rather than a `ReadSignal`: the split pair added 0.6 KB to the first load.)
#[derive(Clone, Copy)]
pub struct Token(RwSignal<String>);

impl Token {
    pub fn get(&self) -> String {
        self.0.get()
    }
    pub fn get_untracked(&self) -> String {
        self.0.get_untracked()
    }
    pub fn with<R>(&self, f: impl FnOnce(&String) -> R) -> R {
        self.0.with(f)
    }
    pub fn with_untracked<R>(&self, f: impl FnOnce(&String) -> R) -> R {
        self.0.with_untracked(f)
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub config: RwSignal<AppConfig>,
    /// Why the config fell back to defaults, if it did.
    pub config_warning: RwSignal<Option<String>>,
    /// False until config.json (or the host's options) arrived: nothing is requested
    /// before, since the region's bases are not known yet.
    pub config_ready: RwSignal<bool>,
    pub region_id: RwSignal<String>,
    /// Read anywhere, written only by `set_token` and `sign_out`.
    pub token: Token,
    /// When each token expires and whose it is, once known (sign-in or IAM's answer).
    token_infos: Loader<String, TokenInfo>,
    /// "Keep me signed in for this tab": the token then also lives in sessionStorage.
    pub keep_in_tab: RwSignal<bool>,
    pub mode: HostMode,
    /// The host's function for fresh tokens, when mounted by the JavaScript API.
    token_source: StoredValue<Option<js_sys::Function>, LocalStorage>,
    /// The token a refresh was last asked for, so a refused token is replaced only once.
    refreshed_from: StoredValue<Option<String>>,
    /// The token SWR refused (401), while it is still the current one. It is dropped from
    /// the tab's storage and never written there again.
    pub refused: RwSignal<Option<String>>,
    /// Writes paused on a refused token, each waiting for the next one (None: cancelled).
    waiting: StoredValue<Vec<oneshot::Sender<Option<String>>>, LocalStorage>,
    /// True while a paused write waits: the page then asks for a new token where the user is.
    pub asking: RwSignal<bool>,
    /// SWR's refusal of the token that paused the writes (status, code, its words).
    pub refusal: RwSignal<Option<ApiError>>,
}

const MFA_ADVICE: &str = "This user signs in with virtual MFA: enter the IAM user ID and the current 6-digit code from the authenticator app (a new one every 30 seconds).";

/// Why a sign-in did not succeed, as the user reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInRefused {
    pub reason: String,
    /// IAM wants (another) virtual-MFA code.
    pub asks_for_mfa: bool,
}

impl Session {
    pub fn new(mode: HostMode, token_source: Option<js_sys::Function>) -> Session {
        Session {
            config: RwSignal::new(AppConfig::default()),
            config_warning: RwSignal::new(None),
            config_ready: RwSignal::new(false),
            region_id: RwSignal::new(String::new()),
            token: Token(RwSignal::new(String::new())),
            token_infos: Loader::new(),
            keep_in_tab: RwSignal::new(false),
            mode,
            token_source: StoredValue::new_local(token_source),
            refreshed_from: StoredValue::new(None),
            refused: RwSignal::new(None),
            waiting: StoredValue::new_local(Vec::new()),
            asking: RwSignal::new(false),
            refusal: RwSignal::new(None),
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

    /// The one way a token comes in (typed, pasted, signed in, from the host or the tab's
    /// storage): trimmed, as a token never has spaces and a paste often brings some.
    pub fn set_token(&self, token: String) {
        let token = token.trim().to_string();
        if self.token.with_untracked(|t| *t != token) {
            self.refused.set(None);
            self.token.0.set(token.clone());
            if !token.is_empty() {
                self.resume_waiting(Some(token));
            }
        }
    }

    /// Signs in with an IAM user's password (and, for virtual MFA, the user ID and the
    /// current code). On success the token is used at once, with what IAM said about it; on
    /// failure, the reason as a user reads it, and whether IAM asks for an MFA code.
    pub async fn sign_in(
        self,
        user: String,
        password: String,
        account: String,
        mfa: Option<(String, String)>,
    ) -> Result<(), SignInRefused> {
        let region = untrack(|| self.region().id);
        let mfa = mfa.as_ref().map(|(id, code)| (id.as_str(), code.as_str()));
        let req = self
            .api_untracked()
            .password_token(&user, &password, &account, &region, mfa);
        match transport::send(&req)
            .await
            .and_then(|r| responses::token(&r, None))
        {
            Ok(signed) => {
                self.set_token(signed.token.clone());
                // Kept with the token as stored (trimmed).
                self.know_token(
                    self.token.get_untracked(),
                    TokenInfo {
                        expires_at: signed.expires_at,
                        user: signed.user,
                        account: signed.account,
                    },
                );
                Ok(())
            }
            // The advice about codes is written here, in the sign-in's own code, not in
            // `ApiError::advice`, which every view's first load carries.
            Err(e) if e.asks_for_mfa() => Err(SignInRefused {
                reason: format!("{} {MFA_ADVICE}", e.said()),
                asks_for_mfa: true,
            }),
            Err(e) => Err(SignInRefused {
                reason: e.describe(Operation::SignIn),
                asks_for_mfa: false,
            }),
        }
    }

    /// When the current token expires and whose it is, once known.
    pub fn token_info(&self) -> Option<TokenInfo> {
        self.token.with(|t| self.token_infos.value(t))
    }

    /// What is known about `token` (from the sign-in or the tab's storage).
    pub fn know_token(&self, token: String, info: TokenInfo) {
        self.token_infos.put(token, info);
    }

    /// Asks IAM when the current token expires and whose it is (best effort: the console
    /// works without), once per token; kept with the token it describes.
    pub fn learn_token_info(self) {
        if !untrack(|| self.has_token()) {
            return;
        }
        let req = self.api_untracked().validate_token();
        let token = self.token.get_untracked();
        self.token_infos
            .want(Some(token), false, |token| async move {
                let info = transport::send(&req)
                    .await
                    .and_then(|r| responses::token(&r, Some(&token)))?;
                Ok(TokenInfo {
                    expires_at: info.expires_at,
                    user: info.user,
                    account: info.account,
                })
            });
    }

    /// Forgets the token everywhere: memory and, if it was kept, the tab's storage.
    pub fn sign_out(&self) {
        self.keep_in_tab.set(false);
        self.refused.set(None);
        // Not keeping it any more: tab_storage drops what it kept.
        self.token.0.set(String::new());
        self.resume_waiting(None);
    }

    /// SWR answered 401 to a request sent with `token`. If it is still the current token,
    /// it is marked refused and dropped from the tab's storage, and an embedding host is
    /// asked for a fresh one.
    pub fn refuse(&self, token: &str) {
        if self.token.with_untracked(|t| t != token) {
            return;
        }
        // Marked refused, it is dropped from the tab's storage by tab_storage.
        if !token.is_empty() && self.refused.with_untracked(|r| r.as_deref() != Some(token)) {
            self.refused.set(Some(token.to_string()));
        }
        self.ask_host_for_token(token);
    }

    /// SWR accepted `token` after all (the 401 was passing): it is no longer marked refused.
    pub fn accepted(&self, token: &str) {
        if self.refused.with_untracked(|r| r.as_deref() == Some(token)) {
            self.refused.set(None);
        }
    }

    /// For a write that met a refused token (`refusal`: SWR's answer): resolves with the
    /// next token the user (or the host) gives, or None if the user cancels or signs out.
    /// Meanwhile `asking` is true.
    pub fn next_token(
        &self,
        refused: &str,
        refusal: ApiError,
    ) -> impl std::future::Future<Output = Option<String>> {
        self.refuse(refused);
        self.refusal.set(Some(refusal));
        let (tx, rx) = oneshot::channel();
        let current = self.token.get_untracked();
        if current != refused && !current.trim().is_empty() {
            // A new token arrived while the request was under way.
            let _ = tx.send(Some(current));
        } else {
            self.waiting.update_value(|w| w.push(tx));
            self.asking.set(true);
        }
        async move { rx.await.ok().flatten() }
    }

    /// Ends every wait for a new token: with the token, or None (cancelled).
    pub fn resume_waiting(&self, token: Option<String>) {
        let waiting = self
            .waiting
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for w in waiting {
            let _ = w.send(token.clone());
        }
        if self.asking.get_untracked() {
            self.asking.set(false);
        }
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

    /// Asks the host for a new token after `refused` was refused; true if it was asked.
    /// Each refused token is reported once, so a host that keeps sending it cannot loop.
    pub fn ask_host_for_token(&self, refused: &str) -> bool {
        if self
            .refreshed_from
            .with_value(|r| r.as_deref() == Some(refused))
        {
            return false;
        }
        self.refreshed_from.set_value(Some(refused.to_string()));
        let session = *self;
        if let Some(source) = self.token_source.get_value() {
            call_token_source(&source, move |t| session.set_token(t));
            true
        } else if self.mode == HostMode::Iframe {
            self.config
                .with_untracked(|c| tell_parent(&c.embed_origins, MSG_TOKEN_NEEDED));
            true
        } else {
            false
        }
    }
}

/// Loads `config.json` from beside `index.html`, or takes it from the page, which asks for
/// it before the wasm arrives (`api::early`).
pub async fn load_config(session: Session) {
    let text = match crate::api::early::config().await {
        Some(text) => text,
        None => match gloo_net::http::Request::get("config.json").send().await {
            Ok(r) if r.ok() => r.text().await.ok(),
            _ => None,
        },
    };
    let (config, warning) = match text {
        Some(t) => AppConfig::parse(&t),
        None => (AppConfig::default(), None),
    };
    session.config.set(config);
    session.config_warning.set(warning);
    session.config_ready.set(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_comes_in_trimmed_and_only_through_set_token() {
        let owner = Owner::new();
        owner.with(|| {
            let s = Session::new(HostMode::Mounted, None);
            s.set_token("  MIIabc \n".into());
            assert_eq!(s.token.get_untracked(), "MIIabc");
            assert!(untrack(|| s.has_token()));
            s.set_token(" \t".into());
            assert_eq!(s.token.get_untracked(), "");
            assert!(!untrack(|| s.has_token()));
        });
    }
}
