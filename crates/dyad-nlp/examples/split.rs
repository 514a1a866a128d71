//! Prints the sentences and tokens of a text file, one sentence a line.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for r in dyad_nlp::split_sentences(&text) {
        let toks: Vec<&str> = dyad_nlp::tokenize(&text, r)
            .iter()
            .map(|t| t.text(&text))
            .collect();
        println!("{}", toks.join(" "));
    }
}
