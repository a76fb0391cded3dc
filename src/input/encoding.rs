//! Which text encoding a file is in. Chinese sites and Windows tools still save `.txt` in
//! GB18030 (and so GBK, GB2312) or Big5, so a reader of Chinese documents must open them:
//! refusing them as "binary" sends the user away, and reading them as the wrong encoding
//! shows a page of nonsense that still compares.
//!
//! The order of the checks: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then a PDF is
//! named as a PDF; UTF-16 without a mark is recognised by its zero bytes; NUL bytes otherwise
//! mean binary; valid UTF-8 is UTF-8. Only then are the legacy encodings tried, and the
//! decoding kept is the one whose text reads most like Chinese: the share of its non-ASCII
//! characters that are among the 300 commonest Han characters of the corpus or Chinese
//! punctuation. Real text scores over 0.5 (traditional characters in Big5 too, since most
//! common characters are the same in both scripts); the same bytes read as the wrong legacy
//! encoding score under 0.05, being kana, Greek, box drawing and rare characters. A file
//! whose best reading scores under [`PLAUSIBLE`] is not text.
//!
//! The engine does not carry the legacy decoding tables: the caller lends a
//! [`LegacyDecoder`] (the page the browser's `TextDecoder`, the CLI `encoding_rs`), so the
//! page's wasm stays small.

/// An encoding tifa reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian (Windows' "Unicode").
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// GB18030, which contains GBK and GB2312: simplified Chinese of the mainland.
    Gb18030,
    /// Big5: traditional Chinese of Taiwan and Hong Kong.
    Big5,
}

impl Encoding {
    /// The name a reader knows it by ("GB18030").
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
        }
    }

    /// The WHATWG Encoding Standard label (what `TextDecoder` takes).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Big5 => "big5",
        }
    }
}

/// Decodes the legacy Chinese encodings for [`decode`]: `None` when the bytes are not valid
/// in that encoding.
pub trait LegacyDecoder {
    /// The text of `bytes` read as `encoding`, or `None` when they are malformed in it.
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> Option<String>;
}

/// A decoder that knows no legacy encoding (tests, and callers that want UTF only).
pub struct UtfOnly;

impl LegacyDecoder for UtfOnly {
    fn decode(&self, _: Encoding, _: &[u8]) -> Option<String> {
        None
    }
}

/// Legacy decoding with `encoding_rs`, for native code (the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub struct EncodingRs;

#[cfg(not(target_arch = "wasm32"))]
impl LegacyDecoder for EncodingRs {
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> Option<String> {
        let table = match encoding {
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Big5 => encoding_rs::BIG5,
            _ => return None,
        };
        let (text, had_errors) = table.decode_without_bom_handling(bytes);
        (!had_errors).then(|| text.into_owned())
    }
}

/// Why bytes are not text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// A PDF (starts with `%PDF-`).
    Pdf,
    /// Anything else: NUL bytes, or no encoding gives plausible text.
    Binary,
}

/// Text decoded from bytes, with the encoding it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What it was read as.
    pub encoding: Encoding,
}

/// The lowest "reads like Chinese" score a legacy decoding must reach.
pub const PLAUSIBLE: f32 = 0.2;

/// The 300 commonest Han characters of the corpus's Chinese documents, commonest first
/// (`src/data/common_han.txt`).
const COMMON_HAN: &str = include_str!("../data/common_han.txt");

/// Decodes `bytes`, trying the legacy encodings through `legacy` when they are not UTF.
pub fn decode(bytes: &[u8], legacy: &dyn LegacyDecoder) -> Result<Decoded, NotText> {
    let utf16 = |body: &[u8], le: bool| -> Result<Decoded, NotText> {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
            .collect();
        let text = String::from_utf16(&units).map_err(|_| NotText::Binary)?;
        if text.contains('\0') {
            return Err(NotText::Binary);
        }
        Ok(Decoded { text, encoding: if le { Encoding::Utf16Le } else { Encoding::Utf16Be } })
    };
    match bytes {
        [0xFF, 0xFE, body @ ..] => return utf16(body, true),
        [0xFE, 0xFF, body @ ..] => return utf16(body, false),
        [0xEF, 0xBB, 0xBF, body @ ..] => {
            return std::str::from_utf8(body)
                .map(|t| Decoded { text: t.to_string(), encoding: Encoding::Utf8 })
                .map_err(|_| NotText::Binary)
        }
        _ => {}
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(NotText::Pdf);
    }
    if let Some(le) = unmarked_utf16(bytes) {
        // Without a mark, only what reads as text: no control characters but line breaks
        // and tabs (binary data with zero bytes in step would otherwise pass).
        let decoded = utf16(bytes, le);
        let text_like =
            |d: &Decoded| !d.text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
        if decoded.as_ref().is_ok_and(text_like) {
            return decoded;
        }
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: Encoding::Utf8 });
    }
    let mut best: Option<(f32, Decoded)> = None;
    for encoding in [Encoding::Gb18030, Encoding::Big5] {
        let Some(text) = legacy.decode(encoding, bytes) else { continue };
        let score = reads_like_chinese(&text);
        if score >= PLAUSIBLE && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, Decoded { text, encoding }));
        }
    }
    best.map(|(_, d)| d).ok_or(NotText::Binary)
}

/// UTF-16 without a byte-order mark: an even length, and at least a quarter of the code
/// units with a zero byte, always on the same side (ASCII and line breaks in UTF-16).
/// `Some(true)` for little-endian.
fn unmarked_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let (mut high_zero, mut low_zero) = (0, 0);
    for c in bytes.chunks_exact(2) {
        low_zero += usize::from(c[0] == 0 && c[1] != 0);
        high_zero += usize::from(c[1] == 0 && c[0] != 0);
    }
    if high_zero * 4 >= units && low_zero == 0 {
        Some(true)
    } else if low_zero * 4 >= units && high_zero == 0 {
        Some(false)
    } else {
        None
    }
}

/// Non-ASCII characters read to judge a decoding: a page of text tells as well as the whole
/// file, and each one is looked up in a list of 300.
const JUDGED_CHARS: usize = 20_000;

/// The share of `text`'s non-ASCII, non-space characters (the first `JUDGED_CHARS`) that
/// are common Han characters or Chinese punctuation; 0 when it has none.
pub fn reads_like_chinese(text: &str) -> f32 {
    let (mut seen, mut good) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_ascii() && !c.is_whitespace()).take(JUDGED_CHARS) {
        seen += 1;
        good += u32::from(COMMON_HAN.contains(c) || "，。、；：？！“”‘’《》（）—…·".contains(c));
    }
    if seen == 0 {
        0.0
    } else {
        good as f32 / seen as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc", &UtfOnly).unwrap().text, "abc");
        let le = decode(&[0xFF, 0xFE, b'a', 0, 0x68, 0x51], &UtfOnly).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), ("a全", Encoding::Utf16Le));
        let be = decode(&[0xFE, 0xFF, 0, b'a', 0x51, 0x68], &UtfOnly).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), ("a全", Encoding::Utf16Be));
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_by_its_zero_bytes() {
        let bytes: Vec<u8> = "Plenum\n全会\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&bytes, &UtfOnly).unwrap().encoding, Encoding::Utf16Le);
        let bytes: Vec<u8> = "Plenum\n全会\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&bytes, &UtfOnly).unwrap().text, "Plenum\n全会\n");
    }

    #[test]
    fn binary_with_zero_bytes_in_step_is_not_utf16() {
        assert_eq!(decode(&[0, 159, 146, 150, 0, 1], &UtfOnly), Err(NotText::Binary));
    }

    #[test]
    fn pdf_and_binary_are_told_apart() {
        assert_eq!(decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", &UtfOnly), Err(NotText::Pdf));
        assert_eq!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13], &UtfOnly), Err(NotText::Binary));
    }

    #[test]
    fn legacy_bytes_without_a_decoder_are_not_text() {
        assert_eq!(decode(&[0xC8, 0xAB, 0xBB, 0xE1], &UtfOnly), Err(NotText::Binary));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn gb18030_and_big5_are_told_apart_by_what_they_read_as() {
        let simplified = "全会认为，中国共产党领导人民进行社会主义建设。";
        let gb = encoding_rs::GB18030.encode(simplified).0;
        let got = decode(&gb, &EncodingRs).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (simplified, Encoding::Gb18030));
        let traditional = "全會認為，中國共產黨領導人民進行社會主義建設，發展經濟。";
        let big5 = encoding_rs::BIG5.encode(traditional).0;
        let got = decode(&big5, &EncodingRs).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (traditional, Encoding::Big5));
    }

    #[test]
    fn chinese_reads_like_chinese_and_mojibake_does_not() {
        assert!(reads_like_chinese("全会认为，中国共产党领导人民。") > 0.8);
        assert!(reads_like_chinese("и材?瓣チ穦材Ω穦某钮糂ぶв闽舅") < 0.1);
        assert_eq!(reads_like_chinese("plain ASCII"), 0.0);
    }
}
