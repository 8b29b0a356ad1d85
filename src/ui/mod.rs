//! Thin Leptos components over `state`, `model` and `api`.

pub mod add_share_form;
pub mod alert;
pub mod app;
pub mod chunks;
pub mod connection_panel;
pub mod copy_button;
pub mod deadline_picker;
pub mod edit_dialog;
pub mod list_toolbar;
pub mod modal;
pub mod on_demand;
pub mod org;
pub mod outcome_note;
pub mod pause;
pub mod reauth_dialog;
pub mod repo_panel;
pub mod repo_suggestions;
pub mod revoke_dialog;
pub mod row_actions;
pub mod share_table;
pub mod shares_section;
pub mod sign_in_form;
pub mod text_field;
pub mod time;
