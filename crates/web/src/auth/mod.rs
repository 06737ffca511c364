//! Who is asking, and proving it: sessions (cookies) for people, API
//! tokens (bearer) for programs, CSRF tokens on every form, and the limit
//! on sign-in attempts. The web decides no authority here: it only finds
//! out who asks; `core::access` (through the store) decides what they may do.

pub mod api_writer;
pub mod csrf;
pub mod limit;
pub mod viewer;

pub use api_writer::ApiWriter;
pub use csrf::{CsrfForm, csrf_token};
pub use limit::LoginLimiter;
pub use viewer::{SESSION_COOKIE, Signed, Via, Viewer};
