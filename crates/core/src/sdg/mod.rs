//! The UN Sustainable Development Goals: 17 goals and 169 targets with their
//! official titles in English and Korean, and the Danish goal names.
//!
//! The catalogue is embedded (`data/sdg/catalogue.json`, generated once from
//! the Open SDG and KOSTAT translation files; see `data/sdg/SOURCES.md`) and
//! parsed on first use. Ids use the dotted form: `7.2`, `1.a`, `16.10`.
//!
//! [`title_fits`], [`goal_by_title`] and [`title_misfit`] check the goal
//! titles that plans write beside SDG numbers; the matching rules are
//! documented in `fit.rs`.

mod fit;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

pub use fit::{goal_by_title, title_fits, title_misfit};

/// A language the catalogue has titles in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ko,
    Da,
}

/// One of the 17 goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    /// 1 to 17.
    pub number: u32,
    /// The official English title ("Ensure access to affordable, …").
    pub title_en: String,
    /// KOSTAT's Korean title.
    pub title_ko: String,
    /// The Danish goal name. No official long Danish title is available, so
    /// this is the same as `short_da` ("Bæredygtig energi").
    pub title_da: String,
    /// The English short name ("Affordable and clean energy").
    pub short_en: String,
    /// KOSTAT's Korean short name ("깨끗한 에너지").
    pub short_ko: String,
    /// The Danish short name ("Bæredygtig energi").
    pub short_da: String,
}

impl Goal {
    /// The goal's full title in `lang` (for Danish, the goal name).
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.title_en,
            Lang::Ko => &self.title_ko,
            Lang::Da => &self.title_da,
        }
    }

    /// The goal's short name in `lang` ("Climate action", "기후변화 대응", "Klimaindsats").
    pub fn short(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.short_en,
            Lang::Ko => &self.short_ko,
            Lang::Da => &self.short_da,
        }
    }

    /// The goal's targets, in catalogue order (1.1 … 1.5, 1.a, 1.b).
    pub fn targets(&self) -> impl Iterator<Item = &'static SdgTarget> + use<> {
        let number = self.number;
        targets().iter().filter(move |t| t.goal == number)
    }
}

/// One of the 169 targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SdgTarget {
    /// Dotted id: `7.2`, `1.a`, `16.10`.
    pub id: String,
    /// The goal the target belongs to.
    pub goal: u32,
    /// The official English text.
    pub title_en: String,
    /// KOSTAT's Korean text: an abridged summary, not a full translation
    /// (and 11.c is still English upstream).
    pub title_ko: String,
}

impl SdgTarget {
    /// The target's text in `lang`. There is no Danish target text: Danish
    /// falls back to English.
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::En | Lang::Da => &self.title_en,
            Lang::Ko => &self.title_ko,
        }
    }
}

/// The embedded catalogue, as generated (see `data/sdg/SOURCES.md`).
const CATALOGUE_JSON: &str = include_str!("../../data/sdg/catalogue.json");

#[derive(Deserialize)]
struct RawCatalogue {
    goals: Vec<RawGoal>,
    targets: Vec<RawTarget>,
}

#[derive(Deserialize)]
struct RawGoal {
    number: u32,
    short_en: String,
    title_en: String,
    short_ko: String,
    title_ko: String,
    short_da: String,
}

#[derive(Deserialize)]
struct RawTarget {
    id: String,
    goal: u32,
    en: String,
    ko: String,
}

struct Catalogue {
    goals: Vec<Goal>,
    targets: Vec<SdgTarget>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let raw: RawCatalogue = serde_json::from_str(CATALOGUE_JSON)
        .expect("embedded data/sdg/catalogue.json is valid (tested)");
    Catalogue {
        goals: raw
            .goals
            .into_iter()
            .map(|g| Goal {
                number: g.number,
                title_en: g.title_en,
                title_ko: g.title_ko,
                title_da: g.short_da.clone(),
                short_en: g.short_en,
                short_ko: g.short_ko,
                short_da: g.short_da,
            })
            .collect(),
        targets: raw
            .targets
            .into_iter()
            .map(|t| SdgTarget {
                id: t.id,
                goal: t.goal,
                title_en: t.en,
                title_ko: t.ko,
            })
            .collect(),
    }
});

/// The 17 goals, ordered by number.
pub fn goals() -> &'static [Goal] {
    &CATALOGUE.goals
}

/// Goal `number` (1 to 17).
pub fn goal(number: u32) -> Option<&'static Goal> {
    let index = usize::try_from(number).ok()?.checked_sub(1)?;
    goals().get(index).filter(|g| g.number == number)
}

/// The 169 targets, ordered by goal and then as the UN lists them
/// (numbered targets first, then the lettered means of implementation).
pub fn targets() -> &'static [SdgTarget] {
    &CATALOGUE.targets
}

/// The target with dotted id `id` ("7.2", "1.a", "16.10"). Case, surrounding
/// space and a leading "SDG"/"Target" are tolerated ("7.A", "SDG 7.2").
pub fn target(id: &str) -> Option<&'static SdgTarget> {
    let id = id.trim().to_ascii_lowercase();
    let id = ["target", "sdg"]
        .iter()
        .find_map(|p| id.strip_prefix(p))
        .unwrap_or(&id)
        .trim();
    targets().iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests;
