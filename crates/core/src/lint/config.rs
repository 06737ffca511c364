//! Which rules run and how serious each is: allow, deny, or a severity per rule.
//!
//! The CLI reads this from the `[lint]` table of `jointplan.toml`; the core
//! only takes the parsed struct, so it stays free of I/O.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::diagnostic::Severity;
use super::explain;

/// Per-rule configuration. Rules are named by code (`JP012`) or name
/// (`organisation-two-acronyms`); [`LintConfig::normalised`] turns names into codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// Rules that do not run.
    #[serde(default)]
    pub allow: BTreeSet<String>,
    /// Rules whose findings are errors.
    #[serde(default)]
    pub deny: BTreeSet<String>,
    /// A severity per rule.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// A configuration that names a rule jointplan does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown lint rule `{0}` (see `jointplan lint --explain` for the list)")]
pub struct UnknownRule(pub String);

impl LintConfig {
    /// The same configuration with every rule named by its code; fails on an unknown rule.
    pub fn normalised(&self) -> Result<LintConfig, UnknownRule> {
        let code = |key: &String| -> Result<String, UnknownRule> {
            explain::rule(key)
                .map(|r| r.code.to_owned())
                .ok_or_else(|| UnknownRule(key.clone()))
        };
        Ok(LintConfig {
            allow: self.allow.iter().map(code).collect::<Result<_, _>>()?,
            deny: self.deny.iter().map(code).collect::<Result<_, _>>()?,
            severity: self
                .severity
                .iter()
                .map(|(k, v)| Ok((code(k)?, *v)))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Turns a rule off; a later allow wins over an earlier deny.
    pub fn allow_rule(&mut self, rule: &str) {
        self.deny.remove(rule);
        self.allow.insert(rule.to_owned());
    }

    /// Makes a rule's findings errors; a later deny wins over an earlier allow.
    pub fn deny_rule(&mut self, rule: &str) {
        self.allow.remove(rule);
        self.deny.insert(rule.to_owned());
    }

    /// The severity rule `code` reports at, or `None` when it is allowed (off).
    ///
    /// Expects a normalised configuration (codes, not names).
    pub fn level(&self, code: &str) -> Option<Severity> {
        if self.allow.contains(code) {
            return None;
        }
        if self.deny.contains(code) {
            return Some(Severity::Error);
        }
        if let Some(s) = self.severity.get(code) {
            return Some(*s);
        }
        explain::rule(code).map(|r| r.severity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_codes_and_unknown_rules_fail() {
        let mut c = LintConfig::default();
        c.allow.insert("hedged-action".into());
        c.severity.insert("jp012".into(), Severity::Error);
        let n = c.normalised().expect("known rules");
        assert!(n.allow.contains("JP030"));
        assert_eq!(n.level("JP012"), Some(Severity::Error));
        assert_eq!(n.level("JP030"), None);
        c.deny.insert("JP999".into());
        assert_eq!(c.normalised(), Err(UnknownRule("JP999".into())));
    }

    #[test]
    fn later_flags_win() {
        let mut c = LintConfig::default();
        c.deny_rule("JP010");
        assert_eq!(c.level("JP010"), Some(Severity::Error));
        c.allow_rule("JP010");
        assert_eq!(c.level("JP010"), None);
        c.deny_rule("JP010");
        assert_eq!(c.level("JP010"), Some(Severity::Error));
    }
}
