//! SWR's documented limits on shares.

/// The documented default page of the list call: exactly this many rows may mean more exist.
pub const LIST_PAGE_SIZE: usize = 100;
/// Most accounts one image can be shared with.
pub const MAX_SHARES: usize = 500;
