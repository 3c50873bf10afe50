//! The binary's parts: arguments ([`args`]), the validated configuration ([`config`]), one
//! file per command ([`commands`]) and the hints it adds to errors ([`hints`]).

pub mod args;
pub mod commands;
pub mod config;
pub mod hints;

/// Exit status: 0 success, 1 no route, 2 usage or input error (as grep and ripgrep do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The command did what was asked.
    Ok = 0,
    /// No route satisfies the request.
    NoRoute = 1,
    /// Usage or input error.
    Error = 2,
}
