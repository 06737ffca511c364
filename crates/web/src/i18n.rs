//! The three languages: Fluent messages compiled into the binary, and the
//! choice of language from a cookie or `Accept-Language`.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The name of the cookie that remembers a chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A language every page is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English, the fallback.
    En,
    /// Danish.
    Da,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Da, Lang::Ko];

    /// The BCP 47 tag (`en`, `da`, `ko`), as on `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Dansk",
            Lang::Ko => "한국어",
        }
    }

    /// The language with this tag's primary subtag (`da-DK` is Danish).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The SDG catalogue's language.
    pub fn sdg(self) -> jointplan_core::sdg::Lang {
        match self {
            Lang::En => jointplan_core::sdg::Lang::En,
            Lang::Da => jointplan_core::sdg::Lang::Da,
            Lang::Ko => jointplan_core::sdg::Lang::Ko,
        }
    }

    /// The language a request asks for: a remembered choice first, then the
    /// best match of `Accept-Language`, then English.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie
            .and_then(Lang::from_tag)
            .or_else(|| accept_language.and_then(best_accepted))
            .unwrap_or(Lang::En)
    }
}

/// The offered language an `Accept-Language` header ranks highest
/// (`da;q=0.9, ko` picks Korean); ties go to the earlier entry.
fn best_accepted(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_tag) else {
            continue;
        };
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// The Fluent files, compiled in: `locales/{lang}/*.ftl`. Each part of
/// the application keeps its messages in a file of its own (`main.ftl`,
/// `access.ftl`, …), so adding one needs no list to be edited.
#[derive(rust_embed::RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct Locales;

/// A language's Fluent files, by name, joined in name order.
fn source(lang: Lang) -> String {
    let prefix = format!("{}/", lang.code());
    let mut names: Vec<String> = Locales::iter()
        .filter(|n| n.starts_with(&prefix))
        .map(|n| n.into_owned())
        .collect();
    names.sort();
    let mut text = String::new();
    for name in names {
        if let Some(file) = Locales::get(&name) {
            text.push_str(&String::from_utf8_lossy(&file.data));
            text.push('\n');
        }
    }
    text
}

/// One language's messages.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Vec<Tr>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| Tr::parse(lang, &source(lang)))
        .collect()
});

impl Tr {
    /// The messages of a language.
    pub fn of(lang: Lang) -> &'static Tr {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &BUNDLES[i]
    }

    fn parse(lang: Lang, source: &str) -> Tr {
        // The files are compiled in and tested (`every_language_has_every_message`),
        // so a syntax error is caught before it ships; what parses is used.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, errors)| {
            tracing::error!(lang = lang.code(), ?errors, "Fluent syntax errors");
            r
        });
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Bidi isolation marks would leak into titles, JSON and snapshots.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(lang = lang.code(), ?errors, "duplicate Fluent messages");
        }
        Tr { lang, bundle }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether a message exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message without arguments; its id when it is missing.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with one argument.
    pub fn arg(&self, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_owned()));
        self.format(id, Some(&args))
    }

    /// A message with a count (`$count`), for plurals.
    pub fn count(&self, id: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(id, Some(&args))
    }

    /// A message with named arguments.
    pub fn args(&self, id: &str, pairs: &[(&str, String)]) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in pairs {
            args.set(k.to_string(), FluentValue::from(v.clone()));
        }
        self.format(id, Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(lang = self.lang.code(), id, "missing message");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                lang = self.lang.code(),
                id,
                ?errors,
                "message did not format"
            );
        }
        text.into_owned()
    }
}

/// The message ids of a language's file, in file order (for the tests).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let resource = match FluentResource::try_new(source(lang)) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_ranked_by_quality() {
        assert_eq!(
            best_accepted("da;q=0.5, ko;q=0.9, en;q=0.1"),
            Some(Lang::Ko)
        );
        assert_eq!(best_accepted("de-DE, da-DK;q=0.8"), Some(Lang::Da));
        assert_eq!(best_accepted("fr, de"), None);
        assert_eq!(best_accepted("ko;q=0"), None);
    }

    #[test]
    fn a_remembered_choice_wins_over_the_header() {
        assert_eq!(Lang::negotiate(Some("ko"), Some("da")), Lang::Ko);
        assert_eq!(Lang::negotiate(Some("xx"), Some("da")), Lang::Da);
        assert_eq!(Lang::negotiate(None, None), Lang::En);
    }

    #[test]
    fn every_language_has_every_message() {
        let english = message_ids(Lang::En);
        assert!(english.len() > 50, "the English file has its messages");
        for lang in [Lang::Da, Lang::Ko] {
            let ids = message_ids(lang);
            let missing: Vec<_> = english.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has extra {extra:?}", lang.code());
        }
    }

    #[test]
    fn files_parse_without_errors() {
        for lang in Lang::ALL {
            assert!(
                FluentResource::try_new(source(lang)).is_ok(),
                "{} does not parse",
                lang.code()
            );
        }
    }

    #[test]
    fn arguments_carry_no_isolation_marks() {
        let text = Tr::of(Lang::En).count("actions-count", 3);
        assert_eq!(text, "3 actions");
        assert!(!text.contains('\u{2068}'));
    }
}
