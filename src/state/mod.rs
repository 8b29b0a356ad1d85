//! Reactive state shared by the components: the session (config, region, token), the URL
//! query, and the share list of the open repository.

pub mod bulk;
pub mod changes;
pub mod clock;
pub mod embedding;
pub mod inbound;
pub mod job_change;
pub mod jobs;
pub mod leave_guard;
pub mod loader;
pub mod org;
pub mod org_table;
pub mod pace;
pub mod pickers;
pub mod pool;
pub mod selection;
pub mod session;
pub mod share_list;
pub mod shared;
pub mod shares;
pub mod tab_storage;
pub mod url;
pub mod view;
pub mod writes;
