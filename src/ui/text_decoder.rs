//! The browser's own decoders for GB18030 and Big5 (`TextDecoder`), lent to the engine's
//! encoding detection (`crate::input::encoding`): the page then reads legacy Chinese files without
//! carrying decoding tables in its wasm.

use crate::input::encoding::{Encoding, LegacyDecoder};
use web_sys::{TextDecoder, TextDecoderOptions};

/// Decodes with `TextDecoder` in fatal mode, so malformed bytes give `None`.
pub struct BrowserDecoder;

impl LegacyDecoder for BrowserDecoder {
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> Option<String> {
        let options = TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = TextDecoder::new_with_label_and_options(encoding.label(), &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
}
