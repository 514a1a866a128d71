//! Prints the parse of each sentence of a text file as CoNLL-U-like rows.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for r in dyad_nlp::split_sentences(&text) {
        let p = dyad_nlp::parse(&text, r);
        for (i, w) in p.words.iter().enumerate() {
            let head = w.head.map_or(0, |h| h + 1);
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                w.token.text(&text),
                w.lemma,
                w.upos,
                w.xpos,
                head,
                w.deprel
            );
        }
        println!();
    }
}
