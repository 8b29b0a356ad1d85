use leptos::prelude::*;

use super::chunks;
use super::list_notes::{list_notes, pager};
use super::list_toolbar::ListToolbar;
use super::on_demand::{latch, OnDemand};
use super::share_table::ShareTable;
use crate::model::table_view::{page_count, Sort};
use crate::state::clock::Now;
use crate::state::selection::Selection;
use crate::state::session::Session;
use crate::state::share_list::ShareList;
use crate::state::shares::SharesStore;
use crate::state::view::View;

/// The share list of the open repository with its loading, empty and error states, the
/// filters, the table, the add form and the dialogs.
#[component]
pub fn SharesSection() -> impl IntoView {
    let session = Session::expect();
    let store = SharesStore::expect();
    let view = View::expect();
    let now = Now::expect();
    let utc_times = RwSignal::new(false);
    let warning_days = Signal::derive(move || session.config.with(|c| c.expiry_warning_days));
    let list = ShareList::new(store, view, now, warning_days);
    let all = list.all;
    // Until the first screen is painted, only the page's rows are built; then every row,
    // so that the first keystroke in the filter shows rows instead of building them.
    let first_screen = latch(move || store.first_screen_done(session));
    let rows = list.rows(first_screen);
    let matching = list.matching();
    let pages = move || page_count(matching());
    let loaded = list.loaded();
    // While the list shows an error (a refused token), the filter stays where it was.
    let failed = move || store.error().is_some();
    // Parts fetched on demand: once wanted, kept (closing a dialog must not unload it).
    // The add form comes after the list has answered, so the first rows come first.
    let add_wanted = first_screen;
    let edit_wanted = latch(move || store.editing.with(Option::is_some));
    let revoke_wanted = latch(move || store.revoking.with(Option::is_some));
    // Rows chosen for a bulk extend or revoke; their actions come with the organization
    // chunk, fetched when the first row is chosen.
    let selection = Selection::new();
    let chosen_any = move || store.repo.with(|r| !selection.accounts(r).is_empty());
    let bulk_wanted = latch(chosen_any);
    let on_sort =
        Callback::new(move |c| view.0.update(|v| v.sort = Some(Sort::toggled(v.sort, c))));

    view! {
        <section class="ss-card" aria-labelledby="ss-shares-h">
            <div class="ss-section-head">
                <h2 id="ss-shares-h">"Shared with"</h2>
                <button
                    type="button"
                    class="ss-secondary"
                    disabled=move || store.loading() || store.key.get().is_none()
                    on:click=move |_| store.reload(session)
                >
                    "Reload"
                </button>
            </div>
            {list_notes(all)}
            <Show when=move || loaded() || failed()>
                <ListToolbar
                    expiries=list.expiries
                    warning_days=warning_days
                    utc_times=utc_times
                    known=Signal::derive(loaded)
                />
            </Show>
            <Show when=loaded>
                // Both stay built: while nothing matches, the table's rows are kept for when
                // something does again.
                <p class="ss-empty" hidden=move || { matching() > 0 }>
                    "No share matches the filter. "
                    <button
                        type="button"
                        class="ss-link-button"
                        on:click=move |_| {
                            view.update(|v| {
                                v.q.clear();
                                v.status = Default::default();
                            })
                        }
                    >
                        "Show all"
                    </button>
                </p>
                <div hidden=move || { matching() == 0 }>
                    <ShareTable
                        shares=rows
                        shown=list.on_page
                        sort=list.sort
                        on_sort=on_sort
                        with_actions=true
                        now=now.0
                        warning_days=warning_days
                        utc_times=utc_times
                        selection=selection
                    />
                </div>
                <Show when=move || { pages() > 1 }>{pager(matching, pages)}</Show>
            </Show>
            <Show when=move || bulk_wanted.get()>
                <OnDemand
                    asked=true
                    what="the actions on the chosen shares"
                    load=move || chunks::selection_actions(selection)
                />
            </Show>
            // Shown even without a token: what was typed stays, and sending asks for one.
            <Show when=move || store.repo.get().is_some() && add_wanted.get()>
                <OnDemand what="the add form" load=move || chunks::add_form(all.into()) />
            </Show>
            // Fetched when first opened, then kept: closing it must not unload its chunk.
            <Show when=move || { edit_wanted.get() }>
                <OnDemand asked=true what="the edit dialog" load=chunks::edit_dialog />
            </Show>
            <Show when=move || { revoke_wanted.get() }>
                <OnDemand asked=true what="the revoke dialog" load=chunks::revoke_dialog />
            </Show>
        </section>
    }
}
