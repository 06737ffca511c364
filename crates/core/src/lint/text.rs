//! The plan's prose as pieces with spans, for rules that read words
//! (acronyms) rather than extracted items.

use std::ops::Range;

use crate::model::Plan;
use crate::span::Span;

/// A piece of the plan's text and where it stands.
#[derive(Debug, Clone)]
pub struct Piece<'p> {
    /// The text as the model holds it.
    pub text: &'p str,
    /// Where the whole piece stands.
    pub span: Span,
    /// The line of effort it belongs to, if any.
    pub plan_line: Option<u32>,
    /// The action it is, if it is one.
    pub action: Option<&'p str>,
    /// True when byte offsets of `text` are byte offsets from `span.start`.
    mapped: bool,
}

impl Piece<'_> {
    /// The source span of a byte range of `text`: exact when the text stands
    /// verbatim on one source line, else the whole piece (a joined paragraph
    /// cannot be mapped back without the source).
    pub fn sub_span(&self, range: Range<usize>) -> Span {
        if !self.mapped || range.end > self.text.len() {
            return self.span;
        }
        sub_span(self.span, self.text, range)
    }
}

/// The source span of a byte range of `text`, which stands verbatim on one
/// source line at `span`.
pub(crate) fn sub_span(span: Span, text: &str, range: Range<usize>) -> Span {
    let chars = |to: usize| -> u32 {
        u32::try_from(text.get(..to).map_or(0, |t| t.chars().count())).unwrap_or(u32::MAX)
    };
    Span {
        start: span.start + range.start,
        end: span.start + range.end,
        line: span.line,
        column: span.column + chars(range.start),
        end_line: span.line,
        end_column: span.column + chars(range.end),
    }
}

fn piece<'p>(
    text: &'p str,
    span: Span,
    plan_line: Option<u32>,
    action: Option<&'p str>,
    prefix: bool,
) -> Piece<'p> {
    let one_line = span.line == span.end_line;
    // Agreements are held without their year and status, so their text is a
    // prefix of the listing rather than all of it.
    let fits = if prefix {
        text.len() <= span.len()
    } else {
        text.len() == span.len()
    };
    Piece {
        text,
        span,
        plan_line,
        action,
        mapped: one_line && fits,
    }
}

/// Every piece of prose in document order of kind: preamble, cross-cutting
/// priorities, each line's ambition and actions, then the agreements.
pub fn pieces(plan: &Plan) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for p in &plan.preamble {
        out.push(piece(&p.text, p.span, None, None, false));
    }
    for p in &plan.cross_cutting {
        out.push(piece(&p.text, p.span, None, None, false));
    }
    for line in &plan.lines {
        for p in &line.ambition {
            out.push(piece(&p.text, p.span, Some(line.number), None, false));
        }
        for a in line.actions() {
            out.push(piece(
                &a.text,
                a.span,
                Some(line.number),
                Some(&a.code),
                false,
            ));
        }
    }
    for a in &plan.agreements {
        for (i, span) in a.spans.iter().enumerate() {
            let line = (a.lines.len() == a.spans.len())
                .then(|| a.lines.get(i).copied())
                .flatten();
            out.push(piece(&a.title, *span, line, None, true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_pieces_map_offsets() {
        let span = Span {
            start: 100,
            end: 112,
            line: 5,
            column: 3,
            end_line: 5,
            end_column: 14,
        };
        let p = piece("Møde i KIAT", span, None, None, false);
        // "ø" is two bytes but one column.
        let s = p.sub_span(8..12);
        assert_eq!((s.start, s.end), (108, 112));
        assert_eq!((s.column, s.end_column), (10, 14));
        let joined = piece("Møde i KIAT!", span, None, None, false);
        assert_eq!(joined.sub_span(8..12), span);
    }
}
