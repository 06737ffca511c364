//! The command line: one clap-derive enum.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// jointplan: turn a signed joint action plan into structured commitments.
#[derive(Debug, Parser)]
#[command(name = "jointplan", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Which store, and who acts on it.
    #[command(flatten)]
    pub store: crate::commands::storage::StoreArgs,
    /// How much to say on stderr.
    #[command(flatten)]
    pub log: crate::app::logging::LogArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a plan document (text, Markdown, HTML or DOCX) and write its canonical JSON.
    ///
    /// Example: jointplan import plan.docx -o plan.json
    Import {
        #[command(flatten)]
        input: InputArgs,
        /// Write the JSON here instead of standard output.
        #[arg(short, long, value_name = "OUT.json")]
        output: Option<PathBuf>,
        /// Also save the plan in the store, as a draft.
        #[arg(long)]
        save: bool,
    },
    /// List the plans in the store.
    Plans {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Report progress on actions, list reports, show completion.
    #[command(subcommand)]
    Progress(crate::commands::progress::ProgressCommand),
    /// Log and list meetings of the plan's mechanisms.
    #[command(subcommand)]
    Meeting(crate::commands::meeting::MeetingCommand),
    /// List the plan's quantitative targets and record values measured against them.
    #[command(subcommand)]
    Target(crate::commands::target::TargetCommand),
    /// Record each party's assessment of actions and the results both agree; show disagreements.
    #[command(subcommand)]
    Evaluation(crate::commands::evaluation::EvaluationCommand),
    /// Accounts: create, set passwords, disable, change roles, list.
    #[command(subcommand)]
    User(crate::commands::user::UserCommand),
    /// API tokens of the acting account: create, revoke, list.
    #[command(subcommand)]
    Token(crate::commands::token::TokenCommand),
    /// The plan's life: adopt it for your party.
    #[command(subcommand)]
    Plan(crate::commands::plan::PlanCommand),
    /// Each party's lead organisation and partners of an action.
    #[command(subcommand)]
    Lead(crate::commands::lead::LeadCommand),
    /// Hide an action from the public for a party, or lift that party's restriction.
    Restrict(crate::commands::restrict::RestrictArgs),
    /// Propose, approve, show and diff revisions of a plan.
    #[command(subcommand)]
    Revision(crate::commands::revision::RevisionCommand),
    /// Write the whole store to a portable dump (JSON lines).
    Backup {
        /// The dump file to write.
        #[arg(value_name = "OUT")]
        output: PathBuf,
    },
    /// Load a dump into a new, empty store (SQLite or PostgreSQL).
    Restore {
        /// The dump file to read.
        #[arg(value_name = "IN")]
        input: PathBuf,
    },
    /// Check the audit chain, every plan version's hash and the derived tables; exit 1 naming the first broken record.
    Verify,
    /// Lint a plan: compiler-style diagnostics for what a careful reviewer would find.
    ///
    /// Example: jointplan lint plan.docx --format json; jointplan lint --explain JP001
    Lint(crate::commands::lint::LintArgs),
    /// Database maintenance.
    #[command(subcommand)]
    Db(crate::commands::db::DbCommand),
    /// Serve the web application: the plans' pages in English, Danish and Korean, and the JSON API.
    ///
    /// On an empty database it loads the built-in reference plan. Example: jointplan serve --addr 127.0.0.1:8080
    Serve(crate::commands::serve::ServeArgs),
    /// Show a plan's structure as a tree with counts.
    ///
    /// Example: jointplan summary --example
    Summary {
        #[command(flatten)]
        input: InputArgs,
        /// Print one JSON object with the counts instead of the tree.
        #[arg(long)]
        json: bool,
    },
    /// Write a plan in another format.
    ///
    /// Example: jointplan export plan.docx --format markdown > plan.md
    Export {
        #[command(flatten)]
        input: ExportInputArgs,
        /// Output format.
        #[arg(long = "format", visible_alias = "to", value_enum, default_value_t = ExportFormat::Json)]
        to: ExportFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// Where the plan comes from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// A plan document, or a plan's JSON from `jointplan import`.
    #[arg(value_name = "FILE", required_unless_present = "example")]
    pub file: Option<PathBuf>,
    /// Use the built-in example (the Denmark–Korea Joint Action Plan 2021-2024).
    #[arg(long, conflicts_with = "file")]
    pub example: bool,
    /// Read the document as this format instead of detecting it (text, markdown, html, docx).
    #[arg(long = "format", value_name = "FORMAT")]
    pub format: Option<String>,
}

/// Where `export`'s plan comes from (`--format` is the output format there).
#[derive(Debug, Args)]
pub struct ExportInputArgs {
    /// A plan document, or a plan's JSON from `jointplan import`.
    #[arg(value_name = "FILE", required_unless_present = "example")]
    pub file: Option<PathBuf>,
    /// Use the built-in example (the Denmark–Korea Joint Action Plan 2021-2024).
    #[arg(long, conflicts_with = "file")]
    pub example: bool,
    /// Read the document as this format instead of detecting it (text, markdown, html, docx).
    #[arg(long = "input-format", value_name = "FORMAT")]
    pub input_format: Option<String>,
}

impl From<ExportInputArgs> for InputArgs {
    fn from(a: ExportInputArgs) -> Self {
        InputArgs {
            file: a.file,
            example: a.example,
            format: a.input_format,
        }
    }
}

/// Formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Canonical JSON.
    Json,
    /// Markdown a person can read.
    Markdown,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
