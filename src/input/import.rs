//! Turning a user's file into text: plain text and Markdown as they are, HTML without its
//! markup, Word `.docx` as the text of its paragraphs. Text files may be UTF-8, UTF-16 or a
//! legacy Chinese encoding (GB18030, Big5; see [`crate::input::encoding`]). Binary, oversized and
//! malformed files are refused with a reason, never a panic; a PDF is named as one.
//!
//! The HTML and `.docx` readers are small and hand-written on purpose: they need only the
//! text (no layout), and HTML parsers and zip crates would more than double the wasm, which
//! is budgeted. The `.docx` reader inflates with `miniz_oxide` (already used by share links)
//! and caps the inflated size, so a zip bomb is refused.

use crate::input::encoding::{Encoding, LegacyDecoder, NotText};
use std::fmt;

/// Largest file accepted, in bytes. Five megabytes of text must work; this leaves room.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Largest `word/document.xml` a `.docx` may inflate to.
pub const MAX_DOCX_XML_BYTES: usize = 64 * 1024 * 1024;

/// A file turned into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The file name without its extension.
    pub title: String,
    /// The text.
    pub text: String,
    /// The encoding the text was read as (UTF-8 for `.docx`).
    pub encoding: Encoding,
    /// A `.docx` with tracked changes: its text is the changes accepted (insertions kept,
    /// deletions left out), which the reader should be told.
    pub tracked_changes: bool,
}

/// Why a file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// Not text (NUL bytes, or no encoding tifa reads gives plausible text).
    Binary,
    /// A PDF, whose text tifa does not extract.
    Pdf,
    /// A `.docx` that is not a valid Word file (not a zip, no document part, corrupt).
    BadDocx(&'static str),
    /// A `.docx` whose text inflates past [`MAX_DOCX_XML_BYTES`].
    DocxTooLarge,
    /// A file type tifa does not read.
    Unsupported(String),
    /// No text at all, or only whitespace.
    Empty,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(n) => {
                write!(f, "it is {} MB; tifa opens files up to {} MB", megabytes(*n), MAX_FILE_BYTES / 1_048_576)
            }
            ImportError::Binary => write!(f, "it is not a text file (it contains binary data)"),
            ImportError::Pdf => write!(
                f,
                "it is a PDF, whose text tifa cannot read; open it in a PDF reader, copy the text and paste it here"
            ),
            ImportError::BadDocx(why) => write!(f, "it is not a readable Word .docx file ({why})"),
            ImportError::DocxTooLarge => {
                write!(f, "its text unpacks to more than {} MB", MAX_DOCX_XML_BYTES / 1_048_576)
            }
            ImportError::Unsupported(ext) => {
                write!(f, "“.{ext}” files are not supported; use .txt, .md, .html or .docx")
            }
            ImportError::Empty => write!(f, "it has no text"),
        }
    }
}

/// A byte count in megabytes with one decimal (`9.1`), rounded down. Integer arithmetic:
/// float formatting would add its tables to the wasm.
pub fn megabytes(bytes: usize) -> String {
    let tenths = bytes * 10 / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A size as a reader says it: "52 KB" under a megabyte, "1.2 MB" from there.
pub fn size_label(bytes: usize) -> String {
    if bytes < 1_048_576 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{} MB", megabytes(bytes))
    }
}

/// Reads a file by name and content; `legacy` decodes GB18030 and Big5.
pub fn import_file(name: &str, bytes: &[u8], legacy: &dyn LegacyDecoder) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    let mut tracked_changes = false;
    let (text, encoding) = match ext.as_str() {
        "docx" => {
            let (text, tracked) = docx_text_and_revisions(bytes)?;
            tracked_changes = tracked;
            (text, Encoding::Utf8)
        }
        "html" | "htm" | "xhtml" => {
            let (text, encoding) = decode_text(bytes, legacy)?;
            (html_text(&text), encoding)
        }
        "txt" | "md" | "markdown" | "text" | "" => decode_text(bytes, legacy)?,
        other => match decode_text(bytes, legacy) {
            Ok(decoded) => decoded,
            Err(ImportError::Pdf) => return Err(ImportError::Pdf),
            Err(_) => return Err(ImportError::Unsupported(other.to_string())),
        },
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Imported { title: stem.to_string(), text, encoding, tracked_changes })
}

/// The text of a file in any encoding tifa reads, and that encoding.
pub fn decode_text(bytes: &[u8], legacy: &dyn LegacyDecoder) -> Result<(String, Encoding), ImportError> {
    match crate::input::encoding::decode(bytes, legacy) {
        Ok(decoded) => Ok((decoded.text, decoded.encoding)),
        Err(NotText::Pdf) => Err(ImportError::Pdf),
        Err(NotText::Binary) => Err(ImportError::Binary),
    }
}

/// The text of an HTML page: scripts and styles dropped, block elements on their own lines,
/// entities decoded. `"<p>a&amp;b</p><p>c</p>"` → `"a&b\nc"`.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = rest[1..close].trim().to_ascii_lowercase();
        rest = &rest[close + 1..];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let end = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&end).map_or("", |i| &rest[i..]);
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "section"
                | "article"
                | "blockquote"
                | "title"
        ) {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    let lines: Vec<&str> = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

/// The bytes of one member of a zip archive, inflated (at most `limit` bytes).
fn zip_member(zip: &[u8], wanted: &str, limit: usize) -> Result<Vec<u8>, ImportError> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let not_zip = ImportError::BadDocx("not a zip archive");
    let search_from = zip.len().saturating_sub(22 + 65_535);
    let eocd = (search_from..zip.len().saturating_sub(21)).rev().find(|&i| zip[i..i + 4] == EOCD).ok_or(not_zip)?;
    let entries = u16_at(zip, eocd + 10).ok_or(ImportError::BadDocx("truncated directory"))?;
    let mut at = u32_at(zip, eocd + 16).ok_or(ImportError::BadDocx("truncated directory"))?;
    for _ in 0..entries {
        let corrupt = ImportError::BadDocx("corrupt directory");
        if zip.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02]) {
            return Err(corrupt);
        }
        let method = u16_at(zip, at + 10).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let compressed = u32_at(zip, at + 20).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let name_len = u16_at(zip, at + 28).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let extra_len = u16_at(zip, at + 30).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let comment_len = u16_at(zip, at + 32).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let local = u32_at(zip, at + 42).ok_or(ImportError::BadDocx("corrupt directory"))?;
        let name = zip.get(at + 46..at + 46 + name_len).ok_or(ImportError::BadDocx("corrupt directory"))?;
        if name == wanted.as_bytes() {
            let local_name = u16_at(zip, local + 26).ok_or(ImportError::BadDocx("corrupt entry"))?;
            let local_extra = u16_at(zip, local + 28).ok_or(ImportError::BadDocx("corrupt entry"))?;
            let start = local + 30 + local_name + local_extra;
            let data = zip.get(start..start + compressed).ok_or(ImportError::BadDocx("truncated entry"))?;
            return match method {
                0 if data.len() <= limit => Ok(data.to_vec()),
                0 => Err(ImportError::DocxTooLarge),
                8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| {
                    if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                        ImportError::DocxTooLarge
                    } else {
                        ImportError::BadDocx("corrupt compressed data")
                    }
                }),
                _ => Err(ImportError::BadDocx("unsupported compression")),
            };
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(ImportError::BadDocx("no word/document.xml inside"))
}

/// The paragraphs of a `.docx`, one per line.
pub fn docx_text(bytes: &[u8]) -> Result<String, ImportError> {
    docx_text_and_revisions(bytes).map(|(text, _)| text)
}

/// The paragraphs of a `.docx`, one per line, with its tracked changes accepted (the text
/// of insertions kept, `w:delText` left out); and whether it had any (`w:ins`, `w:del`).
fn docx_text_and_revisions(bytes: &[u8]) -> Result<(String, bool), ImportError> {
    let xml = zip_member(bytes, "word/document.xml", MAX_DOCX_XML_BYTES)?;
    let xml = String::from_utf8(xml).map_err(|_| ImportError::BadDocx("document is not UTF-8 XML"))?;
    let revisions =
        xml.contains("<w:ins ") || xml.contains("<w:del ") || xml.contains("<w:ins>") || xml.contains("<w:del>");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        let after = &rest[open + close + 1..];
        if tag.starts_with("w:t") && (tag.len() == 3 || tag.as_bytes()[3] == b' ') && !tag.ends_with('/') {
            let end = after.find("</w:t>").unwrap_or(after.len());
            out.push_str(&decode_entities(&after[..end]));
            rest = &after[end..];
            continue;
        }
        match tag {
            "/w:p" => out.push('\n'),
            t if t.starts_with("w:tab") && t.ends_with('/') => out.push('\t'),
            t if t.starts_with("w:br") && t.ends_with('/') => out.push('\n'),
            _ => {}
        }
        rest = after;
    }
    Ok((out.trim_end().to_string(), revisions))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::encoding::UtfOnly;

    fn import(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
        import_file(name, bytes, &UtfOnly)
    }

    #[test]
    fn sizes_read_in_kilobytes_under_a_megabyte_and_megabytes_from_there() {
        assert_eq!(size_label(52_000), "51 KB");
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(1_300_000), "1.2 MB");
    }

    /// A minimal zip with one deflated member, as a `.docx` has.
    fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
        let data = miniz_oxide::deflate::compress_to_vec(content, 6);
        let mut z = Vec::new();
        let local = z.len();
        z.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(content.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(&data);
        let dir = z.len();
        z.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(content.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&(local as u32).to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        let dir_len = z.len() - dir;
        z.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&(dir_len as u32).to_le_bytes());
        z.extend_from_slice(&(dir as u32).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn docx_paragraphs_become_lines() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>全会认为</w:t></w:r><w:r><w:t xml:space="preserve">，形势 &amp; 任务</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:body></w:document>"#;
        let doc = import("公报.docx", &zip_with("word/document.xml", xml.as_bytes())).unwrap();
        assert_eq!(
            doc,
            Imported {
                title: "公报".into(),
                text: "全会认为，形势 & 任务\n第二段".into(),
                encoding: Encoding::Utf8,
                tracked_changes: false
            }
        );
    }

    #[test]
    fn a_docx_with_tracked_changes_is_read_with_them_accepted_and_says_so() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>坚持</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>稳健的</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>适度宽松的</w:t></w:r></w:ins><w:r><w:t>货币政策</w:t></w:r></w:p></w:body></w:document>"#;
        let doc = import("draft.docx", &zip_with("word/document.xml", xml.as_bytes())).unwrap();
        assert_eq!(doc.text, "坚持适度宽松的货币政策");
        assert!(doc.tracked_changes);
    }

    #[test]
    fn docx_that_is_not_a_zip() {
        assert_eq!(import("x.docx", b"just text"), Err(ImportError::BadDocx("not a zip archive")));
    }

    #[test]
    fn docx_zip_bomb_is_refused() {
        let huge = vec![b'a'; MAX_DOCX_XML_BYTES + 1];
        let bomb = zip_with("word/document.xml", &huge);
        assert!(bomb.len() < 200_000);
        assert_eq!(import("bomb.docx", &bomb), Err(ImportError::DocxTooLarge));
    }

    #[test]
    fn zip_without_document_part() {
        let z = zip_with("other.xml", b"<x/>");
        assert_eq!(import("x.docx", &z), Err(ImportError::BadDocx("no word/document.xml inside")));
    }

    #[test]
    fn html_markup_is_stripped_and_scripts_dropped() {
        let html = "<html><head><title>T</title><script>alert('x<p>')</script><style>p{}</style></head><body><p>全会&nbsp;强调&#65292;<b>改革</b></p><div>Two &lt;b&gt;</div></body></html>";
        assert_eq!(html_text(html), "T\n全会 强调，改革\nTwo <b>");
    }

    #[test]
    fn binary_and_oversized_files_are_refused() {
        assert_eq!(import("a.txt", &[0x89, b'P', b'N', b'G', 0, 0]), Err(ImportError::Binary));
        assert_eq!(import("a.pdf", &[0x25, 0x50, 0xff, 0xfe, 0]), Err(ImportError::Unsupported("pdf".into())));
        assert!(matches!(import("a.txt", &vec![b'a'; MAX_FILE_BYTES + 1]), Err(ImportError::TooLarge(_))));
        let err = import("a.txt", &vec![b'a'; 9 * 1_048_576 + 104_858]).unwrap_err();
        assert_eq!(err.to_string(), "it is 9.1 MB; tifa opens files up to 8 MB");
    }

    #[test]
    fn text_encodings() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc", &UtfOnly).unwrap(), ("abc".into(), Encoding::Utf8));
        assert_eq!(decode_text(&[0xFF, 0xFE, b'a', 0, 0x68, 0x51], &UtfOnly).unwrap().0, "a全");
        assert_eq!(import("notes.md", "# 标题".as_bytes()).unwrap().title, "notes");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_gbk_file_is_read_and_says_so() {
        let gbk = encoding_rs::GB18030.encode("全会认为，形势很好。").0;
        let file = import_file("gonggao.txt", &gbk, &crate::input::encoding::EncodingRs).unwrap();
        assert_eq!((file.text.as_str(), file.encoding), ("全会认为，形势很好。", Encoding::Gb18030));
    }

    #[test]
    fn a_pdf_is_named_as_a_pdf_whatever_its_name() {
        for name in ["report.pdf", "report.txt", "report"] {
            let err = import(name, b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n").unwrap_err();
            assert_eq!(err, ImportError::Pdf, "{name}");
            assert!(err.to_string().starts_with("it is a PDF"));
        }
    }

    #[test]
    fn five_megabytes_of_text_open() {
        let text = "全会认为，形势很好。\n".repeat(5 * 1024 * 1024 / 31 + 1);
        assert!(text.len() > 5 * 1024 * 1024);
        assert_eq!(import("big.txt", text.as_bytes()).unwrap().text.len(), text.len());
    }

    #[test]
    fn empty_and_blank_files_are_refused_with_a_reason() {
        for bytes in [&b""[..], b" \n\t\r\n", "\u{3000}\n".as_bytes()] {
            assert_eq!(import("blank.txt", bytes).unwrap_err(), ImportError::Empty);
        }
        assert_eq!(
            import("page.html", b"<html><body><script>x</script></body></html>").unwrap_err(),
            ImportError::Empty
        );
    }
}
