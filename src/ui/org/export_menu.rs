use leptos::prelude::*;

use super::download::download;
use crate::model::bulk::export::{to_csv, to_icalendar, to_json, to_terraform, Provider};
use crate::state::clock::Now;
use crate::state::org_table::OrgTable;
use crate::state::view::View;

/// What the rows in view can be exported as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    Terraform(Provider),
    /// An event (with a reminder) for every share ending within the days chosen.
    Calendar,
}

impl Format {
    const BUTTONS: [(Format, &'static str); 4] = [
        (Format::Csv, "CSV"),
        (Format::Json, "JSON"),
        (
            Format::Terraform(Provider::Huawei),
            "Terraform (Huawei Cloud)",
        ),
        (
            Format::Terraform(Provider::OpenTelekom),
            "Terraform (Open Telekom Cloud)",
        ),
    ];

    /// The file's name after the base, and its type.
    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Csv => (".csv", "text/csv"),
            Format::Json => (".json", "application/json"),
            Format::Terraform(Provider::Huawei) => ("-huaweicloud.tf", "text/plain"),
            Format::Terraform(Provider::OpenTelekom) => ("-opentelekomcloud.tf", "text/plain"),
            Format::Calendar => ("-ending.ics", "text/calendar"),
        }
    }
}

/// Export the rows in view: CSV, JSON, Terraform for either cloud, or a calendar of the
/// shares that end within N days.
#[component]
pub fn ExportMenu(table: OrgTable) -> impl IntoView {
    let (view, now) = (View::expect(), Now::expect());
    let horizon = RwSignal::new(String::from("30"));
    let export = move |format: Format| {
        let rows = table.in_view();
        let v = view.0.get_untracked();
        let scope = match (v.namespace.as_str(), v.organization.as_str()) {
            ("", "") => "all",
            ("", org) => org,
            (ns, _) => ns,
        };
        let base = match v.account.is_empty() {
            true => format!("swr-shares-{scope}"),
            false => format!("swr-shares-{scope}-{}", v.account),
        };
        let text = match format {
            Format::Csv => to_csv(&rows),
            Format::Json => to_json(&rows),
            Format::Terraform(p) => to_terraform(&rows, p),
            Format::Calendar => {
                let days = horizon
                    .get_untracked()
                    .trim()
                    .parse()
                    .unwrap_or(30)
                    .clamp(1, 3650);
                to_icalendar(&rows, now.0.get_untracked(), days)
            }
        };
        let (suffix, mime) = format.file();
        download(&format!("{base}{suffix}"), mime, &text);
    };
    view! {
        <div class="ss-row ss-toolbar" role="group" aria-label="Export the rows in view">
            <span class="ss-muted">
                {move || format!("Export the {} rows in view:", table.ordered.with(Vec::len))}
            </span>
            {Format::BUTTONS
                .into_iter()
                .map(|(f, label)| {
                    view! {
                        <button type="button" class="ss-secondary" on:click=move |_| export(f)>
                            {label}
                        </button>
                    }
                })
                .collect_view()}
            <label class="ss-inline">
                "Ending within "
                <input
                    class="ss-days"
                    type="number"
                    min="1"
                    max="3650"
                    prop:value=move || horizon.get()
                    on:input:target=move |ev| horizon.set(ev.target().value())
                    aria-label="Days ahead for the calendar"
                /> " days:"
            </label>
            <button type="button" class="ss-secondary" on:click=move |_| export(Format::Calendar)>
                "Calendar (.ics)"
            </button>
        </div>
    }
}
