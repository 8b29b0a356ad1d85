//! "Keep me signed in for this tab": only when the user ticks it, the token (and what is
//! known about it) goes to sessionStorage, which the browser clears with the tab. Never
//! localStorage.

use leptos::prelude::*;

use super::session::{Session, TokenInfo};
use crate::json::{self, Fields};
use crate::model::time::parse_rfc3339;

const KEY: &str = "swr-share.session";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// Restores a kept session, then keeps storage in step with the user's choice.
pub fn sync(session: Session) {
    if let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
        let kept = json::parse(&text);
        if let Some(f) = kept.as_ref().and_then(|v| Fields::of(v, "it").ok()) {
            let field = |k: &str| f.text(k).unwrap_or_default();
            session.set_token(field("token"));
            session.know_token(
                session.token.get_untracked(),
                TokenInfo {
                    expires_at: parse_rfc3339(&field("expires_at")),
                    user: field("user"),
                    account: field("account"),
                },
            );
            session.keep_in_tab.set(true);
        }
    }
    Effect::new(move |_| {
        let (keep, token, info, refused) = (
            session.keep_in_tab.get(),
            session.token.get(),
            session.token_info(),
            session.refused.get(),
        );
        // A token SWR refused is never kept: after a reload it must not come back.
        let usable = !token.is_empty() && refused.as_deref() != Some(token.as_str());
        match (keep, storage()) {
            (true, Some(s)) if usable => {
                let info = info.unwrap_or(TokenInfo {
                    expires_at: None,
                    user: String::new(),
                    account: String::new(),
                });
                let expires_at = info.expires_at.map(|t| t.to_rfc3339());
                let text = json::write(vec![
                    ("token", json::string(token)),
                    ("expires_at", json::string(expires_at.unwrap_or_default())),
                    ("user", json::string(info.user)),
                    ("account", json::string(info.account)),
                ]);
                let _ = s.set_item(KEY, &text);
            }
            _ => forget(),
        }
    });
}
