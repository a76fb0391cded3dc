//! Unicode word boundaries (UAX #29), with the common case answered without the tables.
//!
//! English text is mostly ASCII words between spaces, and `unicode-segmentation` looks up
//! every character's word-break property in its tables: that lookup was a tenth of a whole
//! comparison of two English speeches. So the text is cut into chunks at spaces, where a
//! boundary always falls, and a chunk of ASCII is divided by the rules of UAX #29 as they
//! apply to ASCII (a dozen lines); any other chunk goes to `unicode-segmentation`. The
//! result is the crate's own, boundary for boundary: a property test compares them.
//!
//! Why a space edge is always a boundary: before a space, only another space joins
//! (WB3d, which counts U+3000 and the other WSegSpace characters as spaces too, so no cut
//! falls after one); after a run of spaces, an ASCII character never joins (it is neither
//! a space nor an extending or format character, WB4). The rules that look past their neighbour
//! (WB6, WB7, WB11, WB12) stop at a space too, so a chunk divides the same alone as in
//! its text.

use unicode_segmentation::UnicodeSegmentation;

/// The word-break property of an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    Cr,
    Lf,
    /// Vertical tab and form feed.
    Newline,
    Space,
    Letter,
    Numeric,
    /// `_`.
    ExtendNumLet,
    /// `:`.
    MidLetter,
    /// `.` and `'` (MidNumLet and Single_Quote, which the rules treat alike).
    MidNumLetQ,
    /// `,` and `;`.
    MidNum,
    Other,
}

fn break_of(b: u8) -> Break {
    match b {
        b'\r' => Break::Cr,
        b'\n' => Break::Lf,
        0x0B | 0x0C => Break::Newline,
        b' ' => Break::Space,
        b'A'..=b'Z' | b'a'..=b'z' => Break::Letter,
        b'0'..=b'9' => Break::Numeric,
        b'_' => Break::ExtendNumLet,
        b':' => Break::MidLetter,
        b'.' | b'\'' => Break::MidNumLetQ,
        b',' | b';' => Break::MidNum,
        _ => Break::Other,
    }
}

/// Whether no boundary falls between `prev` and `cur`, given the property before `prev`
/// and the one after `cur` (None at the ends).
fn joined(before: Option<Break>, prev: Break, cur: Break, after: Option<Break>) -> bool {
    use Break::*;
    match (prev, cur) {
        (Cr, Lf) => true,                                                   // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,           // WB3a, WB3b
        (Space, Space) => true,                                             // WB3d
        (Letter | Numeric, Letter | Numeric) => true,                       // WB5, WB8–10
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,            // WB13a
        (ExtendNumLet, Letter | Numeric) => true,                           // WB13b
        (Letter, MidLetter | MidNumLetQ) if after == Some(Letter) => true,  // WB6
        (MidLetter | MidNumLetQ, Letter) if before == Some(Letter) => true, // WB7
        (Numeric, MidNum | MidNumLetQ) if after == Some(Numeric) => true,   // WB12
        (MidNum | MidNumLetQ, Numeric) if before == Some(Numeric) => true,  // WB11
        _ => false,
    }
}

/// Calls `each(offset, piece)` for the pieces of ASCII `s` between word boundaries.
fn ascii_bounds<'s>(s: &'s str, base: usize, each: &mut impl FnMut(usize, &'s str)) {
    let b = s.as_bytes();
    let Some(&first) = b.first() else { return };
    // A window over the properties: two before the boundary, two after it.
    let (mut before, mut prev, mut cur) = (None, break_of(first), b.get(1).map(|&x| break_of(x)));
    let mut start = 0;
    for k in 1..b.len() {
        let (Some(now), after) = (cur, b.get(k + 1).map(|&x| break_of(x))) else { break };
        // Letters and digits run on without the full rules: the usual case.
        let run_on = matches!((prev, now), (Break::Letter | Break::Numeric, Break::Letter | Break::Numeric));
        if !run_on && !joined(before, prev, now, after) {
            each(base + start, &s[start..k]);
            start = k;
        }
        (before, prev, cur) = (Some(prev), now, after);
    }
    each(base + start, &s[start..]);
}

/// Whether `c` has the word-break property WSegSpace: spaces that join each other (WB3d).
fn is_wseg_space(c: char) -> bool {
    matches!(c as u32, 0x20 | 0x1680 | 0x2000..=0x2006 | 0x2008..=0x200A | 0x205F | 0x3000)
}

/// Whether `c` is a CJK unified ideograph (the basic block and extension A): word-break
/// property Other, so a boundary falls before it and after it unless a mark that extends
/// it follows (WB4, WB999).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Characters that never extend the one before them (none is Extend, Format or ZWJ): after
/// an ideograph, a boundary falls before them.
fn never_extends(c: char) -> bool {
    c.is_ascii() || is_ideograph(c) || "，。、；：？！“”‘’（）《》〈〉「」『』【】…—·".contains(c)
}

/// Calls `each(offset, piece)` for the pieces of a chunk beyond ASCII: an ideograph that
/// nothing extends is a word of its own, found without the tables (Chinese text is mostly
/// such); what lies between them goes to `unicode-segmentation`. Cutting the chunk at an
/// ideograph changes no boundary of the rest: the rules that look past their neighbour
/// (WB6, WB7, WB11, WB12) need a letter or a digit there, which an ideograph is not.
fn beyond_ascii_bounds<'s>(s: &'s str, base: usize, each: &mut impl FnMut(usize, &'s str)) {
    let mut rest = 0;
    let flush = |from: usize, to: usize, each: &mut dyn FnMut(usize, &'s str)| {
        for (offset, word) in s[from..to].split_word_bound_indices() {
            each(base + from + offset, word);
        }
    };
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_ideograph(c) || !chars.peek().is_none_or(|&(_, next)| never_extends(next)) {
            continue;
        }
        if rest < at {
            flush(rest, at, each);
        }
        rest = at + c.len_utf8();
        each(base + at, &s[at..rest]);
    }
    if rest < s.len() {
        flush(rest, s.len(), each);
    }
}

/// Calls `each(offset, piece)` for the pieces of `s` between Unicode word boundaries, in
/// order: the same pieces as `s.split_word_bound_indices()`.
pub fn for_each_word_bound<'s>(s: &'s str, mut each: impl FnMut(usize, &'s str)) {
    let b = s.as_bytes();
    let mut chunk = |start: usize, end: usize| {
        let piece = &s[start..end];
        if piece.is_ascii() {
            ascii_bounds(piece, start, &mut each);
        } else {
            beyond_ascii_bounds(piece, start, &mut each);
        }
    };
    let mut start = 0;
    for k in 1..b.len() {
        // A space joins a space before it, and the other spaces of WSegSpace (U+3000 …).
        let before_space = b[k] == b' ' && b[k - 1] != b' ' && !s[..k].chars().next_back().is_some_and(is_wseg_space);
        let after_spaces = b[k - 1] == b' ' && b[k] != b' ' && b[k].is_ascii();
        if before_space || after_spaces {
            chunk(start, k);
            start = k;
        }
    }
    if start < b.len() {
        chunk(start, b.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word_bound(s, |at, piece| {
            assert_eq!(&s[at..at + piece.len()], piece);
            out.push(piece);
        });
        out
    }

    fn reference(s: &str) -> Vec<&str> {
        s.split_word_bound_indices().map(|(_, w)| w).collect()
    }

    #[test]
    fn english_words_numbers_and_contractions() {
        let s = "Don't stop: 3.14, 2,019 e.g. a_b  G20\r\nend.";
        assert_eq!(pieces(s), reference(s));
        assert_eq!(
            pieces("it's 3.5"),
            ["it's", " ", "3.5"],
            "an apostrophe between letters and a point between digits join"
        );
    }

    #[test]
    fn chunks_beyond_ascii_agree_with_the_tables() {
        for s in [
            "“We” said café’s 中国 \u{301}x",
            "a \u{301}b",
            "  \u{200d}x",
            "🇨🇳🇨🇳 x",
            "naïve. Ünïcode",
            "坚持“两个确立”，G20峰会。中\u{301}国\u{200d}人\u{302a}民ｶﾞ",
            "国务院总理\u{3000} 李克强",
            "中\u{fe0f}国，1，000人·中a",
        ] {
            assert_eq!(pieces(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn empty_text_has_no_pieces() {
        assert!(pieces("").is_empty());
    }
}
