//! Decoding any link fragment never panics; whatever decodes re-encodes to the same state.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    if let Ok(state) = tifa::view::share::decode(&fragment) {
        assert_eq!(tifa::view::share::decode(&tifa::view::share::encode(&state)), Ok(state));
    }
    // Also as the compressed payload of a version-1 link.
    let packed = miniz_oxide_free_payload(data);
    let _ = tifa::view::share::decode(&packed);
});

fn miniz_oxide_free_payload(data: &[u8]) -> String {
    use std::fmt::Write;
    // base64url by hand keeps the fuzz crate free of extra dependencies.
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::from("v1.");
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            let _ = out.write_char(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}
