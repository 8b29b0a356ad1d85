//! The SWR client. Building requests and reading responses are plain functions (no Leptos,
//! no browser), tested on the host; `transport` is the thin gloo-net layer that sends them.

pub mod dto;
pub mod early;
pub mod error;
pub mod outcome;
pub mod requests;
pub mod responses;
pub mod retry;
pub mod transport;

pub use error::ApiError;
pub use requests::{ApiRequest, Method, SwrApi};
pub use responses::RawResponse;
