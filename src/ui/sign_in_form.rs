use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::alert::Alert;
use super::text_field::TextField;
use crate::state::session::Session;

/// IAM user, password and account name. The password is forgotten once signed in; a
/// failure keeps what was typed and says why.
#[component]
pub fn SignInForm() -> impl IntoView {
    let session = Session::expect();
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sign_in = Action::new_local(move |(u, p, a): &(String, String, String)| {
        let signing_in = session.sign_in(u.clone(), p.clone(), a.clone());
        async move {
            match signing_in.await {
                Ok(()) => {
                    password.set(String::new());
                    error.set(None);
                }
                Err(reason) => error.set(Some(reason)),
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (u, p, a) = (
            user.get_untracked(),
            password.get_untracked(),
            account.get_untracked(),
        );
        if u.trim().is_empty() || p.is_empty() || a.trim().is_empty() {
            error.set(Some(
                "Enter the IAM user name, its password and the account name.".into(),
            ));
            return;
        }
        sign_in.dispatch((u, p, a));
    };
    view! {
        <form class="ss-row" on:submit=on_submit novalidate>
            <TextField id="ss-user" label="IAM user name" value=user autocomplete="username" />
            <TextField
                id="ss-password"
                label="Password"
                value=password
                secret=true
                autocomplete="current-password"
            />
            <TextField
                id="ss-account-name"
                label="IAM account name"
                value=account
                autocomplete="organization"
            />
            <div class="ss-field ss-field-button">
                <button type="submit" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </div>
        </form>
        {move || error.get().map(|m| view! { <Alert headline="Not signed in. ">{m}</Alert> })}
    }
}
