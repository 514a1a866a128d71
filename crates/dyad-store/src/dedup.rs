//! Near-duplicate articles: MinHash signatures over word shingles, banded
//! for locality-sensitive lookup (Broder 1997; Leskovec, Rajaraman and
//! Ullman, *Mining of Massive Datasets*, ch. 3).
//!
//! With [`HASHES`] = 64 split into [`BANDS`] = 16 bands of 4, two articles
//! whose shingle sets have Jaccard similarity 0.8 share a band with
//! probability above 0.999, and ones at 0.3 only about 0.12; candidates are
//! then checked against [`THRESHOLD`] on the full signature.

use dyad_model::stable_hash;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions in a signature.
pub const HASHES: usize = 64;
/// Bands of the signature used as lookup keys.
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity from which two articles are near-duplicates.
pub const THRESHOLD: f64 = 0.7;

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u64; HASHES]);

fn mix(mut z: u64) -> u64 {
    // splitmix64's finaliser: a fixed, well-spread permutation of u64.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The signature of a text, or `None` when it has fewer than [`SHINGLE`]
/// words (too short to call anything its duplicate).
///
/// One-permutation hashing (Li, Owen and Zhang 2012): each shingle's hash
/// falls into one of [`HASHES`] bins by its top bits and the bin keeps its
/// minimum; empty bins borrow from the next full one (rotation
/// densification, Shrivastava and Li 2014). One hash per shingle instead of
/// one per shingle and bin, with the same estimate of Jaccard similarity.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                stable_hash(&[w.to_lowercase().as_bytes()])
            } else {
                stable_hash(&[w.as_bytes()])
            }
        })
        .collect();
    if words.len() < SHINGLE {
        return None;
    }
    const EMPTY: u64 = u64::MAX;
    let mut bins = [EMPTY; HASHES];
    let shift = 64 - HASHES.trailing_zeros();
    for win in words.windows(SHINGLE) {
        let h = mix(win
            .iter()
            .fold(0x243f_6a88_85a3_08d3, |acc, &w| mix(acc ^ w)));
        let bin = (h >> shift) as usize;
        let value = h & (u64::MAX >> HASHES.trailing_zeros());
        if value < bins[bin] {
            bins[bin] = value;
        }
    }
    let mut sig = [0; HASHES];
    for (i, slot) in sig.iter_mut().enumerate() {
        // The next full bin to the right (there is one: at least one shingle);
        // the distance is mixed in so borrowed values differ from the lender's.
        let (d, v) = (0..HASHES)
            .map(|d| (d, bins[(i + d) % HASHES]))
            .find(|(_, v)| *v != EMPTY)
            .unwrap_or((0, 0));
        *slot = if d == 0 { v } else { mix(v ^ (d as u64)) };
    }
    Some(Signature(sig))
}

impl Signature {
    /// The lookup key of each band.
    pub fn bands(&self) -> [u64; BANDS] {
        let mut out = [0; BANDS];
        for (b, slot) in out.iter_mut().enumerate() {
            let mut bytes = [0u8; ROWS * 8];
            for (chunk, row) in bytes.chunks_exact_mut(8).zip(&self.0[b * ROWS..]) {
                chunk.copy_from_slice(&row.to_le_bytes());
            }
            *slot = stable_hash(&[&[b as u8], &bytes]);
        }
        out
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != HASHES * 8 {
            return None;
        }
        let mut sig = [0; HASHES];
        for (i, c) in b.chunks_exact(8).enumerate() {
            sig[i] = u64::from_le_bytes(c.try_into().ok()?);
        }
        Some(Signature(sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The envoy met the president in the capital on Wednesday for three hours of talks about a ceasefire, officials said, and both sides called the meeting useful and constructive.";

    #[test]
    fn a_wire_copy_with_a_changed_line_is_a_near_duplicate() {
        let a = signature(STORY).unwrap();
        let copy = format!("{STORY} The talks will resume next week.");
        let b = signature(&copy).unwrap();
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        assert!(a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y));
    }

    #[test]
    fn a_different_story_is_not() {
        let a = signature(STORY).unwrap();
        let b = signature("Protesters marched through the port city on Sunday demanding higher wages and the release of detained union leaders, witnesses said.").unwrap();
        assert!(a.similarity(&b) < 0.2, "{}", a.similarity(&b));
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(signature("Too short here").is_none());
        let a = signature(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let a = signature(STORY).unwrap();
        let b = signature(&STORY.to_uppercase().replace(',', " ;")).unwrap();
        assert_eq!(a, b);
    }
}
