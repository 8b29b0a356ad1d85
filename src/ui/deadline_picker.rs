use leptos::prelude::*;

use super::checkbox::Checkbox;
use super::time::{local, today_utc};
use crate::model::deadline::format_utc;
use crate::model::expiry::PRESETS;
use crate::model::time::ymd;
use crate::model::Deadline;
use crate::state::shares::DayDraft;

/// "Forever" or a last valid day, with presets and a sentence that states exactly when
/// access ends (UTC and local time). Shared by the add form and the edit dialog.
#[component]
pub fn DeadlinePicker(
    /// Prefix for element ids, unique per form.
    id: &'static str,
    draft: DayDraft,
    #[prop(into)] error: Signal<Option<String>>,
    /// Called when the user changes anything (to clear a stale error).
    #[prop(into)]
    on_change: Callback<()>,
) -> impl IntoView {
    let date_id = format!("{id}-last-day");
    let msg_id = format!("{id}-last-day-msg");
    let cutoff_id = format!("{id}-cutoff");
    let described = format!("{msg_id} {cutoff_id}");
    let DayDraft {
        forever,
        value: last_day,
        unreadable,
    } = draft;
    let sentence = move || {
        let deadline = if forever.get() {
            Some(Deadline::Forever)
        } else {
            crate::model::time::parse_ymd(last_day.get().trim()).map(Deadline::LastDay)
        };
        match deadline {
            Some(Deadline::Forever) => {
                "Access never ends until the share is changed or revoked.".to_string()
            }
            Some(d) => match d.cutoff() {
                Some(c) => format!(
                    "Valid through {} (UTC). Access ends at {} — {} your time.",
                    d.label(),
                    format_utc(c),
                    local(c)
                ),
                None => String::new(),
            },
            None => "Access ends at 00:00 UTC on the day after the last valid day.".to_string(),
        }
    };
    let apply = move |d: Deadline| {
        match d {
            Deadline::Forever => forever.set(true),
            Deadline::LastDay(day) => {
                forever.set(false);
                last_day.set(ymd(day));
                unreadable.set(false);
            }
            Deadline::Unrecognised(_) => {}
        }
        on_change.run(());
    };
    view! {
        <fieldset class="ss-field ss-deadline">
            <legend>"Valid until"</legend>
            <div class="ss-presets" role="group" aria-label="Quick choices">
                {PRESETS
                    .iter()
                    .map(|p| {
                        let p = *p;
                        view! {
                            <button
                                type="button"
                                class="ss-chip-button"
                                on:click=move |_| apply(p.deadline(today_utc()))
                            >
                                {p.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <Checkbox
                checked=forever
                on_change=move |on| {
                    forever.set(on);
                    on_change.run(());
                }
                label=" Forever"
            />
            <label for=date_id.clone()>"Last valid day (UTC)"</label>
            <input
                id=date_id
                type="date"
                min=move || ymd(today_utc())
                disabled=move || forever.get()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || last_day.get()
                on:input:target=move |ev| {
                    last_day.set(ev.target().value());
                    unreadable.set(ev.target().validity().bad_input());
                    on_change.run(());
                }
                on:blur:target=move |ev| unreadable.set(ev.target().validity().bad_input())
            />
            <p id=msg_id class="ss-error">
                {move || error.get()}
            </p>
            <p id=cutoff_id class="ss-help" data-testid="cutoff">
                {sentence}
            </p>
        </fieldset>
    }
}
