//! The little binary format of the model files: little-endian integers,
//! LEB128 varints and length-prefixed strings, framed by [`seal`] and
//! [`open`] (zlib around an 8-byte magic, a format number and the body).

use std::io::{Read, Write};

use crate::Error;

/// A model file's bytes: `magic`, `format`, then what `body` writes, all
/// zlib-compressed at `level`.
pub(crate) fn seal(
    magic: &[u8; 8],
    format: u32,
    level: flate2::Compression,
    body: impl FnOnce(&mut Writer),
) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes(magic);
    w.u32(format);
    body(&mut w);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), level);
    // writing into a Vec cannot fail
    let _ = z.write_all(&w.buf);
    z.finish().unwrap_or_default()
}

/// A model file opened by [`open`]: its format number and its body.
#[derive(Debug)]
pub(crate) struct Opened {
    pub(crate) format: u32,
    raw: Vec<u8>,
}

/// Bytes of the magic and the format number.
const HEADER: usize = 12;

impl Opened {
    /// A reader at the start of the body.
    pub(crate) fn body(&self) -> Reader<'_> {
        Reader::new(self.raw.get(HEADER..).unwrap_or_default())
    }
}

/// Inflates a file written by [`seal`] and checks its header: the magic of
/// a dyad `what` (`syntax model`) and one of the `formats` this build
/// reads, the newest last.
pub(crate) fn open(
    bytes: &[u8],
    magic: &[u8; 8],
    what: &str,
    formats: &[u32],
) -> Result<Opened, Error> {
    let mut raw = Vec::with_capacity(bytes.len() * 3);
    flate2::read::ZlibDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|_| Error::model("not zlib data"))?;
    let mut r = Reader::new(&raw);
    if r.take(8)? != magic {
        return Err(Error::model(&format!("not a dyad {what}")));
    }
    let format = r.u32()?;
    if !formats.contains(&format) {
        let newest = formats.last().copied().unwrap_or_default();
        return Err(Error::model(&format!(
            "{what} format {format}, this build reads {newest}"
        )));
    }
    Ok(Opened { format, raw })
}

#[derive(Debug, Default)]
pub(crate) struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub(crate) fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.bytes(s.as_bytes());
    }
    pub(crate) fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
}

#[derive(Debug)]
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| Error::model("truncated"))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }
    #[inline]
    pub(crate) fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(&b) = self.buf.get(self.pos) {
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(Error::model("varint too long"));
            }
        }
        Err(Error::model("truncated"))
    }
    #[inline]
    pub(crate) fn zigzag(&mut self) -> Result<i64, Error> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    pub(crate) fn str(&mut self) -> Result<String, Error> {
        let n = self.varint()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| Error::model("string is not UTF-8"))
    }
    pub(crate) fn strs(&mut self) -> Result<Vec<String>, Error> {
        let n = self.varint()? as usize;
        let mut v = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            v.push(self.str()?);
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_and_a_foreign_one_is_refused() {
        let magic = b"DYADTST\0";
        let bytes = seal(magic, 3, flate2::Compression::best(), |w| w.str("body"));
        let opened = open(&bytes, magic, "test model", &[2, 3]).expect("it opens");
        assert_eq!(opened.format, 3);
        assert_eq!(opened.body().str().unwrap(), "body");
        let err = |r: Result<Opened, Error>| r.expect_err("refused").to_string();
        assert!(err(open(&bytes, magic, "test model", &[4]))
            .contains("test model format 3, this build reads 4"));
        assert!(
            err(open(&bytes, b"DYADXXX\0", "other model", &[3])).contains("not a dyad other model")
        );
        assert!(err(open(b"nonsense", magic, "test model", &[3])).contains("not zlib"));
        assert!(open(&bytes[..bytes.len() / 2], magic, "test model", &[3]).is_err());
    }

    #[test]
    fn round_trip_and_truncation() {
        let mut w = Writer::default();
        w.varint(300);
        w.zigzag(-5);
        w.str("héllo");
        w.f32(1.5);
        let b = w.into_bytes();
        let mut r = Reader::new(&b);
        assert_eq!(r.varint().unwrap(), 300);
        assert_eq!(r.zigzag().unwrap(), -5);
        assert_eq!(r.str().unwrap(), "héllo");
        assert_eq!(r.f32().unwrap(), 1.5);
        assert!(r.u32().is_err());
    }
}
