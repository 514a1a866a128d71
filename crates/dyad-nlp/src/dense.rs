//! Hashed dense weights for classifiers with few classes (the parser's
//! three moves): a feature's hash picks a row of the table directly, with
//! no key check and no probing, so scoring a feature is one memory access.
//! Colliding features share a row; training happens in the same hashed
//! space, so the model learns around collisions (the "hashing trick").

use crate::codec::{Reader, Writer};
use crate::Error;

/// Classes per row (the parser has 3; the fourth pads rows to 8 bytes).
pub(crate) const WIDTH: usize = 4;

#[inline]
fn row_of(f: u64, bits: u32) -> usize {
    (f >> (64 - bits)) as usize
}

/// Dense averaged perceptron being trained.
#[derive(Debug)]
pub(crate) struct DenseTrainer {
    bits: u32,
    weight: Vec<[f32; WIDTH]>,
    total: Vec<[f64; WIDTH]>,
    stamp: Vec<u32>,
    now: u32,
}

impl DenseTrainer {
    pub(crate) fn new(bits: u32) -> Self {
        let n = 1usize << bits;
        DenseTrainer {
            bits,
            weight: vec![[0.0; WIDTH]; n],
            total: vec![[0.0; WIDTH]; n],
            stamp: vec![0; n],
            now: 0,
        }
    }

    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32; WIDTH]) {
        *scores = [0.0; WIDTH];
        for &f in feats {
            let r = &self.weight[row_of(f, self.bits)];
            for c in 0..WIDTH {
                scores[c] += r[c];
            }
        }
    }

    pub(crate) fn tick(&mut self) {
        self.now += 1;
    }

    pub(crate) fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            let i = row_of(f, self.bits);
            let elapsed = f64::from(self.now - self.stamp[i]);
            for c in 0..WIDTH {
                self.total[i][c] += elapsed * f64::from(self.weight[i][c]);
            }
            self.stamp[i] = self.now;
            self.weight[i][class] += delta;
        }
    }

    /// Averaged and quantised weights; rows whose weights are all below
    /// `prune` (a fraction of the largest weight) are dropped.
    pub(crate) fn finish(&self, prune: f32) -> DenseWeights {
        let now = f64::from(self.now.max(1));
        let avg: Vec<[f32; WIDTH]> = (0..self.weight.len())
            .map(|i| {
                let elapsed = f64::from(self.now - self.stamp[i]);
                std::array::from_fn(|c| {
                    ((self.total[i][c] + elapsed * f64::from(self.weight[i][c])) / now) as f32
                })
            })
            .collect();
        let max = avg.iter().flatten().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        let cut = prune * 32000.0;
        let rows = avg
            .iter()
            .map(|r| {
                let q: [i16; WIDTH] =
                    std::array::from_fn(|c| (r[c] / scale).round().clamp(-32767.0, 32767.0) as i16);
                if q.iter().all(|&v| f32::from(v).abs() < cut) {
                    [0; WIDTH]
                } else {
                    q
                }
            })
            .collect();
        DenseWeights {
            bits: self.bits,
            rows,
        }
    }
}

/// Read-only hashed dense weights (quantised units).
#[derive(Debug, Clone)]
pub(crate) struct DenseWeights {
    bits: u32,
    rows: Vec<[i16; WIDTH]>,
}

impl DenseWeights {
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32; WIDTH]) {
        *scores = self.sum(feats).map(|v| v as f32);
    }

    /// The sum of the features' rows, in quantised units (exact, so the
    /// sums of parts of a state's features add up to the sum of all).
    #[inline]
    pub(crate) fn sum(&self, feats: &[u64]) -> [i32; WIDTH] {
        let mut acc = [0i32; WIDTH];
        for &f in feats {
            if let Some(r) = self.rows.get(row_of(f, self.bits)) {
                for c in 0..WIDTH {
                    acc[c] += i32::from(r[c]);
                }
            }
        }
        acc
    }

    /// Rows with a weight.
    pub(crate) fn len(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.iter().any(|&v| v != 0))
            .count()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.bits);
        w.u32(self.len() as u32);
        let mut prev = 0usize;
        for (i, r) in self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&v| v != 0))
        {
            w.varint((i - prev) as u64);
            prev = i;
            for &v in r {
                w.zigzag(i64::from(v));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, Error> {
        let bits = r.u32()?;
        if !(4..=26).contains(&bits) {
            return Err(Error::model("dense table size"));
        }
        let mut rows = vec![[0i16; WIDTH]; 1 << bits];
        let n = r.u32()? as usize;
        let mut i = 0usize;
        for _ in 0..n {
            i += r.varint()? as usize;
            let row = rows
                .get_mut(i)
                .ok_or_else(|| Error::model("dense row out of range"))?;
            for v in row.iter_mut() {
                *v = i16::try_from(r.zigzag()?).map_err(|_| Error::model("weight"))?;
            }
        }
        Ok(DenseWeights { bits, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut t = DenseTrainer::new(8);
        for _ in 0..20 {
            t.tick();
            t.update(&[1 << 60, 3 << 58], 1, 1.0);
        }
        let w = t.finish(0.0);
        let mut s = [0f32; WIDTH];
        w.score(&[1 << 60], &mut s);
        assert!(s[1] > 0.0 && s[0] == 0.0);
        let mut out = Writer::default();
        w.write(&mut out);
        let b = out.into_bytes();
        let back = DenseWeights::read(&mut Reader::new(&b)).unwrap();
        let mut s2 = [0f32; WIDTH];
        back.score(&[1 << 60], &mut s2);
        assert_eq!(s, s2);
    }
}
