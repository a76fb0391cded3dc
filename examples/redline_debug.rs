//! Prints the word diff of each reworded row of a corpus pair in `equal[-deleted-]{+inserted+}`
//! notation, with its change-run count: `cargo run --release --example redline_debug -- A B [max]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let a = std::fs::read_to_string(dir.join(format!("{}.txt", args[0]))).unwrap();
    let b = std::fs::read_to_string(dir.join(format!("{}.txt", args[1]))).unwrap();
    let max: usize = args.get(2).and_then(|m| m.parse().ok()).unwrap_or(usize::MAX);
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    for row in c.rows.iter().filter(|r| r.relation == tifa::Relation::Reworded).take(max) {
        let runs = row
            .ops
            .windows(2)
            .filter(|w| w[0].kind == tifa::diff::OpKind::Equal && w[1].kind != tifa::diff::OpKind::Equal)
            .count()
            + usize::from(row.ops.first().is_some_and(|o| o.kind != tifa::diff::OpKind::Equal));
        println!(
            "--- sim {:.2}, {runs} change runs\n{}\n",
            row.similarity,
            tifa::diff::plain_redline(&row.ops, &a, &b)
        );
    }
}
