//! Input bytes to text, with a map from offsets in the text back to the
//! bytes of the file: offsets written out always count the file's bytes.

use crate::args::Encoding;

/// A decoded document: its text, and where the text's bytes came from.
pub struct Decoded {
    pub text: String,
    /// (offset in `text`, offset in the file) after each char whose length
    /// changed in decoding, in order; empty when the text is the file.
    anchors: Vec<(usize, usize)>,
}

impl Decoded {
    /// Text that is the document as it is.
    pub fn utf8(text: String) -> Decoded {
        Decoded {
            text,
            anchors: Vec::new(),
        }
    }

    /// The file offset of text offset `at` (a char boundary).
    pub fn file_offset(&self, at: usize) -> usize {
        let k = self.anchors.partition_point(|&(t, _)| t <= at);
        match k.checked_sub(1) {
            Some(k) => {
                let (t, f) = self.anchors[k];
                f + (at - t)
            }
            None => at,
        }
    }
}

/// Windows-1252's chars for bytes 0x80–0x9F (the five unassigned bytes
/// keep their Latin-1 control chars).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes `bytes` as `encoding`; a message saying what is wrong when
/// they are not UTF-8 and `lossy` is off.
pub fn decode(bytes: Vec<u8>, encoding: Encoding, lossy: bool) -> Result<Decoded, String> {
    match encoding {
        Encoding::Windows1252 => Ok(windows_1252(&bytes)),
        Encoding::Utf8 => match String::from_utf8(bytes) {
            Ok(text) => Ok(Decoded {
                text,
                anchors: Vec::new(),
            }),
            Err(e) if lossy => Ok(lossy_utf8(e.as_bytes())),
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let hint = if looks_like_windows_1252(bytes) {
                    "it looks like Latin-1 or Windows-1252: use --encoding windows-1252"
                } else {
                    "use --lossy to replace bad bytes"
                };
                Err(format!("invalid UTF-8 at byte {at} ({hint})"))
            }
        },
    }
}

fn windows_1252(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut anchors = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let c = match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        };
        text.push(c);
        if c.len_utf8() != 1 {
            anchors.push((text.len(), i + 1));
        }
    }
    Decoded { text, anchors }
}

fn lossy_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut anchors = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let bad = chunk.invalid();
        if !bad.is_empty() {
            // One U+FFFD (3 bytes) stands for the bad bytes.
            let here = text.len();
            let file_end = anchors
                .last()
                .map_or(here, |&(t, f): &(usize, usize)| f + (here - t));
            text.push('\u{FFFD}');
            anchors.push((text.len(), file_end + bad.len()));
        }
    }
    Decoded { text, anchors }
}

/// Whether invalid UTF-8 reads as Latin-1 or Windows-1252 text: most of
/// its bytes above 0x7F stand alone, and it has French letters or marks
/// there (`é` 0xE9, `«` 0xAB, `’` 0x92).
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let french = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xAB | 0xBB | 0xE0..=0xFC | 0x92 | 0x93 | 0x94 | 0x85))
        .count();
    let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    high > 0 && invalid * 2 >= high && french * 2 >= high
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded_and_offsets_are_the_files() {
        // « Oui », a dit René. in Windows-1252.
        let bytes = b"\xab Oui \xbb, a dit Ren\xe9 \x93ici\x94.".to_vec();
        let d = decode(bytes.clone(), Encoding::Windows1252, false).unwrap();
        assert_eq!(d.text, "« Oui », a dit René “ici”.");
        let oui = d.text.find("Oui").unwrap();
        assert_eq!(d.file_offset(oui), 2);
        let ici = d.text.find("ici").unwrap();
        assert_eq!(&bytes[d.file_offset(ici)..d.file_offset(ici) + 3], b"ici");
        assert_eq!(d.file_offset(d.text.len()), bytes.len());
    }

    #[test]
    fn utf8_errors_name_latin_1_when_it_looks_like_it() {
        let e = decode(
            b"\xab Oui \xbb, a dit Ren\xe9.".to_vec(),
            Encoding::Utf8,
            false,
        )
        .err()
        .unwrap();
        assert!(e.contains("byte 0") && e.contains("windows-1252"), "{e}");
        let e = decode(b"ok \xff\xfe\xfd\xfc".to_vec(), Encoding::Utf8, false)
            .err()
            .unwrap();
        assert!(e.contains("--lossy"), "{e}");
    }

    #[test]
    fn lossy_offsets_are_the_files() {
        let bytes = b"a\xff\xfeb \xc3\xa9 \xe2\x82c".to_vec();
        let d = decode(bytes.clone(), Encoding::Utf8, true).unwrap();
        assert_eq!(d.text, "a\u{FFFD}\u{FFFD}b é \u{FFFD}c");
        let b = d.text.find('b').unwrap();
        assert_eq!(bytes[d.file_offset(b)], b'b');
        let c = d.text.find('c').unwrap();
        assert_eq!(bytes[d.file_offset(c)], b'c');
        assert_eq!(d.file_offset(d.text.len()), bytes.len());
    }
}
