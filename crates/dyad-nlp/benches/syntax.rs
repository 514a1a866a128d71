//! Tagging + lemmatising + parsing throughput with the shipped model, on
//! the UD English EWT dev sentences (gold words), one thread.
//!
//! The data are read from `../shared/data/ud-english-ewt/` beside the
//! workspace; the bench says so and does nothing if they are missing.

use std::hint::black_box;
use std::io::BufReader;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn dev_sentences() -> Option<Vec<Vec<String>>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu.gz");
    let file = std::fs::File::open(&path).ok()?;
    let gold =
        dyad_nlp::conllu::read(BufReader::new(flate2::read::MultiGzDecoder::new(file))).ok()?;
    Some(
        gold.into_iter()
            .map(|s| s.words.into_iter().map(|w| w.form).collect())
            .collect(),
    )
}

fn syntax(c: &mut Criterion) {
    let Some(sentences) = dev_sentences() else {
        eprintln!("skipping the syntax bench: EWT dev data not found beside the workspace");
        return;
    };
    let model = dyad_nlp::model().expect("the shipped model loads");
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let expected: usize = forms.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(expected as u64));
    group.sample_size(10);
    group.bench_function("tag+parse EWT dev", |b| {
        b.iter(|| {
            let mut words = 0;
            for f in &forms {
                words += black_box(model.parse_words(f)).len();
            }
            assert_eq!(words, expected);
            words
        })
    });
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
