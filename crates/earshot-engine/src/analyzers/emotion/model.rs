//! A linear classifier over hashed features, and its compact file format.
//!
//! The file is small and simple so that it can ship inside the binary: a header, the class names,
//! the hashed weights quantised to 16 bits with one scale, and the few cue weights as `f32`. All
//! numbers are little-endian.
//!
//! ```text
//! "ESLM" | u32 format | u32 feature version | u32 bucket bits | u32 classes | u32 cues
//! per class: u8 length, UTF-8 name
//! f32 scale | buckets × classes i16 (weight = value × scale) | cues × classes f32
//! ```

use super::features::{CUES, FEATURE_VERSION};

const MAGIC: &[u8; 4] = b"ESLM";
const FORMAT: u32 = 1;

/// Multinomial logistic regression: logits = scale · Σ hashed rows + Σ cue · cue rows.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    pub classes: Vec<String>,
    pub bucket_bits: u32,
    /// `buckets × classes`, row-major by bucket so that one feature touches one cache line.
    pub hashed: Vec<f32>,
    /// `CUES × classes`.
    pub cues: Vec<f32>,
}

impl LinearModel {
    /// A model with all weights zero.
    pub fn zeros(classes: &[&str], bucket_bits: u32) -> LinearModel {
        let k = classes.len();
        LinearModel {
            classes: classes.iter().map(|c| c.to_string()).collect(),
            bucket_bits,
            hashed: vec![0.0; (1usize << bucket_bits) * k],
            cues: vec![0.0; CUES * k],
        }
    }

    pub fn k(&self) -> usize {
        self.classes.len()
    }

    pub fn mask(&self) -> u32 {
        ((1u64 << self.bucket_bits) - 1) as u32
    }

    /// Adds the logits of a bag of hashed features (already masked) and cue values to `logits`.
    pub fn logits(&self, buckets: &[u32], cues: &[f32; CUES], logits: &mut [f32]) {
        let k = self.k();
        let scale = if buckets.is_empty() {
            0.0
        } else {
            1.0 / (buckets.len() as f32).sqrt()
        };
        let mut sum = [0f32; 8];
        for &b in buckets {
            let row = b as usize * k;
            if let Some(w) = self.hashed.get(row..row + k) {
                for (s, x) in sum.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        self.logits_of_sum(&sum, scale, cues, logits);
    }

    /// The logits from the sum of the hashed rows of a message (`scale` is one over the root of
    /// its number of features) and its cues: the second half of [`LinearModel::logits`], for a
    /// caller that sums the rows of several models in one pass.
    pub fn logits_of_sum(&self, sum: &[f32], scale: f32, cues: &[f32; CUES], logits: &mut [f32]) {
        let k = self.k();
        for (c, l) in logits.iter_mut().enumerate().take(k) {
            let mut v = sum.get(c).copied().unwrap_or(0.0) * scale;
            for (j, x) in cues.iter().enumerate() {
                if *x != 0.0 {
                    v += x * self.cues.get(j * k + c).copied().unwrap_or(0.0);
                }
            }
            *l = v;
        }
    }

    /// Serialises the model to the shipped format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let k = self.k();
        let mut out = Vec::with_capacity(32 + self.hashed.len() * 2 + self.cues.len() * 4);
        out.extend_from_slice(MAGIC);
        for v in [
            FORMAT,
            FEATURE_VERSION,
            self.bucket_bits,
            k as u32,
            CUES as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for c in &self.classes {
            let b = c.as_bytes();
            out.push(b.len().min(255) as u8);
            out.extend_from_slice(&b[..b.len().min(255)]);
        }
        let max = self.hashed.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.hashed {
            let q = (w / scale).round().clamp(i16::MIN as f32, i16::MAX as f32) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        for w in &self.cues {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Parses a model written by [`LinearModel::to_bytes`] for this version of the features.
    pub fn from_bytes(bytes: &[u8]) -> Result<LinearModel, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not an earshot linear model".into());
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(format!("model format {format}, expected {FORMAT}"));
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(format!(
                "model built for features v{version}, this build has v{FEATURE_VERSION}"
            ));
        }
        let bucket_bits = r.u32()?;
        let k = r.u32()? as usize;
        let cues = r.u32()? as usize;
        if !(10..=24).contains(&bucket_bits) || !(2..=8).contains(&k) || cues != CUES {
            return Err("model header out of range".into());
        }
        let mut classes = Vec::with_capacity(k);
        for _ in 0..k {
            let n = r.take(1)?[0] as usize;
            let name = std::str::from_utf8(r.take(n)?).map_err(|_| "class name is not UTF-8")?;
            classes.push(name.to_string());
        }
        let scale = f32::from_le_bytes(r.array()?);
        let n = (1usize << bucket_bits) * k;
        let raw = r.take(n * 2)?;
        let hashed = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        let raw = r.take(cues * k * 4)?;
        let cues = raw
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if r.at != bytes.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(LinearModel {
            classes,
            bucket_bits,
            hashed,
            cues,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or("model file is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn array(&mut self) -> Result<[u8; 4], String> {
        let s = self.take(4)?;
        Ok([s[0], s[1], s[2], s[3]])
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

/// Softmax in place.
pub fn softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    if sum > 0.0 {
        for x in v.iter_mut() {
            *x /= sum;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_weights_within_quantisation() {
        let mut m = LinearModel::zeros(&["neg", "neu", "pos"], 10);
        m.hashed[5] = 1.5;
        m.hashed[77] = -0.25;
        m.cues[4] = 0.125;
        let back = LinearModel::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.classes, m.classes);
        assert!((back.hashed[5] - 1.5).abs() < 1e-3);
        assert!((back.hashed[77] + 0.25).abs() < 1e-3);
        assert_eq!(back.cues[4], 0.125);
    }

    #[test]
    fn truncated_or_foreign_files_are_rejected() {
        let m = LinearModel::zeros(&["a", "b"], 10);
        let bytes = m.to_bytes();
        assert!(LinearModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(LinearModel::from_bytes(b"nonsense").is_err());
    }
}
