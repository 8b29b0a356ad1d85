//! Reactive state shared by the components: the session (config, region, token), the URL
//! query, and the share list of the open repository.

pub mod embedding;
pub mod session;
pub mod shares;
pub mod url;
