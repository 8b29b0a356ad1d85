use leptos::prelude::*;

use super::in_step::field_value;
use crate::model::expiry::{summarize, Expiry, Summary};
use crate::model::table_view::StatusFilter;
use crate::state::view::View;

/// The summary line ("2 expired, 3 expire within 14 days", each part a filter), the text
/// filter and the status chips.
#[component]
pub fn ListToolbar(
    #[prop(into)] expiries: Signal<Vec<Expiry>>,
    #[prop(into)] warning_days: Signal<i64>,
    /// Times in UTC (ISO 8601) instead of the browser's locale.
    utc_times: RwSignal<bool>,
    /// The list is on screen: without it (an error) the counts are not known and not shown.
    #[prop(into)]
    known: Signal<bool>,
) -> impl IntoView {
    let view = View::expect();
    let summary = Memo::new(move |_| expiries.with(|e| summarize(e.iter())));
    let set_status = move |f: StatusFilter| view.update(|v| v.status = f);
    let count = move |f: StatusFilter| expiries.with(|e| e.iter().filter(|x| f.matches(x)).count());
    view! {
        <p class="ss-summary" data-testid="expiry-summary">
            {move || summary_parts(summary.get(), warning_days.get(), set_status)}
        </p>
        <div class="ss-toolbar">
            <div class="ss-field ss-filter">
                <label for="ss-filter">"Filter"</label>
                <input
                    id="ss-filter"
                    type="search"
                    placeholder="account, description or creator"
                    use:field_value=Signal::derive(move || view.0.with(|v| v.q.clone()))
                    on:input:target=move |ev| view.update(|v| v.q = ev.target().value())
                />
            </div>
            <div class="ss-chips" role="group" aria-label="Show by status">
                {StatusFilter::ALL
                    .into_iter()
                    .map(|f| {
                        view! {
                            <button
                                type="button"
                                class="ss-chip-button"
                                aria-pressed=move || (view.0.with(|v| v.status) == f).to_string()
                                on:click=move |_| set_status(f)
                            >
                                {f.label()}
                                " "
                                <span class="ss-count" hidden=move || !known.get()>
                                    {move || count(f)}
                                </span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <label class="ss-inline">
                <input
                    type="checkbox"
                    prop:checked=move || utc_times.get()
                    on:change:target=move |ev| utc_times.set(ev.target().checked())
                />
                " Times in UTC (ISO 8601)"
            </label>
        </div>
    }
}

/// "2 expired, 3 expire within 14 days": each part shows the shares it counts.
fn summary_parts(
    s: Summary,
    days: i64,
    set_status: impl Fn(StatusFilter) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let verb = if s.expiring == 1 { "expires" } else { "expire" };
    let links = [
        (
            s.expired,
            StatusFilter::Expired,
            format!("{} expired", s.expired),
        ),
        (
            s.expiring,
            StatusFilter::Expiring,
            format!("{} {verb} within {days} days", s.expiring),
        ),
    ];
    let mut parts: Vec<AnyView> = links
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(_, f, text)| {
            let class = match f {
                StatusFilter::Expired => "ss-link-button ss-expired-text",
                _ => "ss-link-button ss-expiring-text",
            };
            view! {
                <button type="button" class=class on:click=move |_| set_status(f)>
                    {text}
                </button>
            }
            .into_any()
        })
        .collect();
    if parts.is_empty() && s.total > 0 {
        let none = format!("None expired or expiring within {days} days.");
        parts.push(view! { <span>{none}</span> }.into_any());
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                {(i > 0).then_some(", ")}
                {p}
            }
        })
        .collect_view()
}
