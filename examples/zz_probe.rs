fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for q in quote_attribution::Extractor::new().extract(&text) {
        let t: String = q.text().chars().take(40).collect();
        println!("{:<42} | {:<28} | {:<22} | {:<22} | {}", t, q.speaker().map_or("-".into(), |s| s.name().to_string()), q.speaker_mention().map_or("-".into(), |m| m.text.to_string()), q.cue().map_or("-".into(), |c| c.text.to_string()), q.rule());
    }
}
