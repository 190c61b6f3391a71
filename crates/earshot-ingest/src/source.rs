//! Opening inputs: files or standard input, gzip detected by its magic bytes.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// The formats `earshot analyze` reads directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Jsonl,
    Csv,
}

impl InputFormat {
    /// Guesses the format from the file name (`.jsonl`, `.ndjson`, `.json`, `.csv`, `.tsv`, each
    /// optionally followed by `.gz`); standard input and unknown names are JSONL.
    pub fn from_name(name: &str) -> InputFormat {
        let lower = name.to_ascii_lowercase();
        let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
        if stem.ends_with(".csv") || stem.ends_with(".tsv") {
            InputFormat::Csv
        } else {
            InputFormat::Jsonl
        }
    }
}

/// An opened input: a buffered reader and the name to use in messages.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
}

/// Opens `name` (`-` is standard input). Gzip is recognised by its magic bytes, so a compressed
/// stream works whatever its name.
pub fn open_input(name: &str) -> io::Result<Input> {
    let raw: Box<dyn Read + Send> = if name == "-" {
        Box::new(io::stdin())
    } else {
        let path = Path::new(name);
        Box::new(File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?)
    };
    let mut buffered = BufReader::with_capacity(1 << 16, raw);
    let is_gzip = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn BufRead + Send> = if is_gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    Ok(Input {
        name: name.to_string(),
        reader,
    })
}

/// Reads one line of at most `limit` bytes into `buf` (without the line ending). Returns the
/// number of bytes consumed, 0 at the end, and `Err(n)` when the line was longer than the limit
/// (the rest of it is consumed and dropped, so reading can go on).
pub(crate) fn read_line_limited(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Result<usize, usize>> {
    buf.clear();
    let mut consumed = 0usize;
    let mut too_long = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (chunk, done) = match memchr(available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let n = done.unwrap_or(available.len());
        consumed += n;
        r.consume(n);
        if done.is_some() {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(if too_long {
        Err(consumed)
    } else {
        Ok(consumed)
    })
}

fn memchr(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_name() {
        assert_eq!(InputFormat::from_name("a.CSV.gz"), InputFormat::Csv);
        assert_eq!(InputFormat::from_name("a.jsonl.gz"), InputFormat::Jsonl);
        assert_eq!(InputFormat::from_name("-"), InputFormat::Jsonl);
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        let data = b"short\nthis line is too long\nok\n";
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Ok(6));
        assert_eq!(buf, b"short");
        assert!(read_line_limited(&mut r, &mut buf, 8).unwrap().is_err());
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Ok(3));
        assert_eq!(buf, b"ok");
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Ok(0));
    }
}
