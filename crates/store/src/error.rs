//! The store's typed errors.

/// Everything a store operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
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
    #[error("the database schema is not up to date; run `jointplan db migrate`")]
    NotMigrated,
    /// No plan with this slug.
    #[error("no plan {0:?} in the store")]
    NoPlan(String),
    /// More than one plan and none named.
    #[error("the store holds {0} plans; name one with --plan SLUG")]
    WhichPlan(usize),
    /// No such version of a plan.
    #[error("plan {slug:?} has no version {version}")]
    NoVersion {
        /// The plan.
        slug: String,
        /// The version asked for.
        version: i64,
    },
    /// A plan with this slug is already stored.
    #[error("a plan {0:?} is already stored; change it with a revision")]
    PlanExists(String),
    /// Someone else changed the record first (optimistic versioning).
    #[error("conflict: the plan changed meanwhile; its current version is {current_version}")]
    Conflict {
        /// The version that is current now.
        current_version: i64,
    },
    /// No revision with this id.
    #[error("no revision {0}")]
    NoRevision(i64),
    /// The revision already took effect.
    #[error("revision {id} already took effect as version {version}")]
    RevisionApplied {
        /// The revision.
        id: i64,
        /// The version it made.
        version: i64,
    },
    /// This party already approved.
    #[error("{party} has already approved revision {id}")]
    AlreadyApproved {
        /// The revision.
        id: i64,
        /// The party.
        party: String,
    },
    /// The user may not do this.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// Input the plan's rules reject.
    #[error("{0}")]
    Invalid(String),
    /// Stored data that does not read back (a corrupt or foreign database).
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// Restore needs an empty store.
    #[error("the store already holds data; restore into a new, empty database")]
    NotEmpty,
    /// A dump line that cannot be read.
    #[error("dump line {line}: {message}")]
    BadDump {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A store result.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

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
