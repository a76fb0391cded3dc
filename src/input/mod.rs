//! Getting text in: decoding files (encodings, HTML, .docx), reading what a document says
//! of itself (title, date, body), and the bundled corpus index.
//!
//! Above [`crate::text`]; the engine proper never imports it: the CLI, the share links and the
//! page do.

pub mod corpus;
pub mod doc_meta;
pub mod encoding;
pub mod import;
