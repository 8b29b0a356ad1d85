use leptos::prelude::*;
use leptos::task::spawn_local;

use super::connection_panel::ConnectionPanel;
use super::repo_panel::RepoPanel;
use super::shares_section::SharesSection;
use crate::state::session::{load_config, Session};
use crate::state::shares::SharesStore;

#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    provide_context(session);
    spawn_local(load_config(session));
    provide_context(SharesStore::new(session));
    view! {
        <div class="swr-share">
            <header class="ss-header">
                <h1>"SWR share console"</h1>
                <p class="ss-muted">"Decide which accounts may pull a private container image."</p>
            </header>
            <main class="ss-main">
                <ConnectionPanel/>
                <RepoPanel/>
                <SharesSection/>
            </main>
        </div>
    }
}
