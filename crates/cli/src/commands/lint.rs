//! `jointplan lint`: diagnostics for a plan's text, as a compiler prints them.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use jointplan_core::lint::{
    self, Diagnostic, LintConfig, Report, Severity, Specificity, UnknownRule,
};
use serde::Deserialize;

use crate::cli::InputArgs;
use crate::input::{self, BadInput};

/// The configuration file looked for in the current directory.
pub const CONFIG_FILE: &str = "jointplan.toml";

/// Arguments of `jointplan lint`. `--format` is the output format here, so
/// the document format is `--input-format`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// A plan document, or a plan's JSON from `jointplan import`.
    #[arg(value_name = "FILE", required_unless_present_any = ["example", "explain"])]
    pub file: Option<PathBuf>,
    /// Lint the built-in example (the Denmark–Korea Joint Action Plan 2021-2024).
    #[arg(long, conflicts_with = "file")]
    pub example: bool,
    /// Read the document as this format instead of detecting it (text, markdown, html, docx).
    #[arg(long = "input-format", value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Print the per-line summary table (actions, hedged, specificity, SDGs, findings).
    #[arg(long)]
    pub summary: bool,
    /// Explain a rule (by code or name) and exit; without CODE, list the rules.
    #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
    pub explain: Option<String>,
    /// Configuration file (default: ./jointplan.toml when it exists).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Turn a rule off (repeatable; overrides the configuration file).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Make a rule's findings errors (repeatable; overrides the configuration file).
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
}

/// How `lint` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style text with the source line underlined.
    Human,
    /// A JSON array of findings (docs/lint-output.schema.json).
    Json,
}

/// The part of `jointplan.toml` lint reads; other tables belong to other commands.
#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    lint: LintConfig,
}

/// Runs the command.
pub fn run(args: &LintArgs) -> Result<ExitCode> {
    if let Some(code) = &args.explain {
        super::write_out(None, &explain(code)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = config(args)?;
    let outcome = input::load_with_guesses(&InputArgs {
        file: args.file.clone(),
        example: args.example,
        format: args.input_format.clone(),
    })?;
    // The import's guesses (JP090) come with the plan's own findings.
    let report = outcome.lint(&config);
    let imported = &outcome.imported;
    let name = match (&args.file, &imported.plan.source) {
        (Some(path), _) => path.display().to_string(),
        (None, Some(s)) => s.name.clone(),
        (None, None) => "plan".into(),
    };
    let text = match (args.format, args.summary) {
        (OutputFormat::Json, false) => json(&serde_json::to_string_pretty(&report.to_json())?),
        (OutputFormat::Json, true) => json(&serde_json::to_string_pretty(&report.lines)?),
        (OutputFormat::Human, true) => summary_table(&report),
        (OutputFormat::Human, false) => human(&report, &name, &imported.source),
    };
    super::write_out(None, &text)?;
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn json(s: &str) -> String {
    format!("{s}\n")
}

fn explain(code: &str) -> Result<String> {
    if code.trim().is_empty() {
        let mut s = String::from("code   default  name                        finds\n");
        for r in lint::RULES {
            let _ = writeln!(
                s,
                "{:<6} {:<8} {:<27} {}",
                r.code,
                r.severity.name(),
                r.name,
                r.summary
            );
        }
        s.push_str("\nRun `jointplan lint --explain CODE` for a rule's explanation.\n");
        return Ok(s);
    }
    lint::explain(code).ok_or_else(|| BadInput(format!("unknown lint rule `{code}`")).into())
}

/// The configuration: the file (given, or ./jointplan.toml), then the flags.
fn config(args: &LintArgs) -> Result<LintConfig> {
    let path: Option<&Path> = match &args.config {
        Some(p) => Some(p),
        None => Path::new(CONFIG_FILE)
            .is_file()
            .then_some(Path::new(CONFIG_FILE)),
    };
    let config = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| BadInput(format!("{}: cannot read: {e}", p.display())))?;
            let file: ConfigFile = toml::from_str(&text)
                .map_err(|e| BadInput(format!("{}: {}", p.display(), e.message())))?;
            file.lint
        }
        None => LintConfig::default(),
    };
    // Names become codes first, so that `--allow JP010` undoes `deny = ["acronym-unexpanded"]`.
    let mut config = config.normalised().map_err(|e| BadInput(e.to_string()))?;
    for code in &args.allow {
        config.allow_rule(rule_code(code)?);
    }
    for code in &args.deny {
        config.deny_rule(rule_code(code)?);
    }
    Ok(config)
}

/// The code of a rule named on the command line (by code or name).
fn rule_code(code_or_name: &str) -> Result<&'static str, BadInput> {
    lint::rule(code_or_name)
        .map(|r| r.code)
        .ok_or_else(|| BadInput(UnknownRule(code_or_name.to_owned()).to_string()))
}

/// Findings as a compiler prints them, then the counts.
fn human(report: &Report, name: &str, source: &str) -> String {
    let colour = std::io::stdout().is_terminal();
    let mut out = String::new();
    for d in &report.diagnostics {
        if source.is_empty() {
            out.push_str(&plain(d, name));
        } else {
            out.push_str(&render::graphical(d, name, source, colour));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{name}: {} errors, {} warnings, {} infos",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    out
}

/// A finding without source text (a plan's JSON): location, message, help.
fn plain(d: &Diagnostic, name: &str) -> String {
    let mut s = format!(
        "{name}:{}:{}: {}[{}]: {}\n",
        d.span.line, d.span.column, d.severity, d.code, d.message
    );
    for r in &d.related {
        let _ = writeln!(
            s,
            "  note: {} at {}:{}",
            r.message, r.span.line, r.span.column
        );
    }
    if let Some(h) = &d.help {
        let _ = writeln!(s, "  help: {h}");
    }
    s
}

/// The per-line table of `--summary`.
fn summary_table(report: &Report) -> String {
    let mut s = String::new();
    let spec: Vec<&str> = Specificity::ALL.iter().map(|x| x.name()).collect();
    let _ = writeln!(
        s,
        "{:<4} {:<36} {:>7} {:>6}  {:<22} {:<20} {:<20} {:>6} {:>8} {:>5}",
        "line",
        "title",
        "actions",
        "hedged",
        format!(
            "specificity {}",
            spec.iter().map(|n| &n[..1]).collect::<Vec<_>>().join("/")
        ),
        "SDGs declared",
        "SDGs served",
        "errors",
        "warnings",
        "infos"
    );
    let join = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
    for l in &report.lines {
        let title: String = l.title.chars().take(36).collect();
        let _ = writeln!(
            s,
            "{:<4} {:<36} {:>7} {:>6}  {:<22} {:<20} {:<20} {:>6} {:>8} {:>5}",
            l.line,
            title,
            l.actions,
            l.hedged,
            l.specificity
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("/"),
            join(&l.sdgs_declared),
            join(&l.sdgs_served),
            l.diagnostics[0],
            l.diagnostics[1],
            l.diagnostics[2]
        );
    }
    let plan_wide = report
        .diagnostics
        .iter()
        .filter(|d| d.plan_line.is_none())
        .count();
    let _ = writeln!(
        s,
        "specificity: n(one)/l(ow)/m(edium)/h(igh); {plan_wide} findings concern no single line; total {} errors, {} warnings, {} infos",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    s
}

/// miette rendering with the source line cut to a window around the span.
mod render {
    use jointplan_core::lint::{Diagnostic, Severity};
    use miette::{
        GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
        SourceCode, SourceSpan, SpanContents,
    };

    /// Bytes of context kept on each side of a span on a long line.
    const CONTEXT: usize = 50;
    /// Longest underline: a whole long action is marked by its opening words.
    const MARK: usize = 80;

    /// A window of one source line, that reports its real line and column.
    #[derive(Debug)]
    struct Excerpt {
        name: String,
        text: String,
        /// 0-based line of the window in the source.
        line: usize,
        /// Added to the column miette measures in the window, so that the
        /// primary span shows its real source column.
        column: isize,
    }

    impl SourceCode for Excerpt {
        fn read_span<'a>(
            &'a self,
            span: &SourceSpan,
            before: usize,
            after: usize,
        ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
            let inner = self.text.as_str().read_span(span, before, after)?;
            Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line() + self.line,
                inner.column().saturating_add_signed(self.column),
                inner.line_count(),
            )))
        }
    }

    #[derive(Debug)]
    struct Shown<'a> {
        d: &'a Diagnostic,
        excerpt: Excerpt,
        labels: Vec<LabeledSpan>,
        help: Option<String>,
    }

    impl std::fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.d.message)
        }
    }

    impl std::error::Error for Shown<'_> {}

    impl miette::Diagnostic for Shown<'_> {
        fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
            Some(Box::new(format!("{}({})", self.d.code, self.d.name)))
        }

        fn severity(&self) -> Option<miette::Severity> {
            Some(match self.d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            })
        }

        fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
            self.help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
        }

        fn source_code(&self) -> Option<&dyn SourceCode> {
            Some(&self.excerpt)
        }

        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn floor(s: &str, mut i: usize) -> usize {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    fn ceil(s: &str, mut i: usize) -> usize {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// Renders one finding with miette; colours only on a terminal.
    pub fn graphical(d: &Diagnostic, name: &str, source: &str, colour: bool) -> String {
        let start = floor(source, d.span.start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        // A span running over several lines is shown on its first.
        let mut end = ceil(source, d.span.end.clamp(start, line_end));
        if end - start > MARK {
            let cut = floor(source, start + MARK);
            end = source[start..cut].rfind(' ').map_or(cut, |i| start + i);
        }
        let from = floor(source, start.saturating_sub(CONTEXT).max(line_start));
        let from = if from > line_start {
            // Start the window at a word.
            source[from..start].find(' ').map_or(from, |i| from + i + 1)
        } else {
            from
        };
        let to = ceil(source, (end + CONTEXT).min(line_end));
        let to = if to < line_end {
            source[end..to].rfind(' ').map_or(to, |i| end + i)
        } else {
            to
        };
        let lead = if from > line_start { "…" } else { "" };
        let tail = if to < line_end { "…" } else { "" };
        let text = format!("{lead}{}{tail}", &source[from..to]);
        let offset = |i: usize| lead.len() + i - from;
        let primary = SourceSpan::new(offset(start).into(), end - start);
        let mut labels = vec![LabeledSpan::new_primary_with_span(None, primary)];
        let mut notes = Vec::new();
        for r in &d.related {
            if r.span.start >= from && r.span.end <= to {
                labels.push(LabeledSpan::new_with_span(
                    Some(r.message.clone()),
                    SourceSpan::new(offset(r.span.start).into(), r.span.end - r.span.start),
                ));
            } else {
                notes.push(format!(
                    "{} at {}:{}",
                    r.message, r.span.line, r.span.column
                ));
            }
        }
        let help = match (&d.help, notes.is_empty()) {
            (Some(h), true) => Some(h.clone()),
            (Some(h), false) => Some(format!("{h}\n(see: {})", notes.join("; "))),
            (None, false) => Some(format!("see: {}", notes.join("; "))),
            (None, true) => None,
        };
        // miette measures the column inside the window its own way; shift it
        // so the header shows the span's real column.
        let measured = text
            .as_str()
            .read_span(&primary, 0, 0)
            .map_or(0, |c| c.column());
        let real = (d.span.column as usize).saturating_sub(1);
        let column = isize::try_from(real).unwrap_or(0) - isize::try_from(measured).unwrap_or(0);
        let shown = Shown {
            d,
            excerpt: Excerpt {
                name: name.to_owned(),
                text,
                line: (d.span.line as usize).saturating_sub(1),
                column,
            },
            labels,
            help,
        };
        let theme = if colour {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
        let mut out = String::new();
        if handler.render_report(&mut out, &shown).is_err() {
            out = super::plain(d, name);
        }
        out
    }
}
