//! What the reader's view needs beyond the comparison: navigation between changes, the
//! share-link state, and the workspace (what the user controls) with its transitions.
//!
//! The top of the engine: it may use every layer below, and only the UI and the CLI use it.

pub mod focus;
pub mod formulation_table;
pub mod gate;
pub mod navigation;
pub mod options;
pub mod share;
pub mod share_state;
pub mod workspace;
