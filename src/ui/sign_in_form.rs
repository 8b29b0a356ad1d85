use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::alert::Alert;
use super::text_field::TextField;
use crate::state::session::Session;

/// What one sign-in sends: user, password, account and, for virtual MFA, user ID and code.
type Attempt = (String, String, String, Option<(String, String)>);

/// IAM user, password and account name, and for a user with virtual MFA the IAM user ID and
/// the current code (asked for when IAM wants it, or when the user says so). The password is
/// forgotten once signed in and the code at once: it is good for one sign-in. A failure
/// keeps the rest of what was typed and says why.
#[component]
pub fn SignInForm() -> impl IntoView {
    let session = Session::expect();
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let mfa = RwSignal::new(false);
    let user_id = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sign_in = Action::new_local(move |(u, p, a, m): &Attempt| {
        let signing_in = session.sign_in(u.clone(), p.clone(), a.clone(), m.clone());
        async move {
            match signing_in.await {
                Ok(()) => {
                    password.set(String::new());
                    error.set(None);
                }
                Err(refused) => {
                    if refused.asks_for_mfa {
                        mfa.set(true);
                    }
                    error.set(Some(refused.reason));
                }
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
        let m = mfa
            .get_untracked()
            .then(|| (user_id.get_untracked(), code.get_untracked()));
        if let Some((id, c)) = &m {
            let c = c.trim();
            if id.trim().is_empty() || c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) {
                error.set(Some(
                    "Enter the IAM user ID and the 6-digit code the authenticator app shows now."
                        .into(),
                ));
                return;
            }
        }
        // The code is good for one sign-in: it is not kept, whatever IAM answers.
        code.set(String::new());
        sign_in.dispatch((u, p, a, m));
    };
    // Beside the last row of fields: the MFA fields get a row of their own.
    let submit = move || {
        view! {
            <div class="ss-field ss-field-button">
                <button type="submit" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </div>
        }
    };
    view! {
        <form on:submit=on_submit novalidate>
            <div class="ss-row">
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
                <Show when=move || !mfa.get()>{submit}</Show>
            </div>
            <Show when=move || mfa.get()>
                <div class="ss-row">
                    <TextField
                        id="ss-user-id"
                        label="IAM user ID"
                        value=user_id
                        placeholder="My Credentials page"
                    />
                    <TextField
                        id="ss-mfa-code"
                        label="MFA code"
                        value=code
                        placeholder="6 digits"
                        autocomplete="one-time-code"
                    />
                    {submit}
                </div>
            </Show>
        </form>
        <Show when=move || !mfa.get()>
            <button type="button" class="ss-link-button" on:click=move |_| mfa.set(true)>
                "My login uses a virtual MFA device"
            </button>
        </Show>
        {move || error.get().map(|m| view! { <Alert headline="Not signed in. ">{m}</Alert> })}
    }
}
