//! The input document.

use serde::{Deserialize, Serialize};

/// A news document as read from JSONL (`id`, `title`, `text`, `published`,
/// `source`, `url`); any other field is kept in `extra` and passes through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id; when absent the reader derives one from the content.
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body text.
    #[serde(default)]
    pub text: String,
    /// Publication date, `YYYY-MM-DD`: the document's only "now".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields dyad does not know, passed through untouched.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// The text the coder reads and every span points into: the title, a
    /// blank line, then the body; or the body alone when there is no title.
    pub fn full_text(&self) -> String {
        match self.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => format!("{}\n\n{}", t, self.text),
            _ => self.text.clone(),
        }
    }

    /// The id of a document that came without one: `sha-` and a hash of its
    /// title and text, so that the same document gets the same id however it
    /// arrives (a JSONL file, the HTTP API).
    pub fn content_id(&self) -> String {
        let h = crate::stable_hash(&[format!(
            "{}\n{}",
            self.title.as_deref().unwrap_or(""),
            self.text
        )
        .as_bytes()]);
        format!("sha-{h:016x}")
    }

    /// Where the body starts in [`Document::full_text`].
    pub fn body_offset(&self) -> usize {
        match self.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.len() + 2,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_pass_through() {
        let line = r#"{"id":"a","text":"x","lang":"en","n":3}"#;
        let doc: Document = serde_json::from_str(line).unwrap();
        assert_eq!(doc.extra["lang"], "en");
        let back = serde_json::to_value(&doc).unwrap();
        assert_eq!(back["n"], 3);
    }

    #[test]
    fn content_ids_depend_on_title_and_text_only() {
        let a = Document {
            title: Some("T".into()),
            text: "Body.".into(),
            ..Document::default()
        };
        let mut b = a.clone();
        b.source = Some("elsewhere".into());
        assert_eq!(a.content_id(), b.content_id());
        b.text.push('!');
        assert_ne!(a.content_id(), b.content_id());
        assert!(a.content_id().starts_with("sha-"));
    }

    #[test]
    fn full_text_puts_the_title_first() {
        let doc = Document {
            title: Some("Title".into()),
            text: "Body.".into(),
            ..Document::default()
        };
        assert_eq!(doc.full_text(), "Title\n\nBody.");
        assert_eq!(&doc.full_text()[doc.body_offset()..], "Body.");
    }
}
