//! Feature hashing: every feature is a 64-bit hash of a template number and
//! a few atoms (word hashes, tag ids, distances), built without allocating.

/// Mixes one more value into a running hash.
#[inline]
pub(crate) fn step(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Final avalanche (MurmurHash3 `fmix64`) so that all bits are usable.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    finish(step(step(0x9e37_79b9, t), a))
}

#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(step(step(step(0x9e37_79b9, t), a), b))
}

#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(step(step(step(step(0x9e37_79b9, t), a), b), c))
}

#[inline]
pub(crate) fn f4(t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    finish(step(step(step(step(step(0x9e37_79b9, t), a), b), c), d))
}

/// Hashes of the parts of one word used as features.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordHashes {
    /// The form as written.
    pub form: u64,
    /// The lower-cased form.
    pub lower: u64,
    /// Lower-cased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    /// Lower-cased prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Word shape: `Xx`, `d.d`, `X.X.`.
    pub shape: u64,
}

/// Sentinel atoms for positions outside the sentence.
pub(crate) const NONE: u64 = 0x6e6f_6e65;
pub(crate) const START: u64 = 0x7374_6172;
pub(crate) const END: u64 = 0x656e_6421;

pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = 0x1234_5678u64;
    for c in s.chars() {
        h = step(h, u64::from(c));
    }
    finish(h)
}

/// The hash of the lower-cased word, as used for dictionaries.
#[cfg(test)]
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = 0x1234_5678u64;
    for c in s.chars().flat_map(char::to_lowercase) {
        h = step(h, u64::from(normalise(c)));
    }
    finish(h)
}

/// Curly quotes and apostrophes are treated as straight ones, and digits
/// as one digit, so that `’s` is `'s` and `1984` is like `1985`.
#[inline]
fn normalise(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' => '-',
        '0'..='9' => '0',
        c => c,
    }
}

impl WordHashes {
    /// Hashes of `form`; `scratch` is reused between calls.
    pub(crate) fn new(form: &str, scratch: &mut Vec<char>) -> Self {
        let lower = lower_chars(form, scratch);
        let n = scratch.len();
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = suffix_hash(scratch, k);
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            let len = (k + 1).min(n);
            let mut h = 0x50u64 + k as u64;
            for &c in &scratch[..len] {
                h = step(h, u64::from(c));
            }
            *p = h;
        }
        WordHashes {
            form: hash_str(form),
            lower,
            suffix,
            prefix,
            shape: shape_hash(form),
        }
    }

    /// Only the `lower`, `shape` and `suffix[2]` hashes of [`WordHashes::new`],
    /// for the sentence-boundary model, which reads no others.
    pub(crate) fn lower_shape_suffix3(form: &str, scratch: &mut Vec<char>) -> (u64, u64, u64) {
        let lower = lower_chars(form, scratch);
        (lower, shape_hash(form), suffix_hash(scratch, 2))
    }
}

/// Fills `scratch` with the lower-cased, normalised characters of `form`
/// and returns their hash.
fn lower_chars(form: &str, scratch: &mut Vec<char>) -> u64 {
    scratch.clear();
    if form.is_ascii() {
        // an ASCII character lower-cases to the one character
        // `to_ascii_lowercase` gives
        scratch.extend(
            form.bytes()
                .map(|b| normalise(char::from(b.to_ascii_lowercase()))),
        );
    } else {
        scratch.extend(form.chars().flat_map(char::to_lowercase).map(normalise));
    }
    let mut lower = 0x1234_5678u64;
    for &c in scratch.iter() {
        lower = step(lower, u64::from(c));
    }
    finish(lower)
}

/// The hash of the last `k + 1` characters of `lower`.
fn suffix_hash(lower: &[char], k: usize) -> u64 {
    let n = lower.len();
    let len = (k + 1).min(n);
    let mut h = 0x5u64 + k as u64;
    for &c in &lower[n - len..] {
        h = step(h, u64::from(c));
    }
    h
}

/// The word's shape (`Xxxx`, `dd`, `X.X.`), runs of a class cut at two.
fn shape_hash(form: &str) -> u64 {
    let mut shape = 0x77u64;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            normalise(c)
        };
        run = if s == last { run + 1 } else { 0 };
        if run < 2 {
            shape = step(shape, u64::from(s));
        }
        last = s;
    }
    shape
}

/// A distance bucket: 1, 2, 3, 4, 5–6, 7–10, more.
#[inline]
pub(crate) fn distance(a: usize, b: usize) -> u64 {
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_lower_case_as_any_word_does() {
        let mut a = Vec::new();
        for w in [
            "Iran", "U.S.", "1984", "it's", "DON'T", "x-ray", "", "A\tb", "~`^",
        ] {
            let h = lower_chars(w, &mut a);
            let b: Vec<char> = w
                .chars()
                .flat_map(char::to_lowercase)
                .map(normalise)
                .collect();
            assert_eq!(a, b, "{w:?}");
            let mut lower = 0x1234_5678u64;
            for &c in &b {
                lower = step(lower, u64::from(c));
            }
            assert_eq!(h, finish(lower), "{w:?}");
        }
    }

    #[test]
    fn lower_case_digits_and_quotes_are_normalised() {
        let mut s = Vec::new();
        let a = WordHashes::new("Russia’s", &mut s);
        let b = WordHashes::new("russia's", &mut s);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.lower, hash_lower("RUSSIA'S"));
        assert_eq!(
            WordHashes::new("1984", &mut s).lower,
            WordHashes::new("2025", &mut s).lower
        );
        assert_eq!(
            WordHashes::new("", &mut s).suffix[3],
            WordHashes::new("", &mut s).suffix[3]
        );
    }

    #[test]
    fn the_boundary_models_hashes_are_those_of_the_full_set() {
        let mut s = Vec::new();
        for w in [
            "Russia’s",
            "U.S.",
            "",
            "a",
            "1984",
            "Kyiv-based",
            "ÉTÉ",
            "...",
        ] {
            let full = WordHashes::new(w, &mut s);
            let three = WordHashes::lower_shape_suffix3(w, &mut s);
            assert_eq!(three, (full.lower, full.shape, full.suffix[2]), "{w:?}");
        }
    }
}
