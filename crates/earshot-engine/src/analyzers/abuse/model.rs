//! The trained abuse model: logistic regression over hashed word and character n-grams of the
//! skeleton view, weights quantised to one byte each. `earshot train abuse` writes
//! `models/abuse.bin`; the engine embeds it at build time. A missing or malformed file simply
//! means no model (the lexicon still works), never a failure.

use earshot_text::CharClass;

/// The file starts with this, then `bits: u32`, `bias: f32`, `scale: f32`, `threshold: f32`
/// (little-endian), then `2^bits` signed bytes of weights (`weight = byte * scale`).
pub const MAGIC: &[u8; 8] = b"ESABUSE1";
const HEADER: usize = 8 + 4 * 4;

static SHIPPED: &[u8] = include_bytes!("../../../../../models/abuse.bin");

pub struct Model {
    bits: u32,
    bias: f32,
    scale: f32,
    /// Scores at or above this are reported (chosen on held-out data when training).
    pub threshold: f32,
    weights: Vec<i8>,
}

impl Model {
    /// The model shipped in the repository, if there is a valid one.
    pub fn shipped() -> Option<Model> {
        Model::from_bytes(SHIPPED)
    }

    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < HEADER || &b[..8] != MAGIC {
            return None;
        }
        let word = |i: usize| -> Option<[u8; 4]> { b.get(8 + i * 4..12 + i * 4)?.try_into().ok() };
        let bits = u32::from_le_bytes(word(0)?);
        let bias = f32::from_le_bytes(word(1)?);
        let scale = f32::from_le_bytes(word(2)?);
        let threshold = f32::from_le_bytes(word(3)?);
        if !(8..=24).contains(&bits) || b.len() != HEADER + (1usize << bits) {
            return None;
        }
        let weights = b[HEADER..].iter().map(|&x| x as i8).collect();
        Some(Model {
            bits,
            bias,
            scale,
            threshold,
            weights,
        })
    }

    /// Serialises float weights, quantised to bytes.
    pub fn to_bytes(bits: u32, bias: f32, weights: &[f32], threshold: f32) -> Vec<u8> {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / 127.0;
        let mut out = Vec::with_capacity(HEADER + weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&bias.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&threshold.to_le_bytes());
        out.extend(
            weights
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }

    /// The probability that a skeleton text is offensive.
    pub fn score(&self, skeleton: &str) -> f32 {
        let mask = (1u64 << self.bits) - 1;
        let mut z = self.bias;
        let mut n = 0u32;
        features(skeleton, |h| {
            z += self.weights[(h & mask) as usize] as f32 * self.scale;
            n += 1;
        });
        sigmoid(z)
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(23)
}

/// Calls `f` with the hash of every feature of a skeleton text: words, word pairs, and character
/// bigrams and trigrams (which carry Chinese, Japanese and Thai, where words have no spaces).
/// Training and scoring share this function, so they cannot drift apart.
pub fn features(text: &str, mut f: impl FnMut(u64)) {
    let mut prev_word = 0u64;
    let mut word = 0xcbf2_9ce4_8422_2325u64;
    let mut in_word = false;
    let (mut c1, mut c2) = (u64::from(' '), u64::from(' '));
    for c in text.chars().chain(std::iter::once(' ')) {
        let c = if c.is_word() { c } else { ' ' };
        let x = u64::from(c);
        if c == ' ' && c1 == u64::from(' ') {
            continue;
        }
        f(mix(mix(1, c1), x));
        f(mix(mix(mix(2, c2), c1), x));
        (c2, c1) = (c1, x);
        if c == ' ' {
            if in_word {
                f(mix(3, word));
                if prev_word != 0 {
                    f(mix(mix(4, prev_word), word));
                }
                prev_word = word;
            }
            word = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        } else {
            word = mix(word, x);
            in_word = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_bad_files() {
        let w = vec![0.5f32; 256];
        let b = Model::to_bytes(8, -1.0, &w, 0.7);
        let m = Model::from_bytes(&b).expect("valid model");
        assert!((m.threshold - 0.7).abs() < 1e-6);
        assert!(m.score("some words here") > sigmoid(-1.0));
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_none());
        assert!(Model::from_bytes(b"nonsense").is_none());
    }

    #[test]
    fn features_are_counted_for_any_text() {
        let mut n = 0;
        features("hi you", |_| n += 1);
        assert!(n >= 8);
        features("", |_| n += 1);
        features("傻逼", |_| n += 1);
    }
}
