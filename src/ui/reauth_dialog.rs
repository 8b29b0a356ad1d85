use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::modal::Modal;
use super::text_field::TextField;
use crate::api::error::Operation;
use crate::state::session::Session;

/// Asks for a new token where the user is: a change that met a refused token (401) waits
/// here, on top of any open dialog, with everything typed kept. "Continue" sends it again
/// with the new token; "Cancel" ends it with the refusal shown where the user acted.
#[component]
pub fn ReauthDialog() -> impl IntoView {
    let session = Session::expect();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let token = typed.get_untracked().trim().to_string();
        if token.is_empty() {
            error.set(Some("Paste the new token."));
            return;
        }
        if session
            .refused
            .with_untracked(|r| r.as_deref() == Some(token.as_str()))
        {
            error.set(Some("SWR already refused this token: paste a new one."));
            return;
        }
        error.set(None);
        typed.set(String::new());
        session.set_token(token);
    };
    let cancel = move || {
        typed.set(String::new());
        error.set(None);
        session.resume_waiting(None);
    };
    view! {
        <Modal open=session.asking on_close=move |_| cancel() labelled_by="ss-reauth-h">
            <form on:submit=on_submit novalidate>
                <h2 id="ss-reauth-h">"SWR refused the token"</h2>
                // SWR's own answer (status, code, its words) and what to do.
                <p>
                    {move || {
                        session
                            .refusal
                            .with(|e| match e {
                                Some(e) => e.describe(Operation::List),
                                None => {
                                    "HTTP 401: the token is missing, invalid or expired. Paste a new token or sign in again."
                                        .into()
                                }
                            })
                    }} " What you were doing is kept and is sent again with the new token."
                </p>
                <TextField
                    id="ss-reauth-token"
                    label="New IAM token"
                    secret=true
                    value=typed
                    error=Signal::derive(move || error.get().map(str::to_string))
                />
                <div class="ss-actions">
                    <button type="submit">"Continue with this token"</button>
                    <button type="button" class="ss-secondary" on:click=move |_| cancel()>
                        "Cancel"
                    </button>
                </div>
            </form>
        </Modal>
    }
}
