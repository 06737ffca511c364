//! A finding of the linter and its flat JSON form.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is; ordered from least to most serious.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix necessarily.
    Info,
    /// Probably a weakness of the text; worth fixing before signature.
    Warning,
    /// A mistake in the text: wrong, contradictory or unusable as written.
    Error,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The lower-case name (`error`, `warning`, `info`).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A second place a finding refers to (the first listing of a duplicate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    /// What stands there.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// A finding's sentence as a message id and the values it names, so that
/// a reader in another language reads it in theirs (the web's Fluent
/// files); `message` and `help` keep the English, which the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Phrase {
    /// The message id (`lint-jp070`): one per shape of sentence.
    pub id: String,
    /// The values the sentence names, by argument name.
    pub args: Vec<(String, String)>,
}

impl Phrase {
    /// A phrase with its arguments.
    pub fn new(id: &str, args: &[(&str, String)]) -> Phrase {
        Phrase {
            id: id.to_owned(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}

/// One finding: a rule, where it fired, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Rule code (`JP001`).
    pub code: String,
    /// Rule name (`sdg-title-mismatch`).
    pub name: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where in the source document.
    pub span: Span,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Number of the line of effort it concerns, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_line: Option<u32>,
    /// Code of the action it concerns, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Other places it refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// `message` as a phrase to translate, where the rule gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<Phrase>,
    /// `help` as a phrase to translate, where the rule gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_phrase: Option<Phrase>,
}

impl Diagnostic {
    /// A finding of rule `code` with the rule's default severity.
    ///
    /// Panics in debug builds only if `code` is not a rule: codes are constants
    /// of this crate, so that is a programming error, never a user's.
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        let rule = super::explain::rule(code);
        debug_assert!(rule.is_some(), "unknown rule {code}");
        Diagnostic {
            code: code.to_owned(),
            name: rule.map_or(code, |r| r.name).to_owned(),
            severity: rule.map_or(Severity::Warning, |r| r.severity),
            message: message.into(),
            span,
            help: None,
            plan_line: None,
            action: None,
            related: Vec::new(),
            phrase: None,
            help_phrase: None,
        }
    }

    /// Gives the message as a phrase to translate.
    pub fn says(mut self, id: &str, args: &[(&str, String)]) -> Diagnostic {
        self.phrase = Some(Phrase::new(id, args));
        self
    }

    /// Gives the help as a phrase to translate.
    pub fn help_says(mut self, id: &str, args: &[(&str, String)]) -> Diagnostic {
        self.help_phrase = Some(Phrase::new(id, args));
        self
    }

    /// Adds the fix.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Names the line of effort.
    pub fn in_line(mut self, line: Option<u32>) -> Diagnostic {
        self.plan_line = line;
        self
    }

    /// Names the action.
    pub fn for_action(mut self, code: Option<&str>) -> Diagnostic {
        self.action = code.map(str::to_owned);
        self
    }

    /// Adds a related place.
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            message: message.into(),
            span,
        });
        self
    }

    /// The flat JSON form.
    pub fn to_json(&self) -> JsonDiagnostic {
        JsonDiagnostic {
            code: self.code.clone(),
            name: self.name.clone(),
            severity: self.severity,
            message: self.message.clone(),
            line: self.span.line,
            column: self.span.column,
            end_line: self.span.end_line,
            end_column: self.span.end_column,
            start: self.span.start,
            end: self.span.end,
            help: self.help.clone(),
            plan_line: self.plan_line,
            action: self.action.clone(),
            related: self
                .related
                .iter()
                .map(|r| JsonRelated {
                    message: r.message.clone(),
                    line: r.span.line,
                    column: r.span.column,
                    end_line: r.span.end_line,
                    end_column: r.span.end_column,
                })
                .collect(),
        }
    }
}

/// One element of `jointplan lint --format json`: flat, 1-based lines and columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct JsonDiagnostic {
    /// Rule code (`JP001`).
    pub code: String,
    /// Rule name (`sdg-title-mismatch`).
    pub name: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// 1-based line in the source document.
    pub line: u32,
    /// 1-based column (characters) in the source document.
    pub column: u32,
    /// 1-based line where the span ends.
    pub end_line: u32,
    /// 1-based column (characters, exclusive) where the span ends.
    pub end_column: u32,
    /// Byte offset of the span's start.
    pub start: usize,
    /// Byte offset one past the span's end.
    pub end: usize,
    /// How to fix it, or null.
    pub help: Option<String>,
    /// Number of the line of effort, or null.
    pub plan_line: Option<u32>,
    /// Code of the action, or null.
    pub action: Option<String>,
    /// Other places the finding refers to.
    pub related: Vec<JsonRelated>,
}

/// A related place in the JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct JsonRelated {
    /// What stands there.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// 1-based end line.
    pub end_line: u32,
    /// 1-based end column (exclusive).
    pub end_column: u32,
}

/// The JSON Schema of `jointplan lint --format json` (an array of [`JsonDiagnostic`]).
pub fn output_schema() -> schemars::Schema {
    schemars::schema_for!(Vec<JsonDiagnostic>)
}
