//! The organization-wide views, fetched on demand as one chunk (`ui/chunks.rs`): every
//! share across an organization, what one account can pull, sharing in bulk with a dry run,
//! the jobs that carry the changes out, and export.

pub mod beat;
pub mod bulk_share;
pub mod bulk_source;
pub mod bulk_terms;
pub mod download;
pub mod export_menu;
pub mod job_view;
pub mod org_filters;
pub mod org_found;
pub mod org_load;
pub mod org_rows;
pub mod org_table_view;
pub mod org_view;
pub mod plan_table;
pub mod repo_chooser;
pub mod selection_actions;
pub mod selection_bar;
pub mod view_filters;
