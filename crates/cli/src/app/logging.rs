//! Diagnostics on stderr through `tracing`: what a command says about its
//! work ("database: …", "imported 3 reports"), apart from its result on
//! stdout. `-v`/`-q` or `RUST_LOG` change how much is said.

use clap::Args;
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// How much a run says on stderr; global to every command.
#[derive(Debug, Clone, Default, Args)]
pub struct LogArgs {
    /// Say more on stderr: -v for debug lines, -vv for trace, -vvv for every crate's (overrides RUST_LOG).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Say only errors and warnings on stderr (overrides RUST_LOG).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
}

/// Default: jointplan's own notes (a target matches every crate whose name
/// starts with it: `jointplan_store` too), and only warnings from the
/// libraries.
const DEFAULT: &str = "warn,jointplan=info";

/// The filter directives for a run: the flags win over `RUST_LOG`, which
/// wins over the default.
pub fn directives(args: &LogArgs, rust_log: Option<&str>) -> String {
    let flags = match (args.quiet, args.verbose) {
        (true, _) => Some("warn"),
        (false, 0) => None,
        (false, 1) => Some("warn,jointplan=debug"),
        (false, 2) => Some("info,jointplan=trace"),
        (false, _) => Some("trace"),
    };
    match (flags, rust_log.map(str::trim).filter(|s| !s.is_empty())) {
        (Some(f), _) => f.to_string(),
        (None, Some(env)) => env.to_string(),
        (None, None) => DEFAULT.to_string(),
    }
}

/// Sends diagnostics to stderr, filtered as [`directives`] says.
pub fn init(args: &LogArgs) {
    let rust_log = std::env::var("RUST_LOG").ok();
    let wanted = directives(args, rust_log.as_deref());
    let filter = EnvFilter::try_new(&wanted).unwrap_or_else(|e| {
        // A mistyped RUST_LOG must not stop the command; say so and go on.
        eprintln!("warning: RUST_LOG={wanted:?} is not a filter ({e}); using the default");
        EnvFilter::new(DEFAULT)
    });
    // A second init (unit tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .event_format(Plain)
        .try_init();
}

/// One line per event, as a person reads it: info lines bare (as the
/// commands' notes always were), others led by their level.
struct Plain;

impl<S, N> FormatEvent<S, N> for Plain
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> std::fmt::Result {
        let meta = event.metadata();
        match *meta.level() {
            Level::INFO => {}
            Level::WARN => write!(writer, "warning: ")?,
            Level::ERROR => write!(writer, "error: ")?,
            Level::DEBUG => write!(writer, "debug: {}: ", meta.target())?,
            Level::TRACE => write!(writer, "trace: {}: ", meta.target())?,
        }
        ctx.field_format().format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::{DEFAULT, LogArgs, directives};

    fn args(verbose: u8, quiet: bool) -> LogArgs {
        LogArgs { verbose, quiet }
    }

    #[test]
    fn flags_win_over_rust_log_which_wins_over_the_default() {
        assert_eq!(directives(&args(0, false), None), DEFAULT);
        assert_eq!(directives(&args(0, false), Some("  ")), DEFAULT);
        assert_eq!(
            directives(&args(0, false), Some("sqlx=debug")),
            "sqlx=debug"
        );
        assert_eq!(directives(&args(0, true), Some("sqlx=debug")), "warn");
        assert!(directives(&args(1, false), Some("off")).contains("jointplan=debug"));
        assert!(directives(&args(2, false), None).contains("jointplan=trace"));
        assert_eq!(directives(&args(3, false), None), "trace");
    }

    #[test]
    fn every_choice_is_a_valid_filter() {
        for (v, q) in [(0, false), (1, false), (2, false), (3, false), (0, true)] {
            let d = directives(&args(v, q), None);
            assert!(tracing_subscriber::EnvFilter::try_new(&d).is_ok(), "{d}");
        }
    }
}
