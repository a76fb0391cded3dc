//! Prints the rows of a comparison as paragraph pairs: `cargo run --release --example rows_debug -- A B`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let a = std::fs::read_to_string(dir.join(format!("{}.txt", args[0]))).unwrap();
    let b = std::fs::read_to_string(dir.join(format!("{}.txt", args[1]))).unwrap();
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    println!("parts a {:?}", c.outline_a.leaf_parts().iter().collect::<std::collections::BTreeSet<_>>());
    for row in &c.rows {
        let pa: Vec<usize> = row.a.iter().map(|&i| c.outline_a.get(i).paragraph).collect();
        let pb: Vec<usize> = row.b.iter().map(|&i| c.outline_b.get(i).paragraph).collect();
        println!("{:?} {:?} {:?} moved={} sim={:.2}", pa, pb, row.relation, row.moved, row.similarity);
    }
}
