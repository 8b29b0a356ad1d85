//! The domain: repositories, shares, deadlines and the validation rules of SWR. Plain Rust
//! with no Leptos, tested on the host with `cargo test`.

pub mod bulk;
pub mod case;
pub mod config;
pub mod day_input;
pub mod deadline;
pub mod expiry;
pub mod inbound;
pub mod limits;
pub mod names;
pub mod new_share;
pub mod repo_ref;
pub mod share;
pub mod table_view;
pub mod time;
pub mod view_state;
pub mod write_check;

pub use deadline::Deadline;
pub use repo_ref::RepoRef;
pub use share::Share;
