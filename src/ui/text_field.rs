use leptos::prelude::*;

/// A labelled one-line text field with its message below: the repeated markup of the
/// name, account, organization and token fields. What is typed goes to `value` at once;
/// `error` is shown below and marks the field invalid.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] placeholder: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// A secret (the token, a password): shown as dots.
    #[prop(optional)]
    secret: bool,
    /// What the browser may fill in (`username`, …); by default nothing.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Called on each keystroke, after `value` is set.
    #[prop(optional)]
    on_typed: Option<Callback<()>>,
    /// Called when the field is left or Enter is pressed.
    #[prop(optional)]
    on_commit: Option<Callback<()>>,
) -> impl IntoView {
    let msg = format!("{id}-msg");
    view! {
        <div class="ss-field">
            <label for=id>{label}</label>
            <input
                id=id
                type=if secret { "password" } else { "text" }
                list=list
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=msg.clone()
                prop:value=move || value.get()
                on:input:target=move |ev| {
                    value.set(ev.target().value());
                    if let Some(f) = on_typed {
                        f.run(())
                    }
                }
                on:change=move |_| {
                    if let Some(f) = on_commit {
                        f.run(())
                    }
                }
            />
            <p id=msg class="ss-error" aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
