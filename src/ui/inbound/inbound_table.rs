use leptos::prelude::*;

use crate::model::inbound::Inbound;
use crate::ui::copy_button::CopyButton;

/// One row per image shared with you; the pull command can be copied. Where the rows are
/// stacked as cards, each value says what it is (`data-label`; a few rows, not thousands).
#[component]
pub fn InboundTable(rows: Memo<Vec<Inbound>>) -> impl IntoView {
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table ss-inbound-table" aria-label="Images shared with you">
                <thead>
                    <tr>
                        <th scope="col">"Owner account"</th>
                        <th scope="col">"Organization"</th>
                        <th scope="col">"Repository"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Pull"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|r| (r.namespace.clone(), r.repository.clone(), r.valid)
                        let:r
                    >
                        <tr>
                            <th scope="row" class="ss-mono" data-label="Owner account">
                                {r.owner.clone()}
                            </th>
                            <td data-label="Organization">{r.namespace.clone()}</td>
                            <td class="ss-mono" data-label="Repository">
                                {r.repository.clone()}
                            </td>
                            <td data-label="Status">
                                <span class=match r.valid {
                                    Some(true) => "ss-status ss-valid",
                                    Some(false) => "ss-status ss-expired",
                                    None => "ss-status",
                                }>{r.status_label()}</span>
                            </td>
                            <td data-label="Pull">
                                <code class="ss-mono">{r.pull_command()}</code>
                                " "
                                <CopyButton text=r.pull_command() label="Copy" />
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
