//! Averaged-perceptron weights: a sparse trainer and a compact, read-only
//! table for prediction.
//!
//! Features are 64-bit hashes built without allocating (see
//! [`crate::features`]). During training each feature owns a short list of
//! (class, weight) entries, so a feature pays only for the classes it was
//! updated for. Finished weights are averaged, quantised to `i16`, pruned of
//! near-zero entries and put in an open-addressing table keyed by the
//! feature's 32-bit hash, with all entries in one flat array.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::codec::{Reader, Writer};
use crate::Error;

/// A hasher for keys that are already well-mixed hashes.
#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A fast hasher for short string keys (the multiply-rotate hash of
/// rustc's `FxHasher`): the keys come from the model file, not from an
/// adversary, so SipHash's protection buys nothing and costs most of a
/// look-up.
#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.mix(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }
}

/// A map from strings with [`FastHasher`].
pub(crate) type StrMap<V> = HashMap<String, V, BuildHasherDefault<FastHasher>>;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// Sparse averaged perceptron being trained.
#[derive(Debug)]
pub(crate) struct Trainer {
    classes: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    /// Number of updates (examples) seen so far: the averaging clock.
    now: u32,
}

impl Trainer {
    pub(crate) fn new(classes: usize) -> Self {
        Trainer {
            classes,
            index: IdMap::default(),
            rows: Vec::new(),
            now: 0,
        }
    }

    /// Adds the current weights of `feats` into `scores` (length = classes).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Advances the averaging clock by one example.
    pub(crate) fn tick(&mut self) {
        self.now += 1;
    }

    /// Adds `delta` to the weight of `class` for every feature.
    pub(crate) fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        let now = self.now;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            match row.iter_mut().find(|e| e.class as usize == class) {
                Some(e) => {
                    e.total += f64::from(now - e.stamp) * f64::from(e.weight);
                    e.stamp = now;
                    e.weight += delta;
                }
                None => row.push(Entry {
                    class: class as u16,
                    weight: delta,
                    total: 0.0,
                    stamp: now,
                }),
            }
        }
    }

    /// Averaged, quantised and pruned weights: entries below `prune` (a
    /// fraction of the largest weight) are dropped.
    pub(crate) fn finish(&self, prune: f32) -> Weights {
        let now = f64::from(self.now.max(1));
        let mut averaged: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.rows.len());
        let mut max = 0f32;
        let mut keyed: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keyed.sort_unstable();
        for (key, r) in keyed {
            let row: Vec<(u16, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| {
                    let total =
                        e.total + (f64::from(self.now) - f64::from(e.stamp)) * f64::from(e.weight);
                    (e.class, (total / now) as f32)
                })
                .collect();
            for &(_, w) in &row {
                max = max.max(w.abs());
            }
            averaged.push((short_key(key), row));
        }
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let mut merged: IdMap<Vec<(u16, i32)>> = IdMap::default();
        for (key, row) in averaged {
            let slot = merged.entry(u64::from(key)).or_default();
            for (c, w) in row {
                let q = (w / scale).round() as i32;
                match slot.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => *v += q,
                    None => slot.push((c, q)),
                }
            }
        }
        let mut rows: Vec<(u32, Vec<(u16, i16)>)> = merged
            .into_iter()
            .map(|(k, row)| {
                let mut row: Vec<(u16, i16)> = row
                    .into_iter()
                    .filter(|&(_, q)| q.abs() as f32 >= prune * 32000.0)
                    .map(|(c, q)| (c, q.clamp(-32767, 32767) as i16))
                    .collect();
                row.sort_unstable();
                (k as u32, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.classes, scale, &rows)
    }
}

/// The 32-bit key of a feature hash; never 0 (0 marks an empty slot).
fn short_key(h: u64) -> u32 {
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Read-only weights for prediction.
///
/// An open-addressing table of 32-bit feature keys (0 = empty slot), each
/// slot pointing at its run of (class, quantised weight) entries in one flat
/// array. Scores are in quantised units, which leaves every argmax as it is.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    classes: usize,
    scale: f32,
    mask: usize,
    /// `[key, start << 8 | len]` per slot.
    slots: Vec<[u32; 2]>,
    entries: Vec<Entry16>,
    rows: usize,
    /// Rows with many entries, also written out in full (`stride` weights
    /// each, zeros for the classes they lack) so that scoring them is a
    /// run of vector adds: such a row's slot says `dense_index << 8` (an
    /// entry count of 0), and `dense_meta` keeps its sparse `start << 8 |
    /// len` for writing.
    dense: Vec<i16>,
    dense_meta: Vec<u32>,
    stride: usize,
}

/// A row becomes dense when it has at least this many entries (and the
/// model at least this many classes)...
const DENSE_MIN: usize = 16;
/// ... while the dense rows take at most this many bytes.
const DENSE_MAX_BYTES: usize = 8 << 20;

/// One class weight of a feature.
#[derive(Debug, Clone, Copy)]
struct Entry16 {
    class: u16,
    weight: i16,
}

/// Features found per pass of [`Weights::score`].
const CHUNK: usize = 64;

/// Largest number of entries a table can hold (24-bit offsets).
const MAX_ENTRIES: usize = 1 << 24;

impl Weights {
    fn with_capacity(classes: usize, scale: f32, rows: usize, entries: usize) -> Self {
        let cap = (rows * 2).next_power_of_two().max(16);
        Weights {
            classes,
            scale,
            mask: cap - 1,
            slots: vec![[0, 0]; cap],
            entries: Vec::with_capacity(entries.min(MAX_ENTRIES)),
            rows: 0,
            dense: Vec::new(),
            dense_meta: Vec::new(),
            stride: classes.div_ceil(8) * 8,
        }
    }

    /// Writes out the rows with the most entries in full (see `dense`),
    /// longest first, within [`DENSE_MAX_BYTES`]. Scores do not change:
    /// the sums are of the same small integers.
    fn densify(&mut self) {
        if self.classes < DENSE_MIN {
            return;
        }
        let mut long: Vec<usize> = (0..self.slots.len())
            .filter(|&s| (self.slots[s][1] & 0xff) as usize >= DENSE_MIN)
            .collect();
        long.sort_by_key(|&s| std::cmp::Reverse(self.slots[s][1] & 0xff));
        long.truncate(DENSE_MAX_BYTES / (2 * self.stride));
        long.sort_unstable();
        self.dense = vec![0; long.len() * self.stride];
        self.dense_meta = Vec::with_capacity(long.len());
        for (d, s) in long.into_iter().enumerate() {
            let meta = self.slots[s][1];
            let a = (meta >> 8) as usize;
            let row = &mut self.dense[d * self.stride..(d + 1) * self.stride];
            for e in &self.entries[a..a + (meta & 0xff) as usize] {
                row[e.class as usize] = e.weight;
            }
            self.dense_meta.push(meta);
            self.slots[s][1] = (d as u32) << 8;
        }
    }

    /// The sparse `start << 8 | len` of a slot's row.
    fn sparse_meta(&self, meta: u32) -> u32 {
        if meta & 0xff == 0 {
            self.dense_meta
                .get((meta >> 8) as usize)
                .copied()
                .unwrap_or(0)
        } else {
            meta
        }
    }

    /// Adds a row; keys are unique, rows at most 255 entries.
    fn push_row(&mut self, key: u32, row: impl Iterator<Item = (u16, i16)>) {
        let start = self.entries.len();
        self.entries.extend(
            row.take(255)
                .map(|(class, weight)| Entry16 { class, weight }),
        );
        let len = self.entries.len() - start;
        if len == 0 || self.entries.len() > MAX_ENTRIES || self.rows * 2 >= self.slots.len() {
            self.entries.truncate(start);
            return;
        }
        let mut s = slot_of(key, self.mask);
        while self.slots[s][0] != 0 {
            s = (s + 1) & self.mask;
        }
        self.slots[s] = [key, (start as u32) << 8 | len as u32];
        self.rows += 1;
    }

    fn from_rows(classes: usize, scale: f32, rows: &[(u32, Vec<(u16, i16)>)]) -> Self {
        let n: usize = rows.iter().map(|r| r.1.len()).sum();
        let mut w = Weights::with_capacity(classes, scale, rows.len(), n);
        for (key, row) in rows {
            w.push_row(*key, row.iter().copied());
        }
        w.densify();
        w
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features kept.
    pub(crate) fn len(&self) -> usize {
        self.rows
    }

    /// Number of (feature, class) weights kept.
    pub(crate) fn entries(&self) -> usize {
        self.entries.len()
    }

    /// Sets `scores` (length = classes) to the summed weights of `feats`,
    /// in quantised units.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(feats, scores);
    }

    /// Adds the summed weights of `feats` to `scores` (length = classes),
    /// in quantised units. The sums are of small integers, exact in `f32`,
    /// so the order in which features are added does not matter.
    #[inline]
    pub(crate) fn add_scores(&self, feats: &[u64], scores: &mut [f32]) {
        // Touch every feature's first slot before probing: the loads do not
        // depend on each other, so their cache misses overlap instead of
        // coming one after the other in the probing loop below.
        let mut touched = 0u32;
        for &f in feats {
            touched ^= self.slots[slot_of(short_key(f), self.mask)][0];
        }
        std::hint::black_box(touched);
        // Then find the rows, touching each one's cache lines, and only
        // then add them up: adding a row is a long run of dependent work,
        // which left few rows' misses in flight at a time.
        let mut found = [0u32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            let mut n = 0;
            let mut touched = 0i32;
            for &f in chunk {
                let Some(meta) = self.find(short_key(f)) else {
                    continue;
                };
                touched ^= self.touch(meta);
                found[n] = meta;
                n += 1;
            }
            std::hint::black_box(touched);
            for &meta in &found[..n] {
                if meta & 0xff == 0 {
                    let d = (meta >> 8) as usize * self.stride;
                    if let Some(row) = self.dense.get(d..d + self.stride) {
                        for (x, &w) in scores.iter_mut().zip(row) {
                            *x += f32::from(w);
                        }
                    }
                } else {
                    let a = (meta >> 8) as usize;
                    let b = a + (meta & 0xff) as usize;
                    if let Some(run) = self.entries.get(a..b) {
                        for e in run {
                            if let Some(x) = scores.get_mut(e.class as usize) {
                                *x += f32::from(e.weight);
                            }
                        }
                    }
                }
            }
        }
    }

    /// The `start << 8 | len` (or `dense_index << 8`) of the row of `key`.
    #[inline]
    fn find(&self, key: u32) -> Option<u32> {
        let mut s = slot_of(key, self.mask);
        loop {
            let [k, meta] = self.slots[s];
            if k == key {
                return Some(meta);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Reads a weight from every cache line of a row (see [`Weights::score`]).
    #[inline]
    fn touch(&self, meta: u32) -> i32 {
        let mut t = 0i32;
        if meta & 0xff == 0 {
            let d = (meta >> 8) as usize * self.stride;
            let mut i = d;
            while i < d + self.stride {
                t ^= i32::from(self.dense.get(i).copied().unwrap_or(0));
                i += 32;
            }
            t ^= i32::from(self.dense.get(d + self.stride - 1).copied().unwrap_or(0));
        } else {
            let a = (meta >> 8) as usize;
            let b = a + (meta & 0xff) as usize;
            t ^= i32::from(self.entries.get(a).map_or(0, |e| e.weight));
            t ^= i32::from(self.entries.get(b - 1).map_or(0, |e| e.weight));
        }
        t
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        w.f32(self.scale);
        w.u32(self.rows as u32);
        w.u32(self.entries.len() as u32);
        let mut slots: Vec<[u32; 2]> = self
            .slots
            .iter()
            .filter(|s| s[0] != 0)
            .map(|&[key, meta]| [key, self.sparse_meta(meta)])
            .collect();
        slots.sort_unstable_by_key(|s| s[0]);
        let mut prev = 0u32;
        for [key, meta] in slots {
            w.varint(u64::from(key - prev));
            prev = key;
            let a = (meta >> 8) as usize;
            let run = &self.entries[a..a + (meta & 0xff) as usize];
            w.varint(run.len() as u64);
            for e in run {
                w.varint(u64::from(e.class));
                w.zigzag(i64::from(e.weight));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, Error> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let total = r.u32()? as usize;
        if n > MAX_ENTRIES || total > MAX_ENTRIES {
            return Err(Error::model("weight table too large"));
        }
        let mut w = Weights::with_capacity(classes, scale, n, total);
        let mut key = 0u32;
        for _ in 0..n {
            let delta = u32::try_from(r.varint()?).map_err(|_| Error::model("key delta"))?;
            key = key
                .checked_add(delta)
                .ok_or_else(|| Error::model("key order"))?;
            let len = r.varint()? as usize;
            if len == 0 || len > 255 || key == 0 {
                return Err(Error::model("bad row"));
            }
            let start = w.entries.len();
            for _ in 0..len {
                let class = u16::try_from(r.varint()?).map_err(|_| Error::model("class id"))?;
                if class as usize >= classes {
                    return Err(Error::model("class id out of range"));
                }
                let weight = i16::try_from(r.zigzag()?).map_err(|_| Error::model("weight"))?;
                w.entries.push(Entry16 { class, weight });
            }
            if w.entries.len() > MAX_ENTRIES || w.rows * 2 >= w.slots.len() {
                return Err(Error::model("weight table too large"));
            }
            let mut s = slot_of(key, w.mask);
            while w.slots[s][0] != 0 {
                s = (s + 1) & w.mask;
            }
            w.slots[s] = [key, (start as u32) << 8 | len as u32];
            w.rows += 1;
        }
        w.densify();
        Ok(w)
    }
}

/// A two-class decision table made from [`Weights`]: per feature, the
/// weight of class 1 minus that of class 0, in the same open-addressing
/// layout, so that a feature costs one memory access instead of two. Sums
/// are the quantised integers [`Weights::score`] adds up as `f32` (exact
/// there below 2^24), so decisions are the same.
#[derive(Debug, Clone)]
pub(crate) struct Margins {
    mask: usize,
    /// `(key, margin)` per slot; key 0 marks an empty slot.
    slots: Vec<(u32, i32)>,
}

impl Margins {
    /// The margins of class 1 over class 0 of `w`.
    pub(crate) fn of(w: &Weights) -> Margins {
        let slots = w
            .slots
            .iter()
            .map(|&[key, meta]| {
                let meta = w.sparse_meta(meta);
                let a = (meta >> 8) as usize;
                let b = a + (meta & 0xff) as usize;
                let margin = w
                    .entries
                    .get(a..b)
                    .unwrap_or(&[])
                    .iter()
                    .fold(0i32, |m, e| match e.class {
                        0 => m - i32::from(e.weight),
                        1 => m + i32::from(e.weight),
                        _ => m,
                    });
                (key, if key == 0 { 0 } else { margin })
            })
            .collect();
        Margins {
            mask: w.mask,
            slots,
        }
    }

    /// The summed margins of `feats`, in quantised units.
    #[inline]
    pub(crate) fn sum(&self, feats: &[u64]) -> i32 {
        let mut total = 0i32;
        for &f in feats {
            let key = short_key(f);
            let mut s = slot_of(key, self.mask);
            while let Some(&(k, m)) = self.slots.get(s) {
                if k == key {
                    total += m;
                    break;
                }
                if k == 0 {
                    break;
                }
                s = (s + 1) & self.mask;
            }
        }
        total
    }
}

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_rows_score_and_write_as_sparse_ones() {
        // 40 classes: features with 30 entries are written out in full,
        // one with 3 is not
        let mut t = Trainer::new(40);
        for i in 0..400u32 {
            t.tick();
            t.update(&[7, 9], (i % 30) as usize, 1.0 + (i % 7) as f32);
            t.update(&[8], (i % 3) as usize, -1.0);
        }
        let w = t.finish(0.0);
        assert_eq!(w.dense_meta.len(), 2, "features 7 and 9 are dense");
        let sparse = Weights {
            dense: Vec::new(),
            dense_meta: Vec::new(),
            slots: w
                .slots
                .iter()
                .map(|&[k, m]| [k, if k == 0 { m } else { w.sparse_meta(m) }])
                .collect(),
            ..w.clone()
        };
        let (mut a, mut b) = ([0f32; 40], [0f32; 40]);
        w.score(&[7, 8, 9, 10], &mut a);
        sparse.score(&[7, 8, 9, 10], &mut b);
        assert_eq!(a, b);
        assert!(a[..30].iter().all(|&x| x != 0.0), "{a:?}");
        let (mut out, mut out2) = (Writer::default(), Writer::default());
        w.write(&mut out);
        sparse.write(&mut out2);
        let bytes = out.into_bytes();
        assert_eq!(bytes, out2.into_bytes());
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back.dense, w.dense);
        back.score(&[7, 8, 9, 10], &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn trained_weights_survive_finish_and_a_round_trip() {
        let mut t = Trainer::new(3);
        for _ in 0..50 {
            t.tick();
            t.update(&[11, 22], 2, 1.0);
            t.update(&[11, 33], 0, -1.0);
        }
        let w = t.finish(0.0);
        let mut s = [0f32; 3];
        w.score(&[22], &mut s);
        assert!(s[2] > 0.0 && s[0] == 0.0, "{s:?}");
        let mut out = Writer::default();
        w.write(&mut out);
        let bytes = out.into_bytes();
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        let mut s2 = [0f32; 3];
        back.score(&[11, 22, 33, 44], &mut s2);
        w.score(&[11, 22, 33, 44], &mut s);
        assert_eq!(s, s2);
        assert_eq!(back.len(), w.len());
    }

    #[test]
    fn margins_decide_as_the_two_class_scores() {
        let mut t = Trainer::new(2);
        // a few hundred features with either sign, some updated for both classes
        for i in 0..400u64 {
            t.tick();
            let f = [i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i % 7 + 1];
            t.update(&f, (i % 2) as usize, 1.0 + (i % 5) as f32);
            if i % 3 == 0 {
                t.update(&f, 1 - (i % 2) as usize, -0.5);
            }
        }
        let w = t.finish(0.0);
        let m = Margins::of(&w);
        let mut s = [0f32; 2];
        for i in 0..400u64 {
            // known, unknown and repeated features
            let feats = [
                i.wrapping_mul(0x9E37_79B9_7F4A_7C15),
                i % 7 + 1,
                i + 1_000_000,
                i % 7 + 1,
            ];
            w.score(&feats, &mut s);
            assert_eq!(m.sum(&feats) as f32, s[1] - s[0], "features {feats:?}");
        }
        assert_ne!(m.sum(&[1, 2, 3]), 0);
    }
}
