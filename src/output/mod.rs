//! Output formats of a comparison: the versioned JSON, Markdown/HTML/CSV reports, the
//! labels (status and relation words) the page and every export share, and the wire
//! format between the page and its worker.
//!
//! They read a finished [`crate::compare::Comparison`] and never feed back into it.

pub mod json;
pub mod labels;
pub mod records;
pub mod report;
pub mod wire;
