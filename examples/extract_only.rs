//! Runs only formulation extraction on one file (for profiling).
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let n = tifa::findings::formulations::extract(&text, tifa::findings::lexicon::Lexicon::builtin()).len();
    println!("{n}");
}
