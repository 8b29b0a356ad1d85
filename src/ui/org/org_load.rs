use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::beat::beat;
use super::org_found::OrgFound;
use crate::api::error::Operation;
use crate::model::names::validate_namespace;
use crate::state::org_table::OrgTable;
use crate::state::session::Session;
use crate::state::view::View;
use crate::ui::alert::Alert;
use crate::ui::text_field::TextField;

/// The organization to load (none: every organization), its progress while it loads, how
/// the repositories were found, and what could not be read.
#[component]
pub fn OrgLoad(table: OrgTable) -> impl IntoView {
    let (session, view, org) = (Session::expect(), View::expect(), table.org);
    let typed = RwSignal::new(view.0.with_untracked(|v| v.namespace.clone()));
    let ns_error = RwSignal::new(None::<String>);
    let load = move || {
        let ns = typed.get_untracked().trim().to_string();
        let checked = if ns.is_empty() {
            Ok(())
        } else {
            validate_namespace(&ns)
        };
        match checked {
            Ok(()) => {
                ns_error.set(None);
                if view.0.with_untracked(|v| v.namespace != ns) {
                    view.update(|v| v.namespace = ns.clone());
                }
                table.load();
            }
            Err(e) => ns_error.set(Some(e)),
        }
    };
    // Opened (a link, a reload, the tab): load its organization, or every one, at once.
    if session.has_token() {
        load();
    }
    // A load's progress moves at every list answer (64 in a few hundred milliseconds); it is
    // shown at the beat.
    let progress_beat = beat(move || org.loading());
    let shown = move || {
        progress_beat.track();
        org.progress.get_untracked()
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        load();
    };
    view! {
        <form class="ss-row" on:submit=on_submit novalidate>
            <TextField
                id="ss-org"
                label="Organization"
                value=typed
                error=ns_error
                placeholder="every organization"
            />
            <div class="ss-field ss-field-button">
                <button type="submit" disabled=move || org.loading() || !session.has_token()>
                    {move || if org.loading() { "Loading…" } else { "Load every share" }}
                </button>
            </div>
        </form>
        <Show when=move || org.loading()>
            <progress
                max=move || shown().1.max(1)
                value=move || shown().0
                aria-label="Repositories read"
            ></progress>
            <p class="ss-muted" role="status">
                {move || match shown() {
                    (_, 0) => "Finding the repositories with shares…".to_string(),
                    (done, total) => format!("Read {done} of {total} repositories…"),
                }}
            </p>
        </Show>
        <OrgFound table=table />
        {move || {
            org.with(|d| match d {
                Some(Err(e)) => {
                    let why = e.describe(Operation::Repositories);
                    Some(
                        view! { <Alert headline="Could not list the repositories. ">{why}</Alert> }
                            .into_any(),
                    )
                }
                Some(Ok(data)) if !data.failed.is_empty() => {
                    let items = data
                        .failed
                        .iter()
                        .map(|(r, e)| {
                            view! { <li>{r.display()}": "{e.describe(Operation::List)}</li> }
                        })
                        .collect_view();
                    Some(
                        view! {
                            <Alert headline=format!(
                                "The shares of {} repositories could not be read; they are not in the table. ",
                                data.failed.len(),
                            )>
                                <ul>{items}</ul>
                                "Load again to retry."
                            </Alert>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            })
        }}
    }
}
