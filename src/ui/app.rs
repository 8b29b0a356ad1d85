use leptos::prelude::*;
use leptos::task::spawn_local;

use super::chunks;
use super::connection_panel::ConnectionPanel;
use super::on_demand::{latch, OnDemand};
use super::repo_panel::RepoPanel;
use super::shares_section::SharesSection;
use crate::state::changes::Changes;
use crate::state::clock::Now;
use crate::state::embedding::{
    listen_to_parent, tell_parent, Embedding, HostMode, HostOptions, MSG_READY,
};
use crate::state::session::{load_config, Session};
use crate::state::shares::SharesStore;
use crate::state::tab_storage;
use crate::state::view::View;

/// The whole console. `embedding` says how it is hosted (default: its own page).
#[component]
pub fn App(#[prop(optional)] embedding: Option<Embedding>) -> impl IntoView {
    let embedding = embedding.unwrap_or_default();
    let session = Session::new(embedding.mode, embedding.token_source.clone());
    provide_context(session);
    let host = HostOptions {
        mode: embedding.mode,
        fixed_repo: embedding.fixed_repo.clone(),
    };
    let view = View::new(&host);
    let host_fixed = host.fixed_repo.clone();
    provide_context(host);
    provide_context(view);
    provide_context(Now::new());
    match embedding.config {
        Some(config) => {
            session.config.set(config);
            session.config_ready.set(true);
        }
        None => spawn_local(async move {
            load_config(session).await;
            if session.mode == HostMode::Iframe {
                session
                    .config
                    .with_untracked(|c| tell_parent(&c.embed_origins, MSG_READY));
            }
        }),
    }
    match session.mode {
        HostMode::Iframe => listen_to_parent(
            move |origin| {
                session
                    .config
                    .with_untracked(|c| c.embed_origins.iter().any(|o| o == origin))
            },
            move |token| session.set_token(token),
        ),
        HostMode::Page => tab_storage::sync(session),
        HostMode::Mounted => {}
    }
    match embedding.token {
        Some(token) => session.set_token(token),
        None if embedding.token_source.is_some() => {
            session.ask_host_for_token("");
        }
        None => {}
    }
    let store = SharesStore::new(session, view);
    provide_context(store);
    Changes::provide(store);
    // Only a change of view re-renders the main area, not every filter keystroke.
    let current = Memo::new(move |_| view.0.with(|v| v.view.clone()));
    let tabs = host_fixed.is_none();
    let go = move |to: &'static str| view.update(|v| v.view = to.to_string());
    let tab = move |to: &'static str, label: &'static str| {
        view! {
            <button
                type="button"
                class="ss-tab"
                aria-current=move || (current.get() == to).then_some("page")
                on:click=move |_| go(to)
            >
                {label}
            </button>
        }
    };
    let reauth_wanted = latch(move || session.asking.get());
    view! {
        <div class="swr-share">
            <header class="ss-header">
                <h1>"SWR share console"</h1>
                <p class="ss-muted">"Decide which accounts may pull a private container image."</p>
            </header>
            <main class="ss-main">
                <ConnectionPanel />
                {tabs
                    .then(|| {
                        view! {
                            <nav class="ss-tabs" aria-label="Views">
                                {tab("", "One repository")}
                                {tab("org", "Organization overview")}
                                {tab("bulk", "Share in bulk")}
                                {tab("inbound", "Shared with you")}
                            </nav>
                        }
                    })}
                {move || match current.get().as_str() {
                    "org" => {
                        view! {
                            <OnDemand
                                asked=true
                                what="the organization overview"
                                load=chunks::org_view
                            />
                        }
                            .into_any()
                    }
                    "bulk" => {
                        view! {
                            <OnDemand asked=true what="bulk sharing" load=chunks::bulk_share />
                        }
                            .into_any()
                    }
                    "inbound" => {
                        view! {
                            <OnDemand
                                asked=true
                                what="the images shared with you"
                                load=chunks::inbound_view
                            />
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <RepoPanel />
                            <SharesSection />
                        }
                            .into_any()
                    }
                }}
            </main>
            // Fetched the first time SWR refuses a token, then kept.
            <Show when=move || { reauth_wanted.get() }>
                <OnDemand asked=true what="the token dialog" load=chunks::reauth_dialog />
            </Show>
        </div>
    }
}
