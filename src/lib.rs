//! # tifa: compare two policy documents section by section
//!
//! tifa (提法, "formulation") compares two communiqués, work reports or speeches, in Chinese
//! or English, the way a China watcher reads them: section by section, with the wording
//! changes inside each section, and the formulations (set phrases, 提法) and priorities that were
//! added, dropped, reworded or moved.
//!
//! The engine is a pipeline of pure functions, from text to a [`compare::Comparison`],
//! and its folders are its layers, each importing only the ones above it in this list:
//!
//! - [`util`]: spans, sorts, sorted-slice walks;
//! - [`text`]: normalization, tokens, the outline of sections ([`text::segment`]), sentences
//!   and fingerprints;
//! - [`input`]: files to text (UTF-8, UTF-16, GB18030, Big5; HTML, .docx), what a document
//!   says of itself, the bundled corpus;
//! - [`align`]: which section of A plays the part of which section of B (in order, moved,
//!   split, merged; the rest added or dropped, each with its closest sections);
//! - [`diff`]: each pair by words (Chinese by a word list) with `similar`, cleaned up into
//!   readable phrases, and each change's significance;
//! - [`model`]: the prepared documents and the rows every later stage reads;
//! - [`findings`]: formulations (提法; `"slogans"` in the JSON, their first name) and priorities;
//! - [`compare`](mod@compare): the pipeline that ties these together; it takes only the diff's unit
//!   ([`Granularity`]);
//! - [`output`]: the versioned JSON, reports, labels and the worker's wire format;
//! - [`timeline`]: a series of documents;
//! - [`view`]: what the view marks and shows ([`Options`]), navigation between changes, the
//!   workspace the reader controls and share links.
//!
//! `python3 scripts/check-layers.py` checks the order and that no modules import each other
//! in a circle. Nothing in the engine touches the DOM, the clock or randomness: the same two
//! texts give the same result, natively and in the browser. The browser UI lives in `ui`
//! (wasm only).
#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod diff;
pub mod findings;
pub mod input;
pub mod model;
pub mod output;
pub mod text;
pub mod timeline;
pub mod util;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(any(not(target_arch = "wasm32"), test))]
pub use compare::compare;
pub use compare::{Comparison, Relation, Row};
pub use diff::Granularity;
pub use util::span::Span;
pub use view::options::Options;
