//! The integration tests of the `dyad` binary: one test binary, modules by
//! concern (ripgrep's layout).

mod cli;
mod golden;
#[cfg(feature = "shared-data")]
mod shared;
mod store;
mod util;
