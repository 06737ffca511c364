//! The flags of `jointplan revision propose`, read into a change set.

use std::path::PathBuf;

use clap::Args;
use jointplan_core::revision::{Change, ChangeSet};

use crate::input::BadInput;

/// The changes a proposal makes, as flags.
// They apply kind by kind in field order (see `change_set`), so that a line
// can be added, given a track and receive a moved action in one proposal.
#[derive(Debug, Args)]
pub struct ChangeFlags {
    /// A change set as JSON ({"reason": …, "changes": [{"op": "set_action_text", …}]}).
    #[arg(long, value_name = "FILE.json")]
    pub changes: Option<PathBuf>,
    /// Add a line of effort after the last: TITLE.
    #[arg(long, value_name = "TITLE")]
    pub add_line: Vec<String>,
    /// Rename a line of effort: LINE=TITLE (2=Health and life science).
    #[arg(long, value_name = "LINE=TITLE")]
    pub line_title: Vec<String>,
    /// Add a track at the end of a line: LINE=TITLE (1=Trade & economy); it gets the line's next track code.
    #[arg(long, value_name = "LINE=TITLE")]
    pub add_track: Vec<String>,
    /// Rename a track: TRACK=TITLE (1.2=Science cooperation).
    #[arg(long, value_name = "TRACK=TITLE")]
    pub track_title: Vec<String>,
    /// Rename the plan.
    #[arg(long)]
    pub title: Option<String>,
    /// Reword an action: CODE=TEXT.
    #[arg(long, value_name = "CODE=TEXT")]
    pub edit: Vec<String>,
    /// Add an action to a track: TRACK=TEXT; it gets the track's next code.
    #[arg(long, value_name = "TRACK=TEXT")]
    pub add: Vec<String>,
    /// Move an action to another track: CODE=TRACK (1.1.3=2.1). It gets the
    /// track's next code; no other code changes, and reports on the old code
    /// still count for it.
    #[arg(long = "move", value_name = "CODE=TRACK")]
    pub move_: Vec<String>,
    /// Merge actions into one with a new text: CODE,CODE[,…]=TEXT
    /// (1.1.2,1.1.3=Joint water and energy dialogue). It stands where the
    /// first stood, with that track's next code, and keeps the old codes.
    #[arg(long, value_name = "CODE,CODE=TEXT")]
    pub merge: Vec<String>,
    /// Split an action into new ones: CODE=TEXT|TEXT[|…]
    /// (2.1.4=Dialogue on health|Joint seminar on ageing). Each gets the
    /// track's next code and keeps the old one. A text holding "|" needs --changes.
    #[arg(long, value_name = "CODE=TEXT|TEXT")]
    pub split: Vec<String>,
    /// Replace the SDGs an action declares: CODE=GOAL-OR-TARGET,… (1.1.3=7,13.2);
    /// CODE= clears them. Goals its words speak of are still inferred.
    #[arg(long, value_name = "CODE=SDGS")]
    pub sdgs: Vec<String>,
    /// Remove an action; no other code changes.
    #[arg(long, value_name = "CODE")]
    pub remove: Vec<String>,
}

impl ChangeFlags {
    /// The change set the flags (and the file) describe, with `reason` when given.
    pub fn change_set(&self, reason: &str) -> Result<ChangeSet, BadInput> {
        let mut set = match &self.changes {
            Some(path) => read_file(path)?,
            None => ChangeSet::default(),
        };
        let out = &mut set.changes;
        for title in &self.add_line {
            out.push(Change::AddLine {
                title: title.clone(),
            });
        }
        for flag in &self.line_title {
            let (line, title) = pair(flag, "LINE=TITLE")?;
            out.push(Change::SetLineTitle {
                line: line_number(&line, flag)?,
                title,
            });
        }
        for flag in &self.add_track {
            let (line, title) = pair(flag, "LINE=TITLE")?;
            out.push(Change::AddTrack {
                line: line_number(&line, flag)?,
                title,
            });
        }
        for flag in &self.track_title {
            let (track, title) = pair(flag, "TRACK=TITLE")?;
            out.push(Change::SetTrackTitle { track, title });
        }
        if let Some(title) = &self.title {
            out.push(Change::SetTitle {
                title: title.clone(),
            });
        }
        for flag in &self.edit {
            let (code, text) = pair(flag, "CODE=TEXT")?;
            out.push(Change::SetActionText { code, text });
        }
        for flag in &self.add {
            let (track, text) = pair(flag, "TRACK=TEXT")?;
            out.push(Change::AddAction { track, text });
        }
        for flag in &self.move_ {
            let (code, track) = pair(flag, "CODE=TRACK")?;
            out.push(Change::MoveAction {
                code,
                track: track.trim().to_string(),
            });
        }
        for flag in &self.merge {
            let (codes, text) = pair(flag, "CODE,CODE=TEXT")?;
            out.push(Change::MergeActions {
                codes: list(&codes, ','),
                text,
            });
        }
        for flag in &self.split {
            let (code, texts) = pair(flag, "CODE=TEXT|TEXT")?;
            out.push(Change::SplitAction {
                code,
                texts: texts.split('|').map(str::to_string).collect(),
            });
        }
        for flag in &self.sdgs {
            let (code, sdgs) = pair(flag, "CODE=SDGS")?;
            out.push(Change::SetActionSdgs {
                code,
                sdgs: list(&sdgs, ','),
            });
        }
        for code in &self.remove {
            out.push(Change::RemoveAction { code: code.clone() });
        }
        if !reason.is_empty() {
            set.reason = reason.to_string();
        }
        if set.changes.is_empty() {
            return Err(BadInput(
                "no changes: use --edit, --add, --move, --merge, --split, --sdgs, --remove, \
                 --add-track, --track-title, --add-line, --line-title, --title or --changes FILE"
                    .into(),
            ));
        }
        Ok(set)
    }
}

fn read_file(path: &PathBuf) -> Result<ChangeSet, BadInput> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| BadInput(format!("{}: cannot read: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| BadInput(format!("{}: not a change set: {e}", path.display())))
}

/// `KEY=VALUE` as the trimmed key and the value as given (apply trims texts).
fn pair(flag: &str, form: &str) -> Result<(String, String), BadInput> {
    flag.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| BadInput(format!("{flag:?}: expected {form}")))
}

/// The non-empty items of a `sep`-separated list, trimmed.
fn list(items: &str, sep: char) -> Vec<String> {
    items
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn line_number(line: &str, flag: &str) -> Result<u32, BadInput> {
    line.parse()
        .map_err(|_| BadInput(format!("{flag:?}: {line:?} is not a line number")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Propose {
        #[command(flatten)]
        flags: ChangeFlags,
    }

    fn changes(args: &[&str]) -> Result<Vec<Change>, BadInput> {
        let p = Propose::try_parse_from(std::iter::once("propose").chain(args.iter().copied()))
            .map_err(|e| BadInput(e.to_string()))?;
        Ok(p.flags.change_set("")?.changes)
    }

    #[test]
    fn each_flag_reads_into_its_change_kind_in_the_documented_order() {
        let got = changes(&[
            "--remove",
            "3.1.1",
            "--sdgs",
            "1.1.3=7, 13.2",
            "--split",
            "2.1.4=Dialogue on health|Joint seminar",
            "--merge",
            "1.1.1, 1.1.2=Annual water dialogue",
            "--move",
            "1.1.3=2.1",
            "--add",
            "1.1=Workshops",
            "--edit",
            "1.1.4=Possible events",
            "--title",
            "Plan",
            "--track-title",
            "1.2=Science",
            "--add-track",
            "3=Trade & economy",
            "--line-title",
            "2=Health",
            "--add-line",
            "Digital",
        ])
        .expect("reads");
        let s = |v: &str| v.to_string();
        assert_eq!(
            got,
            [
                Change::AddLine {
                    title: s("Digital")
                },
                Change::SetLineTitle {
                    line: 2,
                    title: s("Health")
                },
                Change::AddTrack {
                    line: 3,
                    title: s("Trade & economy")
                },
                Change::SetTrackTitle {
                    track: s("1.2"),
                    title: s("Science")
                },
                Change::SetTitle { title: s("Plan") },
                Change::SetActionText {
                    code: s("1.1.4"),
                    text: s("Possible events")
                },
                Change::AddAction {
                    track: s("1.1"),
                    text: s("Workshops")
                },
                Change::MoveAction {
                    code: s("1.1.3"),
                    track: s("2.1")
                },
                Change::MergeActions {
                    codes: vec![s("1.1.1"), s("1.1.2")],
                    text: s("Annual water dialogue")
                },
                Change::SplitAction {
                    code: s("2.1.4"),
                    texts: vec![s("Dialogue on health"), s("Joint seminar")]
                },
                Change::SetActionSdgs {
                    code: s("1.1.3"),
                    sdgs: vec![s("7"), s("13.2")]
                },
                Change::RemoveAction { code: s("3.1.1") },
            ]
        );
    }

    #[test]
    fn an_empty_sdg_list_clears_and_malformed_flags_say_their_form() {
        assert_eq!(
            changes(&["--sdgs", "1.1.3="]).expect("reads"),
            [Change::SetActionSdgs {
                code: "1.1.3".into(),
                sdgs: vec![]
            }]
        );
        let e = changes(&["--merge", "1.1.1 1.1.2"]).expect_err("no =");
        assert_eq!(e.0, "\"1.1.1 1.1.2\": expected CODE,CODE=TEXT");
        let e = changes(&["--add-track", "one=Trade"]).expect_err("not a number");
        assert_eq!(e.0, "\"one=Trade\": \"one\" is not a line number");
        assert!(
            changes(&[])
                .expect_err("nothing")
                .0
                .starts_with("no changes")
        );
    }
}
