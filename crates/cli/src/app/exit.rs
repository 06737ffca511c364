//! Errors as the user meets them: one line on stderr and an exit code, 2
//! for input jointplan cannot use, 1 for an act refused or a failure. The
//! one place that decides which is which.

use std::process::ExitCode;

use jointplan_core::access::RefusalKind;
use jointplan_import::ImportError;
use jointplan_store::{Missing, StoreError};

use crate::input::BadInput;

/// What kind of failure ended a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The input cannot be used (a file, a flag's value, a plan that is not there).
    BadInput,
    /// The store refused the act (who may do what, a conflict, a state that forbids it).
    Refused,
    /// Anything else: the database, the disk.
    Failed,
}

impl Failure {
    /// The process's exit code for this failure.
    pub fn exit_code(self) -> u8 {
        match self {
            Failure::BadInput => 2,
            Failure::Refused | Failure::Failed => 1,
        }
    }
}

/// Classifies an error by the first cause in its chain that says what it is.
pub fn failure(err: &anyhow::Error) -> Failure {
    for cause in err.chain() {
        if cause.is::<BadInput>() || cause.is::<ImportError>() {
            return Failure::BadInput;
        }
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            return store_failure(e);
        }
    }
    Failure::Failed
}

/// A store error's kind. The store's errors are typed and carry no CLI
/// wording; this is where the CLI reads them.
fn store_failure(e: &StoreError) -> Failure {
    match e {
        StoreError::Refused(r) if r.kind() == RefusalKind::Invalid => Failure::BadInput,
        StoreError::BadUrl(_)
        | StoreError::NotFound(_)
        | StoreError::WhichPlan(_)
        | StoreError::Invalid(_)
        | StoreError::BadDump { .. } => Failure::BadInput,
        StoreError::Refused(_) | StoreError::Conflict(_) | StoreError::NotAuthenticated(_) => {
            Failure::Refused
        }
        _ => Failure::Failed,
    }
}

/// The exit code for a command's outcome; a failure is told on one line.
pub fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    let err = match result {
        Ok(code) => return code,
        Err(err) => err,
    };
    // A closed pipe (`jointplan export … | head`) is the reader's choice, not an error.
    if is_broken_pipe(&err) {
        return ExitCode::SUCCESS;
    }
    let failure = failure(&err);
    tracing::debug!("{failure:?}: {err:?}");
    // Written directly, not through the log filter: the reason a command
    // failed is its result, and RUST_LOG=off must not hide it.
    eprintln!("error: {}", one_line(&err));
    ExitCode::from(failure.exit_code())
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line, each said once.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}

/// A store error with the CLI's hint: which flag or command helps, words
/// the store leaves to its callers (the web says it otherwise).
pub fn with_hint(e: StoreError) -> anyhow::Error {
    let hint = match &e {
        StoreError::WhichPlan(_) => Some("name one with --plan SLUG"),
        StoreError::NotFound(Missing::Plan(_)) => Some("`jointplan plans` lists the stored plans"),
        StoreError::NotFound(Missing::NoPlans) => Some("run `jointplan import FILE --save`"),
        StoreError::NotMigrated => Some("run `jointplan db migrate`"),
        _ => None,
    };
    match hint {
        // Said once, should the store's own words already say it.
        Some(hint) if !e.to_string().contains(hint) => Hinted { error: e, hint }.into(),
        _ => e.into(),
    }
}

/// A store error and the CLI's hint for it.
#[derive(Debug)]
struct Hinted {
    error: StoreError,
    hint: &'static str,
}

impl std::fmt::Display for Hinted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; {}", self.error, self.hint)
    }
}

impl std::error::Error for Hinted {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_exits_2_refusals_and_failures_exit_1() {
        let bad = anyhow::Error::new(BadInput("no FILE given".into()));
        assert_eq!(failure(&bad), Failure::BadInput);
        assert_eq!(failure(&bad).exit_code(), 2);
        let no_plan = anyhow::Error::new(StoreError::NotFound(Missing::Plan("x".into())));
        assert_eq!(failure(&no_plan).exit_code(), 2);
        let refused = anyhow::Error::new(StoreError::Refused(
            jointplan_core::access::Refusal::NotSignedIn,
        ));
        assert_eq!(failure(&refused), Failure::Refused);
        assert_eq!(failure(&refused).exit_code(), 1);
        let other = anyhow::anyhow!("disk full");
        assert_eq!(failure(&other), Failure::Failed);
        assert_eq!(failure(&other).exit_code(), 1);
    }

    #[test]
    fn the_kind_is_found_under_added_context() {
        let err = anyhow::Error::new(StoreError::Invalid("date".into())).context("line 4");
        assert_eq!(failure(&err), Failure::BadInput);
        let io = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed");
        assert!(is_broken_pipe(&anyhow::Error::new(io).context("writing")));
    }

    #[test]
    fn a_hint_is_said_once_and_keeps_the_error_kind() {
        let err = with_hint(StoreError::NotFound(Missing::Plan("x".into())));
        let line = one_line(&err);
        assert_eq!(line.matches("no plan \"x\"").count(), 1, "{line}");
        assert!(line.contains("`jointplan plans`"), "{line}");
        assert_eq!(failure(&err), Failure::BadInput);
        let which = one_line(&with_hint(StoreError::WhichPlan(2)));
        assert_eq!(which.matches("--plan SLUG").count(), 1, "{which}");
    }

    #[test]
    fn causes_are_joined_on_one_line() {
        let err = anyhow::anyhow!("bad\nthing").context("reading a.csv");
        assert_eq!(one_line(&err), "reading a.csv: bad thing");
    }
}
