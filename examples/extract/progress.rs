//! A progress line on standard error, only when it is a terminal:
//! documents and MB done, rate, and time left when the total is known.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    shown: bool,
    total: Option<u64>,
    start: Instant,
    last: Instant,
    docs: usize,
    bytes: u64,
}

impl Progress {
    pub fn new(total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            shown: std::io::stderr().is_terminal(),
            total,
            start: now,
            last: now,
            docs: 0,
            bytes: 0,
        }
    }

    /// One more document of `bytes` bytes done.
    pub fn add(&mut self, bytes: u64) {
        self.docs += 1;
        self.bytes += bytes;
        if self.shown && self.last.elapsed() >= Duration::from_millis(250) {
            self.last = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / secs;
        let left = match self.total {
            Some(t) if rate > 0.0 && t >= self.bytes => {
                format!(", {:.0} s left", (t - self.bytes) as f64 / 1e6 / rate)
            }
            _ => String::new(),
        };
        eprint!(
            "\r{} documents, {mb:.1} MB, {rate:.1} MB/s{left}    ",
            self.docs
        );
        let _ = std::io::stderr().flush();
    }

    /// Clears the line at the end.
    pub fn finish(&self) {
        if self.shown && self.start.elapsed() >= Duration::from_millis(250) {
            self.draw();
            eprintln!();
        }
    }
}
