//! A count of the bytes and tokens the pipeline reads, kept in debug builds
//! only, so that tests can check that the work grows in proportion to the
//! input, whatever its shape, without timing anything. Each loop whose
//! length depends on the input (tokenizing a paragraph, searching for a
//! paragraph break, scanning a sentence for a quote's rules, counting
//! chars, searching the text for a name) adds what it reads.

#[cfg(debug_assertions)]
thread_local! {
    static DONE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` units of work (bytes or tokens read) on this thread.
#[inline]
pub(crate) fn add(n: usize) {
    #[cfg(debug_assertions)]
    DONE.with(|d| d.set(d.get().saturating_add(n as u64)));
    #[cfg(not(debug_assertions))]
    let _ = n;
}

/// The work counted on this thread since the last call (0 in release
/// builds).
#[cfg(all(test, debug_assertions))]
pub(crate) fn take() -> u64 {
    DONE.with(|d| d.replace(0))
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use crate::{CharMapper, Extractor};

    /// `n` chars drawn from `alphabet` by a fixed pseudo-random sequence.
    fn random(alphabet: &str, n: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                chars[(x % chars.len() as u64) as usize]
            })
            .collect()
    }

    fn repeat(unit: &str, bytes: usize) -> String {
        unit.repeat(bytes / unit.len() + 1)
    }

    /// Every shape of text, at about `bytes` bytes.
    fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
        let news = "La ministre, Claire Martin, a pris la parole. « Nous tiendrons », \
                    a-t-elle déclaré. Selon elle, la réforme sera « lente ». Le maire \
                    a répondu : « Non. » Il a ajouté qu'il verrait « demain ».\n";
        vec![
            ("news", repeat(news, bytes)),
            ("random marks, one line", random("«»\"“” a,-t-il", bytes)),
            (
                "random marks and words",
                random("«»\"“” a,-t-il.Elle dit", bytes),
            ),
            ("guillemets only", repeat("«", bytes)),
            ("straight only", repeat("\"", bytes)),
            ("mixed marks", repeat("«“\"„‹»”\"“›", bytes)),
            ("alternating marks", repeat("« » \" ", bytes)),
            (
                "no mark, one line",
                repeat("Le conseil a voté le budget. ", bytes),
            ),
            (
                "never closed",
                format!("« {}", repeat("Le conseil a voté. ", bytes)),
            ),
            (
                "dense quotes, one paragraph",
                repeat(
                    "« Oui », a dit Paul Girard, puis « non », a-t-il ajouté ; ",
                    bytes,
                ),
            ),
            (
                "quotes, no sentence end",
                repeat("« oui » dit-il « non » a-t-elle dit, ", bytes),
            ),
        ]
    }

    /// The work of extracting `text` and of mapping every quote's spans
    /// to chars, as the `extract` example does.
    fn work_of(text: &str) -> u64 {
        super::take();
        let quotes = Extractor::new().extract(text);
        let mut chars = CharMapper::new(text);
        for q in &quotes {
            chars.char_span(q.content_span());
            chars.char_span(q.span());
        }
        super::take()
    }

    #[test]
    fn work_grows_in_proportion_to_the_input_whatever_its_shape() {
        // Sizes past the longest reach (24 KB around a mention), so that
        // bounded searches count the same per byte at both.
        let small = shapes(30_000);
        let large = shapes(300_000);
        for ((name, s), (_, l)) in small.iter().zip(&large) {
            let (ws, wl) = (work_of(s), work_of(l));
            let ratio = wl as f64 / ws.max(1) as f64;
            assert!(
                ratio <= 11.0,
                "{name}: {ws} units for {} bytes, {wl} for {} bytes (x{ratio:.1})",
                s.len(),
                l.len()
            );
            // And a bounded amount of work per byte.
            assert!(
                wl <= 400 * l.len() as u64,
                "{name}: {wl} units for {} bytes",
                l.len()
            );
        }
    }
}
