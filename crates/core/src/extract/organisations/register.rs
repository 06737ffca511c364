//! The register of a plan's organisations: merging the names found in every
//! text into one list of bodies, and matching their mentions.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::super::known_bodies::{self, KnownBody};
use super::super::words::{is_acronym, normalise};
use super::finders::{FoundName, Qualifiers, find_names_with};
use super::matcher::NameMatcher;
use super::tokens::bare_acronyms;
use crate::extract::{slug, unique};
use crate::model::{OrgRef, Organisation};
use crate::span::Span;

/// The register of a plan's organisations, built in two passes: first
/// [`Register::learn`] over every text, then [`Register::mentions`].
#[derive(Debug, Default)]
pub struct Register {
    orgs: Vec<Organisation>,
    by_acronym: HashMap<String, usize>,
    /// The ids of `orgs`, which must stay unique.
    ids: HashSet<String>,
    /// Acronyms defined as terms (not bodies), so bare mentions are not bodies.
    terms: HashSet<String>,
    /// Every name and acronym of the register, each with its body.
    matcher: Option<(NameMatcher, Vec<usize>)>,
    /// Finds already merged, exactly as found (see [`found_key`]): a body
    /// named in forty actions is resolved once, not forty times.
    merged: HashMap<Vec<u8>, usize>,
    /// The key of the find being looked up, kept to reuse its buffer.
    key_buffer: Vec<u8>,
    /// Bare names (no qualifier, normalised), each with the parties it was
    /// found under and the first body found under each.
    by_bare: HashMap<String, Vec<(Option<&'static str>, usize)>>,
    /// The qualifier and party of every name seen.
    quals: Qualifiers,
}

/// Writes a find's acronym, name, name as written and party into `out`,
/// each length-prefixed so that no two finds share a key.
fn found_key(found: &FoundName<'_>, out: &mut Vec<u8>) {
    out.clear();
    for part in [found.acronym, found.name, found.written, found.party] {
        match part {
            None => out.push(0),
            Some(s) => {
                out.push(1);
                out.extend_from_slice(&s.len().to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
        }
    }
}

impl Register {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// Learns the definitions and named bodies of one text.
    ///
    /// Bodies found later by [`Register::mentions`] (bare acronyms, known
    /// bodies) do not rebuild the matcher: they are found again by the same
    /// route and resolved by acronym, so one matcher serves the whole plan.
    pub fn learn(&mut self, text: &str, span: &dyn Fn(Range<usize>) -> Span) {
        let mut quals = std::mem::take(&mut self.quals);
        for found in find_names_with(text, &mut quals) {
            if found.is_organisation {
                self.add(found, span);
            } else if let Some(acr) = found.acronym
                && !self.terms.contains(acr)
            {
                self.terms.insert(acr.to_owned());
            }
        }
        self.quals = quals;
        self.matcher = None;
    }

    /// A name without its country qualifier, normalised for comparison.
    fn bare_name(&mut self, name: &str) -> String {
        normalise(self.quals.strip(name).0)
    }

    fn add(&mut self, found: FoundName<'_>, span: &dyn Fn(Range<usize>) -> Span) -> usize {
        let mut key = std::mem::take(&mut self.key_buffer);
        found_key(&found, &mut key);
        let idx = match self.merged.get(key.as_slice()) {
            Some(&idx) => idx,
            None => {
                let idx = self.merge(found, span);
                self.merged.insert(key.clone(), idx);
                idx
            }
        };
        self.key_buffer = key;
        idx
    }

    fn merge(&mut self, found: FoundName<'_>, span: &dyn Fn(Range<usize>) -> Span) -> usize {
        let bare = found.name.map(|n| self.bare_name(n));
        let same_name = bare.as_deref().and_then(|b| self.by_bare.get(b));
        let existing = found
            .acronym
            .and_then(|a| self.by_acronym.get(a).copied())
            .or_else(|| {
                // The same name and party; else the same name with the
                // party known on one side only.
                let same_name = same_name?;
                same_name
                    .iter()
                    .find(|(party, _)| *party == found.party)
                    .or_else(|| {
                        same_name
                            .iter()
                            .find(|(party, _)| party.is_none() || found.party.is_none())
                    })
                    .map(|&(_, i)| i)
            });
        let idx = match existing {
            Some(i) => i,
            None => {
                let id = unique_id(
                    &mut self.ids,
                    found.acronym.or(found.name).unwrap_or("organisation"),
                );
                self.orgs.push(Organisation {
                    id,
                    name: None,
                    acronyms: Vec::new(),
                    aliases: Vec::new(),
                    party: None,
                    multilateral: false,
                    span: span(found.range.clone()),
                });
                self.orgs.len() - 1
            }
        };
        let org = &mut self.orgs[idx];
        if let Some(name) = found.name {
            match &org.name {
                None => org.name = Some(name.to_owned()),
                // The cheap tests first: a name as written before, or already
                // an alias, needs no normalising.
                Some(n)
                    if n != name
                        && !org.aliases.iter().any(|a| a == name)
                        && normalise(n) != normalise(name) =>
                {
                    org.aliases.push(name.to_owned())
                }
                _ => {}
            }
        }
        if let Some(w) = found.written
            && org.name.as_deref() != Some(w)
            && !org.aliases.iter().any(|a| a == w)
        {
            org.aliases.push(w.to_owned());
        }
        if let Some(a) = found.acronym {
            if !org.acronyms.iter().any(|x| x == a) {
                org.acronyms.push(a.to_owned());
            }
            self.by_acronym.insert(a.to_owned(), idx);
        }
        if org.party.is_none() {
            org.party = found.party.map(str::to_owned);
        }
        // One entry per name and party: the first body keyed under them.
        if let Some(b) = bare {
            let same_name = self.by_bare.entry(b).or_default();
            if !same_name.iter().any(|(party, _)| *party == found.party) {
                same_name.push((found.party, idx));
            }
        }
        idx
    }

    fn build_matcher(&mut self) -> (NameMatcher, Vec<usize>) {
        let mut owners = Vec::new();
        let mut names = Vec::new();
        for (i, o) in self.orgs.iter().enumerate() {
            for p in o
                .acronyms
                .iter()
                .chain(o.name.iter())
                .chain(o.aliases.iter())
            {
                names.push(p.as_str());
                owners.push(i);
            }
        }
        (NameMatcher::new(names), owners)
    }

    /// Organisations mentioned in `text` (acronyms, names, known bodies, and
    /// bare acronyms of unknown bodies, which are added to the register).
    pub fn mentions(&mut self, text: &str, span: &dyn Fn(Range<usize>) -> Span) -> Vec<OrgRef> {
        let mut hits = self.hits(text, span);
        hits.sort_by_key(|(r, _)| r.start);
        let mut out: Vec<OrgRef> = Vec::with_capacity(hits.len());
        // Ids are unique in the register: a body's index stands for its id.
        let mut seen: Vec<usize> = Vec::with_capacity(hits.len());
        for (r, idx) in hits {
            if !seen.contains(&idx) {
                seen.push(idx);
                out.push(OrgRef {
                    id: self.orgs[idx].id.clone(),
                    span: span(r),
                });
            }
        }
        out
    }

    /// Adds the bodies `text` names without defining them (bare acronyms,
    /// known bodies), as [`Register::mentions`] does, without listing the
    /// mentions: for texts whose mentions nobody reads.
    pub fn note_mentions(&mut self, text: &str, span: &dyn Fn(Range<usize>) -> Span) {
        self.hits(text, span);
    }

    /// The mentions of `text`, each with its body's index, in no order;
    /// bodies met for the first time are added to the register.
    fn hits(
        &mut self,
        text: &str,
        span: &dyn Fn(Range<usize>) -> Span,
    ) -> Vec<(Range<usize>, usize)> {
        if self.matcher.is_none() {
            self.matcher = Some(self.build_matcher());
        }
        // Built just above when missing, so the early return never happens.
        let Some((matcher, owners)) = &self.matcher else {
            return Vec::new();
        };
        let mut hits = matcher.find_at_word_starts(text);
        let well_known = KNOWN_MATCHER.0.find_at_word_starts(text);
        hits.retain(|(r, _)| on_word_boundary(text, r));
        for hit in &mut hits {
            hit.1 = owners[hit.1];
        }
        // A well-known body counts unless a register name covers it (the
        // well-known matches do not overlap one another).
        let own = hits.len();
        for (r, name) in well_known {
            if on_word_boundary(text, &r)
                && !hits[..own]
                    .iter()
                    .any(|(h, _)| h.start <= r.start && r.end <= h.end)
            {
                let idx = self.known_body(KNOWN_MATCHER.1[name], || span(r.clone()));
                hits.push((r, idx));
            }
        }
        // Bare acronyms of bodies the text never spells out ("KIAT"), unless
        // the text is a title in capitals (decided at the first acronym).
        let mut title = None;
        for w in bare_acronyms(text) {
            let r = w.start..w.end;
            if !hits
                .iter()
                .any(|(h, _)| h.start <= r.start && r.end <= h.end)
                && is_acronym(w.text)
                && !known_bodies::is_common_term(w.text)
                && !self.terms.contains(w.text)
            {
                if *title.get_or_insert_with(|| mostly_upper_case(text)) {
                    break;
                }
                let idx = self.add(
                    FoundName {
                        name: None,
                        acronym: Some(w.text),
                        written: None,
                        party: None,
                        is_organisation: true,
                        range: r.clone(),
                    },
                    span,
                );
                hits.push((r, idx));
            }
        }
        hits
    }

    /// The register's index of a well-known body, added (at the span
    /// `at` gives) when new.
    fn known_body(&mut self, body: &'static KnownBody, at: impl FnOnce() -> Span) -> usize {
        if let Some(&i) = self.by_acronym.get(body.acronym) {
            return i;
        }
        let bare = self.bare_name(body.name);
        let same_name = self.by_bare.get(&bare);
        if let Some(&(_, i)) = same_name.and_then(|v| v.iter().find(|(party, _)| party.is_none())) {
            return i;
        }
        let id = unique_id(
            &mut self.ids,
            if body.acronym.is_empty() {
                body.name
            } else {
                body.acronym
            },
        );
        self.orgs.push(Organisation {
            id,
            name: Some(body.name.to_owned()),
            acronyms: if body.acronym.is_empty() {
                vec![]
            } else {
                vec![body.acronym.to_owned()]
            },
            aliases: body.aliases.iter().map(|a| (*a).to_owned()).collect(),
            party: None,
            multilateral: true,
            span: at(),
        });
        let idx = self.orgs.len() - 1;
        if !body.acronym.is_empty() {
            self.by_acronym.insert(body.acronym.to_owned(), idx);
        }
        self.by_bare.entry(bare).or_default().push((None, idx));
        idx
    }

    /// The register as the plan's organisation list, in order of first appearance.
    pub fn into_organisations(self) -> Vec<Organisation> {
        let mut orgs = self.orgs;
        let (acronyms, names) = &*KNOWN_KEYS;
        for o in &mut orgs {
            if o.acronyms.iter().any(|a| acronyms.contains(a.as_str()))
                || o.name.as_deref().is_some_and(|n| names.contains(n))
            {
                o.multilateral = true;
            }
        }
        orgs.sort_by_key(|o| o.span.start);
        orgs
    }
}

/// The gazetteer's acronyms and names, for telling a register's bodies
/// that are well known (multilateral) apart.
static KNOWN_KEYS: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> = LazyLock::new(|| {
    let bodies = known_bodies::KNOWN_BODIES.iter();
    (
        bodies.clone().map(|b| b.acronym).collect(),
        bodies.map(|b| b.name).collect(),
    )
});

/// The gazetteer's names and acronyms, each with its body.
static KNOWN_MATCHER: LazyLock<(NameMatcher, Vec<&'static KnownBody>)> = LazyLock::new(|| {
    let mut names = Vec::new();
    let mut owners = Vec::new();
    for b in known_bodies::KNOWN_BODIES {
        for p in std::iter::once(&b.acronym)
            .filter(|a| !a.is_empty())
            .chain(std::iter::once(&b.name))
            .chain(b.aliases.iter())
        {
            names.push(*p);
            owners.push(b);
        }
    }
    (NameMatcher::new(names), owners)
});

fn on_word_boundary(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '&';
    !before.is_some_and(is_word) && !after.is_some_and(|c| is_word(c) && c != '-')
}

/// True when over 60 % of the letters are capitals (a title line).
fn mostly_upper_case(text: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            upper += usize::from(c.is_ascii_uppercase());
        } else {
            letters += usize::from(c.is_alphabetic());
            upper += usize::from(c.is_uppercase());
        }
    }
    letters > 0 && upper * 10 > letters * 6
}

/// A new body's id, made from `label` and unused so far; it is taken in `ids`.
fn unique_id(ids: &mut HashSet<String>, label: &str) -> String {
    let id = unique(slug(label, usize::MAX, "organisation"), |id| {
        ids.contains(id)
    });
    ids.insert(id.clone());
    id
}
