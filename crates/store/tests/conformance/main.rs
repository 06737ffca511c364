//! The store's conformance suite: written once, run against every backend
//! (SQLite always; PostgreSQL when JOINTPLAN_TEST_DATABASE_URL is set, and
//! then a database it cannot reach fails the tests). One module per
//! concern, on the fixtures of `fixture`.

#[path = "../common/mod.rs"]
#[macro_use]
mod common;
mod fixture;

mod accounts;
mod audit;
mod backup;
mod bulk;
mod evaluation;
mod holes;
mod listings;
mod matrix;
mod meetings;
mod party;
mod plans;
mod progress;
mod revisions;
mod sources;
