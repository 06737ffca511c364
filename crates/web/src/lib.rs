//! The jointplan web application: server-rendered pages in English, Danish
//! and Korean, and a JSON API, over the store.
//!
//! [`router`] builds the whole application for a store; [`serve`] runs it
//! on an address until SIGTERM or SIGINT. Every read of the store goes
//! through [`data`], so that a change of the store's API is one file's
//! change here.

pub mod api;
pub mod assets;
pub mod auth;
pub mod cache;
pub mod data;
pub mod error;
pub mod format;
pub mod headers;
pub mod i18n;
pub mod messages;
pub mod pages;
pub mod permits;
pub mod server;
pub mod state;
pub mod view;

pub use error::WebError;
pub use server::{Config, router, serve, serve_blocking};
pub use state::AppState;
