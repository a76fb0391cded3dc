//! Sentences: where a section's text divides into sentences.
//!
//! A sentence ends at `。！？；` (Chinese) or at `. ? ! ;` followed by a space, a line break
//! or the end (English), together with any closing quotes and brackets right after the mark
//! (`……。”` ends after the `”`). A full stop does not end a sentence after a known
//! abbreviation (`Mr.`, `U.S.`, `e.g.`, `No. 3`), after a single capital letter (an initial),
//! or inside a number (`3.5`, where no space follows anyway). The spans tile the text given:
//! the space after a sentence belongs to it, so nothing falls between two sentences.
//!
//! `"The meeting was held. It was emphasized that reform must deepen."` →
//! `["The meeting was held. ", "It was emphasized that reform must deepen."]`

use crate::util::span::Span;

/// Words that end in a full stop without ending a sentence (lower case, without the stop).
const ABBREVIATIONS: [&str; 34] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "p.r",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "jr", "sr",
    "art",
];

fn closes_zh(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?')
}

fn closes_en(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | ';')
}

/// Quotes and brackets that belong to the sentence they close.
fn trails(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '】' | '》' | '〕' | ']')
}

/// True when the full stop at byte `at` of `text` ends the word before it as an abbreviation
/// or an initial rather than a sentence.
fn is_abbreviation(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // A single capital letter: an initial ("J. Smith"), not a sentence of one letter.
        return first.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// The sentences of `span` of `text`, in order; they tile `span` exactly. A span without
/// any closing mark is one sentence; an empty span has none.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let piece = span.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = piece.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let ends = if closes_zh(c) {
            true
        } else if closes_en(c) {
            let next = chars.peek().map(|&(_, n)| n);
            let followed_by_break = next.is_none_or(|n| n.is_whitespace() || trails(n));
            followed_by_break && !(c == '.' && is_abbreviation(piece, k))
        } else {
            false
        };
        if !ends {
            continue;
        }
        let mut end = k + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if trails(n) || closes_zh(n) || closes_en(n) {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        while let Some(&(j, n)) = chars.peek() {
            if n.is_whitespace() {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        out.push(Span::new(span.start + start, span.start + end));
        start = end;
    }
    if start < piece.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn chinese_sentences_end_at_full_stops_question_marks_and_semicolons() {
        assert_eq!(
            split("全会认为，形势很好。全会强调，必须坚持；要继续努力！"),
            ["全会认为，形势很好。", "全会强调，必须坚持；", "要继续努力！"]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence_they_close() {
        assert_eq!(split("全会指出：“要坚持。”会议要求落实。"), ["全会指出：“要坚持。”", "会议要求落实。"]);
        assert_eq!(split("He said \"go.\" Then he left."), ["He said \"go.\" ", "Then he left."]);
    }

    #[test]
    fn english_sentences_keep_their_trailing_space() {
        assert_eq!(
            split("The meeting was held. It was emphasized that reform must deepen."),
            ["The meeting was held. ", "It was emphasized that reform must deepen."]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Li met Dr. Wang in the U.S. today. Growth was 5.2 percent."),
            ["Mr. Li met Dr. Wang in the U.S. today. ", "Growth was 5.2 percent."]
        );
        assert_eq!(split("J. Smith spoke. See No. 3 below."), ["J. Smith spoke. ", "See No. 3 below."]);
    }

    #[test]
    fn text_without_marks_is_one_sentence_and_empty_text_none() {
        assert_eq!(split("没有标点的一行"), ["没有标点的一行"]);
        assert!(split("").is_empty());
    }

    #[test]
    fn sentences_tile_any_text() {
        for text in ["a. b! c? d; e", "。。。", "”。”", "x.\u{301}y. ", "…!?", " . "] {
            assert_eq!(split(text).concat(), text, "{text:?}");
        }
    }
}
