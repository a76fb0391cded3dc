//! Prints the formulations tifa reports as added, dropped or reworded for a corpus pair, one
//! per line (status, key, text, count in A, count in B, lexicon gloss):
//! `cargo run --release --example formulation_changes -- cc19-4-zh cc19-5-zh`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let a = std::fs::read_to_string(dir.join(format!("{}.txt", args[0]))).unwrap();
    let b = std::fs::read_to_string(dir.join(format!("{}.txt", args[1]))).unwrap();
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    for s in c.formulations.iter().filter(|s| s.status != tifa::findings::formulation_changes::FormulationStatus::Kept)
    {
        if s.status == tifa::findings::formulation_changes::FormulationStatus::CountChanged {
            continue;
        }
        println!(
            "{:?}\t{}\t{}\t{}\t{}\t{}\t{}",
            s.status,
            s.key,
            s.text,
            s.count_a(),
            s.count_b(),
            s.reworded_from.clone().unwrap_or_default(),
            s.gloss.unwrap_or("")
        );
    }
}
