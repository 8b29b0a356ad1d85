//! "Shared with you": the images other accounts share with the signed-in account, fetched
//! on demand with the organization-wide views' chunk (`ui/chunks.rs`).

pub mod inbound_table;
pub mod inbound_toolbar;
pub mod inbound_view;
