//! A compact binary form of a [`Comparison`], for handing it from the web app's worker to
//! the page.
//!
//! The worker compares large documents off the main thread; the page then has to rebuild
//! the result, and that rebuilding runs on the main thread. JSON through serde worked but
//! added 17 KB (gzipped) of deserializer code to the wasm and parsed slowly. This form is
//! what the types already are, written in order: unsigned numbers as LEB128 varints, `f32`
//! as its four bytes, strings as a length and UTF-8, options as a 0/1 tag, lists as a
//! length and items, field-less enums as their position. There is no schema and no
//! versioning: the worker and the page run the same wasm.
//!
//! Reading never trusts the bytes: a truncated or damaged input is an error, not a panic,
//! and no list is allocated larger than the bytes left could hold.

use crate::compare::{ChangeCounts, Comparison, Likeness, Nearest, Relation, Row, Stats};
use crate::diff::significance::Significance;
use crate::diff::{Op, OpKind};
use crate::findings::formulation_changes::{FormulationChange, FormulationStatus};
use crate::findings::formulations::FormulationKind;
use crate::findings::phrase_table::{History, Record};
use crate::findings::priorities::{ListMatch, Priority, PriorityComparison, PriorityList, PriorityMatch};
use crate::findings::sentence_classes::{SentenceClass, SentenceMark};
use crate::text::segment::{Marker, MarkerStyle, Outline, Section, SectionKind};
use crate::util::span::Span;

/// Why bytes could not be read back as a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError(&'static str);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for WireError {}

/// The first bytes of every encoding: "tifa wire", layout 1.
pub const MARK: [u8; 4] = *b"TFW\x04";

/// The comparison in binary form.
pub fn encode(c: &Comparison) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + c.rows.len() * 48);
    out.extend_from_slice(&MARK);
    c.put(&mut out);
    out
}

/// The comparison that [`encode`] wrote; an error for anything else.
pub fn decode(bytes: &[u8]) -> Result<Comparison, WireError> {
    let Some(body) = bytes.strip_prefix(&MARK) else {
        return Err(WireError("not a comparison of this version of tifa"));
    };
    let mut input = Input { bytes: body, at: 0 };
    let c = Comparison::take(&mut input)?;
    if input.at != body.len() {
        return Err(WireError("bytes left over after the comparison"));
    }
    Ok(c)
}

/// Bytes being read.
struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Input<'_> {
    fn byte(&mut self) -> Result<u8, WireError> {
        let b = *self.bytes.get(self.at).ok_or(WireError("the comparison is cut short"))?;
        self.at += 1;
        Ok(b)
    }

    fn slice(&mut self, n: usize) -> Result<&[u8], WireError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(WireError("the comparison is cut short"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }
}

/// A value with a binary form.
trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(input: &mut Input<'_>) -> Result<Self, WireError>;
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        let mut v = *self;
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = input.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(WireError("a number is too long"))
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        usize::try_from(u64::take(input)?).map_err(|_| WireError("a number is too large"))
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        u64::from(*self).put(out);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        u32::try_from(u64::take(input)?).map_err(|_| WireError("a number is too large"))
    }
}

impl Wire for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        // Zigzag: small negative numbers stay short.
        (((*self << 1) ^ (*self >> 63)) as u64).put(out);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        let v = u64::take(input)?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
}

impl Wire for f32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        let b = input.slice(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        match input.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError("a flag is neither 0 nor 1")),
        }
    }
}

fn put_text(text: &str, out: &mut Vec<u8>) {
    text.len().put(out);
    out.extend_from_slice(text.as_bytes());
}

fn take_text<'a>(input: &'a mut Input<'_>) -> Result<&'a str, WireError> {
    let n = usize::take(input)?;
    std::str::from_utf8(input.slice(n)?).map_err(|_| WireError("a text is not UTF-8"))
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_text(self, out);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        take_text(input).map(str::to_owned)
    }
}

/// Lexicon texts (glosses, categories): read back once per distinct text
/// ([`crate::findings::lexicon::intern`]).
impl Wire for &'static str {
    fn put(&self, out: &mut Vec<u8>) {
        put_text(self, out);
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        take_text(input).map(crate::findings::lexicon::intern)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        match input.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(input)?)),
            _ => Err(WireError("an option tag is neither 0 nor 1")),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }

    fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
        let n = usize::take(input)?;
        // Every item takes at least one byte: a longer count is damage, not a reason to
        // allocate.
        if n > input.left() {
            return Err(WireError("a list is longer than the bytes left"));
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::take(input)?);
        }
        Ok(items)
    }
}

/// A struct: its fields in the order given.
macro_rules! wire_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }

            fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
                Ok($name { $($field: Wire::take(input)?,)* })
            }
        }
    };
}

/// A field-less enum: the position of its variant in the list given. The list must name
/// every variant (an exhaustive match checks it when compiling).
macro_rules! wire_enum {
    ($name:ident { $($variant:ident),* $(,)? }) => {
        const _: fn($name) = |v| match v {
            $($name::$variant => {})*
        };

        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$name] = &[$($name::$variant),*];
                let position = ALL.iter().position(|v| v == self).unwrap_or(0);
                out.push(position as u8);
            }

            fn take(input: &mut Input<'_>) -> Result<Self, WireError> {
                const ALL: &[$name] = &[$($name::$variant),*];
                ALL.get(usize::from(input.byte()?)).copied().ok_or(WireError(concat!("no such ", stringify!($name))))
            }
        }
    };
}

wire_enum!(Relation { Same, Reworded, Split, Merged, Added, Dropped });
wire_enum!(OpKind { Equal, Delete, Insert });
wire_enum!(Significance { Routine, Modifier, Substantive });
wire_enum!(SectionKind { Title, Heading, Paragraph, Lead, Item });
wire_enum!(MarkerStyle { EnglishOrdinal, ZhShi, ZhDi, ZhParen, ZhDun, Arabic });
wire_enum!(FormulationStatus { Added, Dropped, Reworded, CountChanged, Kept });
wire_enum!(FormulationKind { Lexicon, Numbered, Quoted, Title, Learned, Series, Recurring });
wire_enum!(SentenceClass { Kept, Reworded, Added, Dropped, Moved });

wire_struct!(Span { start, end });
wire_struct!(Op { kind, a, b, class });
wire_struct!(Row { a, b, relation, moved, similarity, ops, significance, coarse, sentences_a, sentences_b });
wire_struct!(SentenceMark { span, class, partner });
wire_struct!(Marker { style, number, span });
wire_struct!(Section { id, kind, span, body, parent, paragraph, marker, leaf });
wire_struct!(Outline { sections, leaves });
wire_struct!(ChangeCounts { routine, modifier, substantive });
wire_struct!(Stats {
    same,
    reworded,
    moved,
    split,
    merged,
    added,
    dropped,
    similarity,
    changes,
    formulations_added,
    formulations_dropped,
    formulations_reworded,
    formulations_count_changed,
    priorities_moved,
    coarse_rows,
});
wire_struct!(FormulationChange {
    key,
    text,
    reworded_from,
    kind,
    category,
    gloss,
    canonical,
    status,
    occurrences_a,
    occurrences_b,
    history
});
wire_enum!(Record { WorkReports, CongressReports, Reports, Speeches });
wire_struct!(History { first_year, last_year, documents, of_documents, record, form });
wire_struct!(Priority { rank, label, section, leaves });
wire_struct!(PriorityList { style, items });
wire_struct!(PriorityMatch { rank_a, rank_b, label_a, label_b, section_a, section_b, rank_change });
wire_struct!(ListMatch { list_a, list_b, items });
wire_struct!(PriorityComparison { lists_a, lists_b, matches });
wire_struct!(Likeness { section, similarity });
wire_struct!(Nearest { leaf, others });
wire_struct!(Comparison { outline_a, outline_b, rows, stats, formulations, priorities, nearest_a, nearest_b });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Granularity};

    const A: &str = "全会强调，坚持稳健的货币政策。\n\nFirst, keep \u{201c}two maintains\u{201d}.\nSecond, grow.\n";
    const B: &str = "全会强调，实施适度宽松的货币政策。\n\nFirst, grow.\nSecond, keep \u{201c}two maintains\u{201d}.\n";

    #[test]
    fn a_comparison_reads_back_as_it_was_written() {
        let c = compare(A, B, Granularity::default());
        assert_eq!(decode(&encode(&c)).unwrap(), c);
    }

    #[test]
    fn a_cut_short_comparison_is_an_error() {
        let bytes = encode(&compare(A, B, Granularity::default()));
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "a prefix of {n} bytes was accepted");
        }
    }

    #[test]
    fn damaged_bytes_are_an_error_or_a_comparison_never_a_panic() {
        let bytes = encode(&compare(A, B, Granularity::default()));
        for at in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= flip;
                let _ = decode(&damaged);
            }
        }
        assert!(decode(&[0xff; 16]).is_err());
    }

    #[test]
    fn bytes_of_another_layout_are_refused() {
        let mut bytes = encode(&compare(A, B, Granularity::default()));
        bytes[3] = 0x01;
        assert_eq!(decode(&bytes).unwrap_err().to_string(), "not a comparison of this version of tifa");
    }

    #[test]
    fn numbers_of_every_size_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(u64::take(&mut Input { bytes: &out, at: 0 }).unwrap(), v);
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(i64::take(&mut Input { bytes: &out, at: 0 }).unwrap(), v);
        }
    }
}
