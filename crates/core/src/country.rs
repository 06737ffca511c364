//! Placeholder until the country table lands.
#[derive(Debug, Clone)]
pub struct CountryMention {
    pub code: &'static str,
    pub start: usize,
    pub end: usize,
    pub is_adjective: bool,
}
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
}
static T: &[(&str, &str, bool)] = &[
    ("Denmark's", "DK", true),
    ("Danish", "DK", true),
    ("Kingdom of Denmark", "DK", false),
    ("Denmark", "DK", false),
    ("DENMARK", "DK", false),
    ("Republic of Korea", "KR", false),
    ("Korea's", "KR", true),
    ("Korean", "KR", true),
    ("Korea", "KR", false),
    ("KOREA", "KR", false),
    ("Japan", "JP", false),
    ("Norway", "NO", false),
    ("Chile", "CL", false),
];
pub fn by_code(code: &str) -> Option<&'static Country> {
    static C: &[Country] = &[
        Country {
            code: "DK",
            name: "Denmark",
        },
        Country {
            code: "KR",
            name: "Korea",
        },
    ];
    C.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}
pub fn mentions(text: &str) -> Vec<CountryMention> {
    let mut out: Vec<CountryMention> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for (n, c, a) in T {
            if text[i..].starts_with(n)
                && (i == 0 || !text[..i].ends_with(|ch: char| ch.is_alphanumeric()))
            {
                hit = Some((n.len(), *c, *a));
                break;
            }
        }
        if let Some((l, c, a)) = hit {
            out.push(CountryMention {
                code: c,
                start: i,
                end: i + l,
                is_adjective: a,
            });
            i += l;
        } else {
            i += 1;
        }
    }
    out
}
pub fn first_mention(text: &str) -> Option<CountryMention> {
    mentions(text).into_iter().next()
}
