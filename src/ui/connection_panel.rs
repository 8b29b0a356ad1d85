//! The connection card: the region, the token, and signing in with an IAM user instead.
//! Each is its own view; the network work (the token check, signing in) is in `state`.
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::chunks;
use super::in_step::field_value;
use super::on_demand::OnDemand;
use super::pause::Pause;
use super::time::local;
use crate::model::deadline::format_utc;
use crate::model::expiry::Expiry;
use crate::state::clock::Now;
use crate::state::session::Session;
use wasm_bindgen::JsCast;

/// Region, and the token: pasted, or obtained by signing in with an IAM user. The token is
/// kept in memory unless the user asks to keep it for this tab.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let session = Session::expect();
    view! {
        <section class="ss-card" aria-labelledby="ss-conn-h">
            <h2 id="ss-conn-h">"Connection"</h2>
            {move || {
                session
                    .config_warning
                    .get()
                    .map(|w| {
                        view! {
                            <p class="ss-warn" role="status">
                                {w}
                            </p>
                        }
                    })
            }}
            <div class="ss-row">
                <RegionField />
                <TokenField />
            </div>
            <SignInDetails />
        </section>
    }
}

/// The region select, and the SWR API base it leads to.
#[component]
fn RegionField() -> impl IntoView {
    let session = Session::expect();
    let regions = move || session.config.with(|c| c.regions.clone());
    view! {
        <div class="ss-field ss-narrow">
            <label for="ss-region">"Region"</label>
            <select
                id="ss-region"
                on:change:target=move |ev| session.region_id.set(ev.target().value())
                prop:value=move || session.region().id
            >
                {move || {
                    regions()
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r
                                    .id
                                    .clone()>{format!("{} ({})", r.label, r.id)}</option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p class="ss-help">
                "SWR API: " <span class="ss-mono" data-testid="api-base">
                    {move || {
                        let r = session.region();
                        if r.swr.is_empty() { "this origin".to_string() } else { r.swr }
                    }}
                </span>
            </p>
        </div>
    }
}

/// "Signed in as … The token expires …", once IAM has said so.
fn token_line(session: Session, now: Now) -> Option<String> {
    let info = session.token_info()?;
    let who = if info.user.is_empty() {
        String::new()
    } else {
        format!("Signed in as {} ({}). ", info.user, info.account)
    };
    let when = match info.expires_at {
        Some(t) => {
            let now = now.0.get();
            let left = if t > now {
                Expiry::Valid { left: t - now }.label()
            } else {
                "already expired".to_string()
            };
            format!(
                "The token expires {} ({} your time), {left}.",
                format_utc(t),
                local(t)
            )
        }
        None => String::new(),
    };
    Some(format!("{who}{when}"))
}

/// The token field. A token is used once it is meant: pasted, Enter or leaving the field,
/// or a pause in typing; until then what is typed stays in the field, and nothing is
/// requested.
#[component]
fn TokenField() -> impl IntoView {
    let session = Session::expect();
    let now = Now::expect();
    let typed = RwSignal::new(None::<String>);
    let pause = Pause::new();
    let commit = move || {
        pause.cancel();
        if let Some(t) = typed.get_untracked() {
            typed.set(None);
            session.set_token(t.trim().to_string());
            session.learn_token_info();
        }
    };
    let refused = move || {
        session
            .refused
            .with(|r| r.is_some() && session.token.with(|t| r.as_deref() == Some(t.as_str())))
    };
    let shown = Signal::derive(move || typed.get().unwrap_or_else(|| session.token.get()));
    view! {
        <form class="ss-field" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <label for="ss-token">"IAM token"</label>
            <input
                id="ss-token"
                type="password"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="ss-token-help"
                aria-invalid=move || refused().to_string()
                use:field_value=shown
                on:input=move |ev| {
                    typed.set(Some(event_target_value(&ev)));
                    let pasted = ev
                        .dyn_ref::<web_sys::InputEvent>()
                        .is_some_and(|e| e.input_type() == "insertFromPaste");
                    if pasted { commit() } else { pause.after(commit) }
                }
                on:change=move |_| commit()
            />
            {move || {
                refused()
                    .then(|| {
                        view! {
                            <p class="ss-error" role="alert">
                                "SWR refused this token: it is invalid or expired. Paste a new one or sign in again."
                            </p>
                        }
                    })
            }}
            <p id="ss-token-help" class="ss-help">
                "The X-Subject-Token of an IAM token for this region. Kept in this tab's memory only."
            </p>
            <p class="ss-help" role="status" data-testid="token-status">
                {move || token_line(session, now)}
            </p>
            <div class="ss-row ss-tight">
                <label class="ss-inline">
                    <input
                        type="checkbox"
                        prop:checked=move || session.keep_in_tab.get()
                        on:change:target=move |ev| session.keep_in_tab.set(ev.target().checked())
                    />
                    " Keep me signed in for this tab"
                </label>
                <button
                    type="button"
                    class="ss-secondary"
                    disabled=move || !session.has_token()
                    on:click=move |_| {
                        typed.set(None);
                        pause.cancel();
                        session.sign_out();
                    }
                >
                    "Sign out"
                </button>
            </div>
        </form>
    }
}

/// "Sign in with an IAM user instead": the form is its own chunk, fetched the first time
/// it is opened.
#[component]
fn SignInDetails() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="ss-sign-in" on:toggle=move |_| opened.set(true)>
            <summary>"Sign in with an IAM user instead"</summary>
            <Show when=move || opened.get()>
                <OnDemand asked=true what="the sign-in form" load=chunks::sign_in_form />
            </Show>
        </details>
    }
}
