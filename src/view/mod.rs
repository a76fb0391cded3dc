//! What the reader's view needs beyond the comparison: navigation between changes and the
//! share-link state.
//!
//! The top of the engine: it may use every layer below, and only the UI and the CLI use it.

pub mod navigation;
pub mod share;
