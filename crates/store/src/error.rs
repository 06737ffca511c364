//! The store's typed errors. They name what went wrong in the store's own
//! terms; the CLI and the web add their hints (flags, pages) and map the
//! kinds to exit codes or HTTP statuses once.

use jointplan_core::access::Refusal;

/// Everything a store operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The rules of `core::access` refused the act (403, or 401 when not signed in).
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// What the call names does not exist (404).
    #[error("{0}")]
    NotFound(Missing),
    /// The call clashes with what the store holds now (409).
    #[error("{0}")]
    Conflict(Clash),
    /// Input the plan's rules reject (422).
    #[error("{0}")]
    Invalid(String),
    /// More than one plan and none named.
    #[error("the store holds {0} plans; name the one meant")]
    WhichPlan(usize),
    /// A name and password, a session or a token that does not sign anyone in (401).
    #[error("{0}")]
    NotAuthenticated(AuthFailure),
    /// The database refused or failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Not a URL this store can open.
    #[error("{0:?} is not a database URL jointplan can open (use sqlite://PATH or postgres://…)")]
    BadUrl(String),
    /// The PostgreSQL schema is missing or older than this program.
    #[error("the database schema is not up to date; migrate it first")]
    NotMigrated,
    /// Stored data that does not read back (a corrupt or foreign database).
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// A dump line that cannot be read.
    #[error("dump line {line}: {message}")]
    BadDump {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// What a call named that the store does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Missing {
    /// No plan with this slug.
    #[error("no plan {0:?} in the store")]
    Plan(String),
    /// No plan at all.
    #[error("no plan in the store yet")]
    NoPlans,
    /// No such version of a plan.
    #[error("plan {slug:?} has no version {version}")]
    Version {
        /// The plan.
        slug: String,
        /// The version asked for.
        version: i64,
    },
    /// No revision with this id.
    #[error("no revision {0}")]
    Revision(i64),
    /// No account with this name.
    #[error("no account {0:?}")]
    Account(String),
    /// No API token with this id.
    #[error("no API token {0}")]
    Token(i64),
    /// No agreed result with this id.
    #[error("no agreed result {0}")]
    Agreed(i64),
}

/// What the store holds now that the call clashes with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Clash {
    /// A plan with this slug is already stored.
    #[error("a plan {0:?} is already stored")]
    PlanExists(String),
    /// Someone else changed the plan first (optimistic versioning).
    #[error("the plan changed meanwhile; its current version is {current_version}")]
    VersionMoved {
        /// The version that is current now.
        current_version: i64,
    },
    /// The revision already took effect.
    #[error("revision {id} already took effect as version {version}")]
    RevisionApplied {
        /// The revision.
        id: i64,
        /// The version it made.
        version: i64,
    },
    /// This party already approved the revision.
    #[error("{party} has already approved revision {id}")]
    AlreadyApproved {
        /// The revision.
        id: i64,
        /// The party.
        party: String,
    },
    /// This party already approved the plan's current content.
    #[error("{0} has already approved this content of the plan")]
    AlreadyAdopted(String),
    /// This party already confirmed the agreed result.
    #[error("{party} has already confirmed agreed result {id}")]
    AlreadyConfirmed {
        /// The agreed result.
        id: i64,
        /// The party.
        party: String,
    },
    /// An account with this name exists.
    #[error("an account {0:?} exists already")]
    AccountExists(String),
    /// Restore needs an empty store.
    #[error("the store already holds data; restore into a new, empty database")]
    NotEmpty,
}

/// Why no one was signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthFailure {
    /// Unknown name, wrong password, or an account without a password.
    #[error("the name or the password is wrong")]
    BadCredentials,
    /// The session is unknown, ended or expired.
    #[error("the session has ended; sign in again")]
    SessionEnded,
    /// The token is unknown or revoked.
    #[error("the API token is unknown or revoked")]
    BadToken,
    /// The account is disabled.
    #[error("the account is disabled")]
    Disabled,
}

/// A store result.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// No plan `slug`.
    pub fn no_plan(slug: &str) -> Self {
        StoreError::NotFound(Missing::Plan(slug.to_string()))
    }
}

impl From<jointplan_core::progress::ReportError> for StoreError {
    fn from(e: jointplan_core::progress::ReportError) -> Self {
        StoreError::Invalid(e.to_string())
    }
}

impl From<jointplan_core::revision::RevisionError> for StoreError {
    fn from(e: jointplan_core::revision::RevisionError) -> Self {
        StoreError::Invalid(e.to_string())
    }
}
