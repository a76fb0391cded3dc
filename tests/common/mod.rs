//! Fixtures shared by the native integration tests: the seeds and the curated corpus in
//! seeds/corpus (the repository's copy of the workplace's shared corpus).
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

/// The corpus folder: $TIFA_CORPUS, or the repository's seeds/corpus.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("TIFA_CORPUS").map(PathBuf::from).unwrap_or_else(|| root().join("seeds/corpus"))
}

/// A document of the corpus by id (`cc19-4-zh`).
pub fn corpus(id: &str) -> String {
    let path = corpus_dir().join(format!("{id}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {} ({e}); the tests read seeds/corpus (or TIFA_CORPUS)", path.display())
    })
}

/// Checks the sentence marks of a comparison of `a` with `b`: within each row and side they
/// are in order, do not overlap, lie inside the row's text and cut no character; and every
/// pairing is mutual (a sentence's partner names it back, with the same class).
pub fn check_sentences(c: &tifa::Comparison, a: &str, b: &str) -> Result<(), String> {
    use tifa::findings::sentence_classes::SentenceMark;
    let mut partners_a = std::collections::HashMap::new();
    let mut partners_b = std::collections::HashMap::new();
    for (k, row) in c.rows.iter().enumerate() {
        for (marks, ids, outline, text, partners) in [
            (&row.sentences_a, &row.a, &c.outline_a, a, &mut partners_a),
            (&row.sentences_b, &row.b, &c.outline_b, b, &mut partners_b),
        ] {
            let inside = match (ids.first(), ids.last()) {
                (Some(&f), Some(&l)) => (outline.get(f).body.start, outline.get(l).body.end),
                _ => (0, 0),
            };
            let mut at = inside.0;
            for m in marks.iter() {
                let SentenceMark { span, class, partner } = *m;
                if span.start < at || span.end > inside.1 || span.start >= span.end {
                    return Err(format!("row {k}: sentence {span:?} out of order or outside {inside:?}"));
                }
                if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                    return Err(format!("row {k}: sentence {span:?} cuts a character"));
                }
                at = span.end;
                if let Some(p) = partner {
                    partners.insert((span.start, span.end), ((p.start, p.end), class));
                }
            }
        }
    }
    for (span, (partner, class)) in &partners_a {
        if partners_b.get(partner) != Some(&(*span, *class)) {
            return Err(format!(
                "A sentence {span:?} names {partner:?} as its {class:?} partner, which does not name it back"
            ));
        }
    }
    if partners_a.len() != partners_b.len() {
        return Err(format!("{} paired sentences in A, {} in B", partners_a.len(), partners_b.len()));
    }
    Ok(())
}
