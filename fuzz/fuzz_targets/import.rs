//! Reading any file (as .docx, .html or .txt) never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["x.docx", "x.html", "x.txt", "x.bin"] {
        let _ = tifa::input::import::import_file(name, data, &tifa::input::encoding::EncodingRs);
    }
});
