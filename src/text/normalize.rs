//! Folding of characters that compare equal but print differently.
//!
//! Chinese documents mix full-width and half-width forms (`（` / `(`, `１` / `1`), and English
//! translations mix curly and straight quotes. For comparison only, these fold to one form;
//! the view always shows the original text. This is the width part of NFKC plus quote folding,
//! kept small on purpose: full NFKC would also rewrite compatibility ideographs, which change
//! meaning in this domain.

use std::borrow::Cow;

/// The comparison form of one character.
///
/// `'（'` → `'('`, `'Ａ'` → `'A'`, `'“'` → `'"'`, `'’'` → `'\''`, `'\u{3000}'` → `' '`;
/// every other character is returned as it is.
pub fn fold_char(c: char) -> char {
    match c {
        // Full-width ASCII forms.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        _ => c,
    }
}

/// The comparison form of a string; borrows when nothing needs folding.
///
/// `"“Two Leading Areas”"` → `"\"Two Leading Areas\""`.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| fold_char(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fold_char).collect())
    }
}

/// Passes `c` lower-cased to `push`: ASCII and Han (which has no case) without the Unicode
/// tables, which the other letters go through.
pub fn push_lowercase(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() || is_han(c) {
        push(c.to_ascii_lowercase());
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// `s` with its no-break spaces (U+00A0) made ordinary spaces, for display: translations
/// published online put one between nearly every two words, and a browser then breaks lines
/// only at the few ordinary spaces left, so paragraphs come out ragged. Offsets into the
/// text are never taken from the result.
pub fn breakable_spaces(s: &str) -> Cow<'_, str> {
    if s.contains('\u{a0}') {
        Cow::Owned(s.replace('\u{a0}', " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// True for CJK ideographs (the unified blocks and their extensions, plus compatibility
/// ideographs), which Chinese writes without spaces between words.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// A guess at a text's language from its first few thousand characters: `"zh"` when Han
/// characters outnumber Latin letters, else `"en"`. Used for `lang` attributes (fonts, line
/// breaking) and the corpus index, never for comparison.
pub fn guess_language(text: &str) -> &'static str {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().take(4000) {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han * 2 > latin {
        "zh"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_guess() {
        assert_eq!(guess_language("全会认为，GDP增长6.1%。"), "zh");
        assert_eq!(guess_language("The meeting stressed “两个维护”."), "en");
    }

    #[test]
    fn no_break_spaces_display_as_spaces_that_lines_can_break_at() {
        assert_eq!(breakable_spaces("We\u{a0}have\u{a0}intensified cooperation"), "We have intensified cooperation");
        assert!(matches!(breakable_spaces("全会认为"), Cow::Borrowed(_)));
    }

    #[test]
    fn full_width_forms_fold_to_ascii() {
        assert_eq!(fold("（一）ＡＢ１２，"), "(一)AB12,");
    }

    #[test]
    fn curly_quotes_fold_to_straight() {
        assert_eq!(fold("“four consciousness” ’"), "\"four consciousness\" '");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(fold("全会认为"), Cow::Borrowed(_)));
    }

    #[test]
    fn ideographic_full_stop_is_not_folded() {
        assert_eq!(fold("。、"), "。、");
    }
}
