//! Prints the added and dropped formulations tifa reports for a corpus pair in the layout of
//! the hand-check samples of `tests/plausibility/` (pair, status, kind, formulation, context),
//! with the key last, so that a sample can be drawn from them:
//! `cargo run --release --example reported_rows -- cc19-4-zh cc19-5-zh`.
//! The context is the first occurrence with 30 characters either side, the phrase in 【】.
use tifa::findings::formulation_changes::FormulationStatus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let read = |id: &str| std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("a document of seeds/corpus");
    let (a, b) = (read(&args[0]), read(&args[1]));
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    for s in &c.formulations {
        let (status, text, at) = match s.status {
            FormulationStatus::Added => ("added", &b, s.occurrences_b.first()),
            FormulationStatus::Dropped => ("dropped", &a, s.occurrences_a.first()),
            _ => continue,
        };
        let Some(at) = at else { continue };
        let before: String = text[..at.start].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        let after: String = text[at.end..].chars().take(30).collect();
        let context = format!("{before}【{}】{after}", at.of(text)).replace(['\n', '\t'], " ");
        let kind = format!("{:?}", s.kind).to_lowercase();
        println!("{}__{}\t{status}\t{kind}\t{}\t{context}\t{}", args[0], args[1], s.text, s.key);
    }
}
