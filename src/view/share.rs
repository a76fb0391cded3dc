//! Share links: the whole state of a comparison in a URL fragment, with no server.
//!
//! Format (version 1): `#v1.<payload>`, where `payload` is base64url (no padding) of the
//! zlib-compressed JSON of a [`ShareState`]. zlib carries an Adler-32 checksum, so a link cut
//! off by a chat app or altered by hand fails to decode instead of showing something else.
//! Bundled documents travel as their corpus id plus the first 8 hex digits of their
//! content hash; pasted and uploaded documents travel embedded. Options hold only the
//! fields that differ from the defaults. The version prefix lets later formats coexist:
//! decoders keep accepting `v1` links.
//!
//! These types are a boundary: they are not the engine's types, so the engine can change
//! without breaking links already shared.

use crate::view::options::Options;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The prefix of version-1 links.
pub const PREFIX_V1: &str = "v1.";

/// Most bytes a link may decompress to (a cap against decompression bombs): two documents
/// at the 5 MB size limit plus room for the rest.
pub const MAX_DECODED_BYTES: usize = 12 * 1024 * 1024;

/// Most characters of a fragment accepted for decoding.
///
/// Links past 2,000 characters do not survive most chat apps; the UI offers a comparison
/// file instead, which holds the same [`ShareState`] as plain JSON.
pub const MAX_LINK_CHARS: usize = 16 * 1024 * 1024;

/// One document in a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "DocWire", try_from = "DocWire")]
pub enum DocRef {
    /// A bundled document: corpus id and short content hash.
    Corpus {
        /// Corpus id.
        id: String,
        /// First 8 hex digits of [`crate::input::corpus::content_hash`].
        hash: String,
    },
    /// A document carried in the link.
    Embedded {
        /// Title shown above it.
        title: String,
        /// Its text.
        text: String,
        /// Opened from a file (not pasted) by the link's sender: `"f": true`, absent when
        /// pasted (and in links made before it was recorded).
        from_file: bool,
    },
}

/// A document as written in a link: `{"c","h"}` for bundled, `{"t","x"}` for embedded.
/// (A flat struct decodes with far less code than an untagged enum.)
#[derive(Clone, Default, Serialize, Deserialize)]
struct DocWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    c: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    h: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    x: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    f: bool,
}

impl From<DocRef> for DocWire {
    fn from(d: DocRef) -> Self {
        match d {
            DocRef::Corpus { id, hash } => DocWire { c: Some(id), h: Some(hash), ..DocWire::default() },
            DocRef::Embedded { title, text, from_file } => {
                DocWire { t: Some(title), x: Some(text), f: from_file, ..DocWire::default() }
            }
        }
    }
}

impl TryFrom<DocWire> for DocRef {
    type Error = String;

    fn try_from(w: DocWire) -> Result<Self, String> {
        match w {
            DocWire { c: Some(id), h: Some(hash), .. } => Ok(DocRef::Corpus { id, hash }),
            DocWire { x: Some(text), t, f, .. } => {
                Ok(DocRef::Embedded { title: t.unwrap_or_default(), text, from_file: f })
            }
            _ => Err("a document is neither bundled (c, h) nor embedded (x)".into()),
        }
    }
}

/// Which view the link opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Side by side.
    #[default]
    SideBySide,
    /// One column, deletions struck and insertions underlined.
    Inline,
}

/// What the link focuses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusRef {
    /// A formulation, by key, at its `step`-th place.
    #[serde(rename = "slogan")]
    Formulation {
        /// Formulation key.
        key: String,
        /// Which of its places.
        step: usize,
    },
    /// The row showing this byte of B (or of A when the row has no B side).
    Section {
        /// Which document `at` is in (`"a"` or `"b"` in the link).
        side: crate::model::side::Side,
        /// Byte offset in that document.
        at: usize,
    },
}

/// Everything a link reproduces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareState {
    /// Document A.
    pub a: DocRef,
    /// Document B.
    pub b: DocRef,
    /// Options (only those that differ from the defaults are written).
    #[serde(default, rename = "o", with = "compact_options", skip_serializing_if = "is_default_options")]
    pub options: Options,
    /// The view.
    #[serde(default, rename = "v", skip_serializing_if = "is_default_view")]
    pub view: View,
    /// The focused finding.
    #[serde(default, rename = "f", skip_serializing_if = "Option::is_none")]
    pub focus: Option<FocusRef>,
    /// The series of the timeline, when there is one (absent from pairwise links).
    #[serde(default, rename = "t", skip_serializing_if = "Option::is_none")]
    pub timeline: Option<TimelineRef>,
    /// How the formulations table is set up (absent when it shows the defaults).
    #[serde(default, rename = "ft", skip_serializing_if = "TableRef::is_default")]
    pub table: TableRef,
}

/// The formulations table in a link: its filter and order by their picker codes, and its
/// search; each left out when it is the default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRef {
    /// The filter's code (see [`crate::view::formulation_table::Filter::code`]).
    #[serde(default, rename = "f", skip_serializing_if = "String::is_empty")]
    pub filter: String,
    /// The order's code (see [`crate::view::formulation_table::SortBy::code`]).
    #[serde(default, rename = "s", skip_serializing_if = "String::is_empty")]
    pub sort: String,
    /// The search.
    #[serde(default, rename = "q", skip_serializing_if = "String::is_empty")]
    pub query: String,
}

impl TableRef {
    fn is_default(&self) -> bool {
        *self == TableRef::default()
    }
}

/// A timeline in a link: its documents in series order and how it was being viewed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRef {
    /// The documents, in series order.
    #[serde(rename = "d")]
    pub docs: Vec<DocRef>,
    /// True when the link opens the timeline (false: it opens the pair, with the series
    /// kept for the way back).
    #[serde(default, rename = "on", skip_serializing_if = "is_false")]
    pub open: bool,
    /// The tab: `formulations` (default), `priorities` or `sections`.
    #[serde(default, rename = "tab", skip_serializing_if = "String::is_empty")]
    pub tab: String,
    /// The heat map's order (see [`crate::timeline::formulation_tracks::FormulationOrder::code`]).
    #[serde(default, rename = "s", skip_serializing_if = "String::is_empty")]
    pub order: String,
    /// The heat map's text filter.
    #[serde(default, rename = "q", skip_serializing_if = "String::is_empty")]
    pub filter: String,
    /// True when the heat map lists every kind of formulation (quoted phrases too).
    #[serde(default, rename = "k", skip_serializing_if = "is_false")]
    pub all_kinds: bool,
    /// The priority chain shown in the bump chart.
    #[serde(default, rename = "c", skip_serializing_if = "is_zero")]
    pub chain: usize,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_default_options(o: &Options) -> bool {
    *o == Options::default()
}

fn is_default_view(v: &View) -> bool {
    *v == View::default()
}

/// Options in links: one-letter keys, defaults left out, unknown keys ignored.
mod compact_options {
    use crate::view::options::{Granularity, Options};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Default, Serialize, Deserialize)]
    struct Compact {
        #[serde(rename = "g", skip_serializing_if = "Option::is_none")]
        characters: Option<bool>,
        #[serde(rename = "r", skip_serializing_if = "Option::is_none")]
        routine: Option<bool>,
        #[serde(rename = "m", skip_serializing_if = "Option::is_none")]
        modifier: Option<bool>,
        #[serde(rename = "s", skip_serializing_if = "Option::is_none")]
        substantive: Option<bool>,
        #[serde(rename = "p", skip_serializing_if = "Option::is_none")]
        ignore_punctuation: Option<bool>,
        #[serde(rename = "w", skip_serializing_if = "Option::is_none")]
        ignore_whitespace: Option<bool>,
        #[serde(rename = "u", skip_serializing_if = "Option::is_none")]
        changes_only: Option<bool>,
        #[serde(rename = "f", skip_serializing_if = "Option::is_none")]
        only: Option<String>,
    }

    pub fn serialize<S: Serializer>(o: &Options, s: S) -> Result<S::Ok, S::Error> {
        let d = Options::default();
        let differs = |x: bool, y: bool| (x != y).then_some(x);
        Compact {
            characters: differs(o.granularity == Granularity::Character, d.granularity == Granularity::Character),
            routine: differs(o.show_routine, d.show_routine),
            modifier: differs(o.show_modifier, d.show_modifier),
            substantive: differs(o.show_substantive, d.show_substantive),
            ignore_punctuation: differs(o.ignore_punctuation, d.ignore_punctuation),
            ignore_whitespace: differs(o.ignore_whitespace, d.ignore_whitespace),
            changes_only: differs(o.changes_only, d.changes_only),
            only: (o.only != d.only).then(|| o.only.code().to_string()),
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Options, D::Error> {
        let c = Compact::deserialize(d)?;
        let o = Options::default();
        Ok(Options {
            granularity: if c.characters.unwrap_or(false) { Granularity::Character } else { Granularity::Word },
            show_routine: c.routine.unwrap_or(o.show_routine),
            show_modifier: c.modifier.unwrap_or(o.show_modifier),
            show_substantive: c.substantive.unwrap_or(o.show_substantive),
            ignore_punctuation: c.ignore_punctuation.unwrap_or(o.ignore_punctuation),
            ignore_whitespace: c.ignore_whitespace.unwrap_or(o.ignore_whitespace),
            changes_only: c.changes_only.unwrap_or(o.changes_only),
            only: c.only.as_deref().map_or(o.only, crate::view::options::RowFilter::from_code),
        })
    }
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty.
    Empty,
    /// The link names a format this version does not know (e.g. from a newer tifa).
    UnknownVersion(String),
    /// Characters outside base64url: the link was altered or mangled.
    BadEncoding,
    /// The compressed data is cut off or corrupt (checksum or stream error).
    Damaged,
    /// The link is longer, or unpacks to more, than tifa accepts.
    TooLarge,
    /// The data unpacks but is not a comparison (wrong fields).
    Invalid(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => write!(f, "The link holds no comparison."),
            ShareError::UnknownVersion(v) => {
                write!(f, "The link uses format “{v}”, which this version of tifa does not know. It may come from a newer tifa.")
            }
            ShareError::BadEncoding => write!(f, "The link contains characters a tifa link never has: it was altered or mangled in transit."),
            ShareError::Damaged => write!(f, "The link is incomplete or damaged (its checksum does not match): it was probably cut off when copied. Ask for the full link."),
            ShareError::TooLarge => write!(f, "The link is larger than tifa accepts ({} MB once unpacked).", MAX_DECODED_BYTES / (1024 * 1024)),
            ShareError::Invalid(why) => write!(f, "The link does not describe a comparison ({why})."),
        }
    }
}

impl std::error::Error for ShareError {}

/// Link states larger than this (JSON bytes) are compressed at a faster level.
pub const FAST_COMPRESSION_ABOVE: usize = 256 * 1024;

/// Largest state (JSON bytes) put in a link. Past it the documents are too long to travel
/// in an address (a link of several hundred kilobytes breaks in chat apps, mail and some
/// browsers, and packing it holds up the page); the comparison is saved as a file instead.
pub const MAX_LINKED_STATE_BYTES: usize = 1024 * 1024;

/// Encodes a state as a fragment (without the `#`).
pub fn encode(state: &ShareState) -> String {
    encode_json(&serde_json::to_vec(state).unwrap_or_default())
}

/// Encodes a state already serialized as JSON (see [`encode`]).
pub fn encode_json(json: &[u8]) -> String {
    // The best compression for links of ordinary size; a faster level for pasted documents
    // of hundreds of kilobytes, where level 9 takes several times longer (hundreds of
    // milliseconds in the browser) for a link about 4% shorter.
    let level = if json.len() > FAST_COMPRESSION_ABOVE { 3 } else { 9 };
    fragment_of_packed(&miniz_oxide::deflate::compress_to_vec_zlib(json, level))
}

/// The fragment for a state's JSON already packed as a zlib stream (the page packs with
/// the browser's compressor: `ui::link_packing`).
pub fn fragment_of_packed(packed: &[u8]) -> String {
    format!("{PREFIX_V1}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Decodes a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<ShareState, ShareError> {
    let json = unpack(fragment)?;
    check(serde_json::from_slice(&json).map_err(|e| ShareError::Invalid(e.to_string()))?)
}

/// A fragment's JSON bytes, unpacked but not parsed: the page parses them with the
/// browser's own JSON (no JSON library in its wasm), then [`check`]s the state.
pub fn unpack(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge);
    }
    let Some(payload) = fragment.strip_prefix(PREFIX_V1) else {
        let version: String = fragment.split('.').next().unwrap_or("").chars().take(12).collect();
        return Err(ShareError::UnknownVersion(version));
    };
    let packed = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).map_err(|e| match e {
        // A wrong length or last character: the link was cut off.
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => ShareError::Damaged,
        _ => ShareError::BadEncoding,
    })?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_DECODED_BYTES).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::Damaged
        }
    })
}

/// A parsed state, checked: a timeline no longer than tifa draws, well-formed references
/// to bundled documents.
pub fn check(state: ShareState) -> Result<ShareState, ShareError> {
    let series = state.timeline.as_ref().map_or(&[][..], |t| &t.docs[..]);
    if series.len() > crate::timeline::MAX_SERIES {
        return Err(ShareError::Invalid(format!(
            "a timeline of {} documents; tifa draws at most {}",
            series.len(),
            crate::timeline::MAX_SERIES
        )));
    }
    for doc in [&state.a, &state.b].into_iter().chain(series) {
        if let DocRef::Corpus { id, hash } = doc {
            if id.is_empty() || id.len() > 100 || hash.len() > 16 {
                return Err(ShareError::Invalid("a bundled document reference is malformed".into()));
            }
        }
    }
    Ok(state)
}

/// The short hash a link stores for a bundled document's text.
pub fn short_hash(text: &str) -> String {
    crate::input::corpus::content_hash(text)[..8].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_pair() -> ShareState {
        ShareState {
            timeline: None,
            a: DocRef::Corpus { id: "cc19-4-zh".into(), hash: "1a2b3c4d".into() },
            b: DocRef::Corpus { id: "cc19-5-zh".into(), hash: "5e6f7a8b".into() },
            options: Options { show_routine: false, ..Options::default() },
            view: View::SideBySide,
            focus: Some(FocusRef::Formulation { key: "lex:12".into(), step: 1 }),
            table: TableRef::default(),
        }
    }

    #[test]
    fn round_trip() {
        let s = corpus_pair();
        assert_eq!(decode(&encode(&s)), Ok(s));
    }

    #[test]
    fn corpus_links_are_short() {
        assert!(encode(&corpus_pair()).len() < 150, "{}", encode(&corpus_pair()).len());
    }

    #[test]
    fn an_embedded_document_says_whether_it_came_from_a_file() {
        let doc = |from_file| DocRef::Embedded { title: "公报".into(), text: "全会认为".into(), from_file };
        let json = |d: DocRef| serde_json::to_string(&d).unwrap();
        assert_eq!(json(doc(true)), r#"{"t":"公报","x":"全会认为","f":true}"#);
        assert_eq!(json(doc(false)), r#"{"t":"公报","x":"全会认为"}"#);
        // Links made before the origin was recorded read as pasted.
        assert_eq!(serde_json::from_str::<DocRef>(r#"{"t":"公报","x":"全会认为"}"#).unwrap(), doc(false));
        assert_eq!(serde_json::from_str::<DocRef>(r#"{"t":"公报","x":"全会认为","f":true}"#).unwrap(), doc(true));
    }

    #[test]
    fn frozen_link_still_decodes() {
        // Encoded once by this version; must keep decoding to the same state forever.
        let frozen = "v1.eNpVyzsOgCAQhOG7TK0Fvt3bLLhoIlEjFj7C3YXK2M2ffPOAQQ8MCMaoPq_ye0KGKbbiQpemGhAy6B-qP1RLY1vudEJrQjvIsvMS26b2bh15SWuWKx6cnKSK-PaHbCAVQngBN-UlXQ";
        assert_eq!(decode(frozen), Ok(corpus_pair()));
    }

    #[test]
    fn truncated_link_is_damaged() {
        let link = encode(&corpus_pair());
        assert_eq!(decode(&link[..link.len() - 5]), Err(ShareError::Damaged));
    }

    #[test]
    fn altered_characters_are_reported() {
        assert_eq!(decode("v1.abc$def"), Err(ShareError::BadEncoding));
    }

    #[test]
    fn unknown_version_is_named() {
        assert_eq!(decode("#v9.xyz"), Err(ShareError::UnknownVersion("v9".into())));
    }

    #[test]
    fn decompression_bomb_is_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; MAX_DECODED_BYTES + 10], 9);
        let link = format!("v1.{}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(link.len() < 100_000);
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
    }

    #[test]
    fn valid_compression_of_wrong_json_is_invalid() {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(br#"{"hello":1}"#, 9);
        let link = format!("v1.{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(matches!(decode(&link), Err(ShareError::Invalid(_))));
    }

    #[test]
    fn empty_fragment() {
        assert_eq!(decode("#"), Err(ShareError::Empty));
    }
}
