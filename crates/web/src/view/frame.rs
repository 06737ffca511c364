//! What every page has around its content: language, title, the
//! language switcher, breadcrumbs and the stylesheets.

use super::Link;
use crate::assets;
use crate::auth::Viewer;
use crate::i18n::{Lang, Tr};
use crate::pages::Cx;

/// The signed-in account, as the header shows it.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The account's name.
    pub name: String,
    /// Its role and party, in words.
    pub summary: String,
    /// The CSRF token of the sign-out form.
    pub csrf: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The language's tag.
    pub code: &'static str,
    /// Its name in itself.
    pub name: &'static str,
    /// The link that switches to it and comes back here.
    pub href: String,
    /// Whether the page is in it.
    pub current: bool,
}

/// The frame of one page.
#[derive(Debug, Clone)]
pub struct Frame {
    /// `<html lang>`.
    pub lang: &'static str,
    /// The page's title.
    pub title: String,
    /// The language switcher.
    pub languages: Vec<Choice>,
    /// From the portfolio to the page's parent.
    pub crumbs: Vec<Link>,
    /// The design system's stylesheet.
    pub css_dkfds: String,
    /// The site's stylesheet.
    pub css_site: String,
    /// Fixed words of the frame.
    pub skip: String,
    /// The switcher's label.
    pub languages_label: String,
    /// The breadcrumbs' label.
    pub crumbs_label: String,
    /// The footer's text.
    pub footer: String,
    /// The footer's link to the API's description.
    pub api_label: String,
    /// Who is signed in; none for the public.
    pub signed_in: Option<SignedIn>,
    /// Where signing in starts, coming back to this page.
    pub sign_in_href: String,
    /// "Sign in".
    pub sign_in: String,
    /// "Sign out".
    pub sign_out: String,
    /// "Your account".
    pub account_label: String,
}

impl Frame {
    /// The frame of a page, for the viewer it is rendered for.
    pub fn new(cx: &Cx, title: String, crumbs: Vec<Link>) -> Frame {
        let mut frame = Frame::public(cx.t, cx.path, title, crumbs);
        if let Viewer::Signed(s) = cx.viewer {
            let role = cx.t.get(&format!("access-role-{}", s.account.role));
            frame.signed_in = Some(SignedIn {
                name: s.account.name.clone(),
                summary: match &s.account.party {
                    Some(party) => format!("{role}, {party}"),
                    None => role,
                },
                csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
            });
        }
        frame
    }

    /// The frame of the page at `path` in `t`'s language, as the public
    /// sees it (error pages are always this one).
    pub fn public(t: &Tr, path: &str, title: String, crumbs: Vec<Link>) -> Frame {
        let here = t.lang();
        Frame {
            lang: here.code(),
            title,
            languages: Lang::ALL
                .into_iter()
                .map(|l| Choice {
                    code: l.code(),
                    name: l.endonym(),
                    href: format!("/lang/{}?next={}", l.code(), encode_path(path)),
                    current: l == here,
                })
                .collect(),
            crumbs,
            css_dkfds: assets::url("dkfds/dkfds.css"),
            css_site: assets::url("site.css"),
            skip: t.get("skip-to-content"),
            languages_label: t.get("languages"),
            crumbs_label: t.get("breadcrumbs"),
            footer: t.get("footer"),
            api_label: t.get("footer-api"),
            signed_in: None,
            sign_in_href: format!("/sign-in?next={}", encode_path(path)),
            sign_in: t.get("sign-in"),
            sign_out: t.get("sign-out"),
            account_label: t.get("account-title"),
        }
    }
}

/// A path as a query value: `/` and other reserved bytes percent-encoded.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_are_encoded_for_the_query() {
        assert_eq!(
            super::encode_path("/plans/dk-kr-2021-2024/actions/1.1.2"),
            "%2Fplans%2Fdk-kr-2021-2024%2Factions%2F1.1.2"
        );
    }
}
