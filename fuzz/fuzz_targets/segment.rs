//! Segmentation never panics, and its leaves tile any UTF-8 text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let outline = tifa::text::segment::segment(text);
    let mut at = 0;
    for &id in &outline.leaves {
        let s = outline.get(id);
        assert_eq!(s.span.start, at);
        assert!(text.is_char_boundary(s.body.start) && text.is_char_boundary(s.body.end));
        at = s.span.end;
    }
    if !text.trim().is_empty() {
        assert_eq!(at, text.len());
    }
});
