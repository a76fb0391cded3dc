//! Fixtures shared by the native integration tests: the seeds and ../shared/corpus.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the bundled corpus in seeds/.
pub fn seed(name: &str) -> String {
    let path = root().join("seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The sample communiqué and its illustrative edit.
pub fn sample_pair() -> (String, String) {
    (seed("000_32d0b0de139dc88b.txt"), seed("001_demo_illustrative_edit.txt"))
}

/// The shared corpus folder: $TIFA_CORPUS, or ../shared/corpus beside the repository.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("TIFA_CORPUS").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/corpus"))
}

/// A document of the shared corpus by id (`cc19-4-zh`).
pub fn corpus(id: &str) -> String {
    let path = corpus_dir().join(format!("{id}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {} ({e}); the tests need ../shared/corpus or TIFA_CORPUS", path.display())
    })
}
