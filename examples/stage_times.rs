//! Times each engine stage on two files: `cargo run --release --example stage_times -- A B`.
use std::time::Instant;
use tifa::findings::lexicon::Lexicon;
use tifa::text::fingerprint::fingerprint;
use tifa::text::segment::segment;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = std::fs::read_to_string(&args[0]).unwrap();
    let b = std::fs::read_to_string(&args[1]).unwrap();
    let t = Instant::now();
    let (oa, ob) = (segment(&a), segment(&b));
    println!("segment     {:?}", t.elapsed());
    let t = Instant::now();
    let fa: Vec<_> = oa.leaves.iter().map(|&id| fingerprint(&a, oa.get(id).body)).collect();
    let fb: Vec<_> = ob.leaves.iter().map(|&id| fingerprint(&b, ob.get(id).body)).collect();
    println!("fingerprint {:?}", t.elapsed());
    let t = Instant::now();
    let groups = tifa::align::align_in_parts(&fa, &fb, &oa.leaf_parts(), &ob.leaf_parts());
    println!("align       {:?} ({} groups)", t.elapsed(), groups.len());
    let t = Instant::now();
    let s = tifa::findings::formulations::extract(&a, Lexicon::builtin());
    println!("slogans A   {:?} ({})", t.elapsed(), s.len());
    let t = Instant::now();
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    println!("compare     {:?} ({} rows)", t.elapsed(), c.rows.len());
}
