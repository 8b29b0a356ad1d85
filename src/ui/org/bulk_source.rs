use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::bulk::import::import_csv;
use crate::state::bulk::{Bulk, Source};

/// What to share: accounts on repositories, the shares of one repository, or a CSV file;
/// and the input of the one chosen.
#[component]
pub fn BulkSource(bulk: Bulk) -> impl IntoView {
    let choice = move |s: Source, label: &'static str| {
        view! {
            <label class="ss-inline">
                <input
                    type="radio"
                    name="ss-bulk-source"
                    prop:checked=move || bulk.source.get() == s
                    on:change=move |_| bulk.source.set(s)
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="ss-fieldset">
            <legend>"What to share"</legend>
            {choice(Source::Accounts, " Accounts on repositories")}
            {choice(Source::Copy, " Copy the shares of one repository")}
            {choice(Source::File, " A CSV file")}
        </fieldset>
        <Show when=move || bulk.source.get() == Source::Accounts>
            <AccountsInput bulk=bulk />
        </Show>
        <Show when=move || bulk.source.get() == Source::Copy>
            <div class="ss-field">
                <label for="ss-bulk-from">"Copy the shares of"</label>
                <select
                    id="ss-bulk-from"
                    on:change:target=move |ev| bulk.copy_from.set(ev.target().value())
                >
                    <option value="">"Choose a repository"</option>
                    {move || {
                        bulk.all_repos()
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <option value=r
                                        .repository
                                        .clone()>{r.repository.clone()}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
        <Show when=move || bulk.source.get() == Source::File>
            <CsvInput bulk=bulk />
        </Show>
    }
}

/// Accounts pasted: how many, which were given twice, which cannot be account names.
#[component]
fn AccountsInput(bulk: Bulk) -> impl IntoView {
    let summary = move || {
        let a = bulk.accounts.get();
        let twice = match a.repeated {
            0 => String::new(),
            n => format!(", {n} given twice (once is enough)"),
        };
        let invalid = match a.invalid.len() {
            0 => String::new(),
            n => format!(", {n} not valid"),
        };
        format!("{} accounts{twice}{invalid}", a.valid.len())
    };
    view! {
        <div class="ss-field">
            <label for="ss-bulk-accounts">"Accounts (commas, spaces or one per line)"</label>
            <textarea
                id="ss-bulk-accounts"
                rows="3"
                spellcheck="false"
                prop:value=move || bulk.accounts_text.get()
                on:input:target=move |ev| bulk.accounts_text.set(ev.target().value())
            ></textarea>
            <p class="ss-help" role="status">
                {summary}
            </p>
            <ul class="ss-error">
                {move || {
                    bulk.accounts
                        .get()
                        .invalid
                        .into_iter()
                        .map(|(a, why)| {
                            view! {
                                <li>
                                    <span class="ss-mono">{a}</span>
                                    ": "
                                    {why}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// A CSV file read in the page: how many shares it holds, and the lines that cannot be used.
#[component]
fn CsvInput(bulk: Bulk) -> impl IntoView {
    let on_file = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else { return };
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            bulk.imported
                .set(Some(import_csv(&text).map(|i| (i.wanted, i.problems))));
        });
    };
    let read = move || {
        bulk.imported.get().map(|r| match r {
            Ok((w, problems)) => view! {
                <p class="ss-help" role="status">
                    {format!(
                        "{} shares read; {} lines could not be used.",
                        w.len(),
                        problems.len(),
                    )}
                </p>
                <ul class="ss-error">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(e) => view! {
                <p class="ss-error" role="alert">
                    {e}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <div class="ss-field">
            <label for="ss-bulk-file">
                "CSV file (account, repository, deadline, description)"
            </label>
            <input id="ss-bulk-file" type="file" accept=".csv,text/csv" on:change=on_file />
            {read}
        </div>
    }
}
