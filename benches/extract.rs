//! Extraction throughput (MB/s) on news text and on pathological inputs,
//! beside a baseline that only locates quotation marks, and the cost of
//! building an extractor.
//!
//! ```text
//! cargo bench --bench extract
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quote_attribution::Extractor;

mod inputs;

/// Each seed article, the five joined, ten megabytes of them, and 1 MB of
/// each pathological input.
fn all_inputs() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("tests/data/seeds")
        .expect("run from the crate root")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy()[..3].to_string();
            (format!("seed_{name}"), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.push(("seeds_concatenated".into(), inputs::seeds_joined()));
    out.push((
        "seeds_10mb".into(),
        inputs::repeat_to(&inputs::seeds_joined(), 10_000_000),
    ));
    for (name, text) in inputs::inputs(1_000_000).into_iter().skip(1) {
        out.push((format!("{name}_1mb"), text));
    }
    out
}

/// What any extractor must do at least: find the marks' lead bytes.
fn count_marks(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut n, mut at) = (0, 0);
    while let Some(i) = memchr::memchr3(b'"', 0xC2, 0xE2, &b[at..]) {
        let i = at + i;
        n += usize::from(matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (b'"', _, _)
                | (0xC2, Some(0xAB | 0xBB), _)
                | (0xE2, Some(0x80), Some(0x9C | 0x9D | 0x9E | 0xB9 | 0xBA))
        ));
        at = i + 1;
    }
    n
}

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::new();
    let scan_only = Extractor::builder().scan_only(true).build().unwrap();
    let mut group = c.benchmark_group("extract");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, text) in all_inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 2_000_000 {
            group.sample_size(10);
        } else {
            group.sample_size(30);
        }
        group.bench_with_input(BenchmarkId::new("full", &name), &text, |b, t| {
            b.iter(|| extractor.extract(black_box(t)).len())
        });
        group.bench_with_input(BenchmarkId::new("scan_only", &name), &text, |b, t| {
            b.iter(|| scan_only.extract(black_box(t)).len())
        });
        group.bench_with_input(BenchmarkId::new("mark_baseline", &name), &text, |b, t| {
            b.iter(|| count_marks(black_box(t)))
        });
    }
    group.finish();
}

fn construction(c: &mut Criterion) {
    let mut group = c.benchmark_group("construct");
    group.bench_function("new_bundled_lexicon", |b| b.iter(Extractor::new));
    // A user cue verb forces the lexicon to be parsed again: the full cost.
    group.bench_function("builder_with_cue_verb", |b| {
        b.iter(|| {
            Extractor::builder()
                .cue_verbs(black_box("chantonner"))
                .build()
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, extraction, construction);
criterion_main!(benches);
