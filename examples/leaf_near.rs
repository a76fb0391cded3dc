//! Where did a paragraph go? Prints, for each leaf of paragraph `P` of document A, the
//! leaves of B most like it (by the alignment's own similarity, as paragraph numbers), and
//! with a fourth argument `Q` the leaves of B's paragraph `Q`:
//! `cargo run --release --example leaf_near -- A B P [Q]` (ids of `seeds/corpus/`).
//!
//! Leaves are numbered by their position in the leaf list; a section id is
//! `outline.leaves[position]`, and only that one carries the paragraph number.
use tifa::model::prepared::{prepare, Prepared};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let read = |id: &str| std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("a document of seeds/corpus");
    let (a, b) = (read(&args[0]), read(&args[1]));
    let p: usize = args[2].parse().expect("a paragraph number");
    let (pa, pb) = (prepare(&a), prepare(&b));
    let paragraph = |d: &Prepared, leaf: usize| d.outline.get(d.outline.leaves[leaf]).paragraph;
    let opening = |d: &Prepared, text: &str, leaf: usize| -> String {
        d.outline.get(d.outline.leaves[leaf]).body.of(text).chars().take(80).collect()
    };
    let (near_a, _) = tifa::align::nearest_leaves(&pa.prints, &pb.prints, 10_000);
    println!("leaves: a {}, b {}", pa.prints.len(), pb.prints.len());
    if let Some(q) = args.get(3).and_then(|q| q.parse::<usize>().ok()) {
        for j in (0..pb.prints.len()).filter(|&j| paragraph(&pb, j) == q) {
            println!("b leaf {j}: {}", opening(&pb, &b, j));
        }
    }
    for (i, near) in near_a.iter().enumerate().filter(|(i, _)| paragraph(&pa, *i) == p) {
        let top: Vec<String> = near.iter().take(14).map(|&(j, s)| format!("¶{}:{s:.2}", paragraph(&pb, j))).collect();
        println!("a leaf {i} ({} features): {}\n  {}", pa.prints[i].len(), top.join(" "), opening(&pa, &a, i));
    }
}
