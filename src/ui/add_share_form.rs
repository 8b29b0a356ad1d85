use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::time::{local, today_utc};
use crate::api::error::Operation;
use crate::api::ApiError;
use crate::model::deadline::format_utc;
use crate::model::names::DESCRIPTION_MAX;
use crate::model::new_share::{FormErrors, NewShare, ShareForm};
use crate::model::{RepoRef, Share};

/// Share the repository with one more account. Input is checked beside each field before
/// anything is sent; a failed request keeps what was typed and says what went wrong.
#[component]
pub fn AddShareForm(
    #[prop(into)] repo: Signal<Option<RepoRef>>,
    #[prop(into)] existing: Signal<Vec<Share>>,
    action: Action<(RepoRef, NewShare), Result<(), ApiError>>,
) -> impl IntoView {
    let account = RwSignal::new(String::new());
    let forever = RwSignal::new(false);
    let last_day = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let sent = RwSignal::new(None::<(RepoRef, NewShare)>);

    let form = move || ShareForm {
        account: account.get(),
        forever: forever.get(),
        last_day: last_day.get(),
        description: description.get(),
    };
    let pending = action.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One click, one request.
        if pending.get_untracked() {
            return;
        }
        let Some(repo) = repo.get_untracked() else {
            return;
        };
        match untrack(form).validate(today_utc(), &existing.get_untracked()) {
            Ok(share) => {
                errors.set(FormErrors::default());
                sent.set(Some((repo.clone(), share.clone())));
                action.dispatch((repo, share));
            }
            Err(e) => errors.set(e),
        }
    };

    // On success the fields empty; on failure they keep what the user typed.
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            account.set(String::new());
            description.set(String::new());
        }
    });

    let cutoff_sentence = move || {
        let f = form();
        match f.deadline() {
            Some(d) => match d.cutoff() {
                Some(c) => format!(
                    "Valid through {} (UTC). Access ends at {} — {} your time.",
                    d.label(),
                    format_utc(c),
                    local(c)
                ),
                None => "Access never ends until the share is changed or revoked.".to_string(),
            },
            None => "Access ends at 00:00 UTC on the day after the last valid day.".to_string(),
        }
    };
    // While a request runs, the previous outcome is hidden: it no longer describes the form.
    let outcome = move || {
        match (action.value().get(), sent.get()) {
        _ if pending.get() => None,
        (Some(Ok(())), Some((repo, share))) => Some(view! {
            <p class="ss-success" role="status">
                {format!("Shared {} with {} ({}).", repo.display(), share.account, match share.deadline.cutoff() {
                    Some(c) => format!("access ends {}", format_utc(c)),
                    None => "forever".to_string(),
                })}
            </p>
        }.into_any()),
        (Some(Err(e)), _) => Some(view! {
            <div class="ss-alert" role="alert">
                <strong>"Not shared. "</strong>
                {e.describe(Operation::Create)}
            </div>
        }.into_any()),
        _ => None,
    }
    };
    let desc_count = move || {
        format!(
            "{} / {DESCRIPTION_MAX}",
            description.with(|d| d.chars().count())
        )
    };

    view! {
        <form class="ss-add" on:submit=on_submit novalidate aria-labelledby="ss-add-h">
            <h3 id="ss-add-h">"Share with another account"</h3>
            <div class="ss-row">
                <div class="ss-field">
                    <label for="ss-account">"Account name"</label>
                    <input
                        id="ss-account"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || errors.with(|e| e.account.is_some()).to_string()
                        aria-describedby="ss-account-msg"
                        prop:value=move || account.get()
                        on:input:target=move |ev| {
                            account.set(ev.target().value());
                            errors.update(|e| e.account = None);
                        }
                    />
                    <p id="ss-account-msg" class="ss-error">{move || errors.get().account}</p>
                </div>
                <fieldset class="ss-field ss-deadline">
                    <legend>"Valid until"</legend>
                    <label class="ss-inline">
                        <input
                            type="checkbox"
                            prop:checked=move || forever.get()
                            on:change:target=move |ev| {
                                forever.set(ev.target().checked());
                                errors.update(|e| e.last_day = None);
                            }
                        />
                        " Forever"
                    </label>
                    <label for="ss-last-day">"Last valid day (UTC)"</label>
                    <input
                        id="ss-last-day"
                        type="date"
                        min=move || crate::model::time::ymd(today_utc())
                        disabled=move || forever.get()
                        aria-invalid=move || errors.with(|e| e.last_day.is_some()).to_string()
                        aria-describedby="ss-last-day-msg ss-cutoff"
                        prop:value=move || last_day.get()
                        on:input:target=move |ev| {
                            last_day.set(ev.target().value());
                            errors.update(|e| e.last_day = None);
                        }
                    />
                    <p id="ss-last-day-msg" class="ss-error">{move || errors.get().last_day}</p>
                    <p id="ss-cutoff" class="ss-help" data-testid="cutoff">{cutoff_sentence}</p>
                </fieldset>
            </div>
            <div class="ss-field">
                <label for="ss-description">"Description (optional)"</label>
                <textarea
                    id="ss-description"
                    rows="2"
                    aria-invalid=move || errors.with(|e| e.description.is_some()).to_string()
                    aria-describedby="ss-description-msg ss-description-count"
                    prop:value=move || description.get()
                    on:input:target=move |ev| {
                        description.set(ev.target().value());
                        errors.update(|e| e.description = None);
                    }
                ></textarea>
                <p id="ss-description-count" class="ss-help">{desc_count}</p>
                <p id="ss-description-msg" class="ss-error">{move || errors.get().description}</p>
            </div>
            <div class="ss-actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Sharing…" } else { "Share (pull only)" }}
                </button>
            </div>
            <div aria-live="polite">{outcome}</div>
        </form>
    }
}
