//! `tifa`: the command-line face of the engine.
//!
//! `tifa compare A.txt B.txt --format json` prints the same comparison the browser app
//! computes; `tifa corpus-index` builds the site's corpus folder (run by the trunk build).
//!
//! Native only: the CLI reads files and compares with the built-in lexicon, which wasm
//! builds do not carry, so a wasm build of the package (clippy's) compiles it to an empty
//! `main`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
