//! The inputs the benchmark and `examples/throughput.rs --linearity` time:
//! news text and pathological texts, each built at a requested size.

/// The bundled seed articles, joined by blank lines.
pub fn seeds_joined() -> String {
    let mut files: Vec<_> = std::fs::read_dir("tests/data/seeds")
        .expect("tests/data/seeds: run from the crate root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed article is readable") + "\n\n")
        .collect()
}

/// `unit` repeated to at least `bytes` bytes.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

/// About `bytes` bytes of chars drawn from `alphabet` by a fixed
/// pseudo-random sequence (xorshift): the same text on every run.
pub fn random_chars(alphabet: &str, bytes: usize) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut out = String::with_capacity(bytes + 4);
    while out.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push(chars[(x % chars.len() as u64) as usize]);
    }
    out
}

/// Every named input at about `bytes` bytes.
pub fn inputs(bytes: usize) -> Vec<(&'static str, String)> {
    let plain = "Le conseil municipal a voté le budget après un long débat sur les écoles, la voirie et les transports. ";
    let dense =
        "« Oui », a dit Paul Girard, puis « non », a-t-il ajouté ; selon elle, « peut-être ». ";
    vec![
        ("seeds_repeated", repeat_to(&seeds_joined(), bytes)),
        ("guillemets_only", repeat_to("«", bytes)),
        ("straight_only", repeat_to("\"", bytes)),
        ("mixed_marks", repeat_to("«“\"„‹»”\"“›", bytes)),
        ("alternating_marks", repeat_to("« » \" ", bytes)),
        ("no_mark", repeat_to(plain, bytes)),
        ("never_closed", format!("« {}", repeat_to(plain, bytes))),
        ("dense_quotes_one_paragraph", repeat_to(dense, bytes)),
        // One line of marks, spaces and an inverted verb, no full stop: a
        // comment thread, a table of quotes or an OCR dump.
        (
            "random_marks_one_line",
            random_chars("«»\"“” a,-t-il", bytes),
        ),
        (
            "quotes_no_sentence_end",
            repeat_to("« oui » dit-il « non » a-t-elle dit, ", bytes),
        ),
    ]
}
